"""Text cleanup before structure: page markers, stray spaces, markdown, character widths."""

from __future__ import annotations

import re

from desktop.parsing.documents import join_issuers
from desktop.parsing.labels import ALL_LABELS

__all__ = ["clean_line", "is_page_marker", "normalize_text", "squeeze_spaces", "unit_spaces"]

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _enclosed_table() -> dict[int, str]:
    """Full-width Latin letters and the numbers Word and WPS type as one character.

    '５Ｇ' -> '5G'; '⑴' -> '（1）', '⒈' -> '1.', '㈠' -> '（一）', so numbering typed with
    these characters is read like its plain form.
    """
    table: dict[int, str] = {}
    for k in range(26):
        table[0xFF21 + k] = chr(ord("A") + k)
        table[0xFF41 + k] = chr(ord("a") + k)
    for k in range(20):
        table[0x2474 + k] = f"（{k + 1}）"
        table[0x2488 + k] = f"{k + 1}."
    for k, cn in enumerate("一二三四五六七八九十"):
        table[0x3220 + k] = f"（{cn}）"
    return table


_ENCLOSED = _enclosed_table()
# One table for all character replacements: a single pass over each line.
_CHAR_TABLE: dict[int, str | None] = {
    **_ZERO_WIDTH,
    **{k: chr(v) for k, v in _FULLWIDTH_DIGITS.items()},
    **_ENCLOSED,
}
_PAGE_MARKER = re.compile(
    r"^\s*(?:#+\s*)?(?:"
    r"page\s*\d+\s*[:：]?"
    r"|[-—–－─]+\s*\d{1,4}\s*[-—–－─]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|\d{1,4}"
    r")\s*$",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?=\S))")
_BOLD = re.compile(r"\*\*|__")
_HORIZONTAL = re.compile(r"[ \t\u3000\xa0\u2002\u2003\u2009\f\v]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def is_page_marker(line: str) -> bool:
    """'# Page 1603:', '— 3 —', '第3页', '3/10' or a bare page number."""
    return bool(_PAGE_MARKER.match(line))


def squeeze_spaces(text: str) -> str:
    """Remove spaces next to Chinese text ('2023 年5 月' -> '2023年5月'), keep 'Word 2016'.

    PDF extraction and web copies put spaces around digits and inside words; in Chinese a
    space is never meaningful except between two Latin words or numbers.
    """
    if not _HORIZONTAL.search(text):
        return text
    out: list[str] = []
    parts = _HORIZONTAL.split(text)
    for i, part in enumerate(parts):
        if i and out and part:
            prev = out[-1][-1:]
            if _ASCII_WORD.match(prev) and _ASCII_WORD.match(part[0]):
                out.append(" ")
        out.append(part)
    return "".join(out)


# Half-width punctuation between Chinese characters becomes full-width, as in the rest of the
# document; brackets always, so numbering and responsibility brackets look the same everywhere.
_PUNCT_CJK = re.compile(
    r"(?<=[\u3400-\u9fff）」”’〕])\s*([,;:])\s*|\s*([,;:])\s*(?=[\u3400-\u9fff（「“‘〔])"
)
_PUNCT_MAP = {",": "，", ";": "；", ":": "："}


# A space between two unit names ('省财政厅 省税务局牵头'): after a unit ending, before a unit
# opening. Read as a list separator, since the spaces are squeezed out of Chinese text later.
_UNIT_SPACE = re.compile(
    r"(?:(?<=[厅局委办院行队所站社室处署])|(?<=政府)|(?<=中心)|(?<=公司)|(?<=集团)|(?<=海关))"
    r"[ \t\u3000\xa0]+(?=[省市县区各州旗]|国家|中国|人民银行|国网|自治区)"
)
_ROLE_AFTER = re.compile(r"[^。]{0,80}?(?:牵头|负责|配合|参与|协办|落实)")
_LABEL_BEFORE = re.compile(r"(?:单位|部门|处室|主体)[：:][^。]*$")


def unit_spaces(text: str, *, always: bool = True) -> str:
    """'省财政厅 省税务局' -> '省财政厅、省税务局'.

    With `always=False` (running text) only where the names stand in a responsibility phrase:
    a role word follows or a unit label precedes, so a signature line with two issuers
    ('中共某省委办公厅 某省人民政府办公厅') is left alone.
    """
    if " " not in text and "\u3000" not in text and "\t" not in text and "\xa0" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        if always:
            return "、"
        if _ROLE_AFTER.match(text, m.end()) or _LABEL_BEFORE.search(text, 0, m.start()):
            return "、"
        return m.group(0)

    return _UNIT_SPACE.sub(repl, text)


# '【牵头单位】市发展改革委' is the field '牵头单位：市发展改革委'.
_BRACKET_LABEL = re.compile(
    r"[【\[［〔]\s*(" + "|".join(ALL_LABELS) + r")\s*[】\]］〕]\s*[：:]?\s*"
)


def clean_line(line: str) -> str:
    """One physical line, cleaned (markdown markers, spaces, punctuation widths)."""
    line = line.translate(_CHAR_TABLE)
    line = _MARKDOWN.sub("", line)
    line = _BOLD.sub("", line)
    line = squeeze_spaces(unit_spaces(join_issuers(line.strip()), always=False))
    line = line.replace("(", "（").replace(")", "）")
    line = _PUNCT_CJK.sub(lambda m: _PUNCT_MAP[m.group(1) or m.group(2)], line)
    if "】" in line or "]" in line or "］" in line or "〕" in line:
        line = _BRACKET_LABEL.sub(lambda m: m.group(1) + "：", line)
    return line


def normalize_text(text: str) -> list[str]:
    """Cleaned lines of `text` with page markers, rules and blank lines dropped."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if is_page_marker(raw):
            continue
        line = clean_line(raw)
        if not line or re.fullmatch(r"[-—_=*·]{3,}", line):
            continue
        lines.append(line)
    return lines
