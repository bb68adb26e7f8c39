"""parse_text on samples and arbitrary input: structure basics and the never-raises property."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.parsing import parse_text, to_json
from desktop.parsing.parser import NO_MEASURES_WARNING, _parse
from desktop.readers import read_file

DATA = Path(__file__).resolve().parents[1] / "data"

_PIECES = st.sampled_from(
    [
        "一、",
        "（一）",
        "1.",
        "（1）",
        "①",
        "第一条",
        "第二章",
        "\n",
        "（",
        "）",
        "〔",
        "〕",
        "牵头",
        "负责",
        "牵头单位：",
        "责任单位：",
        "完成时限：",
        "2023年6月底前",
        "年底前",
        "长期坚持",
        "省财政厅",
        "、",
        "，",
        "。",
        "以下措施均需各市州政府落实，不再一一列出",
        "附件1",
        "甘政办发〔2023〕38 号",
        "2023 年5 月10 日",
        "# Page 3:",
        "3. 甘肃省人民政府办公厅关于印发方案的通知（2023 年3 月20）",
        "等",
        "及",
        "\t",
        "序号\t重点任务\t牵头单位\t完成时限\n",
        "【牵头单位】",
        "附件1：",
        "⑴",
        "⒈",
        "❶",
        "Ⅱ、",
        "由",
        "主要包括：",
        "以下各项任务，",
        "均需",
        "不再一一列出",
        "起",
        "目录\n",
        "…………3\n",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join))
def test_never_raises_on_policy_like_text(text: str) -> None:
    result = _parse(text, (), 2023)
    to_json(result)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(min_value=-10, max_value=10000)))
def test_never_raises_on_any_text(text: str, year: int | None) -> None:
    _parse(text, (), year)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.lists(st.text(max_size=6), max_size=5), max_size=5), max_size=3))
def test_never_raises_on_any_tables(tables: list[list[list[str]]]) -> None:
    _parse("", tables, None)


def test_empty_text_gives_warning_not_error() -> None:
    result = parse_text("")
    assert result.measure_count == 0
    assert NO_MEASURES_WARNING in result.warnings


def test_sample_000_walking_skeleton() -> None:
    read = read_file(DATA / "000_dc0896af9e17fb39.txt")
    result = parse_text(read.text)
    (doc,) = result.documents
    assert doc.doc_number == "甘政办发〔2022〕137号"
    assert doc.issuer == "甘肃省人民政府办公厅"
    assert doc.date == date(2022, 12, 29)
    assert len(doc.measures) == 59
    first = doc.measures[0]
    assert first.path == ["一", "（一）", "1"]
    assert first.title == "保护个体工商户等市场主体合法权益"
    assert first.lead_units == ["省市场监管局", "省工信厅"]
    assert first.deadline == date(2023, 6, 30)
    assert [s.number for s in doc.sections[:2]] == ["一", "（一）"]
    # The standing note of measure 1 reaches every later measure.
    assert "甘肃矿区办事处" in doc.measures[-1].responsible_units


def test_sample_002_date_is_signature_not_web_header() -> None:
    read = read_file(DATA / "002_d33fa898f2219e78.txt")
    (doc,) = parse_text(read.text).documents
    assert doc.date == date(2021, 6, 2)
    assert doc.doc_number == "甘政办发〔2021〕43号"
    assert doc.measures[0].deadline == date(2021, 6, 30)


def test_compilation_is_split() -> None:
    read = read_file(DATA / "001_a12de29939aeaa05-excerpt.txt")
    docs = parse_text(read.text).documents
    assert len(docs) == 10
    assert docs[0].doc_number == "甘政办发〔2023〕28号"
    assert docs[0].title.endswith("建设方案的通知")


def test_default_year_for_undated_text() -> None:
    text = "一、重点任务\n（一）推进改革。6月底前完成。（省财政厅牵头）\n"
    (measure,) = parse_text(text, default_year=2024).documents[0].measures
    assert measure.deadline == date(2024, 6, 30)
    assert measure.lead_units == ["省财政厅"]


def test_numbering_restarting_per_section() -> None:
    text = "一、甲\n1.任务一。（A局负责）\n2.任务二。（B局负责）\n二、乙\n1.任务三。（C局负责）\n"
    doc = parse_text(text).documents[0]
    assert [m.path for m in doc.measures] == [["一", "1"], ["一", "2"], ["二", "1"]]


def test_half_width_variants() -> None:
    text = "一、甲\n(一)任务一。(省财政厅牵头,省税务局配合)\n(二)任务二。[牵头单位:省商务厅]\n"
    doc = parse_text(text).documents[0]
    assert [m.number for m in doc.measures] == ["（一）", "（二）"]
    assert doc.measures[0].lead_units == ["省财政厅"]
    assert doc.measures[0].responsible_units == ["省税务局"]
    assert doc.measures[1].lead_units == ["省商务厅"]


def test_responsible_only_bracket_has_no_lead() -> None:
    text = "一、甲\n（一）任务。（省财政厅、省税务局负责）\n"
    (m,) = parse_text(text).documents[0].measures
    assert m.lead_units == []
    assert m.responsible_units == ["省财政厅", "省税务局"]


def test_mixed_arabic_separators_are_one_level() -> None:
    text = "一、甲\n1.任务一。（A局负责）\n2、任务二。（B局负责）\n"
    doc = parse_text(text).documents[0]
    assert [m.path for m in doc.measures] == [["一", "1"], ["一", "2"]]


def test_standing_note_in_introduction() -> None:
    text = (
        "以下措施均需各市人民政府落实，不再逐一列出。\n一、甲\n"
        "（一）任务一。（省财政厅牵头）\n（二）任务二。（省商务厅负责）\n"
    )
    doc = parse_text(text).documents[0]
    assert [m.responsible_units for m in doc.measures] == [
        ["各市人民政府"],
        ["省商务厅", "各市人民政府"],
    ]


def test_unmarked_task_section_in_marked_document() -> None:
    text = (
        "一、总体要求\n坚持稳中求进。\n二、重点任务\n（一）任务一。（省财政厅牵头）\n"
        "三、其他任务\n（二）任务二。\n四、进一步强化组织保障\n（三）加强领导。\n"
    )
    doc = parse_text(text).documents[0]
    assert [m.number for m in doc.measures] == ["（一）", "（二）"]


def test_task_table_with_title_and_measure_columns() -> None:
    table = [
        ["序号", "工作任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
        ["1", "优化服务", "推行网上办理。", "市政务办", "市大数据局", "2023年6月底前"],
    ]
    (m,) = parse_text("", tables=[table], default_year=2023).documents[0].measures
    assert m.title == "优化服务"
    assert m.text.startswith("优化服务。推行网上办理")
    assert m.lead_units == ["市政务办"]
    assert m.responsible_units == ["市大数据局"]
    assert m.deadline == date(2023, 6, 30)


def test_json_carries_recurring_and_start() -> None:
    text = (
        "一、甲\n（一）开展评估。每季度开展一次评估，9月1日起实行。（省财政厅负责，每季度）\n"
        "（二）推进改革。6月底前完成。（省商务厅负责）\n"
    )
    first, second = to_json(parse_text(text, default_year=2023))["documents"][0]["measures"]
    assert (first["recurring"], first["start"], first["deadline"]) == ("每季度", "2023-09-01", None)
    assert (second["recurring"], second["start"], second["deadline"]) == (None, None, "2023-06-30")
