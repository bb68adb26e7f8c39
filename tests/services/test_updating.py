"""A new version of a plan: changed, added, removed and reordered measures, nothing lost."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain import Quarter, Status
from desktop.models import AuditLog, Evidence, Measure, Plan
from desktop.parsing.matching import MatchKind
from desktop.services import evidence, importing, ledger, progress, updating
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from tests.conftest import SAMPLE_43

Q = Quarter(2023, 2)


CN = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
]
MEASURE_LINE = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")


def make_v2(tmp_path: Path) -> Path:
    """The province's revision: one measure reworded, one removed, two swapped, one added, and
    the numbers redone in order as a real revision would."""
    lines = SAMPLE_43.read_text(encoding="utf-8").split("\n")
    slots = [i for i, line in enumerate(lines) if MEASURE_LINE.match(line)]
    bodies = [MEASURE_LINE.match(lines[i]).group(2) for i in slots]  # type: ignore[union-attr]
    assert "争取年底前完成公益性岗位补贴" in bodies[2]
    bodies[2] = bodies[2].replace("争取年底前完成公益性岗位补贴", "争取9月底前完成公益性岗位补贴")
    bodies[14], bodies[15] = bodies[15], bodies[14]  # （十五） and （十六） change places
    del bodies[11]  # （十二）改善消费体验 is dropped
    bodies.insert(
        20,
        "推进数字政府建设。年底前建成全省一体化政务大数据体系，推动数据共享。"
        "（省政府办公厅、省大数据中心牵头，各地各有关部门按职责分工负责）",
    )
    assert len(bodies) == len(slots)  # one out, one in: the same lines, renumbered in order
    for n, (slot, body) in enumerate(zip(slots, bodies, strict=True)):
        lines[slot] = f"（{CN[n]}）{body}"
    out = tmp_path / "方案（修订版）.txt"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def by_title(ws: Workspace, plan_id: int) -> dict[str, int]:
    return {r.title: r.id for r in ledger.list_measures(ws.db, plan_id, Q)}


def test_update_carries_progress_and_evidence_and_archives_removed(
    ws: Workspace, tmp_path: Path
) -> None:
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    ids = by_title(ws, plan_id)
    keep = ids["优化就业服务"]
    moved = ids["创新养老服务"]
    removed = ids["改善消费体验"]
    progress.set_status(ws, keep, Status.IN_PROGRESS)
    progress.save_progress(ws, keep, Q, progress_text="系统已上线", problems="", next_steps="")
    proof = tmp_path / "截图.png"
    proof.write_bytes(b"\x89PNG fake")
    evidence.attach(ws, moved, proof, quarter=Q)
    progress.save_progress(ws, removed, Q, progress_text="已开展调研", problems="", next_steps="")

    proposal = updating.propose_update(ws, plan_id, make_v2(tmp_path))
    counts = proposal.counts()
    assert counts[MatchKind.CHANGED] == 1
    assert counts[MatchKind.ADDED] == 1
    assert counts[MatchKind.REMOVED] == 1
    assert counts[MatchKind.MOVED] >= 1
    changed = proposal.result.changed[0]
    assert changed.old is not None and changed.old.key == keep
    assert ("insert", "9月底") in [(op, t) for op, t in changed.diff] or any(
        op == "insert" and "9月" in t for op, t in changed.diff
    )
    # Nothing is written by the proposal.
    with ws.db.session() as s:
        assert s.get(Plan, plan_id).version == 1  # type: ignore[union-attr]

    outcome = updating.apply_update(ws, proposal)
    assert (outcome.version, outcome.added, outcome.archived) == (2, 1, 1)
    detail = ledger.measure_detail(ws.db, keep, Q)
    assert detail.row.status is Status.IN_PROGRESS
    assert detail.progress["2023Q2"].progress_text == "系统已上线"
    assert "9月底前" in detail.text
    assert "9月底前" in (detail.row.deadline_text or "")
    assert [e.original_name for e in ledger.measure_detail(ws.db, moved, Q).evidence] == [
        "截图.png"
    ]
    titles = [r.title for r in ledger.list_measures(ws.db, plan_id, Q)]
    assert "推进数字政府建设" in titles and "改善消费体验" not in titles
    assert titles.index("提高社会救助效率") < titles.index("创新养老服务")
    with ws.db.session() as s:
        gone = s.get(Measure, removed)
        assert gone is not None and gone.archived
        assert gone.progress[0].progress_text == "已开展调研"
        assert s.scalar(select(Evidence).where(Evidence.measure_id == moved)) is not None
        actions = {
            a.action for a in s.scalars(select(AuditLog).where(AuditLog.entity == "measure"))
        }
        assert {"update", "add", "archive"} <= actions


def test_officer_corrections_override_the_automatic_match(ws: Workspace, tmp_path: Path) -> None:
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    ids = by_title(ws, plan_id)
    proposal = updating.propose_update(ws, plan_id, make_v2(tmp_path))
    new_index = next(m.new.key for m in proposal.result.added if m.new)
    # The officer says the new measure continues 改善消费体验.
    updating.apply_update(ws, proposal, {new_index: ids["改善消费体验"]})
    titles = by_title(ws, plan_id)
    assert titles["推进数字政府建设"] == ids["改善消费体验"]


def test_same_file_twice_and_conflicting_corrections_are_refused(
    ws: Workspace, tmp_path: Path
) -> None:
    plan_id = importing.import_file(ws, SAMPLE_43).plan_ids[0]
    with pytest.raises(UserError, match="已经导入过"):
        updating.propose_update(ws, plan_id, SAMPLE_43)
    proposal = updating.propose_update(ws, plan_id, make_v2(tmp_path))
    first_old = next(m.old.key for m in proposal.result.unchanged if m.old)
    with pytest.raises(UserError, match="同一条原有措施"):
        updating.apply_update(ws, proposal, {0: first_old, 1: first_old})
    with ws.db.session() as s:
        assert s.get(Plan, plan_id).version == 1  # type: ignore[union-attr]


PLAN_TEXT = (
    "关于推动“放管服”改革向纵深发展的实施方案\n"
    "一、深化简政放权\n"
    "（一）持续精简行政许可事项。{start}起全面实行行政许可事项清单管理，"
    "6月底前完成清单编制。（牵头单位：省政府办公厅）\n"
    "（二）深化投资审批制度改革。（牵头单位：省发展改革委；完成时限：{schedule}）\n"
    "（三）推进工程建设项目审批改革，年底前完成。（牵头单位：省住建厅）\n"
)


def test_a_new_start_date_or_schedule_shows_in_the_diff_and_is_stored(
    ws: Workspace, tmp_path: Path
) -> None:
    v1 = tmp_path / "方案.txt"
    v1.write_text(PLAN_TEXT.format(start="2023年1月1日", schedule="每季度"), encoding="utf-8")
    plan_id = importing.import_file(ws, v1).plan_ids[0]
    v2 = tmp_path / "方案（修订版）.txt"
    v2.write_text(PLAN_TEXT.format(start="2023年3月1日", schedule="每月"), encoding="utf-8")

    proposal = updating.propose_update(ws, plan_id, v2)
    # The wording changes too, of course; the start is listed as a fact of its own, the
    # schedule once, as the 完成时限 written in the text (not again as 完成频次).
    changes = {
        m.new.number: [(c.field, c.old, c.new) for c in m.changes if c.field != "text"]
        for m in proposal.result.changed
        if m.new
    }
    assert changes == {
        "（一）": [("start", "2023年1月1日起", "2023年3月1日起")],
        "（二）": [("deadline", "每季度", "每月")],
    }
    assert [m.new.number for m in proposal.result.unchanged if m.new] == ["（三）"]

    updating.apply_update(ws, proposal)
    with ws.db.session() as s:
        stored = {
            m.number: (m.start_date, m.recurring)
            for m in s.scalars(select(Measure).where(Measure.plan_id == plan_id))
        }
        assert stored == {
            "（一）": (date(2023, 3, 1), None),
            "（二）": (None, "每月"),
            "（三）": (None, None),
        }
        logged = {
            a.entity_id: (a.old_value, a.new_value)
            for a in s.scalars(
                select(AuditLog).where(AuditLog.entity == "measure", AuditLog.action == "update")
            )
        }
    [(old, new)] = [entry for entry in logged.values() if "start_date" in entry[0]]
    assert (old["start_date"], new["start_date"]) == ("2023-01-01", "2023-03-01")
    [(old, new)] = [entry for entry in logged.values() if "recurring" in entry[0]]
    assert (old["recurring"], new["recurring"]) == ("每季度", "每月")
