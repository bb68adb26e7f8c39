"""Unit lists -> clean unit names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.parsing.units import split_units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("省市场监管局、省工信厅", ["省市场监管局", "省工信厅"]),
        (
            "省教育厅、省财政厅等省直有关部门、中央在甘有关单位",
            ["省教育厅", "省财政厅", "省直有关部门", "中央在甘有关单位"],
        ),
        (
            "省政府办公厅〔省大数据管理局〕、省市场监管局",
            ["省政府办公厅〔省大数据管理局〕", "省市场监管局"],
        ),
        ("省直有关部门及中央在甘单位", ["省直有关部门", "中央在甘单位"]),
        ("省 发展 改革委 ， 省财政厅", ["省发展改革委", "省财政厅"]),
        ("责任单位：市公管办", ["市公管办"]),
        ("省财政厅牵头", ["省财政厅"]),
        ("人行兰州中心支行等", ["人行兰州中心支行"]),
        ("市住建局、市生态环境局等部门", ["市住建局", "市生态环境局"]),
        ("各高等院校", ["各高等院校"]),
        ("省粮食和储备局", ["省粮食和储备局"]),
        (
            "县、区政府，金昌经开区管委会，市直有关部门、单位",
            ["县、区政府", "金昌经开区管委会", "市直有关部门、单位"],
        ),
        ("人行兰州中心支行(外汇局)", ["人行兰州中心支行（外汇局）"]),
        ("", []),
        ("省财政厅、省财政厅", ["省财政厅"]),
        # An addressee formula listing levels of government stays one unit.
        (
            "省经信厅、省发展改革委，各市、州、县人民政府",
            ["省经信厅", "省发展改革委", "各市、州、县人民政府"],
        ),
        ("各市、自治州人民政府", ["各市、自治州人民政府"]),
        ("各市、县（市、区）人民政府", ["各市、县（市、区）人民政府"]),
        ("各市、省直有关部门", ["各市", "省直有关部门"]),
        ("省发展改革委会同省财政厅", ["省发展改革委", "省财政厅"]),
        ("省教育厅以及各高校", ["省教育厅", "各高校"]),
        ("协同单位：省财政厅", ["省财政厅"]),
    ],
)
def test_split_units(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


@given(st.text())
def test_never_raises(text: str) -> None:
    assert all(unit for unit in split_units(text))
