"""Deadline phrases in Chinese policy text ('2023年6月底前', '年底前', '长期坚持') -> dates and flags."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from desktop.parsing.labels import DEADLINE_LABELS

__all__ = [
    "DeadlineInfo",
    "normalize_date_spaces",
    "parse_cn_date",
    "parse_deadline_cell",
    "parse_deadlines",
]


@dataclass
class DeadlineInfo:
    """What a text says about when a task is due.

    `deadline` is the earliest of `deadlines`; `deadline_text` holds the phrases as written
    (joined with '；' when there are several); `recurring` is '每季度', '每月' and the like;
    `start` is the earliest start date ('8月1日起'), kept out of the deadlines so a measure that
    starts on a date is not overdue from that day on.
    """

    deadline_text: str | None = None
    deadline: date | None = None
    deadlines: list[date] = field(default_factory=list)
    long_term: bool = False
    recurring: str | None = None
    start: date | None = (
        None  # earliest '2023年1月1日起' / '9月起': when work starts, not a deadline
    )


_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = r"[0-9０-９〇零一二两三四五六七八九十]{1,4}"


def _to_int(token: str) -> int | None:
    """'12', '１２', '十二', '二〇二三' -> int; None when it is not a number."""
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    if "十" in token:
        head, _, tail = token.partition("十")
        tens = _CN_DIGITS.get(head, -1) if head else 1
        ones = _CN_DIGITS.get(tail, -1) if tail else 0
        if tens < 0 or ones < 0 or len(head) > 1 or len(tail) > 1:
            return None
        return tens * 10 + ones
    digits = [_CN_DIGITS.get(ch) for ch in token]
    if not digits or any(d is None for d in digits):
        return None
    value = 0
    for d in digits:
        value = value * 10 + (d or 0)
    return value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int | None, month: int, day: int | None = None) -> date | None:
    if year is None or not 1900 <= year <= 2200 or not 1 <= month <= 12:
        return None
    if day is None:
        return _month_end(year, month)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


_SPACE_IN_DATE = re.compile(r"(?<=[0-9年月日〔〕])[ \t\u3000\xa0]+(?=[0-9年月日号〔〕])")


def normalize_date_spaces(text: str) -> str:
    """'2023 年5 月10 日' -> '2023年5月10日' (PDF extraction puts spaces around digits)."""
    return _SPACE_IN_DATE.sub("", text)


_YEAR = rf"(?:(?P<year>{_NUM})年|(?P<rel>今年|明年|次年|本年度?|当年|年内))?"
# One alternation, tried left to right; named groups tell which form matched.
_DEADLINE_RE = re.compile(
    r"(?P<lead>到|至|截至|截止到?|力争|确保|于|在)?"
    + _YEAR
    + r"(?:"
    + rf"(?P<m1>{_NUM})月(?P<d1>{_NUM})[日号](?P<s1>前|之前|以前|起|开始|止)?"
    + rf"|(?P<m2>{_NUM})月(?P<x2>份)?(?P<part>底|末|中旬|上旬|下旬|中|初)(?P<s2>前|之前|以前)?"
    + rf"|(?P<m3>{_NUM})月(?:份)?(?P<s3>前|之前|以前|起|开始|完成)"
    + r"|(?P<ye>年底|年末|底|末)(?P<s4>前|之前|以前)?"
    + r"|(?P<half>上半年|下半年)(?P<s5>前|之前|以前|内|末)?"
    + r"|(?P<qpre>第|前)?(?P<q>[一二三四1-4])季度(?P<s6>末|底|前|内)?"
    + r")"
)
# A bare year as a target: '2025年前', '2023年内', or a year the words after it make a target
# ('2022年在省内全面推行', '2025年基本建成', '到2025年'). Only the year and a deadline suffix
# (`due`) are the deadline as written; the context words are not ('2022年', never '2022年在省内').
_BARE_YEAR_END = re.compile(
    r"(?:到|至|截至|力争)?(?P<year>\d{4})年(?:(?P<due>以前|前|年内|内)|在全|在省内|在市内|实现|全面|基本|建成)"
    r"|(?:到|截至)(?P<year2>\d{4})年(?![0-9０-９一二三四五六七八九十年底末中上下第前内])"
)
_FIELD_MONTH_RE = re.compile(
    r"(?:(?P<label>" + "|".join(DEADLINE_LABELS) + r")[：:]\s*|^\s*)"
    rf"(?P<value>(?:(?P<year>{_NUM})年)?(?P<month>{_NUM})月)(?![0-9０-９一二三四五六七八九十日号底末中上下初前起])"
)
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?P<y>20\d\d|19\d\d)\s*[.\-/／．]\s*(?P<m>\d{1,2})(?:\s*[.\-/／．]\s*(?P<d>\d{1,2}))?(?!\d)"
)
_YEAR_CELL = re.compile(r"^(?P<year>\d{4})年(?:全年|年内|内|度)?(?:前|完成|以前|之前)?$")
_RANGE_AFTER = re.compile(r"^\s*(?:[至到—\-~～]|起至)")
_LONG_TERM_RE = re.compile(
    r"(?:^|(?<=[，,；;。（(\s：:、]))"
    r"(?P<lt>长期坚持|长期推进|长期执行|长期|持续推进|持续实施|持续开展|持续落实|常态化推进|常态化开展|常态化|持续)"
    r"(?=$|[，,；;。）)\s、])"
)
_RECURRING_RE = re.compile(
    r"(?P<r>每季度|每个季度|按季度|每半年|每年度?|每月|按月|每周|每旬|每两个月|逐月|逐季)"
)
_RECURRING_CLAUSE_RE = re.compile(
    r"(?:^|(?<=[，,；;。（(\s：:、]))" + _RECURRING_RE.pattern + r"(?=$|[，,；;。）)\s])"
)
# '每季度通报一次进展', '每月至少调度1次': a frequency word with a count of times in its clause
# is a schedule wherever it stands. Without a count the word may only qualify something else
# ('每季度第一个月10日前报送', '每年新增就业1万人'); '人次' counts people and '一次性' means once.
_RECURRING_COUNT_RE = re.compile(
    _RECURRING_RE.pattern + r"(?=[^，,；;。！？\n]{0,20}?[一二两三四五六七八九十0-9０-９]次(?!性))"
)
_RECURRING_NORMAL = {
    "每个季度": "每季度",
    "按季度": "每季度",
    "逐季": "每季度",
    "按月": "每月",
    "逐月": "每月",
    "每年度": "每年",
}
_START_SUFFIXES = ("起", "开始")
# '本办法自2023年1月1日起施行': the day a document comes into force, not the day a task starts.
# 施行 and 生效 are said of rules only; 执行 and 实施 are also said of tasks ('告知承诺制自…起实施'),
# so they make an effective-date clause only with the document as subject (本办法, 《…》).
_EFFECTIVE_VERB = re.compile(r"(?:正式)?(?P<verb>施行|生效|执行|实施)(?=$|[，,；;。）)\s])")
_DOC_SUBJECT = re.compile(
    r"(?:本|该)(?:实施)?(?:办法|措施|方案|通知|意见|规定|细则|条例|决定|政策|规则|标准|要点|制度|文件)"
    r"|《[^《》]{1,80}》"
)
# Every form below contains one of these; text without any names no deadline.
_DATE_HINT = re.compile(r"[年月季底末旬每逐按长持常]|\d[.\-/／．]\d")
_QUARTER_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _resolve_year(m: re.Match[str], last_year: int | None, default_year: int | None) -> int | None:
    if m.group("year"):
        return _to_int(m.group("year"))
    rel = m.group("rel")
    if rel in ("明年", "次年"):
        base = last_year or default_year
        return base + 1 if base else None
    return last_year or default_year


def _is_effective_date(text: str, m: re.Match[str]) -> bool:
    """The start date `m` ('2023年1月1日起') opens an effective-date clause: '…起施行'."""
    verb = _EFFECTIVE_VERB.match(text, m.end())
    if verb is None:
        return False
    if verb.group("verb") in ("施行", "生效"):
        return True
    clause = re.split(r"[，,。；;！？\n]", text[: m.start()])[-1]
    return bool(_DOC_SUBJECT.search(clause))


def parse_cn_date(text: str) -> date | None:
    """The first full date such as '2023年5月10日' or '二〇二三年五月十日' in `text`."""
    m = re.search(rf"({_NUM})年({_NUM})月({_NUM})日", normalize_date_spaces(text))
    if not m:
        return None
    year, month, day = (_to_int(g) for g in m.groups())
    if year is None or month is None or day is None:
        return None
    return _safe_date(year, month, day)


def parse_deadlines(
    text: str, default_year: int | None, *, running_text: bool = False
) -> DeadlineInfo:
    """Every deadline `text` names, normalized; never raises.

    `running_text=True` is for a whole measure rather than a table cell: a recurring word
    ('按月调度') then counts only as a clause of its own, as the long-term words always do, or
    with a count of times in its clause ('每季度通报一次进展').

    A month without a year takes the last year named earlier in the same text, else
    `default_year` (the document's year); without either the phrase is kept with no date.
    Long-term words ('长期坚持', '持续推进') count only as a clause of their own, so '持续推进改革'
    inside a sentence is not a long-term flag. Both ends of a range ('2022年9月至2023年3月')
    are periods, not deadlines, and are skipped; a range opened by 起 ('2023年1月1日起至6月底前')
    gives the start and the deadline. A validity period ('有效期自…起至…') gives neither.
    """
    info = DeadlineInfo()
    if not text or not _DATE_HINT.search(text):
        return info  # most clauses name no date at all: skip the full scan
    text = normalize_date_spaces(text)
    phrases: list[str] = []
    found: list[date] = []
    starts: list[date] = []
    last_year: int | None = None
    prev_end = -1
    validity_end: int | None = None  # end of a validity-period phrase just skipped
    for m in _DEADLINE_RE.finditer(text):
        phrase = m.group(0)
        if not phrase or m.start() < prev_end:
            continue
        explicit_year = _to_int(m.group("year")) if m.group("year") else None
        year = _resolve_year(m, last_year, default_year)
        if explicit_year is not None:
            last_year = explicit_year
        before = text[: m.start()].rstrip()
        lead = m.group("lead") or ""
        in_range = bool(_RANGE_AFTER.match(text[m.end() :])) or (
            (
                lead in ("至", "到")
                or (not lead and before[-1:] in ("至", "到", "—", "-", "~", "～"))
            )
            and bool(
                re.search(r"[0-9一二三四五六七八九十][日号月]$|[底末]$", before.rstrip("至到—-~～"))
            )
        )
        d: date | None = None
        is_deadline = False
        starts_here = m.group("s1") in _START_SUFFIXES or m.group("s3") in _START_SUFFIXES
        if m.group("m1"):
            month, day = _to_int(m.group("m1")), _to_int(m.group("d1"))
            if month is None or day is None:
                continue
            d = _safe_date(year, month, day)
            # In a deadline cell or field a bare date is the deadline; in running text
            # ('2023年1月1日施行') it needs 前 or a lead word.
            is_deadline = bool(m.group("s1") or m.group("lead")) or not running_text
        elif m.group("m2"):
            month = _to_int(m.group("m2"))
            if month is None:
                continue
            part = m.group("part")
            day_of = {"上旬": 10, "初": 10, "中旬": 20, "中": 15}.get(part)
            d = _safe_date(year, month, day_of)
            is_deadline = True
        elif m.group("m3"):
            month = _to_int(m.group("m3"))
            if month is None:
                continue
            suffix = m.group("s3")
            if suffix in ("起", "开始"):
                d = _safe_date(year, month, 1)
            elif suffix == "完成":
                d = _safe_date(year, month)
            else:
                # '6月前' is before June starts: the end of May.
                d = _safe_date(year, month - 1) if month > 1 else _safe_date((year or 1) - 1, 12)
            is_deadline = True
        elif m.group("ye"):
            if m.group("ye") in ("底", "末") and not (m.group("year") or m.group("rel")):
                continue  # '底' alone ('兜底', '摸底') is not a date
            d = _safe_date(year, 12)
            is_deadline = True
        elif m.group("half"):
            d = _safe_date(year, 6 if m.group("half") == "上半年" else 12)
            is_deadline = True
        elif m.group("q"):
            q = _QUARTER_CN[m.group("q")]
            if not (m.group("qpre") or m.group("s6") or m.group("year") or m.group("rel")):
                continue  # '一季度' alone in running text is usually a period name
            d = _safe_date(year, 3 * q)
            is_deadline = True
        if not is_deadline and m.group("rel") == "年内" and not m.group("m1"):
            d = _safe_date(year, 12)
            is_deadline = True
        if re.search(r"(?:执行期限|有效期|期限为|执行期|实施期限)[为至到自从]?$", before) or (
            validity_end is not None
            and re.fullmatch(r"\s*(?:起|开始)?\s*[至到—\-~～]?\s*", text[validity_end : m.start()])
        ):
            # A policy's validity period ('有效期自2023年1月1日起至2025年12月31日'), both ends:
            # neither a task's start nor its deadline.
            validity_end = m.end()
            continue
        validity_end = None
        if not is_deadline:
            continue
        if in_range:
            if starts_here and d is not None and _RANGE_AFTER.match(text[m.end() :]):
                # '2023年1月1日起至6月底前': a range opened by 起 starts the work; its end, read
                # next, is the deadline.
                starts.append(d)
                prev_end = m.end()
            continue
        prev_end = m.end()
        if starts_here:
            if d is not None and not _is_effective_date(text, m):
                starts.append(d)
            continue
        phrase = phrase.lstrip("到至截止力争确保于在")
        if phrase.startswith("截至"):
            phrase = phrase[2:]
        phrases.append(phrase)
        if d is not None:
            found.append(d)
    # '年内' alone, not followed by a month ('年内出台').
    if re.search(r"(?<![0-9一二三四五六七八九十])年内(?![0-9])", text) and not any(
        "年内" in p for p in phrases
    ):
        phrases.append("年内")
        d = _safe_date(default_year if last_year is None else last_year, 12)
        if d:
            found.append(d)
    for m in _BARE_YEAR_END.finditer(text):
        year = int(m.group("year") or m.group("year2"))
        if _RANGE_AFTER.match(text[m.end() :]):
            continue
        d = _safe_date(year, 12)
        if d and d not in found:
            phrases.append(f"{year}年{m.group('due') or ''}")
            found.append(d)
    if not running_text:
        # A deadline cell: '2023-06-30', '2023.6.30', '2023/6', '2023年', '2023年全年'.
        nm = _NUMERIC_DATE.search(text)
        if nm:
            y, mo = int(nm.group("y")), int(nm.group("m"))
            d = _safe_date(y, mo, int(nm.group("d"))) if nm.group("d") else _safe_date(y, mo)
            if d and d not in found:
                phrases.append(nm.group(0))
                found.append(d)
        ym = _YEAR_CELL.match(text.strip(" 。；;，,"))
        if ym and not found:
            d = _safe_date(int(ym.group("year")), 12)
            if d:
                phrases.append(ym.group(0))
                found.append(d)
    for m in _FIELD_MONTH_RE.finditer(text):
        # '完成时限：2023年10月': a bare month in a deadline field (or a whole cell) means its end.
        if (not running_text or m.group("label")) and not _RANGE_AFTER.match(text[m.end() :]):
            year = _to_int(m.group("year")) if m.group("year") else (last_year or default_year)
            month = _to_int(m.group("month"))
            d = _safe_date(year, month) if month else None
            if d and d not in found:
                phrases.append(m.group("value"))
                found.append(d)
    for m in _LONG_TERM_RE.finditer(text):
        info.long_term = True
        phrases.append(m.group("lt"))
        break
    if running_text:
        found_rec = [
            r for r in (_RECURRING_CLAUSE_RE.search(text), _RECURRING_COUNT_RE.search(text)) if r
        ]
        rec = min(found_rec, key=lambda r: r.start()) if found_rec else None
    else:
        rec = _RECURRING_RE.search(text)
    if rec:
        info.recurring = _RECURRING_NORMAL.get(rec.group("r"), rec.group("r"))
        if text.strip(" ，,。；;（）()") == rec.group("r") or not phrases:
            phrases.append(rec.group("r"))
    unique: list[str] = []
    for p in phrases:
        if p not in unique:
            unique.append(p)
    info.deadline_text = "；".join(unique) if unique else None
    info.deadlines = sorted(set(found))
    info.deadline = info.deadlines[0] if info.deadlines else None
    info.start = min(starts) if starts else None
    return info


_CELL_NUMERIC_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[./\-]\s*(\d{1,2})(?:\s*[./\-]\s*(\d{1,2}))?(?!\d)"
)


def _numeric_dates_as_chinese(text: str) -> str:
    """'2023.6.30' / '2023/6/30' / '2023-06' as Chinese dates, which parse_deadlines understands."""

    def repl(m: re.Match[str]) -> str:
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12:
            return m.group(0)
        return f"{year}年{month}月{int(day)}日" if day else f"{year}年{month}月"

    return _CELL_NUMERIC_DATE.sub(repl, text)


def parse_deadline_cell(text: str, default_year: int | None) -> DeadlineInfo:
    """A task list's 完成时限 cell as the workbook reader reads it: numeric dates as Chinese
    ones, and the whole cell a deadline even without '前' ('2023年12月31日', '6月30日'), which
    running text would not imply."""
    norm = _numeric_dates_as_chinese(text)
    info = parse_deadlines(norm, default_year)
    if not info.deadlines and not info.long_term and not info.recurring:
        info = parse_deadlines(norm + "前", default_year)
    return info
