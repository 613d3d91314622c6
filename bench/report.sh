#!/usr/bin/env bash
# Board report benchmark: the community safety plan progress report of one partnership (the demo plan, Luton
# 2024/25, with its saved strategic assessment) written as HTML, Word and PDF by `csp report progress`: first all three from one command
# (--out r.html --out r.docx --out r.pdf: one start-up, one report build, one HTML render, one Chromium launch), then
# each format in a process of its own; timed with /usr/bin/time -v (wall, CPU, peak memory).
#
#   bench/report.sh [--work /work/tmp/csp-report] [--runs 3]
#
# The target (issue "Performance at national scale"): HTML + Word + PDF for one partnership in ≤ 5 s.
set -euo pipefail

work=/work/tmp/csp-report
runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) work=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
case "$(realpath -m "$work")/" in "$repo"/*) echo "--work must be outside the repository" >&2; exit 2 ;; esac
echo "== build" >&2
dotnet build -c Release -v q "$repo/src/CommunitySafety.Cli" >&2
csp="$repo/src/CommunitySafety.Cli/bin/Release/net10.0/csp"
rm -rf "$work" && mkdir -p "$work" && cd "$work"

echo "== csp demo (stores, example plan, both reports in three formats)" >&2
/usr/bin/time -v "$csp" demo > demo.out 2> demo.time || { tail -20 demo.time >&2; exit 1; }

"$csp" assess --area Luton --year 2024/25 --format json --out assessment.json 2> assess.err || { cat assess.err >&2; exit 1; }
report=(report progress --period 2024/25 --meeting-date 2026-01-29 --assessment assessment.json)

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"; }
cpu() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$1"; }
peak() { awk -F': ' '/Maximum resident/ { printf "%d", $2 / 1024 }' "$1"; }

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| run | format | wall s | CPU s | peak MB | load average |"
echo "| ---: | --- | ---: | ---: | ---: | --- |"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -v "$csp" "${report[@]}" --out one.html --out one.docx --out one.pdf > /dev/null 2> one.time || { tail -20 one.time >&2; exit 1; }
  echo "| $run | **html + docx + pdf, one command** | **$(seconds one.time)** | $(cpu one.time) | $(peak one.time) | $(cut -d' ' -f1-3 /proc/loadavg) |"
  total=0
  for ext in html docx pdf; do
    /usr/bin/time -v "$csp" "${report[@]}" --out "progress.$ext" > /dev/null 2> "$ext.time" || { tail -20 "$ext.time" >&2; exit 1; }
    w=$(seconds "$ext.time")
    total=$(awk -v a="$total" -v b="$w" 'BEGIN { print a + b }')
    echo "| $run | $ext | $w | $(cpu "$ext.time") | $(peak "$ext.time") | $(cut -d' ' -f1-3 /proc/loadavg) |"
  done
  echo "| $run | the three, separate commands | $total | | | |"
done
