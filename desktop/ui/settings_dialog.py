"""Settings dialog: what the report says (unit, officer, title, addressee), how the ledger warns,
where backups are copied, and the interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Quarter
from desktop.services import backup, settings
from desktop.services.workspace import Workspace
from desktop.ui.backup_actions import MirrorDialog
from desktop.ui.errors import show_error
from desktop.ui.vocabulary import SETTING_LABELS, quarter_label, tr
from desktop.ui.widgets import named

# The text settings of each group, in the order they are shown.
_REPORT_KEYS = (
    "unit_name",
    "officer",
    "phone",
    "reviewer",
    "report_title_template",
    "report_addressee",
)
_LEDGER_KEYS = ("evidence_max_mb",)


def _hint(text: str, name: str) -> QLabel:
    label = named(QLabel(text), name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #6b7280;")
    return label


def _align_labels(forms: tuple[QFormLayout, ...]) -> None:
    """One label column across the groups, so the fields of every group start at the same x."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                labels.append(widget)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


class SettingsDialog(QDialog):
    def __init__(self, ws: Workspace, quarters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(600)
        values = settings.get_all(ws.db)
        self.edits: dict[str, QLineEdit] = {}

        report = QGroupBox(self.tr("季度报告"))
        report_form = QFormLayout(report)
        for key in _REPORT_KEYS:
            self._add_edit(report_form, key, values)
            if key == "report_title_template":
                # The placeholders belong to the title template, right under it.
                report_form.addRow(
                    "",
                    _hint(
                        self.tr("可用占位符：{unit} 填报单位，{plan} 文件名称，{quarter} 季度"),
                        "templateHint",
                    ),
                )
        self.edits["report_addressee"].setPlaceholderText(self.tr("不写主送机关"))
        report_form.addRow(
            "",
            _hint(
                self.tr("写在报告正文之前；留空则报告不写主送机关。"),
                "addresseeHint",
            ),
        )

        work = QGroupBox(self.tr("台账与提醒"))
        work_form = QFormLayout(work)
        self.quarter = named(QComboBox(), "setting_default_quarter")
        self.quarter.addItem(self.tr("当前季度（随日期变化）"), "")
        for q in quarters:
            self.quarter.addItem(quarter_label(Quarter.parse(q)), q)
        self.quarter.setCurrentIndex(
            max(self.quarter.findData(values.get("default_quarter", "")), 0)
        )
        work_form.addRow(self.tr("默认季度："), self.quarter)
        self.due_days = named(QSpinBox(), "setting_due_soon_days")
        self.due_days.setRange(1, 365)
        self.due_days.setSuffix(self.tr(" 天"))
        self.due_days.setValue(int(values.get("due_soon_days") or 15))
        self.due_days.setToolTip(self.tr("完成时限在这么多天之内的未完成措施亮黄灯"))
        work_form.addRow(self.tr("黄灯提前天数："), self.due_days)
        for key in _LEDGER_KEYS:
            self._add_edit(work_form, key, values)

        safety = QGroupBox(self.tr("数据安全"))
        safety_form = QFormLayout(safety)
        # The folder is chosen in the same dialog as File → 第二备份位置…; saved with the rest.
        self._stored_mirror = values.get(backup.MIRROR_SETTING, "")
        self.mirror = named(QLineEdit(self._stored_mirror), "setting_mirror")
        self.mirror.setReadOnly(True)
        self.mirror.setPlaceholderText(self.tr("未设置：备份只保存在数据目录中"))
        mirror_button = named(QPushButton(self.tr("更改…")), "setting_mirror_change")
        mirror_button.clicked.connect(self._choose_mirror)
        mirror_row = QHBoxLayout()
        mirror_row.addWidget(self.mirror, 1)
        mirror_row.addWidget(mirror_button)
        self.mirror_caption = QLabel(self.tr("第二备份位置："))
        self.mirror_caption.setBuddy(mirror_button)
        safety_form.addRow(self.mirror_caption, mirror_row)
        safety_form.addRow(
            "",
            _hint(
                self.tr("手动和退出时的自动备份都会再复制一份到这里。"),
                "mirrorHint",
            ),
        )

        self.language = named(QComboBox(), "setting_language")
        for code, name in settings.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(self.language.findData(values.get("language", "zh_CN")), 0)
        )
        interface = QGroupBox(self.tr("界面"))
        interface_form = QFormLayout(interface)
        interface_form.addRow(self.tr("界面语言："), self.language)
        interface_form.addRow("", _hint(self.tr("重新启动程序后生效。"), "languageHint"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        forms = (report_form, work_form, safety_form, interface_form)
        for part in (report, work, safety, interface):
            layout.addWidget(part)
        layout.addWidget(buttons)
        _align_labels(forms)
        self.mirror_dialog: MirrorDialog | None = None

    def _add_edit(self, form: QFormLayout, key: str, values: dict[str, str]) -> None:
        edit = named(QLineEdit(values.get(key, "")), f"setting_{key}")
        self.edits[key] = edit
        form.addRow(self.tr("%s：") % tr(SETTING_LABELS[key]), edit)

    def _choose_mirror(self) -> None:
        dialog = MirrorDialog(self.mirror.text(), self)
        dialog.accepted.connect(lambda: self.mirror.setText(dialog.folder()))
        self.mirror_dialog = dialog
        dialog.open()

    def changes(self) -> dict[str, str]:
        out = {key: edit.text().strip() for key, edit in self.edits.items()}
        out["default_quarter"] = self.quarter.currentData() or ""
        out["due_soon_days"] = str(self.due_days.value())
        out["language"] = self.language.currentData()
        mirror = self.mirror.text().strip()
        if mirror != self._stored_mirror:
            # Only when changed: a USB stick that is not plugged in must not block saving the
            # other settings (the folder is checked when it is chosen).
            out[backup.MIRROR_SETTING] = mirror
        return out

    def save(self) -> None:
        try:
            settings.update(self.ws.db, self.changes(), self.ws.author)
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
