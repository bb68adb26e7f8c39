"""Word files: paragraph text, rebuilt auto-numbering and tables."""

from __future__ import annotations

from pathlib import Path

from desktop.readers import read_file
from desktop.readers.word import chinese_number, format_number
from tests.readers.docx_factory import (
    POLICY_LEVELS,
    add_numbering,
    add_table,
    new_document,
    numbered,
)


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 22, 99, 100, 101, 110)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十二",
        "九十九",
        "一百",
        "一百零一",
        "一百一十",
    ]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "lowerRoman") == "iv"


def test_auto_numbering_is_rebuilt(tmp_path: Path) -> None:
    doc = new_document()
    num = add_numbering(doc, POLICY_LEVELS)
    numbered(doc, "总体要求", num, 0)
    numbered(doc, "重点任务", num, 0)
    numbered(doc, "优化服务", num, 1)
    numbered(doc, "推进网办。（省政务办牵头）", num, 2)
    numbered(doc, "推进掌办。（省政务办牵头）", num, 2)
    numbered(doc, "强化监管", num, 1)
    numbered(doc, "推进双随机。（省市场监管局牵头）", num, 2)
    path = tmp_path / "numbered.docx"
    doc.save(str(path))
    lines = read_file(path).text.splitlines()
    assert lines == [
        "一、总体要求",
        "二、重点任务",
        "（一）优化服务",
        "1.推进网办。（省政务办牵头）",
        "2.推进掌办。（省政务办牵头）",
        "（二）强化监管",
        "1.推进双随机。（省市场监管局牵头）",
    ]


def test_circled_and_paren_decimal_levels(tmp_path: Path) -> None:
    doc = new_document()
    num = add_numbering(
        doc, [("decimal", "（%1）"), ("decimalEnclosedCircle", "%2")], abstract_id=70
    )
    numbered(doc, "甲事项", num, 0)
    numbered(doc, "子项", num, 1)
    numbered(doc, "子项", num, 1)
    numbered(doc, "乙事项", num, 0)
    path = tmp_path / "levels.docx"
    doc.save(str(path))
    assert read_file(path).text.splitlines() == ["（1）甲事项", "①子项", "②子项", "（2）乙事项"]


def test_tables_are_returned(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_paragraph("任务分工表")
    add_table(doc, [["序号", "任务", "牵头单位"], ["1", "建设平台", "省政务办"]])
    path = tmp_path / "table.docx"
    doc.save(str(path))
    result = read_file(path)
    assert result.kind == "docx"
    assert result.encoding is None
    assert result.tables == [[["序号", "任务", "牵头单位"], ["1", "建设平台", "省政务办"]]]


def test_corpus_docx_parses_to_measures() -> None:
    from desktop.parsing import parse_text

    path = Path(__file__).resolve().parents[1] / "data" / "parser_corpus" / "d_jiangsu_docx.docx"
    read = read_file(path)
    result = parse_text(read.text, tables=read.tables)
    assert result.measure_count == 6
