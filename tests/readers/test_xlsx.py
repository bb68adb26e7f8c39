"""Excel task lists: header detection, merges, numbers, dates, hidden rows and bad files."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop.domain import Cancelled
from desktop.parsing import parse_text
from desktop.readers import ReadError, xlsx
from desktop.readers.xlsx import ColumnMapping, detect_tables, read_task_list

HEADER = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "备注"]


def _ledger(path: Path) -> Path:
    """A county ledger as people make them: merged title, merged sections, leads merged down."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "重点任务"
    ws.append(["XX县2023年优化营商环境重点任务台账"])
    ws.merge_cells("A1:F1")
    ws.append(["填报单位：县政府办", None, None, None, None, "2023年3月"])
    ws.append(HEADER)
    ws.append(["一、优化政务服务"])
    ws.merge_cells("A4:F4")
    ws.append(
        [
            1.0,
            "推行“一网通办”，政务服务事项网上可办率达到95%以上",
            "县政务服务中心",
            "县直各部门",
            "2023年6月底前",
            None,
        ]
    )
    ws.append(
        [
            "2",
            "压缩企业开办时间至1个工作日以内",
            None,
            "县市场监管局、县税务局",
            datetime(2023, 9, 30),
            None,
        ]
    )
    ws.append([3, "开展“减证便民”行动，清理各类证明材料", None, "县司法局", "长期坚持", "隐藏行"])
    ws.merge_cells("C5:C7")  # lead unit merged down
    ws.row_dimensions[7].hidden = True
    ws.append([None] * 6)  # blank row
    ws.append(["二、强化要素保障"])
    ws.merge_cells("A9:F9")
    ws.append([4, "落实减税降费政策", "县税务局", "县财政局", "2023.12.31", None])
    ws.append(["5.0", "建立重点项目用地保障机制", "县自然资源局", "县发改局", 45107, None])
    wb.save(path)
    return path


def test_detects_header_below_a_merged_title(tmp_path: Path) -> None:
    scan = detect_tables(_ledger(tmp_path / "台账.xlsx"))
    assert len(scan.sheets) == 1
    m = scan.sheets[0].mapping
    assert m is not None
    assert m.header_row == 3
    assert m.first_data_row == 4
    assert m.title == "XX县2023年优化营商环境重点任务台账"
    assert m.columns == {
        "number": 1,
        "title": 2,
        "lead_units": 3,
        "responsible_units": 4,
        "deadline": 5,
        "remarks": 6,
    }
    assert m.headers[2] == "重点任务"


def test_reads_sections_merged_units_numbers_and_dates(tmp_path: Path) -> None:
    result = read_task_list(_ledger(tmp_path / "台账.xlsx"))
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert doc.title == "XX县2023年优化营商环境重点任务台账"
    assert [(s.number, s.title) for s in doc.sections] == [
        ("一", "优化政务服务"),
        ("二", "强化要素保障"),
    ]
    numbers = [m.number for m in doc.measures]
    assert numbers == ["1", "2", "4", "5"]  # 3 is hidden; floats lose '.0'
    first, second, fourth, fifth = doc.measures
    assert first.path == ["一", "1"]
    assert fourth.path == ["二", "4"]
    assert first.lead_units == ["县政务服务中心"]
    assert second.lead_units == ["县政务服务中心"]  # filled from the merged range
    assert second.responsible_units == ["县市场监管局", "县税务局"]
    assert first.deadline == date(2023, 6, 30)
    assert first.deadline_text == "2023年6月底前"
    assert second.deadline == date(2023, 9, 30)  # an Excel date cell
    assert fourth.deadline == date(2023, 12, 31)  # '2023.12.31' as text
    assert fifth.deadline == date(2023, 6, 30)  # a serial number in a 常规 cell
    assert first.text.startswith("推行“一网通办”")


def test_long_term_and_text_title(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["序号", "工作任务", "具体措施", "责任单位", "配合单位", "时间节点"])
    long_text = "持续优化审批流程。" + "对照省级事项清单逐项梳理并压减审批环节，" * 5
    ws.append([1, "深化放管服改革", long_text, "县发改局", "县直各部门", "长期坚持"])
    ws.append([2, "深化放管服改革", "推进证照分离改革", "县市场监管局", None, "2023年底前"])
    wb.save(path)
    doc = read_task_list(path).documents[0]
    m1, m2 = doc.measures
    assert m1.title == "深化放管服改革"
    assert m1.text == long_text
    # '责任单位' beside '配合单位' without '牵头单位': the first one leads.
    assert m1.lead_units == ["县发改局"]
    assert m1.responsible_units == ["县直各部门"]
    assert m1.long_term
    assert m1.deadline is None
    assert m2.deadline == date(2023, 12, 31)


def test_two_sheets_and_a_sheet_without_header(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsm"
    wb = Workbook()
    ws1 = wb.active
    assert ws1 is not None
    ws1.title = "说明"
    ws1.append(["本表由县政府办汇总，请各单位于每季度末报送。"])
    ws2 = wb.create_sheet("营商环境")
    ws2.append(HEADER)
    ws2.append([1, "优化营商环境任务甲", "县发改局", None, "2024年6月", None])
    ws3 = wb.create_sheet("乡村振兴")
    ws3.append(HEADER)
    ws3.append([1, "乡村振兴任务乙", "县农业农村局", None, None, None])
    ws3.append([2, "乡村振兴任务丙", "县水务局", None, None, None])
    ws4 = wb.create_sheet("下拉选项")
    ws4.sheet_state = "hidden"
    ws4.append(HEADER)
    ws4.append([1, "不应导入", "x", None, None, None])
    wb.save(path)

    scan = detect_tables(path)
    by_name = {s.name: s for s in scan.sheets}
    assert by_name["说明"].mapping is None
    assert by_name["说明"].reason and "表头" in by_name["说明"].reason
    assert by_name["下拉选项"].hidden and by_name["下拉选项"].mapping is None
    assert set(scan.mappings) == {"营商环境", "乡村振兴"}

    result = read_task_list(path)
    assert [d.title for d in result.documents] == ["营商环境", "乡村振兴"]
    assert result.measure_count == 3
    assert any("说明" in w for w in result.warnings)
    assert result.documents[0].measures[0].deadline == date(2024, 6, 30)

    only = read_task_list(path, {"乡村振兴": scan.mappings["乡村振兴"]})
    assert [d.title for d in only.documents] == ["乡村振兴"]


def test_mapping_from_the_dialog_is_used(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    ws.append(["A", "B", "C"])
    ws.append(["甲任务内容", "县教育局", "2023年9月"])
    wb.save(path)
    with pytest.raises(ReadError) as err:
        read_task_list(path)
    assert "表头" in err.value.message
    mapping = ColumnMapping(
        "Sheet1", 1, 2, {"title": 1, "lead_units": 2, "deadline": 3}, {1: "A", 2: "B", 3: "C"}
    )
    doc = read_task_list(path, {"Sheet1": mapping}).documents[0]
    assert doc.measures[0].lead_units == ["县教育局"]
    assert doc.measures[0].deadline == date(2023, 9, 30)
    assert doc.measures[0].number == "1"


def test_two_row_header_and_number_merged_over_rows(tmp_path: Path) -> None:
    path = tmp_path / "h2.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["序号", "重点任务", "具体措施", "责任单位", None, "完成时限"])
    ws.append([None, None, None, "牵头单位", "配合单位", None])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("C1:C2")
    ws.merge_cells("D1:E1")
    ws.merge_cells("F1:F2")
    ws.append([1, "提升审批效率", "推行告知承诺制", "县行政审批局", "县直各部门", "2023年6月"])
    ws.append([None, None, "推行容缺受理", "县行政审批局", None, "2023年9月"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    wb.save(path)
    m = detect_tables(path).sheets[0].mapping
    assert m is not None
    assert m.first_data_row == 3
    assert m.columns["lead_units"] == 4 and m.columns["responsible_units"] == 5
    assert m.columns["title"] == 2 and m.columns["text"] == 3
    doc = read_task_list(path).documents[0]
    assert [x.number for x in doc.measures] == ["1-1", "1-2"]
    assert [x.title for x in doc.measures] == ["提升审批效率", "提升审批效率"]
    assert doc.measures[1].text == "推行容缺受理"
    assert doc.measures[0].responsible_units == ["县直各部门"]


def test_vertically_merged_row_is_not_duplicated(tmp_path: Path) -> None:
    path = tmp_path / "tall.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append([1, "一项占两行高的任务", "县发改局", "县财政局", "2023年底", None])
    ws.append([None] * 6)
    for col in "ABCDE":
        ws.merge_cells(f"{col}2:{col}3")
    wb.save(path)
    assert len(read_task_list(path).documents[0].measures) == 1


def test_progress_callback_and_cancel(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    for i in range(1, 1201):
        ws.append([i, f"任务{i}", "县发改局", None, None, None])
    wb.save(path)
    calls: list[tuple[int, int]] = []
    read_task_list(path, progress=_recorder(calls))
    assert calls and calls[-1][0] == calls[-1][1]
    with pytest.raises(Cancelled):
        read_task_list(path, progress=lambda d, t: False)


# --- bad files -------------------------------------------------------------------------------


def test_old_xls_is_rejected_with_save_as_hint(tmp_path: Path) -> None:
    path = tmp_path / "旧表.xls"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000 + "Workbook".encode("utf-16-le")
    )
    with pytest.raises(ReadError) as err:
        read_task_list(path)
    assert "另存为" in err.value.message and ".xlsx" in err.value.message
    with pytest.raises(ReadError):
        detect_tables(path)


def test_encrypted_xlsx_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "加密.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 1000
        + "EncryptionInfo".encode("utf-16-le")
        + b"\0" * 1000
    )
    with pytest.raises(ReadError) as err:
        read_task_list(path)
    assert "密码" in err.value.message


def test_garbage_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"this is not a workbook at all" * 50)
    with pytest.raises(ReadError) as err:
        read_task_list(path)
    assert "损坏" in err.value.message


def test_truncated_zip(tmp_path: Path) -> None:
    good = _ledger(tmp_path / "good.xlsx")
    bad = tmp_path / "截断.xlsx"
    bad.write_bytes(good.read_bytes()[:1500])
    with pytest.raises(ReadError) as err:
        read_task_list(bad)
    assert "损坏" in err.value.message


def test_html_table_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "导出.xls"
    path.write_text("<html><body><table><tr><td>序号</td></tr></table></body></html>", "utf-8")
    with pytest.raises(ReadError) as err:
        read_task_list(path)
    assert "网页" in err.value.message


def test_renamed_xlsx_with_xls_suffix_is_read(tmp_path: Path) -> None:
    path = tmp_path / "其实是新格式.xls"
    path.write_bytes(_ledger(tmp_path / "a.xlsx").read_bytes())
    assert read_task_list(path).measure_count == 4


def test_zip_bomb_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_UNCOMPRESSED_BYTES", 8 * 1024 * 1024)  # keep the test quick
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        # 10 MB of zeros compresses to about 10 KB.
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            for _ in range(10):
                fh.write(b"\0" * (1024 * 1024))
    assert path.stat().st_size < 100_000
    with pytest.raises(ReadError) as err:
        read_task_list(path)
    assert "异常巨大" in err.value.message


def test_default_zip_limits_are_generous_but_bounded() -> None:
    assert 100 * 1024 * 1024 <= xlsx.MAX_UNCOMPRESSED_BYTES <= 1024 * 1024 * 1024


def test_word_document_renamed(tmp_path: Path) -> None:
    path = tmp_path / "w.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ReadError) as err:
        read_task_list(path)
    assert "Word" in err.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        read_task_list(tmp_path / "nope.xlsx")


def test_subsections_repeated_headers_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "sub.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append(["一", "深化改革", None, None, None, None])
    ws.append(["（一）", "放管服改革", None, None, None, None])
    ws.append([1, "推进证照分离改革", "县市场监管局", None, "2023年底前", None])
    ws.append(HEADER)  # header repeated from a second printout
    ws.append(["（二）", "要素市场化改革", None, None, None, None])
    ws.append([2, "深化土地要素市场化配置改革", "县自然资源局", None, None, None])
    ws.append(["注：1. 完成时限为最迟时间。2. 各单位每季度末报送进展。"])
    ws.merge_cells("A8:F8")
    ws.append(["填表人：王五", None, None, None, None, None])
    wb.save(path)
    doc = read_task_list(path).documents[0]
    assert [(s.path, s.title) for s in doc.sections] == [
        (["一"], "深化改革"),
        (["一", "（一）"], "放管服改革"),
        (["一", "（二）"], "要素市场化改革"),
    ]
    assert [m.path for m in doc.measures] == [["一", "（一）", "1"], ["一", "（二）", "2"]]


def test_rows_styled_out_to_the_last_column(tmp_path: Path) -> None:
    from openpyxl.styles import Font

    path = tmp_path / "wide.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    for i in range(1, 101):
        ws.append([i, f"任务{i}", "县发改局", None, None, None])
        ws.cell(row=i + 1, column=16000).font = Font(bold=True)  # empty but styled
    wb.save(path)
    result = read_task_list(path)
    assert result.measure_count == 100


def test_year_from_the_file_name_when_the_title_has_none(tmp_path: Path) -> None:
    path = tmp_path / "2024年重点任务.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append([1, "任务甲", "县发改局", None, "6月底前", None])
    wb.save(path)
    assert read_task_list(path).documents[0].measures[0].deadline == date(2024, 6, 30)


_CELL = st.one_of(
    st.none(),
    st.text(max_size=30).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(
        ["一、总体要求", "（二）", "2023年6月底前", "长期坚持", "县发改局、县财政局", "注：无"]
    ),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(_CELL, min_size=6, max_size=6), max_size=12), st.booleans())
def test_any_cell_values_read_or_fail_cleanly(
    tmp_path: Path, rows: list[list[object]], merge: bool
) -> None:
    path = tmp_path / "fuzz.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    if merge and len(rows) >= 2:
        ws.merge_cells("C2:C3")
        ws.merge_cells(f"A{len(rows) + 1}:F{len(rows) + 1}")
    wb.save(path)
    try:
        result = read_task_list(path)
    except ReadError as err:
        assert err.message
        return
    for doc in result.documents:
        for m in doc.measures:
            assert m.text and m.number and m.path[-1] == m.number


def test_huge_merged_ranges_cost_nothing(tmp_path: Path) -> None:
    import time

    small = tmp_path / "small.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append(["一、总体要求"])
    ws.merge_cells("A2:F2")
    for i in range(1, 200):
        ws.append([i, f"任务{i}", None, None, None, None])
    ws["C3"] = "县发改局"
    ws.merge_cells("C3:C201")
    wb.save(small)
    # Excel writes only the range for such merges (openpyxl would write every cell), so patch
    # the refs: a heading merged to column XFD, a lead unit merged down the whole sheet.
    path = tmp_path / "merges.xlsx"
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'ref="A2:F2"', b'ref="A2:XFD2"')
                data = data.replace(b'ref="C3:C201"', b'ref="C3:C1048576"')
                assert b"C1048576" in data
            dst.writestr(item, data)
    t = time.perf_counter()
    doc = read_task_list(path).documents[0]
    assert time.perf_counter() - t < 2
    assert doc.sections[0].title == "总体要求"
    assert len(doc.measures) == 199
    assert doc.measures[-1].lead_units == ["县发改局"]


def _recorder(calls: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    def record(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    return record


def _sheet(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def test_leader_column_is_not_the_lead_unit_and_source_is_not_the_task(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "分解表.xlsx",
        [
            ["某县优化营商环境重点任务分解表"],
            ["填报单位（盖章）：            填报日期："],
            ["序号", "牵头县领导", "任务来源", "重点任务", "牵头单位", "责任单位", "完成时限"],
            [
                1,
                "王副县长",
                "政府工作报告",
                "推行企业开办一网通办。",
                "县行政审批局",
                "县市场监管局",
                "6月底前",
            ],
        ],
        ("A1:G1", "A2:G2"),
    )
    m = detect_tables(path).sheets[0].mapping
    assert m is not None
    assert m.columns["lead_units"] == 5  # 牵头单位, not 牵头县领导
    assert m.columns["title"] == 4  # 重点任务, not 任务来源
    assert m.columns["leaders"] == 2 and m.columns["source"] == 3
    # The title is the merged first row, never the 填报单位 line.
    assert m.title == "某县优化营商环境重点任务分解表"
    doc = read_task_list(path).documents[0]
    [measure] = doc.measures
    assert measure.lead_units == ["县行政审批局"]
    assert measure.text == "推行企业开办一网通办。"
    # The leader and the source are kept on the measure's 备注, labelled as in the sheet.
    assert measure.remarks == "牵头县领导：王副县长；任务来源：政府工作报告"


def test_title_is_the_merged_title_not_the_subtitle_and_its_year_dates_deadlines(
    tmp_path: Path,
) -> None:
    path = _sheet(
        tmp_path / "台账.xlsx",
        [
            ["XX县重点任务台账"],
            ["（2024年3月修订）填报单位：县政府办"],
            ["序号", "工作任务", "牵头单位", "时间节点"],
            [1, "推行企业开办一网通办", "县行政审批局", "6月底前"],
        ],
        ("A1:D1", "A2:D2"),
    )
    m = detect_tables(path).sheets[0].mapping
    assert m is not None and m.title == "XX县重点任务台账"
    # No year in the title: the one written above the header dates '6月底前'.
    assert m.year == 2024
    assert read_task_list(path).documents[0].measures[0].deadline == date(2024, 6, 30)


def test_without_any_year_month_deadlines_are_undated_with_a_warning(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "分解表.xlsx",
        [["序号", "重点任务", "牵头单位", "完成时限"], [1, "任务甲", "县发改局", "6月底前"]],
    )
    result = read_task_list(path)
    assert result.documents[0].measures[0].deadline is None
    assert any("没有写年份" in w and "--year" in w for w in result.warnings)
    scan = detect_tables(path)
    scan.sheets[0].mapping.year = 2023  # type: ignore[union-attr]  # as the officer chose
    again = read_task_list(path, scan.mappings)
    assert again.documents[0].measures[0].deadline == date(2023, 6, 30)
    assert not any("没有写年份" in w for w in again.warnings)


def test_work_points_office_and_completion_date_headers(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "要点.xlsx",
        [
            ["2023年工作要点分解"],
            ["序号", "工作要点", "承办科室", "办结日期"],
            [1, "推进数字政府建设", "信息科", "2023-06-30"],
        ],
        ("A1:D1",),
    )
    m = detect_tables(path).sheets[0].mapping
    assert m is not None
    assert m.columns == {"number": 1, "title": 2, "responsible_units": 3, "deadline": 4}
    [measure] = read_task_list(path).documents[0].measures
    assert measure.responsible_units == ["信息科"]
    assert measure.deadline == date(2023, 6, 30)


def test_header_row_chosen_by_hand(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "odd.xlsx",
        [
            ["2023年督查事项"],
            ["项", "内容", "谁办", "何时"],
            [1, "完善督查制度", "督查科", "2023年9月底前"],
        ],
    )
    scan = detect_tables(path)
    sheet = scan.sheets[0]
    assert sheet.mapping is None and sheet.reason and "选择表头所在的行" in sheet.reason
    assert sheet.preview[2] == {1: "项", 2: "内容", 3: "谁办", 4: "何时"}
    chosen = xlsx.mapping_at_row(sheet, 2)
    assert (chosen.header_row, chosen.first_data_row, chosen.columns) == (2, 3, {})
    assert chosen.title == "2023年督查事项" and chosen.year == 2023
    chosen.columns = {"title": 2, "responsible_units": 3, "deadline": 4}
    [measure] = read_task_list(path, {"Sheet1": chosen}).documents[0].measures
    assert measure.text == "完善督查制度" and measure.responsible_units == ["督查科"]
    assert measure.deadline == date(2023, 9, 30)
    with pytest.raises(ReadError, match="不能作为表头"):
        xlsx.mapping_at_row(sheet, 9)
    # The same from the file, as the command line does it (--header-row 2).
    again = detect_tables(path, {"Sheet1": 2}).sheets[0].mapping
    assert again is not None and again.header_row == 2 and again.headers[3] == "谁办"


def test_lead_marked_in_a_single_units_column_is_named_without_the_mark(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "实事.xlsx",
        [
            ["编号", "任务内容", "责任单位", "完成时限"],
            [1, "新建城区学校2所。", "县教体局（牵头）、县住建局", "2023年8月31日"],
            [2, "改造老旧小区10个。", "县住建局(牵头)，县财政局", "2023年年底前"],
        ],
    )
    first, second = read_task_list(path).documents[0].measures
    assert (first.lead_units, first.responsible_units) == (["县教体局"], ["县住建局"])
    assert (second.lead_units, second.responsible_units) == (["县住建局"], ["县财政局"])


def test_progress_and_remarks_columns_are_read(tmp_path: Path) -> None:
    path = _sheet(
        tmp_path / "t.xlsx",
        [
            ["XX县2023年第二季度重点任务推进表"],
            ["序号", "重点任务", "牵头单位", "完成时限", "进展情况", "备注"],
            [1, "任务甲", "县发改局", "2023年6月底前", "已完成招标", "省级考核事项"],
            [2, "任务乙", "县财政局", "2023年9月底前", None, None],
        ],
        ("A1:F1",),
    )
    m = detect_tables(path).sheets[0].mapping
    assert m is not None and m.progress_quarter == "2023Q2"  # from the title
    first, second = read_task_list(path).documents[0].measures
    assert first.progress == {"2023Q2": "已完成招标"} and first.remarks == "省级考核事项"
    assert second.progress == {} and second.remarks == ""


def test_real_xlsx_under_another_name_is_sniffed(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "台账.xlsx")
    renamed = tmp_path / "台账（导出）"
    renamed.write_bytes(path.read_bytes())
    assert xlsx.is_workbook(renamed)
    assert xlsx.is_workbook(tmp_path / "x.xls")
    text = tmp_path / "a.txt"
    text.write_text("一、总则", encoding="utf-8")
    assert not xlsx.is_workbook(text)
    assert read_task_list(renamed).measure_count == 4


# Task cell, 完成时限 cell: the same rows as an Excel list and as a Word task table.
_SCHEDULE_ROWS = [
    ["建立政务服务质量评估制度，每季度调度一次", "2023年底前"],
    ["2023年1月1日起全面推行证明事项告知承诺制", "2023年6月底前"],
    ["2023年3月起开展试点，2023年10月底前完成验收", ""],
    ["开展涉企收费专项整治，每季度通报一次", "2023年1月1日起至6月底前"],
    ["推进“证照分离”改革全覆盖", "每季度"],
    ["每年新增城镇就业1万人以上", "2023年底前"],
]


def test_a_row_takes_start_and_schedule_from_its_task_text_as_a_word_table_row_does(
    tmp_path: Path,
) -> None:
    path = tmp_path / "2023年重点任务.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["序号", "重点任务", "牵头单位", "完成时限"])
    for i, (task, cell) in enumerate(_SCHEDULE_ROWS, 1):
        ws.append([i, task, "县发改局", cell or None])
    ws.append([7, "开展专项督查，每月至少调度1次", "县政府办", datetime(2023, 9, 30)])
    wb.save(path)
    rows = read_task_list(path).documents[0].measures
    got = [(m.deadline, m.start, m.recurring) for m in rows]
    assert got == [
        (date(2023, 12, 31), None, "每季度"),  # the schedule is in the task text
        (date(2023, 6, 30), date(2023, 1, 1), None),  # so is the start
        (date(2023, 10, 31), date(2023, 3, 1), None),  # no deadline cell: the text's
        (date(2023, 6, 30), date(2023, 1, 1), "每季度"),  # start from the cell, schedule text
        (None, None, "每季度"),
        (date(2023, 12, 31), None, None),  # a yearly target is no schedule
        (date(2023, 9, 30), None, "每月"),  # a date typed as a date, schedule from the text
    ]
    assert [m.deadline_text for m in rows] == [
        "2023年底前",
        "2023年6月底前",
        "2023年10月底前",
        "2023年1月1日起至6月底前",
        "每季度",
        "2023年底前",
        "2023年9月30日",
    ]
    # The same rows in a Word task table give the same dates and schedules.
    table = [["序号", "重点任务", "牵头单位", "完成时限"]] + [
        [str(i), task, "县发改局", cell] for i, (task, cell) in enumerate(_SCHEDULE_ROWS, 1)
    ]
    word = parse_text("", tables=[table], default_year=2023).documents[0].measures
    assert [(m.deadline, m.start, m.recurring, m.deadline_text) for m in word] == [
        (m.deadline, m.start, m.recurring, m.deadline_text) for m in rows[:-1]
    ]
