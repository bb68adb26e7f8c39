"""Table cells from user text: escaped, and split into continuation rows so no row outgrows a page."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle

from .cjk import CJKParagraph, Run, runs_for
from .fonts import FontFace, clean_text

# Latin letters and digits are about half as wide as a Han character in these faces; 0.62 leaves
# room for wide capitals. Too generous an estimate only makes more continuation rows.
_ASCII_EM = 0.62
_WRAP_SLACK = 1.12  # lines lost where a break cannot fall exactly at the edge
_BREAK_AFTER = "。；;！？!?，,、）)】》” \n"


def em_width(text: str) -> float:
    ascii_chars = sum(1 for ch in text if ch < "\x80")
    return (len(text) - ascii_chars) + ascii_chars * _ASCII_EM


def estimate_lines(text: str, chars_per_line: float) -> int:
    """Lines a paragraph of `text` will take at `chars_per_line` Han characters per line."""
    if not text:
        return 1
    lines = 0
    for para in text.split("\n"):
        lines += max(1, math.ceil(em_width(para) * _WRAP_SLACK / chars_per_line))
    return lines


def split_spans(text: str, max_em: float) -> list[tuple[int, int]]:
    """Cut text into spans of at most `max_em` Han-character widths, at a punctuation mark or
    line break near the end of each span when there is one. Only line breaks at a cut are left out."""
    if em_width(text) <= max_em:
        return [(0, len(text))]
    max_em = max(max_em, 8.0)
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        width = 0.0
        end = start
        while end < n:
            w = _ASCII_EM if text[end] < "\x80" else 1.0
            if width + w > max_em:
                break
            width += w
            end += 1
        if end >= n:
            spans.append((start, n))
            break
        # Prefer a natural break in the last fifth of the span.
        floor = start + int((end - start) * 0.8)
        cut = end
        for i in range(end - 1, floor - 1, -1):
            if text[i] in _BREAK_AFTER:
                cut = i + 1
                break
        spans.append((start, cut))
        start = cut
        while start < n and text[start] == "\n":  # the row break stands for this line break
            start += 1
    return spans


def split_text(text: str, max_em: float) -> list[str]:
    return [text[a:b] for a, b in split_spans(text, max_em)]


@dataclass(frozen=True)
class Cell:
    """One cell's text; the first `bold` characters are set in the bold (Hei) face."""

    text: str = ""
    style: ParagraphStyle | None = None  # the column's style when None
    bold: int = 0

    @classmethod
    def of(cls, text: str | None, style: ParagraphStyle | None = None, bold: int = 0) -> Cell:
        return cls(clean_text(text), style, bold)


def cell_runs(
    text: str, bold: int, face: FontFace, bold_face: FontFace | None, fallback: FontFace
) -> list[Run]:
    """Runs of a cell: the first `bold` characters in the bold (Hei) face, the rest in `face`."""
    if bold <= 0 or bold_face is None:
        return runs_for(text, face, fallback)
    return runs_for(text[:bold], bold_face, fallback) + runs_for(text[bold:], face, fallback)


@dataclass
class Column:
    width: float  # points
    style: ParagraphStyle
    face: FontFace


class RowSplitter:
    """Turns rows of Cells into Paragraph rows, adding continuation rows for too-tall cells."""

    def __init__(
        self,
        columns: Sequence[Column],
        fallback: FontFace,
        max_row_height: float,
        padding: float = 6.0,
        continuation: str = "（续）",
        bold: FontFace | None = None,
    ) -> None:
        self.columns = list(columns)
        self.fallback = fallback
        self.bold = bold
        self.max_row_height = max_row_height
        self.padding = padding
        self.continuation = continuation

    def _chars_per_line(self, col: Column, style: ParagraphStyle) -> float:
        return max(1.0, (col.width - self.padding) / style.fontSize)

    def _max_em(self, col: Column, style: ParagraphStyle) -> float:
        lines = max(1, int(self.max_row_height // style.leading))
        return lines * self._chars_per_line(col, style) / _WRAP_SLACK

    def rows(self, cells: Sequence[Cell]) -> list[list[CJKParagraph | str]]:
        """One or more table rows for one logical row; continuation rows are marked in column 0."""
        pieces: list[list[tuple[str, int]]] = []
        tall = False
        for col, cell in zip(self.columns, cells, strict=True):
            style = cell.style or col.style
            text = cell.text
            lines = estimate_lines(text, self._chars_per_line(col, style))
            if lines * style.leading > self.max_row_height:
                tall = True
                parts = _split_keep_bold(text, cell.bold, self._max_em(col, style))
            else:
                parts = [(text, cell.bold)]
            pieces.append(parts)
        if not tall:
            return [
                [
                    self._para(col, cell, parts[0][0], parts[0][1])
                    for col, cell, parts in zip(self.columns, cells, pieces, strict=True)
                ]
            ]
        count = max(len(p) for p in pieces)
        out: list[list[CJKParagraph | str]] = []
        for i in range(count):
            row: list[CJKParagraph | str] = []
            for j, (col, cell) in enumerate(zip(self.columns, cells, strict=True)):
                parts = pieces[j]
                if i < len(parts):
                    text, bold = parts[i]
                elif j == 0:
                    text, bold = cells[0].text, 0
                else:
                    text, bold = "", 0
                if j == 0 and i > 0:
                    text = f"{text}{self.continuation}" if text else self.continuation
                row.append(self._para(col, cell, text, bold))
            out.append(row)
        return out

    def _para(self, col: Column, cell: Cell, text: str, bold: int) -> CJKParagraph | str:
        if not text:
            return ""
        style = cell.style or col.style
        return CJKParagraph(cell_runs(text, bold, col.face, self.bold, self.fallback), style)


def _split_keep_bold(text: str, bold: int, max_em: float) -> list[tuple[str, int]]:
    return [(text[a:b], max(0, min(b, bold) - a)) for a, b in split_spans(text, max_em)]
