#!/usr/bin/env bash
# Installs the pinned Node packages of tools/package.json (npm ci from package-lock.json).
# Idempotent and quiet: does nothing when tools/node_modules is newer than the lock file.
set -euo pipefail
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm.sh: Node.js 20 with npm is required (tools/package.json)" >&2
  exit 1
fi
stamp="$tools/node_modules/.package-lock.json"
if [ -f "$stamp" ] && [ "$stamp" -nt "$tools/package-lock.json" ]; then
  exit 0
fi
cd "$tools"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
