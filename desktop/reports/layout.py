"""GB/T 9704-2012 page geometry, page numbers, footers, turned table pages and atomic PDF output."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import ReportFonts

# Page streams are zlib-compressed; wrapping them in ASCII85 as well only makes the file bigger
# and, in pure Python, costs about a fifth of the render time of a long report.
rl_config.useA85 = 0

PAGE_W, PAGE_H = A4
# GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (page number not included).
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
TYPE_W = 156 * mm
TYPE_H = 225 * mm
MARGIN_BOTTOM = PAGE_H - MARGIN_TOP - TYPE_H  # 35 mm
# §7.5: 4号 (14 pt) half-width Song digits between one-character dashes, the dash 7 mm below the
# type area; odd pages right, even pages left, each one character in from the type-area edge.
PAGE_NUMBER_SIZE = 14.0
PAGE_NUMBER_DROP = 7 * mm
FOOTER_SIZE = 7.0
FOOTER_Y = 12 * mm
GREY = Color(0.35, 0.35, 0.35)

PORTRAIT = "portrait"
TURNED = "turned"  # a landscape table on a portrait sheet, head towards the binding edge (§10.3)


def page_number_text(page: int) -> str:
    return f"— {page} —"


class RestartPageNumbers(Flowable):
    """Placed at the end of one document of a batch: the next page is numbered 1 again."""

    width = height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)
        if isinstance(doc, GovDocTemplate):
            doc.page_base = self.canv.getPageNumber()


class FixedDateCanvas(Canvas):
    """A canvas whose PDF dates and document id come from the data, so a re-print is identical."""

    fixed: datetime | None = None
    initial_font: str = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # invariant=1 seeds the document id from fixed values instead of the clock; the
        # doc template passes invariant=None explicitly, so override rather than default it.
        kwargs["invariant"] = 1
        if self.initial_font:
            # Otherwise every page declares an unembedded Helvetica it never uses.
            kwargs["initialFontName"] = self.initial_font
        super().__init__(*args, **kwargs)
        when = self.fixed
        if when is not None:
            # Naive times from the services are Chinese wall-clock time, the app's only locale.
            offset = when.utcoffset()
            minutes = int(offset.total_seconds() // 60) if offset is not None else 8 * 60
            stamp = self._doc._timeStamp
            stamp.YMDhms = tuple(when.timetuple())[:6]
            stamp.lt = tuple(when.timetuple())
            stamp.dhh, stamp.dmm = divmod(minutes, 60)
            aware = (
                when if offset is not None else when.replace(tzinfo=timezone(timedelta(hours=8)))
            )
            stamp.t = aware.timestamp()
            stamp.tzname = aware.tzname() or "UTC+08:00"


def canvas_maker(when: datetime, initial_font: str = "") -> type[Canvas]:
    return type("ReportCanvas", (FixedDateCanvas,), {"fixed": when, "initial_font": initial_font})


class GovDocTemplate(BaseDocTemplate):
    """Portrait pages with the GB/T 9704 type area, and turned pages for wide tables."""

    def __init__(
        self,
        filename: str,
        fonts: ReportFonts,
        footer_note: str,
        title: str = "",
        author: str = "",
        subject: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=PAGE_W - MARGIN_LEFT - TYPE_W,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            creator="落实台账",
            producer="落实台账 (reportlab)",
            **kwargs,
        )
        self.fonts = fonts
        self.footer_note = footer_note
        portrait = Frame(
            MARGIN_LEFT, MARGIN_BOTTOM, TYPE_W, TYPE_H, id="body", leftPadding=0,
            rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        # In turned coordinates (u, v) the sheet is 297 × 210 mm; the type area becomes
        # u 35..260 mm, v 26..182 mm (see _turn).
        turned = Frame(
            MARGIN_BOTTOM, PAGE_W - MARGIN_LEFT - TYPE_W, TYPE_H, TYPE_W, id="turned",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        upright = PageTemplate(
            id=PORTRAIT, frames=[portrait], onPage=self._portrait_page, pagesize=A4
        )
        # reportlab writes a /Rotate 90 page with its MediaBox swapped, so a template declared
        # landscape comes out as a portrait A4 sheet shown turned: what §10.3 describes.
        sideways = PageTemplate(
            id=TURNED, frames=[turned], onPage=self._turned_page, pagesize=(PAGE_H, PAGE_W)
        )
        # BaseDocTemplate sets the page's /Rotate from this attribute just before showPage.
        upright.rotation = 0
        sideways.rotation = 90
        self.addPageTemplates([upright, sideways])

    # Page furniture is drawn in sheet (portrait) coordinates on every page, so page numbers of
    # turned pages sit where those of the other pages do, as §10.3 asks.
    # Pages before the current document's first: a batch of 督办单 numbers each notice from 1.
    page_base = 0

    def _furniture(self, canv: Canvas) -> None:
        page = canv.getPageNumber() - self.page_base
        text = page_number_text(page)
        face = self.fonts.song.name
        canv.saveState()
        canv.setFont(face, PAGE_NUMBER_SIZE)
        # The dash sits about a third of the body height above the baseline.
        baseline = MARGIN_BOTTOM - PAGE_NUMBER_DROP - 0.33 * PAGE_NUMBER_SIZE
        if page % 2:
            canv.drawRightString(MARGIN_LEFT + TYPE_W - PAGE_NUMBER_SIZE, baseline, text)
        else:
            canv.drawString(MARGIN_LEFT + PAGE_NUMBER_SIZE, baseline, text)
        if self.footer_note:
            # Never wider than the type area: a long version (several snapshots) gets smaller.
            width = canv.stringWidth(self.footer_note, self.fonts.body.name, FOOTER_SIZE)
            size = FOOTER_SIZE * min(1.0, TYPE_W / width) if width else FOOTER_SIZE
            canv.setFont(self.fonts.body.name, max(size, 4.5))
            canv.setFillColor(GREY)
            canv.drawCentredString(MARGIN_LEFT + TYPE_W / 2, FOOTER_Y, self.footer_note)
        canv.restoreState()

    def _portrait_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._furniture(canv)
        self._on_page()

    def _turned_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._furniture(canv)
        # Viewers show the sheet turned a quarter clockwise; the table then reads upright and
        # its head lies along the left (binding) edge of the printed sheet. The transform stays
        # in force while the frame is filled and ends with the page.
        canv.translate(PAGE_W, 0)
        canv.rotate(90)
        self._on_page()

    on_page: Callable[[int], None] | None = None

    def _on_page(self) -> None:
        if self.on_page is not None:
            self.on_page(self.page)


_umask_lock = threading.Lock()


def _file_mode() -> int:
    """What open() would give a new file: 0666 less the umask (0644 typically). mkstemp makes
    0600, and a report is meant to be read by others (a shared folder, a colleague)."""
    with _umask_lock:  # the umask can only be read by setting it
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside `out`; it replaces `out` only if the block finishes."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if os.name != "nt":  # Windows files take their folder's permissions
            os.chmod(tmp, _file_mode())
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
