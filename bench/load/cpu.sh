#!/usr/bin/env bash
# The CPU cost of a cached page, the steady figure on a shared machine: one `csp serve` instance over a fresh
# PostgreSQL database (the demo plan), a signed-in analyst, wrk on one page list for a while; prints the requests, the
# app's and PostgreSQL's CPU seconds (user + sys, from /proc) per 1,000 requests, and the database statements
# (transactions, from pg_stat_database) per request. With --trace FILE the instance runs under dotnet-trace
# (sampled thread time) for the wrk run (`dotnet-trace` from PATH, or CSP_DOTNET_TRACE).
#
#   bench/load/cpu.sh [--duration 20] [--connections 8] [--pages /dashboard,/indicators/DA-C2] [--trace out.nettrace]
#                    [--uncached 20]
#
# With --uncached N it first requests each page N times one at a time, each time after raising the store's change
# counter by SQL (so the page is built from the store), and prints the statements and the median time of such a page.
#
# Needs wrk, psql, curl, python3 and PostgreSQL on 127.0.0.1:5432 (CSP_PG as in bench/load.sh).
set -euo pipefail

duration=20
connections=8
pages="/dashboard,/dashboard?framework=DAMF,/indicators/DA-C2,/indicators/DA-E1,/indicators/DA-02,/indicators/YJ-01"
trace=""
uncached=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --trace) trace=$(realpath -m "$2"); shift 2 ;;
    --uncached) uncached=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/csp-cpu.XXXXXX)
password="Cpu-test-password-$$"
source "$repo/bench/load/common.sh"
trap csp_cleanup EXIT

csp_build
csp_database csp_cpu
port=$(free_port)
csp_start "$port" Demo__Seed=true Demo__Password="$password"
pid=${pids[0]}
csp_sign_in "$port"

load() { # seconds
  CSP_COOKIE="$cookie" CSP_TOKEN="" CSP_INSTANCE=0 CSP_INSTANCES=1 CSP_THREADS=1 CSP_WRITE_EVERY=0 CSP_READS="$pages" \
    wrk -t1 -c"$connections" -d"$1s" --timeout 10s --latency -s "$repo/bench/load/mixed.lua" "http://127.0.0.1:$port"
}
cpu_of() { # pids...: user + sys clock ticks
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$total"
}
backends() { psql -qAt -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db'"; }
xacts() { psql -qAt -d postgres -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$db'"; }

load 10 >/dev/null # warm-up: the JIT, the caches, the connection pool
if [ "$uncached" -gt 0 ]; then
  bump() { psql -qAt -d "$db" -c 'UPDATE "StoreVersion" SET "Version" = "Version" + 1' >/dev/null; }
  IFS=, read -ra list <<<"$pages"
  for page in "${list[@]}"; do
    x0=$(xacts); for _ in $(seq 1 "$uncached"); do bump; done; sleep 1; x1=$(xacts) # the bumps' own transactions
    times=()
    for _ in $(seq 1 "$uncached"); do
      bump
      times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "http://127.0.0.1:$port$page")")
    done
    sleep 1; x2=$(xacts)
    python3 - "$page" "$uncached" "$x0" "$x1" "$x2" "${times[@]}" <<'PY'
import statistics, sys
page, n, x0, x1, x2 = sys.argv[1], int(sys.argv[2]), *(int(v) for v in sys.argv[3:6])
times = sorted(float(t) * 1000 for t in sys.argv[6:])
print(f"uncached {page}: statements-per-request {((x2 - x1) - (x1 - x0)) / n:.1f}, median {statistics.median(times):.1f} ms")
PY
  done
fi
app=$(pgrep -P "$pid" -f csp.dll || echo "$pid")
tracer=""
if [ -n "$trace" ]; then
  "${CSP_DOTNET_TRACE:-dotnet-trace}" collect -p "$app" --profile dotnet-sampled-thread-time -o "$trace" \
    --duration "00:00:00:$(( duration + 4 ))" >"$work/trace.log" 2>&1 &
  tracer=$!
fi
[ -n "$trace" ] && sleep 3
pg=$(backends)
app_before=$(cpu_of "$app"); pg_before=$(cpu_of $pg); x_before=$(xacts); load_before=$(cut -d' ' -f1-3 /proc/loadavg)
load "$duration" >"$work/wrk.txt"
app_after=$(cpu_of "$app"); pg_after=$(cpu_of $(backends)); load_after=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 1; x_after=$(xacts) # pg_stat_database is updated up to 0.5 s late
[ -n "$tracer" ] && { wait "$tracer" || true; }
requests=$(grep '^csp-requests ' "$work/wrk.txt" | awk '{print $2}')
hz=$(getconf CLK_TCK)
python3 - "$requests" "$app_before" "$app_after" "$pg_before" "$pg_after" "$x_before" "$x_after" "$hz" <<'PY'
import sys
r, a0, a1, p0, p1, x0, x1, hz = (int(v) for v in sys.argv[1:])
print(f"requests {r}")
print(f"app-cpu-s-per-1000 {(a1 - a0) / hz / r * 1000:.2f}")
print(f"postgres-cpu-s-per-1000 {(p1 - p0) / hz / r * 1000:.2f}")
print(f"statements-per-request {(x1 - x0) / r:.2f}")
PY
grep -E '^(Requests/sec|csp-latency-p50-ms|csp-latency-p95-ms|csp-socket-errors|csp-app-errors)' "$work/wrk.txt"
echo "load average before: $load_before; after: $load_after; $(date -u '+%Y-%m-%d %H:%M UTC')"
