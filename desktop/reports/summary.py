"""Figures and wording shared by the PDF and Word reports: counts by status, the opening paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain import Quarter, Status

from .data import QuarterReportData, ReportMeasure, ReportPlan


@dataclass(frozen=True)
class Counts:
    total: int = 0
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    suspended: int = 0
    overdue: int = 0

    @classmethod
    def of(cls, measures: tuple[ReportMeasure, ...]) -> Counts:
        by = {s.value: 0 for s in Status}
        overdue = 0
        for m in measures:
            by[m.status] = by.get(m.status, 0) + 1
            overdue += m.overdue
        return cls(
            total=len(measures),
            done=by[Status.DONE.value],
            in_progress=by[Status.IN_PROGRESS.value],
            not_started=by[Status.NOT_STARTED.value],
            suspended=by[Status.SUSPENDED.value],
            overdue=overdue,
        )

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.total + other.total,
            self.done + other.done,
            self.in_progress + other.in_progress,
            self.not_started + other.not_started,
            self.suspended + other.suspended,
            self.overdue + other.overdue,
        )

    @property
    def rate(self) -> str:
        """Completion rate as printed, e.g. '37.5%'; '—' when there is nothing to count."""
        if not self.total:
            return "—"
        return f"{self.done * 100 / self.total:.1f}%"

    def by_status(self) -> list[tuple[str, int]]:
        """(label, count) in the order the report prints them."""
        return [
            (Status.DONE.label, self.done),
            (Status.IN_PROGRESS.label, self.in_progress),
            (Status.NOT_STARTED.label, self.not_started),
            (Status.SUSPENDED.label, self.suspended),
        ]


def plan_counts(data: QuarterReportData) -> list[tuple[ReportPlan, Counts]]:
    return [(plan, Counts.of(plan.measures)) for plan in data.plans]


def total_counts(data: QuarterReportData) -> Counts:
    total = Counts()
    for _plan, counts in plan_counts(data):
        total = total + counts
    return total


def cn_date(day: date) -> str:
    """GB/T 9704-2012 writes dates with Arabic numerals and no leading zeros: 2023年6月30日."""
    return f"{day.year}年{day.month}月{day.day}日"


def figures_date(data: QuarterReportData) -> date | None:
    if data.figures_as_of is not None:
        return data.figures_as_of
    try:
        return Quarter.parse(data.quarter).end
    except ValueError:
        return None


def plan_name(plan: ReportPlan) -> str:
    """《title》（文号） as a report cites a document."""
    title = plan.title.strip() or "未命名文件"
    if not title.startswith("《"):
        title = f"《{title}》"
    if plan.doc_number:
        return f"{title}（{plan.doc_number.strip()}）"
    return title


def opening_paragraph(data: QuarterReportData) -> str:
    """The first paragraph, written from the figures (plain text, not markup)."""
    counts = total_counts(data)
    as_of = figures_date(data)
    when = f"截至{cn_date(as_of)}" if as_of else f"{data.quarter_label}"
    plans = [p for p in data.plans]
    if not plans:
        source = "有关文件"
    elif len(plans) == 1:
        source = plan_name(plans[0])
    else:
        source = "、".join(plan_name(p) for p in plans[:3])
        source += f"等{len(plans)}个文件" if len(plans) > 3 else f"共{len(plans)}个文件"
    unit = data.unit_name.strip() or "我单位"
    scope = filter_sentence(data)
    if counts.total == 0:
        return (
            f"按照{source}要求，{unit}认真抓好贯彻落实。{scope}{when}，"
            "本次报告范围内暂无需要报告的重点任务。现将有关情况报告如下。"
        )
    parts = [f"已完成{counts.done}项", f"推进中{counts.in_progress}项"]
    if counts.not_started:
        parts.append(f"未启动{counts.not_started}项")
    if counts.suspended:
        parts.append(f"暂缓{counts.suspended}项")
    overdue = f"其中逾期未完成{counts.overdue}项" if counts.overdue else "无逾期未完成任务"
    # A filtered report says so before any figure, and its figures count only what it lists.
    total = f"上述任务共{counts.total}项" if scope else f"共{counts.total}项重点任务"
    return (
        f"按照{source}要求，{unit}对照任务清单逐项抓好贯彻落实。{scope}{when}，"
        f"{total}，{'，'.join(parts)}，{overdue}，"
        f"完成率{counts.rate}。现将{data.quarter_label}落实情况报告如下。"
    )


def filter_sentence(data: QuarterReportData) -> str:
    """'本报告仅含…的重点任务，其余任务未列入。' for a filtered report, '' otherwise."""
    scope = data.filter_description.strip().rstrip("。")
    if not scope:
        return ""
    return f"本报告仅含{scope}的重点任务，其余任务未列入。"


def deadline_label(m: ReportMeasure) -> str:
    if m.long_term and not m.deadline_text and m.deadline is None:
        return "长期坚持"
    if m.deadline_text and m.deadline_text.strip():
        return m.deadline_text.strip()
    if m.deadline is not None:
        return cn_date(m.deadline)
    return "长期坚持" if m.long_term else ""


def status_label(m: ReportMeasure) -> str:
    label = m.status_label or m.status
    return f"{label}（逾期）" if m.overdue else label


def section_heading(m: ReportMeasure, level: int) -> str:
    """The section title at `level`, with its number when the title lacks it ('一、…', '（一）…')."""
    title = m.sections[level].strip()
    if level < len(m.section_path):
        num = m.section_path[level].strip()
        if num and not title.startswith(num):
            sep = "" if num.endswith(("）", ")", "、", ".", "．")) else "、"
            title = f"{num}{sep}{title}"
    return title


def measure_heading(m: ReportMeasure) -> tuple[str, str]:
    """(title, rest of the text) so the title can be set bold and not repeated."""
    title = m.title.strip()
    text = m.text.strip()
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    return title, text


def overview_sentence(data: QuarterReportData) -> str:
    """The figures plan by plan, under 一、总体完成情况 (plain text)."""
    scope = bool(data.filter_description.strip())
    parts = []
    for plan, c in plan_counts(data):
        what = "列入本报告的任务" if scope else "明确重点任务"
        parts.append(
            f"{plan_name(plan)}{what}{c.total}项，已完成{c.done}项，"
            f"推进中{c.in_progress}项，未启动{c.not_started}项，暂缓{c.suspended}项，"
            f"逾期{c.overdue}项"
        )
    text = "；".join(parts) + "。" if parts else ""
    return f"{text}各项任务落实情况统计见表1，逐项进展见附件1。"


def stats_caption(data: QuarterReportData) -> str:
    scope = "（仅含本报告所列任务）" if data.filter_description.strip() else ""
    return f"表1　重点任务落实情况统计{scope}"
