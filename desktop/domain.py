"""Domain vocabulary shared by every layer: statuses, quarters and derived overdue state."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    """What the officer sets for a measure; overdue is derived, never stored."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SUSPENDED = "suspended"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> Status:
        """Accept a code ('done') or a Chinese label ('已完成')."""
        text = text.strip()
        for status, label in STATUS_LABELS.items():
            if text in (status.value, label):
                return status
        raise ValueError(f"未知的状态：{text}（可用：{'、'.join(STATUS_LABELS.values())}）")


STATUS_LABELS: dict[Status, str] = {
    Status.NOT_STARTED: "未启动",
    Status.IN_PROGRESS: "推进中",
    Status.DONE: "已完成",
    Status.SUSPENDED: "暂缓",
}

_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*[Qq]\s*([1-4])\s*$")
_CN_QUARTER = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter such as 2023Q2."""

    year: int
    q: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        m = _QUARTER_RE.match(text)
        if not m:
            raise ValueError(f"季度格式不正确：{text!r}，应写作如 2023Q2")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.q - 2, 1)

    @property
    def end(self) -> date:
        month = 3 * self.q
        return date(self.year, month, 31 if month in (3, 12) else 30)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.q == 4 else Quarter(self.year, self.q + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.q == 1 else Quarter(self.year, self.q - 1)

    @property
    def label(self) -> str:
        return f"{self.year}年{_CN_QUARTER[self.q]}"

    def half_over(self, today: date) -> bool:
        """True from the middle day of the quarter on (and for every past quarter)."""
        return today >= self.start + (self.end - self.start) / 2

    def __str__(self) -> str:
        return f"{self.year}Q{self.q}"


def is_overdue(deadline: date | None, status: Status, today: date) -> bool:
    """A measure is overdue when its deadline has passed and it is not done (or suspended)."""
    if deadline is None or status in (Status.DONE, Status.SUSPENDED):
        return False
    return deadline < today


def size_label(n: int) -> str:
    """A file size as an officer reads it: 532 B, 1.8 KB, 12.4 MB."""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


class Cancelled(Exception):
    """Raised inside long work when the user pressed 取消; nothing is kept."""


# (done, total) -> False to cancel. Long work calls it now and then and raises Cancelled on False.
ProgressCallback = Callable[[int, int], bool]


class Light(StrEnum):
    """Supervision offices' warning lights (红黄绿灯)."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"

    @property
    def label(self) -> str:
        return {"red": "红灯", "yellow": "黄灯", "green": "绿灯"}[self.value]


def warning_light(
    deadline: date | None,
    status: Status,
    *,
    long_term: bool,
    has_progress: bool,
    today: date,
    due_soon_days: int = 15,
    quarter: Quarter | None = None,
) -> Light:
    """The supervision office's light for one measure (docs/USER_GUIDE.md explains it to officers).

    Red: the deadline has passed and the measure is neither done nor suspended.
    Yellow: the deadline falls within `due_soon_days`; or a long-running measure (`long_term`:
    长期坚持 or repeated 每季度/每月, as the caller decides; or no dated deadline at all) has no
    progress recorded for `quarter` once that quarter is half over.
    Before the middle of the quarter nobody has reported yet, and flagging every long-running
    measure on the first day of a quarter would drown the real warnings. Without a quarter the
    check applies at once.
    Green: everything else, and always for done and suspended measures.
    """
    if status in (Status.DONE, Status.SUSPENDED):
        return Light.GREEN
    if is_overdue(deadline, status, today):
        return Light.RED
    if deadline is not None and (deadline - today).days <= due_soon_days:
        return Light.YELLOW
    long_running = long_term or deadline is None
    if long_running and not has_progress and (quarter is None or quarter.half_over(today)):
        return Light.YELLOW
    return Light.GREEN
