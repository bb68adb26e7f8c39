"""The Excel ledger: content, print settings, formula-like text and atomic writing."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain import Cancelled
from desktop.reports.data import QuarterReportData, ReportEvidence, ReportMeasure, ReportPlan
from desktop.reports.excel_ledger import HEADER_ROW, LEDGER_COLUMNS, export_ledger

EVIDENCE = ReportEvidence("会议纪要.pdf", "专题会议纪要", 1024, datetime(2023, 5, 1), "ab" * 32)


def measure(i: int, **kw: object) -> ReportMeasure:
    base = ReportMeasure(
        sections=("一、优化政务服务",),
        number=str(i),
        title=f"任务{i}",
        text=f"第{i}项：推行“一网通办”，政务服务事项网上可办率达到95%以上。",
        lead_units=("县政务服务中心",),
        responsible_units=("县直各部门", "各乡镇"),
        deadline_text="2023年6月底前",
        deadline=date(2023, 6, 30),
        long_term=False,
        status="in_progress",
        status_label="推进中",
        overdue=False,
        progress="已完成85%",
        problems="",
        next_steps="继续推进",
        evidence=(EVIDENCE,),
        measure_id=i,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def report(*measures: ReportMeasure, version: int = 2) -> QuarterReportData:
    return QuarterReportData(
        quarter="2023Q2",
        quarter_label="2023年第二季度",
        title="XX县优化营商环境重点任务",
        unit_name="XX县人民政府办公室",
        officer="张三",
        reviewer="李四",
        phone="0930-1234567",
        plans=(
            ReportPlan(
                "XX县2023年优化营商环境重点任务", "X政办发〔2023〕1号", None, version, measures
            ),
        ),
        generated_at=datetime(2023, 7, 1, 9, 30),
        data_version="db-42",
    )


def test_deadline_cell_names_the_schedule_once(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    cases = [
        # (deadline text, date, schedule) -> what the 完成时限 cell reads
        (("2023年年底前", date(2023, 12, 31), "每季度"), "每季度；2023年年底前"),
        (("每季度", None, "每季度"), "每季度"),
        (("按季度报送", None, "每季度"), "按季度报送"),
        ((None, None, "每月"), "每月"),
        (("2023年6月底前", date(2023, 6, 30), None), "2023年6月底前"),
    ]
    export_ledger(
        report(
            *(
                measure(i, deadline_text=text, deadline=day, recurring=schedule)
                for i, ((text, day, schedule), _) in enumerate(cases, start=1)
            )
        ),
        out,
    )
    ws = load_workbook(out)["台账"]
    headers = [ws.cell(row=HEADER_ROW, column=c).value for c in range(1, len(LEDGER_COLUMNS) + 1)]
    column = headers.index("完成时限") + 1
    cells = [ws.cell(row=5 + k, column=column).value for k in range(len(cases))]
    assert cells == [want for _, want in cases]


FORMULA_LIKE = ["=SUM(A1:A3)", "+86 0930", "-5%以内", "@县发改局", '=HYPERLINK("http://x","点我")']


def test_ledger_content_and_print_settings(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    data = report(
        measure(1),
        measure(
            2,
            overdue=True,
            status_label="未启动",
            evidence=(),
            deadline_text=None,
            deadline=None,
            long_term=True,
        ),
    )
    export_ledger(data, out)
    wb = load_workbook(out)
    ws = wb["台账"]
    assert "2023年第二季度" in ws["A1"].value
    assert "第 2 版" in ws["A2"].value  # the plan's version
    headers = [ws.cell(row=HEADER_ROW, column=c).value for c in range(1, len(LEDGER_COLUMNS) + 1)]
    assert headers[:4] == ["序号", "所属部分", "编号", "重点任务"]
    assert "本季度进展情况" in headers and "存在问题" in headers and "下步打算" in headers
    # row 4 is the plan heading (version 2), measures follow
    assert "第 2 版" in ws.cell(row=4, column=1).value
    row = {h: ws.cell(row=5, column=c + 1).value for c, h in enumerate(headers)}
    assert row["牵头单位"] == "县政务服务中心"
    assert row["责任单位"] == "县直各部门、各乡镇"
    assert row["完成时限"] == "2023年6月底前"
    assert row["是否逾期"] == "否"
    assert row["佐证材料（份）"] == "1"
    row2 = {h: ws.cell(row=6, column=c + 1).value for c, h in enumerate(headers)}
    assert row2["是否逾期"] == "是" and row2["状态"] == "未启动" and row2["完成时限"] == "长期"

    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows.replace("$", "") == "3:3"
    assert ws.freeze_panes == "A4"
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["D5"].alignment.wrap_text
    assert ws["D5"].border.left.style == "thin"
    assert ws.column_dimensions["D"].width == 38
    assert "db-42" in (ws.oddFooter.right.text or "")


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    ms = [measure(i + 1, progress=t, text=t, problems=t) for i, t in enumerate(FORMULA_LIKE)]
    export_ledger(report(*ms), out)
    ws = load_workbook(out)["台账"]  # not data_only: a formula would come back as '=...'
    col_progress = [h for h, _ in LEDGER_COLUMNS].index("本季度进展情况") + 1
    for k, text in enumerate(FORMULA_LIKE):
        cell = ws.cell(row=5 + k, column=col_progress)
        assert cell.value == text
        assert cell.data_type == "s"
    # and nothing in the sheet XML is a formula
    import zipfile

    with zipfile.ZipFile(out) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")


def test_control_characters_are_dropped(tmp_path: Path) -> None:
    out = tmp_path / "c.xlsx"
    export_ledger(report(measure(1, progress="进展\x00\x07正常")), out)
    ws = load_workbook(out)["台账"]
    values = [c.value for c in ws[5]]
    assert "进展正常" in values


def test_write_is_atomic_and_cancel_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"old")
    many = tuple(measure(i) for i in range(1, 500))
    with pytest.raises(Cancelled):
        export_ledger(report(*many), out, progress=lambda d, t: d < 200)
    assert out.read_bytes() == b"old"
    calls: list[tuple[int, int]] = []
    export_ledger(report(*many), out, progress=_recorder(calls))
    assert calls[-1] == (499, 499)
    assert load_workbook(out)["台账"].max_row == HEADER_ROW + 1 + 499
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]  # no temp files left


def test_empty_report(tmp_path: Path) -> None:
    out = tmp_path / "e.xlsx"
    export_ledger(report(version=1), out)
    ws = load_workbook(out)["台账"]
    assert ws.cell(row=HEADER_ROW + 1, column=1).value == "本季度没有需要填报的任务。"


@pytest.mark.skipif(
    not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice not installed"
)
def test_libreoffice_converts_the_ledger_to_pdf(tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    # Long wrapped texts between markers: in a row too low for them the text overflows into
    # the neighbouring rows (and is cut off when printed), so a row's end marker would sit
    # below the start marker of the next row.
    long_text = "推进政务服务标准化、规范化、便利化，完善线上线下融合办理机制。" * 9
    measures = [measure(i, text=f"[S{i:03d}]{long_text}[E{i:03d}]") for i in range(1, 60)]
    export_ledger(report(*measures), out)
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    assert exe
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "ledger.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # landscape A4 media box (842 x 595 points)
    assert b"842" in data and b"595" in data
    if shutil.which("pdftotext"):
        _assert_rows_do_not_overlap(pdf, 59)


def _assert_rows_do_not_overlap(pdf: Path, rows: int) -> None:
    import re

    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    where: dict[str, tuple[int, float, float]] = {}
    for page, body in enumerate(html.split("<page ")[1:]):
        for m in re.finditer(
            r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)', body
        ):
            for marker in re.findall(r"\[[SE]\d{3}\]", m.group(3)):
                where[marker] = (page, float(m.group(1)), float(m.group(2)))
    assert len(where) == 2 * rows, sorted(where)
    for i in range(1, rows):
        end, start = where[f"[E{i:03d}]"], where[f"[S{i + 1:03d}]"]
        if end[0] == start[0]:
            assert end[2] <= start[1], f"row {i} overflows into row {i + 1}"


def test_rows_are_tall_enough_for_their_wrapped_text(tmp_path: Path) -> None:
    from desktop.reports.excel_ledger import text_lines

    out = tmp_path / "ledger.xlsx"
    short, long = measure(1, text="短"), measure(2, text="长" * 400, progress="进" * 100)
    export_ledger(report(short, long), out)
    ws = load_workbook(out)["台账"]
    rows = {ws.cell(row=r, column=3).value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    low, high = (ws.row_dimensions[rows[n]].height for n in ("1", "2"))
    width = dict(LEDGER_COLUMNS)["重点任务"]
    # 400 Han characters at 10 pt in that column need this many lines of about 13.5 pt each.
    assert high >= text_lines("长" * 400, width) * 13.5 > low
    assert text_lines("长" * 400, width) >= 400 / (width * 7 / 13.33)


def _recorder(calls: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    def record(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    return record
