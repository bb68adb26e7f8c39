"""Report use cases: gather a quarter's data through the ledger and render PDF or Excel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain import ProgressCallback, Quarter, Status, is_overdue
from desktop.models import Measure, Plan
from desktop.models.base import utcnow
from desktop.reports.data import QuarterReportData, ReportEvidence, ReportMeasure, ReportPlan
from desktop.reports.options import ReportOptions
from desktop.services import settings
from desktop.services.errors import UserError
from desktop.services.ledger import section_titles
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class ReportFilter:
    """Which measures a report covers; empty means all."""

    statuses: frozenset[Status] = frozenset()
    units: frozenset[str] = frozenset()  # lead or responsible
    sections: frozenset[str] = frozenset()  # top-level section numbers, e.g. "一"

    def accepts(self, m: Measure) -> bool:
        if self.statuses and Status(m.status) not in self.statuses:
            return False
        if self.units and not self.units & {*m.lead_units, *m.responsible_units}:
            return False
        return not self.sections or (bool(m.path) and m.path[0] in self.sections)

    def describe(self) -> str:
        parts = []
        if self.statuses:
            parts.append("状态：" + "、".join(s.label for s in Status if s in self.statuses))
        if self.units:
            parts.append("单位：" + "、".join(sorted(self.units)))
        if self.sections:
            parts.append("部分：" + "、".join(sorted(self.sections)))
        return "；".join(parts)


def load_plans(session: Session, plan_ids: Sequence[int] | None) -> list[Plan]:
    """The plans a report or snapshot covers, with measures, progress and evidence loaded;
    UserError when one asked for is missing or archived, or when there are none at all."""
    query = select(Plan).where(Plan.archived.is_(False)).order_by(Plan.id)
    if plan_ids:
        query = query.where(Plan.id.in_(list(plan_ids)))
    plans = list(
        session.scalars(
            query.options(
                selectinload(Plan.measures).selectinload(Measure.progress),
                selectinload(Plan.measures).selectinload(Measure.evidence),
            )
        )
    )
    if plan_ids and len(plans) != len(set(plan_ids)):
        missing = sorted(set(plan_ids) - {p.id for p in plans})
        raise UserError(
            f"找不到编号为 {'、'.join(map(str, missing))} 的计划（或已归档）。请用 list 命令查看现有计划。"
        )
    if not plans:
        raise UserError("数据库中还没有任何计划，请先导入政策文件或任务分解表。")
    return plans


def build_report_data(
    ws: Workspace,
    quarter: Quarter,
    plan_ids: Sequence[int] | None = None,
    today: date | None = None,
    only: ReportFilter | None = None,
) -> QuarterReportData:
    """Everything a quarterly report shows, as plain data; reads only."""
    only = only or ReportFilter()
    today = today or date.today()
    conf = settings.get_all(ws.db)
    with ws.db.session() as s:
        plans = load_plans(s, plan_ids)
        report_plans = []
        for plan in plans:
            rows = []
            for m in plan.measures:
                if not only.accepts(m):
                    continue
                if m.archived:
                    # Removed by a later version: still part of the quarters it reported in.
                    if _reported_in(m, quarter):
                        rows.append(replace(_measure(s, m, quarter, today), archived=True))
                    continue
                rows.append(_measure(s, m, quarter, today))
            report_plans.append(
                ReportPlan(plan.title, plan.doc_number, plan.issuer, plan.version, tuple(rows))
            )
        stamp = max((p.updated_at for p in plans), default=utcnow())
    plan_names = "》《".join(p.title for p in report_plans)
    title = conf["report_title_template"].format(
        unit=conf["unit_name"], plan=plan_names, quarter=quarter.label
    )
    return QuarterReportData(
        quarter=str(quarter),
        quarter_label=quarter.label,
        title=title,
        unit_name=conf["unit_name"],
        officer=conf["officer"],
        reviewer=conf["reviewer"],
        phone=conf["phone"],
        plans=tuple(report_plans),
        generated_at=datetime.now().astimezone(),
        data_version=f"{quarter} · {stamp:%Y%m%d%H%M%S}",
        report_date=today,
    )


def _reported_in(m: Measure, quarter: Quarter) -> bool:
    q = str(quarter)
    return any(
        p.quarter == q and (p.progress_text or p.problems or p.next_steps) for p in m.progress
    )


def _measure(session: Session, m: Measure, quarter: Quarter, today: date) -> ReportMeasure:
    status = Status(m.status)
    prog = next((p for p in m.progress if p.quarter == str(quarter)), None)
    evidence = tuple(
        ReportEvidence(e.original_name, e.description, e.size, e.added_at, e.sha256)
        for e in m.evidence
        if e.quarter in (None, str(quarter))
    )
    return ReportMeasure(
        sections=section_titles(session, m),
        number=m.number,
        title=m.title,
        text=m.text,
        lead_units=tuple(m.lead_units),
        responsible_units=tuple(m.responsible_units),
        deadline_text=m.deadline_text,
        deadline=m.deadline,
        long_term=m.long_term,
        status=status.value,
        status_label=status.label,
        overdue=is_overdue(m.deadline, status, today),
        progress=prog.progress_text if prog else "",
        problems=prog.problems if prog else "",
        next_steps=prog.next_steps if prog else "",
        evidence=evidence,
        measure_id=m.id,
        section_path=tuple(m.path[:-1]),
    )


def write_pdf_report(
    ws: Workspace,
    quarter: Quarter,
    out: Path,
    plan_ids: Sequence[int] | None = None,
    progress: ProgressCallback | None = None,
    options: ReportOptions | None = None,
    only: ReportFilter | None = None,
) -> int:
    """Render the quarterly report as PDF (or .docx when `out` ends in .docx); returns pages
    (0 for .docx, whose pagination Word decides)."""
    from desktop.services import snapshots

    # A closed (定稿) quarter prints from its snapshot, identically every time.
    data = (
        snapshots.snapshot_report_data(ws, quarter, plan_ids, only=only)
        if snapshots.is_frozen(ws, quarter, plan_ids)
        else build_report_data(ws, quarter, plan_ids, only=only)
    )
    if not any(p.measures for p in data.plans):
        raise UserError("按所选条件没有任何措施，报告不会生成。请放宽筛选条件。")
    if out.suffix.lower() == ".docx":
        from desktop.reports.docx_report import render_quarter_docx

        render_quarter_docx(data, out, options, progress)
        return 0
    from desktop.reports.pdf_report import render_quarter_pdf

    return render_quarter_pdf(data, out, options, progress)


def write_supervision_notice(
    ws: Workspace,
    quarter: Quarter,
    out: Path,
    plan_ids: Sequence[int] | None = None,
    today: date | None = None,
    units: Sequence[str] | None = None,
) -> int:
    """督办单: one page per lead unit listing its red and yellow measures; returns pages."""
    from desktop.reports.pdf_report import render_supervision_notice
    from desktop.reports.supervision import build_supervision_notice

    today = today or date.today()
    data = build_report_data(ws, quarter, plan_ids, today)
    conf = settings.get_all(ws.db)
    notice = build_supervision_notice(
        data.plans,
        today,
        title=f"{conf['unit_name']}重点任务落实督办单",
        issuer=conf["unit_name"],
        quarter_label=quarter.label,
        generated_at=data.generated_at,
        data_version=data.data_version,
        soon_days=int(conf.get("due_soon_days") or 15),
        contact=conf["officer"],
        phone=conf["phone"],
    )
    if units:
        wanted = set(units)
        notice = replace(notice, notices=tuple(n for n in notice.notices if n.unit in wanted))
    if not notice.notices:
        raise UserError("目前没有逾期或临期（黄灯）的措施，无需督办。")
    return render_supervision_notice(notice, out)


def write_ledger_xlsx(
    ws: Workspace,
    quarter: Quarter,
    out: Path,
    plan_ids: Sequence[int] | None = None,
    progress: ProgressCallback | None = None,
    only: ReportFilter | None = None,
) -> int:
    """Export the ledger (台账) for a quarter; returns the number of measure rows."""
    from desktop.reports.excel_ledger import export_ledger

    data = build_report_data(ws, quarter, plan_ids, only=only)
    plans = "》《".join(p.title for p in data.plans)
    # The ledger heading reads '<unit>《<plan>》落实台账（<quarter>）'.
    data = replace(data, title=f"{data.unit_name}《{plans}》落实")
    export_ledger(data, out, progress=progress)
    return sum(len(p.measures) for p in data.plans)
