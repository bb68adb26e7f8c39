"""Keeps translations when strings move between classes: refill unfinished messages by source text.

Usage: i18n_carry.py save TS SNAPSHOT | i18n_carry.py fill TS SNAPSHOT (tools/i18n.sh runs both).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _known(ts: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            continue
        if translation.text:
            out.setdefault(source, translation.text)
    return out


def main(argv: list[str]) -> int:
    command, ts, snapshot = argv[0], Path(argv[1]), Path(argv[2])
    if command == "save":
        snapshot.write_text(json.dumps(_known(ts), ensure_ascii=False), encoding="utf-8")
        return 0
    known = json.loads(snapshot.read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    left = sum(1 for t in tree.iter("translation") if t.get("type") == "unfinished")
    print(f"{ts.name}: {filled} carried over, {left} still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
