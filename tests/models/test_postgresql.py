"""The models stay free of SQLite-only SQL: the same use cases against PostgreSQL, when one is given.

Run with LUOSHI_TEST_PG_URL=postgresql+psycopg://user:pw@127.0.0.1/db (needs psycopg installed);
skipped otherwise, since offices only move to a shared server later.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop import config
from desktop.domain import Quarter, Status
from desktop.models import Database
from desktop.services import importing, ledger, progress, reporting, snapshots
from desktop.services.workspace import Workspace
from desktop.storage.evidence_store import EvidenceStore
from tests.conftest import SAMPLE_43

URL = os.environ.get("LUOSHI_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set LUOSHI_TEST_PG_URL to run against PostgreSQL")


def test_import_progress_report_and_freeze_on_postgresql(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    assert URL is not None
    db = Database.open_url(URL)
    with db.engine.begin() as conn:  # a clean schema for the run
        for table in (
            "quarter_snapshot",
            "audit_log",
            "status_change",
            "evidence",
            "progress",
            "measure",
            "section",
            "plan_version",
            "plan",
            "setting",
        ):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    ws = Workspace(paths=config.DataPaths(tmp_path), db=db, store=EvidenceStore(tmp_path / "ev"))
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    rows = ledger.list_measures(db, plan_id, Quarter(2023, 2))
    assert len(rows) == 22
    progress.set_status(ws, rows[0].id, Status.DONE)
    progress.save_progress(
        ws, rows[0].id, Quarter(2023, 2), progress_text="已完成", problems="", next_steps=""
    )
    assert reporting.write_pdf_report(ws, Quarter(2023, 2), tmp_path / "r.pdf") > 1
    snapshots.freeze_quarter(ws, Quarter(2023, 2))
    assert snapshots.is_frozen(ws, Quarter(2023, 2), [plan_id])
    db.close()
