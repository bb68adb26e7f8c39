"""Migration 0003: measures get a 备注 (remarks) column; older databases upgrade with it empty."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from desktop.models import Database, Measure
from desktop.models.database import alembic_config, current_revision, head_revision

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"


def test_0002_database_upgrades_with_empty_remarks_and_downgrades(tmp_path: Path) -> None:
    db_file = tmp_path / "ledger.sqlite3"
    shutil.copyfile(SCHEMA / "0002.sqlite3", db_file)
    db = Database.open_file(db_file)
    try:
        assert current_revision(db.engine) == head_revision()
        with db.session() as s:
            measures = s.scalars(select(Measure)).all()
            assert measures and {m.remarks for m in measures} == {""}
        with db.transaction() as s:
            first = s.scalars(select(Measure).order_by(Measure.id)).first()
            assert first is not None
            first.remarks = "省考事项"
        with db.session() as s:
            assert s.scalars(select(Measure).order_by(Measure.id)).first().remarks == "省考事项"  # type: ignore[union-attr]
        with db.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
        with db.engine.connect() as conn:
            columns = {row[1] for row in conn.execute(text("PRAGMA table_info(measure)"))}
        assert "remarks" not in columns and "title" in columns
    finally:
        db.close()
