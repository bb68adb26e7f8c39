"""What a measure's own words say about its dates, shared by the parsers and the schedule backfill.

A document measure's deadline, start and schedule come from its text (`own_deadlines`); a task
table row's, in a Word file or an Excel task list, from its 完成时限 cell and its text
(`row_deadlines`; an Excel cell is read as `parse_deadline_cell` reads it). `stored_schedule`
re-derives the start and schedule of a
measure stored before schema 0004 from what was stored (its text and deadline as written) with
these same functions, so the first plan update after upgrading sees what a fresh import sees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from desktop.parsing.deadlines import (
    _DATE_HINT,
    DeadlineInfo,
    parse_deadline_cell,
    parse_deadlines,
)
from desktop.parsing.responsibility import find_responsibility

__all__ = ["document_year", "own_deadlines", "row_deadlines", "stored_schedule", "tasklist_years"]

_UNSET = object()


def own_deadlines(text: str, year: int | None, field: object = _UNSET) -> DeadlineInfo:
    """Deadlines, start and schedule of a measure's running text together with its 完成时限
    field or bracket ('（完成时限：每季度）'); `field` is that field's text when the caller has
    found it already (`Responsibility.deadline_text`), else it is looked up here."""
    info = parse_deadlines(text, year, running_text=True)
    if field is _UNSET:
        # A 完成时限 field is part of the text: text naming no date has none worth looking up.
        field = find_responsibility(text).deadline_text if _DATE_HINT.search(text) else None
    if isinstance(field, str) and field:
        field_info = parse_deadlines(field, year)
        info.deadlines = sorted(set(info.deadlines) | set(field_info.deadlines))
        info.deadline = info.deadlines[0] if info.deadlines else None
        info.long_term = info.long_term or field_info.long_term
        info.recurring = info.recurring or field_info.recurring
        starts = [d for d in (info.start, field_info.start) if d]
        info.start = min(starts) if starts else None
        if field_info.deadline_text and not info.deadline_text:
            info.deadline_text = field_info.deadline_text
    return info


def row_deadlines(
    text: str, cell: str, year: int | None, cell_info: DeadlineInfo | None = None
) -> DeadlineInfo:
    """A task table row: the 完成时限 cell gives the deadline when it names one, else the task
    text does; a start or schedule counts from either ('每季度' in the cell, '每季度通报一次'
    in the text), the cell's first.

    `cell_info` is the cell as the caller read it already (an Excel task list reads its cell
    with `parse_deadline_cell`, and a date typed as a date has no text to parse); it is not
    changed. Without it the cell is parsed as a Word table's is.
    """
    own = own_deadlines(text, year)
    if cell_info is None and cell:
        cell_info = parse_deadlines(cell, year)
    if cell_info is not None and (cell_info.deadlines or cell_info.long_term):
        info = replace(cell_info, deadlines=list(cell_info.deadlines), deadline_text=cell)
    else:
        info = own
        if cell and not info.deadline_text:
            info.deadline_text = cell
    info.recurring = (cell_info.recurring if cell_info else None) or own.recurring
    info.start = (cell_info.start if cell_info else None) or own.start
    return info


def stored_schedule(
    kind: str,
    text: str,
    deadline_text: str | None,
    deadline: date | None,
    years: Sequence[int | None],
) -> tuple[date | None, str | None]:
    """(start, schedule) that importing the measure's source would store, from what a measure
    stored without them holds: its `text` and its deadline as written (`deadline_text`).

    `kind` is the plan's: 'tasklist' (an Excel task list, whose deadline cell is read as the
    workbook reader reads it) or a document. Either way the measure's text counts and so does,
    for a table row, its deadline cell, which is what a row's `deadline_text` holds when the
    cell names a deadline; otherwise `deadline_text` holds phrases already taken from the text,
    which add nothing.
    `years` are the candidates for the year of dates written without one, best first: the one
    that gives back the stored `deadline` is taken, else the first.
    """
    choices = list(dict.fromkeys(years)) or [None]
    best: tuple[date | None, str | None] | None = None
    for year in choices:
        if kind == "tasklist":
            cell = parse_deadline_cell(deadline_text, year) if deadline_text else DeadlineInfo()
        else:
            cell = parse_deadlines(deadline_text, year) if deadline_text else DeadlineInfo()
        own = own_deadlines(text or "", year)
        found = (cell.start or own.start, cell.recurring or own.recurring)
        reproduces = deadline in (cell.deadline, own.deadline)
        if best is None:
            best = found
        if reproduces:
            return found
    assert best is not None
    return best


_DOC_NUMBER_YEAR = re.compile(r"[〔［\[【（(]\s*((?:19|20)\d{2})\s*[〕］\]】）)]")
# As the workbook reader finds a sheet's year in its title or the file name ('2023年重点任务').
_YEAR_IN_NAME = re.compile(r"(20\d{2}|19\d{2})\s*年")


def document_year(doc_date: date | None, doc_number: str | None) -> int | None:
    """The year a document's dates without a year fall in: its date's, else its 文号's
    ('某政办发〔2023〕1号'), as the parser takes it."""
    if doc_date is not None:
        return doc_date.year
    m = _DOC_NUMBER_YEAR.search(doc_number or "")
    return int(m.group(1)) if m else None


def tasklist_years(*names: str | None) -> list[int | None]:
    """Candidate years of a task list from its title and file name, as the reader finds them."""
    years: list[int | None] = []
    for name in names:
        m = _YEAR_IN_NAME.search(name or "")
        if m:
            years.append(int(m.group(1)))
    return years or [None]
