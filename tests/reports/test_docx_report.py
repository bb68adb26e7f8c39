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


def test_docx_body_on_the_gbt9704_grid(tmp_path: Path, sample: QuarterReportData) -> None:
    """22 lines a page, 28 characters a line, as the PDF: a line grid on the body's section,
    3号 text 0.25 pt tight, other sizes off the grid, tight Chinese and digits."""
    from docx.shared import Pt

    out = tmp_path / "r.docx"
    render_quarter_docx(sample, out)
    document = docx.Document(str(out))
    body, *annexes = document.sections
    grid = body._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and int(grid.get(qn("w:linePitch"))) == 579
    height = body.page_height.twips - body.top_margin.twips - body.bottom_margin.twips
    assert height >= 22 * 579  # 22 lines to the page
    pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    line = (body.page_width.twips - body.left_margin.twips - body.right_margin.twips) / 20
    assert 28 * pitch <= line < 28 * pitch + 0.05  # Word's character grid, when turned on
    for section in annexes:  # the tables in 小五 and 五号 are not on the 3号 grid
        assert section._sectPr.find(qn("w:docGrid")).get(qn("w:type")) is None
    opening = next(p for p in document.paragraphs if p.text.startswith("按照"))
    spacing = opening.runs[0]._r.rPr.find(qn("w:spacing"))
    advance = 16 + int(spacing.get(qn("w:val"))) / 20
    assert 28 * advance <= line < 29 * advance
    title = document.paragraphs[0]
    assert title.runs[0].font.size == Pt(22)
    assert title._p.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    assert title.runs[0]._r.rPr.find(qn("w:spacing")) is None
    normal = document.styles["Normal"].element.pPr
    assert normal.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"
    lang = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")) == "zh-CN"

    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        return
    # LibreOffice lays it out with 28 characters to a full line, never more, given fonts of
    # one em for the Chinese names (the bundled ones stand in for 仿宋, 黑体 …, as in the PDF).
    from desktop.reports.fonts import fonts_dir

    conf = tmp_path / "fonts.conf"
    aliases = "".join(
        f"<alias binding='same'><family>{name}</family><prefer><family>{face}</family>"
        "</prefer></alias>"
        for name, face in (("仿宋", "AR PL UMing CN"), ("宋体", "AR PL UMing CN"),
                           ("楷体", "AR PL UMing CN"), ("黑体", "WenQuanYi Micro Hei"),
                           ("方正小标宋简体", "WenQuanYi Micro Hei"))
    )  # fmt: skip
    conf.write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        "<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>"
        f"<dir>{fonts_dir()}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir>{aliases}"
        "</fontconfig>",
        encoding="utf-8",
    )
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=240,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )  # fmt: skip
    from desktop.reports.pdf_report import render_quarter_pdf

    from .conftest import pdf_text

    def opening(pdf: Path) -> list[str]:
        lines = pdf_text(pdf).split("\f")[0].splitlines()
        start = next(i for i, t in enumerate(lines) if t.startswith("按照"))
        end = next(i for i, t in enumerate(lines) if i > start and t.startswith("一、"))
        return [t.replace(" ", "") for t in lines[start:end] if t.strip()]

    render_quarter_pdf(sample, tmp_path / "p.pdf")
    word, pdf = opening(tmp_path / "r.pdf"), opening(tmp_path / "p.pdf")
    assert word[0] == pdf[0]  # the same 26 characters after the two-character indent
    # no line holds more full-width characters than the PDF's 28 (digits are narrower, and
    # LibreOffice spaces them from Chinese, which it does not let a .docx turn off)
    assert max(sum(1 for ch in t if ord(ch) > 0x2000) for t in word) <= 28
