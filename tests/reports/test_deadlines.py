"""The 完成时限 as the report prints it: with the year a document meant, never an empty cell."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.reports.data import QuarterReportData, ReportMeasure
from desktop.reports.summary import deadline_cell, deadline_label


@pytest.fixture
def measure(sample: QuarterReportData) -> ReportMeasure:
    return replace(sample.plans[0].measures[0], long_term=False, recurring=None)


@pytest.mark.parametrize(
    ("text", "deadline", "printed"),
    [
        ("6月底前", date(2021, 6, 30), "2021年6月底前"),
        ("年底前；6月底前", date(2021, 6, 30), "2021年底前、6月底前"),  # not 2021年年底前
        ("年内", date(2021, 12, 31), "2021年内"),
        ("上半年", date(2022, 6, 30), "2022年上半年"),
        # a year in front would say 2021年次年: the date follows instead
        ("次年3月底前", date(2022, 3, 31), "次年3月底前（2022年3月31日）"),
        ("2023年6月底前", date(2023, 6, 30), "2023年6月底前"),  # as written
        ("二〇二三年六月底前", date(2023, 6, 30), "二〇二三年六月底前"),
        ("6月底前", None, "6月底前"),  # no date to take a year from
        (None, date(2023, 9, 30), "2023年9月30日"),
    ],
)
def test_deadline_reads_with_its_year(
    measure: ReportMeasure, text: str | None, deadline: date | None, printed: str
) -> None:
    m = replace(measure, deadline_text=text, deadline=deadline)
    assert deadline_label(m) == printed
    assert deadline_cell(m) == printed.replace("、", "\n")  # in a table: a part a line


def test_no_deadline(measure: ReportMeasure) -> None:
    m = replace(measure, deadline_text=None, deadline=None)
    assert deadline_label(m) == "" and deadline_cell(m) == "—"
    assert deadline_cell(replace(m, long_term=True)) == "长期坚持"
    assert deadline_cell(replace(m, recurring="每季度")) == "每季度"
    dated = replace(m, recurring="每季度", deadline_text="年底前", deadline=date(2023, 12, 31))
    assert deadline_label(dated) == "每季度、2023年底前"
    assert deadline_cell(dated) == "每季度\n2023年底前"
