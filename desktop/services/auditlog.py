"""Reading the audit log: entries in plain Chinese, filtered by text, exported to CSV for Excel."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain import Status
from desktop.models import AuditLog, Database
from desktop.services.errors import UserError

ACTION_LABELS = {
    "import": "导入",
    "status": "修改状态",
    "progress": "填写进展",
    "attach": "添加佐证材料",
    "remove": "移除佐证材料",
    "describe": "修改材料说明",
    "update": "修改设置",
    "backup": "备份",
    "restore": "恢复备份",
    "add": "新增",
    "archive": "归档",
    "fillin": "导入部门填报",
    "freeze": "季度定稿",
    "unfreeze": "撤销定稿",
}
ENTITY_LABELS = {
    "plan": "计划",
    "measure": "措施",
    "evidence": "佐证材料",
    "setting": "设置",
    "data": "全部数据",
    "quarter_snapshot": "季度定稿",
}
KEY_LABELS = {
    "quarter": "季度",
    "progress": "进展情况",
    "problems": "存在问题",
    "next_steps": "下步打算",
    "title": "标题",
    "source": "来源文件",
    "measures": "措施数",
    "name": "文件名",
    "size": "大小",
    "measure_id": "措施编号",
    "description": "说明",
    "file": "文件",
    "reason": "方式",
    "created_at": "备份时间",
    "app_version": "程序版本",
}
# Internal bookkeeping that means nothing to an officer.
HIDDEN_KEYS = {"sha256", "upto_audit_id", "schema_revision", "migrated"}
COLUMNS = ("时间", "操作人", "操作", "对象", "编号", "原值", "新值")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime  # local time
    author: str
    action: str
    entity: str
    entity_id: int | None
    old_text: str
    new_text: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)

    def row(self) -> tuple[str, ...]:
        return (
            self.at.strftime("%Y-%m-%d %H:%M:%S"),
            self.author,
            self.action_label,
            self.entity_label,
            "" if self.entity_id is None else str(self.entity_id),
            self.old_text,
            self.new_text,
        )

    def matches(self, text: str) -> bool:
        needle = text.strip().lower()
        return not needle or any(needle in cell.lower() for cell in self.row())


def format_value(value: Any) -> str:
    """A stored old/new value as a short Chinese line: statuses by name, dicts as key：value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str):
        try:
            return Status(value).label
        except ValueError:
            return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return "；".join(
            f"{KEY_LABELS.get(str(k), str(k))}：{format_value(v)}"
            for k, v in value.items()
            if k not in HIDDEN_KEYS
        )
    if isinstance(value, list):
        return "、".join(format_value(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def list_entries(db: Database, text: str = "", limit: int | None = None) -> list[AuditEntry]:
    """Newest first; `text` keeps entries where any shown column contains it."""
    with db.session() as s:
        query = select(AuditLog).order_by(AuditLog.id.desc())
        out: list[AuditEntry] = []
        for row in s.scalars(query.execution_options(yield_per=1000)):
            entry = AuditEntry(
                id=row.id,
                at=row.at.astimezone(),
                author=row.author,
                action=row.action,
                entity=row.entity,
                entity_id=row.entity_id,
                old_text=format_value(row.old_value),
                new_text=format_value(row.new_value),
            )
            if entry.matches(text):
                out.append(entry)
                if limit is not None and len(out) >= limit:
                    break
        return out


def _cell(text: str) -> str:
    """Excel runs cells starting with = + - @ as formulas; a leading apostrophe keeps them text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(db: Database, out: Path, text: str = "") -> int:
    """Write the (filtered) log as CSV with a UTF-8 BOM so Excel shows Chinese; returns rows."""
    entries = list_entries(db, text)
    try:
        with out.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            for entry in entries:
                writer.writerow([_cell(c) for c in entry.row()])
    except OSError as exc:
        raise UserError(
            f"无法写入文件“{out}”：{exc.strerror or exc}。如果该文件已在 Excel 中打开，请先关闭。"
        ) from exc
    return len(entries)
