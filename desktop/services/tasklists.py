"""Excel task lists: scan a workbook for its columns and remember mappings the officer confirmed."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.models import Database
from desktop.readers import ReadError
from desktop.readers.xlsx import FIELDS, ColumnMapping, WorkbookScan, detect_tables
from desktop.services import settings
from desktop.services.errors import UserError

_PREFIX = "xlsx_mapping:"


def scan(path: Path) -> WorkbookScan:
    try:
        return detect_tables(path)
    except ReadError as exc:
        raise UserError(exc.message) from exc


def _signature(mapping: ColumnMapping) -> str:
    """The header row as written identifies a layout: the same template gets the same mapping."""
    return _PREFIX + "|".join(mapping.headers[c] for c in sorted(mapping.headers))


def apply_remembered(db: Database, found: WorkbookScan) -> list[str]:
    """Replace detected columns by the ones confirmed earlier for the same header row.
    Returns the names of the sheets where a remembered mapping was used."""
    values = settings.get_all(db)
    used = []
    for sheet in found.sheets:
        mapping = sheet.mapping
        if mapping is None:
            continue
        stored = values.get(_signature(mapping))
        if not stored:
            continue
        by_header = {text: col for col, text in mapping.headers.items()}
        remembered = json.loads(stored)
        columns = {f: by_header[h] for f, h in remembered.items() if f in FIELDS and h in by_header}
        if columns:
            mapping.columns = columns
            used.append(sheet.name)
    return used


def remember(db: Database, mappings: dict[str, ColumnMapping], author: str) -> None:
    changes = {
        _signature(m): json.dumps(
            {f: m.headers[c] for f, c in m.columns.items() if c in m.headers}, ensure_ascii=False
        )
        for m in mappings.values()
    }
    if changes:
        settings.update(db, changes, author)


def override(mapping: ColumnMapping, field: str, column: str) -> None:
    """Point `field` at a column given as a letter (D) or a 1-based number (4); '' removes it."""
    if field not in FIELDS:
        raise UserError(f"未知的列名称 {field}，可用：{'、'.join(FIELDS)}")
    column = column.strip().upper()
    if not column:
        mapping.columns.pop(field, None)
        return
    if column.isdigit():
        index = int(column)
    elif column.isalpha():
        index = 0
        for ch in column:
            index = index * 26 + ord(ch) - ord("A") + 1
    else:
        raise UserError(f"列“{column}”的写法不正确，应为字母（如 D）或序号（如 4）。")
    mapping.columns[field] = index
