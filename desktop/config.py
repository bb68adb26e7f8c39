"""The one place that resolves paths: data directory, database, evidence store and resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from desktop import APP_NAME

DATA_DIR_ENV = "LUOSHI_DATA_DIR"
PORTABLE_MARKER = "portable.txt"


def app_dir() -> Path:
    """Folder of the program: the bundle folder when frozen, the repository root from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def command_name() -> str:
    """How the officer runs the command line: `python main.py` from source, the console program
    beside the window when frozen (on Windows the window's .exe has no console)."""
    if not getattr(sys, "frozen", False):
        return "python main.py"
    name = Path(sys.executable).stem
    if sys.platform == "win32":
        return (name if name.endswith("-cli") else f"{name}-cli") + ".exe"
    return name


def resources_dir() -> Path:
    """Bundled resources (fonts, samples, translations), the same way frozen and from source."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def portable_data_dir() -> Path | None:
    """Portable mode (USB stick): a portable.txt beside the program keeps data in ./data there."""
    base = app_dir()
    if (base / PORTABLE_MARKER).exists():
        return base / "data"
    return None


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    portable = portable_data_dir()
    if portable is not None:
        return portable
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


class DataDirError(Exception):
    """A data directory that cannot be used; `message` is for the user, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DataPaths:
    """Everything stored for one data directory."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "ledger.sqlite3"

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def lock_file(self) -> Path:
        return self.root / "ledger.lock"

    @property
    def log_file(self) -> Path:
        return self.root / "luoshi.log"

    def ensure(self) -> DataPaths:
        """Create the folders; an unusable location raises DataDirError saying what to do."""
        for folder in (self.root, self.evidence, self.backups, self.reports):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except FileExistsError as exc:
                raise DataDirError(
                    f"数据目录 {self.root} 不可用：{folder} 已存在，但它是一个文件而不是文件夹。"
                    "请用 --data-dir 指定一个文件夹，或移走该文件。"
                ) from exc
            except OSError as exc:
                raise DataDirError(
                    f"无法使用数据目录 {self.root}：{os_reason(exc)}。"
                    "请用 --data-dir 指定一个可以写入的文件夹（例如“文档”下的新文件夹）。"
                ) from exc
        if not os.access(self.root, os.W_OK):
            raise DataDirError(
                f"数据目录 {self.root} 没有写入权限。"
                "请用 --data-dir 指定一个可以写入的文件夹，或请管理员开放该文件夹的写入权限。"
            )
        return self


def os_reason(exc: OSError) -> str:
    """The common reasons in Chinese; the system's own wording for the rest."""
    import errno

    reasons = {
        errno.ENOENT: "路径不存在，且无法创建",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.EROFS: "所在磁盘是只读的",
        errno.ENOTDIR: "路径中有一部分是文件而不是文件夹",
        errno.ENOSPC: "磁盘已满",
        errno.ENAMETOOLONG: "路径过长",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def resolve(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """--data-dir wins, then LUOSHI_DATA_DIR, then portable mode, then the per-user folder."""
    root = Path(data_dir) if data_dir else default_data_dir()
    return DataPaths(root.expanduser().resolve())
