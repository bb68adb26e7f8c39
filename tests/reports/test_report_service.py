"""The report from a real data directory: filters, data version, frozen plans, several plans."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain import Quarter, Status
from desktop.models import Measure, Plan
from desktop.parsing import ParsedDocument, ParsedMeasure
from desktop.reports.excel_ledger import HEADER_ROW
from desktop.services import progress, reporting, settings, snapshots
from desktop.services.workspace import Workspace
from tests.factories import import_document

from .conftest import pdf_text, squeeze
from .realistic import REPORT_DAY, populate

Q = Quarter(2023, 2)


@pytest.fixture
def plans(ws: Workspace, tmp_path: Path) -> list[int]:
    return populate(ws, tmp_path / "files")


def test_filtered_report_says_so_and_counts_only_what_it_lists(
    ws: Workspace, plans: list[int], tmp_path: Path
) -> None:
    only = reporting.ReportFilter(
        statuses=frozenset({Status.IN_PROGRESS}), units=frozenset({"省发展改革委"})
    )
    data = reporting.build_report_data(ws, Q, plans[:1], REPORT_DAY, only=only)
    listed = data.plans[0].measures
    assert listed and all(m.status == "in_progress" for m in listed)
    assert data.filter_description == "由省发展改革委牵头或负责、状态为推进中"
    out = tmp_path / "r.pdf"
    reporting.write_pdf_report(ws, Q, out, plans[:1], only=only, today=REPORT_DAY)
    text = squeeze(pdf_text(out))
    assert "本报告仅含由省发展改革委牵头或负责、状态为推进中的重点任务，其余任务未列入。" in text
    assert f"上述任务共{len(listed)}项，已完成0项，推进中{len(listed)}项" in text
    assert f"列入本报告的任务{len(listed)}项" in text
    assert "表1重点任务落实情况统计（仅含本报告所列任务）" in text

    everything = tmp_path / "all.pdf"
    reporting.write_pdf_report(ws, Q, everything, plans[:1], today=REPORT_DAY)
    text = squeeze(pdf_text(everything))
    assert "本报告仅含" not in text and "共59项重点任务" in text

    sections = reporting.ReportFilter(sections=frozenset({"二"}))
    data = reporting.build_report_data(ws, Q, plans[:1], REPORT_DAY, only=sections)
    title = data.plans[0].measures[0].sections[0]
    assert title.startswith("二、") and data.filter_description == f"“{title}”部分中"


def _footer(pdf: Path) -> str:
    from pypdf import PdfReader

    text = PdfReader(str(pdf)).pages[0].extract_text()
    return " ".join(line for line in text.splitlines() if "数据版本" in line)


def test_live_version_follows_the_data(ws: Workspace, plans: list[int], tmp_path: Path) -> None:
    a = reporting.build_report_data(ws, Q, plans, REPORT_DAY)
    b = reporting.build_report_data(ws, Q, plans, REPORT_DAY)
    assert a.generated_at != b.generated_at or a == b
    assert a.data_version == b.data_version  # same data, same version, whenever generated
    assert a.data_version.startswith("2023Q2 实时数据 · ")
    assert [p.version for p in a.plans] == [1, 1]

    first = a.plans[0].measures[0]
    progress.save_progress(
        ws, first.measure_id, Q, progress_text="改过的进展", problems="", next_steps=""
    )
    c = reporting.build_report_data(ws, Q, plans, REPORT_DAY)
    assert c.data_version != a.data_version
    settings.update(ws.db, {"phone": "0931-0000000"}, "测试员")
    d = reporting.build_report_data(ws, Q, plans, REPORT_DAY)
    assert d.data_version not in (a.data_version, c.data_version)

    with ws.db.transaction() as s:  # what updating a plan to a new text does to its version
        plan = s.get(Plan, plans[1])
        assert plan is not None
        plan.version = 2
    out = tmp_path / "r.pdf"
    reporting.write_pdf_report(ws, Q, out, plans, today=REPORT_DAY)
    footer = _footer(out)
    e = reporting.build_report_data(ws, Q, plans, REPORT_DAY)
    assert e.data_version.split(" · ")[1] in footer
    assert "文件版本：文件一第1版、文件二第2版" in footer
    one = tmp_path / "one.pdf"
    reporting.write_pdf_report(ws, Q, one, plans[1:], today=REPORT_DAY)
    assert "文件版本：第2版" in _footer(one)
    assert "（第2版）" in squeeze(pdf_text(one))  # 表1 names the version too


def test_partly_frozen_quarter(ws: Workspace, plans: list[int], tmp_path: Path) -> None:
    [info] = snapshots.freeze_quarter(ws, Q, plans[:1], today=REPORT_DAY)
    frozen_id = reporting.build_report_data(ws, Q, plans, REPORT_DAY).plans[0].measures[0]
    live_id = reporting.build_report_data(ws, Q, plans, REPORT_DAY).plans[1].measures[0]
    with ws.db.transaction() as s:  # later edits to the measures' own text
        for mid, text in (
            (frozen_id.measure_id, "定稿后改动的正文"),
            (live_id.measure_id, "实时改动的正文"),
        ):
            m = s.get(Measure, mid)
            assert m is not None
            m.text = text
    data = reporting.report_data(ws, Q, None, REPORT_DAY)
    assert [p.frozen_id for p in data.plans] == [info.id, 0]
    assert data.plans[0].measures[0].text == frozen_id.text  # from the snapshot
    assert data.plans[1].measures[0].text == "实时改动的正文"  # live
    assert data.data_version.startswith(f"2023Q2 定稿 #{info.id} + 实时数据 · ")
    out = tmp_path / "r.pdf"
    reporting.write_pdf_report(ws, Q, out, today=REPORT_DAY)
    assert f"定稿 #{info.id} + 实时数据" in _footer(out)
    text = squeeze(pdf_text(out))
    assert "实时改动的正文" in text and "定稿后改动的正文" not in text

    # the frozen plan alone still reprints from its snapshot only
    alone = reporting.report_data(ws, Q, plans[:1], REPORT_DAY)
    assert alone.data_version == info.version_label


def test_several_plans_read_as_one_report(ws: Workspace, plans: list[int], tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    reporting.write_pdf_report(ws, Q, out, today=REPORT_DAY)
    text = squeeze(pdf_text(out))
    assert text.startswith("榆中县人民政府办公室关于2023年第二季度重点任务落实情况的报告")
    assert "县人民政府：按照《第十次全国深化“放管服”改革电视电话会议重点任务贯彻落实措施》" in text
    assert "（甘政办发〔2022〕137号，以下简称文件一）和《甘肃省服务“六稳”“六保”" in text
    assert "（甘政办发〔2021〕43号，以下简称文件二）要求" in text
    assert "甘肃省人民政府办公厅关于印发" not in text  # the cover letters' titles are gone
    # the overdue list names each document once, above its own items
    body = text.split("附件：")[0]
    assert body.count("文件一《第十次全国深化") == 1 and body.count("文件二《甘肃省服务") == 1
    data = reporting.build_report_data(ws, Q, plans, REPORT_DAY)
    overdue = [m for p in data.plans for m in p.measures if m.overdue]
    assert overdue and f"逾期未完成任务共{len(overdue)}项" in text
    # evidence rows say which document, by the same short label
    assert "文件一·第" in text and "文件二·" in text

    one = tmp_path / "one.pdf"
    reporting.write_pdf_report(ws, Q, one, plans[1:], today=REPORT_DAY)
    text = squeeze(pdf_text(one))
    assert text.startswith(
        "榆中县人民政府办公室关于《甘肃省服务“六稳”“六保”进一步做好“放管服”改革实施方案》"
        "2023年第二季度落实情况的报告"
    )
    assert "文件一" not in text and "文件二" not in text


def test_addressee_comes_from_the_settings(ws: Workspace, plans: list[int], tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    settings.update(ws.db, {"report_addressee": "市政府办公室"}, "测试员")
    reporting.write_pdf_report(ws, Q, out, plans[:1], today=REPORT_DAY)
    assert "落实情况的报告市政府办公室：按照" in squeeze(pdf_text(out))
    settings.update(ws.db, {"report_addressee": ""}, "测试员")  # empty: no 主送机关 line
    reporting.write_pdf_report(ws, Q, out, plans[:1], today=REPORT_DAY)
    assert "落实情况的报告按照" in squeeze(pdf_text(out))


def test_output_names_are_checked_and_files_readable(
    ws: Workspace, plans: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import stat

    from desktop.cli import main
    from desktop.services.errors import UserError

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UserError, match=r"是一个文件夹.*请在它后面写上文件名"):
        reporting.write_pdf_report(ws, Q, folder, today=REPORT_DAY)
    with pytest.raises(UserError, match=r"报告的文件名应以 \.pdf 或 \.docx 结尾"):
        reporting.write_pdf_report(ws, Q, tmp_path / "x.txt", today=REPORT_DAY)
    with pytest.raises(UserError, match=r"督办单的文件名应以 \.pdf 结尾"):
        reporting.write_supervision_notice(ws, Q, tmp_path / "n.docx", today=REPORT_DAY)
    with pytest.raises(UserError, match=r"台账的文件名应以 \.xlsx 结尾"):
        reporting.write_ledger_xlsx(ws, Q, tmp_path / "l.pdf", today=REPORT_DAY)
    assert list(folder.iterdir()) == [] and not (tmp_path / "x.txt").exists()

    old = os.umask(0o022)
    try:
        for name in ("r.pdf", "r.docx"):
            reporting.write_pdf_report(ws, Q, tmp_path / name, plans[:1], today=REPORT_DAY)
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    finally:
        os.umask(old)

    data_dir = str(ws.paths.root)
    ws.close()
    code = main(["--data-dir", data_dir, "report", "--quarter", "2023Q2", "--out", str(folder)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("错误：") and "Traceback" not in err


def test_the_seal_page_carries_body_text(ws: Workspace, plans: list[int], tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "r.pdf"
    for plan_ids in (plans, plans[:1], plans[1:]):
        reporting.write_pdf_report(ws, Q, out, plan_ids, today=REPORT_DAY)
        for page in range(1, 6):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(out), "-"],
                                  capture_output=True, text=True, check=True).stdout  # fmt: skip
            if "填报单位（盖章）" in text:
                before = squeeze(text.split("附件：")[0])
                assert len(before) >= 10, (plan_ids, page, text[:200])
                break
        else:
            raise AssertionError("no signature block in the first pages")


def test_ledger_export_names_the_schedule_live_and_once_frozen(
    ws: Workspace, tmp_path: Path
) -> None:
    doc = ParsedDocument(
        title="某县优化营商环境重点任务",
        measures=[
            ParsedMeasure(
                path=["1"],
                number="1",
                title="调度重点项目审批进展",
                text="每季度调度重点项目审批进展，2023年年底前全部办结。",
                lead_units=["县发改局"],
                deadline_text="2023年年底前",
                deadline=date(2023, 12, 31),
                recurring="每季度",
            )
        ],
    )
    import_document(ws, doc)

    def deadline_cell(out: Path) -> object:
        sheet = load_workbook(out)["台账"]
        headers = [c.value for c in sheet[HEADER_ROW]]
        return sheet.cell(row=sheet.max_row, column=headers.index("完成时限") + 1).value

    day = date(2023, 7, 5)
    reporting.write_ledger_xlsx(ws, Q, tmp_path / "live.xlsx", today=day)
    snapshots.freeze_quarter(ws, Q, today=day)
    reporting.write_ledger_xlsx(ws, Q, tmp_path / "frozen.xlsx", today=day)
    assert deadline_cell(tmp_path / "live.xlsx") == "每季度；2023年年底前"
    assert deadline_cell(tmp_path / "frozen.xlsx") == "每季度；2023年年底前"


def test_notice_footer_matches_the_live_report_and_says_as_of_when(
    ws: Workspace, plans: list[int], tmp_path: Path
) -> None:
    """A 督办单 comes from the live data even when the quarter is closed: its footer gives the
    version of the live report of the same day, and that day, on every page."""
    from pypdf import PdfReader

    report, notice = tmp_path / "r.pdf", tmp_path / "n.pdf"
    reporting.write_pdf_report(ws, Q, report, today=REPORT_DAY)
    pages = reporting.write_supervision_notice(ws, Q, notice, today=REPORT_DAY)
    live = reporting.build_report_data(ws, Q, None, REPORT_DAY).data_version
    assert live.startswith("2023Q2 实时数据 · ")
    assert live in _footer(report)
    numbers = []
    for page in PdfReader(str(notice)).pages:
        lines = page.extract_text().splitlines()
        footer = [t for t in lines if "数据版本" in t]
        assert footer and live in footer[0] and "数据截至：2023年6月30日" in footer[0]
        numbers.append(next(t for t in lines if t.startswith("—") and t.endswith("—")))
    # each unit's notice is numbered from 1: its first page, and the next ones on from there
    units = pdf_text(notice).count("督办单位")
    assert numbers.count("— 1 —") == units and pages > units
    assert all(
        b == "— 1 —" or b == f"— {int(a.strip('— ')) + 1} —" for a, b in itertools.pairwise(numbers)
    )

    snapshots.freeze_quarter(ws, Q, today=REPORT_DAY)
    reporting.write_supervision_notice(ws, Q, notice, today=REPORT_DAY)
    footer = PdfReader(str(notice)).pages[0].extract_text()
    assert live in footer  # still the live data: a notice chases what is late now
    frozen = tmp_path / "f.pdf"
    reporting.write_pdf_report(ws, Q, frozen, today=REPORT_DAY)
    assert "定稿" in _footer(frozen) and live not in _footer(frozen)  # the report: its snapshot


def test_what_a_reader_would_circle_is_not_there(
    ws: Workspace, plans: list[int], tmp_path: Path
) -> None:
    """Chinese measure numbers whole, shortened titles with their brackets closed, deadlines
    with their own ； kept apart from the list's, each 督办单 seal with its requirement and
    its list."""
    import docx
    from pypdf import PdfReader

    from .conftest import stream_text

    pdf, word, notice = tmp_path / "r.pdf", tmp_path / "r.docx", tmp_path / "n.pdf"
    reporting.write_pdf_report(ws, Q, pdf, today=REPORT_DAY)
    reporting.write_pdf_report(ws, Q, word, today=REPORT_DAY)
    reporting.write_supervision_notice(ws, Q, notice, today=REPORT_DAY)
    # The 43号 plan is numbered （一）…（二十二）: too wide for the 序号 column, so the rows are
    # counted there and each task starts with its number, in one piece.
    cells = stream_text(pdf)
    assert "（二十一）完善评价机制" in squeeze(cells)
    assert "（二十\n" not in cells and "（十\n" not in cells
    table = next(t for t in docx.Document(str(word)).tables if t.rows[0].cells[0].text == "序号")
    rows = [[c.text for c in r.cells] for r in table.rows]
    [row] = [r for r in rows if r[1].startswith("（二十一）完善评价机制")]
    assert row[0] == "21"
    assert any(r[0] == "59" and r[1].startswith("全力保障稳产达产") for r in rows)  # 137号's own
    # Opening brackets are closed in the evidence list's short titles.
    text = squeeze(pdf_text(pdf))
    annex = text[text.rindex("佐证材料清单") :]
    for opener, closer in ("《》", "（）", "“”"):
        assert annex.count(opener) == annex.count(closer), opener
    # 年底前；6月底前 inside the overdue list's （…；…；…）, with the year the 2021 plan meant
    assert "完成时限：2021年底前、6月底前；状态：推进中" in text
    for page in PdfReader(str(notice)).pages:
        page_text = squeeze(page.extract_text())
        if "盖章" in page_text:
            # the requirement and at least the list's last row: never the seal on its own,
            # nor a page of the requirement alone
            assert "督办要求" in page_text and "序号重点任务完成时限" in page_text


def test_a_deadline_without_a_year_names_the_date_it_stands_for(
    ws: Workspace, plans: list[int], tmp_path: Path
) -> None:
    """The 43号 plan is of 2021: its 6月底前 read in a 2023 report would be this June. The
    overdue list, the measure table, Word and the 督办单 give it its year; a deadline with
    its year stands as written; a measure without one shows —, not an empty cell."""
    import docx

    from .conftest import stream_text

    pdf, word, notice = tmp_path / "r.pdf", tmp_path / "r.docx", tmp_path / "n.pdf"
    reporting.write_pdf_report(ws, Q, pdf, today=REPORT_DAY)
    reporting.write_pdf_report(ws, Q, word, today=REPORT_DAY)
    reporting.write_supervision_notice(ws, Q, notice, today=REPORT_DAY)
    body = squeeze(pdf_text(pdf)).split("附件：")[0]
    assert "（一）简化就业手续（牵头单位：省人社厅、省教育厅；完成时限：2021年6月底前；" in body
    assert "完成时限：2021年内；" in body and "完成时限：2021年9月底前、年底前；" in body
    assert "完成时限：2023年3月底前；" in body  # the 137号 plan names its year
    assert "完成时限：6月底前；" not in body
    cells = squeeze(stream_text(pdf))
    assert cells.count("2021年6月底前") >= 3  # each 6月底前 row of the table
    assert "2021年2023年" not in cells

    table = next(t for t in docx.Document(str(word)).tables if t.rows[0].cells[0].text == "序号")

    def deadline(task: str) -> str:
        [cell] = [r.cells[3].text for r in table.rows[1:] if r.cells[1].text.startswith(task)]
        return cell

    assert deadline("（一）简化就业手续") == "2021年6月底前"
    assert deadline("（三）优化就业服务") == "2021年底前\n6月底前"  # a part a line
    undated = [m for p in reporting.build_report_data(ws, Q, plans, REPORT_DAY).plans
               for m in p.measures if m.deadline is None and not m.deadline_text]  # fmt: skip
    assert undated
    rows = [r for r in table.rows[1:] if len({c._tc for c in r.cells}) == len(r.cells)]
    assert sum(r.cells[3].text == "—" for r in rows) == len(undated)
    assert not any(r.cells[3].text.strip() == "" for r in rows)

    assert "2021年6月底前" in squeeze(stream_text(notice))


def test_dated_the_day_it_is_made_with_figures_as_of_the_quarter_end(
    ws: Workspace, plans: list[int], tmp_path: Path
) -> None:
    """A 2023Q2 report made on 5 July: its figures 截至2023年6月30日, its date 2023年7月5日;
    closed that day and reprinted next year, it still bears the day it was closed."""
    import docx

    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    reporting.write_pdf_report(ws, Q, pdf, today=REPORT_DAY)
    reporting.write_pdf_report(ws, Q, word, today=REPORT_DAY)
    text = squeeze(pdf_text(pdf))
    assert "截至2023年6月30日，共81项重点任务" in text
    assert "日期：2023年7月5日" in text and "日期：2023年6月30日" not in text
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert any("截至2023年6月30日，共81项重点任务" in p for p in paragraphs)
    cells = [c.text for t in docx.Document(str(word)).tables for r in t.rows for c in r.cells]
    assert "日期：2023年7月5日" in cells
    # made again later from the same data: another date, the same data version
    first = reporting.build_report_data(ws, Q, plans, REPORT_DAY)
    again = reporting.build_report_data(ws, Q, plans, date(2023, 7, 20))
    assert again.report_date == date(2023, 7, 20) and again.data_version == first.data_version

    snapshots.freeze_quarter(ws, Q, today=REPORT_DAY)
    reporting.write_pdf_report(ws, Q, pdf, today=date(2024, 1, 10))
    text = squeeze(pdf_text(pdf))
    assert "截至2023年6月30日，共81项重点任务" in text and "日期：2023年7月5日" in text


def _notice_cells(path: Path) -> str:
    from .conftest import stream_text

    return squeeze(stream_text(path))


def test_notice_lights_are_the_ledger_window_lights(
    ws: Workspace, plans: list[int], tmp_path: Path
) -> None:
    """Red and yellow on the 督办单 are the window's lights of that day: in the middle of the
    third quarter nobody has reported yet, so every open measure without a deadline is yellow."""
    from desktop.domain import Light
    from desktop.services import ledger
    from desktop.services.dashboard import is_group_unit

    q3, day = Quarter(2023, 3), date(2023, 8, 20)  # after the quarter's middle (16 August)
    window = {r.id: r.light for r in ledger.list_measures(ws.db, None, q3, today=day)}
    assert reporting.measure_lights(ws, q3, plans, day) == window
    yellow = [i for i, light in window.items() if light is Light.YELLOW]
    red = [i for i, light in window.items() if light is Light.RED]
    assert len(yellow) > 20 and red

    notice = tmp_path / "n.pdf"
    reporting.write_supervision_notice(ws, q3, notice, today=day)
    data = reporting.build_report_data(ws, q3, plans, day)

    # a measure goes to its lead units, or to its responsible units when it names no lead
    # unit; no notice to a wording for many offices (各市州政府), 未明确责任单位 if none is left
    def named(names: tuple[str, ...]) -> int:
        return sum(not is_group_unit(u) for u in names)

    units = {
        m.measure_id: named(m.lead_units) or named(m.responsible_units) or 1
        for p in data.plans
        for m in p.measures
    }
    cells = _notice_cells(notice)
    # the light of each row; 督办事项 counts them as 逾期（红灯）… in brackets
    assert len(re.findall("(?<!（)红灯", cells)) == sum(units[i] for i in red)
    assert len(re.findall("(?<!（)黄灯", cells)) == sum(units[i] for i in yellow)
    assert "黄灯本季度未报送进展" in cells


def test_a_recurring_measure_without_progress_is_chased_as_yellow(
    ws: Workspace, tmp_path: Path
) -> None:
    """每季度 with nothing reported once the quarter is half over: yellow, and the notice says
    why; the notice of a past quarter is dated the day it is issued, its figures that quarter's."""
    from desktop.services.errors import UserError

    doc = ParsedDocument(
        title="某县优化营商环境重点任务",
        date=date(2023, 1, 10),
        measures=[
            ParsedMeasure(
                path=["1"], number="1", title="调度重点项目审批进展",
                text="每季度调度重点项目审批进展。", lead_units=["县发改局"], recurring="每季度",
            ),
            ParsedMeasure(
                path=["2"], number="2", title="清理规范中介服务", text="清理规范中介服务。",
                lead_units=["县发改局"], deadline_text="2023年12月底前",
                deadline=date(2023, 12, 31), deadlines=[date(2023, 12, 31)],
            ),
        ],
    )  # fmt: skip
    plan = import_document(ws, doc)
    notice = tmp_path / "n.pdf"
    with pytest.raises(UserError, match="没有红灯或黄灯"):  # 10 May: the quarter's first half
        reporting.write_supervision_notice(ws, Q, notice, today=date(2023, 5, 10))

    reporting.write_supervision_notice(ws, Q, notice, today=REPORT_DAY)
    text, cells = squeeze(pdf_text(notice)), _notice_cells(notice)
    assert "第1项：调度重点项目审批进展" in text and "第2项" not in text  # due in December
    assert "黄灯本季度未报送进展" in cells and "每季度" in cells
    assert "督办事项本季度未报送进展（黄灯）1项" in text
    assert "督办日期2023年7月5日" in text and "（数据截至2023年6月30日）" in text
    assert text.count("2023年7月5日") == 2  # 督办日期 and under the seal
    assert "数据截至：2023年6月30日" in text  # the footer

    [row] = [r for r in ledger_rows(ws, plan) if r.number == "1"]
    progress.save_progress(ws, row.id, Q, progress_text="已调度3次。", problems="", next_steps="")
    with pytest.raises(UserError, match="没有红灯或黄灯"):
        reporting.write_supervision_notice(ws, Q, notice, today=REPORT_DAY)


def ledger_rows(ws: Workspace, plan: int) -> list[object]:
    from desktop.services import ledger

    return list(ledger.list_measures(ws.db, plan, Q, today=REPORT_DAY))
