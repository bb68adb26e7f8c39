"""parse_text: the parser's entry point, from text (and tables) to documents and measures."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.parsing.documents import read_meta, split_documents
from desktop.parsing.model import ParsedDocument, ParseResult
from desktop.parsing.normalize import normalize_text
from desktop.parsing.structure import build_structure
from desktop.parsing.tables import is_task_table, parse_task_table, text_tables

__all__ = ["parse_text"]

NO_MEASURES_WARNING = "没有识别出任何措施条目（未找到“一、”“（一）”“1.”等编号的任务）。"


def _parse(
    text: str,
    tables: Sequence[Sequence[Sequence[str]]],
    default_year: int | None,
) -> ParseResult:
    text, pasted = text_tables(text)
    tables = [*tables, *pasted]
    lines = normalize_text(text)
    result = ParseResult(documents=[])
    # Task tables belong to the last document: a date without a year in a cell falls in that
    # document's year (from its date or 文号), as in its text.
    year = default_year
    for segment in split_documents(lines):
        meta = read_meta(lines, segment, default_year)
        year = meta.year
        structure = build_structure(lines[segment.body_start : segment.end], meta.year)
        result.warnings.extend(
            f"《{meta.title}》：{w}" if meta.title else w for w in structure.warnings
        )
        result.documents.append(
            ParsedDocument(
                title=meta.title,
                doc_number=meta.doc_number,
                issuer=meta.issuer,
                date=meta.date,
                measures=structure.measures,
                sections=structure.sections,
                attachments=structure.attachments,
                context=structure.context,
                context_items=structure.context_items,
            )
        )
    task_tables = [t for t in tables if is_task_table(t)]
    if task_tables:
        if not result.documents:
            result.documents.append(ParsedDocument(title=""))
        doc = result.documents[-1]
        for k, table in enumerate(task_tables, start=1):
            prefix = [f"表{k}"] if doc.measures or len(task_tables) > 1 else []
            measures, sections = parse_task_table(table, year, prefix)
            doc.measures.extend(measures)
            doc.sections.extend(sections)
    if result.measure_count == 0:
        result.warnings.append(NO_MEASURES_WARNING)
    return result


def parse_text(
    text: str,
    *,
    tables: Sequence[Sequence[Sequence[str]]] = (),
    default_year: int | None = None,
) -> ParseResult:
    """Documents, measures and sections of a policy text; never raises.

    `tables` are task tables read from a Word file (rows of cell texts); `default_year` dates
    deadlines such as '6月底前' when the document itself names no date.
    """
    try:
        return _parse(text or "", tables, default_year)
    except Exception as exc:  # a parser bug must not stop the import; the text is still shown
        return ParseResult(
            documents=[],
            warnings=[
                f"解析时出现内部错误（{type(exc).__name__}），请将文件发给维护人员。",
                NO_MEASURES_WARNING,
            ],
        )
