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
    """A database that cannot be opened; `message` is for the user, in Chinese.

    `damaged` says the file itself is unusable, so restoring a backup is the way out.
    """

    def __init__(self, message: str, damaged: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.damaged = damaged


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module opens transactions only before INSERT/UPDATE/DELETE, so CREATE and
    # ALTER TABLE would commit one by one: a first start or an upgrade killed halfway left a
    # half-made schema. Transactions are begun explicitly instead (_sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # A writing use case takes the write lock at once (IMMEDIATE), waiting up to busy_timeout
    # for another writer, instead of failing when a read inside it was overtaken by a commit.
    writes = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


WRITE_OPTION = "luoshi_write"


def make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
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


def _has_foreign_tables(engine: Engine) -> bool:
    """A SQLite file with tables but no migration record was made by another program.

    Only SQLite: a shared server database may well hold other applications' tables.
    """
    from sqlalchemy import inspect

    return engine.dialect.name == "sqlite" and bool(inspect(engine).get_table_names())


def upgrade(engine: Engine, db_file: Path | None = None) -> str | None:
    """Bring the schema to head. Returns the path of the pre-migration copy, if one was made.

    A database written by a newer version of the application is refused rather than guessed at.
    """
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return None
    if current is None and _has_foreign_tables(engine):
        where = db_file or engine.url.render_as_string(hide_password=True)
        raise DatabaseError(
            f"数据文件 {where} 已损坏或不是落实台账的数据库：其中是其他程序的数据表。{restore_hint()}",
            damaged=True,
        )
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
    # One transaction for the whole upgrade, DDL included (see _sqlite_pragmas).
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def restore_hint() -> str:
    from desktop.config import command_name

    return (
        f"请用 文件 > 恢复备份 或 {command_name()} restore 备份文件.lsbak 从备份恢复"
        "（数据目录的 backups 文件夹里有自动备份）。"
    )


def open_failure(path: Path, exc: BaseException) -> tuple[str, bool]:
    """Why a database file could not be opened, in Chinese, without SQLAlchemy's URL and SQL;
    and whether the file itself is damaged (rather than out of reach)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    lower = text.lower()
    if "unable to open database file" in lower or isinstance(orig, PermissionError):
        return (
            f"无法打开数据文件 {path}：文件夹不存在、没有权限或磁盘不可用。"
            "请检查该文件夹的写入权限，或用 --data-dir 指定其他数据目录。"
        ), False
    if "readonly" in lower or "read-only" in lower:
        return (
            f"数据文件 {path} 是只读的，无法写入。请检查文件和文件夹的权限"
            "（或取消“只读”属性），或用 --data-dir 指定其他数据目录。"
        ), False
    if "locked" in lower or "busy" in lower:
        return f"数据文件 {path} 正被其他程序占用。请关闭其他落实台账窗口或命令后重试。", False
    if "disk i/o" in lower or "full" in lower:
        return f"读写数据文件 {path} 时磁盘出错（{text}）。请检查磁盘空间和磁盘是否完好。", False
    reasons = {
        "file is not a database": "文件格式不对",
        "database disk image is malformed": "文件内容已损坏",
        "file is encrypted": "文件已加密或格式不对",
    }
    reason = next((v for k, v in reasons.items() if k in lower), text)
    return f"数据文件 {path} 已损坏或不是落实台账的数据库：{reason}。{restore_hint()}", True


class Database:
    """One database: engine, session factory and the migration step run when it is opened."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

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
            message, damaged = open_failure(path, exc)
            raise DatabaseError(message, damaged) from exc
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
        with self._write_sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
