"""Excel task lists: scan a workbook for its columns, remember mappings the officer confirmed,
and resolve the mapping an import or an update uses (detected, remembered, then overridden)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain import Quarter
from desktop.models import Database
from desktop.readers import ReadError
from desktop.readers.xlsx import (
    FIELD_LABELS,
    FIELDS,
    ColumnMapping,
    WorkbookScan,
    column_letter,
    detect_tables,
    mapping_at_row,
)
from desktop.services import settings
from desktop.services.errors import UserError

_PREFIX = "xlsx_mapping:"


def scan(path: Path, header_rows: dict[str, int] | None = None) -> WorkbookScan:
    try:
        return detect_tables(path, header_rows)
    except ReadError as exc:
        raise UserError(exc.message) from exc


def _signature_of(headers: dict[int, str]) -> str:
    """The header row as written identifies a layout: the same template gets the same mapping."""
    return _PREFIX + "|".join(headers[c] for c in sorted(headers))


def _signature(mapping: ColumnMapping) -> str:
    return _signature_of(mapping.headers)


def _columns_from(stored: str, headers: dict[int, str]) -> dict[str, int]:
    by_header = {text: col for col, text in headers.items()}
    remembered = json.loads(stored)
    return {f: by_header[h] for f, h in remembered.items() if f in FIELDS and h in by_header}


def apply_remembered(db: Database, found: WorkbookScan) -> list[str]:
    """Replace detected columns by the ones confirmed earlier for the same header row; a sheet
    whose header was not recognised gets the header row confirmed for its layout before.
    Returns the names of the sheets where a remembered mapping was used."""
    values = settings.get_all(db)
    used = []
    for sheet in found.sheets:
        if sheet.hidden and sheet.mapping is None:
            continue
        mapping = sheet.mapping
        if mapping is not None:
            stored = values.get(_signature(mapping))
            columns = _columns_from(stored, mapping.headers) if stored else {}
            if columns:
                mapping.columns = columns
                used.append(sheet.name)
                continue
        for row, texts in sorted(sheet.preview.items()):
            if mapping is not None and row == mapping.header_row:
                continue
            stored = values.get(_signature_of(texts))
            if not stored:
                continue
            at_row = mapping_at_row(sheet, row)
            columns = _columns_from(stored, at_row.headers)
            if columns:
                at_row.columns = columns
                sheet.mapping = at_row
                used.append(sheet.name)
                break
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


def parse_column(column: str) -> int:
    """A column given as a letter (D) or a 1-based number (4)."""
    text = column.strip().upper()
    if text.isdigit() and int(text) > 0:
        return int(text)
    if text.isascii() and text.isalpha() and len(text) <= 3:
        index = 0
        for ch in text:
            index = index * 26 + ord(ch) - ord("A") + 1
        return index
    raise UserError(f"列“{column}”的写法不正确，应为字母（如 D）或序号（如 4）。")


def override(mapping: ColumnMapping, field: str, column: str) -> None:
    """Point `field` at a column given as a letter (D) or a 1-based number (4); '' removes it."""
    if field not in FIELDS:
        names = "、".join(f"{f}（{FIELD_LABELS[f]}）" for f in FIELDS)
        raise UserError(f"未知的字段名 {field}。可用：{names}")
    if not column.strip():
        mapping.columns.pop(field, None)
        return
    mapping.columns[field] = parse_column(column)


@dataclass
class MappingChoice:
    """The mappings an import or update will read with, and how they were arrived at."""

    scan: WorkbookScan
    mappings: dict[str, ColumnMapping]
    remembered: list[str] = field(default_factory=list)  # sheets using a confirmed mapping
    overridden: bool = False  # columns, header row, year or quarter given by the officer


def choose_mappings(
    db: Database,
    path: Path,
    *,
    sheets: Sequence[str] | None = None,
    header_row: int | None = None,
    columns: Sequence[str] = (),
    year: int | None = None,
    quarter: Quarter | None = None,
    command_line: bool = True,
) -> MappingChoice:
    """Detected columns, replaced by remembered ones, then by the officer's options: `sheets`
    to read only those, `header_row` for their header, `columns` as 'field=column' items.
    UserError (Chinese, saying what to do) when the result cannot be imported."""
    path = Path(path)
    header_rows: dict[str, int] | None = None
    if header_row is not None:
        targets = list(sheets or [])
        if not targets:
            visible = [s.name for s in scan(path).sheets if not s.hidden]
            if len(visible) != 1:
                raise UserError(
                    f"工作簿有 {len(visible)} 个工作表（{'、'.join(visible)}），请用 --sheet 指明 "
                    "--header-row 说的是哪个工作表。"
                )
            targets = visible
        header_rows = dict.fromkeys(targets, header_row)
    found = scan(path, header_rows)
    remembered = apply_remembered(db, found) if header_rows is None else []
    by_name = {s.name: s for s in found.sheets}
    if sheets:
        unknown = [n for n in sheets if n not in by_name]
        if unknown:
            raise UserError(
                f"工作簿“{path.name}”中没有工作表“{'”“'.join(unknown)}”。"
                f"现有工作表：{'、'.join(by_name)}。"
            )
        for name in sheets:
            if by_name[name].mapping is None:
                raise UserError(
                    f"工作表“{name}”没有认出表头。请用 --header-row 指定表头所在的行"
                    f"（例如 --sheet {name} --header-row 2），再用 --column 指定各列"
                    "（例如 --column title=B --column lead_units=C）。"
                )
        mappings = {n: m for n, m in found.mappings.items() if n in sheets}
    else:
        mappings = found.mappings
    for item in columns:
        name, sep, column = item.partition("=")
        if not sep:
            raise UserError(f"--column {item} 的写法不正确，应写作 字段=列，如 lead_units=D。")
        for m in mappings.values():
            override(m, name.strip(), column)
    for m in mappings.values():
        if year is not None:
            m.year = year
        if quarter is not None:
            m.progress_quarter = str(quarter)
        if "progress" in m.columns and m.progress_quarter is None:
            m.progress_quarter = str(Quarter.of(date.today()))
    if not mappings:
        reasons = "；".join(f"“{s.name}”：{s.reason}" for s in found.sheets if s.reason)
        how = (
            "可以用 --sheet 工作表名 --header-row 行号 --column title=列 手动指定。"
            if command_line
            else "请确认选择的是任务表，并在列对应关系中指定表头所在的行和各列。"
        )
        raise UserError(f"“{path.name}”中没有认出任务表。{reasons}{how}")
    for name, m in mappings.items():
        if "title" not in m.columns and "text" not in m.columns:
            how = "请用 --column title=列 指定" if command_line else "请在列对应关系中指定"
            raise UserError(
                f"工作表“{name}”还没有任务内容所在的列。{how}"
                f"（表头第 {m.header_row} 行：{describe_headers(m)}）。"
            )
    overridden = bool(columns) or header_row is not None or year is not None or quarter is not None
    return MappingChoice(found, mappings, remembered, overridden)


def describe_headers(mapping: ColumnMapping) -> str:
    """'A 序号、B 工作要点、…' for messages."""
    return "、".join(f"{column_letter(c)} {t}" for c, t in sorted(mapping.headers.items()))


def describe(choice: MappingChoice) -> list[str]:
    """What the import will read, sheet by sheet, for the command line."""
    lines = []
    for sheet in choice.scan.sheets:
        m = choice.mappings.get(sheet.name)
        if m is None:
            if sheet.mapping is None and sheet.preview and not sheet.hidden:
                lines.append(
                    f"工作表“{sheet.name}”：不导入（没有认出表头；如果它是任务表，可用 "
                    f"--sheet {sheet.name} --header-row 行号 --column title=列 指定）"
                )
            else:
                lines.append(f"工作表“{sheet.name}”：不导入（{sheet.reason or '未选择'}）")
            continue
        note = "（沿用上次确认的设置）" if sheet.name in choice.remembered else ""
        lines.append(f"工作表“{sheet.name}”：表头第 {m.header_row} 行{note}")
        if m.title:
            lines.append(f"  标题：{m.title}")
        for name in FIELDS:
            col = m.columns.get(name)
            if col is not None:
                header = m.headers.get(col, "")
                lines.append(f"  {FIELD_LABELS[name]} ← {column_letter(col)} 列 {header}".rstrip())
        if m.year is not None:
            lines.append(f"  无年份的时限按 {m.year} 年计")
        if "progress" in m.columns and m.progress_quarter:
            lines.append(f"  进展情况记入 {Quarter.parse(m.progress_quarter).label}")
    return lines
