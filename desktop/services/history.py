"""A measure's status on a past date from its status history; the date a quarter is reported as of."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Protocol

from desktop.domain import Quarter, Status, is_overdue


class _Change(Protocol):
    """What is read of a StatusChange row (or any record shaped like one)."""

    @property
    def old_status(self) -> str | None: ...

    @property
    def new_status(self) -> str: ...

    @property
    def at(self) -> datetime: ...


def as_of(quarter: Quarter, today: date | None = None) -> date:
    """The date a report or export for `quarter` describes: its last day once it is over, today
    while it runs. A past quarter's report then shows that quarter, whenever it is printed."""
    today = today or date.today()
    return min(today, quarter.end)


def status_day(quarter: Quarter, today: date | None = None) -> date:
    """The day whose statuses a report of `quarter` shows.

    Officers bring statuses up to date while they write a quarter's report, which is usually
    in the weeks after the quarter ends: a change made then belongs to the quarter being
    reported. So a past quarter's statuses are those recorded until the end of the quarter
    after it (or today, if that is sooner); the figures are still 截至 as_of(), and overdue is
    reckoned on that day. A report that must never change afterwards is closed (定稿).
    """
    today = today or date.today()
    return min(today, quarter.next().end)


def local_date(at: datetime) -> date:
    """The officer's calendar day of a stored time (UTC in the database, naive taken as UTC)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().date()


def status_on(current: Status | str, changes: Iterable[_Change], day: date) -> Status:
    """The status a measure had at the end of `day`.

    The last change made on or before that day decides; with none, the status the first later
    change started from; with no history at all, the current status.
    """
    ordered = sorted(changes, key=lambda c: c.at)
    before = [c for c in ordered if local_date(c.at) <= day]
    if before:
        return Status(before[-1].new_status)
    if ordered:
        first = ordered[0]
        # A change without a previous status is a measure's first one: it was not started.
        return Status(first.old_status) if first.old_status else Status.NOT_STARTED
    return Status(current)


def overdue_on(deadline: date | None, status: Status, day: date) -> bool:
    """Overdue as of `day`: the deadline lies before it and the status then was not closed."""
    return is_overdue(deadline, status, day)
