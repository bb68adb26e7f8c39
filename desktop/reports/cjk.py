"""Chinese text setting for the PDF: 禁则 line breaking, lines justified to the measure, no hanging.

reportlab's CJK wrapping lets a closing mark hang past the margin, lets an opening “ or （ end a
line, and cannot justify a line without spaces, so body text shows a ragged right edge with
commas in the margin. `CJKParagraph` breaks lines itself:

* no line starts with a closing mark (，。、；：？！）》」』”’ …) and none ends with an opening
  one (“（《「『‘ …): the mark is pushed into the line (its spacing squeezed a little) when that
  costs little, otherwise a character is carried to the next line and the line stretched;
* Latin words and numbers (2023, 98.6%, SHA-256) stay whole, and a number stays with the unit
  after it (12月, 5项) where the line allows; so does a bracketed Chinese number, （二十一）,
  and the words of a deadline (6月底前, 中旬前: no 6月 / 底前 or 年底 / 前 in a narrow cell);
* justified lines end exactly at the measure by spacing the characters (PDF Tc), never beyond;
* an optional character grid: body text in 3号 sets 28 characters a line in the 156 mm type
  area, as GB/T 9704-2012 §5.2.2 asks, by a small fixed tracking;
* a character no font has is drawn as 〓 (the usual mark for a missing character) while the
  text layer keeps the real one (ActualText), so copying and searching still work.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from .fonts import FontFace, clean_text

NO_START = frozenset("，。、；：？！）」』”’》〉】〕〗｝］…·%％‰℃,.;:?!)]}>/")
NO_END = frozenset("“‘（《〈【「『〔〖｛［([{<")
# A number is not left at a line's end without the unit that follows it.
UNITS = frozenset("年月日时分秒号项个件条次位名户元万亿岁%％")
# Pairs a line does not break between: the words of a deadline, 月底前, 月末, 中旬前.
TIED = frozenset({("月", "底"), ("底", "前"), ("月", "末"), ("末", "前"), ("旬", "前")})
# A bracketed Chinese number, （二十一）, is never broken across lines.
CN_DIGITS = frozenset("一二三四五六七八九十百零〇")
PUNCT = frozenset("，。、；：？！）」』”’》〉】〕〗（《〈【「『〔〖“‘")
MISSING_MARK = "〓"
# How far a line may be squeezed to take in a closing mark, per full-width mark in the line:
# such marks carry half an em of blank that Chinese typesetting may take away.
SQUEEZE_PER_MARK = 0.5
# Beyond this much extra space per gap (in ems) a line is left unjustified, not spread thin.
MAX_STRETCH = 0.5

# One atom per CJK character; runs of printable ASCII stay together; paired dashes and ellipses.
_ATOMS = re.compile(r"[!-~]+| +|\n|——|……|.", re.S)

Run = tuple[str, str]  # (text, reportlab font name)

# Characters drawn as the mark while a collect_marked() block runs (None outside one).
_marked: ContextVar[set[str] | None] = ContextVar("marked", default=None)


@contextlib.contextmanager
def collect_marked() -> Iterator[set[str]]:
    """Collect the characters runs_for() leaves to the mark, so a report can say it did."""
    found: set[str] = set()
    token = _marked.set(found)
    try:
        yield found
    finally:
        _marked.reset(token)


def runs_for(text: str | None, face: FontFace, fallback: FontFace | None = None) -> list[Run]:
    """`text` in `face`, characters it lacks in `fallback`; marked where neither has them."""
    text = clean_text(text)
    if not text:
        return []
    missing = set(text) - face.charset
    missing.discard("\n")
    if not missing:
        return [(text, face.name)]
    out: list[Run] = []
    cur: list[str] = []
    cur_font = face.name

    def flush() -> None:
        if cur:
            out.append(("".join(cur), cur_font))
            cur.clear()

    for ch in text:
        if ch not in missing:
            font = face.name
        elif fallback is not None and ch in fallback.charset:
            font = fallback.name
        else:
            font = _MISSING_FONT + face.name  # drawn as the mark, see CJKParagraph._draw_run
            marked = _marked.get()
            if marked is not None:
                marked.add(ch)
        if font != cur_font:
            flush()
            cur_font = font
        cur.append(ch)
    flush()
    return out


_MISSING_FONT = "\x00missing:"


class _Line:
    __slots__ = ("end", "glyphs", "indent", "justify", "start", "width")

    def __init__(
        self, start: int, end: int, width: float, glyphs: int, indent: float, justify: bool
    ) -> None:
        self.start = start
        self.end = end
        self.width = width  # natural width, tracking included, trailing spaces excluded
        self.glyphs = glyphs  # characters drawn (for the gaps between them)
        self.indent = indent
        self.justify = justify


_widths: dict[tuple[str, str], float] = {}


def _char_width(ch: str, font: str) -> float:
    """Width of one character at 1 pt."""
    key = (ch, font)
    w = _widths.get(key)
    if w is None:
        if font.startswith(_MISSING_FONT):
            w = getFont(font.removeprefix(_MISSING_FONT)).stringWidth(MISSING_MARK, 1.0)
        else:
            w = getFont(font).stringWidth(ch, 1.0)
        _widths[key] = w
    return w


class CJKParagraph(Flowable):
    """A paragraph of runs in one size, laid out by the rules above; splits between lines.

    Follows the ParagraphStyle it is given: fontSize, leading, alignment, first-line, left and
    right indents, textColor, spaceBefore/After, allowOrphans/allowWidows, keepWithNext, and the
    extra attribute `tracking` (points added after every character).
    """

    def __init__(
        self,
        runs: Sequence[Run],
        style: ParagraphStyle,
        _atoms: tuple[list[str], list[str], list[float]] | None = None,
        _lines: list[_Line] | None = None,
        _continued: bool = False,
    ) -> None:
        super().__init__()
        self.style = style
        self.runs = list(runs)
        self._atoms = _atoms if _atoms is not None else self._segment()
        self._fixed = _lines  # lines already broken (the tail of a split paragraph)
        self._continued = _continued
        self._lines: list[_Line] = _lines or []
        self._wrapped_for: float | None = None
        self.width = 0.0
        self.height = 0.0

    # -- atoms ---------------------------------------------------------------------------------
    def _segment(self) -> tuple[list[str], list[str], list[float]]:
        texts: list[str] = []
        fonts: list[str] = []
        widths: list[float] = []
        size = self.style.fontSize
        tracking = float(getattr(self.style, "tracking", 0.0))
        for text, font in self.runs:
            for m in _ATOMS.finditer(text):
                atom = m.group()
                texts.append(atom)
                fonts.append(font)
                if atom == "\n":
                    widths.append(0.0)
                else:
                    w = sum(_char_width(ch, font) for ch in atom) if len(atom) > 1 else (
                        _char_width(atom, font)
                    )  # fmt: skip
                    widths.append(w * size + tracking * len(atom))
        return texts, fonts, widths

    # -- line breaking -------------------------------------------------------------------------
    def _break(self, avail: float) -> list[_Line]:
        texts, _fonts, widths = self._atoms
        st = self.style
        size = st.fontSize
        base = avail - st.leftIndent - st.rightIndent
        first_indent = 0.0 if self._continued else st.firstLineIndent
        n = len(texts)
        lines: list[_Line] = []
        i = 0
        fuzz = 1e-6
        while i < n or not lines:
            indent = first_indent if not lines else 0.0
            limit = base - indent
            width = 0.0
            j = i
            while j < n and texts[j] != "\n" and width + widths[j] <= limit + fuzz:
                width += widths[j]
                j += 1
            if j >= n or texts[j] == "\n":
                lines.append(self._line(i, j, indent, justify=False))
                if j >= n:
                    break
                i = j + 1
                if i >= n:
                    lines.append(_Line(i, i, 0.0, 0, 0.0, False))  # a final empty line
                    break
                continue
            k = self._break_at(i, j, width, limit, size)
            if k == i:  # one atom wider than the whole line: cut it by characters
                k = self._cut_atom(i, limit)
                n = len(texts)
            lines.append(self._line(i, k, indent, justify=True))
            i = k
            while i < n and texts[i].startswith(" "):  # no spaces at a line's start
                i += 1
        return lines

    def _legal(self, k: int) -> bool:
        """May a line break before atom k?"""
        texts = self._atoms[0]
        before, after = texts[k - 1], texts[k]
        if after[0] in NO_START or before[-1] in NO_END:
            return False
        if before in CN_DIGITS and after in CN_DIGITS and self._in_cn_number(k):
            return False
        if (before, after) in TIED:
            return False
        return not (before[-1].isdigit() and after[0] in UNITS)

    def _in_cn_number(self, k: int) -> bool:
        """Whether atom k lies inside a bracketed Chinese number such as （二十一）."""
        texts = self._atoms[0]
        a = k - 1
        while a > 0 and texts[a - 1] in CN_DIGITS and k - a < 6:
            a -= 1
        if a == 0 or texts[a - 1] not in ("（", "("):
            return False
        b = k
        while b < len(texts) and texts[b] in CN_DIGITS and b - k < 6:
            b += 1
        return b < len(texts) and texts[b] in ("）", ")")

    def _break_at(self, i: int, j: int, width: float, limit: float, size: float) -> int:
        """Where the line starting at atom i ends, atom j being the first that does not fit."""
        texts, _fonts, widths = self._atoms
        n = len(texts)
        if j > i and self._legal(j):
            return j
        if j > i and texts[j][0] in NO_START:
            # Push in: take the closing marks (and what must stay with them) onto this line.
            m, extra = j, 0.0
            while m < n and texts[m] != "\n" and not (m > j and self._legal(m)):
                extra += widths[m]
                m += 1
                if m - j > 3:
                    break
            marks = sum(1 for t in texts[i:m] if t in PUNCT)
            if m <= n and width + extra - limit <= SQUEEZE_PER_MARK * size * marks + 1e-6:
                return m
        # Push out: end the line at the last place a break is allowed.
        for k in range(j - 1, i, -1):
            if self._legal(k):
                return k
        return j  # no allowed break at all (a long unbroken string): cut where it is full

    def _cut_atom(self, i: int, limit: float) -> int:
        """Split atom i, wider than a line, into a piece that fits and the rest; returns i+1."""
        texts, fonts, widths = self._atoms
        atom, font = texts[i], fonts[i]
        size = self.style.fontSize
        tracking = float(getattr(self.style, "tracking", 0.0))
        width = 0.0
        cut = 0
        for ch in atom:
            w = _char_width(ch, font) * size + tracking
            if width + w > limit and cut:
                break
            width += w
            cut += 1
        if cut >= len(atom):
            return i + 1
        rest = atom[cut:]
        texts[i : i + 1] = [atom[:cut], rest]
        fonts[i : i + 1] = [font, font]
        widths[i : i + 1] = [width, widths[i] - width]
        return i + 1

    def _line(self, start: int, end: int, indent: float, justify: bool) -> _Line:
        texts, _fonts, widths = self._atoms
        stop = end
        while stop > start and texts[stop - 1].startswith(" "):
            stop -= 1
        width = sum(widths[start:stop])
        glyphs = sum(len(t) for t in texts[start:stop])
        return _Line(start, stop, width, glyphs, indent, justify)

    # -- flowable protocol ---------------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fixed is None and self._wrapped_for != availWidth:
            self._lines = self._break(availWidth)
            self._wrapped_for = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    @property
    def blPara(self) -> bool:  # GridTable asks whether a cell still knows its lines
        return self._wrapped_for is not None or self._fixed is not None

    def line_count(self) -> int:
        return len(self._lines)

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        lines = self._lines
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if not getattr(self.style, "allowOrphans", 0) and fit == 1 and len(lines) > 1:
            fit = 0  # one line alone at the foot of a page: move the paragraph on
        if not getattr(self.style, "allowWidows", 1) and len(lines) - fit == 1 and fit > 1:
            fit -= 1  # nor one line alone at the head of the next
        if fit <= 0:
            return []
        head = CJKParagraph(self.runs, self.style, self._atoms, lines[:fit], self._continued)
        tail = CJKParagraph(self.runs, self.style, self._atoms, lines[fit:], True)
        for part in (head, tail):
            part._wrapped_for = availWidth
        tail.style = _no_space_before(self.style)
        head.style = _no_space_after(self.style)
        return [head, tail]

    # -- drawing -------------------------------------------------------------------------------
    def placements(self) -> list[tuple[str, float, float, float]]:
        """(text, x where it starts, x where its last character ends, character spacing) of each
        line as drawn, in points from the paragraph's left edge; after wrap()."""
        st = self.style
        size = st.fontSize
        tracking = float(getattr(st, "tracking", 0.0))
        avail = self.width - st.leftIndent - st.rightIndent
        texts = self._atoms[0]
        out = []
        for line in self._lines:
            room = avail - line.indent
            # what shows: the tracking after the last character does not
            shown = line.width - tracking if line.glyphs else 0.0
            spare = room - shown
            gaps = max(line.glyphs - 1, 1)
            extra = 0.0
            if spare < -1e-6:
                extra = spare / gaps  # squeezed to take in a closing mark
                spare = 0.0
            elif (
                st.alignment == TA_JUSTIFY
                and line.justify
                and line.glyphs > 1
                and spare / gaps <= MAX_STRETCH * size
            ):
                extra, spare = spare / gaps, 0.0
            x = st.leftIndent + line.indent
            if st.alignment == TA_CENTER:
                x += spare / 2
            elif st.alignment == TA_RIGHT:
                x += spare
            end = x + shown + extra * (line.glyphs - 1 if line.glyphs else 0)
            out.append(("".join(texts[line.start : line.end]), x, end, tracking + extra))
        return out

    def draw(self) -> None:
        st = self.style
        canv = self.canv
        size = st.fontSize
        texts, fonts, _widths = self._atoms
        y = self.height - size
        canv.saveState()
        canv.setFillColor(st.textColor)
        tx = canv.beginText()
        for line, (_text, x, _end, spacing) in zip(self._lines, self.placements(), strict=True):
            tx.setTextOrigin(x, y)
            tx.setCharSpace(spacing)
            font = ""
            k = line.start
            while k < line.end:
                run_font = fonts[k]
                m = k
                while m < line.end and fonts[m] == run_font:
                    m += 1
                text = "".join(texts[k:m])
                if run_font != font:
                    tx.setFont(run_font.removeprefix(_MISSING_FONT), size)
                    font = run_font
                if run_font.startswith(_MISSING_FONT):
                    _missing_run(tx, text)
                else:
                    tx.textOut(text)
                k = m
            y -= st.leading
        tx.setCharSpace(0)
        canv.drawText(tx)
        canv.restoreState()


def _missing_run(tx: Any, text: str) -> None:
    """Draw each character as the mark; the text layer reads the character (ActualText)."""
    for ch in text:
        utf16 = ch.encode("utf-16-be").hex().upper()
        tx._code.append(f"/Span <</ActualText <FEFF{utf16}>>> BDC")
        tx.textOut(MISSING_MARK)
        tx._code.append("EMC")


def _no_space_before(style: ParagraphStyle) -> ParagraphStyle:
    if not style.spaceBefore:
        return style
    return ParagraphStyle(f"{style.name}-cont", parent=style, spaceBefore=0)


def _no_space_after(style: ParagraphStyle) -> ParagraphStyle:
    if not style.spaceAfter:
        return style
    return ParagraphStyle(f"{style.name}-head", parent=style, spaceAfter=0)
