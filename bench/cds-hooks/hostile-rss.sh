#!/usr/bin/env bash
# Peak RSS of the process that hosts the service during the hostile probe suite (issue 13: < 512 MB). The suite runs
# the service in memory, so the test host process holds the service, the misbehaving FHIR servers and xunit: its
# peak (VmHWM, read from /proc just before it exits) is an upper bound for the service's.
# Usage: bench/cds-hooks/hostile-rss.sh   (after `dotnet build tests/TaceCds.Service.Tests -c Release`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test "$root/tests/TaceCds.Service.Tests" -c Release --no-build --filter "FullyQualifiedName~.Hostile." > "$log" 2>&1 &
runner=$!
peak=0
while kill -0 "$runner" 2>/dev/null; do
  for pid in $(pgrep -f "$root/tests/TaceCds.Service.Tests/bin/Release/net10.0/TaceCds.Service.Tests" || true); do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
  done
  sleep 0.2
done
wait "$runner" || { cat "$log"; exit 1; }
grep -E "Passed!|Failed!" "$log"
echo "peak RSS of the test host: $((peak / 1024)) MB"
