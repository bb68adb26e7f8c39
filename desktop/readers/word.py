"""Word .docx files: paragraph text in order, Word's automatic list numbers rebuilt, and tables."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.readers.base import (
    DEFAULT_MAX_BYTES,
    ReadError,
    ReadResult,
    bomb_message,
    check_size,
    is_encrypted_office_file,
    is_zip_bomb,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 25 -> 二十五, 105 -> 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CN[rest] if rest < 10 else chinese_number(rest))
        if 10 <= rest < 20:
            tail = "一" + tail
        return _CN[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    values += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in values:
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's numFmt styles."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Word's numbering definitions and running counters, to rebuild list labels in order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.findall(f"{_W}abstractNum"):
            abstract[an.get(f"{_W}abstractNumId", "")] = _levels_of(an)
        for num in root.findall(f"{_W}num"):
            num_id = num.get(f"{_W}numId", "")
            ref = num.find(f"{_W}abstractNumId")
            base = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
            levels = {k: _Level(v.fmt, v.text, v.start) for k, v in base.items()}
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"), 0)
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    levels[ilvl] = _levels_of_one(lvl)
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    levels.setdefault(ilvl, _Level()).start = _int(start.get(f"{_W}val"), 1)
            numbering.levels[num_id] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label for a paragraph in list `num_id` at level `ilvl` ('（一）', '1.')."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        if levels[ilvl].fmt == "bullet":
            return ""
        for k in range(ilvl, -1, -1):
            level = levels.get(k, _Level())
            value = counters.get(k, level.start)
            text = text.replace(f"%{k + 1}", format_number(value, level.fmt))
        return text


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _levels_of_one(lvl: Any) -> _Level:
    level = _Level()
    fmt = lvl.find(f"{_W}numFmt")
    if fmt is not None:
        level.fmt = fmt.get(f"{_W}val", "decimal")
    text = lvl.find(f"{_W}lvlText")
    if text is not None:
        level.text = text.get(f"{_W}val", "")
    start = lvl.find(f"{_W}start")
    if start is not None:
        level.start = _int(start.get(f"{_W}val"), 1)
    return level


def _levels_of(abstract_num: Any) -> dict[int, _Level]:
    return {
        _int(lvl.get(f"{_W}ilvl"), 0): _levels_of_one(lvl)
        for lvl in abstract_num.findall(f"{_W}lvl")
    }


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's own properties or, failing that, its style's."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        s_pr = style.element.pPr
        num_pr = s_pr.numPr if s_pr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), int(ilvl)


def _cell_rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells come back once per grid column; keep each cell once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(p.text for p in cell.paragraphs).strip())
        rows.append(cells)
    return rows


def read_docx(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read paragraphs (with rebuilt list numbers) and tables of a .docx file."""
    check_size(path, max_bytes)
    if is_encrypted_office_file(path):
        raise ReadError(
            f"“{path.name}”设置了打开密码（文件已加密），无法读取。请在 Word 或 WPS 中输入密码打开，"
            "取消密码（Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空后确定）后保存，再导入。"
        )
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as package:
                bomb = is_zip_bomb(package.infolist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            bomb = False  # python-docx below gives the damaged-file message
        if bomb:
            raise ReadError(bomb_message(path))
    if not zipfile.is_zipfile(path):
        raise ReadError(
            f"“{path.name}”不是有效的 Word 文档（文件可能已损坏或只下载了一部分）。"
            "请用 Word 或 WPS 打开后重新“另存为 .docx”，再导入。"
        )
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise ReadError(
            f"“{path.name}”无法作为 Word 文档打开（{type(exc).__name__}），文件可能已损坏。"
            "请用 Word 或 WPS 打开后重新“另存为 .docx”，再导入。"
        ) from None
    numbering = Numbering.from_document(document)
    lines: list[str] = []
    tables: list[list[list[str]]] = []
    warnings: list[str] = []
    try:
        for child in document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                paragraph = Paragraph(child, document)
                text = paragraph.text
                num = _num_pr(paragraph)
                label = numbering.label(*num) if num else ""
                if label and text.strip():
                    text = label + text.lstrip()
                lines.append(text)
            elif child.tag == f"{_W}tbl":
                tables.append(_cell_rows(Table(child, document)))
                lines.append("")
    except Exception as exc:
        raise ReadError(
            f"读取 Word 文档“{path.name}”时出错（{type(exc).__name__}），文件可能已损坏。"
            "请用 Word 或 WPS 打开后重新“另存为 .docx”，再导入。"
        ) from None
    text = "\n".join(lines)
    if not text.strip() and not any(any(any(c for c in r) for r in t) for t in tables):
        raise ReadError(f"Word 文档“{path.name}”中没有文字内容。请确认选择了正确的文件。")
    return ReadResult(text=text, encoding=None, kind="docx", warnings=warnings, tables=tables)
