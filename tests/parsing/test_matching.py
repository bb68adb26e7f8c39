"""Version matching of measures: renumbering, rewording, reordering, additions and removals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.parsing.matching import (
    MATCH_THRESHOLD,
    MatchKind,
    MeasureKey,
    keys_for_document,
    match_measures,
    word_diff,
)

OLD = [
    ("一", "1", "推行“一网通办”，政务服务事项网上可办率达到90%以上。"),
    ("一", "2", "压缩企业开办时间至3个工作日以内，全面推行企业开办“一窗通办”。"),
    ("一", "3", "开展“减证便民”行动，全面清理各类证明材料，公布保留证明事项清单。"),
    ("一", "4", "建立政务服务“好差评”制度，差评整改率达到100%。"),
    ("二", "5", "落实减税降费政策，确保各项政策红利直达市场主体。"),
    ("二", "6", "建立重点项目用地保障机制，优先保障重大项目建设用地。"),
    ("二", "7", "设立县级应急转贷资金，缓解中小企业还贷续贷压力。"),
    ("二", "8", "组织开展银企对接活动，每季度至少举办一次。"),
    ("三", "9", "加强对涉企收费的监督检查，坚决查处乱收费、乱罚款、乱摊派行为。"),
]

NEW = [
    ("一", "1", "推行“一网通办”，政务服务事项网上可办率达到90%以上。"),
    # inserted in the middle: every later number shifts by one
    ("一", "2", "推进“跨省通办”，实现高频政务服务事项异地可办。"),
    ("一", "3", "压缩企业开办时间至1个工作日以内，全面推行企业开办“一窗通办”。"),  # reworded
    ("一", "4", "开展“减证便民”行动，全面清理各类证明材料，公布保留证明事项清单。"),
    ("一", "5", "建立政务服务“好差评”制度，差评整改率达到100%。"),
    # 6 (用地保障) removed; 7 and 8 swapped
    ("二", "6", "组织开展银企对接活动，每季度至少举办一次。"),
    ("二", "7", "落实减税降费政策，确保各项政策红利直达市场主体。"),
    ("二", "8", "设立县级应急转贷资金，缓解中小企业还贷续贷压力。"),
    # moved from 三 to 二
    ("二", "9", "加强对涉企收费的监督检查，坚决查处乱收费、乱罚款、乱摊派行为。"),
    ("三", "10", "健全常态化政企沟通机制，定期召开企业家座谈会。"),  # genuinely new
]


def _keys(rows: list[tuple[str, str, str]], base: int) -> list[MeasureKey]:
    return [
        MeasureKey(base + k, (sec, num), num, text[:10], text)
        for k, (sec, num, text) in enumerate(rows)
    ]


def test_realistic_revision() -> None:
    old, new = _keys(OLD, 100), _keys(NEW, 200)
    result = match_measures(old, new)
    kinds = {
        (m.old.number if m.old else None, m.new.number if m.new else None): m.kind
        for m in result.matches
    }

    assert kinds[("1", "1")] is MatchKind.UNCHANGED
    assert kinds[(None, "2")] is MatchKind.ADDED
    assert kinds[("2", "3")] is MatchKind.CHANGED
    # renumbered only: still unchanged, flagged
    assert kinds[("3", "4")] is MatchKind.UNCHANGED
    assert kinds[("4", "5")] is MatchKind.UNCHANGED
    assert kinds[("6", None)] is MatchKind.REMOVED
    assert kinds[(None, "10")] is MatchKind.ADDED
    assert kinds[("9", "9")] is MatchKind.MOVED  # changed section
    # the swap: one of the two is out of order
    swapped = [kinds[("5", "7")], kinds[("7", "8")], kinds[("8", "6")]]
    assert swapped.count(MatchKind.MOVED) == 1

    renumbered = {m.new.number for m in result.matches if m.renumbered and m.new}
    assert {"3", "4", "5"} <= renumbered

    changed = result.changed[0]
    assert changed.similarity >= MATCH_THRESHOLD
    assert ("delete", "3") in changed.diff and ("insert", "1") in changed.diff
    assert len(result.old_to_new) == 8
    assert result.old_to_new[101] == 202  # old 2 -> new 3
    # every measure appears exactly once
    assert sorted(m.old.key for m in result.matches if m.old) == [k.key for k in old]
    assert sorted(m.new.key for m in result.matches if m.new) == [k.key for k in new]


def test_unrelated_measures_in_the_same_place_do_not_pair() -> None:
    old = _keys([("一", "1", "加强组织领导，成立工作专班，明确责任分工。")], 1)
    new = _keys([("一", "1", "完善农村供水工程运行管护机制，提升供水保障水平。")], 2)
    result = match_measures(old, new)
    assert [m.kind for m in result.matches] == [MatchKind.ADDED, MatchKind.REMOVED]


def test_duplicate_texts_prefer_the_same_place() -> None:
    text = "按月调度工作进展，及时报送落实情况。"
    old = _keys([("一", "1", text), ("二", "2", text)], 1)
    new = _keys([("一", "1", text), ("二", "2", text)], 11)
    result = match_measures(old, new)
    assert result.old_to_new == {1: 11, 2: 12}
    assert all(m.kind is MatchKind.UNCHANGED and not m.renumbered for m in result.matches)


def test_spacing_width_and_leading_numbers_do_not_count_as_changes() -> None:
    old = _keys([("一", "1", "1. 推进证照分离改革，（一）压缩审批时限。")], 1)
    new = _keys([("一", "1", "推进证照分离改革,(一)压缩审批时限")], 2)
    assert match_measures(old, new).matches[0].kind is MatchKind.UNCHANGED


def test_a_new_start_date_or_schedule_is_a_change_to_report() -> None:
    text = "组织开展银企对接活动，推动金融机构加大信贷投放。"
    [old] = _keys([("二", "8", text)], 1)
    old = replace(old, start=date(2023, 1, 1), recurring="每季度")
    later = replace(old, key=2, start=date(2023, 3, 1))
    monthly = replace(old, key=3, recurring="每月")
    same = replace(old, key=4, text=" " + text)

    [start_match] = match_measures([old], [later]).matches
    assert start_match.kind is MatchKind.CHANGED and start_match.diff == ()
    assert [(c.label, c.old, c.new) for c in start_match.changes] == [
        ("开始时间", "2023年1月1日起", "2023年3月1日起")
    ]
    [schedule_match] = match_measures([old], [monthly]).matches
    assert [(c.label, c.old, c.new) for c in schedule_match.changes] == [
        ("完成频次", "每季度", "每月")
    ]
    assert match_measures([old], [same]).matches[0].kind is MatchKind.UNCHANGED


def test_a_new_schedule_or_start_in_the_deadline_as_written_is_reported_once() -> None:
    text = "调度重点项目审批进展。"
    [old] = _keys([("二", "8", text)], 1)
    quarterly = replace(old, deadline="每季度", recurring="每季度")
    monthly = replace(quarterly, key=2, deadline="每月", recurring="每月")
    [match] = match_measures([quarterly], [monthly]).matches
    assert [(c.label, c.old, c.new) for c in match.changes] == [("完成时限", "每季度", "每月")]

    # A task-list cell naming the start: the 完成时限 line shows the new start by itself.
    january = replace(old, deadline="2023年1月1日起至6月底前", start=date(2023, 1, 1))
    march = replace(january, key=3, deadline="3月1日起至6月底前", start=date(2023, 3, 1))
    [match] = match_measures([january], [march]).matches
    assert [c.field for c in match.changes] == ["deadline"]

    # The schedule changed in the wording, not in the deadline: both are news.
    yearly = replace(quarterly, deadline="2023年底前")
    later = replace(monthly, deadline="2024年底前")
    [match] = match_measures([yearly], [later]).matches
    assert [(c.label, c.old, c.new) for c in match.changes] == [
        ("完成时限", "2023年底前", "2024年底前"),
        ("完成频次", "每季度", "每月"),
    ]
    # The schedule moved out of the deadline into the wording: the 完成时限 line shows only
    # half of it, so 完成频次 stays.
    moved = replace(monthly, deadline="")
    [match] = match_measures([quarterly], [moved]).matches
    assert [c.field for c in match.changes] == ["deadline", "recurring"]


def test_empty_sides() -> None:
    new = _keys(NEW, 0)
    assert [m.kind for m in match_measures([], new).matches] == [MatchKind.ADDED] * len(NEW)
    assert [m.kind for m in match_measures(new, []).matches] == [MatchKind.REMOVED] * len(NEW)


def test_large_renumbered_list_is_fast() -> None:
    import time

    old = [
        MeasureKey(i, ("一", str(i)), str(i), "", f"第{i}项措施：推进重点工作{i * 7919 % 10007}")
        for i in range(3000)
    ]
    new = [
        MeasureKey(10_000 + i, ("一", str(i + 1)), str(i + 1), "", m.text)
        for i, m in enumerate(old)
    ]
    t = time.perf_counter()
    result = match_measures(old, new)
    assert time.perf_counter() - t < 2.0
    assert len(result.unchanged) == 3000


def test_word_diff_reads_as_phrases() -> None:
    diff = word_diff("压缩至3个工作日以内", "压缩至1个工作日以内，推行全程网办")
    assert diff == [
        ("equal", "压缩至"),
        ("delete", "3"),
        ("insert", "1"),
        ("equal", "个工作日以内"),
        ("insert", "，推行全程网办"),
    ]


@given(st.text(max_size=40), st.text(max_size=40))
def test_word_diff_rebuilds_both_texts(a: str, b: str) -> None:
    diff = word_diff(a, b)
    assert "".join(t for op, t in diff if op != "insert") == a
    assert "".join(t for op, t in diff if op != "delete") == b
    assert all(op in ("equal", "insert", "delete") and t for op, t in diff)


def test_keys_for_document_and_section_titles() -> None:
    from desktop.parsing.model import ParsedDocument, ParsedMeasure, ParsedSection

    def doc(first_section: str) -> ParsedDocument:
        return ParsedDocument(
            title="方案",
            sections=[
                ParsedSection(["一"], "一", first_section),
                ParsedSection(["二"], "二", "强化保障"),
            ],
            measures=[
                ParsedMeasure(["一", "1"], "1", "甲", "推进甲项工作，完善甲项机制。"),
                ParsedMeasure(["二", "2"], "2", "乙", "推进乙项工作，完善乙项机制。"),
            ],
        )

    old = keys_for_document(doc("优化服务"))
    assert old[0].sections == ("优化服务",) and old[1].key == 1
    # a new section inserted before: numbers shift, titles do not; nothing moved
    shifted = doc("优化服务")
    shifted.sections = [
        ParsedSection(["二"], "二", "优化服务"),
        ParsedSection(["三"], "三", "强化保障"),
    ]
    shifted.measures[0].path = ["二", "1"]
    shifted.measures[1].path = ["三", "2"]
    result = match_measures(old, keys_for_document(shifted, 100))
    assert [m.kind for m in result.matches] == [MatchKind.UNCHANGED, MatchKind.UNCHANGED]
    assert all(m.renumbered for m in result.matches)
