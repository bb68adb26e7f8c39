"""Builds .docx test files with python-docx, including real Word auto-numbering (numbering.xml)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.oxml import parse_xml

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_numbering(document: Any, levels: Sequence[tuple[str, str]], abstract_id: int = 90) -> str:
    """Define a multi-level list (numFmt, lvlText per level) and return its numId."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {_W_NS} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )
    num_id = str(abstract_id + 1)
    num = parse_xml(
        f'<w:num {_W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    # abstractNum elements must come before num elements in numbering.xml.
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def numbered(document: Any, text: str, num_id: str, ilvl: int) -> Any:
    """A paragraph in list `num_id` at level `ilvl`; the number is not part of its text."""
    paragraph = document.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def new_document() -> Any:
    return Document()


def add_table(document: Any, rows: Sequence[Sequence[str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return table


POLICY_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
