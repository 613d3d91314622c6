#!/usr/bin/env bash
# Long fuzz run of the CSV importers (police.uk street/outcomes/stop-and-search, ONS population and lookups, indicator
# values and Fingertips exports): the same CsCheck tests CI runs for a few seconds each, run for longer.
#
#   bench/fuzz.sh [seconds per fuzz test, default 600] [--no-build]
#
# CI (.ci/run) runs it for 12 seconds per test with --no-build after the solution is built: under a minute, from
# random seeds, on top of the fixed-seed iterations the test step runs.
# Each of the three fuzz tests runs for that many seconds (CSP_FUZZ_SECONDS). A failure prints the shrunk input
# (seed file, rows kept, mutations) and the CsCheck seed; replay it with CsCheck_Seed=<seed> and the same command.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
export CSP_FUZZ_SECONDS=$seconds

if [ "${2:-}" != "--no-build" ]; then
  dotnet build tests/CommunitySafety.Data.Tests -c Release
  dotnet build tests/CommunitySafety.Monitoring.Tests -c Release
fi
# The test host's default hang timeout is far longer than a fuzz test; the tests bound each import themselves.
dotnet test tests/CommunitySafety.Data.Tests -c Release --no-build --filter "FullyQualifiedName~CsvFuzzTests" \
  --logger "console;verbosity=detailed"
dotnet test tests/CommunitySafety.Monitoring.Tests -c Release --no-build --filter "FullyQualifiedName~IndicatorCsvFuzzTests" \
  --logger "console;verbosity=detailed"
