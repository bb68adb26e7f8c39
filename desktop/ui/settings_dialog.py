"""Settings dialog: reporting unit, officer, report title template, quarter, warning days, language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Quarter
from desktop.services import settings
from desktop.services.workspace import Workspace
from desktop.ui.errors import show_error
from desktop.ui.vocabulary import SETTING_LABELS, quarter_label, tr
from desktop.ui.widgets import named


class SettingsDialog(QDialog):
    def __init__(self, ws: Workspace, quarters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(520)
        values = settings.get_all(ws.db)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in SETTING_LABELS.items():
            edit = named(QLineEdit(values.get(key, "")), f"setting_{key}")
            self.edits[key] = edit
            form.addRow(self.tr("%s：") % tr(label), edit)
            if key == "report_title_template":
                # The placeholders belong to the title template, right under it.
                hint = named(
                    QLabel(self.tr("可用占位符：{unit} 填报单位，{plan} 文件名称，{quarter} 季度")),
                    "templateHint",
                )
                hint.setWordWrap(True)
                hint.setStyleSheet("color: #6b7280;")
                form.addRow("", hint)
        self.quarter = named(QComboBox(), "setting_default_quarter")
        self.quarter.addItem(self.tr("当前季度（随日期变化）"), "")
        for q in quarters:
            self.quarter.addItem(quarter_label(Quarter.parse(q)), q)
        self.quarter.setCurrentIndex(
            max(self.quarter.findData(values.get("default_quarter", "")), 0)
        )
        form.addRow(self.tr("默认季度："), self.quarter)
        self.due_days = named(QSpinBox(), "setting_due_soon_days")
        self.due_days.setRange(1, 365)
        self.due_days.setSuffix(self.tr(" 天"))
        self.due_days.setValue(int(values.get("due_soon_days") or 15))
        form.addRow(self.tr("黄灯提前天数："), self.due_days)
        self.language = named(QComboBox(), "setting_language")
        for code, name in settings.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(self.language.findData(values.get("language", "zh_CN")), 0)
        )
        form.addRow(self.tr("界面语言（重启后生效）："), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, str]:
        out = {key: edit.text().strip() for key, edit in self.edits.items()}
        out["default_quarter"] = self.quarter.currentData() or ""
        out["due_soon_days"] = str(self.due_days.value())
        out["language"] = self.language.currentData()
        return out

    def save(self) -> None:
        try:
            settings.update(self.ws.db, self.changes(), self.ws.author)
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
