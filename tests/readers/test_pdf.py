"""Text PDFs made with reportlab: extraction, running heads and page numbers, broken lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.parsing import parse_text
from desktop.readers import ReadError, read_file
from tests.readers.pdf_factory import write_image_only_pdf, write_pdf

PAGES = [
    [
        "甘肃省人民政府办公厅关于印发测试实施方案的通知",
        "甘政办发〔2023〕38 号",
        "各市、自治州人民政府，省政府各部门：",
        "现将《测试实施方案》印发给你们，请认真贯彻落实。",
        "甘肃省人民政府办公厅",
        "2023 年5 月10 日",
        "一、重点任务",
        "1.推进政务服务标准化。2023 年6 月底前完成事项清单编制，",
        "实现同源发布。（省政府办公厅牵头，省直有关部门按职",
    ],
    [
        "责分工负责）",
        "2.优化营商环境。持续推进改革，年底前出台配套措施。",
        "（省发展改革委负责，长期坚持）",
    ],
]


def test_text_pdf_parses(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    write_pdf(path, PAGES, header="甘肃省人民政府公报")
    read = read_file(path)
    assert read.kind == "pdf"
    assert "— 1 —" not in read.text
    assert "甘肃省人民政府公报" not in read.text
    result = parse_text(read.text)
    doc = result.documents[0]
    assert doc.doc_number == "甘政办发〔2023〕38号"
    assert doc.date == date(2023, 5, 10)
    assert doc.issuer == "甘肃省人民政府办公厅"
    assert [m.number for m in doc.measures] == ["1", "2"]
    first, second = doc.measures
    assert first.lead_units == ["省政府办公厅"]
    assert first.responsible_units == ["省直有关部门"]
    assert first.deadline == date(2023, 6, 30)
    assert second.lead_units == []
    assert second.responsible_units == ["省发展改革委"]
    assert second.long_term
    assert second.deadline == date(2023, 12, 31)


def test_scanned_pdf_has_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    write_image_only_pdf(path)
    with pytest.raises(ReadError, match="扫描件"):
        read_file(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    write_pdf(plain, PAGES)
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ReadError, match="加密"):
        read_file(locked)


def test_pdf_with_owner_password_only_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    write_pdf(plain, PAGES)
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="owner")
    restricted = tmp_path / "restricted.pdf"
    with restricted.open("wb") as fh:
        writer.write(fh)
    assert "重点任务" in read_file(restricted).text


def test_pypdf_english_warnings_stay_off_the_console_and_go_to_our_log(tmp_path: Path) -> None:
    import subprocess
    import sys

    garbage = tmp_path / "通知.pdf"
    garbage.write_bytes(b"garbage, not a pdf %%EOF\x00\x01")
    data = tmp_path / "data"
    root = Path(__file__).resolve().parents[2]
    # A real process: under pytest the root logger has handlers, which would hide the
    # last-resort printing to stderr that an officer sees.
    proc = subprocess.run(
        [sys.executable, str(root / "main.py"), "--data-dir", str(data), "import", str(garbage)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("错误：PDF 文件“通知.pdf”已损坏"), proc.stderr
    assert "invalid pdf header" not in proc.stderr and "EOF marker" not in proc.stderr
    assert "invalid pdf header" in (data / "luoshi.log").read_text(encoding="utf-8")
