#!/usr/bin/env bash
# An anonymous burst against the public PDF report while a signed-in analyst reads the dashboard, on one `csp serve`
# instance over SQLite (the demo plan), with wrk on the same machine:
#   0. the dashboard alone (4 connections),
#   1. the dashboard while 16 anonymous connections fetch /public/reports/progress.pdf (cached after the first),
#   2. the dashboard while 16 anonymous connections fetch the PDF for a different period each time (never cached:
#      every request needs Chromium, so the PDF gate answers 503 with Retry-After beyond its queue).
# Prints one RESULT line per wrk run (p50/p95/p99 in ms, requests, error statuses) and the most Chromium processes seen.
#
#   bench/load/public-pdf.sh [--duration 30] [--burst 16]
set -euo pipefail
duration=30
burst=16
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --burst) burst=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "public-pdf.sh needs $tool" >&2; exit 2; }
done

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/csp-pdf-load.XXXXXX)
password="Load-test-password-$$"
pid=""
cleanup() { [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; rm -rf "$work"; }
trap cleanup EXIT

dotnet build "$repo/src/CommunitySafety.Cli" -c Release -v quiet -nologo >&2
csp="$repo/src/CommunitySafety.Cli/bin/Release/net10.0/csp.dll"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
(cd "$work" && exec env Logging__LogLevel__Default=Warning Demo__Seed=true Demo__Password="$password" \
   dotnet "$csp" serve --database sqlite --connection "Data Source=$work/csp.db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1) &
pid=$!
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.5; done

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
jar="$work/cookies"
sign_in_token=$(curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" | token_of)
curl -s -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" \
  --data-urlencode "email=analyst@example.org" --data-urlencode "password=$password" --data-urlencode "__RequestVerificationToken=$sign_in_token"
cookie=$(awk -F'\t' '/csp-session/ { printf "%s=%s", $6, $7 }' "$jar")
[ -n "$cookie" ] || { echo "no sign-in cookie" >&2; exit 1; }
url="http://127.0.0.1:$port"
curl -sf -o /dev/null -H "Cookie: $cookie" "$url/dashboard"   # warm

dashboard() { CSP_NAME="dashboard($1)" CSP_PATH=/dashboard CSP_COOKIE="$cookie" wrk -t1 -c4 -d"${duration}s" --timeout 10s -s "$repo/bench/load/latency.lua" "$url" | grep RESULT; }
most_chromium() { local most=0 n; while kill -0 "$1" 2>/dev/null; do n=$(pgrep -c -x chromium || true); [ "${n:-0}" -gt "$most" ] && most=$n; sleep 0.5; done; echo "most Chromium processes seen: $most"; }

echo "== 0. dashboard alone"
dashboard alone

echo "== 1. dashboard during a burst of $burst anonymous connections on /public/reports/progress.pdf"
CSP_NAME="public-pdf(cached)" CSP_PATH=/public/reports/progress.pdf wrk -t1 -c"$burst" -d"${duration}s" --timeout 60s -s "$repo/bench/load/latency.lua" "$url" >"$work/burst1" &
b=$!; most_chromium $b >"$work/chromium1" & m=$!
dashboard "pdf burst"
wait $b; wait $m; grep RESULT "$work/burst1"; cat "$work/chromium1"

echo "== 2. dashboard during a burst of $burst anonymous connections, each request a period not in the cache"
CSP_NAME="public-pdf(uncached)" CSP_RANDOM_PERIOD=1 CSP_PATH=/public/reports/progress.pdf wrk -t1 -c"$burst" -d"${duration}s" --timeout 60s -s "$repo/bench/load/latency.lua" "$url" >"$work/burst2" &
b=$!; most_chromium $b >"$work/chromium2" & m=$!
dashboard "uncached pdf burst"
wait $b; wait $m; grep RESULT "$work/burst2"; cat "$work/chromium2"
curl -s -o /dev/null -D - "$url/public/reports/progress.pdf?period=Q1%202077%2F78" | grep -i -E "^HTTP|retry-after" || true
