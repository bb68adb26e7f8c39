"""The window's QLockFile and the command line's plain lock file keep each other out."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile

CHILD = """
import sys, time
from pathlib import Path
from desktop.storage.datalock import hold
with hold(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def test_window_refuses_while_command_line_holds_and_cli_sees_window(tmp_path: Path) -> None:
    lock_path = tmp_path / "ledger.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(lock_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        qt_lock = QLockFile(str(lock_path))
        qt_lock.setStaleLockTime(0)
        assert not qt_lock.tryLock(100)
    finally:
        child.kill()
        child.wait()
    time.sleep(0.05)
    # The command-line process is gone: its lock is stale and the window takes over.
    assert qt_lock.tryLock(100)
    from desktop.storage import datalock

    info = datalock.read_lock(lock_path)
    assert info is not None
    qt_lock.unlock()
