"""督办单: grouping by unit, and the rendered notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from desktop.domain import Light, Quarter, Status, warning_light
from desktop.reports.data import QuarterReportData, ReportPlan, SupervisionNoticeData
from desktop.reports.pdf_report import render_supervision_notice
from desktop.reports.supervision import NO_PROGRESS, build_supervision_notice

from .conftest import pdf_text, squeeze, stream_text

SOON = 90


def lights(plans: tuple[ReportPlan, ...], today: date) -> dict[int, Light]:
    """The lights a service would hand over (there from the database's own progress rows)."""
    return {
        m.measure_id: warning_light(
            m.deadline, Status(m.status), long_term=m.long_term or bool(m.recurring),
            has_progress=bool(m.progress), today=today, due_soon_days=SOON, quarter=Quarter(2023, 2),
        )
        for p in plans
        for m in p.measures
    }  # fmt: skip


def _notice(sample: QuarterReportData, today: date = date(2023, 7, 5)) -> SupervisionNoticeData:
    return build_supervision_notice(
        sample.plans, today, lights=lights(sample.plans, today), title="榆中县重点任务落实督办单",
        issuer="榆中县人民政府督查室", quarter_label=sample.quarter_label,
        generated_at=sample.generated_at, data_version=sample.data_version, soon_days=SOON,
        reply_by=date(2023, 7, 20), serial_prefix="2023-Q2-",
    )  # fmt: skip


def test_grouping_red_before_yellow(sample: QuarterReportData) -> None:
    notice = _notice(sample)
    assert notice.notices
    units = [n.unit for n in notice.notices]
    assert units == sorted(units)
    for n in notice.notices:
        levels = [it.level for it in n.items]
        assert levels == sorted(levels, key=lambda lv: lv != "red")
        # dated yellow ones by their deadline, those without one after them
        dated = [it.measure.deadline is None for it in n.items if it.level == "yellow"]
        assert dated == sorted(dated)
        for it in n.items:
            assert it.measure.status not in ("done", "suspended")
            assert it.days >= 0
    assert notice.notices[0].serial == "2023-Q2-001"
    # every red and yellow measure is on the notice of each of its lead units, no green one
    shown = {(n.unit, it.measure.measure_id) for n in notice.notices for it in n.items}
    wanted = lights(sample.plans, date(2023, 7, 5))
    assert shown == {
        (u, m.measure_id)
        for p in sample.plans
        for m in p.measures
        if wanted[m.measure_id] is not Light.GREEN
        for u in m.lead_units or ["未明确责任单位"]
    }


def test_yellow_says_why(sample: QuarterReportData) -> None:
    """Near its deadline: the days left; a long-running one without progress: that."""
    plan = sample.plans[0]
    near, open_ended = plan.measures[0], plan.measures[1]
    unit = ("县发改局",)
    near = replace(
        near, deadline=date(2023, 7, 9), status="in_progress", measure_id=1, lead_units=unit
    )
    open_ended = replace(
        open_ended, deadline=None, deadline_text=None, long_term=False, recurring="每季度",
        status="in_progress", progress="", measure_id=2, lead_units=unit,
    )  # fmt: skip
    plans = (replace(plan, measures=(open_ended, near)),)
    notice = _notice(replace(sample, plans=plans))
    items = [it for n in notice.notices for it in n.items]
    by_id = {it.measure.measure_id: it for it in items}
    assert by_id[1].level == by_id[2].level == "yellow"
    assert by_id[1].reason == "剩4天" and by_id[2].reason == NO_PROGRESS
    assert [it.measure.measure_id for it in notice.notices[0].items] == [1, 2]
    assert notice.figures_as_of == notice.issue_date == date(2023, 7, 5)
    # issued after the day its figures describe: a near deadline by its date, not 剩4天
    later = build_supervision_notice(
        plans, date(2023, 7, 5), lights=lights(plans, date(2023, 7, 5)), title="督办单",
        issuer="督查室", quarter_label="2023年第二季度", generated_at=sample.generated_at,
        data_version="v", soon_days=SOON, issue_date=date(2023, 7, 12),
    )  # fmt: skip
    reasons = {it.measure.measure_id: it.reason for n in later.notices for it in n.items}
    assert reasons == {1: "7月9日到期", 2: NO_PROGRESS}
    assert later.issue_date == date(2023, 7, 12) and later.figures_as_of == date(2023, 7, 5)


def test_notice_pdf_each_unit_from_page_one(tmp_path: Path, sample: QuarterReportData) -> None:
    notice = _notice(sample)
    out = tmp_path / "n.pdf"
    pages = render_supervision_notice(notice, out)
    assert pages == len(PdfReader(str(out)).pages) >= len(notice.notices)
    firsts = [p.extract_text() for p in PdfReader(str(out)).pages]
    assert sum("— 1 —" in t for t in firsts) == len(notice.notices)
    text = squeeze(pdf_text(out))
    assert "榆中县重点任务落实督办单" in text
    assert "督办单位榆中县人民政府督查室" in text
    for n in notice.notices:
        assert f"责任单位{n.unit}" in text
    cells = squeeze(stream_text(out))
    assert "红灯逾期5天" in cells
    assert "— 1 —".replace(" ", "") in text


def test_notice_with_no_items(tmp_path: Path, sample: QuarterReportData) -> None:
    empty = replace(_notice(sample), notices=())
    assert render_supervision_notice(empty, tmp_path / "n.pdf") == 1


def test_archived_measures_are_not_supervised(sample: QuarterReportData) -> None:
    """A measure a later version removed is listed in its quarter's report, never chased."""
    red = {it.measure.measure_id for n in _notice(sample).notices for it in n.items}
    assert red
    plans = tuple(
        replace(p, measures=tuple(replace(m, archived=m.measure_id in red) for m in p.measures))
        for p in sample.plans
    )
    assert not _notice(replace(sample, plans=plans)).notices


def test_no_notice_to_a_wording_for_many_offices(sample: QuarterReportData) -> None:
    """各市州政府 or 中央在甘有关单位 is no office that could sign for a notice: its named
    neighbours get one, and a measure naming no single office goes to 未明确责任单位."""
    from desktop.services.dashboard import is_group_unit

    plan = sample.plans[0]
    red = replace(plan.measures[0], deadline=date(2023, 3, 31), status="in_progress",
                  overdue=True, lead_units=(), measure_id=1)  # fmt: skip
    some = replace(red, responsible_units=("各市州政府", "兰州新区管委会"))
    none = replace(red, responsible_units=("中央在甘有关单位", "省直有关部门"), measure_id=2)
    plans = (replace(plan, measures=(some, none)),)
    notice = build_supervision_notice(
        plans, date(2023, 7, 5), lights={1: Light.RED, 2: Light.RED}, title="督办单",
        issuer="督查室", quarter_label="2023年第二季度", generated_at=sample.generated_at,
        data_version="v", soon_days=SOON, group_unit=is_group_unit,
    )  # fmt: skip
    by_unit = {n.unit: [it.measure.measure_id for it in n.items] for n in notice.notices}
    assert by_unit == {"兰州新区管委会": [1], "未明确责任单位": [2]}
