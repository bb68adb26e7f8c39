"""What the filter bar asks for, as plain data, and the test one measure row must pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.domain import Status
from desktop.services.ledger import MeasureRow

OVERDUE = "overdue"
SECTION_SEP = "\x1f"  # joins heading titles into one key: a section filter matches a path prefix
_CLOSED = (Status.DONE, Status.SUSPENDED)


def haystack(r: MeasureRow) -> str:
    """The text the search box looks in, folded once per row rather than per keystroke."""
    units = " ".join((*r.lead_units, *r.responsible_units))
    return f"{r.number} {r.title} {r.text} {units}".casefold()


def section_key(sections: tuple[str, ...]) -> str:
    return SECTION_SEP.join(sections)


@dataclass
class MeasureFilter:
    text: str = ""
    status: str = ""  # a Status value, OVERDUE, or "" for all
    light: str = ""
    unit: str = ""
    section: str = ""  # section_key() of a heading path; matches that heading and everything under
    no_progress: bool = False
    due_within: int = 0  # days; 0 = no limit
    today: date = field(default_factory=date.today)

    def is_empty(self) -> bool:
        return not (
            self.text
            or self.status
            or self.light
            or self.unit
            or self.section
            or self.no_progress
            or self.due_within
        )

    def accepts(self, r: MeasureRow, folded: str | None = None) -> bool:
        if self.status == OVERDUE:
            if not r.overdue:
                return False
        elif self.status and r.status.value != self.status:
            return False
        if self.light and r.light.value != self.light:
            return False
        if self.unit and self.unit not in r.lead_units and self.unit not in r.responsible_units:
            return False
        if self.section:
            key = section_key(r.sections)
            if key != self.section and not key.startswith(self.section + SECTION_SEP):
                return False
        if self.no_progress and r.has_progress:
            return False
        if self.due_within:
            # Due soon, as on the dashboard: still open, not yet overdue, deadline within N days.
            if r.deadline is None or r.status in _CLOSED or r.overdue:
                return False
            if not 0 <= (r.deadline - self.today).days <= self.due_within:
                return False
        if self.text:
            text = folded if folded is not None else haystack(r)
            if not all(w in text for w in self.text.casefold().split()):
                return False
        return True
