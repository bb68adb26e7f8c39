"""Closing a quarter (定稿): freeze a plan's quarter as a hashed snapshot and reprint it identically.

One snapshot per plan and quarter. Its payload is canonical JSON holding everything the quarterly
report shows (measures, statuses, the quarter's texts, evidence with SHA-256, section titles and
the report settings), so a frozen quarter's report comes from the snapshot alone, whatever is
edited later. While a snapshot is active, the quarter's progress texts and evidence of that plan
are read-only; undoing a freeze marks the snapshot superseded and never deletes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import __version__
from desktop.domain import Quarter, Status
from desktop.models import Measure, Plan, Setting
from desktop.models.base import utcnow
from desktop.models.entities import QuarterSnapshot
from desktop.reports.data import QuarterReportData, ReportEvidence, ReportMeasure, ReportPlan
from desktop.reports.summary import report_title
from desktop.services import audit, history
from desktop.services.errors import UserError
from desktop.services.ledger import section_titles
from desktop.services.reporting import filter_description, load_plans, reported_in
from desktop.services.settings import DEFAULTS
from desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from desktop.services.reporting import ReportFilter

# 2: archived measures that reported in the quarter are kept, with "archived": true.
# 3: "issued_on", the day the quarter was closed, dates the report ("report_date" is the day its
#    figures describe); earlier snapshots dated their report by "report_date" and still do.
PAYLOAD_FORMAT = 3
REPORT_SETTINGS = (
    "unit_name",
    "officer",
    "reviewer",
    "phone",
    "report_title_template",
    "report_addressee",
)


@dataclass(frozen=True)
class SnapshotInfo:
    """A snapshot without its payload, for lists and messages."""

    id: int
    plan_id: int | None
    plan_title: str
    quarter: str
    revision: int
    created_at: datetime
    author: str
    app_version: str
    measure_count: int
    content_sha256: str
    superseded_at: datetime | None = None
    superseded_by: str | None = None
    superseded_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.superseded_at is None

    @property
    def version_label(self) -> str:
        """What the report footer shows for this snapshot alone."""
        return f"定稿 {self.quarter} #{self.id} · {self.content_sha256[:12]}"


def canonical_json(payload: Any) -> bytes:
    """The bytes the content hash is taken over: sorted keys, no spaces, UTF-8."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def content_hash(payload: Any) -> str:
    return hashlib.sha256(canonical_json(payload)).hexdigest()


def frozen_message(quarter: Quarter | str) -> str:
    q = Quarter.parse(quarter) if isinstance(quarter, str) else quarter
    return f"{q.label}已定稿，不能再修改。如确需修改，请先撤销定稿。"


# -- checks used by other services ---------------------------------------------------------------


def _active(session: Session, plan_id: int, quarter: str) -> QuarterSnapshot | None:
    return session.scalars(
        select(QuarterSnapshot).where(
            QuarterSnapshot.plan_id == plan_id,
            QuarterSnapshot.quarter == quarter,
            QuarterSnapshot.superseded_at.is_(None),
        )
    ).first()


def ensure_not_frozen(session: Session, measure_id: int, quarter: Quarter | str | None) -> None:
    """Raise a UserError when the measure's plan has an active snapshot for `quarter`.

    Called inside the caller's transaction before it writes a quarter's texts or evidence.
    Evidence without a quarter and unknown measures pass (the caller reports those itself).
    """
    if quarter is None:
        return
    plan_id = session.scalar(select(Measure.plan_id).where(Measure.id == measure_id))
    if plan_id is not None and _active(session, plan_id, str(quarter)) is not None:
        raise UserError(frozen_message(quarter))


def frozen_plan_ids(ws: Workspace, quarter: Quarter) -> set[int]:
    """Plans whose `quarter` is closed."""
    with ws.db.session() as s:
        rows = s.scalars(
            select(QuarterSnapshot.plan_id).where(
                QuarterSnapshot.quarter == str(quarter),
                QuarterSnapshot.superseded_at.is_(None),
                QuarterSnapshot.plan_id.is_not(None),
            )
        ).all()
    return {int(r) for r in rows if r is not None}


def is_frozen(ws: Workspace, quarter: Quarter, plan_ids: Sequence[int] | None = None) -> bool:
    """True when every plan in scope (the given ones, or all current plans) is closed."""
    frozen = frozen_plan_ids(ws, quarter)
    if plan_ids:
        return set(plan_ids) <= frozen
    with ws.db.session() as s:
        current = set(s.scalars(select(Plan.id).where(Plan.archived.is_(False))).all())
    return bool(current) and current <= frozen


# -- freezing ------------------------------------------------------------------------------------


def freeze_quarter(
    ws: Workspace,
    quarter: Quarter,
    plan_ids: Sequence[int] | None = None,
    today: date | None = None,
) -> list[SnapshotInfo]:
    """Close `quarter` for the given plans (default: every current plan), in one transaction.

    Overdue is reckoned on history.as_of(quarter, today), `today` defaulting to the real date,
    and statuses are those recorded by history.status_day(quarter, today), as in the live
    report. Its report is dated `today`, the day it was closed, whenever it is reprinted.
    Refuses when any of the plans is already closed for that quarter.
    """
    now = datetime.now().astimezone()
    issued = today or now.date()
    today = history.as_of(quarter, issued)
    author = ws.author
    with ws.db.transaction() as s:
        plans = load_plans(s, plan_ids)
        already = [p for p in plans if _active(s, p.id, str(quarter)) is not None]
        if already:
            names = "、".join(f"《{p.title}》" for p in already)
            raise UserError(
                f"{quarter.label}{names}已经定稿，不能重复定稿。如需重新定稿，请先撤销定稿。"
            )
        conf = _report_settings(s)
        infos: list[SnapshotInfo] = []
        for plan in plans:
            payload = _payload(s, plan, quarter, today, issued, now, conf, author)
            revision = (
                s.scalar(
                    select(func.max(QuarterSnapshot.revision)).where(
                        QuarterSnapshot.plan_id == plan.id,
                        QuarterSnapshot.quarter == str(quarter),
                    )
                )
                or 0
            ) + 1
            snap = QuarterSnapshot(
                plan_id=plan.id,
                plan_title=plan.title,
                quarter=str(quarter),
                revision=revision,
                created_at=now,
                author=author,
                app_version=__version__,
                # as the report counts them: archived ones are listed, not counted
                measure_count=sum(1 for m in payload["measures"] if not m["archived"]),
                content_sha256=content_hash(payload),
                payload=payload,
            )
            s.add(snap)
            s.flush()
            audit.record(
                s,
                action="freeze",
                entity="quarter_snapshot",
                entity_id=snap.id,
                author=author,
                new={
                    "quarter": str(quarter),
                    "plan_id": plan.id,
                    "revision": revision,
                    "measures": snap.measure_count,
                    "sha256": snap.content_sha256,
                },
            )
            infos.append(_info(snap))
        return infos


def _report_settings(session: Session) -> dict[str, str]:
    values = {key: DEFAULTS.get(key, "") for key in REPORT_SETTINGS}
    for row in session.scalars(select(Setting).where(Setting.key.in_(REPORT_SETTINGS))):
        values[row.key] = row.value
    return values


def _payload(
    session: Session,
    plan: Plan,
    quarter: Quarter,
    today: date,
    issued: date,
    now: datetime,
    conf: dict[str, str],
    author: str,
) -> dict[str, Any]:
    q = str(quarter)
    measures = []
    for m in plan.measures:
        # As the live report of the quarter: a measure a later version removed is still part
        # of the quarters it reported in.
        if m.archived and not reported_in(m, quarter):
            continue
        status = history.status_on(m.status, m.status_changes, history.status_day(quarter, issued))
        prog = next((p for p in m.progress if p.quarter == q), None)
        measures.append(
            {
                "id": m.id,
                "path": list(m.path),
                "number": m.number,
                "title": m.title,
                "text": m.text,
                "sections": list(section_titles(session, m)),
                "lead_units": list(m.lead_units),
                "responsible_units": list(m.responsible_units),
                "deadline_text": m.deadline_text,
                "deadline": m.deadline.isoformat() if m.deadline else None,
                "long_term": bool(m.long_term),
                "recurring": m.recurring,
                "archived": bool(m.archived),
                "status": status.value,
                "overdue": history.overdue_on(m.deadline, status, today),
                "progress": prog.progress_text if prog else "",
                "problems": prog.problems if prog else "",
                "next_steps": prog.next_steps if prog else "",
                "progress_author": prog.author if prog else "",
                "progress_updated_at": prog.updated_at.isoformat() if prog else None,
                "evidence": [
                    {
                        "id": e.id,
                        "name": e.original_name,
                        "description": e.description,
                        "size": e.size,
                        "added_at": e.added_at.isoformat(),
                        "sha256": e.sha256,
                        "quarter": e.quarter,
                    }
                    for e in m.evidence
                    if e.quarter in (None, q)
                ],
            }
        )
    return {
        "format": PAYLOAD_FORMAT,
        "quarter": q,
        "frozen_at": now.isoformat(),
        "report_date": today.isoformat(),
        "issued_on": issued.isoformat(),
        "author": author,
        "app_version": __version__,
        "settings": dict(conf),
        "plan": {
            "id": plan.id,
            "title": plan.title,
            "doc_number": plan.doc_number,
            "issuer": plan.issuer,
            "version": plan.version,
        },
        "measures": measures,
    }


# -- undoing a freeze ----------------------------------------------------------------------------


def unfreeze_quarter(ws: Workspace, quarter: Quarter, plan_id: int, reason: str) -> SnapshotInfo:
    """Reopen a closed quarter of one plan; the snapshot stays, marked superseded, with the reason."""
    reason = reason.strip()
    if not reason:
        raise UserError("撤销定稿须写明原因。")
    author = ws.author
    with ws.db.transaction() as s:
        snap = _active(s, plan_id, str(quarter))
        if snap is None:
            raise UserError(f"编号为 {plan_id} 的计划{quarter.label}尚未定稿，无需撤销。")
        snap.superseded_at = utcnow()
        snap.superseded_by = author
        snap.superseded_reason = reason
        audit.record(
            s,
            action="unfreeze",
            entity="quarter_snapshot",
            entity_id=snap.id,
            author=author,
            old={"quarter": str(quarter), "plan_id": plan_id, "sha256": snap.content_sha256},
            new={"reason": reason},
        )
        s.flush()
        return _info(snap)


# -- reading -------------------------------------------------------------------------------------


def _info(snap: QuarterSnapshot) -> SnapshotInfo:
    return SnapshotInfo(
        id=snap.id,
        plan_id=snap.plan_id,
        plan_title=snap.plan_title,
        quarter=snap.quarter,
        revision=snap.revision,
        created_at=snap.created_at,
        author=snap.author,
        app_version=snap.app_version,
        measure_count=snap.measure_count,
        content_sha256=snap.content_sha256,
        superseded_at=snap.superseded_at,
        superseded_by=snap.superseded_by,
        superseded_reason=snap.superseded_reason,
    )


def list_snapshots(ws: Workspace, quarter: Quarter | None = None) -> list[SnapshotInfo]:
    """Every snapshot, superseded ones included, by quarter, plan and time (payloads not loaded)."""
    columns = [c for c in QuarterSnapshot.__table__.columns if c.key != "payload"]
    query = select(*columns).order_by(
        QuarterSnapshot.quarter, QuarterSnapshot.plan_id, QuarterSnapshot.id
    )
    if quarter is not None:
        query = query.where(QuarterSnapshot.quarter == str(quarter))
    with ws.db.session() as s:
        rows = s.execute(query).mappings().all()
    return [SnapshotInfo(**dict(row)) for row in rows]


def verify_snapshot(ws: Workspace, snapshot_id: int) -> bool:
    """True when the stored payload still hashes to the recorded content hash."""
    with ws.db.session() as s:
        snap = s.get(QuarterSnapshot, snapshot_id)
        if snap is None:
            raise UserError(f"找不到编号为 {snapshot_id} 的定稿记录。")
        return content_hash(snap.payload) == snap.content_sha256


def _load_frozen(
    ws: Workspace, quarter: Quarter, plan_ids: Sequence[int] | None
) -> list[tuple[int, str, dict[str, Any]]]:
    """(snapshot id, content hash, payload) of the active snapshots, in plan order, each checked
    against its hash; UserError for a plan asked for that is not closed, or a tampered payload."""
    with ws.db.session() as s:
        query = (
            select(QuarterSnapshot)
            .where(
                QuarterSnapshot.quarter == str(quarter),
                QuarterSnapshot.superseded_at.is_(None),
            )
            .order_by(QuarterSnapshot.plan_id, QuarterSnapshot.id)
        )
        if plan_ids:
            query = query.where(QuarterSnapshot.plan_id.in_(list(plan_ids)))
        snaps = s.scalars(query).all()
        if plan_ids:
            missing = sorted(set(plan_ids) - {sn.plan_id for sn in snaps})
            if missing:
                raise UserError(
                    f"编号为 {'、'.join(map(str, missing))} 的计划{quarter.label}尚未定稿。"
                )
        if not snaps:
            raise UserError(f"{quarter.label}尚未定稿。")
        found = [(sn.id, sn.content_sha256, sn.payload) for sn in snaps]
    for snap_id, digest, payload in found:
        if content_hash(payload) != digest:
            raise UserError(
                f"定稿记录 #{snap_id} 的内容与其摘要不符，可能已被改动。请从备份恢复数据库。"
            )
    return found


def combined_version(quarter: Quarter | str, snaps: Sequence[tuple[int, str]]) -> str:
    """What a report footer shows for these (snapshot id, content hash) pairs, in plan order:
    the snapshot's own hash for one, a hash over their hashes for several."""
    if len(snaps) == 1:
        return f"定稿 {quarter} #{snaps[0][0]} · {snaps[0][1][:12]}"
    combined = hashlib.sha256("".join(d for _, d in snaps).encode("ascii")).hexdigest()
    return f"定稿 {quarter} " + "+".join(f"#{i}" for i, _ in snaps) + f" · {combined[:12]}"


def frozen_report_plans(
    ws: Workspace,
    quarter: Quarter,
    plan_ids: Sequence[int],
    only: ReportFilter | None = None,
) -> list[ReportPlan]:
    """The given closed plans as a report shows them, from their snapshots alone."""
    return [
        _report_plan(payload, only, snap_id)
        for snap_id, _, payload in _load_frozen(ws, quarter, plan_ids)
    ]


def snapshot_report_data(
    ws: Workspace,
    quarter: Quarter,
    plan_ids: Sequence[int] | None = None,
    only: ReportFilter | None = None,
) -> QuarterReportData:
    """The quarterly report of a closed quarter, built from the snapshots alone.

    Plans come in plan order; the header (unit, officer, title template) and the dates come from
    the first snapshot. Without `plan_ids`, every active snapshot of the quarter is used.
    """
    found = _load_frozen(ws, quarter, plan_ids)
    first = found[0][2]
    conf = first["settings"]
    plans = tuple(_report_plan(payload, only, snap_id) for snap_id, _, payload in found)
    title = report_title(
        conf["report_title_template"], conf["unit_name"], [p.title for p in plans], quarter.label
    )
    return QuarterReportData(
        quarter=str(quarter),
        quarter_label=quarter.label,
        title=title,
        unit_name=conf["unit_name"],
        officer=conf["officer"],
        reviewer=conf["reviewer"],
        phone=conf["phone"],
        plans=plans,
        generated_at=datetime.fromisoformat(first["frozen_at"]),
        data_version=combined_version(quarter, [(i, d) for i, d, _ in found]),
        report_date=date.fromisoformat(first.get("issued_on") or first["report_date"]),
        addressee=conf.get("report_addressee", ""),
        filter_description=filter_description(only, plans) if only is not None else "",
        figures_as_of=date.fromisoformat(first["report_date"]),
    )


def combined_versions(ws: Workspace, quarter: Quarter | None = None) -> list[tuple[str, str]]:
    """(quarter, footer version) of each quarter with several active snapshots: the combined
    hash an all-plans report of that quarter prints, so a paper copy can be traced back."""
    out = []
    by_quarter: dict[str, list[SnapshotInfo]] = {}
    for info in list_snapshots(ws, quarter):
        if info.active:
            by_quarter.setdefault(info.quarter, []).append(info)
    for q, infos in sorted(by_quarter.items()):
        if len(infos) > 1:
            infos.sort(key=lambda i: (i.plan_id or 0, i.id))
            out.append((q, combined_version(q, [(i.id, i.content_sha256) for i in infos])))
    return out


def _accepts(only: ReportFilter | None, plan_id: int, m: dict[str, Any]) -> bool:
    """ReportFilter.accepts, applied to a snapshot measure instead of a database row."""
    if only is None:
        return True
    if only.statuses and Status(m["status"]) not in only.statuses:
        return False
    if only.units and not only.units & {*m["lead_units"], *m["responsible_units"]}:
        return False
    return only.in_sections(plan_id, m["path"])


def _report_plan(payload: dict[str, Any], only: ReportFilter | None, snap_id: int) -> ReportPlan:
    plan = payload["plan"]
    rows = []
    for m in payload["measures"]:
        if not _accepts(only, plan["id"], m):
            continue
        status = Status(m["status"])
        rows.append(
            ReportMeasure(
                sections=tuple(m["sections"]),
                number=m["number"],
                title=m["title"],
                text=m["text"],
                lead_units=tuple(m["lead_units"]),
                responsible_units=tuple(m["responsible_units"]),
                deadline_text=m["deadline_text"],
                deadline=date.fromisoformat(m["deadline"]) if m["deadline"] else None,
                long_term=m["long_term"],
                status=status.value,
                status_label=status.label,
                overdue=m["overdue"],
                progress=m["progress"],
                problems=m["problems"],
                next_steps=m["next_steps"],
                evidence=tuple(
                    ReportEvidence(
                        e["name"],
                        e["description"],
                        e["size"],
                        datetime.fromisoformat(e["added_at"]),
                        e["sha256"],
                    )
                    for e in m["evidence"]
                ),
                measure_id=m["id"],
                section_path=tuple(m["path"][:-1]),
                recurring=m.get("recurring"),  # not in snapshots frozen before schema 0004
                archived=bool(m.get("archived", False)),  # format 1 left them out
            )
        )
    return ReportPlan(
        plan["title"],
        plan["doc_number"],
        plan["issuer"],
        plan["version"],
        tuple(rows),
        plan_id=plan["id"],
        frozen_id=snap_id,
    )
