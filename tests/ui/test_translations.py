"""The English translation ships complete: every string Qt Linguist found has a translation."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from desktop.config import resources_dir


def test_english_ts_has_no_unfinished_messages_and_a_built_qm() -> None:
    ts = resources_dir() / "i18n" / "luoshi_en.ts"
    tree = ET.parse(ts)
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if (m.find("translation") is not None and m.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert not unfinished, f"untranslated (run tools/i18n.sh and translate): {unfinished}"
    qm = ts.with_suffix(".qm")
    assert qm.is_file() and qm.stat().st_size > 1000
