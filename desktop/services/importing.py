"""Import use case: read a file, parse it, store each document as a plan in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop.domain import Cancelled, ProgressCallback, Status
from desktop.models import Measure, Plan, PlanVersion, Progress, Section
from desktop.models.base import utcnow
from desktop.parsing import ParsedDocument, ParseResult, parse_text
from desktop.readers import ReadError, read_file
from desktop.readers.xlsx import ColumnMapping, is_workbook, read_task_list
from desktop.services import audit
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from desktop.storage.evidence_store import sha256_of

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class ImportPreview:
    """What a file parses to, before anything is stored."""

    source: Path
    sha256: str
    result: ParseResult
    encoding: str | None = None
    kind: str = "document"


@dataclass
class ImportOutcome:
    plan_ids: list[int] = field(default_factory=list)
    measure_count: int = 0
    skipped: list[str] = field(default_factory=list)  # documents without measures
    warnings: list[str] = field(default_factory=list)


def preview_file(
    path: Path,
    mapping: dict[str, ColumnMapping] | None = None,
    progress: ProgressCallback | None = None,
) -> ImportPreview:
    """Read and parse; raises UserError with a Chinese message for bad input.

    `mapping` (Excel only) is the column mapping per sheet as the officer confirmed it."""
    try:
        if is_workbook(path):  # also an .xlsx saved under another name
            result = read_task_list(path, mapping, progress)
            preview = ImportPreview(path, sha256_of(path), result, kind="tasklist")
        else:
            read = read_file(path)
            result = parse_text(read.text, tables=read.tables)
            result.warnings[:0] = read.warnings
            preview = ImportPreview(path, sha256_of(path), result, encoding=read.encoding)
    except ReadError as exc:
        raise UserError(exc.message) from exc
    if result.measure_count == 0:
        raise UserError(
            f"在“{path.name}”中没有识别出任何措施条目。请确认这是含有编号措施（如“一、”“（一）”“1.”）"
            "的政策文件或任务分解表；如果是扫描件，请先转换为文字版。"
        )
    return preview


def import_preview(
    ws: Workspace, preview: ImportPreview, progress: ProgressCallback | None = None
) -> ImportOutcome:
    """Store every document that has measures; all or nothing."""
    outcome = ImportOutcome(warnings=list(preview.result.warnings))
    docs = [d for d in preview.result.documents if d.measures]
    outcome.skipped = [d.title for d in preview.result.documents if not d.measures]
    total = sum(len(d.measures) for d in docs)
    done = 0
    with ws.db.transaction() as session:
        existing = session.scalar(
            select(PlanVersion).where(PlanVersion.source_sha256 == preview.sha256)
        )
        if existing is not None:
            raise UserError(
                f"文件“{preview.source.name}”已经导入过（计划编号 {existing.plan_id}）。"
                "如需更新计划，请使用“导入新版本”。"
            )
        for doc in docs:
            plan = _store_document(session, doc, preview, ws.author)
            session.flush()
            audit.record(
                session,
                action="import",
                entity="plan",
                entity_id=plan.id,
                author=ws.author,
                new={
                    "title": plan.title,
                    "source": preview.source.name,
                    "sha256": preview.sha256,
                    "measures": len(doc.measures),
                    "progress": sum(len(m.progress) for m in doc.measures),
                },
            )
            outcome.plan_ids.append(plan.id)
            outcome.measure_count += len(doc.measures)
            done += len(doc.measures)
            if progress is not None and not progress(done, total):
                raise Cancelled()
    return outcome


def import_file(
    ws: Workspace, path: Path, progress: ProgressCallback | None = None
) -> ImportOutcome:
    return import_preview(ws, preview_file(path), progress)


def _store_document(
    session: Session, doc: ParsedDocument, preview: ImportPreview, author: str
) -> Plan:
    plan = Plan(
        title=doc.title or preview.source.stem,
        doc_number=doc.doc_number,
        issuer=doc.issuer,
        doc_date=doc.date,
        kind=preview.kind,
        version=1,
    )
    plan.versions.append(
        PlanVersion(
            version=1, source_name=preview.source.name, source_sha256=preview.sha256, author=author
        )
    )
    session.add(plan)
    by_path = add_sections(plan, doc)
    session.flush()  # ids for the plan and its headings
    # Measures go in as one bulk INSERT: through the unit of work a 10,000-row task list spends
    # most of its import time in per-object bookkeeping (bench/excel_bench.py).
    now = utcnow()
    rows = []
    for position, m in enumerate(doc.measures):
        parent_section = nearest_section(by_path, tuple(m.path[:-1]))
        rows.append(
            {
                "plan_id": plan.id,
                "section_id": parent_section.id if parent_section is not None else None,
                "path": list(m.path),
                "number": m.number,
                "title": m.title,
                "text": m.text,
                "lead_units": list(m.lead_units),
                "responsible_units": list(m.responsible_units),
                "deadline_text": m.deadline_text,
                "deadline": m.deadline,
                "long_term": m.long_term,
                "start_date": m.start,
                "recurring": m.recurring,
                "remarks": m.remarks,
                "archived": False,
                "position": position,
                "status": Status.NOT_STARTED.value,
                "created_at": now,
            }
        )
    if rows:
        # Core executemany on the table: the ORM's bulk path splits rows by which values are
        # None and, with RETURNING, slows down quadratically.
        session.execute(insert(cast(Table, Measure.__table__)), rows)
    if any(m.progress for m in doc.measures):
        query = select(Measure.position, Measure.id).where(Measure.plan_id == plan.id)
        ids = {position: measure_id for position, measure_id in session.execute(query).tuples()}
        # A task list's 进展情况 column is that quarter's progress, written by whoever imports it.
        progress = [
            {
                "measure_id": ids[position],
                "quarter": quarter,
                "status": Status.NOT_STARTED.value,
                "progress_text": text,
                "problems": "",
                "next_steps": "",
                "author": author,
                "updated_at": now,
            }
            for position, m in enumerate(doc.measures)
            for quarter, text in m.progress.items()
        ]
        session.execute(insert(cast(Table, Progress.__table__)), progress)
    return plan


def add_sections(plan: Plan, doc: ParsedDocument) -> dict[tuple[str, ...], Section]:
    """The document's headings as Section rows of `plan`, linked to their parents, by path."""
    by_path: dict[tuple[str, ...], Section] = {}
    for position, parsed in enumerate(doc.sections):
        section = Section(
            path=list(parsed.path),
            number=parsed.number,
            title=parsed.title,
            position=position,
        )
        # Append on the collection side: SQLAlchemy 2 does not cascade a many-to-one assignment
        # into the session, and a heading with no measures under it would be silently dropped.
        plan.sections.append(section)
        section.parent = nearest_section(by_path, tuple(parsed.path[:-1]))
        by_path[tuple(parsed.path)] = section
    return by_path


def nearest_section(
    by_path: dict[tuple[str, ...], Section], key: tuple[str, ...]
) -> Section | None:
    """The closest heading above a path (a measure may skip a level the document left out)."""
    while key:
        if key in by_path:
            return by_path[key]
        key = key[:-1]
    return None
