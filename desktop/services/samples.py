"""First start: a new database gets the bundled sample plan so the officer sees a real example."""

from __future__ import annotations

import contextlib

from desktop.config import resources_dir
from desktop.services import importing, settings
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace

SAMPLE_FILE = "gansu_2022_137_fangguanfu_measures.txt"


def ensure_sample(ws: Workspace) -> bool:
    """Import the sample once per data directory; an officer who deletes it won't see it again."""
    if settings.get(ws.db, "sample_loaded"):
        return False
    sample = resources_dir() / "samples" / SAMPLE_FILE
    if not sample.is_file():
        return False
    # UserError here means an earlier start imported it but stopped before recording the flag.
    with contextlib.suppress(UserError):
        importing.import_file(ws, sample)
    settings.update(ws.db, {"sample_loaded": "1"}, author="system")
    return True
