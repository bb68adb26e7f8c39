"""Evidence store: content-addressed, deduplicated, size-capped, checked against its hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.storage.evidence_store import EvidenceError, EvidenceStore


def test_add_copies_by_hash_and_deduplicates(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    src = tmp_path / "会议纪要.pdf"
    src.write_bytes(b"%PDF-1.4 minutes")
    first = store.add(src)
    second = store.add(src)
    assert first == second
    assert first.sha256 == hashlib.sha256(b"%PDF-1.4 minutes").hexdigest()
    src.unlink()
    assert store.path_for(first.sha256).read_bytes() == b"%PDF-1.4 minutes"
    assert [p for p in (tmp_path / "store").rglob("*") if p.is_file()] == [
        store.path_for(first.sha256)
    ]


def test_size_cap_gives_clear_message(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store", max_bytes=10)
    src = tmp_path / "big.bin"
    src.write_bytes(b"x" * 11)
    with pytest.raises(EvidenceError) as err:
        store.add(src)
    assert "超过单个佐证材料的上限" in err.value.message
    assert not list((tmp_path / "store").rglob("*")) or not any(
        p.is_file() for p in (tmp_path / "store").rglob("*")
    )


def test_check_reports_missing_and_changed(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    src = tmp_path / "a.txt"
    src.write_text("证明", encoding="utf-8")
    sha = store.add(src).sha256
    assert store.check(sha) == "ok"
    store.path_for(sha).write_text("篡改", encoding="utf-8")
    assert store.check(sha) == "changed"
    store.path_for(sha).unlink()
    assert store.check(sha) == "missing"
