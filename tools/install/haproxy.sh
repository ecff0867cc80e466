#!/usr/bin/env bash
# HAProxy (Debian package) for the scale-out test: two `tacecds serve` instances behind a real load balancer
# (tests/TaceCds.Cli.Tests/ScaleOut). The test starts its own haproxy process with a generated configuration on
# loopback ports; the distribution's own haproxy service is not used.
# Idempotent: installs (and runs apt-get update) only when haproxy is missing.
set -euo pipefail
command -v haproxy >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends haproxy >/dev/null
echo "installed $(haproxy -v | head -1)"
