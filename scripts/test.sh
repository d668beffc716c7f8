#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line: "N passed, N failed, N skipped".
# Functional tests use a real Azurite: the one named by SMARTNUMBERS_TEST_STORAGE (a connection string; .ci/run sets it),
# otherwise the test fixture starts one from tools/node_modules for the run.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Twilio").
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x tools/node_modules/.bin/azurite-table ]; then
  echo "Installing the Node tools (Azurite, Twilio and ACS peers) into tools/node_modules ..."
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
set +e
dotnet test Smartnumbers.sln -c Release --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
rc=$?
set -e

passed=0; failed=0; skipped=0; total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  t=$(get total); e=$(get executed); p=$(get passed); f=$(get failed); er=$(get error); to=$(get timeout); ab=$(get aborted)
  total=$((total + t)); passed=$((passed + p)); failed=$((failed + f + er + to + ab)); skipped=$((skipped + t - e))
done

echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  [ "$total" -eq 0 ] && echo "no test ran" >&2
  exit 1
fi
