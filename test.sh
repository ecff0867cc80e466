#!/usr/bin/env bash
# Installs whatever the tests need (idempotent; works as root on a bare Debian machine with the .NET SDK)
# and runs every test. CI (.ci/run) calls exactly this.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. Test dependencies (each installer is a no-op when its tool is already present).
for installer in tools/install/*.sh; do
  [ -e "$installer" ] || continue
  echo "== $(basename "$installer")"
  bash "$installer"
done

# 2. Build once, then run every test project.
dotnet build TaceCds.sln -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
mkdir -p artifacts/test-results
rm -f artifacts/test-results/suites.log
dotnet test TaceCds.sln -c Release --no-build -nologo \
  --logger "console;verbosity=minimal" --results-directory artifacts/test-results 2>&1 | tee artifacts/test-results/dotnet-test.log

# 3. Suites that run through the CLI itself.
for suite in tools/suites/*.sh; do
  [ -e "$suite" ] || continue
  echo "== $(basename "$suite")"
  bash "$suite" 2>&1 | tee -a artifacts/test-results/suites.log
done

# One closing line for the whole run: every xunit test plus every CLI-suite check.
passed=$(grep -hoE 'Passed: +[0-9]+' artifacts/test-results/dotnet-test.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -hoE 'Failed: +[0-9]+' artifacts/test-results/dotnet-test.log | awk '{s+=$2} END {print s+0}')
suite_passed=$(grep -hoE '^[0-9]+ passed, [0-9]+ failed' artifacts/test-results/suites.log 2>/dev/null | awk '{s+=$1} END {print s+0}')
echo "All test suites passed."
echo "$((passed + suite_passed)) passed, ${failed} failed"
