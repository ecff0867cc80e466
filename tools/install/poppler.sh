#!/usr/bin/env bash
# pdftotext (Debian's poppler-utils) for the tumor-board browser test: it reads the text of each page of the printed
# packet to check the running patient header and the page count. Idempotent and quiet when it is already there.
set -euo pipefail
[ -x /usr/bin/pdftotext ] && exit 0
echo "installing poppler-utils (Debian package, for pdftotext)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
/usr/bin/pdftotext -v 2>&1 | head -1
