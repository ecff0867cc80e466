#!/usr/bin/env bash
# Checks `tacecds fhirpath` end to end: a result, a bad expression (exit 2, one line), and --batch.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="$root/tacecds"
shared="${TACECDS_SHARED:-$root/../shared}"
patient="$shared/conformance/fhirpath/resources/patient-example.json"
fail() { echo "fhirpath-cli: $*" >&2; exit 1; }

out="$("$cli" fhirpath "Patient.name.where(use = 'official').given" --resource "$patient" --as-of 2024-01-01)"
[ "$out" = '["Peter","James"]' ] || fail "unexpected result: $out"

set +e
err="$("$cli" fhirpath "Patient.name.(" 2>&1 >/dev/null)"; code=$?
set -e
[ "$code" -eq 2 ] || fail "bad expression exited $code, expected 2"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "error is not one line: $err"
case "$err" in *FP101*position*) ;; *) fail "error lacks code/position: $err" ;; esac

batch="$(printf '%s\n' "{\"file\":\"$patient\",\"expression\":\"gender\"}" '{"resource":{"a":2},"expression":"a * 3"}' '{"expression":"1 +"}' \
  | "$cli" fhirpath --batch --as-of 2024-01-01)"
expected='{"result":["male"]}
{"result":[6]}'
[ "$(printf '%s\n' "$batch" | head -2)" = "$expected" ] || fail "unexpected batch output: $batch"
printf '%s\n' "$batch" | sed -n 3p | grep -q '"error":"FP101' || fail "batch error line missing: $batch"
echo "fhirpath-cli: ok"
