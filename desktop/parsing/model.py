"""Plain dataclasses the parser produces: the parser's public contract (see `to_json`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


class ParseError(Exception):
    """Raised when text cannot be turned into documents; `message` is for the user, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ParsedMeasure:
    """One actionable item (a leaf of the numbering tree)."""

    path: list[str]
    number: str
    title: str
    text: str
    lead_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    deadline_text: str | None = None
    deadline: date | None = None
    long_term: bool = False
    deadlines: list[date] = field(default_factory=list)
    recurring: str | None = None  # '每季度', '每月' …: a task repeated on a schedule
    start: date | None = None  # '2023年1月1日起': when the work starts; never a deadline
    remarks: str = ""  # 备注 of a task list, kept on the measure
    progress: dict[str, str] = field(default_factory=dict)  # quarter ('2023Q2') -> 进展情况


@dataclass
class ParsedSection:
    """A heading above measures (一、…, （一）…): kept as context and hierarchy, not a checklist item."""

    path: list[str]
    number: str
    title: str
    text: str = ""


@dataclass
class ParsedContext:
    """A paragraph kept as context, not a checklist item: a leaf under 保障措施, a preamble or
    introduction paragraph. The import preview lets the officer include it as a measure.

    `path` is the numbered item's path ([] for a paragraph outside numbering); `position` is
    how many of the document's measures come before it.
    """

    path: list[str]
    number: str
    title: str
    text: str
    position: int = 0


@dataclass
class ParsedDocument:
    """One policy document; `context` keeps preamble and non-task paragraphs (总体要求, 保障措施)."""

    title: str
    doc_number: str | None = None
    issuer: str | None = None
    date: date | None = None
    measures: list[ParsedMeasure] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    context_items: list[ParsedContext] = field(default_factory=list)


@dataclass
class ParseResult:
    documents: list[ParsedDocument]
    warnings: list[str] = field(default_factory=list)

    @property
    def measure_count(self) -> int:
        return sum(len(d.measures) for d in self.documents)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def to_json(result: ParseResult, *, encoding: str | None = None) -> dict[str, Any]:
    """The JSON of `python main.py parse FILE --json`. Fields may be added, never renamed.

    `encoding` is how the reader decoded the file (None for Word and PDF files).
    """
    return {
        "encoding": encoding,
        "documents": [
            {
                "title": doc.title,
                "doc_number": doc.doc_number,
                "issuer": doc.issuer,
                "date": _iso(doc.date),
                "measures": [
                    {
                        "path": list(m.path),
                        "number": m.number,
                        "title": m.title,
                        "text": m.text,
                        "lead_units": list(m.lead_units),
                        "responsible_units": list(m.responsible_units),
                        "deadline_text": m.deadline_text,
                        "deadline": _iso(m.deadline),
                        "long_term": m.long_term,
                        "deadlines": [_iso(d) for d in m.deadlines],
                        "recurring": m.recurring,
                        "start": _iso(m.start),
                    }
                    for m in doc.measures
                ],
                "sections": [
                    {"path": list(s.path), "number": s.number, "title": s.title}
                    for s in doc.sections
                ],
                "attachments": list(doc.attachments),
                "context": list(doc.context),
                "context_items": [
                    {
                        "path": list(c.path),
                        "number": c.number,
                        "title": c.title,
                        "text": c.text,
                        "position": c.position,
                    }
                    for c in doc.context_items
                ],
            }
            for doc in result.documents
        ],
        "warnings": list(result.warnings),
    }
