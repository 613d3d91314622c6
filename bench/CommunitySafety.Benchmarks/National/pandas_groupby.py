"""The pandas side of the national comparison (bench/national.sh): what an analyst would write.

Reads the concatenated street-level file with pandas.read_csv (C engine, default types) and counts rows by month,
force and crime type, the same group-by as the DuckDB runs and as our importer's monthly counts.
Run with Debian's python3-pandas: /usr/bin/python3 pandas_groupby.py street.csv
"""
import sys
import time

import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
counts = frame.groupby(["Month", "Reported by", "Crime type"]).size()
print(f"pandas {pd.__version__}: {int(counts.sum())} rows, {len(counts)} groups, {time.perf_counter() - start:.2f} s")
