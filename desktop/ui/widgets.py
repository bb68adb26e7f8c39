"""Small widget helpers shared by the windows."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def named(obj: T, name: str) -> T:
    """Give a widget an object name (tests and style sheets find it by that) and return it."""
    obj.setObjectName(name)
    return obj


def with_suffix(path: Path, suffix: str) -> Path:
    """`path` with `suffix` ('.pdf') added when its name has no ending at all; a name with
    another ending is left for the service to refuse with its message."""
    if not suffix or path.suffix:
        return path
    return path.with_name(path.name + suffix)
