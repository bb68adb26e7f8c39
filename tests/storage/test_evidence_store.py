"""Evidence store: content-addressed, deduplicated, size-capped, checked against its hash."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
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


def test_adding_again_repairs_a_stored_copy_damaged_since(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    src = tmp_path / "照片.jpg"
    src.write_bytes(b"JPEG original bytes")
    sha = store.add(src).sha256
    store.path_for(sha).write_bytes(b"JPEG damaged! bytes")  # same size, other content
    assert store.check(sha) == "changed"
    store.add(src)
    assert store.check(sha) == "ok"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_stored_files_and_backups_follow_the_umask(tmp_path: Path) -> None:
    from desktop.storage import backup as archive
    from desktop.storage import evidence_store

    old = os.umask(0o022)
    evidence_store._UMASK = None
    try:
        store = EvidenceStore(tmp_path / "store")
        src = tmp_path / "a.txt"
        src.write_bytes(b"evidence")
        stored = store.path_for(store.add(src).sha256)
        assert stat.S_IMODE(stored.stat().st_mode) == 0o644
        db = tmp_path / "db.sqlite3"
        sqlite3.connect(db).close()
        out = tmp_path / "b.lsbak"
        archive.write_archive(
            out, database=db, evidence_root=store.root, referenced={}, app_version="t"
        )
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        fresh = tmp_path / "restored"
        manifest = archive.verify_archive(out)
        archive.extract_evidence(out, manifest, fresh)
        assert stat.S_IMODE(fresh.joinpath(stored.parent.name, stored.name).stat().st_mode) == 0o644
    finally:
        os.umask(old)
        evidence_store._UMASK = None
