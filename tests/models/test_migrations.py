"""Migrations: one head, upgrade from empty, models match the migrated schema, newer DB refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.models import Database, DatabaseError
from desktop.models.base import Base
from desktop.models.database import alembic_config, current_revision, head_revision


def test_single_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_upgrade_from_empty_matches_models(tmp_path: Path) -> None:
    db = Database.open_file(tmp_path / "a.sqlite3")
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == [], f"models and migrations differ: {diff}"


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path: Path) -> None:
    db = Database.open_file(tmp_path / "a.sqlite3")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()


def test_database_from_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Database.open_file(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    with pytest.raises(DatabaseError) as err:
        Database.open_file(path)
    assert "更新版本" in err.value.message


def test_garbage_database_file_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError) as err:
        Database.open_file(path)
    message = err.value.message
    assert f"数据文件 {path} 已损坏或不是落实台账的数据库" in message
    assert "恢复备份" in message and "main.py restore" in message
    # Not SQLAlchemy's English, nor its link to the web.
    assert "sqlalche.me" not in message and "sqlite3." not in message


def test_another_programs_sqlite_file_is_refused_not_taken_over(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "ledger.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(DatabaseError, match="不是落实台账的数据库"):
        Database.open_file(path)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"contacts"}
