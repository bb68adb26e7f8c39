"""Groups red (overdue) and yellow (due soon) measures by unit into 督办单 data; pure, no I/O."""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain import Status

from .data import (
    ReportPlan,
    SupervisionItem,
    SupervisionNoticeData,
    SupervisionUnitNotice,
)

CLOSED = (Status.DONE.value, Status.SUSPENDED.value)


def build_supervision_notice(
    plans: tuple[ReportPlan, ...],
    today: date,
    *,
    title: str,
    issuer: str,
    quarter_label: str,
    generated_at: datetime,
    data_version: str,
    soon_days: int = 30,
    include_responsible: bool = False,
    reply_by: date | None = None,
    requirement: str = "",
    contact: str = "",
    phone: str = "",
    serial_prefix: str = "",
) -> SupervisionNoticeData:
    """One notice per unit, red items first, then yellow, each by deadline.

    A measure goes to its lead units (牵头单位); to its responsible units as well when
    `include_responsible`, and to them alone when it names no lead unit.
    """
    by_unit: dict[str, list[SupervisionItem]] = {}
    for plan in plans:
        for m in plan.measures:
            # An archived measure was removed by a later version: nobody is to do it now.
            if m.archived or m.status in CLOSED or m.deadline is None:
                continue
            days = (m.deadline - today).days
            if m.overdue or days < 0:
                item = SupervisionItem(m, plan.title, "red", max(0, -days))
            elif days <= soon_days:
                item = SupervisionItem(m, plan.title, "yellow", days)
            else:
                continue
            units = list(m.lead_units)
            if include_responsible or not units:
                units += [u for u in m.responsible_units if u not in units]
            for unit in units or ["未明确责任单位"]:
                by_unit.setdefault(unit, []).append(item)
    notices = []
    for n, unit in enumerate(sorted(by_unit), 1):
        items = sorted(
            by_unit[unit],
            key=lambda it: (it.level != "red", it.measure.deadline or today, it.measure.number),
        )
        serial = f"{serial_prefix}{n:03d}" if serial_prefix else ""
        notices.append(SupervisionUnitNotice(unit, tuple(items), serial))
    return SupervisionNoticeData(
        title=title,
        issuer=issuer,
        quarter_label=quarter_label,
        notices=tuple(notices),
        generated_at=generated_at,
        data_version=data_version,
        issue_date=today,
        reply_by=reply_by,
        requirement=requirement,
        contact=contact,
        phone=phone,
    )
