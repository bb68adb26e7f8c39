"""Hostile input: every bad file gets a ReadError with a Chinese message, never a crash."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from desktop.readers import ReadError, read_file
from tests.readers.docx_factory import new_document

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _message(path: Path, **kwargs: int) -> str:
    with pytest.raises(ReadError) as info:
        read_file(path, **kwargs)
    message = info.value.message
    assert CHINESE.search(message)
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "找不到" in _message(tmp_path / "nope.txt")


def test_empty_file() -> None:
    assert "空的" in _message(HOSTILE / "empty.txt")


def test_binary_named_txt() -> None:
    assert "不是文本" in _message(HOSTILE / "binary_named.txt")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "不是文件" in _message(folder)


@pytest.mark.slow
def test_fifty_megabyte_text(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        chunk = ("一、重点任务。" * 1000 + "\n").encode("utf-8")
        while fh.tell() <= 50 * 1024 * 1024:
            fh.write(chunk)
    assert "太大" in _message(path)


def test_size_cap_is_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("一、重点任务\n" * 100, encoding="utf-8")
    assert "太大" in _message(path, max_bytes=100)
    assert read_file(path, max_bytes=10_000).text


def test_truncated_docx(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("一、重点任务")
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "Word" in _message(path)


def test_zip_that_is_not_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not a word file")
    assert "Word" in _message(path)


def test_text_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    path.write_text("一、重点任务", encoding="utf-8")
    assert "Word" in _message(path)


def test_garbage_pdf(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    assert "PDF" in _message(path)


@pytest.mark.parametrize(
    ("suffix", "hint"),
    [(".doc", ".docx"), (".wps", ".docx"), (".xlsx", "Excel"), (".png", ".docx")],
)
def test_unsupported_extensions(tmp_path: Path, suffix: str, hint: str) -> None:
    path = tmp_path / f"file{suffix}"
    path.write_bytes(b"x")
    assert hint in _message(path)


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    # Valid neither as UTF-8 nor as GB18030 (0x80 and 0xff are not GB18030 lead bytes).
    path.write_bytes(("正文" * 50).encode("utf-8") + b"\x80\xff\x80\xff" * 50)
    with pytest.raises(ReadError):
        read_file(path)
