"""The quarterly report PDF: content, fonts, page furniture, options, determinism, progress."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from desktop.domain import Cancelled
from desktop.reports.data import QuarterReportData, ReportPlan
from desktop.reports.options import ReportOptions
from desktop.reports.pdf_report import render_quarter_pdf
from desktop.reports.sample_data import sample_quarter_data

from .conftest import pdf_text, squeeze, stream_text


def test_sample_report_text(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.pdf"
    pages = render_quarter_pdf(sample, out)
    assert pages == len(PdfReader(str(out)).pages)
    text = squeeze(pdf_text(out))
    # title (broken over lines), opening figures, statistics
    assert "榆中县关于《第十次全国深化“放管服”" in text
    assert "2023年第二季度落实情况的报告" in text
    assert "共59项重点任务，已完成15项，推进中30项，未启动7项，暂缓7项" in text
    assert "完成率25.4%" in text
    assert "表1重点任务落实情况统计" in text
    assert "图1各状态任务数量" in text
    # measure table: headers, section rows, a progress text
    for header in ("序号", "重点任务", "牵头单位", "完成时限", "进展情况", "存在问题", "下步打算"):
        assert header in text
    assert "一、深化改革开放，激发经济增长潜能" in text
    assert "（一）支持市场主体发展" in text
    assert "二、聚焦利企便民，提升政务服务效能" in text
    assert "会同县发展改革局、县财政局对照省级清单逐项比对" in text
    # signature block and annexes
    for label in ("填报单位（盖章）：榆中县人民政府办公室", "填报人：王丽", "审核人：张建国"):
        assert label in text
    assert "联系电话：0931-5222618" in text
    assert "日期：2023年7月5日" in text
    assert "附件1" in text and "附件2" in text and "佐证材料清单" in text
    # evidence: file name and short hash, as the cells hold them
    cells = squeeze(stream_text(out))
    assert "关于印发第1项任务落实方案的通知.pdf" in cells


def test_page_numbers_and_version_on_every_page(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.pdf"
    pages = render_quarter_pdf(sample, out)
    reader = PdfReader(str(out))
    for i, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert f"— {i} —" in text, i
        assert "定稿 2023Q2 #12 · 5f0c2a9e71d4" in text, i
    assert pages == len(reader.pages)


def test_page_count_for_known_sizes(tmp_path: Path, sample: QuarterReportData) -> None:
    empty = replace(sample, plans=(replace(sample.plans[0], measures=()),))
    # body (2 pages: the signature block is kept whole), annex 1, annex 2
    assert render_quarter_pdf(empty, tmp_path / "empty.pdf") == 4
    # The 59-measure sample; a change here means the layout changed: look at the pages.
    assert render_quarter_pdf(sample, tmp_path / "sample.pdf") == 39
    title_only = ReportOptions(full_text=False)
    assert render_quarter_pdf(sample, tmp_path / "short.pdf", title_only) < 39


def _font_dicts(reader: PdfReader) -> list[DictionaryObject]:
    fonts: dict[int, DictionaryObject] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for ref in resources.get_object().get("/Font", {}).values():
            fonts[ref.idnum] = ref.get_object()
    return list(fonts.values())


def test_every_font_is_embedded_truetype(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.pdf"
    render_quarter_pdf(sample, out)
    fonts = _font_dicts(PdfReader(str(out)))
    assert fonts
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # Type0 wraps its descriptor in the descendant font
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), font.get("/BaseFont")
        assert "STSong" not in str(font.get("/BaseFont"))


def test_pdffonts_reports_embedded(tmp_path: Path, sample: QuarterReportData) -> None:
    import shutil
    import subprocess

    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts not installed")
    out = tmp_path / "r.pdf"
    render_quarter_pdf(sample, out)
    lines = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = lines.splitlines()[2:]
    assert rows
    for row in rows:
        cols = row.split()
        # name type encoding emb sub uni object ID
        assert cols[-5] == "yes" and cols[-4] == "yes" and cols[-3] == "yes", row


def test_turned_table_pages(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.pdf"
    render_quarter_pdf(sample, out)
    reader = PdfReader(str(out))
    rotations = [page.get("/Rotate", 0) for page in reader.pages]
    assert rotations[0] == 0 and rotations[-1] == 0  # body and evidence annex upright
    assert 90 in rotations
    for page in reader.pages:  # every sheet is portrait A4; turned ones only display turned
        box = page.mediabox
        assert round(float(box.width)) == 595 and round(float(box.height)) == 842

    flat = tmp_path / "flat.pdf"
    render_quarter_pdf(sample, flat, ReportOptions(landscape_table=False))
    assert all(page.get("/Rotate", 0) == 0 for page in PdfReader(str(flat)).pages)


def test_options_drop_parts(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.pdf"
    render_quarter_pdf(
        sample, out, ReportOptions(include_chart=False, include_evidence_annex=False)
    )
    text = squeeze(pdf_text(out))
    assert "图1" not in text
    assert "佐证材料清单" not in text
    assert "附件1" in text


def test_title_only_leaves_measure_text_out(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.pdf"
    render_quarter_pdf(sample, out, ReportOptions(full_text=False))
    text = squeeze(pdf_text(out))
    assert "保护个体工商户等市场主体合法权益" in text
    assert "认真落实《促进个体工商户发展条例》" not in text


def test_several_plans(tmp_path: Path, sample: QuarterReportData) -> None:
    plan = sample.plans[0]
    second = replace(plan, title="关于进一步优化营商环境的若干措施", doc_number="榆政发〔2023〕5号",
                     measures=plan.measures[:5])  # fmt: skip
    data = replace(sample, plans=(plan, second))
    out = tmp_path / "r.pdf"
    render_quarter_pdf(data, out)
    text = squeeze(pdf_text(out))
    assert "共64项重点任务" in text
    assert "合计" in text
    assert "《关于进一步优化营商环境的若干措施》（榆政发〔2023〕5号）" in text


def test_same_data_same_pdf(tmp_path: Path, sample: QuarterReportData) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_quarter_pdf(sample, a)
    render_quarter_pdf(sample, b)
    assert a.read_bytes() == b.read_bytes()
    info = PdfReader(str(a)).metadata
    assert info is not None
    assert str(info["/CreationDate"]).startswith("D:20230705103000")


def test_progress_reaches_total_and_is_monotonic(tmp_path: Path, sample: QuarterReportData) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    render_quarter_pdf(sample, tmp_path / "r.pdf", progress=progress)
    dones = [d for d, _t in seen]
    assert dones == sorted(dones)
    assert seen[-1][0] == seen[-1][1]
    assert len(seen) > 3


@pytest.mark.parametrize("stop_at", [0, 30, 100])
def test_cancel_leaves_no_file(tmp_path: Path, sample: QuarterReportData, stop_at: int) -> None:
    out = tmp_path / "r.pdf"

    def progress(done: int, total: int) -> bool:
        return done < stop_at

    with pytest.raises(Cancelled):
        render_quarter_pdf(sample, out, progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_earlier_report(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.pdf"
    render_quarter_pdf(sample, out)
    before = out.read_bytes()
    with pytest.raises(Cancelled):
        render_quarter_pdf(sample, out, progress=lambda d, t: d < 50)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_thousand_measures(tmp_path: Path) -> None:
    """A big ledger lays out completely (its speed is measured by bench/report_bench.py)."""
    data = sample_quarter_data(1000)
    out = tmp_path / "big.pdf"
    pages = render_quarter_pdf(data, out)
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) > 100
    assert f"— {pages} —" in reader.pages[-1].extract_text()
    numbers = re.findall(r"^(\d{1,4})$", stream_text(out), flags=re.M)
    assert "1000" in numbers  # the last measure's row is there


def test_no_plans(tmp_path: Path, sample: QuarterReportData) -> None:
    data = replace(sample, plans=())
    # body (the signature with its seal room goes over with the annex note), annexes 1 and 2
    assert render_quarter_pdf(data, tmp_path / "r.pdf") == 4
    assert "暂无需要报告的重点任务" in squeeze(pdf_text(tmp_path / "r.pdf"))


def test_plan_without_measures_in_several(tmp_path: Path, sample: QuarterReportData) -> None:
    data = replace(sample, plans=(*sample.plans, ReportPlan("空计划", None, None, 1, ())))
    render_quarter_pdf(data, tmp_path / "r.pdf")
    assert re.search("空计划", pdf_text(tmp_path / "r.pdf"))


def test_signature_block_leaves_room_for_seal_and_signatures(
    tmp_path: Path, sample: QuarterReportData
) -> None:
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    out = tmp_path / "r.pdf"
    render_quarter_pdf(sample, out)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "3", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    tops = {}
    for word, label in (("填报单位（盖章）", "unit"), ("填报人", "officer"), ("联系电话", "phone")):
        m = re.search(r'yMin="([0-9.]+)"[^>]*>' + re.escape(word), html)
        assert m, word
        tops[label] = float(m.group(1))
    mm = 72 / 25.4
    assert tops["officer"] - tops["unit"] >= 24 * mm  # the seal's room
    assert tops["phone"] - tops["officer"] >= 12 * mm  # room to sign beside the names
    text = squeeze(pdf_text(out))
    assert "填报人：王丽（签字）" in text and "审核人：张建国（签字）" in text
