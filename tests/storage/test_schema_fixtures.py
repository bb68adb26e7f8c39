"""Databases saved by every released schema open in this version with all their data intact."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.models import (
    AuditLog,
    Database,
    Evidence,
    Measure,
    Plan,
    Progress,
    Setting,
    StatusChange,
)
from desktop.models.database import current_revision, head_revision
from desktop.services import backup
from desktop.services.workspace import Workspace
from desktop.storage import backup as archive

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"
FIXTURES = sorted(SCHEMA.glob("*.sqlite3"))
# Start dates and schedules came with schema 0004; the upgrade derives them for older measures
# from their text, as importing it stores them. The 0003 fixture's measures name both (those of
# 0001 and 0002 were worded without them).
DERIVED_SCHEDULE = {
    "0003": {
        "（一）": {"start_date": "2023-01-01", "recurring": None},
        "（二）": {"start_date": None, "recurring": "每季度"},
    }
}


def _schedule(expected: dict[str, Any]) -> dict[str, dict[str, str | None]]:
    stored: dict[str, dict[str, str | None]] = expected.get("schedule", {})
    return stored or DERIVED_SCHEDULE.get(expected["revision"], {})


def _rows(db_file: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
    finally:
        conn.close()


def test_there_is_a_fixture_for_the_first_schema() -> None:
    assert (SCHEMA / "0001.sqlite3").is_file()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_old_database_upgrades_with_data_intact(fixture: Path, tmp_path: Path) -> None:
    expected = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert archive.schema_revision(fixture) == expected["revision"]
    db_file = tmp_path / "ledger.sqlite3"
    shutil.copyfile(fixture, db_file)
    db = Database.open_file(db_file)
    try:
        assert current_revision(db.engine) == head_revision()
        if expected["revision"] == head_revision():
            assert db.migration_backup is None
        else:
            # A pre-migration copy was made, and it holds the old data unchanged.
            assert db.migration_backup is not None
            copy = Path(db.migration_backup)
            assert archive.schema_revision(copy) == expected["revision"]
            assert _rows(copy, "audit_log") == _rows(fixture, "audit_log")
        with db.session() as s:
            plans = {str(p.id): p.title for p in s.scalars(select(Plan))}
            assert plans == expected["plans"]
            assert s.scalar(select(func.count()).select_from(Measure)) == expected["measures"]
            assert s.scalar(select(func.count()).select_from(Progress)) == expected["progress"]
            assert s.scalar(select(func.count()).select_from(Evidence)) == expected["evidence"]
            assert (
                s.scalar(select(func.count()).select_from(StatusChange))
                == expected["status_changes"]
            )
            assert s.scalar(select(func.count()).select_from(AuditLog)) >= expected["audit"]
            for key, value in expected["settings"].items():
                row = s.get(Setting, key)
                assert row is not None and row.value == value
            m = s.scalars(select(Measure).where(Measure.number == "（一）")).one()
            assert m.lead_units == ["省政府办公厅", "省司法厅"]
            assert m.deadline is not None and m.deadline.isoformat() == "2023-06-30"
            # 备注 from schema 0003 on (a database saved before comes up with them empty), start
            # dates and schedules from 0004 on (derived from the text for older measures).
            remarks = expected.get("remarks", {})
            schedules = _schedule(expected)
            for measure in s.scalars(select(Measure)):
                assert measure.remarks == remarks.get(measure.number, "")
                schedule = schedules.get(measure.number, {})
                start = measure.start_date.isoformat() if measure.start_date else None
                assert start == schedule.get("start_date")
                assert measure.recurring == schedule.get("recurring")
            # A fixture whose schema holds them must hold some, or the check above proves nothing.
            assert bool(remarks) == (expected["revision"] >= "0003")
            assert bool(schedules) == (expected["revision"] >= "0003")
            first = s.get(Measure, 1)
            assert first is not None and first.status == "in_progress"
            texts = sorted(p.progress_text for p in first.progress)
            assert texts == ["完成清单初稿。", "清单已印发。"]
            names = sorted(e.original_name for e in s.scalars(select(Evidence)))
            assert "现场照片😀.jpg" in names and "-清单.xlsx" in names
            if expected.get("snapshots"):
                from desktop.models.entities import QuarterSnapshot

                count = s.scalar(select(func.count()).select_from(QuarterSnapshot))
                assert count == expected["snapshots"]
            status_log = s.scalars(select(AuditLog).where(AuditLog.action == "status")).first()
            assert status_log is not None
            assert status_log.old_value == "not_started" and status_log.author == "张科员"
    finally:
        db.close()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_old_database_backs_up_and_restores(fixture: Path, tmp_path: Path) -> None:
    data = tmp_path / "old"
    data.mkdir()
    shutil.copyfile(fixture, data / "ledger.sqlite3")
    ws = Workspace.open(data)
    try:
        saved = backup.create_backup(ws, tmp_path / "old.lsbak")
    finally:
        ws.close()
    assert len(saved.manifest.missing) == 3  # the fixture carries rows, not the files
    result = backup.restore_backup(tmp_path / "new", saved.path)
    assert result.info.measures == 14
    expected = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))
    restored = Workspace.open(tmp_path / "new")
    try:
        with restored.db.session() as s:
            kept = {
                m.number: (m.remarks, m.start_date, m.recurring)
                for m in s.scalars(select(Measure).where(Measure.number.in_(["（一）", "（二）"])))
            }
    finally:
        restored.close()
    assert set(kept) == {"（一）", "（二）"}
    for number, (remarks, start, recurring) in kept.items():
        assert remarks == expected.get("remarks", {}).get(number, "")
        schedule = _schedule(expected).get(number, {})
        assert (start.isoformat() if start else None) == schedule.get("start_date")
        assert recurring == schedule.get("recurring")
