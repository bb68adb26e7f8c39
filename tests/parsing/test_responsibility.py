"""Responsibility statements: labels, conjunctions and unit lists as policy texts write them."""

from __future__ import annotations

import pytest

from desktop.parsing import parse_text


def units(bracket: str) -> tuple[list[str], list[str]]:
    (m,) = parse_text(f"一、重点任务\n（一）推进改革。内容。{bracket}\n").documents[0].measures
    return m.lead_units, m.responsible_units


@pytest.mark.parametrize(
    ("bracket", "lead", "responsible"),
    [
        ("（主责单位：省商务厅；协同单位：省财政厅）", ["省商务厅"], ["省财政厅"]),
        ("（牵头单位：省财政厅；协办单位：省税务局）", ["省财政厅"], ["省税务局"]),
        ("（牵头单位：省财政厅；督导单位：省政府督查室）", ["省财政厅"], ["省政府督查室"]),
        ("（牵头单位：省财政厅；责任领导：张三）", ["省财政厅"], []),
        ("（省发展改革委会同省财政厅负责）", [], ["省发展改革委", "省财政厅"]),
        ("（省财政厅 省税务局牵头）", ["省财政厅", "省税务局"], []),
        (
            "（省财政厅 省税务局牵头，各市人民政府及省直有关部门负责）",
            ["省财政厅", "省税务局"],
            ["各市人民政府", "省直有关部门"],
        ),
        (
            "〔牵头单位：省通信管理局；责任单位：省经信厅，各市、州、县人民政府〕",
            ["省通信管理局"],
            ["省经信厅", "各市、州、县人民政府"],
        ),
    ],
)
def test_units_of_a_bracket(bracket: str, lead: list[str], responsible: list[str]) -> None:
    assert units(bracket) == (lead, responsible)


def test_a_signature_line_with_two_issuers_is_not_read_as_units() -> None:
    text = (
        "中共某省委办公厅 某省人民政府办公厅关于印发某方案的通知\n一、任务\n"
        "（一）任务一。内容。（省财政厅负责）\n中共某省委办公厅 某省人民政府办公厅\n2023年3月1日\n"
    )
    (doc,) = parse_text(text).documents
    assert doc.issuer == "中共某省委办公厅、某省人民政府办公厅"
    (m,) = doc.measures
    assert (m.lead_units, m.responsible_units) == ([], ["省财政厅"])
    assert "办公厅" not in m.text


@pytest.mark.parametrize(
    ("sentence", "lead", "responsible"),
    [
        ("由市发展改革委牵头，市财政局配合，2023年底前完成。", ["市发展改革委"], ["市财政局"]),
        ("由市政务办负责，长期坚持。", [], ["市政务办"]),
        ("市发改委、市商务局牵头，各区政府落实。", ["市发改委", "市商务局"], ["各区政府"]),
        ("由企业自主选择。", [], []),
        ("各地要加强领导，市政府督查室负责统筹协调。", [], []),
    ],
)
def test_roles_in_running_text(sentence: str, lead: list[str], responsible: list[str]) -> None:
    assert units(sentence) == (lead, responsible)


def test_labels_in_square_brackets_on_their_own_lines() -> None:
    text = (
        "一、重点任务\n（一）推进改革。内容。\n【牵头单位】市发展改革委\n【责任单位】市财政局、市商务局\n"
        "【完成时限】2023年9月底前\n（二）深化服务。内容。\n【责任单位】市政务服务中心\n【进度安排】每季度\n"
    )
    first, second = parse_text(text).documents[0].measures
    assert (first.lead_units, first.responsible_units) == (
        ["市发展改革委"],
        ["市财政局", "市商务局"],
    )
    assert first.deadlines and first.deadlines[0].isoformat() == "2023-09-30"
    assert (second.responsible_units, second.recurring) == (["市政务服务中心"], "每季度")
