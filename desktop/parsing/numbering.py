"""Numbering markers at the start of a line: 一、 （一） 1. 1、 （1） ① Ⅰ 第一章 第一条 and variants."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.parsing.deadlines import _to_int

__all__ = ["Marker", "match_marker"]

_CN = r"[一二三四五六七八九十百零〇两]{1,4}"
# Circled numbers in their common typefaces: ① ❶ ➀ ➊ ⓵ (value = position in its row + 1).
_CIRCLED_ROWS = (
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "❶❷❸❹❺❻❼❽❾❿",
    "➀➁➂➃➄➅➆➇➈➉",
    "➊➋➌➍➎➏➐➑➒➓",
    "⓵⓶⓷⓸⓹⓺⓻⓼⓽⓾",
)
_CIRCLED = "".join(_CIRCLED_ROWS)
_CIRCLED_VALUE = {ch: k + 1 for row in _CIRCLED_ROWS for k, ch in enumerate(row)}
_ROMAN_CHARS = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_ROMAN_VALUE = {
    **{ch: k + 1 for k, ch in enumerate(_ROMAN_CHARS)},
    **{ch: k + 1 for k, ch in enumerate("ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ")},
    **{
        r: k + 1
        for k, r in enumerate(
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
        )
    },
}
# '一、二级响应', '三、四季度', '一、二、三产业': a PDF line that wraps before an enumeration of
# numerals with a classifier is not a heading.
_NUMERAL_ENUMERATION = re.compile(
    r"^[一二三四五六七八九十]{1,3}(?:[、，][一二三四五六七八九十]{1,3})*"
    r"(?:级|批|次|类|等|档|产|线|星|期|个|项|种|季度|月份|年级|号|甲)"
)

# (style, pattern); the first group is the number, the last the rest of the line.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"^第\s*({_CN}|\d{{1,3}})\s*(章|部分|篇)[\s：:、.．]*(.*)$")),
    ("jie", re.compile(rf"^第\s*({_CN}|\d{{1,3}})\s*节[\s：:、.．]*(.*)$")),
    ("article", re.compile(rf"^第\s*({_CN}|\d{{1,3}})\s*条[\s：:、.．]*(.*)$")),
    ("cn", re.compile(rf"^({_CN})\s*[、，,．.]\s*(.*)$")),
    ("paren_cn", re.compile(rf"^[（(〔［\[]\s*({_CN})\s*[）)〕］\]][、，.．\s]*(.*)$")),
    # '1.' and '1、' are one style: documents mix them at the same level far more often than
    # they nest one under the other.
    ("arabic", re.compile(r"^(\d{1,3})\s*(?:[.．](?![\d])|、)\s*(.*)$")),
    ("paren_arabic", re.compile(r"^[（(〔［\[]\s*(\d{1,3})\s*[）)〕］\]][、，.．\s]*(.*)$")),
    ("arabic_rparen", re.compile(r"^(\d{1,3})\s*[）)]\s*(.*)$")),
    ("circled", re.compile(rf"^([{_CIRCLED}])[、.．\s]*(.*)$")),
    (
        "roman",
        re.compile(
            r"^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ]|(?:XI{0,2}|IX|IV|VI{0,3}|I{1,3})(?=[、.．]))"
            r"[、.．\s]*(?![A-Za-z])(.*)$"
        ),
    ),
]


@dataclass(frozen=True)
class Marker:
    """A numbering marker: its style, value, canonical label and the text after it."""

    style: str
    value: int
    label: str
    rest: str


def _label(style: str, raw: str, value: int, kind: str) -> str:
    if style == "cn":
        return raw
    if style == "paren_cn":
        return f"（{raw}）"
    if style in ("arabic", "arabic_rparen"):
        return str(value)
    if style == "roman":
        return _ROMAN_CHARS[value - 1]
    if style == "paren_arabic":
        return f"（{value}）"
    if style == "chapter":
        return f"第{raw}{kind}"
    if style == "jie":
        return f"第{raw}节"
    if style == "article":
        return f"第{raw}条"
    return raw


def match_marker(line: str) -> Marker | None:
    """The numbering marker `line` starts with, if any."""
    if not line:
        return None
    first = line[0]
    if not (
        first.isdigit()
        or first in "第（(〔［[一二三四五六七八九十IVX"
        or first in _CIRCLED
        or first in _ROMAN_VALUE
    ):
        return None
    for style, pattern in _PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        raw = m.group(1)
        if style == "circled":
            value = _CIRCLED_VALUE[raw]
        elif style == "roman":
            value = _ROMAN_VALUE[raw]
        else:
            parsed = _to_int(raw)
            if parsed is None or parsed <= 0:
                continue
            value = parsed
        kind = m.group(2) if style == "chapter" else ""
        rest = m.group(m.lastindex or 1) if (m.lastindex or 0) >= 2 else ""
        if style == "chapter":
            rest = m.group(3)
        if style == "cn" and _NUMERAL_ENUMERATION.match(rest):
            continue
        return Marker(style, value, _label(style, raw, value, kind), rest.strip())
    return None
