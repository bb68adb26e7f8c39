"""Engine and session factory; applies Alembic migrations at open, backing the file up first."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """A database that cannot be opened; `message` is for the user, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_file: Path | None = None) -> str | None:
    """Bring the schema to head. Returns the path of the pre-migration copy, if one was made.

    A database written by a newer version of the application is refused rather than guessed at.
    """
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise DatabaseError(
                "此数据库由更新版本的落实台账创建（数据库版本 "
                f"{current}），当前程序无法安全打开。请安装最新版本的程序后再打开。"
            )
    backup: str | None = None
    if current is not None and db_file is not None and db_file.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = db_file.with_name(f"{db_file.stem}.before-{head}-{stamp}{db_file.suffix}")
        # A consistent copy through SQLite's backup API, not a file copy of a live WAL database.
        import sqlite3

        src = sqlite3.connect(db_file)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        backup = str(target)
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


class Database:
    """One database: engine, session factory and the migration step run when it is opened."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open_file(cls, path: Path) -> Database:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = cls(make_engine(f"sqlite:///{path}"))
        try:
            db.migration_backup = upgrade(db.engine, path)
        except DatabaseError:
            db.close()
            raise
        except Exception as exc:  # sqlite3.DatabaseError: file is not a database, etc.
            db.close()
            raise DatabaseError(
                f"无法打开数据库文件 {path}：{exc}。文件可能已损坏，请从备份恢复。"
            ) from exc
        return db

    @classmethod
    def open_url(cls, url: str) -> Database:
        db = cls(make_engine(url))
        db.migration_backup = upgrade(db.engine)
        return db

    migration_backup: str | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; use `transaction()` for writing."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One use case, one transaction: committed on success, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
