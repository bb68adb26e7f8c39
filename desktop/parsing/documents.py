"""Splitting a compilation into documents and reading each one's title, 文号, issuer and date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.parsing.deadlines import _to_int, parse_cn_date

__all__ = [
    "DocumentMeta",
    "Segment",
    "in_signature",
    "is_date_line",
    "is_org_line",
    "issuer_start",
    "join_issuers",
    "read_meta",
    "split_documents",
]

_DOC_TYPES = r"(?:通知|意见|决定|方案|办法|规定|要点|措施|批复|函|通报|公告|细则|条例|规划|计划|决议|纪要|清单|报告|规则|指引|若干条|条)"
_HEADER_START = re.compile(r"^(\d{1,3})\s*[.．、]\s*(.*)$")
_HEADER_TITLE = re.compile(
    rf"^(?P<title>.{{4,160}}?{_DOC_TYPES}》?)\s*[（(](?P<date>(?:\d{{4}}|[〇一二三四五六七八九零]{{4}})年[^（）()]{{0,12}})[）)]$"
)
_DOC_NUMBER = re.compile(
    r"^(?:文号[：:]\s*)?(?P<org>[\u4e00-\u9fa5]{1,14})\s*[〔［\[【（(]\s*(?P<year>\d{4})\s*[〕］\]】）)]"
    r"\s*第?\s*(?P<no>\d{1,5})\s*号$"
)
_DOC_NUMBER_INLINE = re.compile(
    r"(?:文号|发文字号)[：:]\s*(?P<org>[\u4e00-\u9fa5]{1,14})\s*[〔［\[【（(]\s*(?P<year>\d{4})\s*[〕］\]】）)]"
    r"\s*第?\s*(?P<no>\d{1,5})\s*号"
)
_DATE_LINE = re.compile(
    r"^(?:(?:\d{4}|[〇一二三四五六七八九零]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日)$"
)
_PRINTED_LINE = re.compile(r"^(?P<d>.{6,20}日)\s*印发$")
_WEB_DATE = re.compile(
    r"(?:日期|发布时间|发布日期|成文日期)[：:]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
_ORG_END = re.compile(
    r"(?:政府|办公厅|办公室|委员会|厅|局|委|办|部|院|中心|小组|指挥部|政府文件|党委|市委|县委|区委|省委)$"
)
_TITLE_END = re.compile(rf"{_DOC_TYPES}》?$")
_FILE_HEADER = re.compile(r"^(?P<org>.{2,30}?)文件$")


@dataclass
class Segment:
    """Lines [start, end) of one document; `header_title`/`header_date` from a compilation entry."""

    start: int
    end: int
    body_start: int
    header_title: str | None = None
    header_date: date | None = None


@dataclass
class DocumentMeta:
    title: str
    doc_number: str | None
    issuer: str | None
    date: date | None
    year: int | None


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line))


def is_org_line(line: str) -> bool:
    """A signature line: a short organisation name without punctuation, or several joined
    with 、 (a joint signature, as `join_issuers` writes it)."""
    if "、" in line:
        parts = line.split("、")
        return len(parts) <= _MAX_ISSUERS and all(_is_full_org(p) for p in parts)
    return (
        2 <= len(line) <= 40
        and not re.search(r"[。，；：、！？“”《》]", line)
        and bool(_ORG_END.search(line.replace(" ", "")))
    )


# A joint document is signed by two or three organisations ('中共某省委办公厅 某省人民政府办公厅').
_MAX_ISSUERS = 3
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
# The tail of a name, not a name: '甘肃省 人民政府办公厅' is one organisation spaced out.
_NAME_TAIL = re.compile(
    r"^(?:人民|政府|办公|委员会|党委|党组|常委|管委会|领导小组|指挥部|中心|[厅局委办部院])"
)


def _is_full_org(part: str) -> bool:
    """One organisation's whole name ('甘肃省人民政府办公厅'), not the tail of one ('办公厅')."""
    return 4 <= len(part) <= 40 and is_org_line(part) and not _NAME_TAIL.match(part)


_TITLE_AFTER_ISSUER = re.compile(r"^(?P<org>.{4,40}?)(?P<rest>(?:关于|印发).+)$")


def join_issuers(line: str) -> str:
    """'中共某省委办公厅　某省人民政府办公厅' -> '中共某省委办公厅、某省人民政府办公厅'.

    A joint signature or header puts the organisations on one line with spaces between them,
    which are squeezed out of Chinese text later and would glue the names together. Only a line
    made of nothing but whole organisation names is changed, with the 文件 of a header or the
    rest of a title after the last one ('甲办公厅 乙办公厅关于…的通知').
    """
    stripped = line.strip()
    if not _SPACES.search(stripped):
        return line
    parts = _SPACES.split(stripped)
    tail = ""
    title = _TITLE_AFTER_ISSUER.match(parts[-1])
    if parts[-1] == "文件":
        parts, tail = parts[:-1], "文件"
    elif parts[-1].endswith("文件"):
        parts[-1], tail = parts[-1][:-2], "文件"
    elif title:
        parts[-1], tail = title.group("org"), title.group("rest")
    if not 2 <= len(parts) <= _MAX_ISSUERS or not all(_is_full_org(p) for p in parts):
        return line
    return "、".join(parts) + tail


# What the text above an added issuer line ends with: a sentence, a bracket or quote, or the
# attachment list ('附件：1.…方案' / '2.…清单'). A sentence the PDF wrapped can end in '中心'
# or '局' on a line of its own; the line above it does not end like this.
_PARAGRAPH_END = re.compile(r"[。！？；：”）」』)]$|^(?:附件|\d{1,2}\s*[.．、])")


def issuer_start(lines: list[str], k: int) -> int | None:
    """Index of the first issuer line of the signature above the date line `k` (two issuer
    lines above one date for a joint document), None when the line above is no issuer."""
    if k <= 0 or not is_org_line(lines[k - 1]):
        return None
    top = k - 1
    while top > 0 and k - top < _MAX_ISSUERS and _is_full_org(lines[top - 1]):
        top -= 1
    for first in range(top, k - 1):
        above = lines[first - 1] if first else ""
        if all(_is_full_org(x) for x in lines[first:k]) and (
            not above or _PARAGRAPH_END.search(above) or _TITLE_END.search(above)
        ):
            return first
    return k - 1


def in_signature(lines: list[str], i: int) -> bool:
    """lines[i] is an issuer line of a signature: the date follows it or the issuer lines
    after it."""
    if not is_org_line(lines[i]):
        return False
    for k in range(i + 1, min(i + 1 + _MAX_ISSUERS, len(lines))):
        if is_date_line(lines[k]):
            start = issuer_start(lines, k)
            return start is not None and start <= i
        if not is_org_line(lines[k]):
            return False
    return False


def _header_date(text: str) -> date | None:
    m = re.match(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日?)?", text)
    if not m:
        return parse_cn_date(text)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return None


# A table-of-contents line: a title, leader dots and a page number ('…的通知…………12').
_TOC_LINE = re.compile(r"(?:…{2,}|\.{4,}|·{4,}|．{3,}|-{4,}|_{4,}|—{3,})\s*\d{1,4}$")


def _compilation_header(lines: list[str], i: int) -> tuple[int, str, date | None] | None:
    """(index after the header, title, date) when lines[i] starts a compilation entry."""
    m = _HEADER_START.match(lines[i])
    if not m or _TOC_LINE.search(lines[i]):
        return None
    joined = m.group(2)
    for j in range(i, min(i + 5, len(lines))):
        if j > i:
            if _TOC_LINE.search(lines[j]) or _HEADER_START.match(lines[j]):
                break  # the next entry, or a contents line: this entry has no date
            joined += lines[j]
        hm = _HEADER_TITLE.match(joined)
        if hm and re.search(r"关于|印发|条例|办法|规定|决定", hm.group("title")):
            return j + 1, hm.group("title"), _header_date(hm.group("date"))
        if len(joined) > 200:
            break
    return None


def split_documents(lines: list[str]) -> list[Segment]:
    """One segment per document: compilation entries ('3. XX关于…的通知（2023年3月20日）')."""
    headers: list[tuple[int, int, str, date | None]] = []
    i = 0
    while i < len(lines):
        found = _compilation_header(lines, i)
        if found:
            headers.append((i, found[0], found[1], found[2]))
            i = found[0]
            continue
        i += 1
    if not headers:
        return [Segment(0, len(lines), 0)]
    segments: list[Segment] = []
    for k, (start, body, title, day) in enumerate(headers):
        end = headers[k + 1][0] if k + 1 < len(headers) else len(lines)
        segments.append(Segment(start, end, body, title, day))
    return segments


def normalize_doc_number(org: str, year: str, no: str) -> str:
    return f"{org}〔{year}〕{int(no)}号"


def _title_from_lines(lines: list[str]) -> str | None:
    """The document title among the first lines: a line with 关于/印发 ending in a document type."""
    for i, line in enumerate(lines[:30]):
        if _DOC_NUMBER.match(line) or line.endswith("："):
            continue
        if not re.search(r"关于|印发", line) or len(line) > 120:
            continue
        title = line
        for nxt in lines[i + 1 : i + 3]:
            if _TITLE_END.search(title) or nxt.endswith("：") or _DOC_NUMBER.match(nxt):
                break
            if re.search(r"[。；]", nxt) or len(title + nxt) > 120:
                break
            title += nxt
        if _TITLE_END.search(title) and not re.search(r"[。；]", title):
            # A wrapped title puts the issuer on the line above: 'XX办公厅' / '关于印发…的通知'.
            if (
                i
                and title.startswith(("关于", "印发"))
                and is_org_line(lines[i - 1])
                and not lines[i - 1].endswith("文件")
            ):
                title = lines[i - 1] + title
            return title
    return None


def read_meta(lines: list[str], segment: Segment, default_year: int | None) -> DocumentMeta:
    """Title, 文号, issuer and date of one document."""
    seg = lines[segment.start : segment.end]
    body = lines[segment.body_start : segment.end]
    doc_number: str | None = None
    doc_year: int | None = None
    for line in body[:40]:
        m = _DOC_NUMBER.match(line) or _DOC_NUMBER_INLINE.search(line)
        if m:
            doc_number = normalize_doc_number(m.group("org"), m.group("year"), m.group("no"))
            doc_year = int(m.group("year"))
            break
    title = segment.header_title or _title_from_lines(body) or _first_title_line(body) or ""
    issuer: str | None = None
    day: date | None = None
    for k, line in enumerate(body):
        if is_date_line(line):
            day = parse_cn_date(line) if re.match(r"\d", line) else _cn_date(line)
            first = issuer_start(body, k)
            if first is not None:
                issuer = "、".join(x.replace(" ", "") for x in body[first:k])
            break
    if day is None:
        for line in body:
            pm = _PRINTED_LINE.match(line)
            if pm:
                day = parse_cn_date(pm.group("d")) or _cn_date(pm.group("d"))
                break
    if day is None:
        day = segment.header_date
    if day is None:
        for line in seg[:10]:
            wm = _WEB_DATE.search(line)
            if wm:
                try:
                    day = date(int(wm.group(1)), int(wm.group(2)), int(wm.group(3)))
                except ValueError:
                    day = None
                break
    if issuer is None:
        for line in body[:10]:
            fm = _FILE_HEADER.match(line)
            if fm and is_org_line(fm.group("org")):
                issuer = fm.group("org")
                break
    if issuer is None and title:
        tm = re.match(r"^(.{2,40}?)(?:关于|印发)", title)
        if tm and is_org_line(tm.group(1)):
            issuer = tm.group(1)
    year = day.year if day else doc_year if doc_year else default_year
    return DocumentMeta(title, doc_number, issuer, day, year)


def _cn_date(text: str) -> date | None:
    m = re.match(
        r"([〇一二三四五六七八九零]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日",
        text,
    )
    if not m:
        return None
    year, month, day = (_to_int(g) for g in m.groups())
    if not year or not month or not day:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _first_title_line(lines: list[str]) -> str | None:
    for line in lines[:10]:
        if (
            len(line) <= 80
            and not _DOC_NUMBER.match(line)
            and not _FILE_HEADER.match(line)
            and not is_date_line(line)
            and not re.search(r"[。；：]|日期", line)
        ):
            return line
    return None
