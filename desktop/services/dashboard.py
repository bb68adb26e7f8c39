"""Quarter overview figures: totals by status and warning light, overdue and due-soon lists, units."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from desktop.domain import Light, Quarter, Status
from desktop.models import Database
from desktop.services import history, ledger
from desktop.services.ledger import MeasureRow
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class UnitStat:
    unit: str
    total: int
    done: int
    overdue: int

    @property
    def completion(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class Dashboard:
    quarter: Quarter
    total: int
    by_status: dict[Status, int]
    by_light: dict[Light, int]
    overdue: list[MeasureRow] = field(default_factory=list)
    due_soon: list[MeasureRow] = field(default_factory=list)
    units: list[UnitStat] = field(default_factory=list)
    without_progress: int = 0
    # Catch-all wordings such as 各地各有关部门: they name no one unit, so they are kept apart
    # from the per-unit chart (they would top it and say nothing about any office).
    group_units: list[UnitStat] = field(default_factory=list)
    as_of: date | None = None  # the day the figures describe: a past quarter's last day


# 各地各有关部门, 各县区政府, 各市州, 省直有关部门, 相关单位, 全市各级…: no single office.
_GROUP_UNIT = re.compile(
    r"^(?:各|全(?:省|市|县|区)各)|(?:有关|相关)(?:部门|单位|方面|企业|机构)|^(?:部门|单位)$"
)


def is_group_unit(unit: str) -> bool:
    """True for wordings that stand for many offices at once rather than one named unit."""
    return bool(_GROUP_UNIT.search(unit))


def summarize(
    rows: list[MeasureRow], quarter: Quarter, today: date, due_soon_days: int
) -> Dashboard:
    by_status = Counter(r.status for r in rows)
    by_light = Counter(r.light for r in rows)
    overdue = sorted((r for r in rows if r.overdue), key=lambda r: (r.deadline or today, r.id))
    due_soon = sorted(
        (
            r
            for r in rows
            if not r.overdue
            and r.deadline is not None
            and r.status not in (Status.DONE, Status.SUSPENDED)
            and 0 <= (r.deadline - today).days <= due_soon_days
        ),
        key=lambda r: (r.deadline, r.id),
    )
    per_unit: dict[str, list[MeasureRow]] = {}
    for r in rows:
        for unit in dict.fromkeys((*r.lead_units, *r.responsible_units)):
            per_unit.setdefault(unit, []).append(r)
    stats = sorted(
        (
            UnitStat(
                unit,
                len(items),
                sum(i.status == Status.DONE for i in items),
                sum(i.overdue for i in items),
            )
            for unit, items in per_unit.items()
        ),
        key=lambda u: (-u.total, u.unit),
    )
    units = [u for u in stats if not is_group_unit(u.unit)]
    group_units = [u for u in stats if is_group_unit(u.unit)]
    return Dashboard(
        quarter=quarter,
        total=len(rows),
        by_status={s: by_status.get(s, 0) for s in Status},
        by_light={light: by_light.get(light, 0) for light in Light},
        overdue=overdue,
        due_soon=due_soon,
        units=units,
        group_units=group_units,
        without_progress=sum(
            not r.has_progress and r.status not in (Status.DONE, Status.SUSPENDED) for r in rows
        ),
        as_of=today,
    )


def for_quarter(
    db: Database,
    rows: list[MeasureRow],
    plan_id: int | None,
    quarter: Quarter,
    today: date,
    due_soon_days: int,
) -> Dashboard:
    """The overview of `quarter` as of history.as_of(quarter, today), like its report: a past
    quarter shows the overdue measures and lights of its last day, with the statuses recorded
    by history.status_day (until the end of the next quarter), not today's.

    `rows` are the plan's rows for `quarter` as the window holds them (today's statuses)."""
    day = history.as_of(quarter, today)
    if day < today:
        status_day = history.status_day(quarter, today)
        rows = ledger.rows_as_of(db, rows, plan_id, quarter, day, due_soon_days, status_day)
    return summarize(rows, quarter, day, due_soon_days)


def dashboard(
    ws: Workspace, plan_id: int | None, quarter: Quarter, today: date, due_soon_days: int
) -> Dashboard:
    rows = ledger.list_measures(ws.db, plan_id, quarter, today, due_soon_days)
    return for_quarter(ws.db, rows, plan_id, quarter, today, due_soon_days)
