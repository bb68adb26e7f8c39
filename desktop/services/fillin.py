"""Fill-in workbooks for departments: send one per unit, take them back without silent overwrites."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain import ProgressCallback, Quarter, Status
from desktop.models import Measure, Progress, StatusChange
from desktop.models.base import utcnow
from desktop.readers import ReadError
from desktop.reports.excel_fillin import (
    FieldChange,
    FillinDiff,
    FillinWorkbook,
    diff_fillin,
    export_fillin,
    measures_for_unit,
    read_fillin,
)
from desktop.services import audit
from desktop.services.errors import UserError
from desktop.services.reporting import build_report_data
from desktop.services.snapshots import ensure_not_frozen
from desktop.services.workspace import Workspace

FIELD_NAMES = {
    "status": "状态",
    "progress": "进展情况",
    "problems": "存在问题",
    "next_steps": "下步打算",
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_ATTR = {"progress": "progress_text"}


def _joint(previous: str, author: str) -> str:
    if not previous or previous == author or author in previous.split("、"):
        return previous or author
    return f"{previous}、{author}"[:100]


def field_value(change: FieldChange, value: str) -> str:
    """A changed value as the officer reads it: status codes as their Chinese labels."""
    if change.field == "status" and value:
        try:
            return Status(value).label
        except ValueError:
            return value
    return value


@dataclass
class FillinReview:
    """A returned workbook compared with what is stored; nothing is written yet."""

    path: Path
    workbook: FillinWorkbook
    diff: FillinDiff
    titles: dict[int, str] = field(default_factory=dict)

    @property
    def author(self) -> str:
        return f"{self.workbook.unit}（填报）"


def units_of(ws: Workspace, quarter: Quarter, plan_ids: Sequence[int] | None = None) -> list[str]:
    data = build_report_data(ws, quarter, plan_ids, live_status=True)
    units = {
        u for p in data.plans for m in p.measures for u in (*m.lead_units, *m.responsible_units)
    }
    return sorted(units)


def export_workbooks(
    ws: Workspace,
    quarter: Quarter,
    folder: Path,
    units: Sequence[str] | None = None,
    plan_ids: Sequence[int] | None = None,
    progress: ProgressCallback | None = None,
) -> list[tuple[str, Path, int]]:
    """One workbook per unit (lead or responsible) with its measures; returns (unit, file, rows)."""
    data = build_report_data(ws, quarter, plan_ids, live_status=True)
    wanted = list(units) if units else units_of(ws, quarter, plan_ids)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, unit in enumerate(wanted):
        if progress is not None and not progress(i, len(wanted)):
            break
        if not measures_for_unit(data, unit):
            continue
        out = folder / f"{quarter}-{_UNSAFE.sub('_', unit)}-进展填报表.xlsx"
        rows = export_fillin(data, unit, out)
        written.append((unit, out, rows))
    return written


def review(ws: Workspace, path: Path) -> FillinReview:
    try:
        book = read_fillin(path)
    except ReadError as exc:
        raise UserError(exc.message) from exc
    ids = [r.measure_id for r in book.rows]
    current: dict[int, tuple[str, str, str, str]] = {}
    titles: dict[int, str] = {}
    with ws.db.session() as s:
        for measure_id in ids:
            m = s.get(Measure, measure_id)
            if m is None or m.archived:
                continue
            p = next((p for p in m.progress if p.quarter == book.quarter), None)
            current[m.id] = (
                m.status,
                p.progress_text if p else "",
                p.problems if p else "",
                p.next_steps if p else "",
            )
            titles[m.id] = f"{m.number} {m.title}"
    return FillinReview(path, book, diff_fillin(book.rows, current), titles)


def apply(
    ws: Workspace,
    reviewed: FillinReview,
    take_incoming: Mapping[tuple[int, str], bool] | None = None,
) -> int:
    """Apply the changes, and the conflicts the officer chose to take (measure id, field) -> True.
    Returns the number of fields written. The department is recorded as the author."""
    chosen = take_incoming or {}
    accepted: list[FieldChange] = list(reviewed.diff.changes) + [
        c for c in reviewed.diff.conflicts if chosen.get((c.measure_id, c.field))
    ]
    quarter = Quarter.parse(reviewed.workbook.quarter)
    author = reviewed.author
    by_measure: dict[int, list[FieldChange]] = {}
    for change in accepted:
        by_measure.setdefault(change.measure_id, []).append(change)
    with ws.db.transaction() as s:
        for measure_id, changes in by_measure.items():
            m = s.get(Measure, measure_id)
            if m is None:
                continue
            if any(c.field != "status" for c in changes):
                # A closed (定稿) quarter's texts are read-only, whoever sends them.
                ensure_not_frozen(s, m.id, quarter)
            row = next((p for p in m.progress if p.quarter == str(quarter)), None)
            previous_author = row.author if row is not None else ""
            for change in changes:
                if change.field == "status":
                    new = Status(change.incoming)
                    if m.status != new.value:
                        s.add(
                            StatusChange(
                                measure_id=m.id,
                                old_status=m.status,
                                new_status=new.value,
                                author=author,
                            )
                        )
                        m.status, m.status_changed_at = new.value, utcnow()
                    continue
                if row is None:
                    row = Progress(
                        measure_id=m.id, quarter=str(quarter), status=m.status, author=author
                    )
                    s.add(row)
                setattr(row, _ATTR.get(change.field, change.field), change.incoming)
            if row is not None:
                row.status = m.status
                written = {c.field for c in changes}
                kept = [
                    f
                    for f in ("progress", "problems", "next_steps")
                    if f not in written and (getattr(row, _ATTR.get(f, f)) or "").strip()
                ]
                if written - {"status"}:
                    # Texts kept from the officer (a conflict decided for them) stay theirs:
                    # the row names both writers rather than crediting the department alone.
                    row.author = _joint(previous_author, author) if kept else author
            audit.record(
                s,
                action="fillin",
                entity="measure",
                entity_id=m.id,
                author=author,
                old={c.field: c.current for c in changes},
                new={
                    "quarter": str(quarter),
                    "file": reviewed.path.name,
                    **{c.field: c.incoming for c in changes},
                },
            )
    return len(accepted)
