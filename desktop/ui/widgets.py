"""Small widget helpers shared by the windows."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def named(obj: T, name: str) -> T:
    """Give a widget an object name (tests and style sheets find it by that) and return it."""
    obj.setObjectName(name)
    return obj
