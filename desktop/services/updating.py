"""Plan updates: match a new version's measures to the stored ones, show the diff, then apply it
so progress, evidence and history carry over and removed measures are archived, never deleted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Measure, Plan, PlanVersion, Section
from desktop.parsing import ParsedDocument
from desktop.parsing.matching import MatchKind, MatchResult, MeasureKey, match_measures
from desktop.services import audit
from desktop.services.errors import UserError
from desktop.services.importing import ImportPreview, add_sections, nearest_section, preview_file
from desktop.services.ledger import section_titles
from desktop.services.workspace import Workspace


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

    def counts(self) -> dict[MatchKind, int]:
        return {kind: len(self.result.of_kind(kind)) for kind in MatchKind}


@dataclass
class UpdateOutcome:
    version: int
    kept: int
    added: int
    archived: int


def _section_titles_of(doc: ParsedDocument, path: list[str]) -> tuple[str, ...]:
    by_path = {tuple(s.path): s for s in doc.sections}
    titles = []
    for depth in range(1, len(path)):
        section = by_path.get(tuple(path[:depth]))
        if section is not None:
            titles.append(section.title)
    return tuple(titles)


def _choose_document(preview: ImportPreview, plan: Plan) -> ParsedDocument:
    docs = [d for d in preview.result.documents if d.measures]
    if len(docs) == 1:
        return docs[0]
    same_number = [d for d in docs if plan.doc_number and d.doc_number == plan.doc_number]
    if same_number:
        return same_number[0]
    return max(docs, key=lambda d: fuzz.ratio(d.title, plan.title))


def propose_update(ws: Workspace, plan_id: int, path: Path) -> UpdateProposal:
    preview = preview_file(path)
    with ws.db.session() as s:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.archived:
            raise UserError(f"找不到编号为 {plan_id} 的计划。")
        if s.scalar(select(PlanVersion).where(PlanVersion.source_sha256 == preview.sha256)):
            raise UserError(f"文件“{path.name}”已经导入过，内容与现有版本相同，无需更新。")
        old_keys = {
            m.id: MeasureKey(m.id, tuple(m.path), m.number, m.title, m.text, section_titles(s, m))
            for m in plan.measures
            if not m.archived
        }
        document = _choose_document(preview, plan)
        title, version = plan.title, plan.version
    new_keys = [
        MeasureKey(
            i, tuple(m.path), m.number, m.title, m.text, _section_titles_of(document, m.path)
        )
        for i, m in enumerate(document.measures)
    ]
    result = match_measures(list(old_keys.values()), new_keys)
    return UpdateProposal(plan_id, title, version, preview, document, result, old_keys)


def apply_update(
    ws: Workspace, proposal: UpdateProposal, corrections: Mapping[int, int | None] | None = None
) -> UpdateOutcome:
    """Write the new version in one transaction.

    `corrections` maps a new measure's index to the old measure id it continues (or None: a new
    measure), overriding the automatic match, as the officer corrected it in the diff.
    """
    pairs = {m.new.key: m.old.key for m in proposal.result.matches if m.new and m.old}
    for new_index, old_id in (corrections or {}).items():
        pairs.pop(new_index, None)
        if old_id is not None:
            pairs[new_index] = old_id
    used = list(pairs.values())
    if len(used) != len(set(used)):
        raise UserError("同一条原有措施被对应到了多条新措施，请修改对应关系后再确认。")
    unknown = set(used) - set(proposal.old_keys)
    if unknown:
        raise UserError("对应关系中包含不属于该计划的措施，请重新比对。")
    doc = proposal.document
    with ws.db.transaction() as s:
        plan = s.get(Plan, proposal.plan_id)
        if plan is None or plan.version != proposal.old_version:
            raise UserError("计划在比对之后已被修改，请重新导入新版本进行比对。")
        plan.version += 1
        s.add(
            PlanVersion(
                plan_id=plan.id,
                version=plan.version,
                source_name=proposal.preview.source.name,
                source_sha256=proposal.preview.sha256,
                author=ws.author,
            )
        )
        sections = _rebuild_sections(s, plan, doc)
        measures = {m.id: m for m in plan.measures}
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
                    audit.record(
                        s,
                        action="update",
                        entity="measure",
                        entity_id=m.id,
                        author=ws.author,
                        old=before,
                        new=after,
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
                    new={k: _jsonable(v) for k, v in values.items()},
                )
                added += 1
        archived = 0
        for old_id, m in measures.items():
            if old_id in proposal.old_keys and old_id not in pairs.values() and not m.archived:
                m.archived = True
                m.position = len(doc.measures) + archived
                audit.record(
                    s,
                    action="archive",
                    entity="measure",
                    entity_id=m.id,
                    author=ws.author,
                    old={"number": m.number, "title": m.title},
                )
                archived += 1
        audit.record(
            s,
            action="update",
            entity="plan",
            entity_id=plan.id,
            author=ws.author,
            old={"version": plan.version - 1},
            new={
                "version": plan.version,
                "source": proposal.preview.source.name,
                "kept": kept,
                "added": added,
                "archived": archived,
            },
        )
        return UpdateOutcome(plan.version, kept, added, archived)


def _rebuild_sections(
    s: Session, plan: Plan, doc: ParsedDocument
) -> dict[tuple[str, ...], Section]:
    """New headings replace the old; an old heading still used by an archived measure stays."""
    archived_sections = {m.section_id for m in plan.measures if m.archived and m.section_id}
    for old in list(plan.sections):
        if old.id not in archived_sections:
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
