#!/usr/bin/env python3
"""Regenerates src/TaceCds.Dicom/Dictionary/DicomDictionary.txt from DCMTK's copy of the DICOM PS3.6
data dictionary. Usage: python3 generate-dictionary.py /usr/share/libdcmtk17/dicom.dic > DicomDictionary.txt"""
import re
import sys

SPECIAL = {'xs': 'US', 'ox': 'OW', 'lt': 'OW', 'up': 'UL', 'px': 'OW'}
HEADER = """# DICOM data dictionary: tag -> VR, used only to decode implicit VR little endian.
# Source: DICOM PS3.6 (Data Dictionary), as distributed in DCMTK 3.6.7's dicom.dic
# (Debian package libdcmtk17, /usr/share/libdcmtk17/dicom.dic). Regenerate with
# tests/TaceCds.Dicom.Tests/Fixtures/generate-dictionary.py; DictionaryAgreesWithDcmtk checks it.
# Context-dependent VRs resolved as DCMTK does for implicit VR: xs -> US (SS when marked 'xs' and
# Pixel Representation is 1), ox/lt/px -> OW, up -> UL.
# 'xx' in a tag matches any two hex digits (repeating groups 50xx/60xx/7Fxx)."""


def mask(first, last):
    if last is None:
        return first
    assert first[:2] == last[:2] and first[2:] == '00' and last[2:] == 'FF', (first, last)
    return first[:2] + 'xx'


def main(path):
    print(HEADER)
    for line in open(path):
        if line.startswith('#') or not line.strip():
            continue
        tag, vr = line.rstrip('\n').split('\t')[:2]
        if vr == 'na' or '-o-' in tag or '-u-' in tag:
            continue  # item tags, group lengths and private creators are handled in code
        g1, g2, e1, e2 = re.match(
            r'\(([0-9A-F]{4})(?:-([0-9A-F]{4}))?,([0-9A-F]{4})(?:-([0-9A-F]{4}))?\)', tag).groups()
        # 'xs' entries keep a marker: their VR is SS when Pixel Representation (0028,0103) is 1.
        marker = ' xs' if vr == 'xs' else ''
        print(f"{mask(g1, g2)}{mask(e1, e2)} {SPECIAL.get(vr, vr)}{marker}")


if __name__ == '__main__':
    main(sys.argv[1])
