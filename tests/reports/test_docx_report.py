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
    assert paragraphs[0] == sample.title
    body = "\n".join(paragraphs)
    assert "共59项重点任务，已完成15项，推进中30项" in body
    assert "填报单位（盖章）：榆中县人民政府办公室" in body
    assert "审核人：张建国" in body
    stats, measures, evidence = document.tables
    assert [c.text for c in stats.rows[0].cells][:3] == ["文件", "任务数", "已完成"]
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
    assert "快照 #12" in first.footer.paragraphs[1].text


def test_docx_options(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "r.docx"
    render_quarter_docx(
        sample, out, ReportOptions(landscape_table=False, include_evidence_annex=False,
                                   full_text=False)
    )  # fmt: skip
    document = docx.Document(str(out))
    assert len(document.tables) == 2
    assert round(document.sections[1].page_width.mm) == 210
    cells = "".join(c.text for r in document.tables[1].rows for c in r.cells)
    assert "认真落实《促进个体工商户发展条例》" not in cells


def test_docx_cancel_leaves_no_file(tmp_path: Path, sample: QuarterReportData) -> None:
    with pytest.raises(Cancelled):
        render_quarter_docx(sample, tmp_path / "r.docx", progress=lambda d, t: d < 25)
    assert list(tmp_path.iterdir()) == []
