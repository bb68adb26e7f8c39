"""The quarterly report and the 督办单 as PDF, laid out after GB/T 9704-2012."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from desktop.domain import Cancelled, ProgressCallback, size_label

from .cells import Cell, Column, RowSplitter, cell_runs
from .charts import status_chart
from .cjk import CJKParagraph, collect_marked, runs_for
from .data import (
    QuarterReportData,
    ReportEvidence,
    ReportMeasure,
    SupervisionItem,
    SupervisionNoticeData,
    SupervisionUnitNotice,
)
from .fonts import FontFace, ReportFonts, clean_text, report_fonts
from .grid import PAD_X, GridRow, GridTable, Stack
from .layout import (
    PORTRAIT,
    TURNED,
    TYPE_H,
    TYPE_W,
    GovDocTemplate,
    RestartPageNumbers,
    atomic_output,
    canvas_maker,
)
from .options import ReportOptions
from .styles import SIZE_5, SIZE_S5, Styles, make_styles
from .summary import (
    RARE_NOTE_PDF,
    SIGNATURE_SEAL_MM,
    SIGNATURE_SIGN_MM,
    Counts,
    archived_note,
    cn_date,
    deadline_cell,
    document_name,
    filter_sentence,
    fit_number_column,
    footer_note,
    is_overdue,
    measure_ref,
    measure_task,
    opening_paragraph,
    overdue_groups,
    overdue_intro,
    overview_sentence,
    plan_counts,
    plan_labels,
    plan_name,
    section_heading,
    short_title,
    stats_caption,
    stats_file_cell,
    status_label,
    table_numbers,
    total_counts,
)
from .supervision import NO_PROGRESS
from .titles import title_lines

HEADER_BG = Color(0.9, 0.9, 0.9)
PLAN_BG = Color(0.82, 0.82, 0.82)
SECTION_BG = Color(0.95, 0.95, 0.95)
OVERDUE_LIST_LIMIT = 30
GAP = "\u3000" * 3
MEASURE_HEADERS = (
    "序号",
    "重点任务",
    "牵头单位",
    "完成时限",
    "进展情况",
    "存在问题",
    "下步打算",
    "状态",
)
# Column widths in mm; each set adds up to the type-area width it is used on.
# 完成时限 wide enough for 2023年底前 on one line, 2023年 / 12月底前 on two.
TURNED_WIDTHS = (10, 65, 21, 21, 47, 24, 24, 13)  # 225 mm
PORTRAIT_WIDTHS = (9, 35, 18, 18, 28, 18, 18, 12)  # 156 mm
EVIDENCE_HEADERS = ("序号", "所属任务", "文件名称", "说明", "大小", "日期", "SHA-256")
EVIDENCE_WIDTHS = (9, 25, 34, 26, 16, 20, 26)  # 156 mm, at 小五 (序号 on one line)


class _Bookmark(Flowable):
    """An outline entry so the PDF opens with 正文 / 附件 in the viewer's side panel."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


class _Progress:
    """Maps the render's stages onto one (done, total) scale and turns False into Cancelled."""

    def __init__(self, callback: ProgressCallback | None, measures: int) -> None:
        self.callback = callback
        self.measures = measures
        self.total = 2 * measures + 1
        self.done = 0

    def report(self, done: int, force: bool = False) -> None:
        done = max(self.done, min(done, self.total))
        if self.callback is None or (done == self.done and not force):
            return
        self.done = done
        if self.callback(done, self.total) is False:
            raise Cancelled()


def _table_style(font: str, extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            # Table sets each cell's font even when the cell holds a Paragraph; its default is
            # an unembedded Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("GRID", (0, 0), (-1, -1), 0.5, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            *extra,
        ]
    )


def _notice_footer(data: SupervisionNoticeData) -> str:
    """The 督办单's small line: which data it was made from, as of which day, and when."""
    version = " ".join(data.data_version.split())
    if len(version) > 80:  # the version is machine-made; a runaway one must not leave the sheet
        version = version[:79] + "…"
    return (
        f"数据版本：{version}　数据截至：{cn_date(_notice_as_of(data))}　"
        f"生成时间：{data.generated_at:%Y-%m-%d %H:%M}"
    )


def _notice_as_of(data: SupervisionNoticeData) -> date:
    return data.figures_as_of or data.issue_date


def _notice_matters(items: Sequence[SupervisionItem]) -> str:
    """督办事项: how many of each light, and why the yellow ones are yellow."""
    red = sum(1 for it in items if it.level == "red")
    late = sum(1 for it in items if it.level == "yellow" and it.reason == NO_PROGRESS)
    soon = len(items) - red - late
    parts = [f"逾期（红灯）{red}项"] if red else []
    if soon:
        parts.append(f"临期（黄灯）{soon}项")
    if late:
        parts.append(f"{NO_PROGRESS}（黄灯）{late}项")
    return "，".join(parts) or "无"


class _QuarterReport:
    def __init__(
        self,
        data: QuarterReportData,
        options: ReportOptions,
        fonts: ReportFonts,
        progress: _Progress,
        max_row_fraction: float,
    ) -> None:
        self.data = data
        self.options = options
        self.fonts = fonts
        self.progress = progress
        self.turned = options.landscape_table
        table_size = 10.0 if self.turned else SIZE_S5
        self.st: Styles = make_styles(fonts, table_size)
        self.frame_h = TYPE_W if self.turned else TYPE_H
        self.max_row_height = self.frame_h * max_row_fraction

    # -- helpers ------------------------------------------------------------------------------
    def p(self, text: str, style: Any, face: FontFace | None = None) -> CJKParagraph:
        return CJKParagraph(runs_for(text, face or self.fonts.body, self.fonts.fallback), style)

    def title(self, text: str) -> CJKParagraph:
        return _title_para(text, self.st, self.fonts)

    def _columns(self, widths: Sequence[float], styles: Sequence[Any]) -> list[Column]:
        faces = {self.st.td.fontName: self.fonts.body, self.st.th.fontName: self.fonts.heading}
        return [
            Column(w * mm, s, faces.get(s.fontName, self.fonts.body))
            for w, s in zip(widths, styles, strict=True)
        ]

    # -- body ---------------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        d, st = self.data, self.st
        counts = total_counts(d)
        annexes = ["重点任务落实情况表"]
        if self.options.include_evidence_annex:
            annexes.append("佐证材料清单")
        out: list[Flowable] = [
            NextPageTemplate(PORTRAIT),
            _Bookmark("body", "正文"),
            self.title(d.title),
        ]
        if d.addressee.strip():
            addressee = d.addressee.strip()
            if not addressee.endswith(("：", ":")):
                addressee += "："
            out.append(self.p(addressee, st.body_flush))
        out.append(self.p(opening_paragraph(d), st.body))

        out.append(self.p("一、总体完成情况", st.h1, self.fonts.heading))
        out.append(self.p(overview_sentence(d), st.body))
        out.append(CondPageBreak(45 * mm))
        out.append(self.p(stats_caption(d), st.caption, self.fonts.heading))
        out.append(self._stats_table())
        if self.options.include_chart and counts.total:
            chart = status_chart(counts, self.fonts, TYPE_W, 62 * mm)
            out.append(Spacer(1, 8))
            out.append(
                KeepTogether([chart, self.p("图1　各状态任务数量", st.caption, self.fonts.heading)])
            )

        overdue = counts.overdue
        if overdue and self.options.include_overdue_list:
            out.append(self.p("二、逾期未完成任务", st.h1, self.fonts.heading))
            out += self._overdue_list(overdue)

        # §8.1 附件说明: one blank line below the body, two characters in.
        closing: list[Flowable] = [Spacer(1, st.body.leading)]
        for i, name in enumerate(annexes, 1):
            label = f"{i}. {name}" if len(annexes) > 1 else name
            if i == 1:
                closing.append(self.p(f"附件：{label}", st.annex_note))
            else:
                closing.append(self.p(label, st.annex_note_more))
        closing.append(Spacer(1, st.body.leading))
        closing += self._signature()
        # §7.3.5: the seal never stands on a page of its own; the last lines of the body go
        # over with it (the whole of a short paragraph, or the tail of a long one).
        last = out[-1] if out and isinstance(out[-1], CJKParagraph) else None
        if last is not None:
            out.pop()
            out.append(_KeepTail(last, closing))
        else:
            out.append(KeepTogether(closing))

        out += self._measure_annex(1)
        if self.options.include_evidence_annex:
            out += self._evidence_annex(2)
        return out

    def _stats_table(self) -> Table:
        st = self.st
        headers = ("文件", "任务数", "已完成", "推进中", "未启动", "暂缓", "逾期", "完成率")
        widths = (54, 15, 15, 15, 15, 12, 12, 18)  # 156 mm
        cols = self._columns(widths, [st.stat_td] + [st.stat_num] * 7)
        splitter = RowSplitter(
            cols, self.fonts.fallback, self.max_row_height, bold=self.fonts.heading
        )
        rows: list[list[Any]] = [[self.p(h, st.stat_th, self.fonts.heading) for h in headers]]

        def figures(c: Counts) -> list[Cell]:
            values = (c.total, c.done, c.in_progress, c.not_started, c.suspended, c.overdue)
            return [Cell.of(str(v)) for v in values] + [Cell.of(c.rate)]

        pcs = plan_counts(self.data)
        for i, (_plan, c) in enumerate(pcs):
            rows += splitter.rows([Cell.of(stats_file_cell(self.data, i)), *figures(c)])
        if len(pcs) != 1:
            rows += splitter.rows([Cell.of("合计", st.stat_th), *figures(total_counts(self.data))])
        return Table(
            rows, colWidths=[c.width for c in cols], repeatRows=1, style=_table_style(
                self.fonts.body.name, [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]
            ),
        )  # fmt: skip

    def _overdue_list(self, count: int) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = [self.p(overdue_intro(self.data, count), st.body)]
        groups, rest = overdue_groups(self.data, OVERDUE_LIST_LIMIT)
        for heading, items in groups:
            if heading:
                out.append(self.p(heading, st.h2, self.fonts.kai))
            out += [self.p(item, st.body) for item in items]
        if rest:
            out.append(self.p(f"其余{rest}项逾期任务详见附件1。", st.body))
        return out

    def _signature(self) -> list[Flowable]:
        d, st = self.data, self.st
        half = TYPE_W / 2 / mm
        two = self._columns((half, half), (st.signature, st.signature))
        one = self._columns((TYPE_W / mm,), (st.signature,))
        wide = RowSplitter(
            one, self.fonts.fallback, self.max_row_height, 0, bold=self.fonts.heading
        )
        pair = RowSplitter(
            two, self.fonts.fallback, self.max_row_height, 0, bold=self.fonts.heading
        )
        rows: list[list[Any]] = []
        heights: list[float | None] = []
        for r in wide.rows([Cell.of(f"填报单位（盖章）：{d.unit_name}", bold=0)]):
            rows.append([r[0], ""])
            heights.append(None)
        # Room under the unit's name for its seal, and beside the names to sign.
        rows.append(["", ""])
        heights.append(SIGNATURE_SEAL_MM * mm)
        signers = [
            Cell.of(f"填报人：{d.officer}　（签字）"),
            Cell.of(f"审核人：{d.reviewer}　（签字）"),
        ]
        for r in pair.rows(signers):
            rows.append(r)
            heights.append(SIGNATURE_SIGN_MM * mm)
        for r in pair.rows(
            [Cell.of(f"联系电话：{d.phone}"), Cell.of(f"日期：{cn_date(d.report_date)}")]
        ):
            rows.append(r)
            heights.append(None)
        spans = [("SPAN", (0, i), (1, i)) for i, r in enumerate(rows) if r[1] == ""]
        table = Table(
            rows, colWidths=[c.width for c in two], rowHeights=heights, style=TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), self.fonts.body.name),
                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 4),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]
            ),
        )  # fmt: skip
        return [table]

    # -- annex 1: the measure table ----------------------------------------------------------
    def _annex_head(self, number: int, title: str, template: str) -> list[Flowable]:
        st = self.st
        return [
            NextPageTemplate(template),
            PageBreak(),
            _Bookmark(f"annex{number}", f"附件{number}　{title}"),
            self.p(f"附件{number}", st.annex_label, self.fonts.heading),
            self.title(title),
        ]

    def _measure_annex(self, number: int) -> list[Flowable]:
        d, st = self.data, self.st
        out = self._annex_head(number, "重点任务落实情况表", TURNED if self.turned else PORTRAIT)
        out.append(
            self.p(
                f"填报单位：{d.unit_name}{GAP}报告期：{d.quarter_label}",
                st.subtitle,
            )
        )
        if d.filter_description.strip():
            out.append(self.p(filter_sentence(d), st.subtitle))
        out.append(self._measure_table())
        note = archived_note(d)
        if note:
            out.append(Spacer(1, 6))
            out.append(self.p(note, make_styles(self.fonts, SIZE_S5).note))
        return out

    def _grid_row(self, cells: Sequence[Cell], cols: Sequence[Column], **kw: Any) -> GridRow:
        return GridRow([self._cell_para(c, col) for c, col in zip(cells, cols, strict=True)], **kw)

    def _cell_para(self, cell: Cell, col: Column) -> CJKParagraph | Stack | None:
        if not cell.text:
            return None
        style = cell.style or col.style
        face = self.fonts.heading if style.fontName == self.fonts.heading.name else col.face
        head, tail = cell.text[: cell.bold], cell.text[cell.bold :]
        if head and tail:
            # Title in Hei on its own line(s), the text below it; its full stop goes with it.
            stripped = tail.lstrip("\u3000 ")
            while stripped and stripped[0] in "。；，：.;,:":
                head, stripped = head + stripped[0], stripped[1:]
            bold = ParagraphStyle(f"{style.name}-b", parent=style, fontName=self.fonts.heading.name)
            parts = [CJKParagraph(runs_for(head, self.fonts.heading, self.fonts.fallback), bold)]
            if stripped:
                parts.append(CJKParagraph(runs_for(stripped, face, self.fonts.fallback), style))
            return Stack(parts)
        runs = cell_runs(cell.text, cell.bold, face, self.fonts.heading, self.fonts.fallback)
        return CJKParagraph(runs, style)

    def _continued(self, number: str, st: Styles | None = None) -> Callable[[], CJKParagraph]:
        style = (st or self.st).td_center
        mark = f"{number}\n续" if number else "续"
        return lambda: CJKParagraph(runs_for(mark, self.fonts.body, self.fonts.fallback), style)

    def _header(self, headers: Sequence[str], st: Styles | None = None) -> GridRow:
        cells = [self.p(h, (st or self.st).th, self.fonts.heading) for h in headers]
        return GridRow(list(cells), background=HEADER_BG)

    def _measure_table(self) -> GridTable:
        st = self.st
        numbers = [table_numbers(plan) for plan in self.data.plans]
        widths = fit_number_column(
            TURNED_WIDTHS if self.turned else PORTRAIT_WIDTHS,
            [n for plan in numbers for n, _prefix in plan],
            st.td.fontSize,
            2 * PAD_X,
        )
        styles = [
            st.td_center,
            st.td,
            st.td_center,
            st.td_center,
            st.td,
            st.td,
            st.td,
            st.td_center,
        ]
        cols = self._columns(widths, styles)
        full = Column(sum(c.width for c in cols), st.section1, self.fonts.heading)
        rows: list[GridRow] = []
        several = len(self.data.plans) > 1
        done = 0

        def spanning(text: str, style: Any, bg: Color) -> None:
            rows.append(self._grid_row([Cell.of(text, style)], [full], span=True, background=bg,
                                       middle=False, done_after=done))  # fmt: skip

        labels = plan_labels(self.data)
        for label, plan, shown in zip(labels, self.data.plans, numbers, strict=True):
            if several:
                spanning(f"{label}　{plan_name(plan)}", st.section1, PLAN_BG)
            previous: tuple[str, ...] = ()
            for m, (number, prefix) in zip(plan.measures, shown, strict=True):
                common = 0
                while (
                    common < min(len(previous), len(m.sections))
                    and previous[common] == m.sections[common]
                ):
                    common += 1
                for level in range(common, len(m.sections)):
                    style = st.section1 if level == 0 else st.section2
                    spanning(section_heading(m, level), style, SECTION_BG)
                previous = m.sections
                done += 1
                rows.append(
                    self._grid_row(self._measure_cells(m, number, prefix), cols,
                                   done_after=done, continuation=self._continued(number))
                )  # fmt: skip
                if done % 25 == 0 or done == self.progress.measures:
                    self.progress.report(done)
        if not rows:
            rows.append(self._grid_row([Cell.of("本报告期无重点任务。", st.td_center)], [full],
                                       span=True))  # fmt: skip
        n = self.progress.measures
        return GridTable(
            self._header(MEASURE_HEADERS), rows, [c.width for c in cols],
            on_rows_done=lambda k: self.progress.report(n + k),
        )  # fmt: skip

    def _measure_cells(self, m: ReportMeasure, number: str, prefix: str) -> list[Cell]:
        st = self.st
        text, bold = measure_task(m, self.options.full_text, prefix)
        status = Cell.of(status_label(m), st.td_overdue if is_overdue(m) else None)
        return [
            Cell.of(number),
            Cell.of(text, bold=bold),
            Cell.of("、".join(m.lead_units)),
            Cell.of(deadline_cell(m)),
            Cell.of(m.progress),
            Cell.of(m.problems),
            Cell.of(m.next_steps),
            status,
        ]

    # -- annex 2: evidence -------------------------------------------------------------------
    def _evidence_annex(self, number: int) -> list[Flowable]:
        st = make_styles(self.fonts, SIZE_S5)  # a compact list, whatever the measure table used
        out = self._annex_head(number, "佐证材料清单", PORTRAIT)
        labels = plan_labels(self.data)
        items: list[tuple[str, ReportMeasure, ReportEvidence]] = [
            (label, m, ev)
            for label, plan in zip(labels, self.data.plans, strict=True)
            for m in plan.measures
            for ev in m.evidence
        ]
        if not items:
            out.append(self.p("本报告期无佐证材料。", st.body))
            return out
        sizes = [st.td_center, st.td, st.td, st.td, st.td_center, st.td_center, st.td_center]
        cols = self._columns(EVIDENCE_WIDTHS, sizes)
        rows: list[GridRow] = []
        for i, (label, m, ev) in enumerate(items, 1):
            short = short_title(m.title)
            prefix = f"{label}·" if label else ""
            cells = [
                Cell.of(str(i)),
                Cell.of(f"{prefix}{measure_ref(m)} {short}"),
                Cell.of(ev.file_name),
                Cell.of(ev.description),
                Cell.of(size_label(ev.size)),
                Cell.of(f"{ev.added_at:%Y-%m-%d}"),
                Cell.of(ev.sha256[:12]),
            ]
            rows.append(self._grid_row(cells, cols, continuation=self._continued(str(i), st)))
        out.append(GridTable(self._header(EVIDENCE_HEADERS, st), rows, [c.width for c in cols]))
        out.append(Spacer(1, 6))
        out.append(
            self.p(
                "注：SHA-256 列为文件摘要的前12位，可与台账存档中的原件逐一核对。",
                st.note,
            )
        )
        return out

    def rare_note(self) -> list[Flowable]:
        """Below the last annex: what the 〓 in it stand for."""
        note = make_styles(self.fonts, SIZE_S5).note
        return [Spacer(1, 4), self.p(RARE_NOTE_PDF, note)]


class _KeepTail(KeepTogether):
    """KeepTogether that, when the group must move on, lets its first paragraph split so only
    its last two lines go to the next page with the rest."""

    def __init__(self, paragraph: CJKParagraph, rest: list[Flowable]) -> None:
        super().__init__([paragraph, *rest])
        self._paragraph = paragraph
        self._rest = rest

    def split(self, aW: float, aH: float) -> list[Flowable]:
        p = self._paragraph
        p.wrap(aW, 1e9)
        rest_h = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self._rest)
        lines = p.line_count()
        keep = min(lines, 2)
        head_lines = lines - keep
        if head_lines >= 2 and head_lines * p.style.leading <= aH:
            parts = p.split(aW, head_lines * p.style.leading + 1e-3)
            if len(parts) == 2 and rest_h + keep * p.style.leading <= TYPE_H:
                return [parts[0], KeepTogether([parts[1], *self._rest])]
        return super().split(aW, aH)


class _KeepTableTail(KeepTogether):
    """A table and what must follow it (the seal): when they do not fit on the page together,
    the table's last row goes over with them, so the seal's page always carries the list it
    seals (§7.3.5) and the page before is not left with the table alone. `heads` are rows
    (document names) that stay with the row below them."""

    def __init__(self, table: Table, rest: list[Flowable], heads: frozenset[int]) -> None:
        super().__init__([table, *rest])
        self._table = table
        self._rest = rest
        self._heads = heads

    def split(self, aW: float, aH: float) -> list[Flowable]:
        table = self._table
        height = table.wrap(aW, aH)[1]
        rest_h = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self._rest)
        if height + rest_h <= aH:
            return [table, *self._rest]
        rows = table._rowHeights
        if len(rows) < 3:  # the header and one row: they go over together
            return super().split(aW, aH)
        # The rows that fit on this page, at least one left to go over with the seal.
        limit = min(aH, height - rows[-1] + 1e-3)
        while True:
            parts = table.split(aW, limit)
            if len(parts) != 2:
                return super().split(aW, aH)
            kept = len(parts[0]._cellvalues)
            if kept - 1 not in self._heads:
                break
            limit = sum(rows[: kept - 1]) + 1e-3
        heads = frozenset(h - kept + 1 for h in self._heads if h >= kept)
        return [parts[0], _KeepTableTail(parts[1], self._rest, heads)]


def _title_para(text: str, st: Styles, fonts: ReportFonts) -> CJKParagraph:
    lines = title_lines(clean_text(text), TYPE_W / st.title.fontSize - 0.5)
    return CJKParagraph(runs_for("\n".join(lines), fonts.title, fonts.fallback), st.title)


def render_quarter_pdf(
    data: QuarterReportData,
    out: Path,
    options: ReportOptions | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Render the quarterly report to `out` (atomically) and return its page count."""
    options = options or ReportOptions()
    fonts = report_fonts(options.use_system_fonts)
    measures = sum(len(p.measures) for p in data.plans)
    tracker = _Progress(progress, measures)
    tracker.report(0, force=True)
    fraction = options.max_row_fraction
    out = Path(out)
    with atomic_output(out) as tmp:
        for attempt in range(4):
            report = _QuarterReport(data, options, fonts, tracker, fraction)
            doc = _make_doc(tmp, fonts, data.title, data.unit_name, footer_note(data),
                            data.quarter_label)  # fmt: skip
            with collect_marked() as marked:
                story = report.story()
            if marked:
                story += report.rare_note()
            try:
                doc.build(story, canvasmaker=canvas_maker(data.generated_at, fonts.body.name))
                break
            except LayoutError:
                # A row the estimate let through is still taller than a page: split harder.
                if attempt == 3:
                    raise
                fraction /= 2
        pages = doc.page
        tracker.report(tracker.total, force=True)
    return pages


def _make_doc(
    path: Path, fonts: ReportFonts, title: str, author: str, footer: str, subject: str
) -> GovDocTemplate:
    return GovDocTemplate(
        str(path),
        fonts,
        footer,
        title=" ".join(title.split())[:300],
        author=author[:200],
        subject=subject[:200],
    )


# -- 督办单 ----------------------------------------------------------------------------------------


def _notice_story(
    data: SupervisionNoticeData, notice: SupervisionUnitNotice, fonts: ReportFonts, st: Styles
) -> list[Flowable]:
    def p(text: str, style: Any, face: FontFace | None = None) -> CJKParagraph:
        return CJKParagraph(runs_for(text, face or fonts.body, fonts.fallback), style)

    serial = notice.serial.strip() or "\u00a0" * 12
    # Issued today, about figures that may be those of a past quarter's last day.
    as_of = f"（数据截至{cn_date(_notice_as_of(data))}）"
    out: list[Flowable] = [
        _title_para(data.title, st, fonts),
        p(f"督办编号：{serial}{GAP}{data.quarter_label}{as_of}", st.subtitle),
        Spacer(1, 6),
    ]
    info_cols = [
        Column(30 * mm, st.stat_th, fonts.heading),
        Column(48 * mm, st.stat_td, fonts.body),
        Column(30 * mm, st.stat_th, fonts.heading),
        Column(48 * mm, st.stat_td, fonts.body),
    ]
    info = RowSplitter(info_cols, fonts.fallback, TYPE_H * 0.4, bold=fonts.heading)
    reply = cn_date(data.reply_by) + "前" if data.reply_by else "收到本通知后10个工作日内"
    rows: list[list[Any]] = []
    rows += info.rows(
        [Cell.of("督办单位"), Cell.of(data.issuer), Cell.of("责任单位"), Cell.of(notice.unit)]
    )
    rows += info.rows(
        [
            Cell.of("督办日期"),
            Cell.of(cn_date(data.issue_date)),
            Cell.of("反馈时限"),
            Cell.of(reply),
        ]
    )
    rows += info.rows(
        [Cell.of("督办事项"), Cell.of(_notice_matters(notice.items)),
         Cell.of("联系人及电话"), Cell.of(f"{data.contact} {data.phone}".strip())]
    )  # fmt: skip
    out.append(
        Table(rows, colWidths=[c.width for c in info_cols], style=_table_style(fonts.body.name))
    )
    out.append(Spacer(1, 10))

    # Wide enough that no header wraps, 2021年底前、 keeps its 、 and the light and its reason
    # (逾期730天, 6月30日到期) take a line each.
    headers = ("序号", "重点任务", "完成时限", "状态", "督办等级", "进展情况")
    widths = (10, 44, 24, 15, 24, 39)  # 156 mm
    styles = [st.td_center, st.td, st.td_center, st.td_center, st.td_center, st.td]
    cols = [Column(w * mm, s, fonts.body) for w, s in zip(widths, styles, strict=True)]
    splitter = RowSplitter(cols, fonts.fallback, TYPE_H * 0.8, bold=fonts.heading)
    table_rows: list[list[Any]] = [[p(h, st.th, fonts.heading) for h in headers]]
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]
    red_bg, yellow_bg = Color(0.97, 0.8, 0.8), Color(1.0, 0.93, 0.6)
    several = len({it.plan_title for it in notice.items}) > 1
    plan = None
    heads: set[int] = set()
    for i, item in enumerate(notice.items, 1):
        m = item.measure
        if several and item.plan_title != plan:
            # Each document named once above its measures, not in every row.
            plan = item.plan_title
            row = len(table_rows)
            heads.add(row)
            table_rows.append([p(f"《{document_name(plan)}》", st.section1, fonts.heading),
                               *[""] * 5])  # fmt: skip
            extra += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), PLAN_BG)]
        reason = item.reason.replace("本季度未", "本季度\n未")  # not 本季度未报 / 送进展
        level = f"{'红灯' if item.level == 'red' else '黄灯'}\n{reason}"
        ref = measure_ref(m)
        title = f"{ref}：" if ref.startswith("第") else ref  # （三）is its own separator
        first = len(table_rows)
        table_rows += splitter.rows(
            [
                Cell.of(str(i)),
                Cell.of(f"{title}{m.title.strip()}", bold=len(title)),
                Cell.of(deadline_cell(m)),
                Cell.of(m.status_label),
                Cell.of(level, st.td_overdue if item.level == "red" else None),
                Cell.of(m.progress or "未报送进展"),
            ]
        )
        bg = red_bg if item.level == "red" else yellow_bg
        extra.append(("BACKGROUND", (4, first), (4, len(table_rows) - 1), bg))
    if not notice.items:
        table_rows.append([p("本期无红灯或黄灯任务。", st.td), *[""] * 5])
        extra.append(("SPAN", (0, 1), (-1, 1)))
    items = Table(table_rows, colWidths=[c.width for c in cols], repeatRows=1,
                  style=_table_style(fonts.body.name, extra))  # fmt: skip
    requirement = data.requirement.strip() or (
        f"请你单位对上述事项高度重视，逐项分析原因，明确整改措施和完成时限。"
        f"请于{reply}将办理情况书面反馈{data.issuer}，同时在系统中更新进展情况。"
    )
    # In the form's 四号, its label run in: a notice of four or five measures stays on one page.
    style = ParagraphStyle("requirement", parent=st.signature, alignment=TA_JUSTIFY)
    runs = runs_for("督办要求：", fonts.heading, fonts.fallback)
    runs += runs_for(requirement, fonts.body, fonts.fallback)
    # The seal never stands on a page of its own (§7.3.5): the requirement and the list's last
    # row go with it.
    out.append(
        _KeepTableTail(
            items,
            [
                Spacer(1, 12),
                CJKParagraph(runs, style),
                Spacer(1, 10),
                p(f"签收人：{GAP * 2}签收时间：{GAP}年{GAP[:4]}月{GAP[:4]}日", st.signature),
                Spacer(1, 6),
                p(f"{data.issuer}（盖章）", st.sign_right),
                p(cn_date(data.issue_date), st.sign_right),
            ],
            frozenset(heads),
        )
    )
    return out


def render_supervision_notice(data: SupervisionNoticeData, out: Path) -> int:
    """One 督办单 per responsible unit, each starting on a new page; returns the page count."""
    fonts = report_fonts()
    st = make_styles(fonts, SIZE_5)
    story: list[Flowable] = [NextPageTemplate(PORTRAIT)]
    notices = data.notices or (SupervisionUnitNotice(unit="—", items=()),)
    for i, notice in enumerate(notices):
        if i:
            # Each unit gets its own notice: its pages are numbered from 1.
            story += [RestartPageNumbers(), PageBreak()]
        story.append(_Bookmark(f"unit{i}", notice.unit.strip()[:60] or "—"))
        with collect_marked() as marked:
            story += _notice_story(data, notice, fonts, st)
        if marked:  # each notice goes to its own unit, so each says it
            note = CJKParagraph(runs_for(RARE_NOTE_PDF, fonts.body, fonts.fallback), st.note)
            story += [Spacer(1, 6), note]
    out = Path(out)
    with atomic_output(out) as tmp:
        footer = _notice_footer(data)
        doc = _make_doc(tmp, fonts, data.title, data.issuer, footer, data.quarter_label)
        doc.build(story, canvasmaker=canvas_maker(data.generated_at, fonts.body.name))
        pages = doc.page
    return pages
