"""Chinese line breaking and justification of report text (desktop/reports/cjk.py)."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.reports.cjk import NO_END, NO_START, CJKParagraph, runs_for
from desktop.reports.fonts import report_fonts
from desktop.reports.layout import MARGIN_LEFT, TYPE_W
from desktop.reports.pdf_report import render_quarter_pdf
from desktop.reports.sample_data import sample_quarter_data
from desktop.reports.styles import make_styles

FONTS = report_fonts(use_system=False)
ST = make_styles(FONTS)
OPENING = (
    "按照《第十次全国深化“放管服”改革电视电话会议重点任务贯彻落实措施》（甘政办发〔2022〕137号）"
    "和《甘肃省服务“六稳”“六保”进一步做好“放管服”改革实施方案》（甘政办发〔2021〕43号）要求，"
    "榆中县人民政府办公室对照任务清单逐项抓好贯彻落实。截至2023年6月30日，共81项重点任务，"
    "已完成21项，推进中40项，未启动10项，暂缓10项，其中逾期未完成10项，完成率25.9%。"
    "现将2023年第二季度落实情况报告如下。"
)


def body(text: str, width: float = TYPE_W) -> CJKParagraph:
    p = CJKParagraph(runs_for(text, FONTS.body, FONTS.fallback), ST.body)
    p.wrap(width, 1e9)
    return p


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() -> None:
    # every offset of the text against the line ends, so each mark meets a line end somewhere
    for shift in range(28):
        lines = [t for t, *_ in body("重" * shift + OPENING).placements()]
        assert "".join(lines) == "重" * shift + OPENING  # nothing lost or doubled
        for line in lines[1:]:
            assert line[0] not in NO_START, (shift, line)
        for line in lines[:-1]:
            assert line[-1] not in NO_END, (shift, line)


def test_justified_to_the_type_area_and_never_past_it() -> None:
    for shift in range(28):
        placed = body("重" * shift + OPENING).placements()
        for _text, start, end, _cs in placed[:-1]:
            assert end == pytest.approx(TYPE_W, abs=0.01)
            assert start >= 0
        assert placed[-1][2] <= TYPE_W + 0.01


def test_a_bracketed_chinese_number_stays_whole() -> None:
    text = "第（二十一）项、（十五）项和（三）项及（二十二）项均已完成，（一百零八）项" * 3
    for shift in range(28):
        lines = [t for t, *_ in body("重" * shift + text).placements()]
        assert "".join(lines) == "重" * shift + text
        for a, b in itertools.pairwise(lines):
            # a line ending inside the digits would leave “（二十” above “一）”
            assert not (
                re.search(r"（[一二三四五六七八九十百零]+$", a)
                and b[0] in "一二三四五六七八九十百零"
            )


def test_28_characters_a_line_in_3hao() -> None:
    placed = body("落" * 200).placements()
    assert [len(t) for t, *_ in placed[:3]] == [26, 28, 28]  # the first line is two in


def test_numbers_and_words_stay_whole() -> None:
    text = "截至2023年6月30日，办理业务1,268件，满意率98.6%，摘要SHA-256已核对。" * 6
    for shift in range(28):
        lines = [t for t, *_ in body("重" * shift + text).placements()]
        for a, b in itertools.pairwise(lines):
            joint = a[-1] + b[0]
            assert not (a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum())
            assert not (a[-1].isdigit() and b[0] in "年月日件"), joint


def test_a_very_long_unbroken_string_is_cut_to_the_measure() -> None:
    placed = body("https://example.gov.cn/" + "a" * 600).placements()
    assert len(placed) > 5 and all(end <= TYPE_W + 0.01 for _t, _s, end, _c in placed)


def test_split_keeps_every_line_once() -> None:
    p = body(OPENING * 3)
    total = p.line_count()
    head, tail = p.split(TYPE_W, 5 * ST.body.leading)
    assert isinstance(head, CJKParagraph) and isinstance(tail, CJKParagraph)
    head.wrap(TYPE_W, 1e9)
    tail.wrap(TYPE_W, 1e9)
    assert head.line_count() == 5 and head.line_count() + tail.line_count() == total
    texts = [t for t, *_ in head.placements() + tail.placements()]
    assert "".join(texts) == OPENING * 3
    assert tail.placements()[0][1] == 0  # a continued paragraph has no first-line indent


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext not installed")
def test_body_text_of_the_report_stays_in_the_type_area(tmp_path: Path) -> None:
    """Word boxes from pdftotext: nothing on the upright pages reaches past the right margin."""
    out = tmp_path / "r.pdf"
    render_quarter_pdf(sample_quarter_data(), out)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "2", str(out), "-"],  # the body pages
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    right = MARGIN_LEFT + TYPE_W
    xmax = [float(v) for v in re.findall(r'xMax="([0-9.]+)"', html)]
    assert xmax and max(xmax) <= right + 0.5
    assert max(xmax) >= right - 1.0  # and justified lines do reach it


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("2023年6月底前", ["2023年", "6月底前"]),  # not 2023年6月 / 底前
        ("2023年12月底前", ["2023年", "12月底前"]),
        ("2023年6月中旬前", ["2023年6月", "中旬前"]),  # not 中旬 / 前
    ],
)
def test_a_deadline_keeps_its_words_in_a_narrow_cell(text: str, lines: list[str]) -> None:
    """The 完成时限 column holds about five characters: 底前 and 月底 stay together."""
    cell = CJKParagraph(runs_for(text, FONTS.body, FONTS.fallback), ST.td_center)
    cell.wrap(5.2 * ST.td_center.fontSize, 1e9)
    assert [t for t, *_ in cell.placements()] == lines
