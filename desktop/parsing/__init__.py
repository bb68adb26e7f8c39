"""Pure parsing: text -> ParseResult. No I/O, no database, no Qt."""

from desktop.parsing.model import (
    ParsedDocument,
    ParsedMeasure,
    ParsedSection,
    ParseError,
    ParseResult,
    to_json,
)

__all__ = [
    "ParseError",
    "ParseResult",
    "ParsedDocument",
    "ParsedMeasure",
    "ParsedSection",
    "to_json",
]
