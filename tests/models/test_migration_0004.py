"""Migration 0004: measures get a start date and a schedule, for older measures from their text."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from alembic import command
from openpyxl import Workbook
from sqlalchemy import select, text

from desktop.models import Database, Measure
from desktop.models.database import alembic_config, current_revision, head_revision
from desktop.parsing.matching import MatchKind
from desktop.services import importing, updating
from desktop.services.workspace import Workspace

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema"


def test_0003_database_upgrades_with_schedules_from_its_text_and_downgrades_keeping_remarks(
    tmp_path: Path,
) -> None:
    db_file = tmp_path / "ledger.sqlite3"
    shutil.copyfile(SCHEMA / "0003.sqlite3", db_file)
    db = Database.open_file(db_file)
    try:
        assert current_revision(db.engine) == head_revision()
        with db.session() as s:
            measures = {m.number: (m.start_date, m.recurring) for m in s.scalars(select(Measure))}
        # The two measures whose text names a start ('2023年1月1日起') or a schedule
        # ('完成时限：每季度') have them now; the twelve others name neither.
        assert len(measures) == 14
        assert measures.pop("（一）") == (date(2023, 1, 1), None)
        assert measures.pop("（二）") == (None, "每季度")
        assert set(measures.values()) == {(None, None)}
        with db.transaction() as s:
            m = s.scalars(select(Measure).where(Measure.number == "1")).one()
            m.start_date, m.recurring = date(2023, 2, 1), "每月"
        with db.session() as s:
            m = s.scalars(select(Measure).where(Measure.number == "1")).one()
            assert (m.start_date, m.recurring) == (date(2023, 2, 1), "每月")
        with db.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")
        with db.engine.connect() as conn:
            columns = {row[1] for row in conn.execute(text("PRAGMA table_info(measure)"))}
            remark = conn.execute(
                text("SELECT remarks FROM measure WHERE number = '（一）'")
            ).scalar_one()
        assert not {"start_date", "recurring"} & columns and "remarks" in columns
        assert remark == "省政府督查室重点督办事项"
    finally:
        db.close()


# A plan imported before schema 0004 and updated after it: its measures were stored without a
# start or schedule. Three sources, one per import path: a document, a task table pasted into a
# notice, and an Excel task list.
DOCUMENT = """某县人民政府办公室关于印发优化营商环境重点任务的通知
某政办发〔2023〕5号
一、深化简政放权
（一）精简行政许可事项。2023年1月1日起至6月底前完成事项清单编制。（县司法局牵头）
（二）建立跨部门综合监管事项清单，每季度开展一次联合抽查。（县市场监管局牵头）
（三）深化投资审批制度改革。（牵头单位：县发改局；完成时限：每月）
（四）9月起推行工程建设项目审批告知承诺制，年底前完成。（县住建局牵头）
（五）建成政务服务大厅，2023年10月底前投入使用。（县政务服务中心牵头）
某县人民政府办公室
2023年2月10日
"""
PASTED = """某县人民政府办公室关于印发重点任务分工表的通知
某政办发〔2023〕6号
序号\t重点任务\t牵头单位\t完成时限
1\t全面推行证明事项告知承诺制\t县司法局\t2023年3月1日起至年底
2\t开展政务服务质量评估，每季度通报一次\t县政务服务中心\t2023年底前
3\t调度重点项目审批进展\t县发改局\t每季度
4\t新签约亿元以上项目20个\t县商务局\t6月底前
"""
SHEET = [
    ["序号", "重点任务", "牵头单位", "完成时限"],
    [1, "推行企业开办一网通办", "县行政审批局", "2023年1月1日起至6月底前"],
    [2, "调度重点项目审批进展", "县发改局", "每季度"],
    [3, "开展营商环境专项整治", "县纪委监委", "9月1日起至12月底前"],
    [4, "开展政务服务质量评估，每季度通报一次", "县政务服务中心", "2023年底前"],
    [5, "争取专项债券资金5亿元", "县财政局", date(2023, 10, 31)],
]


def _workbook(path: Path, creator: str) -> Path:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "重点任务"
    sheet.append(["XX县2023年重点任务台账"])
    sheet.merge_cells("A1:D1")
    for row in SHEET:
        sheet.append(row)
    wb.properties.creator = creator  # another file (another SHA-256), the same rows
    wb.save(path)
    return path


def _schedules(ws: Workspace) -> dict[tuple[str, str], tuple[date | None, str | None]]:
    with ws.db.session() as s:
        return {
            (m.plan.title, m.number): (m.start_date, m.recurring)
            for m in s.scalars(select(Measure).where(Measure.plan_id > 2))
        }


def test_measures_imported_before_0004_get_the_schedule_a_fresh_import_stores(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(SCHEMA / "0003.sqlite3", data / "ledger.sqlite3")
    sources = tmp_path / "v1"
    sources.mkdir()
    (sources / "通知.txt").write_text(DOCUMENT, encoding="utf-8")
    (sources / "分工表.txt").write_text(PASTED, encoding="utf-8")
    _workbook(sources / "台账.xlsx", "县政府办")

    # What the current import stores for these sources ...
    ws = Workspace.open(data)
    try:
        plan_ids = [importing.import_file(ws, p).plan_ids[0] for p in sorted(sources.iterdir())]
        fresh = _schedules(ws)
        # ... is then forgotten, as by a database whose measures were imported before 0004.
        with ws.db.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")
    finally:
        ws.close()
    assert len(fresh) == 14
    assert sum(1 for start, _ in fresh.values() if start) >= 5
    assert sum(1 for _, schedule in fresh.values() if schedule) >= 5

    ws = Workspace.open(data)  # upgrades 0003 -> head, deriving what was forgotten
    try:
        assert _schedules(ws) == fresh
        # The same texts in other files: every measure is unchanged, none lists a start or a
        # schedule as new.
        v2 = tmp_path / "v2"
        v2.mkdir()
        (v2 / "通知.txt").write_bytes(DOCUMENT.encode("gb18030"))
        (v2 / "分工表.txt").write_bytes(PASTED.encode("gb18030"))
        _workbook(v2 / "台账.xlsx", "县发改局")
        for plan_id, source in zip(plan_ids, sorted(v2.iterdir()), strict=True):
            proposal = updating.propose_update(ws, plan_id, source)
            kinds = {m.kind for m in proposal.result.matches}
            assert kinds == {MatchKind.UNCHANGED}, [
                (m.new.number if m.new else None, m.changes) for m in proposal.result.matches
            ]
    finally:
        ws.close()
