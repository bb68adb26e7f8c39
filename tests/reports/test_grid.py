"""Where the measure table breaks across pages: short rows whole, headings with their rows."""

from __future__ import annotations

from reportlab.lib.colors import Color

from desktop.reports.cjk import CJKParagraph, runs_for
from desktop.reports.fonts import report_fonts
from desktop.reports.grid import PAD_BOTTOM, PAD_TOP, GridRow, GridTable
from desktop.reports.styles import make_styles

FONTS = report_fonts(use_system=False)
ST = make_styles(FONTS, 10.0)
WIDTH = 100.0  # one column of 100 pt: 9 characters a line at 10 pt
LEADING = ST.td.leading


def cell(lines: int) -> CJKParagraph:
    # nine characters fill one line of the 94 pt measure
    return CJKParagraph(runs_for("落实" * 4 + "任" + ("\n" + "推进" * 4 + "中") * (lines - 1),
                                 FONTS.body), ST.td)  # fmt: skip


def row(lines: int) -> GridRow:
    return GridRow([cell(lines)])


def section() -> GridRow:
    heading = CJKParagraph(runs_for("一、深化改革开放", FONTS.heading), ST.section1)
    return GridRow([heading], span=True, background=Color(0.95, 0.95, 0.95))


def height(lines: int) -> float:
    return lines * LEADING + PAD_TOP + PAD_BOTTOM


def table(*rows: GridRow) -> GridTable:
    header = GridRow([CJKParagraph(runs_for("重点任务", FONTS.heading), ST.th)])
    return GridTable(header, list(rows), [WIDTH])


def lines_of(part: GridTable, index: int) -> int:
    first = part.rows[index].cells[0]
    assert isinstance(first, CJKParagraph)
    first.wrap(WIDTH - 6, 1e9)
    return first.line_count()


def test_cell_line_count_is_what_the_test_assumes() -> None:
    assert lines_of(table(row(5)), 0) == 5


def test_a_short_row_moves_to_the_next_page_whole() -> None:
    t = table(row(2), row(5))
    space = height(1) + height(2) + height(3)  # header, the first row, 3 of the 5 lines
    head, tail = t.split(WIDTH, space)
    assert isinstance(head, GridTable) and isinstance(tail, GridTable)
    assert len(head.rows) == 1 and lines_of(tail, 0) == 5


def test_a_long_row_is_cut_and_never_leaves_a_line_alone() -> None:
    t = table(row(2), row(20))
    space = height(1) + height(2) + height(19)  # all but one line of the long row fits
    head, tail = t.split(WIDTH, space)
    assert isinstance(head, GridTable) and isinstance(tail, GridTable)
    assert len(head.rows) == 2 and lines_of(head, 1) == 17 and lines_of(tail, 0) == 3
    # with room for 10 lines it takes 10
    head, tail = table(row(20)).split(WIDTH, height(1) + height(10))
    assert isinstance(head, GridTable) and isinstance(tail, GridTable)
    assert lines_of(head, 0) == 10 and lines_of(tail, 0) == 10


def test_a_section_row_is_not_left_at_the_foot_of_a_page() -> None:
    t = table(row(2), section(), row(6))
    space = height(1) + height(2) + height(1) + height(3)
    head, tail = t.split(WIDTH, space)
    assert isinstance(head, GridTable) and isinstance(tail, GridTable)
    assert len(head.rows) == 1
    assert tail.rows[0].span and lines_of(tail, 1) == 6
