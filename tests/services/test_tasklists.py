"""Excel task lists through the services: the mapping an import uses, and what it stores."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.models import Measure, Progress
from desktop.services import importing, tasklists
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace


def _book(path: Path, header: list[str], rows: list[list[object]], title: str = "") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务"
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_progress_and_remarks_of_an_imported_list_are_stored(ws: Workspace, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "推进表.xlsx",
        ["序号", "重点任务", "牵头县领导", "牵头单位", "完成时限", "进展情况", "备注"],
        [[1, "任务甲", "王副县长", "县发改局", "2023年6月底前", "已完成招标", "省考事项"]],
        "XX县2023年第二季度重点任务推进表",
    )
    choice = tasklists.choose_mappings(ws.db, path)
    assert choice.mappings["任务"].progress_quarter == "2023Q2"
    outcome = importing.import_preview(ws, importing.preview_file(path, choice.mappings))
    with ws.db.session() as s:
        m = s.scalars(select(Measure).where(Measure.plan_id == outcome.plan_ids[0])).one()
        assert m.lead_units == ["县发改局"]
        assert m.remarks == "省考事项；牵头县领导：王副县长"
        [p] = s.scalars(select(Progress).where(Progress.measure_id == m.id)).all()
        assert (p.quarter, p.progress_text, p.author) == ("2023Q2", "已完成招标", "测试员")


def test_schedule_and_start_of_a_deadline_cell_are_stored(ws: Workspace, tmp_path: Path) -> None:
    path = _book(
        tmp_path / "推进表.xlsx",
        ["序号", "重点任务", "牵头单位", "完成时限"],
        [
            [1, "报送项目审批进展", "县发改局", "每季度"],
            [2, "开展营商环境监测", "县市场监管局", "2023年3月起每月"],
            [3, "编制事项清单", "县政务服务中心", "2023年6月底前"],
        ],
        "XX县2023年重点任务分解表",
    )
    outcome = importing.import_file(ws, path)
    with ws.db.session() as s:
        stored = {
            m.title: (m.recurring, m.start_date, m.deadline_text)
            for m in s.scalars(select(Measure).where(Measure.plan_id == outcome.plan_ids[0]))
        }
    assert stored == {
        "报送项目审批进展": ("每季度", None, "每季度"),
        "开展营商环境监测": ("每月", date(2023, 3, 1), "2023年3月起每月"),
        "编制事项清单": (None, None, "2023年6月底前"),
    }


def test_choose_mappings_header_row_columns_and_clear_refusals(
    ws: Workspace, tmp_path: Path
) -> None:
    path = _book(
        tmp_path / "odd.xlsx",
        ["项", "内容", "谁办", "何时"],
        [[1, "甲事项", "督查科", "2023年9月"]],
    )
    with pytest.raises(UserError, match="--header-row"):
        tasklists.choose_mappings(ws.db, path)
    with pytest.raises(UserError, match="--header-row"):
        tasklists.choose_mappings(ws.db, path, sheets=["任务"])
    with pytest.raises(UserError, match="没有工作表“要点”"):
        tasklists.choose_mappings(ws.db, path, sheets=["要点"])
    with pytest.raises(UserError, match="任务内容所在的列"):
        tasklists.choose_mappings(ws.db, path, header_row=1)
    choice = tasklists.choose_mappings(
        ws.db, path, header_row=1, columns=["title=B", "responsible_units=C", "deadline=4"]
    )
    m = choice.mappings["任务"]
    assert m.columns == {"title": 2, "responsible_units": 3, "deadline": 4}
    assert "  重点任务 ← B 列 内容" in tasklists.describe(choice)
    # Confirmed once, the same layout is recognised by itself next time.
    tasklists.remember(ws.db, choice.mappings, ws.author)
    again = tasklists.choose_mappings(ws.db, path)
    assert again.remembered == ["任务"]
    assert again.mappings["任务"].columns == m.columns
    with pytest.raises(UserError, match="写法不正确"):
        tasklists.choose_mappings(ws.db, path, header_row=1, columns=["title=第二列"])
