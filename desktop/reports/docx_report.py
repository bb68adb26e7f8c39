"""The quarterly report as an editable Word document, for offices that adjust the wording."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from desktop.domain import Cancelled, ProgressCallback, size_label

from .charts import drawing_png, status_chart
from .data import QuarterReportData, ReportMeasure
from .fonts import clean_text, report_fonts
from .layout import atomic_output
from .options import ReportOptions
from .summary import (
    RARE_NOTE_DOCX,
    SIGNATURE_SEAL_MM,
    SIGNATURE_SIGN_MM,
    archived_note,
    cn_date,
    deadline_cell,
    filter_sentence,
    fit_number_column,
    footer_note,
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
from .titles import title_lines

# Font names as Word knows them on a Chinese Windows; Word substitutes when one is missing.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
HEI_FONT = "黑体"
KAI_FONT = "楷体"
SONG_FONT = "宋体"
BODY_LINE = Pt(28.95)  # 22 lines in the 225 mm type area
# GB/T 9704 §5.2.2 as a Word document grid: 22 lines of 28 characters of 3号 in the type area.
# Twips of the A4 type area (11906 − 1587 − 1474 by 16838 − 2098 − 1984): 8845 × 12756.
GRID_LINE_PITCH = 12756 // 22  # 579 twips, 28.95 pt
# charSpace is what each character's pitch differs from the Normal size (16 pt), in 1/4096 pt:
# 28 characters of 442.25/28 pt fill the line, floor(4096 × (442.25/28 − 16)) = −842.
GRID_CHAR_SPACE = -842
# A line grid, not "linesAndChars": LibreOffice gives a character wider than the character
# pitch (16 pt > 15.79 pt) two cells, 14 characters a line, and spreads lines with quotes even
# when the text is condensed. 28 a line comes from the text being 0.25 pt tight instead, which
# Word and LibreOffice both follow; charSpace stays for an office that turns Word's character
# grid on (页面设置 → 文档网格 → 指定行和字符网格): then Word sets 28 a line itself.
GRID_TYPE = "lines"
BODY_CONDENSE_TWIPS = -5  # −0.25 pt: 28 × 15.75 pt = 441 pt ≤ 442.25 pt < 29 × 15.75 pt
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
STATS_WIDTHS_MM = (48, 16, 16, 16, 16, 13, 13, 18)  # 156 mm: 任务数 at 小四 on one line
TITLE_EMS = 156 / 7.76 - 0.5  # characters of 2号 a title line holds, as in the PDF
CHART_W, CHART_H = 156 * 72 / 25.4, 62 * 72 / 25.4  # points
OVERDUE_LIST_LIMIT = 30
CELL_MARGIN_MM = 1.0
TURNED_WIDTHS_MM = (10, 65, 21, 21, 47, 24, 24, 13)  # as the PDF's
PORTRAIT_WIDTHS_MM = (9, 35, 18, 18, 28, 18, 18, 12)
EVIDENCE_HEADERS = ("序号", "所属任务", "文件名称", "说明", "大小", "日期", "SHA-256")
EVIDENCE_WIDTHS_MM = (9, 25, 34, 26, 16, 20, 26)  # 序号 on one line


def _set_run_font(run_element: object, name: str) -> None:
    r_pr = run_element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


# The order of a w:pPr's children (ECMA-376 CT_PPr); Word refuses a file with others.
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
_AFTER_SNAP = _PPR_ORDER[_PPR_ORDER.index("w:snapToGrid") + 1 :]


def _off_grid(p: Paragraph) -> Paragraph:
    """Keep a paragraph off the character grid: set in another size than 3号 (a title, a
    table, a caption), Word and LibreOffice would space its characters to the 3号 pitch."""
    p_pr = p._p.get_or_add_pPr()
    if p_pr.find(qn("w:snapToGrid")) is None:
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        p_pr.insert_element_before(snap, *_AFTER_SNAP)
    return p


def _chinese_defaults(doc: DocxDocument) -> None:
    """Chinese as the text's language (Word's line-breaking rules and proofing), and no extra
    space between Chinese and digits (2023年, 137号 set tight, as the PDF and 公文 are)."""
    styles = doc.styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if lang is not None:
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    for p_pr in (defaults, doc.styles["Normal"].element.get_or_add_pPr()):
        if p_pr is None:
            continue
        # No punctuation hanging past the margin either (LibreOffice's default): the PDF's
        # lines end at the measure.
        for tag in ("w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), "0")
            p_pr.insert_element_before(el, *_PPR_ORDER[_PPR_ORDER.index(tag) + 1 :])


def _doc_grid(section: object, body: bool) -> None:
    """The body's section on the 28 × 22 grid; the annex sections (tables in 小五 and 五号)
    without one."""
    sect_pr = section._sectPr  # type: ignore[attr-defined]
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    for attr in ("w:type", "w:linePitch", "w:charSpace"):
        if grid.get(qn(attr)) is not None:
            del grid.attrib[qn(attr)]
    if body:
        grid.set(qn("w:type"), GRID_TYPE)
        grid.set(qn("w:linePitch"), str(GRID_LINE_PITCH))
        grid.set(qn("w:charSpace"), str(GRID_CHAR_SPACE))
    else:
        grid.set(qn("w:linePitch"), "360")


def _run(p: Paragraph, text: str, font: str, size: float, bold: bool = False) -> None:
    run = p.add_run(clean_text(text))
    run.font.size = Pt(size)
    run.font.bold = bold
    _set_run_font(run._r, font)
    if size == 16 and font != TITLE_FONT:
        _condense(run._r)


def _condense(run_element: object) -> None:
    """3号 body text 0.25 pt tighter, so 28 characters fill the 156 mm line as in the PDF
    (see GRID_TYPE); 16 pt characters would leave 27."""
    r_pr = run_element.get_or_add_rPr()  # type: ignore[attr-defined]
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(BODY_CONDENSE_TWIPS))
    r_pr.append(spacing)


def _para(
    doc: DocxDocument | _Cell,
    text: str,
    font: str = BODY_FONT,
    size: float = 16,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
    exact: Pt | None = BODY_LINE,
    bold: bool = False,
    keep: bool = False,
) -> Paragraph:
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.keep_with_next = keep or None
    if exact is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = exact
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(2 * size)
    if align is not None:
        p.alignment = align
    elif indent:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if size != 16 or font == TITLE_FONT:
        _off_grid(p)
    if text:
        _run(p, text, font, size, bold)
    return p


def _cell_text(
    cell: _Cell, text: str, size: float, font: str = BODY_FONT, bold_prefix: int = 0,
    center: bool = False,
) -> None:  # fmt: skip
    text = clean_text(text)
    p = _off_grid(cell.paragraphs[0])
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if bold_prefix:
        _run(p, text[:bold_prefix], HEI_FONT, size)
        text = text[bold_prefix:]
    if text:
        _run(p, text, font, size)


def _repeat_header(row_element: object) -> None:
    tr_pr = row_element.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _table(
    doc: DocxDocument, headers: Sequence[str], widths_mm: Sequence[float], size: float
) -> Table:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # LibreOffice lays columns out from the table grid, Word from the cell widths: set both.
    for column, w in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(w)
    for cell, h, w in zip(table.rows[0].cells, headers, widths_mm, strict=True):
        cell.width = Mm(w)
        _cell_text(cell, h, size, HEI_FONT, center=True)
        _shade(cell, "E6E6E6")
    _repeat_header(table.rows[0]._tr)
    _cell_margins(table, CELL_MARGIN_MM)
    return table


def _cell_margins(table: Table, mm_lr: float) -> None:
    """Word's default 1.9 mm a side would wrap 任务数 and 完成率 in their columns; the PDF uses
    about 1 mm, as here."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(mm_lr * 56.7)))  # twentieths of a point
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def _add_row(table: Table, values: Sequence[str], widths_mm: Sequence[float], size: float,
             centered: Sequence[int] = (), bold_prefix: int = 0) -> None:  # fmt: skip
    cells = table.add_row().cells
    for i, (cell, value, w) in enumerate(zip(cells, values, widths_mm, strict=True)):
        cell.width = Mm(w)
        _cell_text(cell, value, size, bold_prefix=bold_prefix if i == 1 else 0,
                   center=i in centered)  # fmt: skip


def _page_number_footer(paragraph: Paragraph, odd: bool) -> None:
    """'— N —' in 4号 宋体, odd pages right and even pages left, one character in (GB/T 9704)."""
    _off_grid(paragraph)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    if odd:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    _run(paragraph, "— ", SONG_FONT, 14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), SONG_FONT)
    r_pr.append(fonts)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "28")
    r_pr.append(sz)
    run.append(r_pr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    _run(paragraph, " —", SONG_FONT, 14)


def _footer(doc: DocxDocument, note: str) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    section.footer_distance = Mm(20)
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        _page_number_footer(footer.paragraphs[0], odd)
        small = _off_grid(footer.add_paragraph())
        small.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(small, note, BODY_FONT, 7)
        small.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _portrait(section: object) -> None:
    s = section
    s.orientation = WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    s.page_width, s.page_height = Mm(210), Mm(297)  # type: ignore[attr-defined]
    s.top_margin, s.bottom_margin = Mm(37), Mm(35)  # type: ignore[attr-defined]
    s.left_margin, s.right_margin = Mm(28), Mm(26)  # type: ignore[attr-defined]


def _landscape(section: object) -> None:
    s = section
    s.orientation = WD_ORIENT.LANDSCAPE  # type: ignore[attr-defined]
    s.page_width, s.page_height = Mm(297), Mm(210)  # type: ignore[attr-defined]
    s.top_margin, s.bottom_margin = Mm(28), Mm(26)  # type: ignore[attr-defined]
    s.left_margin, s.right_margin = Mm(37), Mm(35)  # type: ignore[attr-defined]


def _measure_values(
    m: ReportMeasure, full_text: bool, number: str, prefix: str
) -> tuple[list[str], int]:
    task, bold = measure_task(m, full_text, prefix)
    values = [
        number, task, "、".join(m.lead_units), deadline_cell(m), m.progress, m.problems,
        m.next_steps, status_label(m),
    ]  # fmt: skip
    return values, bold


def render_quarter_docx(
    data: QuarterReportData,
    out: Path,
    options: ReportOptions | None = None,
    progress: ProgressCallback | None = None,
) -> None:
    """Write the report as .docx (atomically); `progress` returning False cancels it."""
    options = options or ReportOptions()
    total_measures = sum(len(p.measures) for p in data.plans)
    total = total_measures + 1

    def tick(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    tick(0)
    doc = Document()
    _portrait(doc.sections[0])
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr()
    _set_run_font(normal.element, BODY_FONT)
    _chinese_defaults(doc)
    _footer(doc, footer_note(data))
    doc.core_properties.title = " ".join(data.title.split())[:250]
    doc.core_properties.author = data.unit_name[:250]
    doc.core_properties.created = data.generated_at
    doc.core_properties.modified = data.generated_at

    title = _para(doc, "", TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER, exact=Pt(32))
    # The same balanced lines as the PDF title (GB/T 9704 §7.3.3), not Word's own wrapping.
    for i, line in enumerate(title_lines(clean_text(data.title), TITLE_EMS)):
        if i:
            title.runs[-1].add_break()
        _run(title, line, TITLE_FONT, 22)
    _para(doc, "")
    if data.addressee.strip():
        addressee = data.addressee.strip()
        _para(doc, addressee if addressee.endswith(("：", ":")) else addressee + "：")
    _para(doc, opening_paragraph(data), indent=True)
    _para(doc, "一、总体完成情况", HEI_FONT, indent=True, keep=True)
    _para(doc, overview_sentence(data), indent=True)
    caption = _para(doc, stats_caption(data), HEI_FONT, 12, WD_ALIGN_PARAGRAPH.CENTER, exact=None,
                    keep=True)  # fmt: skip
    caption.paragraph_format.space_before = Pt(6)
    stat_headers = ("文件", "任务数", "已完成", "推进中", "未启动", "暂缓", "逾期", "完成率")
    stat_widths = STATS_WIDTHS_MM
    stats = _table(doc, stat_headers, stat_widths, 12)
    pcs = plan_counts(data)
    rows = [(stats_file_cell(data, i), c) for i, (_plan, c) in enumerate(pcs)]
    if len(pcs) != 1:
        rows.append(("合计", total_counts(data)))
    for label, c in rows:
        values = [label, *(str(v) for v in (c.total, c.done, c.in_progress, c.not_started,
                                             c.suspended, c.overdue)), c.rate]  # fmt: skip
        total_row = label == "合计" and len(pcs) != 1
        _add_row(stats, values, stat_widths, 12, centered=range(0 if total_row else 1, 8),
                 bold_prefix=0)  # fmt: skip
    counts = total_counts(data)
    if options.include_chart and counts.total:
        fonts = report_fonts(options.use_system_fonts)
        png = drawing_png(status_chart(counts, fonts, CHART_W, CHART_H), fonts)
        chart = _off_grid(doc.add_paragraph())
        chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
        chart.paragraph_format.space_before = Pt(8)
        chart.paragraph_format.keep_with_next = True
        chart.add_run().add_picture(BytesIO(png), width=Mm(156))
        _para(doc, "图1　各状态任务数量", HEI_FONT, 12, WD_ALIGN_PARAGRAPH.CENTER, exact=None)

    overdue = counts.overdue
    if overdue and options.include_overdue_list:
        _para(doc, "二、逾期未完成任务", HEI_FONT, indent=True, keep=True)
        _para(doc, overdue_intro(data, overdue), indent=True)
        groups, rest = overdue_groups(data, OVERDUE_LIST_LIMIT)
        for heading, items in groups:
            if heading:
                _para(doc, heading, KAI_FONT, indent=True, keep=True)
            for item in items:
                _para(doc, item, indent=True)
        if rest:
            _para(doc, f"其余{rest}项逾期任务详见附件1。", indent=True)

    annexes = ["重点任务落实情况表"]
    if options.include_evidence_annex:
        annexes.append("佐证材料清单")
    # §7.3.5: the seal never stands on a page of its own: the body's last paragraph, the
    # annex list and the signature block go over together (as _KeepTail does in the PDF).
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _para(doc, "", keep=True)
    for i, name in enumerate(annexes, 1):
        label = f"{i}. {name}" if len(annexes) > 1 else name
        p = _para(doc, f"附件：{label}" if i == 1 else label, keep=True)
        p.paragraph_format.left_indent = Pt(80 if i > 1 else 32)
    _para(doc, "", keep=True)
    _signature(doc, data)

    # Annex 1: the measure table, on landscape pages when asked.
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if options.landscape_table:
        _landscape(section)
    size = 10.0 if options.landscape_table else 9.0
    numbers = [table_numbers(plan) for plan in data.plans]
    widths = fit_number_column(
        TURNED_WIDTHS_MM if options.landscape_table else PORTRAIT_WIDTHS_MM,
        [n for plan in numbers for n, _prefix in plan],
        size,
        2 * CELL_MARGIN_MM * 72 / 25.4,
    )
    _para(doc, "附件1", HEI_FONT)
    _para(doc, "重点任务落实情况表", TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER, exact=Pt(32))
    _para(doc, f"填报单位：{data.unit_name}　　　　报告期：{data.quarter_label}", size=12,
          align=WD_ALIGN_PARAGRAPH.CENTER, exact=None)  # fmt: skip
    if data.filter_description.strip():
        _para(doc, filter_sentence(data), size=12, align=WD_ALIGN_PARAGRAPH.CENTER, exact=None)
    table = _table(doc, MEASURE_HEADERS, widths, size)
    several = len(data.plans) > 1
    labels = plan_labels(data)
    done = 0
    for label, plan, shown in zip(labels, data.plans, numbers, strict=True):
        if several:
            _spanning_row(table, f"{label}　{plan_name(plan)}", size, "D1D1D1")
        previous: tuple[str, ...] = ()
        for m, (number, prefix) in zip(plan.measures, shown, strict=True):
            common = 0
            while common < min(len(previous), len(m.sections)) and (
                previous[common] == m.sections[common]
            ):
                common += 1
            for level in range(common, len(m.sections)):
                _spanning_row(table, section_heading(m, level), size, "F2F2F2", level)
            previous = m.sections
            values, bold = _measure_values(m, options.full_text, number, prefix)
            _add_row(table, values, widths, size, centered=(0, 2, 3, 7), bold_prefix=bold)
            done += 1
            if done % 25 == 0:
                tick(done)
    note = archived_note(data)
    if note:
        _para(doc, note, size=9, exact=None).paragraph_format.space_before = Pt(6)

    if options.include_evidence_annex:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        _portrait(section)
        _para(doc, "附件2", HEI_FONT)
        _para(doc, "佐证材料清单", TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER, exact=Pt(32))
        files = [
            (label, m, ev)
            for label, plan in zip(labels, data.plans, strict=True)
            for m in plan.measures
            for ev in m.evidence
        ]
        if not files:
            _para(doc, "本报告期无佐证材料。", indent=True)
        else:
            ev_table = _table(doc, EVIDENCE_HEADERS, EVIDENCE_WIDTHS_MM, 9)
            for i, (label, m, ev) in enumerate(files, 1):
                short = short_title(m.title)
                prefix = f"{label}·" if label else ""
                values = [str(i), f"{prefix}{measure_ref(m)} {short}", ev.file_name,
                          ev.description, size_label(ev.size), f"{ev.added_at:%Y-%m-%d}",
                          ev.sha256[:12]]  # fmt: skip
                _add_row(ev_table, values, EVIDENCE_WIDTHS_MM, 9, centered=(0, 4, 5, 6))

    if _rare_characters(data, options):
        _para(doc, RARE_NOTE_DOCX, size=9, exact=None).paragraph_format.space_before = Pt(6)

    for i, sec in enumerate(doc.sections):
        _doc_grid(sec, body=i == 0)
    tick(total_measures)  # the last chance to cancel: after this the file is written
    with atomic_output(Path(out)) as tmp:
        doc.save(str(tmp))
    if progress is not None:
        progress(total, total)


def _signature(doc: DocxDocument, data: QuarterReportData) -> None:
    """填报单位 with room below it for the seal; names with room to sign; phone and date."""
    table = doc.add_table(rows=4, cols=2)  # no style: no borders
    table.autofit = False
    half = Mm(78)
    for row in table.rows:
        for cell in row.cells:
            cell.width = half
    unit = table.rows[0].cells[0].merge(table.rows[0].cells[1])
    _cell_text(unit, f"填报单位（盖章）：{data.unit_name}", 14)
    seal = table.rows[1]
    seal.cells[0].merge(seal.cells[1])
    seal.height, seal.height_rule = Mm(SIGNATURE_SEAL_MM), WD_ROW_HEIGHT_RULE.AT_LEAST
    sign = table.rows[2]
    sign.height, sign.height_rule = Mm(SIGNATURE_SIGN_MM), WD_ROW_HEIGHT_RULE.AT_LEAST
    _cell_text(sign.cells[0], f"填报人：{data.officer}　（签字）", 14)
    _cell_text(sign.cells[1], f"审核人：{data.reviewer}　（签字）", 14)
    _cell_text(table.rows[3].cells[0], f"联系电话：{data.phone}", 14)
    _cell_text(table.rows[3].cells[1], f"日期：{cn_date(data.report_date)}", 14)
    for i, row in enumerate(table.rows):
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)
        if i < len(table.rows) - 1:  # each row stays with the next: the block is one piece
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _spanning_row(table: Table, text: str, size: float, fill: str, level: int = 0) -> None:
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    _cell_text(merged, text, size, HEI_FONT if level == 0 else KAI_FONT)
    _shade(merged, fill)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _rare_characters(data: QuarterReportData, options: ReportOptions) -> bool:
    """Whether the report has characters that the PDF, set with this machine's fonts, would
    draw as 〓: neither the body face nor the fallback has them."""
    fonts = report_fonts(options.use_system_fonts)
    body, fallback = fonts.body.charset, fonts.fallback.charset
    seen: set[str] = set()
    for text in _strings(asdict(data)):
        for ch in set(text) - seen:
            if ch not in body and ch not in fallback and not ch.isspace():
                return True
        seen.update(text)
    return False
