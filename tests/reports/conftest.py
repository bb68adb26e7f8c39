"""Shared fixtures for the report tests: sample data and bundled-fonts-only rendering."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.reports import fonts
from desktop.reports.data import QuarterReportData
from desktop.reports.options import ReportOptions
from desktop.reports.sample_data import sample_quarter_data


@pytest.fixture(autouse=True)
def bundled_fonts_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Search an empty font folder so results do not depend on what this machine has installed."""
    empty = tmp_path_factory.mktemp("no-fonts")
    mp = pytest.MonkeyPatch()
    mp.setenv(fonts.FONT_DIRS_ENV, str(empty))
    yield
    mp.undo()


@pytest.fixture
def sample() -> QuarterReportData:
    return sample_quarter_data()


@pytest.fixture
def options() -> ReportOptions:
    return ReportOptions()


def pdf_text(path: Path) -> str:
    """Text of the whole PDF, by pdftotext when installed (it reads like a person), else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8")
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def stream_text(path: Path) -> str:
    """Text in drawing order (pypdf): a table cell's lines come out together, where pdftotext
    may interleave the lines of neighbouring cells."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def squeeze(text: str) -> str:
    """Text with all whitespace removed, so words broken over lines can be found."""
    return "".join(text.split())
