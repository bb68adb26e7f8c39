"""Font discovery: installed Windows faces are preferred, the bundled ones always work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.reports import fonts
from desktop.reports.data import QuarterReportData
from desktop.reports.pdf_report import render_quarter_pdf


def test_bundled_fonts_exist_with_licences() -> None:
    folder = fonts.fonts_dir()
    for name in (fonts.BUNDLED_SONG, fonts.BUNDLED_HEI, "uming.LICENSE.txt",
                 "wqy-microhei.LICENSE.txt"):  # fmt: skip
        assert (folder / name).is_file(), name


def test_bundled_only() -> None:
    chosen = fonts.report_fonts(use_system=False)
    assert chosen.body.label == "AR PL UMing CN"
    assert chosen.title.label == "文泉驿微米黑"
    assert "中" in chosen.body.charset


def test_installed_windows_fonts_are_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: QuarterReportData
) -> None:
    # Stand-ins under the Windows file names (reportlab reads the format, not the name).
    shutil.copy(fonts.fonts_dir() / fonts.BUNDLED_SONG, tmp_path / "SIMFANG.TTF")
    shutil.copy(fonts.fonts_dir() / fonts.BUNDLED_HEI, tmp_path / "simhei.ttf")
    (tmp_path / "simsun.ttc").write_bytes(b"not a font")  # broken files are skipped
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(tmp_path))
    chosen = fonts.report_fonts()
    assert chosen.body.label == "仿宋"
    assert chosen.heading.label == "黑体"
    assert chosen.title.label == "黑体"  # no 方正小标宋: the Hei face sets the title
    assert chosen.song.label == "AR PL UMing CN"
    assert render_quarter_pdf(sample, tmp_path / "r.pdf") > 3


def test_resources_dir_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert fonts.resources_dir() == tmp_path / "resources"


def test_reports_do_not_touch_qt_or_the_database() -> None:
    root = Path(fonts.__file__).parent
    for path in root.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for banned in ("PySide6", "sqlalchemy", "desktop.ui", "desktop.models", "desktop.services"):
            assert banned not in source, (path.name, banned)
