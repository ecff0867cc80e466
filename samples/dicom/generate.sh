#!/usr/bin/env bash
# Regenerates samples/dicom/sample-sr.dcm from its text source with DCMTK's xml2dsr (a third-party encoder, so the
# sample does not depend on our own reader or writer). DCMTK: bash tools/install/dicom-tools.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v xml2dsr >/dev/null 2>&1 || { echo "xml2dsr (DCMTK) not found: run bash tools/install/dicom-tools.sh" >&2; exit 2; }
xml2dsr "$here/sample-sr.xml" "$here/sample-sr.dcm"
echo "wrote $here/sample-sr.dcm"
