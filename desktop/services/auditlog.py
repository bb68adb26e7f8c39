"""Reading the audit log: entries in plain Chinese, filtered by text, exported to CSV for Excel."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain import Quarter, Status, size_label
from desktop.models import AuditLog, Database
from desktop.services.errors import UserError

ACTION_LABELS = {
    "import": "导入",
    "status": "修改状态",
    "progress": "填写进展",
    "attach": "添加佐证材料",
    "remove": "移除佐证材料",
    "describe": "修改材料说明",
    "update": "修改",
    "backup": "备份",
    "restore": "恢复备份",
    "add": "新增措施",
    "archive": "归档措施",
    "fillin": "导入部门填报",
    "freeze": "季度定稿",
    "unfreeze": "撤销定稿",
}
# The same action on different things reads differently to an officer.
ACTION_ENTITY_LABELS = {
    ("update", "setting"): "修改设置",
    ("update", "plan"): "更新计划版本",
    ("update", "measure"): "按新版本修改措施",
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
    # progress and the department fill-in
    "quarter": "季度",
    "status": "状态",
    "progress": "进展情况",
    "problems": "存在问题",
    "next_steps": "下步打算",
    # plans and measures (import, new versions)
    "title": "标题",
    "source": "来源文件",
    "measures": "措施数",
    "version": "版本",
    "kept": "保留",
    "added": "新增",
    "archived": "归档",
    "path": "层级编号",
    "number": "序号",
    "text": "正文",
    "lead_units": "牵头单位",
    "responsible_units": "责任单位",
    "deadline_text": "完成时限（原文）",
    "deadline": "完成日期",
    "long_term": "长期任务",
    "start_date": "开始时间",
    "recurring": "完成频次",
    "remarks": "备注",
    "facts": "文件信息的变化",
    "doc_number": "文号",
    "issuer": "发文机关",
    "doc_date": "成文日期",
    "plan_id": "计划编号",
    "revision": "定稿版次",
    # evidence
    "name": "文件名",
    "size": "大小",
    "measure_id": "措施编号",
    "description": "说明",
    # backup and restore
    "file": "文件",
    "evidence_files": "佐证材料文件数",
    "bytes": "大小",
    "missing": "缺失文件数",
    "changed": "内容已改变的文件数",
    "created_at": "备份时间",
    "app_version": "程序版本",
    "migrated": "已升级数据格式",
    # settings (the key of a settings change is the setting's name)
    "unit_name": "填报单位",
    "officer": "填报人",
    "phone": "联系电话",
    "reviewer": "审核人",
    "report_title_template": "报告标题模板",
    "default_quarter": "默认季度",
    "due_soon_days": "黄灯提前天数",
    "sample_loaded": "已载入示例",
    "evidence_max_mb": "单个佐证材料上限（MB）",
    "language": "界面语言",
    "backup_mirror_dir": "第二备份文件夹",
}
# A key that means one thing in one action and another elsewhere.
ACTION_KEY_LABELS = {
    ("backup", "reason"): "方式",
    ("unfreeze", "reason"): "原因",
}
REASON_LABELS = {"manual": "手动", "auto": "自动（退出时）", "pre-restore": "恢复前自动备份"}
# Progress carried over by a plan update was logged with the code 'update' as its source
# before the file name was; entries of that time still read in Chinese.
SOURCE_LABELS = {"update": "计划新版本"}
LANGUAGE_LABELS = {"zh_CN": "简体中文", "en": "English"}
SIZE_KEYS = {"size", "bytes"}
# Internal bookkeeping that means nothing to an officer.
HIDDEN_KEYS = {"sha256", "upto_audit_id", "schema_revision"}
# Settings written by the program itself, named by their prefix.
_MAPPING_PREFIX = "xlsx_mapping:"
KEY_PREFIX_LABELS = {_MAPPING_PREFIX: "Excel 列对应（表头 {}）"}
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
        return ACTION_ENTITY_LABELS.get(
            (self.action, self.entity), ACTION_LABELS.get(self.action, self.action)
        )

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


def format_value(value: Any, action: str = "") -> str:
    """A stored old/new value as a short Chinese line: statuses by name, dicts as 名称：值."""
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
            f"{key_label(str(k), action)}：{_field_value(str(k), v, action)}"
            for k, v in value.items()
            if k not in HIDDEN_KEYS
        )
    if isinstance(value, list):
        return "、".join(format_value(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def key_label(key: str, action: str = "") -> str:
    """The Chinese name of a field; unknown fields keep their stored name."""
    if (action, key) in ACTION_KEY_LABELS:
        return ACTION_KEY_LABELS[(action, key)]
    if key in KEY_LABELS:
        return KEY_LABELS[key]
    for prefix, label in KEY_PREFIX_LABELS.items():
        if key.startswith(prefix):
            return label.format(key[len(prefix) :].replace("|", "、"))
    return key


def _field_value(key: str, value: Any, action: str) -> str:
    if key == "quarter" and isinstance(value, str):
        try:
            return Quarter.parse(value).label
        except ValueError:
            return value
    if key.startswith(_MAPPING_PREFIX) and isinstance(value, str):
        return _mapping_text(value)
    if key == "created_at" and isinstance(value, str):
        return value.replace("T", " ")[:19]
    if key == "reason" and action == "backup" and isinstance(value, str):
        return REASON_LABELS.get(value, value)
    if key == "source" and isinstance(value, str):
        return SOURCE_LABELS.get(value, value)
    if key == "sample_loaded" and isinstance(value, str):
        return "是" if value else "否"
    if key == "language" and isinstance(value, str):
        return LANGUAGE_LABELS.get(value, value)
    if key in SIZE_KEYS and isinstance(value, int) and not isinstance(value, bool):
        return size_label(value)
    if key == "path" and isinstance(value, list):
        return "/".join(str(v) for v in value)
    return format_value(value)


def _mapping_text(value: str) -> str:
    """A remembered Excel column mapping ({field: header}) as 牵头单位＝“牵头部门”、…"""
    from desktop.readers.xlsx import FIELD_LABELS

    try:
        raw = json.loads(value)
    except ValueError:
        return value
    if not isinstance(raw, dict):
        return value
    return "、".join(f"{FIELD_LABELS.get(str(f), str(f))}＝“{h}”" for f, h in raw.items())


# Kept beside a change even when unchanged, so the officer sees which quarter or measure it was.
CONTEXT_KEYS = {"quarter", "number"}


def _changed_only(old: Any, new: Any) -> tuple[Any, Any]:
    """When both sides are records, the fields that changed (a new version rewrites every field
    of a measure; the one reworded sentence is what matters)."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return old, new
    same = {k for k in old.keys() & new.keys() if old[k] == new[k] and k not in CONTEXT_KEYS}
    return (
        {k: v for k, v in old.items() if k not in same},
        {k: v for k, v in new.items() if k not in same},
    )


def list_entries(db: Database, text: str = "", limit: int | None = None) -> list[AuditEntry]:
    """Newest first; `text` keeps entries where any shown column contains it."""
    with db.session() as s:
        query = select(AuditLog).order_by(AuditLog.id.desc())
        out: list[AuditEntry] = []
        for row in s.scalars(query.execution_options(yield_per=1000)):
            old, new = _changed_only(row.old_value, row.new_value)
            entry = AuditEntry(
                id=row.id,
                at=row.at.astimezone(),
                author=row.author,
                action=row.action,
                entity=row.entity,
                entity_id=row.entity_id,
                old_text=format_value(old, row.action),
                new_text=format_value(new, row.action),
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
