"""Printing from the preview: true size on A4 sheets, turned pages back upright, page ranges."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PageObject, PdfReader
from PySide6.QtCore import QBuffer, QSize
from PySide6.QtGui import QImage, QPageRanges, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4

from desktop.reports import fonts
from desktop.reports.pdf_report import render_quarter_pdf
from desktop.reports.sample_data import sample_quarter_data
from desktop.ui.report_dialogs import MAX_DPI, ReportPreview

RENDER_DPI = 50  # 0.5 mm a pixel: enough to see a margin move


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("print")
    mp = pytest.MonkeyPatch()
    mp.setenv(fonts.FONT_DIRS_ENV, str(folder))  # bundled fonts only
    out = folder / "report.pdf"
    render_quarter_pdf(sample_quarter_data(), out)
    mp.undo()
    yield out


def _pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")
    white = Image.new("RGBA", png.size, "white")
    white.alpha_composite(png)
    return white.convert("L")


def _sheet(doc: QPdfDocument, page: int) -> Image.Image:
    """The page as the physical sheet: portrait, a turned page turned back."""
    size = doc.pagePointSize(page)
    px = QSize(round(size.width() * RENDER_DPI / 72), round(size.height() * RENDER_DPI / 72))
    image = doc.render(page, px)
    if size.width() > size.height():
        image = image.transformed(QTransform().rotate(-90))
    return _pil(image)


def _ink(image: Image.Image) -> tuple[int, int, int, int]:
    box = image.point(lambda v: 255 if v < 160 else 0).getbbox()
    assert box is not None
    return box


def _pixels(page: PageObject) -> int:
    """Pixels of the images drawn on a page, read from their dictionaries (not decoded)."""
    total = 0
    xobjects = page["/Resources"].get_object().get("/XObject", {})
    for ref in xobjects.values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            total += int(obj["/Width"]) * int(obj["/Height"])
    return total


def _turned_page(reader: PdfReader) -> int:
    return next(i for i, p in enumerate(reader.pages) if p.get("/Rotate", 0) == 90)


def test_print_keeps_the_sheet_geometry(qtbot: QtBot, report: Path, tmp_path: Path) -> None:
    reader = PdfReader(str(report))
    turned = _turned_page(reader)
    wanted = [1, turned + 1, turned + 2, len(reader.pages)]
    preview = ReportPreview(report)
    qtbot.addWidget(preview)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # 1200 dpi for a PDF printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    for page in wanted:
        ranges.addPage(page)
    printer.setPageRanges(ranges)
    assert preview.print_to(printer) == len(wanted)

    out = PdfReader(str(printed))
    assert len(out.pages) == len(wanted)
    for page in out.pages:  # A4 portrait sheets, none shown turned
        assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]
        assert page.get("/Rotate", 0) == 0
        # rendered at no more than MAX_DPI whatever the printer offers (1200 here)
        assert 0 < _pixels(page) <= (A4[0] * MAX_DPI / 72 + 1) * (A4[1] * MAX_DPI / 72 + 1)

    source = QPdfDocument()
    source.load(str(report))
    result = QPdfDocument()
    result.load(str(printed))
    tolerance = 2  # pixels at 50 dpi: 1 mm
    for i, page in enumerate(wanted):
        expected = _ink(_sheet(source, page - 1))
        got = _ink(_sheet(result, i))
        assert all(abs(a - b) <= tolerance for a, b in zip(expected, got, strict=True)), (
            page,
            expected,
            got,
        )
    # the body page's text starts at the GB/T 9704 margins: 28 mm left, 37 mm top (title)
    left, top, _right, _bottom = _ink(_sheet(result, 0))
    mm = RENDER_DPI / 25.4
    assert left >= 28 * mm - tolerance and top >= 37 * mm - tolerance
    source.close()
    result.close()


def test_print_all_and_current_page(qtbot: QtBot, report: Path, tmp_path: Path) -> None:
    preview = ReportPreview(report)
    qtbot.addWidget(preview)
    count = preview.document.pageCount()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert preview.print_to(printer) == count
    assert len(PdfReader(str(tmp_path / "all.pdf")).pages) == count

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "one.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert preview.print_to(printer) == 1
