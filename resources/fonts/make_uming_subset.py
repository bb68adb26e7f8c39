"""Rebuild uming-gb2312.ttf: AR PL UMing CN cut down to GB 2312 so the bundled Song face stays small.

Run with a Python that has fontTools (Debian: python3-fonttools) and fonts-arphic-uming installed:
    /usr/bin/python3 resources/fonts/make_uming_subset.py
Characters outside GB 2312 fall back to WenQuanYi Micro Hei at render time (desktop/reports/fonts.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
TARGET = Path(__file__).with_name("uming-gb2312.ttf")
# The Arphic Public License (section 2a) asks for a notice inside every modified file.
NOTICE = (
    "Modified 2026-11 for Luoshi Ledger: subset of AR PL UMing CN (Debian fonts-arphic-uming "
    "0.2.20080216.2) to the GB 2312 character set plus Latin and CJK punctuation; bitmaps, "
    "vertical metrics and OpenType layout tables removed. Distributed under the Arphic Public "
    "License, see uming.LICENSE.txt."
)


def _in_gb2312(code: int) -> bool:
    try:
        chr(code).encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def main() -> int:
    font = TTCollection(str(SOURCE)).fonts[0]  # index 0 is the mainland (CN) flavour
    cmap = font.getBestCmap()
    keep = [
        c
        for c in cmap
        if c < 0x2E80 or _in_gb2312(c) or 0x3000 <= c <= 0x303F or 0xFF00 <= c <= 0xFFEF
    ]
    opts = subset.Options()
    opts.drop_tables += [
        "BDF ",
        "EBDT",
        "EBLC",
        "FFTM",
        "VORG",
        "vhea",
        "vmtx",
        "GSUB",
        "GPOS",
        "GDEF",
    ]
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.layout_features = []
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    names = font["name"]
    names.setName(NOTICE, 10, 3, 1, 0x409)
    names.setName(NOTICE, 10, 1, 0, 0)
    font.save(str(TARGET))
    print(f"{TARGET}: {len(keep)} characters, {TARGET.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
