"""Plan updates: match a new version's measures to the stored ones, show the diff, then apply it
so progress, evidence and history carry over and removed measures are archived, never deleted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import ProgressCallback, Quarter, Status
from desktop.models import AuditLog, Measure, Plan, PlanVersion, Progress, Section
from desktop.parsing import ParsedDocument
from desktop.parsing.matching import (
    MatchKind,
    MatchResult,
    MeasureKey,
    keys_for_document,
    match_measures,
    normalize_text,
)
from desktop.readers.xlsx import ColumnMapping, is_workbook
from desktop.services import audit, snapshots
from desktop.services.errors import UserError
from desktop.services.importing import ImportPreview, add_sections, nearest_section, preview_file
from desktop.services.ledger import section_titles
from desktop.services.workspace import Workspace

# Plan facts an update refreshes, with their labels for the diff.
PLAN_FACTS = {"title": "标题", "doc_number": "文号", "issuer": "发文机关", "doc_date": "成文日期"}


@dataclass(frozen=True)
class FactChange:
    """A plan fact (title, 文号, issuer, date) the new version states differently."""

    field: str  # a key of PLAN_FACTS
    old: str
    new: str

    @property
    def label(self) -> str:
        return PLAN_FACTS[self.field]


@dataclass
class UpdateProposal:
    """What applying would do; nothing is written until `apply_update`."""

    plan_id: int
    plan_title: str
    old_version: int
    preview: ImportPreview
    document: ParsedDocument
    result: MatchResult
    old_keys: dict[int, MeasureKey] = field(default_factory=dict)
    facts: list[FactChange] = field(default_factory=list)

    def counts(self) -> dict[MatchKind, int]:
        return {kind: len(self.result.of_kind(kind)) for kind in MatchKind}


@dataclass
class UpdateOutcome:
    version: int
    kept: int
    added: int
    archived: int
    warnings: list[str] = field(default_factory=list)


def _old_key(s: Session, m: Measure) -> MeasureKey:
    return MeasureKey(
        m.id,
        tuple(m.path),
        m.number,
        m.title,
        m.text,
        section_titles(s, m),
        tuple(m.lead_units),
        tuple(m.responsible_units),
        m.deadline_text or "",
        m.start_date,
        m.recurring or "",
    )


def _choose_document(preview: ImportPreview, plan: Plan, old_texts: set[str]) -> ParsedDocument:
    """The document (or sheet) of the file that continues `plan`: the one sharing most measure
    texts with it, then the same 文号, then the most similar title."""
    docs = [d for d in preview.result.documents if d.measures]
    if len(docs) == 1:
        return docs[0]

    def score(d: ParsedDocument) -> tuple[int, int, float]:
        shared = sum(1 for m in d.measures if normalize_text(m.text or m.title) in old_texts)
        same_number = int(bool(plan.doc_number) and d.doc_number == plan.doc_number)
        return shared, same_number, fuzz.ratio(d.title, plan.title)

    return max(docs, key=score)


def _fact_text(value: object) -> str:
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value or "")


def _fact_changes(plan: Plan, doc: ParsedDocument) -> list[FactChange]:
    """Facts the new version states and that differ; a fact it leaves out is kept as stored."""
    new = {"title": doc.title, "doc_number": doc.doc_number, "issuer": doc.issuer}
    new["doc_date"] = doc.date  # type: ignore[assignment]
    changes = []
    for name in PLAN_FACTS:
        value, stored = new[name], getattr(plan, name)
        if value and value != stored:
            changes.append(FactChange(name, _fact_text(stored) or "—", _fact_text(value)))
    return changes


def propose_update(
    ws: Workspace,
    plan_id: int,
    path: Path,
    mappings: dict[str, ColumnMapping] | None = None,
    progress: ProgressCallback | None = None,
) -> UpdateProposal:
    """Read the new version and match it against the plan; writes nothing.

    For a workbook, `mappings` are the columns as the officer confirmed them; without them the
    columns are those remembered for the same header row (as confirmed at import), else as
    detected, so an update reads the file exactly as the import of the same layout did."""
    path = Path(path)
    if mappings is None and is_workbook(path):
        from desktop.services import tasklists

        mappings = tasklists.choose_mappings(ws.db, path, command_line=False).mappings
    preview = preview_file(path, mappings, progress)
    with ws.db.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.archived:
            raise UserError(f"找不到编号为 {plan_id} 的计划。")
        same = s.scalar(
            select(PlanVersion).where(
                PlanVersion.source_sha256 == preview.sha256, PlanVersion.plan_id == plan_id
            )
        )
        if same is not None:
            raise UserError(
                f"文件“{path.name}”已经导入过（就是该计划的第 {same.version} 版），内容相同，无需更新。"
            )
        other = s.scalar(select(PlanVersion).where(PlanVersion.source_sha256 == preview.sha256))
        if other is not None:
            raise UserError(
                f"文件“{path.name}”已经导入为另一个计划（编号 {other.plan_id}），不能再用来更新本计划。"
            )
        old_keys = {m.id: _old_key(s, m) for m in plan.measures if not m.archived}
        old_texts = {normalize_text(k.text or k.title) for k in old_keys.values()}
        document = _choose_document(preview, plan, old_texts)
        title, version = plan.title, plan.version
        facts = _fact_changes(plan, document)
    if mappings is not None and document.title not in {m.title for m in mappings.values()}:
        # A sheet without a title row is named after the sheet ('Sheet1'): no title to take.
        facts = [f for f in facts if f.field != "title"]
    result = match_measures(list(old_keys.values()), keys_for_document(document))
    return UpdateProposal(plan_id, title, version, preview, document, result, old_keys, facts)


def effective_pairs(
    proposal: UpdateProposal, corrections: Mapping[int, int | None] | None = None
) -> dict[int, int]:
    """New measure index -> old measure id after the officer's corrections; UserError when an
    old measure would continue two new ones or does not belong to the plan."""
    pairs = {m.new.key: m.old.key for m in proposal.result.matches if m.new and m.old}
    for new_index, old_id in (corrections or {}).items():
        pairs.pop(new_index, None)
        if old_id is not None:
            pairs[new_index] = old_id
    used = list(pairs.values())
    if len(used) != len(set(used)):
        raise UserError("同一条原有措施被对应到了多条新措施，请修改对应关系后再确认。")
    if set(used) - set(proposal.old_keys):
        raise UserError("对应关系中包含不属于该计划的措施，请重新比对。")
    return pairs


def apply_update(
    ws: Workspace, proposal: UpdateProposal, corrections: Mapping[int, int | None] | None = None
) -> UpdateOutcome:
    """Write the new version in one transaction.

    `corrections` maps a new measure's index to the old measure id it continues (or None: a new
    measure), overriding the automatic match, as the officer corrected it in the diff.
    """
    pairs = effective_pairs(proposal, corrections)
    doc = proposal.document
    warnings: list[str] = []
    with ws.db.transaction() as s:
        plan = s.get(Plan, proposal.plan_id)
        if plan is None or plan.version != proposal.old_version:
            raise UserError("计划在比对之后已被修改，请重新导入新版本进行比对。")
        plan.version += 1
        version = plan.version
        measures = {m.id: m for m in plan.measures}
        to_archive = [
            m
            for old_id, m in measures.items()
            if old_id in proposal.old_keys and old_id not in pairs.values() and not m.archived
        ]
        sections = _rebuild_sections(s, plan, doc, keep_for=to_archive)
        kept = added = 0
        for index, parsed in enumerate(doc.measures):
            section = nearest_section(sections, tuple(parsed.path[:-1]))
            values = {
                "path": list(parsed.path),
                "number": parsed.number,
                "title": parsed.title,
                "text": parsed.text,
                "lead_units": list(parsed.lead_units),
                "responsible_units": list(parsed.responsible_units),
                "deadline_text": parsed.deadline_text,
                "deadline": parsed.deadline,
                "long_term": parsed.long_term,
                "start_date": parsed.start,
                "recurring": parsed.recurring,
                "remarks": parsed.remarks,
            }
            old_id = pairs.get(index)
            if old_id is not None:
                m = measures[old_id]
                before = {k: _jsonable(getattr(m, k)) for k in values}
                for key, value in values.items():
                    setattr(m, key, value)
                m.section, m.position = section, index
                after = {k: _jsonable(v) for k, v in values.items()}
                if before != after:
                    changed = [k for k in values if before[k] != after[k]]
                    audit.record(
                        s,
                        action="update",
                        entity="measure",
                        entity_id=m.id,
                        author=ws.author,
                        old={k: before[k] for k in changed} | {"version": version - 1},
                        new={k: after[k] for k in changed} | {"version": version},
                    )
                kept += 1
            else:
                m = Measure(plan=plan, section=section, position=index, **values)
                s.add(m)
                s.flush()
                audit.record(
                    s,
                    action="add",
                    entity="measure",
                    entity_id=m.id,
                    author=ws.author,
                    new={k: _jsonable(v) for k, v in values.items()} | {"version": version},
                )
                added += 1
            warnings.extend(
                _take_progress(
                    s, m, parsed.progress, ws.author, proposal.preview.source.name, version
                )
            )
        for k, m in enumerate(to_archive):
            m.archived = True
            m.position = len(doc.measures) + k
            audit.record(
                s,
                action="archive",
                entity="measure",
                entity_id=m.id,
                author=ws.author,
                old={"number": m.number, "title": m.title, "version": version - 1},
                new={"archived": True, "version": version},
            )
        archived = len(to_archive)
        facts = _refresh_facts(s, plan, doc, proposal.facts, ws.author, version)
        note = f"保留 {kept} 项，新增 {added} 项，归档 {archived} 项"
        s.add(
            PlanVersion(
                plan_id=plan.id,
                version=version,
                source_name=proposal.preview.source.name,
                source_sha256=proposal.preview.sha256,
                author=ws.author,
                note=note,
            )
        )
        audit.record(
            s,
            action="update",
            entity="plan",
            entity_id=plan.id,
            author=ws.author,
            old={"version": version - 1},
            new={
                "version": version,
                "source": proposal.preview.source.name,
                "sha256": proposal.preview.sha256,
                "kept": kept,
                "added": added,
                "archived": archived,
                "measures": kept + added,
            }
            | ({"facts": facts} if facts else {}),
        )
        return UpdateOutcome(version, kept, added, archived, warnings)


def _take_progress(
    s: Session,
    m: Measure,
    incoming: dict[str, str],
    author: str,
    source: str,
    version: int,
) -> list[str]:
    """进展情况 carried by the new task list fills a quarter with nothing stored; stored text
    is never overwritten, and a closed (定稿) quarter is left alone. The audit log names the
    file and the plan version the text came with (`source`, `version`)."""
    warnings = []
    for quarter, text in incoming.items():
        row = next((p for p in m.progress if p.quarter == quarter), None)
        if row is not None and row.progress_text.strip():
            if row.progress_text.strip() != text.strip():
                warnings.append(
                    f"措施 {m.number}：新版本表格中的{Quarter.parse(quarter).label}进展情况与已记录的不同，"
                    "已保留已记录的内容。"
                )
            continue
        if m.id is not None:
            try:
                snapshots.ensure_not_frozen(s, m.id, quarter)
            except UserError:
                warnings.append(f"措施 {m.number}：{quarter} 已定稿，表格中的进展情况未写入。")
                continue
        if row is None:
            row = Progress(quarter=quarter, status=m.status or Status.NOT_STARTED.value)
            m.progress.append(row)
        row.progress_text, row.author = text, author
        s.flush()
        audit.record(
            s,
            action="progress",
            entity="measure",
            entity_id=m.id,
            author=author,
            new={"quarter": quarter, "progress": text, "source": source, "version": version},
        )
    return warnings


def _refresh_facts(
    s: Session,
    plan: Plan,
    doc: ParsedDocument,
    changes: list[FactChange],
    author: str,
    version: int,
) -> dict[str, list[str]]:
    """Title, 文号, issuer and date as the new version states them (audit-logged)."""
    if not changes:
        return {}
    old = {c.field: _jsonable(getattr(plan, c.field)) for c in changes}
    for c in changes:
        setattr(plan, c.field, doc.date if c.field == "doc_date" else getattr(doc, c.field))
    audit.record(
        s,
        action="update",
        entity="plan",
        entity_id=plan.id,
        author=author,
        old=old | {"version": version - 1},
        new={c.field: _jsonable(getattr(plan, c.field)) for c in changes} | {"version": version},
    )
    return {c.field: [c.old, c.new] for c in changes}


def _rebuild_sections(
    s: Session, plan: Plan, doc: ParsedDocument, keep_for: list[Measure]
) -> dict[tuple[str, ...], Section]:
    """New headings replace the old; the headings above an archived measure (including those
    archived now, in `keep_for`) stay, so it keeps its place in the old structure."""
    keep: set[int] = set()
    for m in [*(m for m in plan.measures if m.archived), *keep_for]:
        section = m.section
        while section is not None and section.id not in keep:
            keep.add(section.id)
            section = section.parent
    for old in list(plan.sections):
        if old.id not in keep:
            for m in plan.measures:
                if m.section_id == old.id:
                    m.section = None
            plan.sections.remove(old)
    s.flush()
    return add_sections(plan, doc)


def _jsonable(value: object) -> object:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# -- versions and archived measures ---------------------------------------------------------------


@dataclass(frozen=True)
class VersionInfo:
    version: int
    imported_at: datetime
    source_name: str
    author: str
    measures: int | None  # measures in that version (None when not recorded)
    kept: int | None = None
    added: int | None = None
    archived: int | None = None
    current: bool = False


def plan_versions(ws: Workspace, plan_id: int) -> list[VersionInfo]:
    """Every version of a plan, oldest first, with its source file and counts."""
    with ws.db.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise UserError(f"找不到编号为 {plan_id} 的计划。请用 list 命令查看现有计划。")
        counts: dict[int, dict[str, int]] = {}
        for entry in s.scalars(
            select(AuditLog)
            .where(AuditLog.entity == "plan", AuditLog.entity_id == plan_id)
            .where(AuditLog.action.in_(("import", "update")))
            .order_by(AuditLog.id)
        ):
            new = entry.new_value if isinstance(entry.new_value, dict) else {}
            if entry.action == "import":
                counts[1] = {"measures": int(new.get("measures", 0))}
            elif "kept" in new:
                counts[int(new["version"])] = {
                    k: int(new[k]) for k in ("kept", "added", "archived") if k in new
                }
                counts[int(new["version"])]["measures"] = int(
                    new.get("measures", new.get("kept", 0) + new.get("added", 0))
                )
        return [
            VersionInfo(
                v.version,
                v.imported_at,
                v.source_name,
                v.author,
                counts.get(v.version, {}).get("measures"),
                counts.get(v.version, {}).get("kept"),
                counts.get(v.version, {}).get("added"),
                counts.get(v.version, {}).get("archived"),
                v.version == plan.version,
            )
            for v in plan.versions
        ]


@dataclass(frozen=True)
class ArchivedProgress:
    quarter: str
    status: str  # Status value
    progress: str
    problems: str
    next_steps: str
    author: str


@dataclass(frozen=True)
class ArchivedMeasure:
    """A measure a later version removed, with everything recorded for it."""

    id: int
    number: str
    title: str
    text: str
    sections: tuple[str, ...]
    lead_units: tuple[str, ...]
    responsible_units: tuple[str, ...]
    deadline_text: str | None
    status: Status
    last_version: int | None  # the last version it was part of
    archived_at: datetime | None
    archived_by: str
    progress: tuple[ArchivedProgress, ...]
    evidence_count: int


def archived_measures(ws: Workspace, plan_id: int) -> list[ArchivedMeasure]:
    """The measures of `plan_id` removed by updates, in the order they were archived, with their
    progress by quarter and evidence count; for the window's 已归档措施 view and the CLI."""
    with ws.db.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None:
            raise UserError(f"找不到编号为 {plan_id} 的计划。请用 list 命令查看现有计划。")
        gone = [m for m in plan.measures if m.archived]
        when: dict[int, AuditLog] = {}
        if gone:
            for row in s.scalars(
                select(AuditLog)
                .where(AuditLog.entity == "measure", AuditLog.action == "archive")
                .where(AuditLog.entity_id.in_([m.id for m in gone]))
                .order_by(AuditLog.id)
            ):
                when[int(row.entity_id or 0)] = row
        out: list[tuple[int, ArchivedMeasure]] = []
        for m in gone:
            entry = when.get(m.id)
            old = entry.old_value if entry is not None and isinstance(entry.old_value, dict) else {}
            out.append(
                (
                    entry.id if entry is not None else 0,
                    ArchivedMeasure(
                        id=m.id,
                        number=m.number,
                        title=m.title,
                        text=m.text,
                        sections=section_titles(s, m),
                        lead_units=tuple(m.lead_units),
                        responsible_units=tuple(m.responsible_units),
                        deadline_text=m.deadline_text,
                        status=Status(m.status),
                        last_version=int(old["version"]) if "version" in old else None,
                        archived_at=entry.at if entry is not None else None,
                        archived_by=entry.author if entry is not None else "",
                        progress=tuple(
                            ArchivedProgress(
                                p.quarter,
                                p.status,
                                p.progress_text,
                                p.problems,
                                p.next_steps,
                                p.author,
                            )
                            for p in m.progress
                        ),
                        evidence_count=len(m.evidence),
                    ),
                )
            )
        out.sort(key=lambda pair: (pair[0], pair[1].id))
        return [a for _, a in out]
