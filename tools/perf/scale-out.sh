#!/usr/bin/env bash
# Throughput and latency of the CDS Hooks service with 1 and 2 instances behind HAProxy, sharing one PostgreSQL
# database (docs/performance.md, "Scale-out"). Needs: tools/install/postgresql.sh, tools/install/haproxy.sh, wrk
# (apt-get install wrk). Loopback only; each run is bounded by DURATION. Usage: tools/perf/scale-out.sh [DURATION]
# The instances run with --no-auth (allowed on loopback): wrk replays one request, and a JWT may be used only once.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-15s}"
work="$(mktemp -d /tmp/tacecds-scale-out.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$root/tacecds" --help >/dev/null   # builds the CLI when needed
dll="$root/artifacts/cli/tacecds.dll"
schema="perf_$$"
PGPASSWORD=tacecds psql -h 127.0.0.1 -p 54329 -U tacecds -d tacecds -qtAc "create schema $schema" >/dev/null
store="postgres:Host=127.0.0.1;Port=54329;Database=tacecds;Username=tacecds;Password=tacecds;Search Path=$schema"

python3 - "$root/samples/p02.json" > "$work/body.json" <<'PY'
import json, sys
bundle = json.load(open(sys.argv[1]))
types = {"patient": "Patient", "conditions": "Condition", "procedures": "Procedure", "observations": "Observation",
         "imagingStudies": "ImagingStudy", "lesions": "BodyStructure", "medications": "MedicationStatement"}
prefetch = {}
for key, t in types.items():
    rs = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == t]
    prefetch[key] = rs[0] if t == "Patient" else {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in rs]}
print(json.dumps({"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                  "context": {"userId": "Practitioner/example", "patientId": "p02"}, "prefetch": prefetch}))
PY

start_instance() { # port
  (cd "$work" && exec dotnet "$dll" serve --no-auth --no-local-data --as-of 2025-06-01 --store "$store" --urls "http://127.0.0.1:$1" >"$work/serve-$1.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.2; done
  echo "instance on $1 did not become ready" >&2; exit 1
}

run() { # instances
  local lb=58700 servers=""
  for i in $(seq 1 "$1"); do servers+="  server s$i 127.0.0.1:$((58710 + i)) check"$'\n'; done
  cat > "$work/haproxy-$1.cfg" <<CFG
global
  maxconn 1024
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
frontend cds
  bind 127.0.0.1:$lb
  default_backend tacecds
backend tacecds
  balance roundrobin
  option httpchk GET /health/ready
  default-server inter 1s fall 2 rise 1
$servers
CFG
  haproxy -db -f "$work/haproxy-$1.cfg" >"$work/haproxy-$1.log" 2>&1 &
  local hp=$!
  pids+=($hp)
  sleep 2
  # Warm-up (JIT, connection pools), then the measured run.
  TACECDS_WRK_BODY="$work/body.json" wrk -t2 -c8 -d3s -s "$root/tools/perf/patient-view.lua" "http://127.0.0.1:$lb/cds-services/tace-course-review" >/dev/null
  echo "== $1 instance(s) behind HAProxy: wrk -t2 -c16 -d$duration --latency"
  TACECDS_WRK_BODY="$work/body.json" wrk -t2 -c16 -d"$duration" --latency -s "$root/tools/perf/patient-view.lua" \
    "http://127.0.0.1:$lb/cds-services/tace-course-review" | grep -E "Requests/sec|Latency |50%|90%|99%|requests in|Non-2xx"
  kill -9 "$hp"; wait "$hp" 2>/dev/null || true
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_instance 58711
run 1
start_instance 58712
run 2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=tacecds psql -h 127.0.0.1 -p 54329 -U tacecds -d tacecds -qtAc "drop schema $schema cascade" >/dev/null
