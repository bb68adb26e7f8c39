"""A ruled table flowable whose rows split across pages inside their cells, header repeated.

reportlab's own Table cannot split a row that is taller than the space left (LayoutError when it
is taller than a page), and its `splitInRow` repeats headers mid-page and keeps the full row
height. Here each row is measured once, a row that does not fit is cut line by line into the
space left on the page, and the rest continues under the repeated header on the next page, so
any amount of user text lays out and nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable

from .cjk import CJKParagraph

PAD_X = 3.0
PAD_TOP = 2.5
PAD_BOTTOM = 3.5
LINE_WIDTH = 0.5
MIN_SPLIT_LINES = 2  # a row is cut only where at least this many lines of it fit
# A row of fewer lines than this is never cut across pages: it moves to the next page whole.
MIN_CUT_ROW_LINES = 8
MIN_TAIL_LINES = 3  # lines of a cut row that go on to the next page, at the least


class Stack(Flowable):
    """Paragraphs set one under another in one cell, splittable between and inside them.

    A bold title and its text as two one-font paragraphs lay out several times faster than one
    paragraph mixing fonts, which reportlab breaks character by character.
    """

    def __init__(self, parts: Sequence[CJKParagraph]) -> None:
        super().__init__()
        self.parts = list(parts)
        self.style = self.parts[-1].style  # leading and alignment for GridTable
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._heights = [p.wrap(availWidth, availHeight)[1] for p in self.parts]
        self.width = availWidth
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, 1e9)
        used = 0.0
        for i, (part, h) in enumerate(zip(self.parts, self._heights, strict=True)):
            if used + h <= availHeight:
                used += h
                continue
            pieces = part.split(availWidth, availHeight - used)
            head = self.parts[:i]
            tail = self.parts[i + 1 :]
            if len(pieces) == 2:
                head = [*head, pieces[0]]
                tail = [pieces[1], *tail]
            else:
                tail = [part, *tail]
            if not head:
                return []
            return [Stack(head), Stack(tail)]
        return [self]

    def draw(self) -> None:
        y = self.height
        for part, h in zip(self.parts, self._heights, strict=True):
            y -= h
            part.drawOn(self.canv, 0, y)


@dataclass(eq=False)
class GridRow:
    """One table row: a Paragraph (or None) per column, or a single cell spanning them all."""

    cells: list[CJKParagraph | Stack | None]
    span: bool = False
    background: Color | None = None
    middle: bool = True  # vertically centred; parts of a cut row are top-aligned
    done_after: int = 0  # progress count reached once this row is laid out
    continuation: Callable[[], CJKParagraph] | None = None  # column-0 mark for a continued row
    _height: float | None = field(default=None, repr=False)
    _cell_heights: list[float] = field(default_factory=list, repr=False)
    _lines: int = field(default=0, repr=False)  # lines in its tallest cell


def _inner(cell: CJKParagraph | Stack, width: float) -> float:
    # Lines never reach past their measure (see cjk.py): no room kept for hanging marks.
    return width - 2 * PAD_X


class GridTable(Flowable):
    def __init__(
        self,
        header: GridRow,
        rows: Sequence[GridRow],
        col_widths: Sequence[float],
        on_rows_done: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = list(rows)
        self.col_widths = list(col_widths)
        self.width = sum(self.col_widths)
        self.height = 0.0
        self.on_rows_done = on_rows_done

    # -- measuring ----------------------------------------------------------------------------
    def _cell_widths(self, row: GridRow) -> list[float]:
        return [self.width] if row.span else self.col_widths

    def _row_height(self, row: GridRow) -> float:
        if row._height is None:
            heights = [
                0.0 if cell is None else cell.wrap(_inner(cell, width), 1e9)[1]
                for cell, width in zip(row.cells, self._cell_widths(row), strict=False)
            ]
            row._cell_heights = heights
            row._height = max(heights, default=0.0) + PAD_TOP + PAD_BOTTOM
            row._lines = max(
                (round(h / c.style.leading) for c, h in zip(row.cells, heights, strict=False) if c),
                default=0,
            )
        return row._height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Measure only until the frame is full: the frame then calls split(), and a table of
        # a thousand rows is not summed again on each of its hundreds of pages.
        height = self._row_height(self.header)
        for row in self.rows:
            height += self._row_height(row)
            if height > availHeight:
                break
        self.height = height
        return self.width, self.height

    # -- splitting over pages -----------------------------------------------------------------
    def _cut(self, row: GridRow, space: float) -> tuple[GridRow, GridRow] | None:
        """Cut `row` so its first part fits in `space`; None when not even a few lines fit."""
        inner = space - PAD_TOP - PAD_BOTTOM
        first: list[CJKParagraph | Stack | None] = []
        rest: list[CJKParagraph | Stack | None] = []
        cut_any = False
        self._row_height(row)
        # Nor a line or two carried over alone: cut higher up so a few lines go on together.
        tallest = max(row._cell_heights, default=0.0)
        leading = next(
            (c.style.leading for c, h in zip(row.cells, row._cell_heights, strict=False)
             if c is not None and h == tallest),
            0.0,
        )  # fmt: skip
        if leading and tallest - inner < MIN_TAIL_LINES * leading:
            inner = tallest - MIN_TAIL_LINES * leading + 1e-6
        cells = zip(row.cells, self._cell_widths(row), row._cell_heights, strict=False)
        for cell, width, height in cells:
            if cell is None:
                first.append(None)
                rest.append(None)
                continue
            w = _inner(cell, width)
            if height <= inner:
                first.append(cell)
                rest.append(None)
                continue
            leading = cell.style.leading
            if inner < MIN_SPLIT_LINES * leading:
                return None
            parts = cell.split(w, inner)
            if len(parts) != 2:
                return None
            first.append(parts[0])
            rest.append(parts[1])
            cut_any = True
        if not cut_any:
            return None
        if not row.span and rest and rest[0] is None and row.continuation is not None:
            rest[0] = row.continuation()
        # The row's measure is not finished until its tail is laid out.
        head = GridRow(first, row.span, row.background, False, max(0, row.done_after - 1))
        tail = GridRow(rest, row.span, row.background, False, row.done_after, row.continuation)
        return head, tail

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        space = availHeight - self._row_height(self.header)
        used = 0.0
        taken = 0
        for row in self.rows:
            h = self._row_height(row)
            if used + h > space:
                break
            used += h
            taken += 1
        if taken == len(self.rows):
            return [self]
        head_rows = self.rows[:taken]
        tail_rows = self.rows[taken:]
        nxt = tail_rows[0]
        # A short row moves on whole (it always fits on a fresh page); a long one is cut.
        cut = self._cut(nxt, space - used) if nxt._lines >= MIN_CUT_ROW_LINES else None
        if cut is not None:
            head_rows = [*head_rows, cut[0]]
            tail_rows = [cut[1], *tail_rows[1:]]
        else:
            # A section or plan row is not left at the foot of a page without its rows.
            while head_rows and head_rows[-1].span and head_rows[-1].background is not None:
                tail_rows.insert(0, head_rows.pop())
        if not head_rows:
            return []  # nothing fits under the header here: start on the next page
        if self.on_rows_done is not None:
            self.on_rows_done(head_rows[-1].done_after)
        return [
            GridTable(self.header, head_rows, self.col_widths),
            GridTable(self.header, tail_rows, self.col_widths, self.on_rows_done),
        ]

    # -- drawing ------------------------------------------------------------------------------
    def draw(self) -> None:
        canv = self.canv
        xs = [0.0]
        for w in self.col_widths:
            xs.append(xs[-1] + w)
        top = self.height
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(LINE_WIDTH)
        for row in [self.header, *self.rows]:
            h = self._row_height(row)
            bottom = top - h
            widths = self._cell_widths(row)
            lefts = [0.0] if row.span else xs[:-1]
            if row.background is not None:
                canv.setFillColor(row.background)
                canv.rect(0, bottom, self.width, h, stroke=0, fill=1)
            for cell, x, w, ch in zip(row.cells, lefts, widths, row._cell_heights, strict=False):
                if cell is None:
                    continue
                cell.wrap(_inner(cell, w), 1e9)  # lines are kept per width: no work redone
                if row.middle:
                    y = bottom + PAD_BOTTOM + (h - PAD_TOP - PAD_BOTTOM - ch) / 2
                else:
                    y = top - PAD_TOP - ch
                cell.drawOn(canv, x + PAD_X, y)
            canv.line(0, bottom, self.width, bottom)
            for x in [0.0, self.width] if row.span else xs:
                canv.line(x, bottom, x, top)
            top = bottom
        canv.line(0, self.height, self.width, self.height)
        canv.restoreState()
