"""The Word version of the quarterly report, read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from desktop.domain import Cancelled
from desktop.reports.data import QuarterReportData
from desktop.reports.docx_report import render_quarter_docx
from desktop.reports.options import ReportOptions


def test_docx_content(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.docx"
    render_quarter_docx(sample, out)
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    # the title in the PDF's balanced lines
    assert paragraphs[0].replace("\n", "") == sample.title and "\n" in paragraphs[0]
    body = "\n".join(paragraphs)
    assert "共59项重点任务，已完成15项，推进中30项" in body
    # the per-plan figures, the chart and its caption, as in the PDF
    assert "（甘政办发〔2022〕137号）明确重点任务59项，已完成15项" in body
    assert "图1　各状态任务数量" in body and len(document.inline_shapes) == 1
    assert round(document.inline_shapes[0].width.mm) == 156
    assert "截至2023年6月30日，逾期未完成任务共" in body
    stats, signature, measures, evidence = document.tables
    signed = [c.text for r in signature.rows for c in r.cells]
    assert "填报单位（盖章）：榆中县人民政府办公室" in signed
    assert "审核人：张建国　（签字）" in signed
    assert [c.text for c in stats.rows[0].cells] == [
        "文件", "任务数", "已完成", "推进中", "未启动", "暂缓", "逾期", "完成率",
    ]  # fmt: skip
    assert stats.rows[1].cells[0].text.endswith("（第1版）")
    # columns wide enough for 任务数 at 小四 with the table's 1 mm cell margins
    assert min(c.width.mm for c in stats.rows[0].cells[1:5]) >= 15.5
    assert [c.text for c in measures.rows[0].cells] == [
        "序号", "重点任务", "牵头单位", "完成时限", "进展情况", "存在问题", "下步打算", "状态",
    ]  # fmt: skip
    # the header row repeats on every page
    assert measures.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    texts = [r.cells[0].text for r in measures.rows]
    assert "一、深化改革开放，激发经济增长潜能" in texts
    assert "（一）支持市场主体发展" in texts
    all_cells = "".join(c.text for r in measures.rows for c in r.cells)
    assert "会同县发展改革局、县财政局对照省级清单逐项比对" in all_cells
    assert "关于印发第1项任务落实方案的通知.pdf" in "".join(
        c.text for r in evidence.rows for c in r.cells
    )
    # GB/T 9704 page: A4, 37 mm top and 28 mm left margins; the table section is landscape
    first = document.sections[0]
    assert round(first.page_width.mm) == 210 and round(first.top_margin.mm) == 37
    assert round(first.left_margin.mm) == 28
    assert round(document.sections[1].page_width.mm) == 297
    # page numbers in the footer: a PAGE field between dashes, odd and even pages differ
    assert document.settings.odd_and_even_pages_header_footer
    footer_xml = first.footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml and "— " in first.footer.paragraphs[0].text
    assert "定稿 2023Q2 #12 · 5f0c2a9e71d4" in first.footer.paragraphs[1].text


def test_docx_options(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.docx"
    render_quarter_docx(
        sample, out, ReportOptions(landscape_table=False, include_evidence_annex=False,
                                   full_text=False)
    )  # fmt: skip
    document = docx.Document(str(out))
    assert len(document.tables) == 3
    assert round(document.sections[1].page_width.mm) == 210
    cells = "".join(c.text for r in document.tables[2].rows for c in r.cells)
    assert "认真落实《促进个体工商户发展条例》" not in cells


def test_docx_cancel_leaves_no_file(tmp_path: Path, sample: QuarterReportData) -> None:
    with pytest.raises(Cancelled):
        render_quarter_docx(sample, tmp_path / "r.docx", progress=lambda d, t: d < 25)
    assert list(tmp_path.iterdir()) == []


def test_docx_several_plans(tmp_path: Path, sample: QuarterReportData) -> None:
    from dataclasses import replace

    plan = sample.plans[0]
    second = replace(plan, title="XX县关于印发优化营商环境若干措施的通知",
                     doc_number="榆政发〔2023〕5号",
                     measures=tuple(replace(m, overdue=True) for m in plan.measures[:6]))  # fmt: skip
    data = replace(sample, plans=(plan, second))
    out = tmp_path / "r.docx"
    render_quarter_docx(data, out)
    document = docx.Document(str(out))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "《优化营商环境若干措施》（榆政发〔2023〕5号，以下简称文件二）" in body
    # the overdue list is grouped under each document's name, which is not repeated per item
    assert body.count("文件二《优化营商环境若干措施》：") == 1
    items = [p.text for p in document.paragraphs if p.text[:1].isdigit()]
    assert items and not any("《" in t.split("（")[0] for t in items)
    evidence = document.tables[-1]
    labels = {r.cells[1].text.split("·")[0] for r in evidence.rows[1:]}
    assert labels == {"文件一", "文件二"}
