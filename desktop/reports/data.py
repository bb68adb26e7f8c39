"""Plain data a report is drawn from; built by services, never read from the database here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ReportEvidence:
    file_name: str
    description: str
    size: int
    added_at: datetime
    sha256: str


@dataclass(frozen=True)
class ReportMeasure:
    """One measure row; `sections` holds the titles of the headings above it, outermost first."""

    sections: tuple[str, ...]
    number: str
    title: str
    text: str
    lead_units: tuple[str, ...]
    responsible_units: tuple[str, ...]
    deadline_text: str | None
    deadline: date | None
    long_term: bool
    status: str  # desktop.domain.Status value
    status_label: str
    overdue: bool
    progress: str = ""
    problems: str = ""
    next_steps: str = ""
    evidence: tuple[ReportEvidence, ...] = ()
    measure_id: int = 0  # stable database id (hidden column of fill-in workbooks)
    section_path: tuple[str, ...] = ()  # number path of the sections, e.g. ("一", "（一）")
    archived: bool = False  # removed by a later version; listed for a quarter it reported in
    recurring: str | None = None  # '每季度', '每月' …: a task repeated on a schedule


@dataclass(frozen=True)
class ReportPlan:
    title: str
    doc_number: str | None
    issuer: str | None
    version: int  # 第N版: the plan's version the measures come from
    measures: tuple[ReportMeasure, ...]
    plan_id: int = 0  # database id; 0 for data not from a database
    frozen_id: int = 0  # the 定稿 snapshot this plan was printed from, 0 for live data


@dataclass(frozen=True)
class QuarterReportData:
    quarter: str  # "2023Q2"
    quarter_label: str  # "2023年第二季度"
    title: str
    unit_name: str
    officer: str
    reviewer: str
    phone: str
    plans: tuple[ReportPlan, ...]
    generated_at: datetime
    data_version: str  # shown small in every footer so paper matches the archive
    report_date: date = field(default_factory=date.today)
    # Optional, added for the rendered report:
    addressee: str = ""  # 主送机关, e.g. "市政府办公室：" line above the body; empty to omit
    filter_description: str = ""  # which sections/statuses/units the caller kept, printed when set
    figures_as_of: date | None = None  # "截至…" date of the figures; the quarter's last day if None


@dataclass(frozen=True)
class SupervisionItem:
    """One measure on a 督办单, red or yellow as its warning light (domain.warning_light)."""

    measure: ReportMeasure
    plan_title: str
    level: str  # "red" (逾期) or "yellow" (临期, or long-running without progress this quarter)
    days: int  # days past the deadline (red) or days left (yellow; 0 without a deadline)
    reason: str = ""  # as printed after the light: 逾期94天, 剩5天, 本季度未报送进展


@dataclass(frozen=True)
class SupervisionUnitNotice:
    """The 督办单 sent to one responsible unit."""

    unit: str
    items: tuple[SupervisionItem, ...]
    serial: str = ""  # 督办编号, e.g. "2023-07"; empty to leave a blank to fill in by hand


@dataclass(frozen=True)
class SupervisionNoticeData:
    title: str  # e.g. "XX县重点任务落实督办单"
    issuer: str  # 督办单位
    quarter_label: str
    notices: tuple[SupervisionUnitNotice, ...]
    generated_at: datetime
    data_version: str
    issue_date: date  # the day it is issued: its 督办日期 and the date under the seal
    reply_by: date | None = None  # 反馈时限
    requirement: str = ""  # 督办要求; a standard wording is printed when empty
    contact: str = ""
    phone: str = ""
    # The day the figures describe (history.as_of): a past quarter's last day; issue_date if None.
    figures_as_of: date | None = None
