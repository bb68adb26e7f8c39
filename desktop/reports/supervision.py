"""Groups the red and yellow measures of the warning-light rule by unit into 督办单 data; pure."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from desktop.domain import Light

from .data import (
    ReportMeasure,
    ReportPlan,
    SupervisionItem,
    SupervisionNoticeData,
    SupervisionUnitNotice,
)

NO_PROGRESS = "本季度未报送进展"


def build_supervision_notice(
    plans: tuple[ReportPlan, ...],
    as_of: date,
    *,
    lights: Mapping[int, Light],
    title: str,
    issuer: str,
    quarter_label: str,
    generated_at: datetime,
    data_version: str,
    soon_days: int,
    issue_date: date | None = None,
    include_responsible: bool = False,
    reply_by: date | None = None,
    requirement: str = "",
    contact: str = "",
    phone: str = "",
    serial_prefix: str = "",
    group_unit: Callable[[str], bool] | None = None,
) -> SupervisionNoticeData:
    """One notice per unit with its red and yellow measures, document by document: red first,
    then yellow, each by deadline, those without one last, in document order.

    `lights` are the measures' warning lights (domain.warning_light, by measure id) on `as_of`,
    the day the figures describe, with the `soon_days` they were reckoned with: the notice
    chases exactly what the ledger window shows red or yellow that day. `issue_date`, the day
    the notice is sent (default `as_of`), is its 督办日期. A measure goes to its lead units
    (牵头单位); to its responsible units as well when `include_responsible`, and to them alone
    when it names no lead unit. A wording `group_unit` says stands for many offices (各市州政府,
    省直有关部门) gets no notice: nobody could sign for it; a measure naming no one office goes
    to 未明确责任单位, for the issuing office to route by hand.
    """
    by_unit: dict[str, list[tuple[int, int, SupervisionItem]]] = {}
    order = 0
    for index, plan in enumerate(plans):
        for m in plan.measures:
            order += 1
            light = lights.get(m.measure_id, Light.GREEN)
            # An archived measure was removed by a later version: nobody is to do it now.
            if m.archived or light is Light.GREEN:
                continue
            item = _item(m, plan.title, light, as_of, soon_days, issue_date or as_of)
            units = [u for u in m.lead_units if not (group_unit and group_unit(u))]
            if include_responsible or not units:
                units += [
                    u
                    for u in m.responsible_units
                    if u not in units and not (group_unit and group_unit(u))
                ]
            for unit in units or ["未明确责任单位"]:
                by_unit.setdefault(unit, []).append((index, order, item))
    notices = []
    for n, unit in enumerate(sorted(by_unit), 1):
        items = sorted(
            by_unit[unit],
            key=lambda entry: (
                entry[0],
                entry[2].level != "red",
                entry[2].measure.deadline is None,
                entry[2].measure.deadline or as_of,
                entry[1],
            ),
        )
        serial = f"{serial_prefix}{n:03d}" if serial_prefix else ""
        notices.append(SupervisionUnitNotice(unit, tuple(it for *_, it in items), serial))
    return SupervisionNoticeData(
        title=title,
        issuer=issuer,
        quarter_label=quarter_label,
        notices=tuple(notices),
        generated_at=generated_at,
        data_version=data_version,
        issue_date=issue_date or as_of,
        figures_as_of=as_of,
        reply_by=reply_by,
        requirement=requirement,
        contact=contact,
        phone=phone,
    )


def _item(
    m: ReportMeasure, plan_title: str, light: Light, as_of: date, soon_days: int, issued: date
) -> SupervisionItem:
    """The item with why it is red or yellow, in warning_light's order: a passed deadline, a
    near one, else a long-running measure without progress this quarter. Days are counted to
    `as_of`; a notice issued later (a past quarter's) names the date of a near deadline, as
    剩3天 or 今日到期 would be read from the day it arrives."""
    days = (m.deadline - as_of).days if m.deadline is not None else None
    if light is Light.RED:
        late = max(0, -(days or 0))
        return SupervisionItem(m, plan_title, "red", late, f"逾期{late}天")
    if m.deadline is not None and days is not None and 0 <= days <= soon_days:
        if issued > as_of:
            reason = f"{m.deadline.month}月{m.deadline.day}日到期"
        else:
            reason = "今日到期" if days == 0 else f"剩{days}天"
        return SupervisionItem(m, plan_title, "yellow", days, reason)
    return SupervisionItem(m, plan_title, "yellow", max(0, days or 0), NO_PROGRESS)
