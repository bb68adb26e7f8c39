"""Figures and wording shared by the PDF and Word reports: counts by status, the opening paragraph."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from desktop.domain import Quarter, Status
from desktop.parsing import parse_deadlines

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
        """The figures of the measures the plan still has: archived ones are listed, not counted."""
        by = {s.value: 0 for s in Status}
        overdue = 0
        total = 0
        for m in measures:
            if m.archived:
                continue
            total += 1
            by[m.status] = by.get(m.status, 0) + 1
            overdue += m.overdue
        return cls(
            total=total,
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


# "甘肃省人民政府办公厅关于印发《甘肃省…实施方案》的通知": the document is what was issued.
_WRAPPER = re.compile(r"^.*?关于(?:印发|转发|下发|印送)(?P<name>.+?)的(?:通知|函)$")


def document_name(title: str) -> str:
    """A plan's own name without the 关于印发…的通知 cover it was issued under, nor 《》."""
    text = " ".join(title.split())
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    m = _WRAPPER.match(text)
    if m:
        name = m.group("name").strip()
        if name.startswith("《") and name.endswith("》") and name.count("《") == 1:
            name = name[1:-1]
        if name:
            return name
    return text or "未命名文件"


def plan_name(plan: ReportPlan) -> str:
    """《name》（文号） as a report cites a document."""
    title = f"《{document_name(plan.title)}》"
    if plan.doc_number and plan.doc_number.strip():
        return f"{title}（{plan.doc_number.strip()}）"
    return title


def report_title(template: str, unit: str, plan_titles: Sequence[str], quarter_label: str) -> str:
    """The report's title from the settings template.

    One plan is named by its own document name; several would make a title of many lines,
    so then the title names the quarter only and the opening paragraph lists the documents.
    """
    if len(plan_titles) != 1 and "{plan}" in template:
        return f"{unit}关于{quarter_label}重点任务落实情况的报告"
    name = document_name(plan_titles[0]) if plan_titles else ""
    return template.format(unit=unit, plan=name, quarter=quarter_label)


# Below the last annex when the PDF drew a character as 〓 (cjk.MISSING_MARK).
RARE_NOTE_PDF = "注：〓 为本机字体缺少的生僻字，原文见系统数据。"
# Word keeps the characters themselves: whether they show depends on the fonts where it opens.
RARE_NOTE_DOCX = "注：文中个别生僻字本机报告字体缺少，打印前请核对其显示是否正确，原文见系统数据。"

_CN_NUMBERS = "一二三四五六七八九十"
# The signature block leaves room to work by hand: for the unit's seal (a 42 mm round seal
# overlaps the lines around it) and for the officers' signatures.
SIGNATURE_SEAL_MM = 24
SIGNATURE_SIGN_MM = 12


def plan_labels(data: QuarterReportData) -> list[str]:
    """文件一, 文件二 … for a report of several plans (how the text refers to each); [''] * n
    for a single plan, which needs no label."""
    if len(data.plans) <= 1:
        return [""] * len(data.plans)
    return [f"文件{_cn_number(i)}" for i in range(1, len(data.plans) + 1)]


def _cn_number(n: int) -> str:
    if n >= 100:
        return str(n)
    if n <= 10:
        return _CN_NUMBERS[n - 1]
    if n < 20:
        return "十" + _CN_NUMBERS[n - 11]
    tens, ones = divmod(n, 10)
    return _CN_NUMBERS[tens - 1] + "十" + (_CN_NUMBERS[ones - 1] if ones else "")


def opening_paragraph(data: QuarterReportData) -> str:
    """The first paragraph, written from the figures (plain text, not markup)."""
    counts = total_counts(data)
    as_of = figures_date(data)
    when = f"截至{cn_date(as_of)}" if as_of else f"{data.quarter_label}"
    plans = list(data.plans)
    if not plans:
        source = "有关文件"
    elif len(plans) == 1:
        source = plan_name(plans[0])
    else:
        # Every document once, with the short name the rest of the report calls it by.
        cited = []
        for label, plan in zip(plan_labels(data), plans, strict=True):
            name = f"《{document_name(plan.title)}》"
            number = (plan.doc_number or "").strip()
            cited.append(
                f"{name}（{number}，以下简称{label}）" if number else f"{name}（以下简称{label}）"
            )
        source = "、".join(cited[:-1]) + "和" + cited[-1]
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


def table_numbers(plan: ReportPlan) -> list[tuple[str, str]]:
    """(序号 cell, prefix of the 重点任务 cell) for each measure of the plan's table.

    Short Arabic numbers (12, 3.1) stand in the 序号 column as the document has them. A plan
    numbered in Chinese, （二十一）, would break in that narrow column (“（二十 / 一）”): its
    rows are counted 1, 2, 3 … there and each task starts with its own number instead.
    """
    numbers = [m.number.strip() for m in plan.measures]
    if all(all(ch < "\u0100" for ch in n) and _em(n) <= 3 for n in numbers):
        return [(n, "") for n in numbers]
    out = []
    for i, n in enumerate(numbers, 1):
        sep = "" if not n or n.endswith(("）", ")", "、", ".", "．")) else "、"
        out.append((str(i), f"{n}{sep}"))
    return out


def fit_number_column(
    widths_mm: Sequence[float], numbers: Sequence[str], size_pt: float, padding_pt: float
) -> tuple[float, ...]:
    """Column widths with the 序号 column (the first) wide enough for its longest number on
    one line (3.1.2); the room comes from the 重点任务 column (the second)."""
    widest = max((_em(n) for n in numbers), default=0.0)
    need = (widest * size_pt + padding_pt + 0.5) * 25.4 / 72
    extra = min(max(0.0, need - widths_mm[0]), widths_mm[1] / 4)
    if not extra:
        return tuple(widths_mm)
    return (widths_mm[0] + extra, widths_mm[1] - extra, *widths_mm[2:])


def _em(text: str) -> float:
    """Width in ems: digits and Latin letters about half a Chinese character."""
    return sum(0.55 if ch < "\u0100" else 1.0 for ch in text)


def short_title(title: str, limit: int = 18) -> str:
    """A measure title cut to `limit` characters with …, no bracket left open: the cut moves
    back before the innermost bracket it would leave open, and outer ones are closed after the
    …: 严格落实《市场准入负面清单（2022年版）》 → 严格落实《市场准入负面清单…》."""
    title = title.strip()
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    pairs = {"《": "》", "（": "）", "“": "”", "【": "】", "(": ")"}
    opened: list[int] = []
    for i, ch in enumerate(cut):
        if ch in pairs:
            opened.append(i)
        elif opened and ch == pairs[cut[opened[-1]]]:
            opened.pop()
    if opened and opened[-1] >= 4:  # enough left before it to say which measure it is
        cut = cut[: opened.pop()]
    closers = "".join(pairs[cut[i]] for i in reversed(opened))
    return cut.rstrip("，、；：") + "…" + closers


def measure_ref(m: ReportMeasure) -> str:
    """How the text refers to a measure: 第12项 for a plain number, the number itself when it
    is already a heading number such as （三） or 3.1."""
    number = m.number.strip()
    return f"第{number}项" if number.isdigit() else number


# A year in the deadline as written: 2023, or 二〇二三年.
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|[〇零一二三四五六七八九]{4}\s*年")


def deadline_label(m: ReportMeasure) -> str:
    """The 完成时限 as running text reads it: its parts joined by 、 (deadline_parts)."""
    return "、".join(deadline_parts(m))


def deadline_cell(m: ReportMeasure) -> str:
    """The 完成时限 cell of a table: a part a line, so a narrow column breaks between them
    (2021年底前 / 6月底前, not 2021年 / 底前、); — when the measure has none, never a blank."""
    return "\n".join(deadline_parts(m)) or "—"


def deadline_parts(m: ReportMeasure) -> list[str]:
    """The 完成时限 as the document wrote it, readable outside the document, part by part.

    A deadline without a year ('6月底前' in a 2021 plan) would be read as this year's in a later
    report: it gets the year it stands for, as a document would write it (2021年6月底前;
    2021年底前、6月底前, the year carrying over the list). Where a year in front would not read
    back as the date overdue is reckoned from (次年3月底前), that date follows once in brackets:
    次年3月底前（2022年3月31日）. A task repeated on a schedule says so first (每季度).
    """
    text = " ".join((m.deadline_text or "").split())
    parts = [part for part in _LIST_MARKS.split(text) if part]
    if parts and m.deadline is not None and not _YEAR.search(text):
        parts = list(with_year(tuple(parts), m.deadline))
    elif not parts and m.deadline is not None:
        parts = [cn_date(m.deadline)]
    elif not parts and m.long_term:
        parts = ["长期坚持"]
    # '每季度调度，年底前完成' keeps only '年底前' as its deadline text (as the Excel ledger).
    if m.recurring and m.recurring.removeprefix("每") not in text:
        parts.insert(0, m.recurring)
    return parts


_LIST_MARKS = re.compile(r"\s*[；;]\s*")


@lru_cache(maxsize=1024)
def with_year(parts: tuple[str, ...], deadline: date) -> tuple[str, ...]:
    """`parts`, a deadline without a year, with `deadline`'s year: in front when the result
    reads back as `deadline` (parsing.parse_deadlines), else the date in brackets after it."""
    year = deadline.year
    first = parts[0]
    # 年底前 → 2021年底前, not 2021年年底前
    first = f"{year}{first}" if first.startswith("年") else f"{year}年{first}"
    if parse_deadlines("、".join((first, *parts[1:])), None).deadline == deadline:
        return (first, *parts[1:])
    return (*parts[:-1], f"{parts[-1]}（{cn_date(deadline)}）")


def status_label(m: ReportMeasure) -> str:
    label = m.status_label or m.status
    if m.archived:
        # Removed by a later version of the document: no longer due, so never 逾期.
        return f"{label}（已归档）"
    return f"{label}（逾期）" if m.overdue else label


def is_overdue(m: ReportMeasure) -> bool:
    """Overdue as the report counts and lists it: an archived measure is no longer due."""
    return m.overdue and not m.archived


def archived_count(data: QuarterReportData) -> int:
    return sum(1 for plan in data.plans for m in plan.measures if m.archived)


def archived_note(data: QuarterReportData) -> str:
    """The note under the measure table when it lists archived measures ('' otherwise)."""
    if not archived_count(data):
        return ""
    return (
        "注：状态标“已归档”的任务已在文件新版本中删除，因本报告期填报过进展而列出备查，不计入统计。"
    )


def section_heading(m: ReportMeasure, level: int) -> str:
    """The section title at `level`, with its number when the title lacks it ('一、…', '（一）…')."""
    title = m.sections[level].strip()
    if level < len(m.section_path):
        num = m.section_path[level].strip()
        if num and not title.startswith(num):
            sep = "" if num.endswith(("）", ")", "、", ".", "．")) else "、"
            title = f"{num}{sep}{title}"
    return title


def measure_task(m: ReportMeasure, full_text: bool, prefix: str = "") -> tuple[str, int]:
    """The 重点任务 cell, and how many of its first characters are set bold: the title (after
    the number `prefix`), then the rest of the text when `full_text`."""
    title, rest = measure_heading(m)
    if full_text and rest:
        # The title is the text's first sentence without its full stop: rejoin them.
        joiner = "" if not title or rest[0] in "。；，：.;,:" else "\u3000"
        return f"{prefix}{title}{joiner}{rest}", len(prefix) + len(title)
    return f"{prefix}{title or m.text}", 0


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
    labels = plan_labels(data)
    for label, (plan, c) in zip(labels, plan_counts(data), strict=True):
        what = "列入本报告的任务" if scope else "明确重点任务"
        parts.append(
            f"{label or plan_name(plan)}{what}{c.total}项，已完成{c.done}项，"
            f"推进中{c.in_progress}项，未启动{c.not_started}项，暂缓{c.suspended}项，"
            f"逾期{c.overdue}项"
        )
    text = "；".join(parts) + "。" if parts else ""
    gone = archived_count(data)
    if gone:
        text += (
            f"另有{gone}项任务已在文件新版本中删除，因本报告期填报过进展，"
            "列入附件1备查（标“已归档”），不计入上述统计。"
        )
    return f"{text}各项任务落实情况统计见表1，逐项进展见附件1。"


def stats_caption(data: QuarterReportData) -> str:
    scope = "（仅含本报告所列任务）" if data.filter_description.strip() else ""
    return f"表1　重点任务落实情况统计{scope}"


def plan_versions(data: QuarterReportData) -> str:
    """Which version of each plan the report comes from, short enough for the footer."""
    if len(data.plans) == 1:
        return f"第{data.plans[0].version}版"
    if 1 < len(data.plans) <= 3:
        labels = plan_labels(data)
        return "、".join(f"{lb}第{p.version}版" for lb, p in zip(labels, data.plans, strict=True))
    return "见表1" if data.plans else "—"


def footer_note(data: QuarterReportData) -> str:
    """The small line on every page that matches a paper copy to the archive."""
    version = " ".join(data.data_version.split())
    if len(version) > 80:  # machine-made; a runaway one must not leave the sheet
        version = version[:79] + "…"
    return (
        f"数据版本：{version}　文件版本：{plan_versions(data)}　"
        f"生成时间：{data.generated_at:%Y-%m-%d %H:%M}"
    )


def stats_file_cell(data: QuarterReportData, index: int) -> str:
    """The 文件 cell of 表1: which document, and which version of it."""
    plan = data.plans[index]
    label = plan_labels(data)[index]
    name = label or f"《{document_name(plan.title)}》"
    return f"{name}（第{plan.version}版）"


def overdue_intro(data: QuarterReportData, count: int) -> str:
    as_of = figures_date(data)
    when = f"截至{cn_date(as_of)}" if as_of else "截至报告期末"
    return f"{when}，逾期未完成任务共{count}项，具体如下："


def overdue_groups(data: QuarterReportData, limit: int) -> tuple[list[tuple[str, list[str]]], int]:
    """The overdue list: (heading, items) per plan (one group with an empty heading for a
    single plan) and how many were left out beyond `limit`; numbering runs on across groups."""
    labels = plan_labels(data)
    groups: list[tuple[str, list[str]]] = []
    n = 0
    total = 0
    for label, plan in zip(labels, data.plans, strict=True):
        overdue = [m for m in plan.measures if is_overdue(m)]
        total += len(overdue)
        items = []
        for m in overdue:
            if n >= limit:
                break
            n += 1
            lead = "、".join(m.lead_units) or "未明确"
            ref = measure_ref(m)
            gap = " " if ref.startswith("第") else ""  # （三）has its own space in the bracket
            deadline = deadline_label(m) or "未明确"
            items.append(
                f"{n}. {ref}{gap}{m.title.strip()}（牵头单位：{lead}；"
                f"完成时限：{deadline}；状态：{m.status_label}）"
            )
        if items:
            heading = f"{label}《{document_name(plan.title)}》：" if label else ""
            groups.append((heading, items))
    return groups, total - n
