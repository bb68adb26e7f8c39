"""Evidence opened in the system viewer: a read-only copy under the original name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.domain import Quarter
from desktop.services import evidence, ledger
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document


def test_viewable_copy_has_the_original_name_and_cannot_change_the_store(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evidence, "opened_dir", lambda: tmp_path / "opened")
    plan_id = import_document(ws, make_document(1))
    measure_id = ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))[0].id
    source = tmp_path / "现场照片.jpg"
    source.write_bytes(b"\xff\xd8 photo")
    ev = evidence.attach(ws, measure_id, source, quarter=Quarter(2023, 2))
    copy = evidence.viewable_copy(ws, ev)
    assert copy.name == "现场照片.jpg" and copy.read_bytes() == b"\xff\xd8 photo"
    assert not os.access(copy, os.W_OK) or os.geteuid() == 0  # root may write anyway
    stored = evidence.file_path(ws, ev)
    assert stored != copy and stored.suffix == ""
    assert evidence.viewable_copy(ws, ev) == copy  # asked again: the same copy


def test_viewable_copy_of_a_missing_file_says_what_to_do(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evidence, "opened_dir", lambda: tmp_path / "opened")
    plan_id = import_document(ws, make_document(1))
    measure_id = ledger.list_measures(ws.db, plan_id, Quarter(2023, 2))[0].id
    source = tmp_path / "纪要.pdf"
    source.write_bytes(b"%PDF-1.4")
    ev = evidence.attach(ws, measure_id, source, quarter=None)
    evidence.file_path(ws, ev).unlink()
    with pytest.raises(UserError, match="校验佐证材料"):
        evidence.viewable_copy(ws, ev)
