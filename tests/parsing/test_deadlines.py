"""Deadline phrases -> dates, long-term and recurring flags."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.parsing.deadlines import parse_cn_date, parse_deadlines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年6月底前", date(2023, 6, 30)),
        ("6月底前", date(2021, 6, 30)),
        ("年底前", date(2021, 12, 31)),
        ("2023年9月30日前", date(2023, 9, 30)),
        ("2023 年 12 月底前，全省", date(2023, 12, 31)),
        ("上半年", date(2021, 6, 30)),
        ("第三季度", date(2021, 9, 30)),
        ("2022年第一季度末", date(2022, 3, 31)),
        ("到2022年底，解决商业纠纷", date(2022, 12, 31)),
        ("力争年底前建成", date(2021, 12, 31)),
        ("年内出台管理办法", date(2021, 12, 31)),
        ("二〇二三年六月底前", date(2023, 6, 30)),
        ("完成时限：2023年10月", date(2023, 10, 31)),
        ("2023年10月", date(2023, 10, 31)),
        ("在次年3 月底前足额落实", date(2022, 3, 31)),
        ("6月中旬前", date(2021, 6, 20)),
        ("到2025年，全市建成", date(2025, 12, 31)),
        # Forms seen in deadline cells and fields.
        ("2023年6月30日", date(2023, 6, 30)),
        ("完成时限：2023年11月30日", date(2023, 11, 30)),
        ("2023.6.30", date(2023, 6, 30)),
        ("2023-06-30", date(2023, 6, 30)),
        ("2023/9", date(2023, 9, 30)),
        ("2023年", date(2023, 12, 31)),
        ("2024年全年", date(2024, 12, 31)),
    ],
)
def test_single_deadline(text: str, expected: date) -> None:
    info = parse_deadlines(text, 2021)
    assert info.deadline == expected
    assert info.deadlines == [expected]
    assert info.deadline_text


def test_month_takes_last_named_year() -> None:
    info = parse_deadlines("2022年5月底前，各县试点；8月底前，崆峒区推行", 2021)
    assert info.deadlines == [date(2022, 5, 31), date(2022, 8, 31)]
    assert info.deadline_text == "2022年5月底前；8月底前"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # The words after a bare year only tell that it is a target; the 完成时限 column of a
        # report shows the year, not '2022年在省内'.
        ("9月起在兰州市率先推行，2022年在省内全面推行", "2022年"),
        ("2023年在全省推广", "2023年"),
        ("力争2025年基本建成覆盖城乡的服务体系", "2025年"),
        ("2024年实现全覆盖", "2024年"),
        ("到2025年，全市建成", "2025年"),
        # A deadline suffix is part of the deadline as written.
        ("2025年前完成改造", "2025年前"),
        ("2023年内出台办法", "2023年内"),
    ],
)
def test_a_bare_year_target_is_written_as_the_year(text: str, phrase: str) -> None:
    info = parse_deadlines(text, 2021, running_text=True)
    assert info.deadline_text == phrase
    assert info.deadline == date(int(phrase[:4]), 12, 31)


@pytest.mark.parametrize(
    ("text", "deadlines", "start"),
    [
        # A start date is when work begins: a measure is not overdue from that day on.
        ("2023年1月1日起，全省实行", [], date(2023, 1, 1)),
        ("自2023年4月1日起，税务机关自动同步", [], date(2023, 4, 1)),
        ("9月起在兰州市率先推行，2022年在省内全面推行", [date(2022, 12, 31)], date(2021, 9, 1)),
        (
            "2023年6月底前实现全程网办。2023年1月1日起，全省统收统支",
            [date(2023, 6, 30)],
            date(2023, 1, 1),
        ),
        (
            "2022年5月底前，各县试点；8月1日起，崆峒区推行；2023年1月1日起全面实行",
            [date(2022, 5, 31)],
            date(2022, 8, 1),
        ),
        ("2023年3月开始试点，6月底前完成", [date(2023, 6, 30)], date(2023, 3, 1)),
    ],
)
def test_start_dates_are_not_deadlines(text: str, deadlines: list[date], start: date) -> None:
    info = parse_deadlines(text, 2021, running_text=True)
    assert info.deadlines == deadlines
    assert info.deadline == (deadlines[0] if deadlines else None)
    assert info.start == start
    assert "起" not in (info.deadline_text or "")


def test_no_year_known_keeps_text_without_date() -> None:
    info = parse_deadlines("6月底前", None)
    assert info.deadline is None
    assert info.deadline_text == "6月底前"


@pytest.mark.parametrize(
    "text", ["长期坚持", "（省民政厅负责，长期坚持）", "持续推进", "常态化推进"]
)
def test_long_term(text: str) -> None:
    info = parse_deadlines(text, 2023)
    assert info.long_term
    assert info.deadline is None


def test_long_term_word_inside_sentence_is_not_a_flag() -> None:
    assert not parse_deadlines("持续推进保障中小企业账款支付工作", 2023).long_term


@pytest.mark.parametrize(
    ("text", "expected"), [("每季度", "每季度"), ("每月", "每月"), ("按季度", "每季度")]
)
def test_recurring(text: str, expected: str) -> None:
    info = parse_deadlines(text, 2023)
    assert info.recurring == expected
    assert info.deadline_text == text


def test_recurring_inside_running_text_needs_its_own_clause() -> None:
    assert parse_deadlines("按月调度、加快推进", 2023, running_text=True).recurring is None
    assert (
        parse_deadlines("（省财政厅负责，每季度）", 2023, running_text=True).recurring == "每季度"
    )


@pytest.mark.parametrize(
    "text",
    [
        "2022年9月至2023年3月期间，将两类群体纳入",
        "执行期限为2023年1月1日至2023年12月31日",
        "兜底保障",
        "2023年是全面贯彻党的二十大精神的开局之年",
        "压缩至3个工作日内",
        "《市场准入负面清单（2022年版）》",
    ],
)
def test_not_deadlines(text: str) -> None:
    assert parse_deadlines(text, 2023).deadlines == []


def test_parse_cn_date() -> None:
    assert parse_cn_date("甘肃省人民政府办公厅 2023 年3 月20 日") == date(2023, 3, 20)
    assert parse_cn_date("二〇二二年十二月二十九日") == date(2022, 12, 29)
    assert parse_cn_date("2023年2月30日") is None
    assert parse_cn_date("无日期") is None


@given(st.text(), st.one_of(st.none(), st.integers(min_value=-5, max_value=10000)))
def test_never_raises(text: str, year: int | None) -> None:
    info = parse_deadlines(text, year)
    assert info.deadline is None or info.deadline == min(info.deadlines)


def test_a_bare_date_in_running_text_is_not_a_deadline() -> None:
    assert parse_deadlines("本办法自2023年1月1日施行。", 2023, running_text=True).deadlines == []
    assert parse_deadlines("2023年召开大会", 2023, running_text=True).deadlines == []


@pytest.mark.parametrize(
    ("text", "start", "deadline"),
    [
        ("2023年1月1日起至6月底前", date(2023, 1, 1), date(2023, 6, 30)),
        ("自2023年3月1日起至2023年12月31日开展专项整治", date(2023, 3, 1), date(2023, 12, 31)),
        ("2023年3月起至年底，开展专项行动", date(2023, 3, 1), date(2023, 12, 31)),
    ],
)
def test_a_range_opened_by_qi_gives_the_start_and_the_deadline(
    text: str, start: date, deadline: date
) -> None:
    for running in (False, True):
        info = parse_deadlines(text, 2021, running_text=running)
        assert (info.start, info.deadlines) == (start, [deadline])
        assert "起" not in (info.deadline_text or "")


@pytest.mark.parametrize(
    "text",
    [
        "有效期自2023年1月1日起至2025年12月31日",
        "有效期为2023年1月1日至2025年12月31日",
        "2022年9月至2023年3月期间，将两类群体纳入",
    ],
)
def test_a_validity_period_or_a_plain_period_is_neither_start_nor_deadline(text: str) -> None:
    info = parse_deadlines(text, 2023, running_text=True)
    assert (info.start, info.deadlines) == (None, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("建立跨部门综合监管事项清单，每季度开展一次“双随机、一公开”联合抽查。", "每季度"),
        ("各地要每季度通报一次进展", "每季度"),
        ("建立工作专班，每月至少调度1次，2023年底前完成", "每月"),
        ("每半年召开一次外资企业圆桌会议", "每半年"),
    ],
)
def test_a_frequency_with_a_count_of_times_is_a_schedule_in_running_text(
    text: str, expected: str
) -> None:
    assert parse_deadlines(text, 2023, running_text=True).recurring == expected


@pytest.mark.parametrize(
    "text",
    [
        "于每季度第一个月10日前报送上季度数据",  # a point in each quarter, no count of times
        "每年新增城镇就业1万人以上",  # a yearly target
        "每年开展职业技能培训2000人次",  # 人次 counts people
        "对困难群众每年发放一次性补贴",  # 一次性: once, not once each year
        "按月调度、加快推进",
    ],
)
def test_a_frequency_word_without_a_count_inside_a_sentence_is_not_a_schedule(text: str) -> None:
    assert parse_deadlines(text, 2023, running_text=True).recurring is None


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        ("本办法自2023年1月1日起施行。", []),
        ("本办法自2023年1月1日起施行，有效期至2025年12月31日。", []),
        ("本措施自2023年5月起执行。", []),
        ("《甘肃省政务服务事项管理办法》自2023年1月1日起实施。", []),
        ("本通知自2023年3月1日起正式施行，2023年6月底前完成清理。", [date(2023, 6, 30)]),
        ("新修订的条例自2023年7月1日起生效，各地要做好衔接", []),
    ],
)
def test_an_effective_date_clause_is_not_a_start(text: str, deadlines: list[date]) -> None:
    """The day a document comes into force is not the day a measure's work starts."""
    for running in (False, True):
        info = parse_deadlines(text, 2023, running_text=running)
        assert (info.start, info.deadlines) == (None, deadlines)


@pytest.mark.parametrize(
    "text",
    [
        # 执行 / 实施 said of a task, not of the document: the work starts that day.
        "全面推行证明事项告知承诺制，自2023年1月1日起实施。",
        "2023年1月1日起实施新的收费标准",
        "自2023年1月1日起执行，各地每季度报送一次",
    ],
)
def test_a_task_that_is_implemented_from_a_date_still_starts_then(text: str) -> None:
    assert parse_deadlines(text, 2023, running_text=True).start == date(2023, 1, 1)


def test_a_closing_effective_date_sentence_gives_the_measure_no_start() -> None:
    from desktop.parsing import parse_text

    text = (
        "某市优化营商环境若干措施\n"
        "一、推行告知承诺制。2023年6月底前在全市推行。（市司法局牵头）\n"
        "二、压缩办理时限。（市政务服务中心牵头）本措施自2023年1月1日起施行。\n"
    )
    measures = parse_text(text).documents[0].measures
    assert [(m.number, m.start, m.deadline) for m in measures] == [
        ("一", None, date(2023, 6, 30)),
        ("二", None, None),
    ]
