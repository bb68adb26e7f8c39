"""Read-side queries: plans with counts, the measures of a plan, one measure in detail."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple, Protocol

from sqlalchemy import Row, Select, Text, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.domain import Light, Quarter, Status, is_overdue, warning_light
from desktop.models import Database, Evidence, Measure, Plan, Progress, Section, StatusChange
from desktop.services import history


class _HeadingLike(Protocol):
    """A section as an ORM object or a selected row: what a heading's title needs."""

    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def parent_id(self) -> int | None: ...


class _MeasureLike(Protocol):
    """A measure as an ORM object or a row of _ROW_COLUMNS."""

    @property
    def id(self) -> int: ...
    @property
    def plan_id(self) -> int: ...
    @property
    def path(self) -> Sequence[str]: ...
    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def lead_units(self) -> Sequence[str]: ...
    @property
    def responsible_units(self) -> Sequence[str]: ...
    @property
    def deadline_text(self) -> str | None: ...
    @property
    def deadline(self) -> date | None: ...
    @property
    def long_term(self) -> bool: ...
    @property
    def start_date(self) -> date | None: ...
    @property
    def recurring(self) -> str | None: ...
    @property
    def status(self) -> str: ...


@dataclass(frozen=True)
class PlanSummary:
    id: int
    title: str
    doc_number: str | None
    issuer: str | None
    doc_date: date | None
    version: int
    measure_count: int
    done_count: int


@dataclass(frozen=True)
class MeasureRow:
    id: int
    plan_id: int
    path: tuple[str, ...]
    number: str
    title: str
    section_title: str
    lead_units: tuple[str, ...]
    responsible_units: tuple[str, ...]
    deadline_text: str | None
    deadline: date | None
    long_term: bool
    status: Status
    overdue: bool
    evidence_count: int
    has_progress: bool  # progress recorded for the quarter asked about
    light: Light = Light.GREEN
    text: str = ""
    last_progress: datetime | None = None
    sections: tuple[str, ...] = ()  # headings above, outermost first
    start_date: date | None = None  # '2023年1月1日起': when the work starts, not a deadline
    recurring: str | None = None  # '每季度', '每月' …: a task repeated on a schedule


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    original_name: str
    description: str
    size: int
    mime_type: str
    sha256: str
    quarter: str | None
    added_at: datetime


@dataclass(frozen=True)
class ProgressInfo:
    quarter: str
    status: Status
    progress_text: str
    problems: str
    next_steps: str
    author: str
    updated_at: datetime


@dataclass(frozen=True)
class StatusChangeInfo:
    old: Status | None
    new: Status
    author: str
    at: datetime


@dataclass(frozen=True)
class MeasureDetail:
    row: MeasureRow
    text: str
    plan_title: str
    sections: tuple[str, ...]
    progress: dict[str, ProgressInfo] = field(default_factory=dict)
    evidence: tuple[EvidenceInfo, ...] = ()
    status_history: tuple[StatusChangeInfo, ...] = ()
    remarks: str = ""  # 备注 of a task list


def list_plans(db: Database) -> list[PlanSummary]:
    with db.session() as s:
        counts = dict(
            s.execute(
                select(Measure.plan_id, func.count())
                .where(Measure.archived.is_(False))
                .group_by(Measure.plan_id)
            )
            .tuples()
            .all()
        )
        done = dict(
            s.execute(
                select(Measure.plan_id, func.count())
                .where(Measure.archived.is_(False), Measure.status == Status.DONE.value)
                .group_by(Measure.plan_id)
            )
            .tuples()
            .all()
        )
        plans = s.scalars(select(Plan).where(Plan.archived.is_(False)).order_by(Plan.id)).all()
        return [
            PlanSummary(
                p.id,
                p.title,
                p.doc_number,
                p.issuer,
                p.doc_date,
                p.version,
                counts.get(p.id, 0),
                done.get(p.id, 0),
            )
            for p in plans
        ]


# The columns a table row needs; selecting them (not whole ORM objects) keeps 10,000 rows quick.
# The JSON lists come as their stored text and are decoded through a cache: a plan names the
# same few units thousands of times. A CAST in SQL, not just a Python-side type: PostgreSQL's
# driver would otherwise hand back json columns already decoded.
_ROW_COLUMNS = (
    Measure.id,
    Measure.plan_id,
    Measure.section_id,
    cast(Measure.path, Text).label("path"),
    Measure.number,
    Measure.title,
    Measure.text,
    cast(Measure.lead_units, Text).label("lead_units"),
    cast(Measure.responsible_units, Text).label("responsible_units"),
    Measure.deadline_text,
    Measure.deadline,
    Measure.long_term,
    Measure.start_date,
    Measure.recurring,
    Measure.status,
)


@lru_cache(maxsize=4096)
def _json_tuple(raw: str | None) -> tuple[str, ...]:
    return tuple(json.loads(raw)) if raw else ()


class _SelectedMeasure(NamedTuple):
    """A row of _ROW_COLUMNS with its JSON lists decoded, shaped like the ORM object."""

    id: int
    plan_id: int
    path: tuple[str, ...]
    number: str
    title: str
    text: str
    lead_units: tuple[str, ...]
    responsible_units: tuple[str, ...]
    deadline_text: str | None
    deadline: date | None
    long_term: bool
    start_date: date | None
    recurring: str | None
    status: str


def list_measures(
    db: Database,
    plan_id: int | None,
    quarter: Quarter,
    today: date | None = None,
    due_soon_days: int = 15,
) -> list[MeasureRow]:
    today = today or date.today()
    with db.session() as s:
        query = select(*_ROW_COLUMNS).where(Measure.archived.is_(False))
        if plan_id is not None:
            query = query.where(Measure.plan_id == plan_id)
        measures = s.execute(query.order_by(Measure.plan_id, Measure.position)).all()
        # Subqueries rather than long IN lists: a ledger can hold tens of thousands of measures.
        ids = _ids(plan_id)
        section_query = select(Section.id, Section.parent_id, Section.number, Section.title)
        if plan_id is not None:
            section_query = section_query.where(Section.plan_id == plan_id)
        sections = {sec.id: sec for sec in s.execute(section_query)}
        evidence_counts = _counts(s, Evidence.measure_id, ids)
        with_progress = _with_progress(s, ids, quarter)
        last = dict(
            s.execute(
                select(Progress.measure_id, func.max(Progress.updated_at))
                .where(Progress.measure_id.in_(ids))
                .group_by(Progress.measure_id)
            )
            .tuples()
            .all()
        )
        chains: dict[int | None, tuple[str, ...]] = {}
        rows = []
        for r in measures:
            chain = chains.get(r.section_id)
            if chain is None:
                chain = chains[r.section_id] = _chain(sections, r.section_id)
            m = _SelectedMeasure(
                r.id,
                r.plan_id,
                tuple(json.loads(r.path)) if r.path else (),
                r.number,
                r.title,
                r.text,
                _json_tuple(r.lead_units),
                _json_tuple(r.responsible_units),
                r.deadline_text,
                r.deadline,
                r.long_term,
                r.start_date,
                r.recurring,
                r.status,
            )
            rows.append(
                _row(
                    m,
                    today,
                    evidence_counts.get(m.id, 0),
                    m.id in with_progress,
                    due_soon_days,
                    last.get(m.id),
                    chain,
                    quarter,
                )
            )
        return rows


def rows_for_quarter(
    db: Database,
    rows: list[MeasureRow],
    plan_id: int | None,
    quarter: Quarter,
    today: date,
    due_soon_days: int = 15,
) -> list[MeasureRow]:
    """The same rows seen from another quarter: only 'progress this quarter' and the light change.

    One small query instead of reloading every measure, so switching the quarter stays instant.
    """
    with db.session() as s:
        with_progress = _with_progress(s, _ids(plan_id), quarter)
    out = []
    for r in rows:
        has = r.id in with_progress
        light = warning_light(
            r.deadline,
            r.status,
            long_term=long_running(r),
            has_progress=has,
            today=today,
            due_soon_days=due_soon_days,
            quarter=quarter,
        )
        out.append(
            r
            if (has, light) == (r.has_progress, r.light)
            else replace(r, has_progress=has, light=light)
        )
    return out


def rows_as_of(
    db: Database,
    rows: list[MeasureRow],
    plan_id: int | None,
    quarter: Quarter,
    day: date,
    due_soon_days: int = 15,
    status_day: date | None = None,
) -> list[MeasureRow]:
    """The rows as they stood at the end of `day` (history.as_of of a past quarter): status
    from the status history, overdue and the light of that day; one query for the changes."""
    changes: dict[int, list[Row[tuple[int, str | None, str, datetime]]]] = {}
    with db.session() as s:
        for change in s.execute(
            select(
                StatusChange.measure_id,
                StatusChange.old_status,
                StatusChange.new_status,
                StatusChange.at,
            )
            .where(StatusChange.measure_id.in_(_ids(plan_id)))
            .order_by(StatusChange.id)
        ):
            changes.setdefault(change.measure_id, []).append(change)
    out = []
    for r in rows:
        status = history.status_on(r.status, changes.get(r.id, ()), status_day or day)
        overdue = history.overdue_on(r.deadline, status, day)
        light = warning_light(
            r.deadline,
            status,
            long_term=long_running(r),
            has_progress=r.has_progress,
            today=day,
            due_soon_days=due_soon_days,
            quarter=quarter,
        )
        out.append(
            r
            if (status, overdue, light) == (r.status, r.overdue, r.light)
            else replace(r, status=status, overdue=overdue, light=light)
        )
    return out


def _ids(plan_id: int | None) -> Select[tuple[int]]:
    ids = select(Measure.id).where(Measure.archived.is_(False))
    return ids if plan_id is None else ids.where(Measure.plan_id == plan_id)


def _with_progress(session: Session, ids: Select[tuple[int]], quarter: Quarter) -> set[int]:
    return set(
        session.scalars(
            select(Progress.measure_id).where(
                Progress.quarter == str(quarter), Progress.measure_id.in_(ids)
            )
        )
    )


def _chain(sections: Mapping[int, _HeadingLike], section_id: int | None) -> tuple[str, ...]:
    titles: list[str] = []
    while section_id is not None and section_id in sections:
        section = sections[section_id]
        titles.append(_heading(section))
        section_id = section.parent_id
    return tuple(reversed(titles))


def measure_detail(
    db: Database,
    measure_id: int,
    quarter: Quarter,
    today: date | None = None,
    due_soon_days: int = 15,
) -> MeasureDetail:
    today = today or date.today()
    with db.session() as s:
        m = s.get(Measure, measure_id)
        if m is None:
            raise LookupError(measure_id)
        progress = {
            p.quarter: ProgressInfo(
                p.quarter,
                Status(p.status),
                p.progress_text,
                p.problems,
                p.next_steps,
                p.author,
                p.updated_at,
            )
            for p in m.progress
        }
        evidence = tuple(
            EvidenceInfo(
                e.id,
                e.original_name,
                e.description,
                e.size,
                e.mime_type,
                e.sha256,
                e.quarter,
                e.added_at,
            )
            for e in m.evidence
        )
        return MeasureDetail(
            row=_row(
                m,
                today,
                len(evidence),
                str(quarter) in progress,
                due_soon_days,
                max((p.updated_at for p in progress.values()), default=None),
                section_titles(s, m),
                quarter,
            ),
            text=m.text,
            plan_title=m.plan.title,
            sections=section_titles(s, m),
            progress=progress,
            evidence=evidence,
            remarks=m.remarks,
            status_history=tuple(
                StatusChangeInfo(
                    Status(c.old_status) if c.old_status else None,
                    Status(c.new_status),
                    c.author,
                    c.at,
                )
                for c in m.status_changes
            ),
        )


def section_titles(session: Session, measure: Measure) -> tuple[str, ...]:
    """Titles of the headings above a measure, outermost first."""
    titles: list[str] = []
    section = measure.section
    while section is not None:
        titles.append(_heading(section))
        section = session.get(Section, section.parent_id) if section.parent_id else None
    return tuple(reversed(titles))


def _heading(section: _HeadingLike) -> str:
    number = section.number
    if number and not section.title.startswith(number):
        if number.endswith(("）", ")", "、", ".", "．")):
            sep = ""
        else:
            sep = ". " if number.isascii() else "、"  # 'I. Reform' in a document in English
        return f"{number}{sep}{section.title}"
    return section.title


def _counts(
    session: Session, column: InstrumentedAttribute[int], ids: Select[tuple[int]]
) -> dict[int, int]:
    rows = (
        session.execute(select(column, func.count()).where(column.in_(ids)).group_by(column))
        .tuples()
        .all()
    )
    return {int(k): int(v) for k, v in rows}


def _row(
    m: _MeasureLike,
    today: date,
    evidence_count: int,
    has_progress: bool,
    due_soon_days: int,
    last_progress: datetime | None,
    sections: tuple[str, ...],
    quarter: Quarter,
) -> MeasureRow:
    status = Status(m.status)
    return MeasureRow(
        id=m.id,
        plan_id=m.plan_id,
        path=tuple(m.path),
        number=m.number,
        title=m.title,
        section_title=sections[-1] if sections else "",
        lead_units=tuple(m.lead_units),
        responsible_units=tuple(m.responsible_units),
        deadline_text=m.deadline_text,
        deadline=m.deadline,
        long_term=m.long_term,
        status=status,
        overdue=is_overdue(m.deadline, status, today),
        evidence_count=evidence_count,
        has_progress=has_progress,
        light=warning_light(
            m.deadline,
            status,
            long_term=long_running(m),
            has_progress=has_progress,
            today=today,
            due_soon_days=due_soon_days,
            quarter=quarter,
        ),
        text=m.text,
        last_progress=last_progress,
        sections=sections,
        start_date=m.start_date,
        recurring=m.recurring,
    )


def long_running(m: _MeasureLike | MeasureRow) -> bool:
    """长期坚持 or repeated on a schedule (每季度, 每月): either needs progress every quarter."""
    return m.long_term or bool(m.recurring)
