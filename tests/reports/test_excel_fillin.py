"""Fill-in workbooks: export for one unit, a department's edits read back, diff and tampering."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.readers import ReadError
from desktop.reports.data import QuarterReportData
from desktop.reports.excel_fillin import (
    BASE_SHEET,
    FILLIN_COLUMNS,
    HEADER_ROW,
    META_SHEET,
    SHEET,
    FillinRow,
    diff_fillin,
    export_fillin,
    read_fillin,
)
from desktop.reports.excel_ledger import export_ledger
from tests.reports.test_excel_ledger import measure, report

UNIT = "县发改局"
ID_COL = len(FILLIN_COLUMNS)
STATUS_COL = 9
PROGRESS_COL = 10
PROBLEMS_COL = 11
NEXT_COL = 12


def _data() -> QuarterReportData:
    return report(
        measure(11, lead_units=("县发改局",), progress="已完成选址", status="in_progress"),
        measure(12, lead_units=("县财政局",), responsible_units=("县 发改局",), progress=""),
        measure(13, lead_units=("县税务局",), responsible_units=("县财政局",)),
        measure(
            14,
            lead_units=("县发改局",),
            progress="=1+1 不是公式",
            status="not_started",
            status_label="未启动",
        ),
    )


def test_export_structure(tmp_path: Path) -> None:
    out = tmp_path / "县发改局.xlsx"
    assert export_fillin(_data(), UNIT, out) == 3
    wb = load_workbook(out)
    assert wb.sheetnames[0] == SHEET
    assert wb[META_SHEET].sheet_state == "veryHidden"
    assert wb[BASE_SHEET].sheet_state == "veryHidden"
    ws = wb[SHEET]
    assert ws.protection.sheet
    assert ws.column_dimensions["M"].hidden
    ids = [ws.cell(row=r, column=ID_COL).value for r in range(HEADER_ROW + 1, HEADER_ROW + 4)]
    assert ids == [11, 12, 14]
    roles = [ws.cell(row=r, column=8).value for r in range(HEADER_ROW + 1, HEADER_ROW + 4)]
    assert roles == ["牵头", "配合", "牵头"]
    task = ws.cell(row=HEADER_ROW + 1, column=4)
    progress = ws.cell(row=HEADER_ROW + 1, column=PROGRESS_COL)
    assert task.protection.locked and not progress.protection.locked
    assert not ws.cell(row=HEADER_ROW + 1, column=STATUS_COL).protection.locked
    assert ws.cell(row=HEADER_ROW + 1, column=STATUS_COL).value == "推进中"
    dvs = ws.data_validations.dataValidation
    assert len(dvs) == 1 and dvs[0].type == "list"
    assert dvs[0].formula1 == '"未启动,推进中,已完成,暂缓"'
    assert "I4:I6" in str(dvs[0].sqref)
    # formula-like text is exported as text
    cell = ws.cell(row=HEADER_ROW + 3, column=PROGRESS_COL)
    assert cell.value == "=1+1 不是公式" and cell.data_type == "s"
    assert ws.print_title_rows.replace("$", "") == "3:3"


def _department_fills(path: Path) -> None:
    """What a department does in Excel: fill the white cells, save."""
    wb = load_workbook(path)
    ws = wb[SHEET]
    r11, r12 = HEADER_ROW + 1, HEADER_ROW + 2
    ws.cell(row=r11, column=STATUS_COL).value = "已完成"
    ws.cell(row=r11, column=PROGRESS_COL).value = "项目已开工，完成投资3000万元"
    ws.cell(row=r12, column=PROGRESS_COL).value = "已拨付资金500万元"
    ws.cell(row=r12, column=NEXT_COL).value = 0.5  # a number typed into a text cell
    # r14 left as exported
    wb.save(path)


def test_round_trip_with_a_conflict(tmp_path: Path) -> None:
    out = tmp_path / "fill.xlsx"
    export_fillin(_data(), UNIT, out)
    _department_fills(out)
    back = read_fillin(out)
    assert back.quarter == "2023Q2" and back.unit == UNIT
    assert back.plan_versions == {"XX县2023年优化营商环境重点任务": 2}
    rows = {r.measure_id: r for r in back.rows}
    assert rows[11].status == "done"
    assert rows[11].progress == "项目已开工，完成投资3000万元"
    assert rows[11].base == ("in_progress", "已完成选址", "", "继续推进")
    assert rows[12].next_steps == "0.5"
    assert rows[14].progress == "=1+1 不是公式"
    assert not back.warnings

    # Meanwhile the officer wrote progress for 11 and 12 in the application.
    current = {
        11: ("in_progress", "已完成选址，正在办理施工许可", "", "继续推进"),
        12: ("in_progress", "", "", "继续推进"),
        14: ("in_progress", "=1+1 不是公式", "", "继续推进"),
    }
    diff = diff_fillin(back.rows, current)
    conflicts = {(c.measure_id, c.field) for c in diff.conflicts}
    changes = {(c.measure_id, c.field): c.incoming for c in diff.changes}
    # both sides rewrote 11's progress: a person must choose
    assert conflicts == {(11, "progress")}
    # 11's status changed only in the workbook
    assert changes[(11, "status")] == "done"
    # stored text empty: the answer is simply new
    assert changes[(12, "progress")] == "已拨付资金500万元"
    # 12's 下步打算: stored '继续推进' equals the exported base, so the department's answer wins
    assert changes[(12, "next_steps")] == "0.5"
    # 14: the department left the exported status; the officer changed it since: keep stored
    assert 14 in diff.unchanged
    assert diff.changed_ids == [11, 12]


def test_diff_without_base_flags_every_disagreement() -> None:
    rows = [
        FillinRow(1, "done", "甲", "", "", base=None),
        FillinRow(2, None, "", "", "", base=None),
        FillinRow(3, "done", "乙", "", "", base=None),
    ]
    current = {1: ("in_progress", "丙", "问题", ""), 2: ("in_progress", "丁", "", "")}
    diff = diff_fillin(rows, current)
    assert {(c.measure_id, c.field) for c in diff.conflicts} == {(1, "status"), (1, "progress")}
    assert diff.unchanged == [2]  # blanks never clear stored text
    assert diff.unknown_ids == [3]


def test_id_column_removed_is_tampering(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    export_fillin(_data(), UNIT, out)
    wb = load_workbook(out)
    ws = wb[SHEET]
    ws.protection.sheet = False
    ws.delete_cols(ID_COL)
    wb.save(out)
    with pytest.raises(ReadError) as err:
        read_fillin(out)
    assert "不是本软件导出的填报表" in err.value.message


def test_edited_id_is_tampering(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    export_fillin(_data(), UNIT, out)
    wb = load_workbook(out)
    wb[SHEET].cell(row=HEADER_ROW + 1, column=ID_COL).value = 99
    wb.save(out)
    with pytest.raises(ReadError) as err:
        read_fillin(out)
    assert "99" in err.value.message


def test_edited_hidden_sheet_is_tampering(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    export_fillin(_data(), UNIT, out)
    wb = load_workbook(out)
    wb[META_SHEET]["B5"] = "县财政局"  # the unit
    wb.save(out)
    with pytest.raises(ReadError) as err:
        read_fillin(out)
    assert "校验" in err.value.message


def test_a_ledger_is_not_a_fillin(tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    export_ledger(_data(), out)
    with pytest.raises(ReadError) as err:
        read_fillin(out)
    assert "不是本软件导出的填报表" in err.value.message


def test_bad_status_is_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    export_fillin(_data(), UNIT, out)
    wb = load_workbook(out)
    wb[SHEET].cell(row=HEADER_ROW + 1, column=STATUS_COL).value = "差不多了"
    wb.save(out)
    back = read_fillin(out)
    assert back.rows[0].status is None
    assert any("差不多了" in w for w in back.warnings)


def test_unit_with_no_measures(tmp_path: Path) -> None:
    out = tmp_path / "none.xlsx"
    assert export_fillin(_data(), "县教育局", out) == 0
    assert read_fillin(out).rows == []


def test_garbage_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"nonsense" * 100)
    with pytest.raises(ReadError):
        read_fillin(bad)


def test_replace_keeps_measure_fields() -> None:
    # guard for the fixtures above: ReportMeasure is frozen and replace() must keep ids
    assert replace(measure(5), progress="x").measure_id == 5


@pytest.mark.skipif(
    not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice not installed"
)
def test_survives_a_resave_by_another_office_suite(tmp_path: Path) -> None:
    """Departments use WPS or LibreOffice too: hidden sheets, ids and the digest must survive."""
    out = tmp_path / "fill.xlsx"
    export_fillin(_data(), UNIT, out)
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    assert exe
    resaved = tmp_path / "resaved"
    proc = subprocess.run(
        [
            exe,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(resaved),
            str(out),
        ],
        capture_output=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    back = read_fillin(resaved / "fill.xlsx")
    assert [r.measure_id for r in back.rows] == [11, 12, 14]
    assert back.rows[2].progress == "=1+1 不是公式"


def test_title_and_row_heights(tmp_path: Path) -> None:
    from desktop.reports.excel_ledger import text_lines

    out = tmp_path / "fill.xlsx"
    long = measure(15, lead_units=("县发改局",), text="长" * 300, progress="")
    export_fillin(replace(_data(), plans=(replace(_data().plans[0], measures=(long,)),)), UNIT, out)
    ws = load_workbook(out)[SHEET]
    assert (
        ws["A1"].value
        == "《XX县2023年优化营商环境重点任务》落实情况填报表（县发改局，2023年第二季度）"
    )
    width = FILLIN_COLUMNS[3][1]
    assert ws.row_dimensions[HEADER_ROW + 1].height >= text_lines("长" * 300, width) * 13.5
