"""Import-preview corrections: merge, split, promote, demote, include, exclude."""

from __future__ import annotations

from datetime import date

from desktop.parsing import ParsedDocument, ParsedMeasure, ParsedSection, editing


def doc() -> ParsedDocument:
    return ParsedDocument(
        title="测试方案",
        date=date(2023, 3, 1),
        sections=[ParsedSection(["一"], "一", "优化服务"), ParsedSection(["二"], "二", "保障措施")],
        measures=[
            ParsedMeasure(
                ["一", "1"],
                "1",
                "甲",
                "甲。6月底前完成。",
                ["省发展改革委"],
                ["省财政厅"],
                "6月底前",
                date(2023, 6, 30),
                False,
                [date(2023, 6, 30)],
            ),
            ParsedMeasure(
                ["一", "2"], "2", "乙", "乙继续。", ["省人社厅"], [], None, None, False, []
            ),
            ParsedMeasure(["一", "3"], "3", "丙", "丙。", [], ["省住建厅"], None, None, True, []),
            ParsedMeasure(["二", "4"], "4", "丁", "丁。", [], [], None, None, False, []),
        ],
    )


def test_merge_with_next_joins_text_and_units() -> None:
    merged = editing.merge_with_next(doc(), 0)
    assert [m.number for m in merged.measures] == ["1", "3", "4"]
    first = merged.measures[0]
    assert first.text == "甲。6月底前完成。乙继续。"
    assert first.lead_units == ["省发展改革委", "省人社厅"]
    assert first.deadline == date(2023, 6, 30)


def test_split_measure_reparses_deadlines_and_titles() -> None:
    d = doc()
    d.measures[1] = ParsedMeasure(
        ["一", "2"],
        "2",
        "乙",
        "建立台账。年底前完成全部整改。",
        ["省人社厅"],
        [],
        None,
        None,
        False,
        [],
    )
    out = editing.split_measure(d, 1, len("建立台账。"))
    first, second = out.measures[1], out.measures[2]
    assert (first.title, second.title) == ("建立台账", "年底前完成全部整改")
    assert second.number == "2-2" and second.path == ["一", "2-2"]
    assert second.deadline == date(2023, 12, 31)
    assert second.lead_units == ["省人社厅"]


def test_promote_makes_a_heading_over_following_siblings() -> None:
    out = editing.promote_to_section(doc(), 0)
    assert [s.path for s in out.sections][:2] == [["一"], ["一", "1"]]
    assert [m.path for m in out.measures] == [["一", "1", "2"], ["一", "1", "3"], ["二", "4"]]


def test_demote_turns_a_heading_into_a_measure_and_lifts_its_children() -> None:
    out = editing.demote_to_measure(doc(), 1)
    assert [s.title for s in out.sections] == ["优化服务"]
    assert [m.title for m in out.measures] == ["甲", "乙", "丙", "保障措施", "丁"]
    assert out.measures[-1].path == ["4"]


def test_include_section_keeps_the_heading_and_adds_a_measure() -> None:
    out = editing.include_section_as_measure(doc(), 1)
    assert len(out.sections) == 2
    assert [m.title for m in out.measures] == ["甲", "乙", "丙", "保障措施", "丁"]


def test_exclude_drops_measures_and_whole_sections() -> None:
    out = editing.exclude(doc(), {0}, {1})
    assert [m.title for m in out.measures] == ["乙", "丙"]
    assert [s.title for s in out.sections] == ["优化服务"]


def test_leading_title_is_the_short_first_phrase() -> None:
    assert editing.leading_title("支持市场主体发展。坚持把培育壮大市场主体…") == "支持市场主体发展"
    long = "在" * 60 + "。"
    assert editing.leading_title(long) == "在" * 30 + "…"
    # A long first sentence: its first clause, not the whole sentence.
    assert (
        editing.leading_title(
            "推行查验作业“预约制”，为企业提供查验时间预约、查验结果网上推送服务。"
        )
        == "推行查验作业“预约制”"
    )
    # Separators inside quotes do not end the clause.
    assert (
        editing.leading_title(
            "开展跨部门“双随机，一公开”联合抽查，对涉企事项实行清单管理和动态调整。"
        )
        == "开展跨部门“双随机，一公开”联合抽查"
    )
    assert (
        editing.leading_title("深化“一业一证”改革，扩大行业范围。全面推行。")
        == "深化“一业一证”改革，扩大行业范围"
    )


def with_context() -> ParsedDocument:
    from desktop.parsing import ParsedContext

    d = doc()
    d.sections.append(ParsedSection(["三"], "三", "附则"))
    d.context_items = [
        ParsedContext(["段1"], "段1", "为推进改革", "为推进改革，制定本方案。", 0),
        ParsedContext(["二", "（一）"], "（一）", "加强领导", "加强领导。年底前建立机制。", 4),
        ParsedContext(["三"], "三", "附则", "附则。本方案自印发之日起施行。", 4),
    ]
    return d


def test_include_context_puts_a_measure_in_its_place() -> None:
    out = editing.include_context(with_context(), 1)
    assert [m.number for m in out.measures] == ["1", "2", "3", "4", "（一）"]
    included = out.measures[-1]
    assert included.path == ["二", "（一）"] and included.title == "加强领导"
    assert included.deadline == date(2023, 12, 31)  # the deadline it names is read
    assert [c.number for c in out.context_items] == ["段1", "三"]
    # A preamble paragraph goes before the first measure.
    first = editing.include_context(out, 0)
    assert first.measures[0].number == "段1"
    assert [c.position for c in first.context_items] == [6]


def test_including_a_context_heading_replaces_the_heading() -> None:
    out = editing.include_context(with_context(), 2)
    assert out.measures[-1].path == ["三"]
    assert ["三"] not in [s.path for s in out.sections]


def test_structural_edits_keep_context_positions() -> None:
    merged = editing.merge_with_next(with_context(), 0)
    assert [c.position for c in merged.context_items] == [0, 3, 3]
    split = editing.split_measure(with_context(), 3, 1)
    assert [c.position for c in split.context_items] == [0, 5, 5]
    out = editing.include_context(split, 1)
    assert out.measures[5].number == "（一）"


def test_merge_keeps_the_start_and_schedule_of_both_parts() -> None:
    two = ParsedDocument(
        title="t",
        measures=[
            ParsedMeasure(["1"], "1", "a", "开展评估。", start=date(2023, 3, 1)),
            ParsedMeasure(["2"], "2", "b", "每季度通报一次。", recurring="每季度"),
        ],
    )
    [merged] = editing.merge_with_next(two, 0).measures
    assert (merged.start, merged.recurring) == (date(2023, 3, 1), "每季度")
