#!/usr/bin/env bash
# The whole test suite, as the README gives it: build the solution (warnings are errors), run every test
# project with TRX logging, and print "N passed, N failed" summed from the TRX counters.
# Needs only the .NET SDK. Exit code: 0 when everything built and every test passed.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="${TEST_RESULTS_DIR:-$(mktemp -d -t autonomy-tests-XXXXXX)}"
mkdir -p "$results"

echo "==> building Autonomy.Orleans.sln (Release)"
if ! dotnet build Autonomy.Orleans.sln -c Release -v minimal; then
  echo "the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "==> starting the services the tests need"
# shellcheck source=postgres.sh
source .ci/postgres.sh || { echo "PostgreSQL could not be started"; echo "0 passed, 1 failed"; exit 1; }
trap autonomy_stop_postgres EXIT
# shellcheck source=chromium.sh
source .ci/chromium.sh || { echo "Chromium could not be installed"; echo "0 passed, 1 failed"; exit 1; }

echo "==> running tests (TRX results in $results)"
dotnet test Autonomy.Orleans.sln -c Release --no-build --logger trx --results-directory "$results"
status=$?

passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "${#trx_files[@]}" -eq 0 ]; then
  echo "no test results were written"
  status=1
fi

echo "$passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
  status=1
fi
exit "$status"
