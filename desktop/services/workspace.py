"""One open data directory: its database, evidence store and the current author."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from pathlib import Path

from desktop import config
from desktop.models import Database
from desktop.storage.evidence_store import EvidenceStore


def default_author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down machines
        return ""


@dataclass
class Workspace:
    paths: config.DataPaths
    db: Database
    store: EvidenceStore
    author: str = field(default_factory=default_author)
    created: bool = False  # True when this open made a new database

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> Workspace:
        paths = config.resolve(data_dir).ensure()
        created = not paths.database.exists()
        db = Database.open_file(paths.database)
        ws = cls(paths=paths, db=db, store=EvidenceStore(paths.evidence), created=created)
        from desktop.services import settings

        officer = settings.get(db, "officer")
        if officer:
            ws.author = officer
        return ws

    def close(self) -> None:
        self.db.close()
