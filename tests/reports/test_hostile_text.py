"""Whatever users type never breaks the PDF or the Word file, and no text is lost."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from desktop.reports.cells import em_width, split_spans
from desktop.reports.cjk import runs_for
from desktop.reports.data import QuarterReportData, ReportEvidence
from desktop.reports.docx_report import render_quarter_docx
from desktop.reports.fonts import report_fonts
from desktop.reports.options import ReportOptions
from desktop.reports.pdf_report import render_quarter_pdf

from .conftest import pdf_text, squeeze, stream_text

LONG = "".join(f"第{i}段进展记录，内容较长需要换行。" for i in range(1, 601))  # ~10,000 chars
UNBROKEN = "A" * 3000
UNBROKEN_HAN = "很" * 3000


def hostile(sample: QuarterReportData) -> QuarterReportData:
    plan = sample.plans[0]
    m0, m1, m2, m3 = plan.measures[:4]
    evidence = ReportEvidence("<x>&.pdf" + "名" * 500, "说明 & <b>粗</b>", 0,
                              m0.evidence[0].added_at if m0.evidence else sample.generated_at,
                              "f" * 64)  # fmt: skip
    measures = (
        replace(m0, progress="<b>not bold</b> & <font name='x'>&amp; 5 < 6 > 4"),
        replace(m1, progress=LONG, problems="\x00\x07控制字符\r\n换行\t制表", evidence=(evidence,)),
        replace(m2, progress=UNBROKEN, next_steps=UNBROKEN_HAN, title="", text=""),
        replace(m3, progress="", problems="", next_steps="", lead_units=(), deadline_text=None,
                deadline=None, sections=("<节>&" * 300,)),
        *plan.measures[4:8],
    )  # fmt: skip
    return replace(
        sample,
        title="关于<b>&amp;</b>的报告" + "长" * 400,
        unit_name="单位<&>" * 200,
        officer="",
        reviewer="",
        phone="",
        data_version="v" * 500,
        plans=(replace(plan, title="<计划>&" * 50, measures=measures),),
    )


@pytest.mark.parametrize("landscape", [True, False])
def test_hostile_pdf_renders_and_keeps_text(
    tmp_path: Path, sample: QuarterReportData, landscape: bool
) -> None:
    out = tmp_path / "h.pdf"
    pages = render_quarter_pdf(hostile(sample), out, ReportOptions(landscape_table=landscape))
    assert pages > 3
    text = pdf_text(out)
    flat = squeeze(text)
    # table columns interleave in the text layer; both halves of the cell are there
    assert "<b>notbold</b>&<font" in flat and "name='x'>&amp;5<6>4" in flat
    # every numbered piece of the 10,000-character field is there, in order (in drawing order:
    # pdftotext may weave a neighbouring cell's line into the middle of one)
    cells = squeeze(stream_text(out))
    positions = [cells.find(f"第{i}段进展记录") for i in (1, 2, 300, 599, 600)]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)
    assert flat.count("A") >= 3000
    assert flat.count("很") >= 3000
    assert "控制字符" in flat and "换行" in flat
    assert "<节>&" in flat


def test_hostile_docx(tmp_path: Path, sample: QuarterReportData) -> None:
    out = tmp_path / "h.docx"
    render_quarter_docx(hostile(sample), out)
    document = docx.Document(str(out))
    cells = "".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert LONG in cells
    assert UNBROKEN in cells
    assert "<b>not bold</b> & <font name='x'>&amp; 5 < 6 > 4" in cells


def test_runs_fall_back_and_mark_what_no_font_has() -> None:
    fonts = report_fonts(use_system=False)
    runs = runs_for("a<b>&c 堃𠀀\n", fonts.body, fonts.fallback)
    # 堃 is outside GB 2312, so the bundled Song face lacks it and the Hei face draws it
    assert runs[0] == ("a<b>&c ", fonts.body.name)
    assert runs[1] == ("堃", fonts.fallback.name)
    assert runs[2][0] == "𠀀" and runs[2][1] not in (fonts.body.name, fonts.fallback.name)
    assert "".join(t for t, _f in runs) == "a<b>&c 堃𠀀\n"


RARE = "生僻字：𠀀𪚥䶮龘，表情😀。"


def test_rare_characters_print_and_stay_in_the_text(
    tmp_path: Path, sample: QuarterReportData
) -> None:
    plan = sample.plans[0]
    first = replace(plan.measures[0], progress=RARE)
    data = replace(sample, plans=(replace(plan, measures=(first, *plan.measures[1:3])),))
    out = tmp_path / "r.pdf"
    render_quarter_pdf(data, out)
    text = pdf_text(out)
    assert "\x00" not in text
    # drawn: 龘 from the fallback face, the others as the missing-character mark 〓 …
    assert "生僻字：〓〓〓龘，表情〓。" in squeeze(stream_text(out))
    # … while the text layer keeps the real characters (ActualText), as pdftotext reads them
    assert "𠀀𪚥䶮龘" in squeeze(text) and "😀" in text


@pytest.mark.parametrize("evidence_annex", [True, False])
def test_a_note_says_what_the_marks_stand_for_only_when_there_are_some(
    tmp_path: Path, sample: QuarterReportData, evidence_annex: bool
) -> None:
    from pypdf import PdfReader

    from desktop.reports.summary import RARE_NOTE_DOCX, RARE_NOTE_PDF

    plan = sample.plans[0]
    options = ReportOptions(include_evidence_annex=evidence_annex)
    plain = replace(sample, plans=(replace(plan, measures=plan.measures[:3]),))
    rare = replace(
        sample,
        plans=(
            replace(plan, measures=(replace(plan.measures[0], progress=RARE), *plan.measures[1:3])),
        ),
    )
    for data, expected in ((plain, False), (rare, True)):
        out = tmp_path / f"r{expected}.pdf"
        render_quarter_pdf(data, out, options)
        pages = PdfReader(str(out)).pages
        last = squeeze(pages[-1].extract_text())
        assert (squeeze(RARE_NOTE_PDF) in last) is expected  # at the end of the last annex
        assert squeeze(RARE_NOTE_PDF) not in squeeze(pages[0].extract_text())
        word = tmp_path / f"r{expected}.docx"
        render_quarter_docx(data, word, options)
        paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
        assert (paragraphs[-1] == RARE_NOTE_DOCX) is expected
        cells = [c.text for t in docx.Document(str(word)).tables for r in t.rows for c in r.cells]
        assert any("𠀀𪚥" in c for c in cells) is expected  # Word keeps the characters themselves


def test_a_supervision_notice_with_marks_says_so(tmp_path: Path, sample: QuarterReportData) -> None:
    from datetime import date

    from desktop.reports.pdf_report import render_supervision_notice
    from desktop.reports.summary import RARE_NOTE_PDF
    from desktop.reports.supervision import build_supervision_notice

    from .test_supervision import lights

    def notice(data: QuarterReportData) -> str:
        day = date(2023, 7, 5)
        n = build_supervision_notice(
            data.plans, day, lights=lights(data.plans, day), title="督办单", issuer="督查室",
            quarter_label=data.quarter_label, generated_at=data.generated_at,
            data_version=data.data_version, soon_days=90,
        )  # fmt: skip
        out = tmp_path / "n.pdf"
        render_supervision_notice(n, out)
        return squeeze(pdf_text(out))

    assert squeeze(RARE_NOTE_PDF) not in notice(sample)
    plans = tuple(
        replace(p, measures=tuple(replace(m, progress=RARE) for m in p.measures))
        for p in sample.plans
    )
    assert squeeze(RARE_NOTE_PDF) in notice(replace(sample, plans=plans))


def test_split_spans_lose_nothing() -> None:
    text = LONG + "\n\n" + UNBROKEN + "混合text，" * 100
    spans = split_spans(text, 120)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_a, b), (c, _d) in itertools.pairwise(spans):
        assert text[b:c].strip("\n") == ""  # only the line breaks at a cut are left out
    assert all(em_width(text[a:b]) <= 120 for a, b in spans)
