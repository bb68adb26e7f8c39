"""Start and schedule re-derived from a stored measure equal what the import parsed."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.parsing import parse_text
from desktop.parsing.deadlines import parse_deadline_cell
from desktop.parsing.schedule import document_year, stored_schedule, tasklist_years
from desktop.readers import read_file
from desktop.readers.xlsx import read_task_list
from tests.parsing.gold_eval import gold_files, source_of


def test_every_corpus_measure_as_stored_gives_back_its_start_and_schedule() -> None:
    """What the backfill of schema 0004 relies on: from the text and deadline a measure was
    stored with, the start and schedule come out as the parser gave them at import."""
    checked = with_schedule = 0
    for gold_path in gold_files():
        source = source_of(gold_path, json.loads(gold_path.read_text(encoding="utf-8")))
        read = read_file(source)
        for doc in parse_text(read.text, tables=read.tables).documents:
            year = document_year(doc.date, doc.doc_number)
            for m in doc.measures:
                got = stored_schedule("document", m.text, m.deadline_text, m.deadline, [year])
                assert got == (m.start, m.recurring), (source.name, m.path, m.text)
                checked += 1
                with_schedule += bool(m.start or m.recurring)
    # Task tables in Word files and pasted text are among them, and enough measures carry a
    # start or schedule for the comparison to mean something.
    assert checked > 400 and with_schedule >= 15


def test_a_word_task_table_row_gives_back_the_start_in_its_deadline_cell() -> None:
    table = [
        ["序号", "重点任务", "牵头单位", "完成时限"],
        ["1", "全面推行证明事项告知承诺制", "省司法厅", "2023年1月1日起至6月底前"],
        ["2", "开展政务服务质量评估，每季度通报一次", "省政务服务中心", "2023年底前"],
    ]
    measures = parse_text("", tables=[table], default_year=2023).documents[0].measures
    assert [(m.start, m.recurring) for m in measures] == [
        (date(2023, 1, 1), None),
        (None, "每季度"),
    ]
    for m in measures:
        assert stored_schedule("document", m.text, m.deadline_text, m.deadline, [2023]) == (
            m.start,
            m.recurring,
        )


@pytest.mark.parametrize(
    ("cell", "years", "expected"),
    [
        ("2023年1月1日起至6月底前", [None], (date(2023, 1, 1), None)),
        ("每季度", [None], (None, "每季度")),
        ("按月", [2023], (None, "每月")),
        ("2023.12.31", [None], (None, None)),
        # No year in the cell: the candidate that gives back the stored deadline places it.
        ("9月1日起至12月底前", [None, 2023], (date(2023, 9, 1), None)),
    ],
)
def test_a_task_list_cell_gives_back_what_the_workbook_reader_stored(
    cell: str, years: list[int | None], expected: tuple[date | None, str | None]
) -> None:
    stored = parse_deadline_cell(cell, years[-1])
    assert (stored.start, stored.recurring) == expected
    assert stored_schedule("tasklist", "推进证照分离改革", cell, stored.deadline, years) == expected


def test_every_task_list_row_as_stored_gives_back_its_start_and_schedule(
    tmp_path: Path,
) -> None:
    """An Excel row's start and schedule come from its 完成时限 cell and its task text, as the
    workbook reader reads them; the backfill of schema 0004 derives the same from what is stored."""
    path = tmp_path / "2023年重点任务.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["序号", "重点任务", "牵头单位", "完成时限"])
    rows: list[tuple[str, object]] = [
        ("开展政务服务质量评估，每季度通报一次", "2023年底前"),
        ("2023年1月1日起全面推行告知承诺制", "2023年6月底前"),
        ("2023年3月起开展试点，10月底前完成验收", None),
        ("开展涉企收费专项整治，每月至少调度1次", datetime(2023, 9, 30)),
        ("推进证照分离改革", "9月1日起至12月底前"),
        ("建立企业诉求直达机制", "每季度"),
        ("落实减税降费政策", "2023年12月31日"),
    ]
    for i, (task, cell) in enumerate(rows, 1):
        ws.append([i, task, "县发改局", cell])
    wb.save(path)
    measures = read_task_list(path).documents[0].measures
    years = tasklist_years(None, path.name)
    assert [bool(m.start or m.recurring) for m in measures] == [True] * 6 + [False]
    for m in measures:
        got = stored_schedule("tasklist", m.text, m.deadline_text, m.deadline, years)
        assert got == (m.start, m.recurring), m.text


def test_years_of_a_plan_come_from_its_date_wenhao_title_or_file_name() -> None:
    assert document_year(date(2022, 10, 8), "甘政办发〔2023〕137号") == 2022
    assert document_year(None, "甘政办发〔2023〕137号") == 2023
    assert document_year(None, None) is None
    assert tasklist_years("XX县2023年重点任务台账", "任务.xlsx") == [2023]
    assert tasklist_years("Sheet1", "2024年重点任务.xlsx") == [2024]
    assert tasklist_years("Sheet1", "任务.xlsx") == [None]
