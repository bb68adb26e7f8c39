"""Pure parsing: text -> ParseResult. No I/O, no database, no Qt."""

from desktop.parsing.deadlines import DeadlineInfo, parse_deadlines
from desktop.parsing.model import (
    ParsedContext,
    ParsedDocument,
    ParsedMeasure,
    ParsedSection,
    ParseError,
    ParseResult,
    to_json,
)
from desktop.parsing.parser import parse_text
from desktop.parsing.units import split_units

__all__ = [
    "DeadlineInfo",
    "ParseError",
    "ParseResult",
    "ParsedContext",
    "ParsedDocument",
    "ParsedMeasure",
    "ParsedSection",
    "parse_deadlines",
    "parse_text",
    "split_units",
    "to_json",
]
