"""The quarterly ledger (台账) as a print-ready Excel workbook: one row per measure of every plan."""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain import Cancelled, ProgressCallback
from desktop.reports.data import QuarterReportData, ReportMeasure, ReportPlan

__all__ = [
    "LEDGER_COLUMNS",
    "export_ledger",
    "row_height",
    "save_atomically",
    "set_text",
    "text_lines",
]

# (header, width in characters); widths chosen so A4 landscape at fit-to-width stays readable.
LEDGER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 5),
    ("所属部分", 12),
    ("编号", 8),
    ("重点任务", 38),
    ("牵头单位", 12),
    ("责任单位", 14),
    ("完成时限", 11),
    ("状态", 7),
    ("是否逾期", 6),
    ("本季度进展情况", 34),
    ("存在问题", 18),
    ("下步打算", 18),
    ("佐证材料（份）", 8),
)
HEADER_ROW = 3
_MAX_CELL = 32767  # Excel's limit on characters in one cell
_FONT = "宋体"
_HEAD_FONT = "黑体"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_OVERDUE_FILL = PatternFill("solid", fgColor="FDE2E1")
_PLAN_FILL = PatternFill("solid", fgColor="EDEDED")


# Row heights: neither openpyxl nor LibreOffice grows a row to fit wrapped text when the file is
# opened, so a row left at the default height prints its first line only. Estimate the lines
# from the text and the column width: a width unit is the width of '0' in the default font
# (about 7 px); a Han character at 10 pt is about 13.3 px, a Latin letter or digit half that.
_PX_PER_WIDTH = 7.0
_CELL_PADDING_PX = 6.0
_HAN_PX_10PT = 13.33
_LINE_PT_10PT = 13.5  # line pitch of 10 pt 宋体 in Excel and WPS (LibreOffice: about 12)
_MAX_ROW_PT = 409.0  # Excel's limit


def _char_em(ch: str) -> float:
    o = ord(ch)
    if o < 0x2000 and not 0x1100 <= o <= 0x115F:
        return 0.55  # Latin, digits, half-width punctuation
    return 1.0  # Han, kana, full-width punctuation and the curly quotes CJK fonts draw wide


def text_lines(text: str, width: float, font_pt: float = 10.0) -> int:
    """Lines `text` wraps to in a column `width` units wide at `font_pt` points."""
    han_px = _HAN_PX_10PT * font_pt / 10.0
    per_line = max(1.0, (width * _PX_PER_WIDTH + 5 - _CELL_PADDING_PX) / han_px)
    lines = 0
    for para in (text or "").split("\n"):
        em = sum(_char_em(ch) for ch in para)
        # A line may not start with closing punctuation (kinsoku): a little is lost per line.
        lines += max(1, math.ceil(em * 1.03 / per_line))
    return lines


def row_height(
    cells: Sequence[tuple[str, float]], font_pt: float = 10.0, minimum: float = 18.0
) -> float:
    """Points a row needs so that every (text, column width) of it shows in full when printed."""
    lines = max((text_lines(t, w, font_pt) for t, w in cells if t), default=1)
    return min(_MAX_ROW_PT, max(minimum, lines * _LINE_PT_10PT * font_pt / 10.0 + 4.0))


def set_text(cell: Cell, value: str) -> None:
    """Write text that stays text: '=1+1' or '-5%' must never become a formula or a number.

    openpyxl turns any str starting with '=' into a formula; forcing the string type keeps the
    officer's words as typed (and makes a crafted '=HYPERLINK(...)' harmless).
    """
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > _MAX_CELL:
        value = value[: _MAX_CELL - 1] + "…"
    cell.value = value
    cell.data_type = "s"


def save_atomically(wb: Workbook, out: Path) -> None:
    """Save to a temporary file beside `out`, then rename, so a crash never leaves half a file."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        try:
            os.replace(tmp, out)
        except PermissionError as exc:
            raise PermissionError(
                f"无法写入“{out.name}”：文件可能正在 Excel 或 WPS 中打开。请关闭该文件后重试，"
                "或换一个文件名保存。"
            ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def use_cjk_default_font(wb: Workbook) -> None:
    """Make 宋体 the workbook's default font. Column widths are counted in digits of the default
    font: with Calibri (absent on most machines outside Office) LibreOffice measures them in its
    substitute, and the widths, the wrapping and the row heights estimated here drift apart."""
    from openpyxl.utils.indexed_list import IndexedList

    default = Font(name=_FONT, size=11, family=3, charset=134)
    wb._fonts = IndexedList([default])  # private, but index 0 is what Excel takes as default
    wb._named_styles["Normal"].font = default


def _styles(wb: Workbook) -> None:
    # Named styles are registered once; assigning a name per cell is far cheaper than fonts,
    # borders and alignments object by object on 10,000 rows.
    wrap_top = Alignment(wrap_text=True, vertical="center", horizontal="left")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    styles = [
        NamedStyle(
            "ledger_text", font=Font(name=_FONT, size=10), border=_BORDER, alignment=wrap_top
        ),
        NamedStyle(
            "ledger_center", font=Font(name=_FONT, size=10), border=_BORDER, alignment=center
        ),
        NamedStyle(
            "ledger_overdue",
            font=Font(name=_FONT, size=10, bold=True, color="C00000"),
            border=_BORDER,
            alignment=center,
            fill=_OVERDUE_FILL,
        ),
        NamedStyle(
            "ledger_head",
            font=Font(name=_HEAD_FONT, size=10, bold=True),
            border=_BORDER,
            alignment=center,
            fill=PatternFill("solid", fgColor="D9E1F2"),
        ),
        NamedStyle(
            "ledger_plan",
            font=Font(name=_HEAD_FONT, size=11, bold=True),
            border=_BORDER,
            alignment=Alignment(vertical="center", horizontal="left", wrap_text=True),
            fill=_PLAN_FILL,
        ),
    ]
    for style in styles:
        wb.add_named_style(style)


def _deadline(m: ReportMeasure) -> str:
    if m.deadline_text:
        text = m.deadline_text
    elif m.deadline is not None:
        text = f"{m.deadline.year}年{m.deadline.month}月{m.deadline.day}日"
    else:
        text = "长期" if m.long_term else ""
    # '每季度调度，年底前完成' keeps only '年底前' as its deadline text: name the schedule too,
    # unless the text already says it in some spelling ('按季度', '每季度报送').
    if m.recurring and m.recurring.removeprefix("每") not in text:
        return f"{m.recurring}；{text}" if text else m.recurring
    return text


def _plan_heading(index: int, plan: ReportPlan) -> str:
    bits = [f"{index}. {plan.title}"]
    extra = [x for x in (plan.doc_number, plan.issuer) if x]
    extra.append(f"第 {plan.version} 版")
    bits.append(f"（{'，'.join(extra)}）")
    archived = sum(1 for m in plan.measures if m.archived)
    bits.append(f"  共 {len(plan.measures) - archived} 项")
    if archived:
        bits.append(f"，另有本季度填报过、后被新版本删除的已归档措施 {archived} 项")
    return "".join(bits)


def _measure_row(seq: int, m: ReportMeasure) -> list[tuple[str, str]]:
    """(text, style) per column, in LEDGER_COLUMNS order."""
    overdue = m.overdue and not m.archived
    if m.archived:
        # Removed by a later version of the plan; listed because it reported this quarter.
        status, late = f"{m.status_label}（已归档）", "—"
    else:
        status, late = m.status_label, "是" if overdue else "否"
    return [
        (str(seq), "ledger_center"),
        (" / ".join(m.sections), "ledger_text"),
        (m.number, "ledger_center"),
        (m.text or m.title, "ledger_text"),
        ("、".join(m.lead_units), "ledger_text"),
        ("、".join(m.responsible_units), "ledger_text"),
        (_deadline(m), "ledger_center"),
        (status, "ledger_center"),
        (late, "ledger_overdue" if overdue else "ledger_center"),
        (m.progress, "ledger_text"),
        (m.problems, "ledger_text"),
        (m.next_steps, "ledger_text"),
        (str(len(m.evidence)), "ledger_center"),
    ]


_WIDTHS = tuple(w for _, w in LEDGER_COLUMNS)
_FULL_WIDTH = sum(_WIDTHS)


def _write_row(ws: Worksheet, r: int, values: Sequence[tuple[str, str]]) -> None:
    for c, (text, style) in enumerate(values, start=1):
        cell = ws.cell(row=r, column=c)
        set_text(cell, text)
        cell.style = style
    ws.row_dimensions[r].height = row_height(
        [(text, w) for (text, _), w in zip(values, _WIDTHS, strict=False)]
    )


def _print_setup(ws: Worksheet, data: QuarterReportData, last_row: int) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(len(LEDGER_COLUMNS))}{max(last_row, HEADER_ROW)}"
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
    ws.oddFooter.right.text = f"数据版本 {data.data_version}"
    ws.oddFooter.right.size = 8


def export_ledger(
    data: QuarterReportData, out: Path, progress: ProgressCallback | None = None
) -> None:
    """Write the ledger of `data` to `out` (.xlsx) atomically; Cancelled leaves `out` untouched."""
    wb = Workbook()
    use_cjk_default_font(wb)
    _styles(wb)
    ws = wb.active
    assert ws is not None  # a new Workbook always has one sheet
    ws.title = "台账"
    ncols = len(LEDGER_COLUMNS)
    last_col = get_column_letter(ncols)

    title = ws.cell(row=1, column=1)
    set_text(title, f"{data.title}台账（{data.quarter_label}）")
    title.font = Font(name=_HEAD_FONT, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(f"A1:{last_col}1")
    ws.row_dimensions[1].height = max(32.0, row_height([(str(title.value), _FULL_WIDTH)], 16))

    info = ws.cell(row=2, column=1)
    versions = "；".join(f"{p.title} 第 {p.version} 版" for p in data.plans)
    set_text(
        info,
        f"填报单位：{data.unit_name}    填报人：{data.officer}    审核人：{data.reviewer}    "
        f"联系电话：{data.phone}    生成时间：{data.generated_at:%Y-%m-%d %H:%M}    "
        f"方案版本：{versions or '无'}",
    )
    info.font = Font(name=_FONT, size=10)
    info.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    ws.merge_cells(f"A2:{last_col}2")
    ws.row_dimensions[2].height = row_height([(str(info.value), _FULL_WIDTH)])

    _write_row(ws, HEADER_ROW, [(h, "ledger_head") for h, _ in LEDGER_COLUMNS])
    ws.row_dimensions[HEADER_ROW].height = 30
    for c, (_, width) in enumerate(LEDGER_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width

    total = sum(len(p.measures) for p in data.plans)
    r = HEADER_ROW
    seq = 0
    for p_index, plan in enumerate(data.plans, start=1):
        if len(data.plans) > 1 or plan.version > 1:
            r += 1
            cell = ws.cell(row=r, column=1)
            set_text(cell, _plan_heading(p_index, plan))
            cell.style = "ledger_plan"
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
            ws.row_dimensions[r].height = row_height([(str(cell.value), _FULL_WIDTH)], 11)
        for m in plan.measures:
            r += 1
            seq += 1
            _write_row(ws, r, _measure_row(seq, m))
            if progress is not None and seq % 200 == 0 and not progress(seq, total):
                raise Cancelled()
    if total == 0:
        r += 1
        cell = ws.cell(row=r, column=1)
        set_text(cell, "本季度没有需要填报的任务。")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
    _print_setup(ws, data, r)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{max(r, HEADER_ROW + 1)}"
    _set_properties(wb, data)
    save_atomically(wb, out)
    if progress is not None:
        progress(total, total)


def _set_properties(wb: Workbook, data: QuarterReportData) -> None:
    props: Any = wb.properties
    props.title = f"{data.title}台账（{data.quarter_label}）"
    props.creator = data.unit_name or "落实台账"
    props.subject = data.quarter
    props.description = f"数据版本 {data.data_version}"
