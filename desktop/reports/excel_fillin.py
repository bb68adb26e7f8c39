"""Fill-in workbooks for departments: export their measures, read back and diff what they wrote."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins

from desktop.domain import STATUS_LABELS, Status
from desktop.readers.base import ReadError
from desktop.readers.xlsx import check_workbook_file
from desktop.reports.data import QuarterReportData, ReportMeasure
from desktop.reports.excel_ledger import (
    row_height,
    save_atomically,
    set_text,
    use_cjk_default_font,
)

__all__ = [
    "FILLIN_COLUMNS",
    "FILLIN_FIELDS",
    "FieldChange",
    "FillinDiff",
    "FillinRow",
    "FillinWorkbook",
    "diff_fillin",
    "export_fillin",
    "fillin_title",
    "measures_for_unit",
    "read_fillin",
]

FORMAT_MARK = "luoshi-fillin"
FORMAT_VERSION = 1
SHEET = "填报表"
META_SHEET = "_meta"
BASE_SHEET = "_base"
HEADER_ROW = 3
FILLIN_FIELDS = ("status", "progress", "problems", "next_steps")

# (header, width, editable); the last column carries the measure id and is hidden.
FILLIN_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("序号", 5, False),
    ("所属方案", 16, False),
    ("编号", 8, False),
    ("重点任务", 40, False),
    ("牵头单位", 12, False),
    ("责任单位", 14, False),
    ("完成时限", 11, False),
    ("本单位职责", 7, False),
    ("状态", 9, True),
    ("本季度进展情况", 40, True),
    ("存在问题", 22, True),
    ("下步打算", 22, True),
    ("任务编码（请勿修改）", 10, False),
)
_HEADERS = tuple(h for h, _, _ in FILLIN_COLUMNS)
_COL = {h: i for i, h in enumerate(_HEADERS, start=1)}
_STATUS_COL = _COL["状态"]
_ID_COL = len(FILLIN_COLUMNS)
_FIELD_COLS = {
    "status": _COL["状态"],
    "progress": _COL["本季度进展情况"],
    "problems": _COL["存在问题"],
    "next_steps": _COL["下步打算"],
}
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _norm_unit(name: str) -> str:
    return "".join(name.split())


def measures_for_unit(data: QuarterReportData, unit: str) -> list[tuple[str, ReportMeasure, str]]:
    """(plan title, measure, role) for every measure where `unit` leads or is responsible."""
    key = _norm_unit(unit)
    out: list[tuple[str, ReportMeasure, str]] = []
    for plan in data.plans:
        for m in plan.measures:
            if m.archived:
                continue  # removed by a later version: nothing left for the unit to report
            if key in {_norm_unit(u) for u in m.lead_units}:
                out.append((plan.title, m, "牵头"))
            elif key in {_norm_unit(u) for u in m.responsible_units}:
                out.append((plan.title, m, "配合"))
    return out


def _deadline(m: ReportMeasure) -> str:
    if m.deadline_text:
        return m.deadline_text
    if m.deadline is not None:
        return f"{m.deadline.year}年{m.deadline.month}月{m.deadline.day}日"
    return "长期" if m.long_term else ""


def _digest(meta: dict[str, str], base: list[list[str]]) -> str:
    """Integrity check (not a secret): catches edits to the hidden sheets and mismatched ids."""
    h = hashlib.sha256()
    for k in sorted(meta):
        if k != "digest":
            h.update(f"{k}={meta[k]}\n".encode())
    for row in base:
        h.update(("\t".join(row) + "\n").encode())
    return h.hexdigest()


def _styles(wb: Workbook) -> None:
    font = Font(name="宋体", size=10)
    locked = NamedStyle(
        "fill_locked",
        font=font,
        border=_BORDER,
        alignment=Alignment(wrap_text=True, vertical="center"),
        fill=PatternFill("solid", fgColor="F2F2F2"),
        protection=Protection(locked=True),
    )
    editable = NamedStyle(
        "fill_edit",
        font=font,
        border=_BORDER,
        alignment=Alignment(wrap_text=True, vertical="top"),
        protection=Protection(locked=False),
        number_format="@",  # typed '85%' or '2023.6' stays as typed, not a number
    )
    head = NamedStyle(
        "fill_head",
        font=Font(name="黑体", size=10, bold=True),
        border=_BORDER,
        alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
        fill=PatternFill("solid", fgColor="D9E1F2"),
        protection=Protection(locked=True),
    )
    for s in (locked, editable, head):
        wb.add_named_style(s)


def export_fillin(data: QuarterReportData, unit: str, out: Path) -> int:
    """Write the fill-in workbook of `unit` to `out`; the number of measure rows written.

    Task columns are locked, progress columns editable and prefilled with the current values;
    the exported values are also kept in a hidden sheet so read-back can tell what the
    department changed from what changed in the database meanwhile (see diff_fillin).
    """
    rows = measures_for_unit(data, unit)
    wb = Workbook()
    use_cjk_default_font(wb)
    _styles(wb)
    ws = wb.active
    assert ws is not None  # a new Workbook always has one sheet
    ws.title = SHEET
    last_col = get_column_letter(len(FILLIN_COLUMNS) - 1)
    visible_width = sum(w for _, w, _ in FILLIN_COLUMNS[:-1])

    title = ws.cell(row=1, column=1)
    set_text(title, fillin_title(data, unit, [p for p, _, _ in rows]))
    title.font = Font(name="黑体", size=15, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(f"A1:{last_col}1")
    ws.row_dimensions[1].height = max(30.0, row_height([(str(title.value), visible_width)], 15))
    note = ws.cell(row=2, column=1)
    set_text(
        note,
        f"填报单位：{unit}    共 {len(rows)} 项。请只填写白色单元格（状态从下拉列表中选择），"
        f"不要增删行、修改任务内容或移动工作表；填好后保存为 .xlsx 报送{data.unit_name or ''}。",
    )
    note.alignment = Alignment(wrap_text=True, vertical="center")
    note.font = Font(name="宋体", size=10, color="C00000")
    ws.merge_cells(f"A2:{last_col}2")
    ws.row_dimensions[2].height = row_height([(str(note.value), visible_width)])

    for c, (header, width, _editable) in enumerate(FILLIN_COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=c)
        set_text(cell, header)
        cell.style = "fill_head"
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.column_dimensions[get_column_letter(_ID_COL)].hidden = True

    base: list[list[str]] = []
    for k, (plan_title, m, role) in enumerate(rows, start=1):
        r = HEADER_ROW + k
        values = [
            str(k),
            plan_title,
            m.number,
            m.text or m.title,
            "、".join(m.lead_units),
            "、".join(m.responsible_units),
            _deadline(m),
            role,
            m.status_label,
            m.progress,
            m.problems,
            m.next_steps,
        ]
        for c, (text, (_h, _w, editable)) in enumerate(
            zip(values, FILLIN_COLUMNS, strict=False), 1
        ):
            cell = ws.cell(row=r, column=c)
            set_text(cell, text)
            cell.style = "fill_edit" if editable else "fill_locked"
        id_cell = ws.cell(row=r, column=_ID_COL, value=int(m.measure_id))
        id_cell.protection = Protection(locked=True)
        # Room for the task text and a few lines of answer: rows may be resized, but a printed
        # sheet that clips the task is no use to the department.
        sized = [(t, w) for t, (_h, w, _e) in zip(values, FILLIN_COLUMNS, strict=False)]
        ws.row_dimensions[r].height = max(row_height(sized), 48.0)
        base.append([str(m.measure_id), m.status, m.progress, m.problems, m.next_steps])

    if rows:
        labels = ",".join(STATUS_LABELS.values())
        dv = DataValidation(
            type="list",
            formula1=f'"{labels}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="状态不正确",
            error=f"请从下拉列表中选择：{'、'.join(STATUS_LABELS.values())}",
            showInputMessage=True,
            promptTitle="状态",
            prompt="请从下拉列表中选择本季度末的状态",
        )
        col = get_column_letter(_STATUS_COL)
        dv.add(f"{col}{HEADER_ROW + 1}:{col}{HEADER_ROW + len(rows)}")
        ws.add_data_validation(dv)

    # Locked cells stay locked only with sheet protection on; rows and columns may still be
    # resized so long answers can be read. No password: this guards against slips, not people.
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)

    meta = {
        "format": FORMAT_MARK,
        "format_version": str(FORMAT_VERSION),
        "quarter": data.quarter,
        "quarter_label": data.quarter_label,
        "unit": unit,
        "plan_versions": json.dumps(
            {p.title: p.version for p in data.plans}, ensure_ascii=False, sort_keys=True
        ),
        "data_version": data.data_version,
        "generated_at": data.generated_at.isoformat(timespec="seconds"),
        "rows": str(len(rows)),
    }
    meta["digest"] = _digest(meta, base)
    ms = wb.create_sheet(META_SHEET)
    for r, (key, val) in enumerate(meta.items(), start=1):
        set_text(ms.cell(row=r, column=1), key)
        set_text(ms.cell(row=r, column=2), val)
    bs = wb.create_sheet(BASE_SHEET)
    for r, row in enumerate(base, start=1):
        for c, text in enumerate(row, start=1):
            set_text(bs.cell(row=r, column=c), text)
    for sheet in (ms, bs):
        sheet.sheet_state = "veryHidden"  # not even listed under 取消隐藏
        sheet.protection.sheet = True
    wb.security = _lock_structure()
    save_atomically(wb, out)
    return len(rows)


def fillin_title(data: QuarterReportData, unit: str, plan_titles: list[str]) -> str:
    """'《plan》落实情况填报表（unit，2023年第二季度）' for the plans the unit's measures are in."""
    plans = list(dict.fromkeys(plan_titles))
    if not plans:
        named = "重点任务"
    elif len(plans) <= 2:
        named = "".join(f"《{p}》" for p in plans)
    else:
        named = f"《{plans[0]}》等 {len(plans)} 个方案"
    return f"{named}落实情况填报表（{unit}，{data.quarter_label}）"


def _lock_structure() -> Any:
    from openpyxl.workbook.protection import WorkbookProtection

    return WorkbookProtection(lockStructure=True)


# ---------------------------------------------------------------------------------------------
# Reading back


@dataclass
class FillinRow:
    """What a department wrote for one measure; `status` is a Status value or None if blank."""

    measure_id: int
    status: str | None
    progress: str
    problems: str
    next_steps: str
    row: int = 0  # worksheet row, for messages
    # What the workbook held when exported (status, progress, problems, next_steps).
    base: tuple[str, str, str, str] | None = None

    def value(self, name: str) -> str:
        return (self.status or "") if name == "status" else str(getattr(self, name))


@dataclass
class FillinWorkbook:
    quarter: str
    unit: str
    rows: list[FillinRow]
    plan_versions: dict[str, int] = field(default_factory=dict)
    data_version: str = ""
    generated_at: str = ""
    warnings: list[str] = field(default_factory=list)


def _not_ours(path: Path, detail: str) -> ReadError:
    return ReadError(
        f"“{path.name}”不是本软件导出的填报表，或者已被改动（{detail}）。"
        "请让填报单位在原来下发的填报表里填写后报送；如果原表丢失，请重新导出该单位的填报表。"
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _answer(ws: Any, r: int, col: int, warnings: list[str]) -> str:
    """A department's answer as text; a formula is left out with a warning saying why."""
    cell = ws.cell(row=r, column=col)
    if cell.data_type == "f":
        formula = str(getattr(cell.value, "text", cell.value) or "")
        header = _HEADERS[col - 1]
        warnings.append(
            f"第 {r} 行“{header}”填的是公式（{formula[:30]}），没有导入。请让填报单位直接填写文字；"
            "要以“=”开头时，在前面加一个英文单引号（'）。"
        )
        return ""
    return _text(cell.value)


def read_fillin(path: Path) -> FillinWorkbook:
    """Read a returned fill-in workbook; ReadError when it is not ours or has been tampered with."""
    path = Path(path)
    check_workbook_file(path)
    try:
        with path.open("rb") as fh:
            # Formulas as written, not cached results: an answer typed as '=继续扩面' is a formula
            # to Excel, with no value the department meant; it is reported, not taken.
            wb = load_workbook(fh, data_only=False, keep_links=False)
    except Exception as exc:
        raise ReadError(
            f"“{path.name}”打不开，可能已损坏。请在 Excel 或 WPS 中打开确认，另存为 .xlsx 后再导入。"
        ) from exc
    if META_SHEET not in wb.sheetnames or BASE_SHEET not in wb.sheetnames:
        raise _not_ours(path, "缺少本软件的标记")
    meta: dict[str, str] = {}
    for k, v in wb[META_SHEET].iter_rows(min_col=1, max_col=2, values_only=True):
        if k is not None:
            meta[str(k)] = _text(v)
    if meta.get("format") != FORMAT_MARK:
        raise _not_ours(path, "缺少本软件的标记")
    if meta.get("format_version") != str(FORMAT_VERSION):
        raise ReadError(
            f"“{path.name}”是其他版本的软件导出的填报表（格式 {meta.get('format_version')}），"
            "请用同一版本的软件导入，或重新导出填报表。"
        )
    base_rows = [
        [_text(v) for v in row]
        for row in wb[BASE_SHEET].iter_rows(min_col=1, max_col=5, values_only=True)
        if row and row[0] is not None
    ]
    if _digest(meta, base_rows) != meta.get("digest"):
        raise _not_ours(path, "隐藏的校验信息与内容不符")
    if SHEET not in wb.sheetnames:
        raise _not_ours(path, f"找不到工作表“{SHEET}”")
    ws = wb[SHEET]
    headers = [
        _text(ws.cell(row=HEADER_ROW, column=c).value) for c in range(1, len(FILLIN_COLUMNS) + 1)
    ]
    if tuple(headers) != _HEADERS:
        raise _not_ours(path, "表头被修改或列被增删")
    base = {int(r[0]): (r[1], r[2], r[3], r[4]) for r in base_rows if r[0].lstrip("-").isdigit()}
    expected = int(meta.get("rows", "0") or 0)
    result = FillinWorkbook(
        quarter=meta.get("quarter", ""),
        unit=meta.get("unit", ""),
        rows=[],
        plan_versions=json.loads(meta.get("plan_versions") or "{}"),
        data_version=meta.get("data_version", ""),
        generated_at=meta.get("generated_at", ""),
    )
    seen: set[int] = set()
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        raw_id = ws.cell(row=r, column=_ID_COL).value
        values = [ws.cell(row=r, column=c).value for c in range(1, _ID_COL)]
        if raw_id is None:
            if any(v not in (None, "") for v in values):
                raise _not_ours(path, f"第 {r} 行没有任务编码，可能增加了行")
            continue
        try:
            measure_id = int(str(raw_id).strip().removesuffix(".0"))
        except ValueError:
            raise _not_ours(path, f"第 {r} 行的任务编码“{raw_id}”不正确") from None
        if measure_id not in base or measure_id in seen:
            raise _not_ours(path, f"第 {r} 行的任务编码 {measure_id} 不属于这张表或重复出现")
        seen.add(measure_id)
        answers = {name: _answer(ws, r, col, result.warnings) for name, col in _FIELD_COLS.items()}
        label = answers["status"]
        status: str | None = None
        if label:
            try:
                status = Status.from_label(label).value
            except ValueError:
                result.warnings.append(
                    f"第 {r} 行的状态“{label}”不是可选值（{'、'.join(STATUS_LABELS.values())}），"
                    "已忽略该行的状态。"
                )
        result.rows.append(
            FillinRow(
                measure_id=measure_id,
                status=status,
                progress=answers["progress"],
                problems=answers["problems"],
                next_steps=answers["next_steps"],
                row=r,
                base=base[measure_id],
            )
        )
    if len(result.rows) != expected:
        result.warnings.append(
            f"导出时有 {expected} 项，读回 {len(result.rows)} 项；缺少的任务没有更新。"
        )
    wb.close()
    return result


# ---------------------------------------------------------------------------------------------
# Diff against what is stored


@dataclass(frozen=True)
class FieldChange:
    measure_id: int
    field: str  # one of FILLIN_FIELDS
    current: str  # stored now
    incoming: str  # from the department
    base: str | None = None  # as exported, when known


@dataclass
class FillinDiff:
    """`changes` may be applied; `conflicts` need a person; `unknown_ids` are no longer stored."""

    changes: list[FieldChange] = field(default_factory=list)
    conflicts: list[FieldChange] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    unknown_ids: list[int] = field(default_factory=list)

    @property
    def changed_ids(self) -> list[int]:
        return sorted({c.measure_id for c in self.changes})


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def diff_fillin(rows: list[FillinRow], current: dict[int, tuple[str, str, str, str]]) -> FillinDiff:
    """Compare returned rows with stored (status, progress, problems, next_steps) per measure id.

    Per field: a blank answer changes nothing (never clears stored text); equal text is
    unchanged; stored blank takes the answer. Both non-empty and different: with the exported
    value known, whichever side still equals it did not change, so the other side wins (a
    department that left it alone does not undo the officer's later edit); otherwise conflict.
    """
    diff = FillinDiff()
    for row in rows:
        stored = current.get(row.measure_id)
        if stored is None:
            diff.unknown_ids.append(row.measure_id)
            continue
        row_changed = False
        for k, name in enumerate(FILLIN_FIELDS):
            incoming = row.value(name)
            now = str(stored[k] or "")
            base = row.base[k] if row.base is not None else None
            if not incoming.strip() or _same(incoming, now):
                continue
            change = FieldChange(row.measure_id, name, now, incoming, base)
            if not now.strip() or (base is not None and _same(now, base)):
                diff.changes.append(change)
                row_changed = True
            elif base is not None and _same(incoming, base):
                continue  # only the stored side moved on since export
            else:
                diff.conflicts.append(change)
                row_changed = True
        if not row_changed:
            diff.unchanged.append(row.measure_id)
    return diff
