#!/usr/bin/env bash
# The CPU cost of a cached page, the steady figure on a shared machine: one `csp serve` instance over a fresh
# PostgreSQL database (the demo plan), a signed-in analyst, wrk on one page list for a while; prints the requests, the
# app's and PostgreSQL's CPU seconds (user + sys, from /proc) per 1,000 requests, and the database statements
# (transactions, from pg_stat_database) per request. With --trace FILE the instance runs under dotnet-trace
# (sampled thread time) for the wrk run.
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
read -r pg_host pg_port pg_user pg_password <<<"${CSP_PG:-127.0.0.1 5432 postgres postgres}"
export PGHOST=$pg_host PGPORT=$pg_port PGUSER=$pg_user PGPASSWORD=$pg_password
db="csp_cpu_$(date +%s)_$$"
work=$(mktemp -d /tmp/csp-cpu.XXXXXX)
password="Cpu-test-password-$$"
pid=""

cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$repo/src/CommunitySafety.Cli" -c Release -v quiet -nologo >&2
csp="$repo/src/CommunitySafety.Cli/bin/Release/net10.0/csp.dll"
psql -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
conn="Host=$pg_host;Port=$pg_port;Database=$db;Username=$pg_user;Password=$pg_password;Maximum Pool Size=60${CSP_CONNECTION_EXTRA:-}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

(cd "$work" && exec env Logging__LogLevel__Default=Warning Demo__Seed=true Demo__Password="$password" \
    dotnet "$csp" serve --database postgresql --connection "$conn" --urls "http://127.0.0.1:$port" >"$work/instance.log" 2>&1) &
pid=$!
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/account/sign-in" && break; sleep 0.5; done

jar="$work/cookies"
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
t=$(curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" | token_of)
curl -s -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" \
  --data-urlencode "email=analyst@example.org" --data-urlencode "password=$password" --data-urlencode "__RequestVerificationToken=$t"
cookie=$(awk -F'\t' '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " } /^#HttpOnly_/ { split($0, f, "\t"); printf "%s%s=%s", sep, f[6], f[7]; sep="; " }' "$jar")

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
  /work/tmp/perf/tools/dotnet-trace collect -p "$app" --profile dotnet-sampled-thread-time -o "$trace" \
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
