#!/usr/bin/env bash
# Load test of the CDS Hooks service: patient-view with full prefetch for one sample patient, measured with wrk.
# Usage: bench/cds-hooks/load.sh [patient] [seconds] [connections]   (defaults: p15 20 1)
# Needs wrk (Debian: apt-get install wrk) and node. Starts `tacecds serve` on 127.0.0.1 with no local data,
# so every answer is computed from the prefetch in the request; stops it afterwards.
# NICE=-10 runs the server and wrk at a higher scheduling priority (root only): on a machine shared with other
# heavy jobs this measures the service rather than the queue for the CPU.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
patient="${1:-p15}"; seconds="${2:-20}"; connections="${3:-1}"; port="${PORT:-5860}"
command -v wrk >/dev/null || { echo "load.sh: wrk is required (apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
node "$here/make-request.js" "$root/samples/$patient.json" > "$work/request.json"
echo "request: $patient, $(wc -c < "$work/request.json") bytes"
# --no-auth: wrk sends one request over and over, which the JWT replay check would refuse; the audit store is a
# throwaway SQLite file (each call writes one fsync'd audit record, part of what is measured).
${NICE:+nice -n "$NICE"} "$root/tacecds" serve --port "$port" --no-local-data --as-of 2025-06-01 --no-auth --store "sqlite:$work/store.db" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/cds-services" && break; sleep 1; done
url="http://127.0.0.1:$port/cds-services/tace-course-review"
curl -sf -H 'Content-Type: application/json' --data-binary "@$work/request.json" "$url" | head -c 200; echo
export REQUEST_FILE="$work/request.json"
wrk -t1 -c"$connections" -d5s -s "$here/post.lua" "$url" > /dev/null   # warm-up (JIT, tiered compilation)
${NICE:+nice -n "$NICE"} wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$here/post.lua" "$url"
