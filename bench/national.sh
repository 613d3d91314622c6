#!/usr/bin/env bash
# National-scale import benchmark: generates a synthetic national police.uk archive (csp generate), then imports the
# first --years years with our importer and, on the same files in the same run, reads them with DuckDB's read_csv
# (parallel=false on the concatenated file; the parallel reader on the monthly files; DuckDB's own load into a table)
# and with pandas (Debian's python3-pandas), with the same group-by. Then import cost at --scaling years.
# Reports wall time, rows/s, MB/s and peak memory (/usr/bin/time -v) as Markdown tables.
#
# Ours runs twice: the full import (every record stored) and --counts-only (the same checks, monthly counts only).
#
#   bench/national.sh [--years 1] [--scaling "1 2 4 8"] [--data /work/tmp/csp-national] [--no-pandas] [--keep]
#                     [--scale 1]   (a share of national volume, e.g. 0.01 to try the script quickly)
#                     [--no-compare] (only the scaling runs)
#                     [--repeat 1]  (run each reader N times and keep its fastest run)
#
# Generated data goes under --data (never into the repository) and is deleted at the end unless --keep.
set -euo pipefail

years=1
scale=1
scaling=""
data=/work/tmp/csp-national
pandas=1
compare=1
keep=0
repeat=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --years) years=$2; shift 2 ;;
    --scaling) scaling=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --no-pandas) pandas=0; shift ;;
    --no-compare) compare=0; shift ;;
    --keep) keep=1; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
case "$(realpath -m "$data")/" in "$repo"/*) echo "--data must be outside the repository" >&2; exit 2 ;; esac
max=$years
for y in $scaling; do (( y > max )) && max=$y; done

echo "== build" >&2
dotnet build -c Release -v q "$repo/src/CommunitySafety.Cli" >&2
dotnet build -c Release -v q "$repo/bench/CommunitySafety.Benchmarks" >&2
csp="$repo/src/CommunitySafety.Cli/bin/Release/net10.0/csp"
bench="$repo/bench/CommunitySafety.Benchmarks/bin/Release/net10.0/CommunitySafety.Benchmarks.dll"
[[ $pandas == 1 ]] && ! /usr/bin/python3 -c 'import pandas' 2>/dev/null && { echo "pandas missing: apt-get install -y python3-pandas (or --no-pandas)" >&2; exit 2; }

mkdir -p "$data"
need=$(( max * 1500 * 2 + 2000 ))
avail=$(df -Pm "$data" | awk 'NR==2 {print $4}')
(( avail > need )) || { echo "not enough disk under $data: ${avail} MB free, about ${need} MB needed" >&2; exit 2; }

echo "== machine" >&2
results="$data/results.md"
: > "$data/loads.txt"
{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(dotnet --version) SDK; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  (( repeat > 1 )) && echo "Each reader run $repeat times, its fastest run kept."
  echo
} > "$results"

archive="$data/archive"
if [[ ! -f "$archive/SYNTHETIC.txt" ]] || ! grep -q "scale: $scale of" "$archive/SYNTHETIC.txt" || (( $(find "$archive" -maxdepth 1 -type d -name '20*' | wc -l) < max * 12 )); then
  echo "== generate $max years (street files)" >&2
  rm -rf "$archive"
  /usr/bin/time -v "$csp" generate --years "$max" --start 2017-04 --kinds street --seed 1 --scale "$scale" --out "$archive" 2> "$data/generate.time" >&2 || { cat "$data/generate.time" >&2; exit 1; }
  grep -E '^Wrote' "$data/generate.time" | tee -a "$results" >&2
fi

months_of() { find "$archive" -maxdepth 1 -type d -name '20*' | sort | head -n $(( $1 * 12 )); }
files_of() { for m in $(months_of "$1"); do ls "$m"/*-street.csv; done; }

# run <label> <rows> <bytes> <command…>: times the command (--repeat times, each on a fresh store, keeping the fastest
# run: on a shared machine the slower runs measure the other work), appends a table row.
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
run() {
  local label=$1 rows=$2 bytes=$3; shift 3
  local log="$data/run.log" best="" best_wall=""
  echo "== $label" >&2
  for (( k = 1; k <= repeat; k++ )); do
    rm -f "$data"/csp.duckdb*
    # Written-back data of the previous run must not be flushed during this one (a commit's fsync waits for it).
    sync
    echo "load before $label (run $k of $repeat): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$data/loads.txt"
    if ! /usr/bin/time -v "$@" > "$log.out" 2> "$log.$k"; then
      tail -20 "$log.$k" >&2
      echo "| $label | failed | | | |" >> "$results"
      return
    fi
    cat "$log.out" >&2
    local w
    w=$(wall_of "$log.$k")
    if [[ -z $best ]] || awk -v a="$w" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best=$k; best_wall=$w; fi
  done
  log="$log.$best"
  local wall rss
  wall=$(wall_of "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  local cpu
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$log")
  awk -v l="$label" -v w="$wall" -v r="$rows" -v b="$bytes" -v m="$rss" -v c="$cpu" 'BEGIN {
    printf "| %s | %.1f | %.1f | %.0f | %.0f | %s |\n", l, w, c, r/w, b/w/1e6, m }' >> "$results"
  echo "$wall" > "$data/last.wall"
}

if [[ $compare == 1 ]]; then
echo "== comparison on $years year(s)" >&2
mapfile -t files < <(files_of "$years")
concat="$data/street-${years}y.csv"
awk 'FNR > 1 || NR == 1' "${files[@]}" > "$concat"
rows=$(( $(wc -l < "$concat") - 1 ))
bytes=$(stat -c %s "$concat")
{
  echo "Comparison: $years national year(s), ${#files[@]} monthly street files, $rows rows, $(( bytes / 1000000 )) MB"
  echo
  echo "| reader | wall s | CPU s | rows/s | MB/s | peak MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} >> "$results"

rm -f "$data"/csp.duckdb*
run "ours: csp import police (monthly files → DuckDB store, monthly counts)" "$rows" "$bytes" \
  "$csp" import police --store "$data/csp.duckdb" $(months_of "$years")
ours=$(cat "$data/last.wall")
rm -f "$data"/csp.duckdb*
run "ours: csp import police --counts-only (same checks, monthly counts only)" "$rows" "$bytes" \
  "$csp" import police --store "$data/csp.duckdb" --counts-only $(months_of "$years")
counts=$(cat "$data/last.wall")
rm -f "$data"/csp.duckdb*
run "DuckDB read_csv(parallel=false) + group-by, concatenated file" "$rows" "$bytes" dotnet "$bench" national-duckdb groupby-serial "$concat"
serial=$(cat "$data/last.wall")
run "DuckDB read_csv (parallel) + group-by, monthly files" "$rows" "$bytes" dotnet "$bench" national-duckdb groupby-parallel "${files[@]}"
run "DuckDB CREATE TABLE AS read_csv(parallel=false), concatenated file" "$rows" "$bytes" dotnet "$bench" national-duckdb load-serial "$concat"
pandas_wall=""
if [[ $pandas == 1 ]]; then
  run "pandas read_csv + groupby (python3-pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)'))" "$rows" "$bytes" \
    /usr/bin/python3 "$repo/bench/CommunitySafety.Benchmarks/National/pandas_groupby.py" "$concat"
  pandas_wall=$(cat "$data/last.wall")
fi
{
  echo
  awk -v o="$ours" -v c="$counts" -v s="$serial" -v p="$pandas_wall" 'BEGIN {
    printf "Ratios (wall, above 1 = ours faster): DuckDB serial / ours = %.2f×", s/o
    if (p != "") printf "; pandas / ours = %.2f×", p/o
    printf "\nCounts-only: DuckDB serial / ours = %.2f×", s/c
    if (p != "") printf "; pandas / ours = %.2f×", p/c
    printf "; full / counts-only = %.2f×\n\n", o/c }'
} >> "$results"
rm -f "$concat"
fi

if [[ -n "$scaling" ]]; then
  {
    echo "Scaling (ours, fresh store each):"
    echo
    echo "| years | wall s | CPU s | rows/s | MB/s | peak MB |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  } >> "$results"
  for y in $scaling; do
    mapfile -t f < <(files_of "$y")
    b=$(cat "${f[@]}" | wc -c)
    r=$(( $(cat "${f[@]}" | wc -l) - ${#f[@]} ))
    rm -f "$data"/csp.duckdb*
    run "$y" "$r" "$b" "$csp" import police --store "$data/csp.duckdb" $(months_of "$y")
    echo "store for $y years: $(du -m "$data/csp.duckdb" | cut -f1) MB" >&2
  done
fi

{ echo; sed 's/$/  /' "$data/loads.txt"; echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"; } >> "$results"
rm -f "$data"/csp.duckdb*
[[ $keep == 1 ]] || rm -rf "$archive"
cat "$results"
