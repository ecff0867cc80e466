#!/usr/bin/env bash
# DICOM reference tools for the TaceCds.Dicom differential tests:
#   dcmtk        dcm2json, dsr2xml, dsrdump, xml2dsr, dump2dcm (reference parser and fixture generator)
#   dicom3tools  dciodvfy / dcdump (second opinion on fixtures)
#   python3-pydicom  only for its bundled test files (/usr/share/... test data)
# Idempotent: installs (and runs apt-get update) only when something is missing.
set -euo pipefail
missing=()
command -v dcm2json >/dev/null 2>&1 || missing+=(dcmtk)
command -v dciodvfy >/dev/null 2>&1 || missing+=(dicom3tools)
dpkg -s python3-pydicom >/dev/null 2>&1 || missing+=(python3-pydicom)
[ ${#missing[@]} -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends dcmtk dicom3tools python3-pydicom >/dev/null
