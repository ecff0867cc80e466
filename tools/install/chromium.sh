#!/usr/bin/env bash
# Headless Chromium for the tumor-board report's browser test (tests/TaceCds.Report.Tests, driven by Playwright for .NET
# with ExecutablePath=/usr/bin/chromium). Debian's package only: no browser is ever downloaded by Playwright.
# Idempotent and quiet when Chromium is already there; `apt-get update` only when it has to install.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
echo "installing chromium (Debian package)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
