"""Check every evidence file against its SHA-256 and the database's integrity; list what is wrong."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy import select

from desktop.domain import Cancelled, ProgressCallback
from desktop.models import Evidence, Measure, Plan
from desktop.services.workspace import Workspace
from desktop.storage import backup as archive
from desktop.storage.evidence_store import sha256_of


@dataclass(frozen=True)
class EvidenceProblem:
    """One stored file that is missing or whose content no longer matches its hash."""

    sha256: str
    state: str  # "missing" or "changed"
    evidence_ids: tuple[int, ...]
    names: tuple[str, ...]  # original file names of the records that use it
    measures: tuple[str, ...]  # "plan title / number title" of those records

    @property
    def state_label(self) -> str:
        return "缺失" if self.state == "missing" else "内容已改变"


@dataclass
class VerifyReport:
    records: int = 0
    files: int = 0
    bytes_checked: int = 0
    problems: list[EvidenceProblem] = field(default_factory=list)
    unreferenced: int = 0  # files in the store no record uses (kept for older backups)
    database: str = "ok"

    @property
    def ok(self) -> bool:
        return not self.problems and self.database == "ok"

    @property
    def missing(self) -> list[EvidenceProblem]:
        return [p for p in self.problems if p.state == "missing"]

    @property
    def changed(self) -> list[EvidenceProblem]:
        return [p for p in self.problems if p.state == "changed"]

    def lines(self) -> list[str]:
        out = [
            f"已校验 {self.records} 条佐证材料记录、{self.files} 个文件"
            f"（{self.bytes_checked / 1024 / 1024:.1f} MB）。"
        ]
        if self.database != "ok":
            out.append(f"数据库完整性检查未通过：{self.database}。请从备份恢复。")
        if not self.problems:
            out.append("全部佐证材料完好。")
        else:
            out.append(
                f"发现问题：缺失 {len(self.missing)} 个文件，内容改变 {len(self.changed)} 个文件。"
                "可从备份恢复（恢复会补回缺失或损坏的文件）。"
            )
            for p in self.problems:
                for name, measure in zip(p.names, p.measures, strict=True):
                    out.append(f"  [{p.state_label}] {name}（{measure}）")
        if self.unreferenced:
            out.append(f"另有 {self.unreferenced} 个文件不再被任何记录使用（已保留，无需处理）。")
        return out


def verify_evidence(ws: Workspace, progress: ProgressCallback | None = None) -> VerifyReport:
    """Hash every referenced file (reading it once) and run SQLite's integrity check."""
    report = VerifyReport()
    with ws.db.session() as s:
        rows = s.execute(
            select(Evidence.id, Evidence.sha256, Evidence.original_name, Measure, Plan.title)
            .join(Measure, Evidence.measure_id == Measure.id)
            .join(Plan, Measure.plan_id == Plan.id)
            .order_by(Evidence.id)
        ).all()
        report.database = _integrity(ws)
    by_hash: dict[str, list[tuple[int, str, str]]] = {}
    for ev_id, sha, name, measure, plan_title in rows:
        where = f"{plan_title} / {measure.number} {measure.title}".strip()
        by_hash.setdefault(sha, []).append((ev_id, name, where))
    report.records = len(rows)
    sizes = {sha: _size(ws, sha) for sha in by_hash}
    total = max(sum(sizes.values()), 1)
    done = 0
    last = 0.0
    for sha, uses in by_hash.items():
        path = ws.store.path_for(sha)
        state = "ok"
        if not path.is_file():
            state = "missing"
        else:
            if sha256_of(path) != sha:
                state = "changed"
            report.bytes_checked += sizes[sha]
        report.files += 1
        done += sizes[sha]
        if state != "ok":
            report.problems.append(
                EvidenceProblem(
                    sha,
                    state,
                    tuple(u[0] for u in uses),
                    tuple(u[1] for u in uses),
                    tuple(u[2] for u in uses),
                )
            )
        now = time.monotonic()
        if progress is not None and now - last > 0.1:
            last = now
            if not progress(done, total):
                raise Cancelled()
    stored = {p.name for p in archive.store_files(ws.paths.evidence)}
    report.unreferenced = len(stored - set(by_hash))
    return report


def _size(ws: Workspace, sha: str) -> int:
    try:
        return ws.store.path_for(sha).stat().st_size
    except OSError:
        return 0


def _integrity(ws: Workspace) -> str:
    with ws.db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
    text = "; ".join(str(r[0]) for r in rows)
    return "ok" if text == "ok" else text
