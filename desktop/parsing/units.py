"""Unit lists as written in policy text ('省发展改革委、省财政厅等省直有关部门') -> clean unit names."""

from __future__ import annotations

import re

from desktop.parsing.labels import LEAD_LABELS, RESPONSIBLE_LABELS

__all__ = ["normalize_unit_text", "split_units", "strip_role"]


_OPEN = "（(〔[【［"
_CLOSE = "）)〕]】］"
_SEPARATORS = "、，,；;/／"
# '等' ends a list of named units only when a group follows it or nothing does;
# '高等院校' and '等级' keep their '等'.
_DENG_GROUP = re.compile(
    r"(?<![高中初同平对均相次特头上优超])等(?![级等于同额值待候])"
    r"(?=$|[^、，,；;]*?(?:部门|单位|机构|成员|企业|组织|院校|高校|银行|政府|管委会|地区|各地)$)"
)
_GENERIC = {"部门", "单位", "部门单位", "有关部门单位", "相关部门单位", "部门和单位"}
# Short pieces that only make sense with a neighbour: '县、区政府', '市直有关部门、单位'.
# '各市、州、县人民政府', '各市、自治州人民政府': levels of government listed before one 政府.
_FRAGMENT_HEAD = re.compile(
    r"^各?(?:县|区|市|乡|镇|乡镇|街道|州|市州|县区|县市区|自治州|自治县|盟|旗|地|特区)$"
)
_LEVEL_START = re.compile(r"^(?:县|区|市|乡|镇|乡镇|街道|州|自治州|自治县|盟|旗|地|特区)")
_FRAGMENT_TAIL = re.compile(r"^(?:单位|部门|机构|企业|乡镇|街道)$")
_ROLE_SUFFIX = re.compile(
    r"(?:按照?(?:各自)?职责(?:分工)?|根据职责|依职责|分别|共同|联合|具体|协同|会同)*"
    r"(?:牵头负责|牵头|负责组织落实|配合组织落实|负责组织实施|配合组织实施|组织落实|组织实施|"
    r"负责落实|配合落实|负责|配合|参与|落实|承办|主办|协办)$"
)
_LABEL_PREFIX = re.compile("^(?:" + "|".join(LEAD_LABELS + RESPONSIBLE_LABELS) + r")[：:]\s*")
_SPACE = re.compile(r"[ \t\u3000\xa0\r\n]+")


def normalize_unit_text(text: str) -> str:
    """Drop the spaces PDF and Word put between Chinese characters; unify bracket widths."""
    text = _SPACE.sub(lambda m: " " if _latin_both_sides(m, text) else "", text)
    return text.replace("(", "（").replace(")", "）").strip()


def _latin_both_sides(m: re.Match[str], text: str) -> bool:
    before = text[m.start() - 1] if m.start() > 0 else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def strip_role(unit: str) -> str:
    """'省财政厅牵头' -> '省财政厅'; '牵头单位：省财政厅' -> '省财政厅'."""
    unit = _LABEL_PREFIX.sub("", unit.strip())
    if unit.startswith("由") and len(unit) > 3:
        unit = unit[1:]
    previous = None
    while previous != unit:
        previous = unit
        unit = _ROLE_SUFFIX.sub("", unit).strip()
    return unit


def _split_top_level(text: str) -> list[str]:
    """Split on list separators and '及' outside brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and (ch in _SEPARATORS or (ch == "及" and _is_conjunction(text, i))):
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _is_conjunction(text: str, i: int) -> bool:
    """'及' between two units, not inside a word like '及时' or '涉及'."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(before) and bool(after) and after not in "时早其以" and before not in "涉普危以"


def split_units(text: str) -> list[str]:
    """A list of unit names from a responsibility phrase or table cell; never raises.

    Splits on 、，,；; and 及 outside brackets, so '省政府办公厅〔省大数据管理局〕' stays one unit;
    'X、Y等省直有关部门' gives X, Y and 省直有关部门; role words such as 牵头 / 负责 and labels such
    as '责任单位：' are dropped; duplicates are removed keeping the first.
    """
    if not text:
        return []
    text = normalize_unit_text(text)
    text = _LABEL_PREFIX.sub("", text)
    # 'X会同Y负责', 'X以及Y': two units.
    text = text.replace("会同", "、").replace("以及", "、")
    text = text.strip("。.；;，, ")
    # (unit, follows_deng): a piece after '等' is a group and never merges with a fragment.
    units: list[tuple[str, bool]] = []
    for piece in _split_top_level(text):
        for k, sub in enumerate(_DENG_GROUP.split(piece)):
            unit = strip_role(sub.strip("。.：: ")).strip("。.：: ")
            if unit and not (k > 0 and unit in _GENERIC):
                units.append((unit, k > 0))
    merged: list[str] = []
    for unit, after_deng in units:
        if (
            merged
            and not after_deng
            and (
                _FRAGMENT_TAIL.match(unit)
                or (
                    _FRAGMENT_HEAD.match(merged[-1].rsplit("、", 1)[-1])
                    and _LEVEL_START.match(unit)
                )
            )
        ):
            merged[-1] = f"{merged[-1]}、{unit}"
        else:
            merged.append(unit)
    result: list[str] = []
    for unit in merged:
        if unit in _GENERIC or unit in result or unit == "等":
            continue
        result.append(unit)
    return result
