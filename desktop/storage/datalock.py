"""The data directory's lock file without Qt, compatible with the window's QLockFile.

QLockFile writes "pid\\nappname\\nhostname\\n…" and treats a lock as stale when, on the same
host, its process is gone or runs under another executable name than `appname`. We read the
same file to see whether the window holds the directory, and write one with our own
executable's name so the window, in turn, refuses to start while a command-line write runs.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class DataDirLocked(Exception):
    """Another process holds the data directory; `message` is for the user, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LockInfo:
    pid: int
    appname: str
    hostname: str


def read_lock(lock_file: Path) -> LockInfo | None:
    try:
        lines = lock_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    try:
        pid = int(lines[0].strip())
    except (IndexError, ValueError):
        return None
    appname = lines[1].strip() if len(lines) > 1 else ""
    hostname = lines[2].strip() if len(lines) > 2 else ""
    return LockInfo(pid, appname, hostname)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    # os.kill(pid, 0) would send CTRL_C_EVENT on Windows; ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _process_name(pid: int) -> str | None:
    """The executable name of a process, where the platform makes it cheap (Linux)."""
    try:
        return Path(os.readlink(f"/proc/{pid}/exe")).name
    except OSError:
        return None


def _own_name() -> str:
    """Our executable's file name, as QLockFile will look it up by our process id."""
    return _process_name(os.getpid()) or Path(sys.executable).name


def holder(lock_file: Path) -> LockInfo | None:
    """Who holds the lock, or None when it is free or stale (by QLockFile's rules)."""
    info = read_lock(lock_file)
    if info is None:
        return None
    if info.hostname and info.hostname != socket.gethostname():
        return info  # another computer (a shared folder): we cannot tell, so respect it
    if info.pid == os.getpid():
        return info
    if not pid_alive(info.pid):
        return None
    if info.appname:
        name = _process_name(info.pid)
        if name is not None and name != info.appname:
            return None  # the number was reused by an unrelated program
    return info


def _locked_message(lock_file: Path, info: LockInfo) -> str:
    where = "" if info.hostname in ("", socket.gethostname()) else f"（计算机 {info.hostname}）"
    return (
        f"落实台账正在使用数据目录 {lock_file.parent}{where}（进程 {info.pid}）。"
        "请先关闭程序窗口再执行此命令。如果确定没有程序在运行，可删除文件 "
        f"{lock_file.name} 后重试。"
    )


def ensure_unlocked(lock_file: Path) -> None:
    """Raise DataDirLocked when another live process holds the directory."""
    info = holder(lock_file)
    if info is not None and info.pid != os.getpid():
        raise DataDirLocked(_locked_message(lock_file, info))


@contextlib.contextmanager
def hold(lock_file: Path) -> Iterator[None]:
    """Hold the directory for the duration of a command-line write."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    content = f"{os.getpid()}\n{_own_name()}\n{socket.gethostname()}\n".encode()
    for attempt in range(2):
        try:
            fd = os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            info = holder(lock_file)
            if info is not None:
                raise DataDirLocked(_locked_message(lock_file, info)) from None
            if attempt:
                raise DataDirLocked(_locked_message(lock_file, LockInfo(0, "", ""))) from None
            with contextlib.suppress(OSError):
                lock_file.unlink()  # stale: its process is gone
            continue
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if lock_file.read_bytes() == content:
                lock_file.unlink()
