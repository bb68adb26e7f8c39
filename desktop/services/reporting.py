"""Report use cases: gather a quarter's data through the ledger and render PDF or Excel."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain import Light, ProgressCallback, Quarter, Status, warning_light
from desktop.models import Measure, Plan, Progress, Section
from desktop.reports.data import QuarterReportData, ReportEvidence, ReportMeasure, ReportPlan
from desktop.reports.options import ReportOptions
from desktop.reports.summary import report_title
from desktop.services import history, settings
from desktop.services.dashboard import is_group_unit
from desktop.services.errors import UserError
from desktop.services.ledger import long_running, section_titles
from desktop.services.workspace import Workspace


@dataclass(frozen=True)
class ReportFilter:
    """Which measures a report covers; empty means all."""

    statuses: frozenset[Status] = frozenset()
    units: frozenset[str] = frozenset()  # lead or responsible
    sections: frozenset[str] = frozenset()  # top-level section numbers, e.g. "一", in any plan
    # (plan id, top-level number): one plan's part, where several plans share numbers
    plan_sections: frozenset[tuple[int, str]] = frozenset()

    def accepts(self, m: Measure, status: Status | None = None) -> bool:
        """Whether the report keeps `m`; `status` is the one it reports (as of its date)."""
        if self.statuses and (status or Status(m.status)) not in self.statuses:
            return False
        if self.units and not self.units & {*m.lead_units, *m.responsible_units}:
            return False
        return self.in_sections(m.plan_id, m.path)

    def in_sections(self, plan_id: int, path: Sequence[str]) -> bool:
        if not self.sections and not self.plan_sections:
            return True
        return bool(path) and (path[0] in self.sections or (plan_id, path[0]) in self.plan_sections)

    def describe(
        self,
        section_titles: Mapping[str, Sequence[str]] | None = None,
        plan_section_titles: Mapping[tuple[int, str], str] | None = None,
    ) -> str:
        """What the report keeps, as the words after 本报告仅含 ('' when it keeps everything):
        e.g. “一、深化改革开放”部分中由省民政厅牵头或负责、状态为推进中或未启动."""
        titles = section_titles or {}
        names: list[str] = []
        if self.sections:
            # in document order (the titles come in that order), unknown numbers last
            order = {n: i for i, n in enumerate(titles)}
            numbers = sorted(self.sections, key=lambda n: (order.get(n, len(order)), n))
            names += [
                "、".join(f"“{t}”" for t in titles[n]) if titles.get(n) else f"第{n}"
                for n in numbers
            ]
        if self.plan_sections:
            own = plan_section_titles or {}
            order2 = {key: i for i, key in enumerate(own)}
            keys = sorted(self.plan_sections, key=lambda k: (order2.get(k, len(order2)), k))
            names += [f"“{own[k]}”" if k in own else f"第{k[1]}" for k in keys]
        head = "、".join(names) + "部分中" if names else ""
        parts = []
        if self.units:
            parts.append("由" + "、".join(sorted(self.units)) + "牵头或负责")
        if self.statuses:
            labels = [s.label for s in Status if s in self.statuses]
            # 推进中、已完成或暂缓: a list reads with 、 and only its last pair with 或
            parts.append(
                "状态为" + "、".join(labels[:-1]) + ("或" if labels[:-1] else "") + labels[-1]
            )
        return head + "、".join(parts)


def filter_description(only: ReportFilter, plans: Sequence[ReportPlan]) -> str:
    """only.describe() with the section numbers given their titles as the report prints them."""
    titles: dict[str, list[str]] = {}
    own: dict[tuple[int, str], str] = {}
    for plan in plans:
        for m in plan.measures:
            if m.section_path and m.sections:
                seen = titles.setdefault(m.section_path[0], [])
                if m.sections[0] not in seen:  # plans may share a number, not its title
                    seen.append(m.sections[0])
                own.setdefault((plan.plan_id, m.section_path[0]), m.sections[0])
    return only.describe(titles, own)


@dataclass(frozen=True)
class ScopePlan:
    """What the report options offer for one plan: its units and its top-level parts."""

    id: int
    title: str
    units: tuple[str, ...]  # lead or responsible, sorted
    sections: tuple[tuple[str, str], ...]  # (number, heading as printed) in document order


def report_scope(ws: Workspace) -> list[ScopePlan]:
    """The current plans with the units and parts a report of them can be narrowed to."""
    with ws.db.session() as s:
        plans = s.execute(
            select(Plan.id, Plan.title).where(Plan.archived.is_(False)).order_by(Plan.id)
        ).all()
        units: dict[int, set[str]] = {pid: set() for pid, _ in plans}
        numbers: dict[int, set[str]] = {pid: set() for pid, _ in plans}
        rows = s.execute(
            select(Measure.plan_id, Measure.path, Measure.lead_units, Measure.responsible_units)
        )
        for plan_id, path, lead, responsible in rows:
            if plan_id in units:
                units[plan_id].update(lead or (), responsible or ())
                if path and len(path) > 1:  # a measure below a heading
                    numbers[plan_id].add(path[0])
        heads = s.scalars(
            select(Section).where(Section.parent_id.is_(None)).order_by(Section.position)
        ).all()
        sections: dict[int, list[tuple[str, str]]] = {pid: [] for pid, _ in plans}
        for sec in heads:
            if sec.plan_id in sections and sec.number in numbers[sec.plan_id]:
                sections[sec.plan_id].append((sec.number, _heading(sec.number, sec.title)))
    return [
        ScopePlan(
            pid, title, tuple(sorted(u for u in units[pid] if u.strip())), tuple(sections[pid])
        )
        for pid, title in plans
    ]


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
                selectinload(Plan.measures).selectinload(Measure.status_changes),
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
    live_status: bool = False,
) -> QuarterReportData:
    """Everything a quarterly report shows, as plain data; reads only.

    Statuses are those recorded by history.status_day(quarter, today) and overdue is reckoned
    on the day the figures describe, history.as_of(quarter, today); with `live_status` the
    current statuses instead (fill-in workbooks edit the current
    status). The report is dated `today` (default the real date), the day it is made: a report
    of 2023Q2 made on 2023-07-05 is dated 2023年7月5日, its figures 截至2023年6月30日.
    """
    only = only or ReportFilter()
    issued = today or date.today()
    day = history.as_of(quarter, issued)
    status_day = history.status_day(quarter, issued)
    conf = settings.get_all(ws.db)
    with ws.db.session() as s:
        plans = load_plans(s, plan_ids)
        report_plans = []
        for plan in plans:
            rows = []
            for m in plan.measures:
                # Removed by a later version: still part of the quarters it reported in.
                if m.archived and not reported_in(m, quarter):
                    continue
                status = (
                    Status(m.status)
                    if live_status
                    else history.status_on(m.status, m.status_changes, status_day)
                )
                if not only.accepts(m, status):
                    continue
                row = _measure(s, m, quarter, status, day)
                rows.append(replace(row, archived=True) if m.archived else row)
            report_plans.append(
                ReportPlan(
                    plan.title, plan.doc_number, plan.issuer, plan.version, tuple(rows), plan.id
                )
            )
    data = QuarterReportData(
        quarter=str(quarter),
        quarter_label=quarter.label,
        title=report_title(
            conf["report_title_template"],
            conf["unit_name"],
            [p.title for p in report_plans],
            quarter.label,
        ),
        unit_name=conf["unit_name"],
        officer=conf["officer"],
        reviewer=conf["reviewer"],
        phone=conf["phone"],
        plans=tuple(report_plans),
        generated_at=datetime.now().astimezone(),
        data_version="",
        report_date=issued,
        addressee=conf.get("report_addressee", ""),
        filter_description=filter_description(only, report_plans),
        figures_as_of=day,
    )
    return replace(data, data_version=f"{quarter} 实时数据 · {content_digest(data)[:12]}")


_NO_TIME = datetime(2000, 1, 1, tzinfo=UTC)


def content_digest(data: QuarterReportData) -> str:
    """SHA-256 of everything the report prints except when it was made (its time and the date
    it is signed): any change to the data (a status, a text, a file, a setting) gives another
    digest, the same data the same, whichever day a past quarter's report is made."""
    payload = asdict(
        replace(data, generated_at=_NO_TIME, data_version="", report_date=_NO_TIME.date())
    )
    text = json.dumps(
        payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _heading(number: str, title: str) -> str:
    """'一、…' as the report prints a section (ledger.section_titles' form)."""
    if number and not title.startswith(number):
        sep = "" if number.endswith(("）", ")", "、", ".", "．")) else "、"
        return f"{number}{sep}{title}"
    return title


def plan_scope(ws: Workspace, plan_ids: Sequence[int] | None) -> list[int]:
    """Ids of the plans a report covers, in report order; the same errors as load_plans."""
    with ws.db.session() as s:
        query = select(Plan.id).where(Plan.archived.is_(False)).order_by(Plan.id)
        if plan_ids:
            query = query.where(Plan.id.in_(list(plan_ids)))
        found = list(s.scalars(query))
    if plan_ids and len(found) != len(set(plan_ids)):
        missing = sorted(set(plan_ids) - set(found))
        raise UserError(
            f"找不到编号为 {'、'.join(map(str, missing))} 的计划（或已归档）。请用 list 命令查看现有计划。"
        )
    if not found:
        raise UserError("数据库中还没有任何计划，请先导入政策文件或任务分解表。")
    return found


def report_data(
    ws: Workspace,
    quarter: Quarter,
    plan_ids: Sequence[int] | None = None,
    today: date | None = None,
    only: ReportFilter | None = None,
) -> QuarterReportData:
    """What a report of `quarter` prints: each plan from its 定稿 snapshot when that plan's
    quarter is closed, from the live data otherwise; the data version says which."""
    from desktop.services import snapshots

    scope = plan_scope(ws, plan_ids)
    frozen = snapshots.frozen_plan_ids(ws, quarter)
    closed = [p for p in scope if p in frozen]
    if not closed:
        return build_report_data(ws, quarter, scope, today, only)
    if len(closed) == len(scope):
        # Every plan closed: the header and dates come from the snapshots, so a reprint is
        # identical to the first print.
        return snapshots.snapshot_report_data(ws, quarter, scope, only)
    live = build_report_data(ws, quarter, [p for p in scope if p not in frozen], today, only)
    by_id = {p.plan_id: p for p in live.plans}
    by_id.update({p.plan_id: p for p in snapshots.frozen_report_plans(ws, quarter, closed, only)})
    plans = tuple(by_id[p] for p in scope)
    conf = settings.get_all(ws.db)
    data = replace(
        live,
        plans=plans,
        title=report_title(
            conf["report_title_template"],
            conf["unit_name"],
            [p.title for p in plans],
            quarter.label,
        ),
        filter_description=filter_description(only or ReportFilter(), plans),
    )
    snaps = "+".join(f"#{p.frozen_id}" for p in plans if p.frozen_id)
    return replace(
        data, data_version=f"{quarter} 定稿 {snaps} + 实时数据 · {content_digest(data)[:12]}"
    )


def reported_in(m: Measure, quarter: Quarter) -> bool:
    """Whether `m` has any text for `quarter`: an archived measure is listed in that quarter."""
    q = str(quarter)
    return any(
        p.quarter == q and (p.progress_text or p.problems or p.next_steps) for p in m.progress
    )


def _measure(
    session: Session, m: Measure, quarter: Quarter, status: Status, day: date
) -> ReportMeasure:
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
        overdue=history.overdue_on(m.deadline, status, day),
        progress=prog.progress_text if prog else "",
        problems=prog.problems if prog else "",
        next_steps=prog.next_steps if prog else "",
        evidence=evidence,
        measure_id=m.id,
        section_path=tuple(m.path[:-1]),
        recurring=m.recurring,
    )


def _output(out: Path, suffixes: Sequence[str], what: str) -> Path:
    """`out` checked before any work: a file name with a known ending, not a folder."""
    out = Path(out)
    allowed = " 或 ".join(suffixes)
    if out.is_dir():
        raise UserError(
            f"“{out}”是一个文件夹。请在它后面写上文件名，如 {out / (what + suffixes[0])}。"
        )
    if out.suffix.lower() not in suffixes:
        raise UserError(
            f"{what}的文件名应以 {allowed} 结尾：“{out.name}”不是。请改用如“{out.stem}{suffixes[0]}”。"
        )
    return out


@contextlib.contextmanager
def _writing(out: Path) -> Iterator[None]:
    """A folder that cannot be created or a file that cannot be written is the user's to fix."""
    try:
        yield
    except PermissionError as exc:
        raise UserError(
            f"没有权限写入“{out}”。请换一个文件夹，或关闭正在打开该文件的程序。"
        ) from exc
    except OSError as exc:
        raise UserError(
            f"无法写入“{out}”：{exc.strerror or exc}。请检查文件夹和磁盘空间。"
        ) from exc


def write_pdf_report(
    ws: Workspace,
    quarter: Quarter,
    out: Path,
    plan_ids: Sequence[int] | None = None,
    progress: ProgressCallback | None = None,
    options: ReportOptions | None = None,
    only: ReportFilter | None = None,
    today: date | None = None,
) -> int:
    """Render the quarterly report as PDF (or .docx when `out` ends in .docx); returns pages
    (0 for .docx, whose pagination Word decides). `today` defaults to the real date."""
    out = _output(out, (".pdf", ".docx"), "报告")
    data = report_data(ws, quarter, plan_ids, today, only)
    if not any(p.measures for p in data.plans):
        raise UserError("按所选条件没有任何措施，报告不会生成。请放宽筛选条件。")
    with _writing(out):
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
    """督办单: one notice per lead unit listing its red and yellow measures; returns pages.

    Red and yellow are the ledger window's lights on history.as_of(quarter, today), the day
    its figures describe (a past quarter's last day); the notice is issued and dated `today`
    (default the real date)."""
    from desktop.reports.pdf_report import render_supervision_notice
    from desktop.reports.supervision import build_supervision_notice

    out = _output(out, (".pdf",), "督办单")
    issued = today or date.today()
    day = history.as_of(quarter, issued)
    # The live report of the same day: the notice's footer gives its version.
    data = build_report_data(ws, quarter, plan_ids, issued)
    conf = settings.get_all(ws.db)
    soon = due_soon_days(conf)
    notice = build_supervision_notice(
        data.plans,
        day,
        lights=measure_lights(ws, quarter, [p.plan_id for p in data.plans], issued, soon),
        issue_date=issued,
        title=f"{conf['unit_name']}重点任务落实督办单",
        issuer=conf["unit_name"],
        quarter_label=quarter.label,
        generated_at=data.generated_at,
        data_version=data.data_version,
        soon_days=soon,
        contact=conf["officer"],
        phone=conf["phone"],
        group_unit=is_group_unit,  # as the dashboard's unit chart leaves them out
    )
    if units:
        wanted = set(units)
        notice = replace(notice, notices=tuple(n for n in notice.notices if n.unit in wanted))
    if not notice.notices:
        raise UserError("所选季度没有红灯或黄灯的措施，无需督办。")
    with _writing(out):
        return render_supervision_notice(notice, out)


def due_soon_days(conf: Mapping[str, str]) -> int:
    """The 黄灯提前天数 setting, as the ledger window reads it."""
    try:
        return int(conf.get("due_soon_days") or 15)
    except ValueError:
        return 15


def measure_lights(
    ws: Workspace,
    quarter: Quarter,
    plan_ids: Sequence[int],
    today: date | None = None,
    soon_days: int = 15,
) -> dict[int, Light]:
    """Each current measure's warning light (domain.warning_light) as the ledger window shows
    it for `quarter` on history.as_of(quarter, today): the status recorded by then (see
    history.status_day), progress recorded for the quarter, long-running as the ledger decides it (statuses as recorded by
    history.status_day, like the report's)."""
    day = history.as_of(quarter, today)
    status_day = history.status_day(quarter, today)
    with ws.db.session() as s:
        measures = s.scalars(
            select(Measure)
            .where(Measure.plan_id.in_(list(plan_ids)), Measure.archived.is_(False))
            .options(selectinload(Measure.status_changes))
        ).all()
        reported = set(
            s.scalars(select(Progress.measure_id).where(Progress.quarter == str(quarter)))
        )
        return {
            m.id: warning_light(
                m.deadline,
                history.status_on(m.status, m.status_changes, status_day),
                long_term=long_running(m),
                has_progress=m.id in reported,
                today=day,
                due_soon_days=soon_days,
                quarter=quarter,
            )
            for m in measures
        }


def write_ledger_xlsx(
    ws: Workspace,
    quarter: Quarter,
    out: Path,
    plan_ids: Sequence[int] | None = None,
    progress: ProgressCallback | None = None,
    only: ReportFilter | None = None,
    today: date | None = None,
) -> int:
    """Export the ledger (台账) for a quarter, statuses as of history.as_of(quarter, today);
    returns the number of measure rows."""
    from desktop.reports.excel_ledger import export_ledger

    out = _output(out, (".xlsx",), "台账")
    data = report_data(ws, quarter, plan_ids, today, only)
    plans = "》《".join(p.title for p in data.plans)
    # The ledger heading reads '<unit>《<plan>》落实台账（<quarter>）'.
    data = replace(data, title=f"{data.unit_name}《{plans}》落实")
    with _writing(out):
        export_ledger(data, out, progress=progress)
    return sum(len(p.measures) for p in data.plans)
