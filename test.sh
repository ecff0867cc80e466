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
dotnet test TaceCds.sln -c Release --no-build -nologo \
  --logger "console;verbosity=minimal" --results-directory artifacts/test-results

# 3. Suites that run through the CLI itself.
for suite in tools/suites/*.sh; do
  [ -e "$suite" ] || continue
  echo "== $(basename "$suite")"
  bash "$suite"
done
echo "All test suites passed."
