"""Task tables (序号 / 任务 / 牵头单位 / 责任单位 / 完成时限) -> measures and sections."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.parsing.model import ParsedMeasure, ParsedSection
from desktop.parsing.normalize import squeeze_spaces, unit_spaces
from desktop.parsing.numbering import match_marker
from desktop.parsing.responsibility import cell_units, find_responsibility
from desktop.parsing.schedule import row_deadlines
from desktop.parsing.structure import item_title

__all__ = ["is_task_table", "parse_task_table", "text_tables"]

_COLUMNS: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"^(?:序号|编号|序|No\.?)$", re.IGNORECASE),
    "section": re.compile(r"^(?:类别|分类|领域|重点领域|工作类别|任务类别|板块|项目类别)$"),
    "title": re.compile(
        r"^(?:任务名称|事项名称|改革事项|改革举措|工作事项|事项|项目名称|举措名称)$"
    ),
    "task": re.compile(
        r"(?:任务|措施|工作内容|具体内容|内容|举措|事项|主要工作|工作要点|目标|要求)"
    ),
    "lead": re.compile(r"牵头(?:单位|部门|领导)?|主责单位|主责部门"),
    "responsible": re.compile(
        r"责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|责任主体|落实单位"
    ),
    "deadline": re.compile(r"时限|时间|期限|节点|进度"),
}


# Columns naming people, not units ('责任领导', '牵头领导', '联系人').
_PERSON_COLUMN = re.compile(r"领导|负责人|联系人|责任人|电话")


def _classify(header: Sequence[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for i, raw in enumerate(header):
        cell = squeeze_spaces(raw.replace("\n", ""))
        if _PERSON_COLUMN.search(cell):
            continue
        for name in ("number", "section", "title", "lead", "responsible", "deadline", "task"):
            if name in columns:
                continue
            if _COLUMNS[name].search(cell) and len(cell) <= 14:
                columns[name] = i
                break
    return columns


def _second_task_column(header: Sequence[str], columns: dict[str, int]) -> None:
    """'工作任务 | 具体措施': the first task-like column is the title, the second the text."""
    if "task" not in columns or "title" in columns:
        return
    for i in range(columns["task"] + 1, len(header)):
        cell = squeeze_spaces(header[i].replace("\n", ""))
        if i not in columns.values() and _COLUMNS["task"].search(cell) and len(cell) <= 14:
            columns["title"] = columns["task"]
            columns["task"] = i
            return


def _header_row(table: Sequence[Sequence[str]]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(table[:3]):
        columns = _classify(row)
        _second_task_column(row, columns)
        if "task" in columns and ({"lead", "responsible", "deadline"} & columns.keys()):
            return r, columns
    return None


def is_task_table(table: Sequence[Sequence[str]]) -> bool:
    return _header_row(table) is not None


def _cell(row: Sequence[str], columns: dict[str, int], name: str) -> str:
    i = columns.get(name)
    if i is None or i >= len(row):
        return ""
    return squeeze_spaces(row[i].strip())


def parse_task_table(
    table: Sequence[Sequence[str]], year: int | None, prefix: list[str]
) -> tuple[list[ParsedMeasure], list[ParsedSection]]:
    """Measures (one per task row) and sections (category rows) of a task table."""
    found = _header_row(table)
    if found is None:
        return [], []
    header_at, columns = found
    measures: list[ParsedMeasure] = []
    sections: list[ParsedSection] = []
    section_label: str | None = None
    counter = 0
    for row in table[header_at + 1 :]:
        cells = [squeeze_spaces(c.strip()) for c in row]
        filled = [c for c in dict.fromkeys(cells) if c]
        if not filled:
            continue
        task = _cell(row, columns, "task")
        # A row whose cells are all one text ('一、优化政务服务') is a category heading.
        if len(filled) == 1 and (not task or task == filled[0]) and len(filled[0]) <= 60:
            text = filled[0]
            marker = match_marker(text)
            section_label = marker.label if marker else text
            sections.append(
                ParsedSection(
                    path=[*prefix, section_label],
                    number=section_label,
                    title=item_title(marker.rest if marker else text),
                    text=text,
                )
            )
            continue
        if not task:
            continue
        category = _cell(row, columns, "section")
        if category and category != section_label:
            section_label = category
            sections.append(
                ParsedSection(path=[*prefix, category], number=category, title=category)
            )
        counter += 1
        number = _cell(row, columns, "number") or str(counter)
        number = number.rstrip(".．、")
        title = _cell(row, columns, "title")
        text = f"{title}。{task}" if title and not task.startswith(title) else task
        info = row_deadlines(text, _cell(row, columns, "deadline"), year)
        path = [*prefix, *([section_label] if section_label else []), number]
        lead, responsible = _row_units(row, columns, text)
        measures.append(
            ParsedMeasure(
                path=path,
                number=number,
                title=title or item_title(task),
                text=text,
                lead_units=lead,
                responsible_units=responsible,
                deadline_text=info.deadline_text,
                deadline=info.deadline,
                long_term=info.long_term,
                deadlines=info.deadlines,
                recurring=info.recurring,
                start=info.start,
            )
        )
    return measures, sections


def _row_units(
    row: Sequence[str], columns: dict[str, int], text: str
) -> tuple[list[str], list[str]]:
    """Units of one task row: the unit cells, else a bracket in the task text itself."""
    lead: list[str] = []
    responsible: list[str] = []
    for name in ("lead", "responsible"):
        i = columns.get(name)
        cell = squeeze_spaces(unit_spaces(row[i].strip())) if i is not None and i < len(row) else ""
        if cell:
            cell_lead, cell_resp = cell_units(cell, lead_column=name == "lead")
            lead += [u for u in cell_lead if u not in lead]
            responsible += [u for u in cell_resp if u not in responsible and u not in lead]
    if not lead and not responsible:
        # '落实减税降费政策。（省财政厅牵头，省税务局配合）' in a table without unit columns.
        resp = find_responsibility(text)
        if resp.found:
            return list(resp.lead), list(resp.responsible)
    return lead, responsible


def _tab_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().split("\t")]


def text_tables(text: str) -> tuple[str, list[list[list[str]]]]:
    """Task tables pasted into a text file (Word or Excel rows as tab-separated lines).

    Returns the text without those rows and the tables as rows of cells. A run of lines with at
    least two tab-separated cells is a table; a line without tabs between such rows is a
    category row ('一、政务服务'). Only runs whose header makes them a task table are taken out,
    so indented paragraphs and other tabbed text stay text.
    """
    if "\t" not in text:
        return text, []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def is_row(k: int) -> bool:
        return sum(1 for c in _tab_cells(lines[k]) if c) >= 2

    tables: list[list[list[str]]] = []
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        if not is_row(i):
            i += 1
            continue
        rows: list[list[str]] = []
        taken: list[int] = []
        k = i
        while k < len(lines):
            if is_row(k):
                rows.append(_tab_cells(lines[k]))
                taken.append(k)
                k += 1
                continue
            # A category row or blank line continues the table only if a row follows it.
            nxt = k + 1
            while nxt < len(lines) and not lines[nxt].strip():
                nxt += 1
            if nxt < len(lines) and is_row(nxt) and len(lines[k].strip()) <= 60:
                if lines[k].strip():
                    rows.append([lines[k].strip()])
                taken.extend(range(k, nxt))
                k = nxt
                continue
            break
        if is_task_table(rows):
            tables.append(rows)
            for t in taken:
                keep[t] = False
        i = k
    if not tables:
        return text, []
    return "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept), tables
