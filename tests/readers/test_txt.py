"""Text files: encoding detection and the decoded text."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.readers import ReadError, read_file

SAMPLE = "关于印发实施方案的通知\n一、总体要求\n（一）推进改革。（省发展改革委牵头）\n"


@pytest.mark.parametrize(
    ("encoding", "data_encoding", "expected"),
    [
        ("utf-8", "utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030", "gb18030"),
        ("gbk", "gbk", "gb18030"),
        ("utf-16", "utf-16", "utf-16"),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, data_encoding: str, expected: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(SAMPLE.encode(data_encoding))
    result = read_file(path)
    assert result.text == SAMPLE
    assert result.encoding == expected
    assert result.kind == "txt"
    assert result.tables == []


def test_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("gb18030"))
    assert read_file(path).text == SAMPLE


def test_samples_are_utf8() -> None:
    data = Path(__file__).resolve().parents[1] / "data"
    for path in data.glob("0*.txt"):
        result = read_file(path)
        assert result.encoding == "utf-8"
        assert "人民政府" in result.text


def test_corpus_gb18030_file() -> None:
    path = (
        Path(__file__).resolve().parents[1]
        / "data"
        / "parser_corpus"
        / "a_sichuan_gongzuo_yaodian.txt"
    )
    result = read_file(path)
    assert result.encoding == "gb18030"
    assert "第三条" in result.text


def test_whitespace_only(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(ReadError, match="没有文字内容"):
        read_file(path)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_last_character_cut_off_is_replaced_not_refused(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"cut-{encoding}.txt"
    path.write_bytes(SAMPLE.rstrip("\n").encode(encoding)[:-1])
    result = read_file(path)
    assert result.encoding == encoding
    assert result.text == SAMPLE.rstrip("\n")[:-1] + "\ufffd"
    assert any("最后一个字不完整" in w for w in result.warnings)


def test_damage_in_the_middle_is_not_hidden(tmp_path: Path) -> None:
    path = tmp_path / "middle.txt"
    good = SAMPLE.encode("utf-8")
    path.write_bytes(good[:10] + b"\xff" + good[10:] + good * 20)
    with pytest.raises(ReadError):  # only a cut-off last character is repaired
        read_file(path)
