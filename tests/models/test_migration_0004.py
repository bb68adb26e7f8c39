"""Migration 0004: measures get a start date and a schedule; older databases upgrade without them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from desktop.models import Database, Measure
from desktop.models.database import alembic_config, current_revision, head_revision

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"


def test_0003_database_upgrades_without_schedules_and_downgrades_keeping_remarks(
    tmp_path: Path,
) -> None:
    db_file = tmp_path / "ledger.sqlite3"
    shutil.copyfile(SCHEMA / "0003.sqlite3", db_file)
    db = Database.open_file(db_file)
    try:
        assert current_revision(db.engine) == head_revision()
        with db.session() as s:
            measures = s.scalars(select(Measure)).all()
            assert len(measures) == 14
            assert {(m.start_date, m.recurring) for m in measures} == {(None, None)}
        with db.transaction() as s:
            m = s.scalars(select(Measure).where(Measure.number == "（二）")).one()
            m.start_date, m.recurring = date(2023, 1, 1), "每季度"
        with db.session() as s:
            m = s.scalars(select(Measure).where(Measure.number == "（二）")).one()
            assert (m.start_date, m.recurring) == (date(2023, 1, 1), "每季度")
        with db.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")
        with db.engine.connect() as conn:
            columns = {row[1] for row in conn.execute(text("PRAGMA table_info(measure)"))}
            remark = conn.execute(
                text("SELECT remarks FROM measure WHERE number = '（一）'")
            ).scalar_one()
        assert not {"start_date", "recurring"} & columns and "remarks" in columns
        assert remark == "省政府督查室重点督办事项"
    finally:
        db.close()
