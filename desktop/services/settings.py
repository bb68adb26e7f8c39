"""Settings stored in the database (so they travel with backups), with defaults."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.domain import Quarter
from desktop.models import Database, Setting
from desktop.services import audit
from desktop.services.errors import UserError

DEFAULTS: dict[str, str] = {
    "unit_name": "XX县人民政府办公室",
    "officer": "",
    "phone": "",
    "reviewer": "",
    "report_title_template": "{unit}关于《{plan}》{quarter}落实情况的报告",
    "report_addressee": "XX县人民政府",  # 主送机关, printed above the body; empty to omit
    "default_quarter": "",
    "due_soon_days": "15",
    "sample_loaded": "",
    "evidence_max_mb": "200",
    "language": "zh_CN",
    "backup_mirror_dir": "",  # second folder for copies of every backup (USB stick, share)
}

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def validate(changes: dict[str, str]) -> None:
    """Reject values the application could not use, with a message saying what to enter."""
    if "due_soon_days" in changes:
        value = changes["due_soon_days"].strip()
        if not value.isdigit() or not 0 < int(value) <= 365:
            raise UserError("“黄灯提前天数”应为 1 到 365 之间的整数。")
    if "default_quarter" in changes and changes["default_quarter"].strip():
        try:
            Quarter.parse(changes["default_quarter"])
        except ValueError as exc:
            raise UserError(str(exc)) from exc
    if "report_title_template" in changes:
        template = changes["report_title_template"]
        try:
            template.format(unit="单位", plan="计划", quarter="季度")
        except (KeyError, IndexError, ValueError) as exc:
            raise UserError(
                "报告标题模板只能使用 {unit}（填报单位）、{plan}（文件名称）、{quarter}（季度）三个占位符。"
            ) from exc
    if "evidence_max_mb" in changes:
        try:
            mb = float(changes["evidence_max_mb"].strip())
        except ValueError:
            mb = 0
        if not 1 <= mb <= 4096:
            raise UserError("“单个佐证材料上限”应为 1 到 4096 之间的数字（单位 MB）。")
    mirror = changes.get("backup_mirror_dir", "").strip()
    if mirror and not Path(mirror).expanduser().is_dir():
        raise UserError(
            f"第二备份文件夹“{mirror}”不存在或不是文件夹。请选择一个已有的文件夹（如U盘或网络共享上的文件夹）。"
        )
    if "language" in changes and changes["language"] not in LANGUAGES:
        raise UserError("不支持的界面语言。")


def get_all(db: Database) -> dict[str, str]:
    values = dict(DEFAULTS)
    with db.session() as session:
        for row in session.scalars(select(Setting)):
            values[row.key] = row.value
    return values


def get(db: Database, key: str) -> str:
    return get_all(db).get(key, "")


def update(db: Database, changes: dict[str, str], author: str) -> None:
    """Write several settings in one transaction, each change audited."""
    validate(changes)
    with db.transaction() as session:
        for key, value in changes.items():
            row = session.get(Setting, key)
            old = row.value if row else DEFAULTS.get(key)
            if old == value:
                continue
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit.record(
                session,
                action="update",
                entity="setting",
                entity_id=None,
                author=author,
                old={key: old},
                new={key: value},
            )


def evidence_max_bytes(db: Database) -> int | None:
    """The per-file evidence cap the officer set (evidence_max_mb), or None for the store's own
    default (200 MB, the same as DEFAULTS)."""
    with db.session() as session:
        row = session.get(Setting, "evidence_max_mb")
    if row is None:
        return None
    try:
        mb = float(row.value)
    except ValueError:
        return None
    return int(max(mb, 1) * 1024 * 1024)
