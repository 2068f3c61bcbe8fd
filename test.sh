#!/usr/bin/env bash
# Runs every test of TradingPlatform against real PostgreSQL, Redis and RabbitMQ servers that the tests start
# themselves. Installs what is missing first. Extra arguments go to `dotnet test` (for example --filter ...).
# The last line is the summary CI reads: "tests: N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/prerequisites.sh
tp_ensure_prerequisites || exit 1

results=.artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

echo "[setup] building (Debug)"
if ! dotnet build TradingPlatform.sln -c Debug -nologo -v quiet -clp:ErrorsOnly; then
  echo "tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

# One test project at a time (-m:1): the projects start whole stacks and real servers, and on a small machine running
# them side by side turns the timing assertions (a stack stops within 15 s) into a contest for the CPU.
# A test host gets 10 minutes, not vstest's 90 s, to connect: a fresh-clone run here once aborted the Trading tests'
# host ("Failed to negotiate protocol ... timed out after 90 seconds") while the AppHost tests' stacks were still going
# down; the same tests alone start in seconds and pass. A host that never answers still fails the run.
export VSTEST_CONNECTION_TIMEOUT="${VSTEST_CONNECTION_TIMEOUT:-600}"
dotnet test TradingPlatform.sln -c Debug --no-build --nologo -m:1 \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
test_status=$?

# Sum the counters of every project's TRX report.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }')
if [ "$test_status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=1 # a test host crashed or a project's tests could not run: never report that as green
fi
summary="tests: ${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "${failed:-0}" -eq 0 ]
