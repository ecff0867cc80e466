#!/usr/bin/env bash
# The audit trail under sustained load, then a clean stop (every answered call must be audited) or a kill -9 (the
# crash window: how many answered calls, answered how long before the kill, are not in the store). Issue 13 row 4.
# Usage: bench/cds-hooks/audit-trail.sh <sqlite|postgres> <stop|kill> [seconds] [connections] [patient]
#        (defaults: 60 s, 8 connections, p15). Extra server settings through the environment, e.g.
#        TaceCds__Audit__MaxPending=0 for group commit.
# PostgreSQL: the test cluster of tools/install/postgresql.sh (or TACECDS_TEST_PG), in a throwaway schema.
# Prints the server's last log lines and one JSON line of numbers (bench/cds-hooks/audit-trail.js).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
backend="${1:?sqlite|postgres}"; mode="${2:?stop|kill}"; seconds="${3:-60}"; connections="${4:-8}"; patient="${5:-p15}"
port="${PORT:-5861}"
work="$(mktemp -d)"
pg="${TACECDS_TEST_PG:-Host=127.0.0.1;Port=54329;Database=tacecds;Username=tacecds;Password=tacecds}"
schema="bench_$$"
psql_pg() { PGPASSWORD=tacecds psql -h 127.0.0.1 -p 54329 -U tacecds -d tacecds -qAt "$@"; }
cleanup() {
  [ -n "${server:-}" ] && kill -9 "$server" 2>/dev/null || true
  [ "$backend" = postgres ] && psql_pg -c "drop schema if exists $schema cascade" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
case "$backend" in
  sqlite) store="sqlite:$work/store.db" ;;
  postgres) psql_pg -c "create schema $schema" >/dev/null; store="postgres:$pg;Search Path=$schema" ;;
  *) echo "backend must be sqlite or postgres" >&2; exit 2 ;;
esac
node "$here/make-request.js" "$root/samples/$patient.json" > "$work/request.json"
"$root/tacecds" version >/dev/null   # build once before timing anything
"$root/tacecds" serve --port "$port" --no-local-data --as-of 2025-06-01 --no-auth --store "$store" > "$work/serve.log" 2>&1 &
server=$!
echo "$server" > "$work/pid"
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/cds-services" && break; sleep 1; done
node "$here/audit-trail.js" "$mode" "$store" "$seconds" "$connections" "$work/pid" "$port" "$work/request.json"
server=""
grep -E "audit|fail|crit" -i "$work/serve.log" | tail -5 || true
