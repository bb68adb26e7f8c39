"""The command line with Excel task lists: parse, update with column options, versions, archived."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.services.test_updating_excel import ROWS, _book


def test_parse_prints_a_task_list_as_the_json_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _book(tmp_path / "台账.xlsx", "XX县2023年重点任务台账", ROWS)
    code, out, err = run(capsys, "parse", str(path), "--json")
    assert code == 0, err
    [doc] = json.loads(out)["documents"]
    assert doc["title"] == "XX县2023年重点任务台账"
    assert [m["number"] for m in doc["measures"]] == ["1", "2", "3", "4"]
    assert doc["measures"][1]["deadline"] == "2023-09-30"


def test_update_from_excel_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "d")
    v1 = _book(tmp_path / "台账.xlsx", "XX县2023年重点任务台账", ROWS)
    # '承担单位' is not a known name: the officer says it is the lead column; it is remembered.
    code, out, err = run(capsys, "--data-dir", data, "import", str(v1), "--column", "lead_units=C")
    assert code == 0, err
    assert "牵头单位 ← C 列 承担单位" in out and "已记住" in out
    rows = [list(r) for r in ROWS]
    rows[1][2], rows[1][4] = "县政务服务中心", "2023年12月底前"
    del rows[4]
    v2 = _book(tmp_path / "台账（修订）.xlsx", "XX县2023年重点任务台账", rows)
    code, out, err = run(capsys, "--data-dir", data, "update", str(v2), "--plan", "1")
    assert code == 0, err
    assert "牵头单位 ← C 列 承担单位（" not in out  # no override needed: remembered
    assert "沿用上次确认的设置" in out
    assert "[修改] 1 推行企业开办一网通办 → 1 推行企业开办一网通办" in out
    assert "牵头单位：县行政审批局 → 县政务服务中心" in out
    assert "完成时限：长期坚持 → 2023年12月底前" in out
    assert "[删除] 3 新签约亿元以上项目20个" in out and "未写入" in out
    code, out, err = run(capsys, "--data-dir", data, "update", str(v2), "--plan", "1", "--yes")
    assert code == 0 and "已更新为第 2 版：保留 3 项，新增 0 项，归档 1 项" in out, err
    code, out, _ = run(capsys, "--data-dir", data, "versions", "--plan", "1")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("第 1 版") and lines[0].endswith("台账.xlsx")
    assert "保留 3，新增 0，归档 1" in lines[1] and lines[1].endswith("当前")
    code, out, _ = run(capsys, "--data-dir", data, "archived", "--plan", "1")
    assert code == 0
    assert "3 新签约亿元以上项目20个" in out and "二、扩大有效投资" in out
    assert "第 1 版后删除" in out
