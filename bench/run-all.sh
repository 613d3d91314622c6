#!/usr/bin/env bash
# Every national-scale benchmark from one command (results in docs/benchmarks.md):
#   1. import of one national year: ours against DuckDB read_csv (serial, parallel, its own load) and pandas (bench/national.sh)
#   2. import cost at 1, 2, 4 and 8 national years (bench/national.sh --scaling)
#   3. the strategic assessment of every CSP over 5 national years (a generated store with lookups and population;
#      the national-assess runner: bulk read, then every CSP assessed; first iteration cold, then warm)
#   4. the board report, HTML + Word + PDF (bench/report.sh)
#
#   bench/run-all.sh [--data /work/tmp/csp-bench] [--quick]
#
# --quick: 1% of national volume, 1 year of import and 2 of assessment, no scaling: a few minutes, to try the scripts.
# Generated data goes under --data (never into the repository); each step's Markdown goes to --data/*.md.
set -euo pipefail

data=/work/tmp/csp-bench
quick=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
case "$(realpath -m "$data")/" in "$repo"/*) echo "--data must be outside the repository" >&2; exit 2 ;; esac
mkdir -p "$data"
if [[ $quick == 1 ]]; then scale=0.01; years=2; else scale=1; years=5; fi

echo "== 1-2. import: side by side, then scaling" >&2
if [[ $quick == 1 ]]; then
  bash "$repo/bench/national.sh" --years 1 --scale "$scale" --data "$data/import"
else
  bash "$repo/bench/national.sh" --years 1 --scaling "1 2 4 8" --data "$data/import"
fi
cp "$data/import/results.md" "$data/import.md" 2>/dev/null || true

echo "== 3. strategic assessment of every CSP over $years national years" >&2
dotnet build -c Release -v q "$repo/src/CommunitySafety.Cli" >&2
dotnet build -c Release -v q "$repo/bench/CommunitySafety.Benchmarks" >&2
csp="$repo/src/CommunitySafety.Cli/bin/Release/net10.0/csp"
bench="$repo/bench/CommunitySafety.Benchmarks/bin/Release/net10.0/CommunitySafety.Benchmarks.dll"
store="$data/assess/national.duckdb"
start=$(( 2024 - years ))
if [[ ! -f "$store" ]]; then
  rm -rf "$data/assess" && mkdir -p "$data/assess"
  "$csp" generate --years "$years" --start "$start-04" --kinds street --seed 1 --scale "$scale" --out "$data/assess/archive" >&2
  "$csp" import lookup --store "$store" "$repo/samples/lookups/LSOA11_WD20_LAD20_lookup.csv" >&2
  "$csp" import lookup --store "$store" "$repo/samples/lookups/LAD17_CSP17_PFA17_lookup.csv" >&2
  "$csp" import population --store "$store" "$repo/samples/population/LSOA_population_mid2015_IoD2019_denominators.csv" >&2
  /usr/bin/time -v "$csp" import police --store "$store" "$data/assess/archive" > /dev/null 2> "$data/assess/import.time"
  rm -rf "$data/assess/archive"
fi
{
  echo "Strategic assessment of every CSP, 2023/24, $years years in the store ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  dotnet "$bench" national-assess "$store" 2023/24 5 recorded
  echo "Every crime type, each area's own funnel points only (FunnelPointForEachPeer = false)"
  dotnet "$bench" national-assess "$store" 2023/24 5 own
} | tee "$data/assess.md"

echo "== 4. board report" >&2
bash "$repo/bench/report.sh" --work "$data/report" | tee "$data/report.md"
