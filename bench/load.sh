#!/usr/bin/env bash
# Web under load: two instances of the app (csp serve) on loopback over one PostgreSQL database (a fresh one on the
# server at 127.0.0.1:5432, dropped afterwards), loaded by wrk with a signed-in analyst's cookie:
#   0. one connection per instance for 20 s (the latency of a page on an idle app, for comparison),
#   1. the dashboard only, 2. indicator pages only (reads), 3. reads and writes mixed (every 5th request submits a value
#   through the data entry form, with the anti-forgery token), then every acknowledged write is looked for in the
#   database: lost = acknowledged but not stored (must be 0).
# Connections are split evenly between the instances (one wrk process each). Prints Markdown for docs/benchmarks.md.
#
#   bench/load.sh [--duration 60] [--connections 50] [--write-every 5] [--warmup 5]
#
# Needs wrk (Debian package; scripts/install-prerequisites.sh), psql, curl, and PostgreSQL on 127.0.0.1:5432
# (bash scripts/start-postgres.sh); CSP_PG ("host port user password") to use another server.
set -euo pipefail

duration=60
connections=50
write_every=5
warmup=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --write-every) write_every=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk psql curl python3; do
  command -v "$tool" >/dev/null || { echo "load.sh needs $tool (bash scripts/install-prerequisites.sh)" >&2; exit 2; }
done

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/csp-load.XXXXXX)
password="Load-test-password-$$"
source "$repo/bench/load/common.sh"
trap csp_cleanup EXIT

echo "== build" >&2
csp_build
csp_database csp_load

echo "== two instances over $db" >&2
ports=("$(free_port)")
csp_start "${ports[0]}" Demo__Seed=true Demo__Password="$password"   # migrates, seeds, creates the key ring
ports+=("$(free_port)")
csp_start "${ports[1]}"

# Sign in on the first instance; the anti-forgery token comes from the second (the key ring is shared).
csp_sign_in "${ports[0]}"
token=$(curl -sf -c "$work/cookies" -b "$work/cookies" "http://127.0.0.1:${ports[1]}/entry/form?framework=DAMF&period=Q1%203000%2F01" | token_of)
[ -n "$token" ] || { echo "no anti-forgery token" >&2; exit 1; }

per_instance=$(( connections / 2 ))
# run NAME WRITE_EVERY READS SECONDS: one wrk process per instance, at the same time.
run() {
  local name=$1 every=$2 reads=$3 seconds=$4 i wrk_pids=()
  for i in 0 1; do
    CSP_COOKIE="$cookie" CSP_TOKEN="$token" CSP_INSTANCE=$i CSP_INSTANCES=2 CSP_THREADS=1 CSP_WRITE_EVERY=$every CSP_READS="$reads" \
      CSP_ACK_FILE="$work/ack-$name" wrk -t1 -c"$per_instance" -d"${seconds}s" --timeout 10s --latency -s "$repo/bench/load/mixed.lua" \
      "http://127.0.0.1:${ports[$i]}" >"$work/wrk-$name-$i.txt" 2>&1 &
    wrk_pids+=($!)
  done
  wait "${wrk_pids[@]}"
}

value() { grep "^$1 " "$2" | awk '{print $2}'; }
rps() { grep '^Requests/sec' "$1" | awk '{print $2}'; }
non2xx() { { grep -o 'Non-2xx or 3xx responses: [0-9]*' "$1" || echo ": 0"; } | awk -F': ' '{print $2}'; }

report_row() { # name, connections per instance
  local name=$1 i
  for i in 0 1; do
    local f="$work/wrk-$name-$i.txt"
    printf '| %s | %s | %s | %s | %s | %s ms | %s ms | %s ms | %s | %s |\n' "$name" "$((i + 1))" "$2" "$(value csp-requests "$f")" "$(rps "$f")" \
      "$(value csp-latency-p50-ms "$f")" "$(value csp-latency-p95-ms "$f")" "$(value csp-latency-p99-ms "$f")" \
      "$(( $(value csp-socket-errors "$f") + $(value csp-app-errors "$f") + $(non2xx "$f") ))" "$(value csp-timeouts "$f")"
  done
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== warm-up ${warmup}s" >&2
run warmup 0 "" "$warmup"
echo "== one connection per instance, reads, 20s" >&2
connections_saved=$per_instance; per_instance=1
run single 0 "" 20
per_instance=$connections_saved
echo "== dashboard only ${duration}s" >&2
run dashboard 0 "/dashboard,/dashboard?framework=DAMF" "$duration"
echo "== indicator pages only ${duration}s" >&2
run indicators 0 "/indicators/DA-C2,/indicators/DA-E1,/indicators/DA-02,/indicators/YJ-01" "$duration"
echo "== mixed reads and writes ${duration}s" >&2
run mixed "$write_every" "" "$duration"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Every acknowledged write must be in the database.
# comm needs text order (not numeric order): sort both lists the same way, bytewise.
cat "$work"/ack-mixed.* 2>/dev/null | LC_ALL=C sort -u >"$work/acknowledged"
psql -qAt -d "$db" -c "SELECT (v.\"PeriodStart\" - 36003) / 3 FROM \"IndicatorValues\" v JOIN \"Indicators\" i ON i.\"Id\" = v.\"IndicatorId\"
  WHERE i.\"Code\" = 'DA-C2' AND v.\"PeriodKind\" = 'FinancialQuarter' AND v.\"PeriodStart\" >= 36003" | LC_ALL=C sort -u >"$work/stored"
sent=$(( $(value csp-writes-sent "$work/wrk-mixed-0.txt") + $(value csp-writes-sent "$work/wrk-mixed-1.txt") ))
acknowledged=$(wc -l <"$work/acknowledged")
stored=$(wc -l <"$work/stored")
lost=$(LC_ALL=C comm -23 "$work/acknowledged" "$work/stored" | wc -l)
unacknowledged=$(LC_ALL=C comm -13 "$work/acknowledged" "$work/stored" | wc -l)
audit=$(psql -qAt -d "$db" -c "SELECT count(*) FROM \"WebAuditEntries\" WHERE \"Action\" = 'Value submitted' AND \"EntityKey\" LIKE 'DA-C2 Q_ 3%'")

cat <<MD
Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM,
$(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), PostgreSQL $(psql -qAt -d postgres -c 'SHOW server_version' | cut -d' ' -f1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}').
Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Load average (1, 5, 15 min) before: $load_before; after: $load_after.
Command: \`bench/load.sh --duration $duration --connections $connections --write-every $write_every\` ($per_instance connections per instance).

| run | instance | connections | requests | requests/s | p50 | p95 | p99 | errors | of which timeouts (> 10 s) |
|---|---|---|---|---|---|---|---|---|---|
$(report_row single 1)
$(report_row dashboard "$per_instance")
$(report_row indicators "$per_instance")
$(report_row mixed "$per_instance")

Writes (mixed run): sent $sent, acknowledged (HTTP 302 to the submitted form) $acknowledged, stored $stored,
acknowledged but not stored (lost) **$lost**, stored but not acknowledged (in flight when wrk stopped) $unacknowledged,
audit entries for them $audit.
MD
