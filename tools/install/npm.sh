#!/usr/bin/env bash
# Installs the Node tooling in tools/ (fhirpath.js for the FHIRPath differential test and benchmark).
# Idempotent and quiet when node_modules already matches package-lock.json; installs Node/npm only if missing.
set -euo pipefail
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node/npm not found: installing from the distribution"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi

stamp="$tools/node_modules/.tacecds-lock.sha256"
want="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
# --ignore-scripts: fhirpath's preinstall only concerns its own demo folder; nothing we need runs at install.
(cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
echo "$want" > "$stamp"
echo "tools/node_modules installed ($(node --version))"
