"""Builds text PDFs with reportlab (CJK TrueType font) so pypdf can extract their text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_PATH = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
FONT = "WQYMicroHei"


def _register() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))


def write_pdf(path: Path, pages: Sequence[Sequence[str]], *, header: str | None = None) -> None:
    """One PDF page per item of `pages`, each a list of lines; optional running header and
    a '— N —' page number at the bottom, like printed government documents."""
    _register()
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        c.setFont(FONT, 12)
        if header:
            c.drawString(72, height - 40, header)
        y = height - 80
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        c.drawCentredString(width / 2, 30, f"— {number} —")
        c.showPage()
    c.save()


def write_image_only_pdf(path: Path, pages: int = 2) -> None:
    """A PDF whose pages hold only drawings: what a scan without OCR looks like to pypdf."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.rect(72, 72, 300, 500, fill=1)
        c.showPage()
    c.save()
