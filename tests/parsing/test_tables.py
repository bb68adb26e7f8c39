"""Task tables: columns, units with roles inside cells, and tables pasted into text files."""

from __future__ import annotations

from datetime import date

from desktop.parsing import parse_text


def measures(tables: list[list[list[str]]]) -> list:  # type: ignore[type-arg]
    return [
        m for d in parse_text("", tables=tables, default_year=2023).documents for m in d.measures
    ]


def test_roles_inside_a_responsibility_cell() -> None:
    (a, b, c) = measures(
        [
            [
                ["序号", "重点任务", "责任单位", "完成时间"],
                [
                    "1",
                    "推行一网通办",
                    "市政务服务管理和网络理政办牵头，市级有关部门配合",
                    "6月底前",
                ],
                ["2", "推进信用监管", "市发改委、市市场监管局牵头", "长期坚持"],
                ["3", "开展联合抽查", "市市场监管局", "每季度"],
            ]
        ]
    )
    assert (a.lead_units, a.responsible_units) == (["市政务服务管理和网络理政办"], ["市级有关部门"])
    assert (b.lead_units, b.responsible_units) == (["市发改委", "市市场监管局"], [])
    assert (c.lead_units, c.responsible_units) == ([], ["市市场监管局"])
    assert a.deadline == date(2023, 6, 30)


def test_lead_column_units_lead_even_with_a_role_word() -> None:
    (m,) = measures(
        [
            [
                ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
                ["1", "落实减税降费", "省财政厅负责", "省税务局", "2023年6月底前"],
            ]
        ]
    )
    assert (m.lead_units, m.responsible_units) == (["省财政厅"], ["省税务局"])


def test_bracket_in_the_task_cell_of_a_table_without_unit_columns() -> None:
    (m,) = measures(
        [
            [
                ["序号", "重点任务", "完成时限"],
                ["1", "落实减税降费政策。（省财政厅牵头，省税务局配合）", "2023年6月底前"],
            ]
        ]
    )
    assert (m.lead_units, m.responsible_units) == (["省财政厅"], ["省税务局"])


def test_person_columns_are_not_units() -> None:
    (m,) = measures(
        [
            [
                ["序号", "工作任务", "责任领导", "牵头单位", "配合单位", "完成时限"],
                ["1", "落实减税降费", "张三", "省财政厅", "省税务局", "2023年6月底前"],
            ]
        ]
    )
    assert (m.lead_units, m.responsible_units) == (["省财政厅"], ["省税务局"])


PASTED = (
    "某某省人民政府办公厅关于印发重点任务分工表的通知\n某政办发〔2023〕3号\n各市人民政府：\n"
    "现将重点任务分工表印发给你们。\n某某省人民政府办公厅\n2023年3月1日\n附件\n重点任务分工表\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "一、政务服务\n"
    "1\t建设一网通办门户\t省政务办\t省大数据中心\t2023年9月底前\n"
    "2\t推行告知承诺制\t省司法厅\t省直有关部门\t年底前\n"
    "二、要素保障\n"
    "3\t开展满意度评价\t省政务办\t各市人民政府\t每季度\n"
)


def test_a_table_pasted_into_text_is_read_as_a_table() -> None:
    (doc,) = parse_text(PASTED).documents
    assert [m.path for m in doc.measures] == [["一", "1"], ["一", "2"], ["二", "3"]]
    first, second, third = doc.measures
    assert first.text == "建设一网通办门户"
    assert (first.lead_units, first.responsible_units) == (["省政务办"], ["省大数据中心"])
    assert first.deadline == date(2023, 9, 30)
    assert second.deadline == date(2023, 12, 31)
    assert third.deadline is None and third.responsible_units == ["各市人民政府"]
    assert doc.title == "某某省人民政府办公厅关于印发重点任务分工表的通知"


def test_tabbed_text_that_is_not_a_task_table_stays_text() -> None:
    text = "一、重点任务\n（一）推进改革。\t内容。\t（省财政厅负责）\n（二）深化服务。（省税务局负责）\n"
    doc = parse_text(text).documents[0]
    assert [m.number for m in doc.measures] == ["（一）", "（二）"]
    assert doc.measures[0].responsible_units == ["省财政厅"]


def test_a_start_or_schedule_in_the_task_text_counts_beside_the_deadline_cell() -> None:
    (started, quarterly, monthly) = measures(
        [
            [
                ["序号", "重点任务", "牵头单位", "完成时限"],
                ["1", "2023年3月1日起全面推行证明事项告知承诺制", "省司法厅", "2023年底前"],
                ["2", "开展政务服务质量评估，每季度通报一次", "省政务服务中心", "2023年底前"],
                ["3", "调度重点项目审批进展，每季度通报一次", "省发展改革委", "每月"],
            ]
        ]
    )
    assert (started.start, started.deadline, started.recurring) == (
        date(2023, 3, 1),
        date(2023, 12, 31),
        None,
    )
    assert (quarterly.recurring, quarterly.deadline_text) == ("每季度", "2023年底前")
    assert monthly.recurring == "每月"  # the 完成时限 cell wins over the text


def test_an_undated_cell_in_a_document_without_a_date_takes_the_year_of_its_wenhao() -> None:
    text = "关于印发重点任务的通知\n某政办发〔2024〕3号\n"
    table = [
        ["序号", "重点任务", "牵头单位", "完成时限"],
        ["1", "建成政务服务大厅", "县住建局", "6月底前"],
    ]
    [doc] = parse_text(text, tables=[table]).documents
    assert doc.date is None and doc.doc_number == "某政办发〔2024〕3号"
    assert doc.measures[-1].deadline == date(2024, 6, 30)
