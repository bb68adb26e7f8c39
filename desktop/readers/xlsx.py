"""Task lists in Excel (.xlsx/.xlsm) -> ParsedDocument per sheet, with header detection for the UI."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from desktop.domain import Cancelled, ProgressCallback, Quarter
from desktop.parsing.deadlines import DeadlineInfo, parse_deadline_cell
from desktop.parsing.model import ParsedDocument, ParsedMeasure, ParsedSection, ParseResult
from desktop.parsing.schedule import row_deadlines
from desktop.parsing.units import split_units
from desktop.readers import base
from desktop.readers.base import DEFAULT_MAX_BYTES, ReadError, check_size, is_zip_bomb

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "MAX_UNCOMPRESSED_BYTES",
    "REMARK_FIELDS",
    "WORKBOOK_SUFFIXES",
    "ColumnMapping",
    "SheetScan",
    "WorkbookScan",
    "check_workbook_file",
    "column_letter",
    "detect_tables",
    "is_workbook",
    "mapping_at_row",
    "read_task_list",
]

# Zip-bomb guard: a 10,000-row task list is a few MB unzipped; 400 MB is far beyond any real one.
MAX_UNCOMPRESSED_BYTES = base.MAX_UNCOMPRESSED_BYTES
# A single part may be highly compressible (repeated XML) but not absurdly so once it is big.
# The header is looked for in the first rows only; title rows and notes rarely take more than a few.
HEADER_SEARCH_ROWS = 30

FIELDS = (
    "number",
    "category",
    "title",
    "text",
    "lead_units",
    "responsible_units",
    "deadline",
    "progress",
    "remarks",
    "leaders",
    "source",
)
FIELD_LABELS: dict[str, str] = {
    "number": "序号",
    "category": "类别",
    "title": "重点任务",
    "text": "具体措施",
    "lead_units": "牵头单位",
    "responsible_units": "责任单位",
    "deadline": "完成时限",
    "progress": "进展情况",
    "remarks": "备注",
    "leaders": "牵头领导",
    "source": "任务来源",
}
# Columns kept on the measure as its 备注, each with its label ('牵头领导：王副县长').
REMARK_FIELDS = ("remarks", "leaders", "source")

# Header words per field. A header cell is classified after spaces and bracketed notes are
# removed ('完成时限（年月）' -> '完成时限'): an exact word wins, else the longest word it contains,
# so '牵头责任单位' is a lead column and '任务完成时限' a deadline.
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    name: tuple(words.split())
    for name, words in (
        ("number", "序号 编号 序列 序次"),
        ("lead_units", "牵头单位 牵头部门 牵头责任单位 主责单位 主责部门 牵头科室 牵头"),
        (
            "responsible_units",
            "责任单位 责任部门 配合单位 配合部门 协办单位 参与单位 责任主体 落实单位 实施单位 "
            "承办单位 承办部门 承办科室 责任科室 实施主体",
        ),
        (
            "deadline",
            "完成时限 时间节点 完成时间 时限要求 完成期限 办结时限 办结日期 办结时间 完成日期 "
            "截止日期 时间要求 截止时间 时限 完成节点",
        ),
        ("progress", "进展情况 推进情况 落实情况 完成情况 工作进展 工作进度 进展 进度"),
        ("remarks", "备注 说明"),
        ("category", "类别 分类 领域 板块 类型"),
        (
            "text",
            "具体措施 工作措施 任务内容 具体内容 工作内容 措施内容 主要措施 具体任务 政策措施 "
            "具体事项 任务措施 工作举措 落实措施 推进措施 细化措施 主要内容 措施 举措",
        ),
        (
            "title",
            "重点任务 工作任务 主要任务 任务名称 目标任务 重点工作 工作事项 任务事项 事项名称 "
            "工作目标 工作要点 要点 任务 事项",
        ),
    )
}
# A leader is a person, not a unit: '牵头县领导' must never become the lead-unit column.
_LEADER = re.compile(r"领导|县长|书记|主任$|负责人|责任人")
_UNIT_WORD = re.compile(r"单位|部门|科室|主体")
# Where a task comes from is not the task: '任务来源', '政策依据'.
_SOURCE = re.compile(r"(?:来源|依据|出处)$")
_TASK_FIELDS = ("title", "text")
_MAX_HEADER_LEN = 24  # a cell longer than this is content or a title, not a column header

_SPACES = re.compile(r"[\s\u3000\xa0]+")
_BRACKETED = re.compile(r"[（(〔\[【［][^）)〕\]】］]*[）)〕\]】］]")
_YEAR_IN_TITLE = re.compile(r"(20\d{2}|19\d{2})\s*年")
_CN_NUM = "一二三四五六七八九十百零〇两"
_SECTION_NUMBER = re.compile(
    rf"^\s*(?:(?P<l1>[{_CN_NUM}]+)\s*[、.．]|(?P<l2>[（(]\s*[{_CN_NUM}]+\s*[）)])|"
    rf"(?P<part>第[{_CN_NUM}0-9]+(?:部分|章|篇|类))|(?P<l3>[0-9]{{1,2}})\s*[、．](?![0-9]))\s*"
)
_BARE_CN_NUMBER = re.compile(rf"^[{_CN_NUM}]+$|^[（(][{_CN_NUM}]+[）)]$")
_NOTE = re.compile(
    r"^(?:注|备注|说明|填表人|填报人|审核人|联系人|联系电话|制表|填表说明|附注)\s*[0-9：:．.、]"
)
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_TITLE_MAX = 60

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")


@dataclass
class ColumnMapping:
    """Where each field is on one sheet; columns are 1-based like Excel's (A = 1).

    `headers` holds every non-empty header cell (column -> text) so a dialog can offer them;
    `columns` maps a field name from FIELDS to the column chosen for it. `year` dates deadlines
    that name no year ('6月底前'); `progress_quarter` ('2023Q2') is the quarter a 进展情况
    column is recorded under.
    """

    sheet: str
    header_row: int
    first_data_row: int
    columns: dict[str, int] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)
    title: str | None = None
    year: int | None = None
    progress_quarter: str | None = None

    def column_of(self, name: str) -> int | None:
        return self.columns.get(name)


@dataclass
class SheetScan:
    """One sheet as found: a mapping, or the reason (Chinese) why no header was recognised.

    `preview` holds the texts of the first rows (row -> column -> text) so a header row can be
    chosen by hand when none was recognised (see `mapping_at_row`); `context` is the sheet and
    file name, where a year may be found.
    """

    name: str
    mapping: ColumnMapping | None
    reason: str | None = None
    hidden: bool = False
    rows: int = 0
    preview: dict[int, dict[int, str]] = field(default_factory=dict)
    context: str = ""
    _merges: Any = field(default=None, repr=False, compare=False)


@dataclass
class WorkbookScan:
    sheets: list[SheetScan]

    @property
    def mappings(self) -> dict[str, ColumnMapping]:
        return {s.name: s.mapping for s in self.sheets if s.mapping is not None}

    def sheet(self, name: str) -> SheetScan | None:
        return next((s for s in self.sheets if s.name == name), None)


def column_letter(index: int) -> str:
    """Excel's name of a 1-based column: 1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


# ---------------------------------------------------------------------------------------------
# Opening the file safely


WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".et", ".ett"})
_DOCUMENT_SUFFIXES = frozenset({".docx", ".doc", ".wps", ".pdf", ".txt", ".text", ".md", ".csv"})


def is_workbook(path: Path) -> bool:
    """A spreadsheet by its name, or an .xlsx under another name (sniffed from the zip inside),
    so that it goes to the Excel reader, which reads it or says exactly what is wrong."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return True
    if suffix in _DOCUMENT_SUFFIXES:
        return False  # their own readers explain a mislabelled file
    try:
        with path.open("rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def check_workbook_file(path: Path) -> None:
    """ReadError for anything openpyxl should never see: old formats, encrypted, not a zip, bombs."""
    check_size(path, DEFAULT_MAX_BYTES)
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(_OLE_MAGIC):
        with path.open("rb") as fh:
            blob = fh.read(4 * 1024 * 1024)
        if _ENCRYPTION_MARK in blob and suffix not in (".xls", ".et"):
            raise ReadError(
                f"“{path.name}”设置了打开密码（文件已加密），无法读取。请在 Excel 或 WPS 中输入密码打开，"
                "取消密码（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空后确定）后保存，再导入。"
            )
        raise ReadError(_old_format_message(path))
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        raise ReadError(
            f"“{path.name}”其实是网页（HTML）格式的表格，不是真正的 Excel 文件（一些系统“导出 Excel”时会这样）。"
            "请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新文件。"
        )
    if suffix in (".xls", ".et", ".ett", ".csv") and not head.startswith(b"PK"):
        raise ReadError(_old_format_message(path))
    if not head.startswith(b"PK"):
        raise ReadError(_corrupt_message(path))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ReadError(_corrupt_message(path)) from None
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        if "word/document.xml" in names:
            raise ReadError(
                f"“{path.name}”是 Word 文档，不是 Excel 表格。请用“文件 → 导入文件”按政策文件导入。"
            )
        raise ReadError(
            f"“{path.name}”不是 Excel 工作簿（可能是压缩包或其他文件改了扩展名）。请选择 .xlsx 格式的任务表。"
        )
    if is_zip_bomb(infos, MAX_UNCOMPRESSED_BYTES):
        raise ReadError(_bomb_message(path))


def _old_format_message(path: Path) -> str:
    return (
        f"“{path.name}”是旧版 Excel 97-2003 格式（.xls）或 WPS 表格格式，本软件不能直接读取。"
        "请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，"
        "再导入新保存的文件。"
    )


def _corrupt_message(path: Path) -> str:
    return (
        f"“{path.name}”不是有效的 Excel 文件，可能已经损坏，或是其他类型的文件改了扩展名。"
        "请先在 Excel 或 WPS 中打开它确认内容；能打开的话另存为 .xlsx 再导入，打不开请向发文单位重新索要。"
    )


def _bomb_message(path: Path) -> str:
    return (
        f"“{path.name}”解压后异常巨大，可能已损坏或是恶意构造的文件，已停止读取。"
        "请向发送单位确认文件，或在 Excel / WPS 中打开后只保留任务表另存为新文件再导入。"
    )


def _open_workbook(path: Path) -> tuple[Any, IO[bytes]]:
    """A read-only openpyxl workbook; the file handle must stay open while it is used."""
    check_workbook_file(path)
    from openpyxl import load_workbook  # imported late: it is slow and only needed here

    # A file object rather than a name: openpyxl refuses unknown extensions, and a renamed
    # .xlsx (e.g. saved as '.xls' by a colleague) is still a perfectly good workbook.
    fh = path.open("rb")
    try:
        wb = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged parts
        fh.close()
        raise ReadError(_corrupt_message(path)) from exc
    return wb, fh


# ---------------------------------------------------------------------------------------------
# Reading a sheet: values, merged ranges and hidden rows in one streaming pass


@dataclass
class _Sheet:
    rows: dict[int, list[Any]]
    hidden_rows: set[int]
    merges: list[tuple[int, int, int, int]]  # min_row, min_col, max_row, max_col
    max_row: int
    complete: bool


_MERGE_RE = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)[\"']"
)


def _ref_bounds(ref: str) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return (
        int(min_row or 1),
        int(min_col or 1),
        int(max_row or min_row or 1),
        int(max_col or min_col or 1),
    )


def _read_sheet(
    wb: Any, ws: Any, limit: int | None = None, progress: ProgressCallback | None = None
) -> _Sheet:
    """Stream one sheet through openpyxl's own parser, which also collects merges and row flags.

    Read-only worksheets drop merged ranges and row dimensions; the parser underneath sees them
    while streaming, so using it directly costs nothing over plain read-only iteration.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    total = int(ws.max_row or 0)
    rows: dict[int, list[Any]] = {}
    complete = True
    src = ws._get_source()
    try:
        parser = WorkSheetParser(
            src,
            wb.shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        last = 0
        for idx, cells in parser.parse():
            if limit is not None and idx > limit:
                complete = False
                break
            last = idx
            # Only cells with a value count: sheets formatted out to column XFD carry thousands
            # of empty styled cells per row.
            filled = [c for c in cells if c["value"] is not None and c["value"] != ""]
            if filled:
                values: list[Any] = [None] * max(c["column"] for c in filled)
                for c in filled:
                    values[c["column"] - 1] = c["value"]
                rows[idx] = values
            if progress is not None and idx % 500 == 0 and not progress(idx, max(total, idx)):
                raise Cancelled()
        hidden = {
            int(r)
            for r, attrs in parser.row_dimensions.items()
            if str(attrs.get("hidden", "0")).lower() in ("1", "true")
        }
        merges: list[tuple[int, int, int, int]] = []
        if complete and parser.merged_cells is not None:
            merges = [_ref_bounds(m.ref) for m in parser.merged_cells.mergeCell]
    finally:
        src.close()
    if not complete:
        # Stopped early (header detection): merges sit at the end of the XML, so scan the raw
        # bytes for them instead of parsing every row.
        with ws._get_source() as raw:
            data = raw.read()
        merges = [_ref_bounds(m.group(1).decode("ascii")) for m in _MERGE_RE.finditer(data)]
    return _Sheet(rows, hidden, merges, max(last, total), complete)


def _visible_sheets(wb: Any) -> Iterator[tuple[Any, bool]]:
    for ws in wb.worksheets:
        if not hasattr(ws, "_get_source"):
            continue  # chartsheets
        yield ws, ws.sheet_state != "visible"


# ---------------------------------------------------------------------------------------------
# Cell values


def _clean(value: Any) -> str:
    """A cell as text: numbers without a spurious '.0', manual line breaks joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.strip(" \t\u3000\xa0") for ln in text.split("\n")]
    out = ""
    for ln in lines:
        if not ln:
            continue
        # Alt+Enter breaks inside Chinese text are layout, not spaces; keep a space between words.
        if out and out[-1].isascii() and out[-1].isalnum() and ln[0].isascii() and ln[0].isalnum():
            out += " "
        out += ln
    if re.fullmatch(r"\d+\.0+", out):
        out = out.split(".")[0]
    return out


def _header_key(text: str) -> str:
    return _BRACKETED.sub("", _SPACES.sub("", text))


def _classify(text: str) -> tuple[str, int] | None:
    """(field, score) of a header cell; the score says how sure: exact names beat containment."""
    key = _header_key(text)
    if not key or len(key) > _MAX_HEADER_LEN:
        return None
    if _LEADER.search(key) and not _UNIT_WORD.search(key):
        return "leaders", 100
    if _SOURCE.search(key):
        return "source", 100
    best: tuple[str, int] | None = None
    for name, words in _HEADER_WORDS.items():
        for w in words:
            if key == w:
                score = 1000 + len(w)
            elif w in key:
                score = 10 * len(w) + (5 if key.startswith(w) or key.endswith(w) else 0)
            else:
                continue
            if best is None or score > best[1]:
                best = (name, score)
    return best


def _field_of_header(text: str) -> str | None:
    found = _classify(text)
    return found[0] if found else None


def _map_header(texts: dict[int, str]) -> dict[str, int]:
    """Column per field: the best-named column wins (the leftmost among equals); a second
    unit or task column fills the lead or detail field when that one has no column of its own."""
    candidates: dict[str, list[tuple[int, int]]] = {}
    for col in sorted(texts):
        found = _classify(texts[col])
        if found is not None:
            candidates.setdefault(found[0], []).append((-found[1], col))
    columns: dict[str, int] = {}
    spare: list[tuple[str, int]] = []
    for name, cands in candidates.items():
        cands.sort()
        columns[name] = cands[0][1]
        spare.extend((name, col) for _, col in cands[1:])
    for name, col in sorted(spare, key=lambda x: x[1]):
        if name == "responsible_units" and "lead_units" not in columns:
            # '责任单位' beside '配合单位' with no '牵头单位': the first one leads.
            first, second = sorted((columns[name], col))
            columns["lead_units"], columns[name] = first, second
        elif name in _TASK_FIELDS and ("title" not in columns or "text" not in columns):
            # Two task columns: the broad task on the left, its details on the right.
            first, second = sorted((columns[name], col))
            columns["title"], columns["text"] = first, second
    if "text" in columns and "title" not in columns:
        columns["title"] = columns.pop("text")
    return columns


def _score(columns: dict[str, int]) -> int:
    if "title" not in columns:
        return 0
    return len(columns)


# ---------------------------------------------------------------------------------------------
# Merges


class _Merges:
    """Value lookup through merged ranges: every cell of a range shows its top-left value."""

    def __init__(self, merges: list[tuple[int, int, int, int]], rows: dict[int, list[Any]]) -> None:
        self.ranges = merges
        self.owner: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        # Cells beyond the last value never matter: clip ranges to the used area, so a row merged
        # out to column XFD (or a column merged down a million rows) costs nothing.
        max_row = max(rows, default=0)
        max_col = max((len(v) for v in rows.values()), default=0) + 1
        budget = 5_000_000
        for rng in merges:
            r1, c1, r2, c2 = rng
            r2, c2 = min(r2, max_row), min(c2, max_col)
            budget -= max(0, r2 - r1 + 1) * max(0, c2 - c1 + 1)
            if budget < 0:
                break
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    self.owner[(r, c)] = rng

    def value(self, rows: dict[int, list[Any]], r: int, c: int) -> Any:
        rng = self.owner.get((r, c))
        if rng is not None:
            r, c = rng[0], rng[1]
        row = rows.get(r)
        if row is None or c > len(row):
            return None
        return row[c - 1]

    def span(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        return self.owner.get((r, c))


def _row_texts(sheet: _Sheet, merges: _Merges, r: int) -> dict[int, str]:
    width = len(sheet.rows.get(r, []))
    for r1, _c1, r2, c2 in merges.ranges:
        if r1 <= r <= r2:
            width = max(width, c2)
    out: dict[int, str] = {}
    for c in range(1, width + 1):
        text = _clean(merges.value(sheet.rows, r, c))
        if text:
            out[c] = text
    return out


# ---------------------------------------------------------------------------------------------
# Header detection


_TITLE_WORDS = re.compile(
    r"台账|清单|分解|任务|方案|计划|要点|一览表|明细|汇总|实事|项目|重点工作|表$"
)
# Lines that sit above a header but are never its title: who fills it in, when, with which stamp.
_NOT_TITLE = re.compile(
    r"填报单位|填报日期|填报时间|填报人|填表|制表|报送|联系人|联系电话|审核人|盖章|单位\s*[:：]|日期\s*[:：]"
)
_ATTACHMENT = re.compile(r"^附\s*[件表]\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*")
_QUARTER_IN_TEXT = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:第\s*)?([一二三四1-4])\s*季度")
_CN_QUARTER_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}


def _title_candidate(text: str) -> str | None:
    text = _ATTACHMENT.sub("", text).strip()
    if len(text) < 4 or _NOT_TITLE.search(text) or _NOTE.match(text):
        return None
    if re.fullmatch(r"[（(［\[【][^）)］\]】]*[）)］\]】]", text):
        return None  # '（2023年3月修订）' is a note on the title, not the title
    return text


def _title_above(texts_by_row: dict[int, dict[int, str]], header_row: int) -> str | None:
    """The most title-like single text above the header: merged across the table, naming a
    ledger or list ('…任务台账'), not a bracketed note or a 填报单位 line; the topmost among equals."""
    best: tuple[int, str] | None = None
    for r in range(1, header_row):
        texts = texts_by_row.get(r)
        if not texts:
            continue
        distinct = set(texts.values())
        if len(distinct) != 1:
            continue
        text = _title_candidate(next(iter(distinct)))
        if text is None:
            continue
        score = 0
        if len(texts) >= 2:
            score += 2  # merged across several columns
        if _TITLE_WORDS.search(text):
            score += 2
        if _YEAR_IN_TITLE.search(text):
            score += 1
        if text[0] in "（(［[【":
            score -= 2
        if len(text) > 60:
            score -= 1
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best else None


def _year_in(*texts: str | None) -> int | None:
    for text in texts:
        m = _YEAR_IN_TITLE.search(text or "")
        if m:
            return int(m.group(1))
    return None


def _quarter_in(*texts: str | None) -> str | None:
    for text in texts:
        m = _QUARTER_IN_TEXT.search(text or "")
        if m:
            q = m.group(2)
            return f"{m.group(1)}Q{_CN_QUARTER_DIGIT.get(q, q)}"
    return None


def _mapping_at(
    name: str,
    texts_by_row: dict[int, dict[int, str]],
    merges: _Merges,
    header_row: int,
    context: str,
) -> ColumnMapping:
    """The mapping of a sheet whose header is `header_row`, with its columns as recognised."""
    headers = dict(texts_by_row.get(header_row, {}))
    columns = _map_header(headers)
    first_data = header_row + 1
    # Two-row headers: '责任单位' merged over '牵头单位 | 配合单位' in the row below. Sub-headers sit
    # under a parent merged across columns (or under an empty header cell); anything else in
    # that row, such as a section title merged across the whole table, is data.
    sub = texts_by_row.get(header_row + 1, {})
    own: dict[int, str] = {}
    for c, t in sub.items():
        below = merges.span(header_row + 1, c)
        if below is not None and below[0] < header_row + 1:
            continue  # the header cell merged down over both rows
        parent = merges.span(header_row, c)
        parent_spans = parent is not None and parent[3] > parent[1] and parent[2] == header_row
        if parent_spans or c not in headers:
            own[c] = t
    if (
        len(set(own.values())) >= 2
        and sum(1 for t in own.values() if _field_of_header(t)) >= 1
        and not any(re.fullmatch(r"[0-9.]+", t) for t in own.values())
    ):
        headers.update(own)
        columns = _map_header(headers)
        first_data = header_row + 2
    title = _title_above(texts_by_row, header_row)
    above = [
        next(iter(t.values())) for r, t in sorted(texts_by_row.items()) if r < header_row and t
    ]
    year = _year_in(title, *above, context)
    quarter = _quarter_in(title, *above, context) if "progress" in columns else None
    if "progress" in columns and quarter is None:
        quarter = str(Quarter.of(date.today()))
    return ColumnMapping(name, header_row, first_data, columns, headers, title, year, quarter)


def _no_header_reason(name: str) -> str:
    return (
        f"前 {HEADER_SEARCH_ROWS} 行中没有认出表头。任务表需要一行列名，其中有任务列"
        "（如“重点任务”“工作任务”“具体措施”“任务内容”“工作要点”），以及“序号”“牵头单位”"
        "“责任单位”“完成时限”中的至少一列。如果表头写法特殊，请在导入对话框的这个工作表中"
        "选择表头所在的行并指定各列。"
    )


def _detect(
    name: str, sheet: _Sheet, hidden_sheet: bool, context: str = "", header_row: int | None = None
) -> SheetScan:
    merges = _Merges(sheet.merges, sheet.rows)
    if not sheet.rows:
        return SheetScan(name, None, "工作表是空的。", hidden_sheet, 0, context=context)
    last = min(max(sheet.rows), max(HEADER_SEARCH_ROWS, (header_row or 0) + 1))
    texts_by_row = {r: _row_texts(sheet, merges, r) for r in range(1, last + 1)}
    preview = {r: t for r, t in texts_by_row.items() if t}
    rows = len(sheet.rows)
    scan = SheetScan(name, None, None, hidden_sheet, rows, preview, context)
    scan._merges = merges
    if header_row is not None:
        scan.mapping = _mapping_at(name, texts_by_row, merges, header_row, context)
        return scan
    best: tuple[int, int, dict[str, int]] | None = None
    for r in range(1, min(last, HEADER_SEARCH_ROWS) + 1):
        if r in sheet.hidden_rows:
            continue
        texts = texts_by_row[r]
        if len(set(texts.values())) < 2:
            continue  # a merged title row repeats one text across columns
        columns = _map_header(texts)
        score = _score(columns)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, r, columns)
    if best is None:
        scan.reason = _no_header_reason(name)
        return scan
    scan.mapping = _mapping_at(name, texts_by_row, merges, best[1], context)
    return scan


def mapping_at_row(scan: SheetScan, header_row: int) -> ColumnMapping:
    """The mapping of `scan`'s sheet with the header in `header_row` (chosen by the officer),
    with the columns recognised there; only rows of the preview (the first rows) can be chosen."""
    if header_row < 1 or header_row not in scan.preview:
        raise ReadError(
            f"工作表“{scan.name}”的第 {header_row} 行是空的或不在前 {max(scan.preview, default=0)} 行内，"
            "不能作为表头。请选择写有列名的那一行。"
        )
    merges = scan._merges if scan._merges is not None else _Merges([], {})
    return _mapping_at(scan.name, scan.preview, merges, header_row, scan.context)


def detect_tables(path: Path, header_rows: dict[str, int] | None = None) -> WorkbookScan:
    """Find the header row and the columns of every sheet, for the import dialog to confirm.

    `header_rows` (sheet name -> 1-based row) takes the header from that row instead of
    looking for it. Hidden sheets are listed (hidden=True) without a mapping: they are usually
    lookup lists.
    """
    path = Path(path)
    wanted = header_rows or {}
    wb, fh = _open_workbook(path)
    try:
        scans: list[SheetScan] = []
        for ws, hidden in _visible_sheets(wb):
            if hidden and ws.title not in wanted:
                scans.append(SheetScan(ws.title, None, "隐藏的工作表，默认不导入。", True))
                continue
            row = wanted.get(ws.title)
            try:
                sheet = _read_sheet(wb, ws, limit=max(HEADER_SEARCH_ROWS, row or 0) + 2)
            except Cancelled:
                raise
            except Exception as exc:
                raise ReadError(_corrupt_message(path)) from exc
            if row is not None and row not in sheet.rows:
                raise ReadError(
                    f"工作表“{ws.title}”的第 {row} 行是空的，不能作为表头。请指定写有列名的那一行。"
                )
            scans.append(_detect(ws.title, sheet, hidden, f"{ws.title} {path.stem}", row))
        unknown = set(wanted) - {s.name for s in scans}
        if unknown:
            raise ReadError(
                f"工作簿“{path.name}”中没有工作表“{'”“'.join(sorted(unknown))}”。"
                f"现有工作表：{'、'.join(s.name for s in scans) or '无'}。"
            )
        return WorkbookScan(scans)
    finally:
        wb.close()
        fh.close()


# ---------------------------------------------------------------------------------------------
# Rows -> measures


def _section_of(text: str) -> tuple[int, str, str]:
    """(level, number, title) of a section row's text: '一、…' 1, '（一）…' 2, '1．…' 3."""
    m = _SECTION_NUMBER.match(text)
    if not m:
        return 1, "", text.strip()
    rest = text[m.end() :].strip()
    if m.group("l1"):
        return 1, m.group("l1"), rest
    if m.group("part"):
        return 1, m.group("part"), rest
    if m.group("l2"):
        inner = re.sub(r"[\s（()）]", "", m.group("l2"))
        return 2, f"（{inner}）", rest
    return 3, m.group("l3"), rest


def _short_title(text: str) -> str:
    """The lead sentence when it is short, else the text cut at _TITLE_MAX characters."""
    if len(text) <= _TITLE_MAX:
        return text
    m = _SENTENCE_END.search(text)
    if m and 4 <= m.start() <= _TITLE_MAX:
        return text[: m.start()]
    return text[:_TITLE_MAX] + "…"


_LEAD_MARK = re.compile(r"[（(［\[【]\s*牵头\s*[）)］\]】]|牵头\s*$")


def _units_with_lead_marks(text: str) -> tuple[list[str], list[str]]:
    """One 责任单位 column that marks its lead ('县发改局（牵头）、县财政局') -> (lead, others);
    the mark is not part of the unit's name."""
    lead: list[str] = []
    others: list[str] = []
    for part in re.split(r"[、，,；;]", text):
        marked = bool(_LEAD_MARK.search(part.strip()))
        units = split_units(_LEAD_MARK.sub("", part.strip()) if marked else part)
        (lead if marked else others).extend(units)
    return lead, others


class _SheetReader:
    def __init__(
        self, mapping: ColumnMapping, sheet: _Sheet, doc_title: str, context: str = ""
    ) -> None:
        self.mapping = mapping
        self.sheet = sheet
        self.merges = _Merges(sheet.merges, sheet.rows)
        self.title = doc_title
        # A month without a year ('6月底前') takes the year chosen for the sheet, else the year
        # of the title or of the sheet or file name ('2023年重点任务.xlsx').
        self.default_year = mapping.year or _year_in(doc_title, context)
        self.units_cache: dict[str, list[str]] = {}
        self.deadline_cache: dict[tuple[str, int | None], DeadlineInfo] = {}
        self.warnings: list[str] = []
        self.undated: list[str] = []  # deadlines with a month but no year to put it in

    def units(self, text: str) -> list[str]:
        units = self.units_cache.get(text)
        if units is None:
            units = split_units(text) if text else []
            self.units_cache[text] = units
        return list(units)

    def deadline(self, value: Any, m: ParsedMeasure) -> None:
        """Deadline, start and schedule of a row from its 完成时限 cell and its task text, as a
        Word task table's rows get them (`row_deadlines`): '每季度调度一次' or '2023年1月1日起'
        in the task cell counts even when the deadline cell says nothing of it."""
        cell_text, cell_info = self.cell_deadline(value)
        info = row_deadlines(m.text, cell_text, self.default_year, cell_info)
        m.deadline_text = info.deadline_text
        m.deadline = info.deadline
        m.deadlines = list(info.deadlines)
        m.long_term = info.long_term
        m.recurring, m.start = info.recurring, info.start

    def cell_deadline(self, value: Any) -> tuple[str, DeadlineInfo | None]:
        """The 完成时限 cell as written and as read; a date typed as a date is its deadline."""
        if isinstance(value, datetime | date):
            d = value.date() if isinstance(value, datetime) else value
            return _clean(d), DeadlineInfo(_clean(d), d, [d])
        if isinstance(value, int | float) and not isinstance(value, bool) and 20000 < value < 80000:
            # A date typed into a cell formatted as 常规 shows as its serial number.
            from openpyxl.utils.datetime import from_excel

            d = from_excel(value).date()
            return _clean(d), DeadlineInfo(_clean(d), d, [d])
        text = _clean(value)
        if not text:
            return "", None
        key = (text, self.default_year)
        info = self.deadline_cache.get(key)
        if info is None:
            info = parse_deadline_cell(text, self.default_year)
            self.deadline_cache[key] = info
            if (
                self.default_year is None
                and not info.deadlines
                and re.search(r"[0-9一二三四五六七八九十]+\s*月", text)
            ):
                self.undated.append(text)
        return text, info

    def cell(self, r: int, name: str) -> Any:
        col = self.mapping.columns.get(name)
        if col is None:
            return None
        return self.merges.value(self.sheet.rows, r, col)

    def is_repeated_header(self, texts: dict[str, str]) -> bool:
        # Tables pasted together from several printouts repeat their header rows.
        header = self.mapping.headers
        same = sum(
            1 for name, col in self.mapping.columns.items() if texts.get(name) == header.get(col)
        )
        return same >= 2 and same >= len([v for v in texts.values() if v]) - 1

    def is_note(self, texts: dict[str, str]) -> bool:
        """'注：…', '填表人：…' lines under the table are not measures."""
        values = [v for v in texts.values() if v]
        return len(set(values)) == 1 and bool(_NOTE.match(values[0]))

    def is_section_row(self, r: int, texts: dict[str, str]) -> tuple[int, str, str] | None:
        cols = self.mapping.columns
        non_empty = {k for k, v in texts.items() if v}
        if not non_empty:
            return None
        distinct = {v for v in texts.values() if v}
        task_col = cols.get("title")
        # A heading merged across the row: one text over several columns, the units empty.
        span = self.merges.span(r, task_col) if task_col else None
        if span is None and "number" in cols:
            span = self.merges.span(r, cols["number"])
        if span is not None and span[3] > span[1] and span[0] == span[2] and len(distinct) == 1:
            return _section_of(next(iter(distinct)))
        if non_empty & {"lead_units", "responsible_units", "deadline"}:
            return None
        number = texts.get("number", "")
        title = texts.get("title", "") or texts.get("text", "")
        if number and _BARE_CN_NUMBER.match(number) and title:
            level, num, _ = _section_of(
                number + ("、" if number[0] != "（" and number[0] != "(" else "")
            )
            return level, num, title
        if not number and title and _SECTION_NUMBER.match(title) and len(distinct) == 1:
            level, num, rest = _section_of(title)
            if num and not num.isdigit():
                return level, num, rest
        return None

    def read(self, progress: ProgressCallback | None) -> ParsedDocument:
        doc = ParsedDocument(title=self.title)
        stack: list[tuple[int, str]] = []  # (level, number or title) of the open sections
        category: str | None = None
        counter = 0
        number_runs: dict[tuple[int, int, int, int], int] = {}
        last_row = max(self.sheet.rows) if self.sheet.rows else 0
        for r in range(self.mapping.first_data_row, last_row + 1):
            if progress is not None and r % 500 == 0 and not progress(r, last_row):
                raise Cancelled()
            if r not in self.sheet.rows or r in self.sheet.hidden_rows:
                continue
            if not self.has_own_value(r):
                continue  # a row that only continues cells merged from above is layout
            texts = {name: _clean(self.cell(r, name)) for name in self.mapping.columns}
            if not any(texts.values()):
                continue
            if self.is_repeated_header(texts) or self.is_note(texts):
                continue
            section = self.is_section_row(r, texts)
            if section is not None:
                level, number, title = section
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, number or title))
                doc.sections.append(
                    ParsedSection(path=[s[1] for s in stack], number=number, title=title)
                )
                continue
            cat = texts.get("category", "")
            if cat and cat != category:
                category = cat
                stack = [s for s in stack if s[0] < 0]
                stack.append((0, cat))
                doc.sections.append(ParsedSection(path=[cat], number="", title=cat))
            title_text = texts.get("title", "")
            detail = texts.get("text", "")
            body = detail or title_text
            if not body:
                if texts.get("number"):
                    self.warnings.append(
                        f"工作表“{self.mapping.sheet}”第 {r} 行有序号“{texts['number']}”但没有任务内容，已跳过。"
                    )
                continue
            counter += 1
            number = texts.get("number", "").rstrip("、.．") or str(counter)
            num_col = self.mapping.columns.get("number")
            span = self.merges.span(r, num_col) if num_col else None
            if span is not None and span[2] > span[0]:
                # One 序号 merged over several measure rows: number them 1-1, 1-2, ...
                k = number_runs.get(span, 0) + 1
                number_runs[span] = k
                number = f"{number}-{k}"
            if detail and title_text and title_text != detail:
                title = _short_title(title_text)
            else:
                title = _short_title(body)
            measure = ParsedMeasure(
                path=[s[1] for s in stack] + [number],
                number=number,
                title=title,
                text=body,
            )
            lead_text = texts.get("lead_units", "")
            resp_text = texts.get("responsible_units", "")
            if lead_text:
                measure.lead_units = self.units(lead_text)
                measure.responsible_units = self.units(resp_text)
            elif resp_text and "牵头" in resp_text:
                measure.lead_units, measure.responsible_units = _units_with_lead_marks(resp_text)
            else:
                measure.responsible_units = self.units(resp_text)
            self.deadline(self.cell(r, "deadline"), measure)
            measure.remarks = self.remarks(r, texts)
            progress_text = texts.get("progress", "")
            if progress_text and self.mapping.progress_quarter:
                measure.progress = {self.mapping.progress_quarter: progress_text}
            doc.measures.append(measure)
        if self.undated:
            examples = "”“".join(dict.fromkeys(self.undated[:3]))
            self.warnings.append(
                f"工作表“{self.mapping.sheet}”有 {len(self.undated)} 个完成时限（如“{examples}”）"
                "没有写年份，标题和文件名中也找不到年份，未能换算成日期。请在导入时指定年份"
                "（导入对话框中的“年份”，或命令行 --year 2023）。"
            )
        return doc

    def remarks(self, r: int, texts: dict[str, str]) -> str:
        """备注, and a leader or source column labelled with its header ('牵头县领导：王副县长')."""
        parts = []
        for name in REMARK_FIELDS:
            value = texts.get(name, "")
            if not value:
                continue
            if name == "remarks":
                parts.append(value)
            else:
                col = self.mapping.columns[name]
                label = self.mapping.headers.get(col) or FIELD_LABELS[name]
                parts.append(f"{label}：{value}")
        return "；".join(parts)

    def has_own_value(self, r: int) -> bool:
        row = self.sheet.rows[r]
        for name, col in self.mapping.columns.items():
            if name in ("progress", *REMARK_FIELDS) or col > len(row):
                continue
            if row[col - 1] is not None and row[col - 1] != "":
                return True
        return False


def read_task_list(
    path: Path,
    mapping: dict[str, ColumnMapping] | None = None,
    progress: ProgressCallback | None = None,
) -> ParseResult:
    """Read every task table of a workbook: one ParsedDocument per sheet that holds measures.

    Without `mapping` each visible sheet is detected on its own and sheets without a header are
    skipped with a warning; with `mapping` (sheet name -> ColumnMapping, as confirmed in the
    import dialog) exactly those sheets are read. ReadError when nothing can be imported.
    """
    path = Path(path)
    wb, fh = _open_workbook(path)
    documents: list[ParsedDocument] = []
    warnings: list[str] = []
    reasons: list[str] = []
    try:
        sheets = [(ws, hidden) for ws, hidden in _visible_sheets(wb)]
        if mapping is not None and not mapping:
            raise ReadError(f"没有选择“{path.name}”中要导入的工作表。请至少选择一个工作表。")
        if not sheets:
            raise ReadError(
                f"“{path.name}”中没有可以导入的工作表（只有图表页或隐藏的工作表）。"
                "请在 Excel 或 WPS 中取消隐藏任务表所在的工作表后保存，再导入。"
            )
        if mapping is not None:
            missing = [name for name in mapping if name not in {ws.title for ws, _ in sheets}]
            if missing:
                raise ReadError(
                    f"工作簿“{path.name}”中没有工作表“{'”“'.join(missing)}”。文件可能在选择列之后被修改过，请重新导入。"
                )
            sheets = [(ws, h) for ws, h in sheets if ws.title in mapping]
        else:
            if all(h for _, h in sheets):
                raise ReadError(
                    f"“{path.name}”的工作表都是隐藏的。请在 Excel 或 WPS 中取消隐藏任务表所在的"
                    "工作表后保存，再导入。"
                )
            sheets = [(ws, h) for ws, h in sheets if not h]
        total_rows = sum(int(ws.max_row or 0) for ws, _ in sheets) or 1
        done_before = 0
        for ws, _hidden in sheets:
            sub: ProgressCallback | None = None
            if progress is not None:
                base = done_before
                outer = progress

                def sub(
                    done: int, _total: int, base: int = base, outer: ProgressCallback = outer
                ) -> bool:
                    return outer(min(base + done, total_rows), total_rows)

            try:
                sheet = _read_sheet(wb, ws, progress=sub)
            except Cancelled:
                raise
            except Exception as exc:
                raise ReadError(_corrupt_message(path)) from exc
            done_before += int(ws.max_row or 0)
            if mapping is not None:
                cm = mapping[ws.title]
            else:
                scan = _detect(ws.title, sheet, False, f"{ws.title} {path.stem}")
                if scan.mapping is None:
                    reasons.append(f"工作表“{ws.title}”：{scan.reason}")
                    continue
                cm = scan.mapping
            if "title" not in cm.columns:
                raise ReadError(
                    f"工作表“{ws.title}”没有指定任务列（重点任务/具体措施），无法导入。"
                )
            reader = _SheetReader(cm, sheet, cm.title or ws.title, f"{ws.title} {path.stem}")
            doc = reader.read(sub)
            warnings.extend(reader.warnings)
            if doc.measures:
                documents.append(doc)
            else:
                reasons.append(f"工作表“{ws.title}”：表头下面没有任务行。")
    finally:
        wb.close()
        fh.close()
    if not documents:
        detail = "；".join(reasons) if reasons else "所选工作表中没有任务行。"
        raise ReadError(f"“{path.name}”中没有找到可以导入的任务表。{detail}")
    if documents and reasons:
        warnings.extend(f"已跳过{r}" for r in reasons)
    if progress is not None:
        progress(total_rows, total_rows)
    return ParseResult(documents=documents, warnings=warnings)
