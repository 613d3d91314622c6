#!/usr/bin/env bash
# Runs every test of the solution against real servers and prints one closing line:
#   tests: N passed, N failed
# Installs what the tests need when missing (scripts/install-prerequisites.sh: PostgreSQL, Chromium, LibreOffice
# Writer, poppler, fonts) and starts PostgreSQL on 127.0.0.1 first.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-prerequisites.sh || { echo "error: could not install the system packages the tests need (scripts/install-prerequisites.sh)" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
if [ -f scripts/start-postgres.sh ]; then
  bash scripts/start-postgres.sh || { echo "error: could not start PostgreSQL for the tests (scripts/start-postgres.sh)" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

results=TestResults
rm -rf "$results"
dotnet test CommunitySafety.slnx -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "${#trx_files[@]}" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=$((failed + 1))
  echo "error: dotnet test failed before running any test (see above)" >&2
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host crashed or a project failed to build: count it, never report a clean run.
  failed=1
fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
