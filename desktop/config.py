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

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.evidence, self.backups, self.reports):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """--data-dir wins, then LUOSHI_DATA_DIR, then portable mode, then the per-user folder."""
    root = Path(data_dir) if data_dir else default_data_dir()
    return DataPaths(root.expanduser().resolve())
