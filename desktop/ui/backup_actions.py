"""Menu actions for the safety net: back up, restore, verify evidence, view the audit log."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import ProgressCallback
from desktop.services import backup, settings, verify
from desktop.ui.audit_dialog import AuditDialog
from desktop.ui.errors import show_error, show_notice
from desktop.ui.tasks import BackgroundOp
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class BackupActions(QObject):
    """Owns the four actions; parented to the window so it lives as long as the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action = QAction(self.tr("备份数据(&B)…"), window)
        self.backup_action.setToolTip(self.tr("把数据库和全部佐证材料备份到一个文件（可存到U盘）"))
        self.backup_action.triggered.connect(self.make_backup)
        self.restore_action = QAction(self.tr("恢复备份(&R)…"), window)
        self.restore_action.triggered.connect(self.restore)
        self.verify_action = QAction(self.tr("校验佐证材料(&V)"), window)
        self.verify_action.triggered.connect(self.verify)
        self.audit_action = QAction(self.tr("操作日志(&L)…"), window)
        self.audit_action.triggered.connect(self.show_audit_log)
        self.mirror_action = QAction(self.tr("第二备份位置(&M)…"), window)
        self.mirror_action.setToolTip(
            self.tr("每次备份（含退出时的自动备份）再复制一份到U盘或网络文件夹")
        )
        self.mirror_action.triggered.connect(self.choose_mirror)
        self.audit_dialog: AuditDialog | None = None
        self.last_report: verify.VerifyReport | None = None

    def actions(self) -> list[QAction]:
        return [
            self.backup_action,
            self.restore_action,
            self.mirror_action,
            self.verify_action,
            self.audit_action,
        ]

    # -- backup -------------------------------------------------------------------------------
    def make_backup(self) -> None:
        w = self.window
        suggested = Path.home() / backup.default_backup_name()
        out = w.ask_save_file(
            self.tr("备份数据"), suggested, self.tr("落实台账备份 (*.lsbak)"), ".lsbak"
        )
        if out is None:
            return
        _flush(w)
        ws = w.ws

        def work(report: ProgressCallback) -> backup.BackupResult:
            return backup.create_backup(ws, out, progress=report)

        def done(result: backup.BackupResult) -> None:
            size = result.path.stat().st_size / 1024 / 1024
            text = self.tr("已备份到 %s（%.1f MB），已校验无误") % (result.path, size)
            if result.mirror is not None and result.mirror != result.path:
                text += self.tr("；另存一份到 %s") % result.mirror.parent
            w.inform(text)
            if result.warnings:
                show_notice(
                    w, self.tr("备份完成，但有提示"), "\n".join(result.warnings), "backupWarnings"
                )

        BackgroundOp(w, work, self.tr("正在备份数据…")).success(done).cancelled(
            lambda: w.inform(self.tr("已取消备份"))
        ).run()

    # -- restore ------------------------------------------------------------------------------
    def restore(self) -> None:
        path = self.window.ask_open_file(
            self.tr("选择要恢复的备份文件"), self.tr("落实台账备份 (*.lsbak);;所有文件 (*)")
        )
        if path is not None:
            self.restore_file(path)

    def restore_file(self, path: Path) -> None:
        """Show what the archive holds, ask, then restore it (also for a double-clicked .lsbak)."""
        w = self.window
        try:
            info = backup.describe_backup(path)
        except Exception as exc:
            show_error(w, exc)
            return
        question = "\n".join(
            [
                *info.lines(),
                "",
                self.tr(
                    "恢复将用该备份替换当前全部数据（当前数据会先自动备份到数据目录的 backups 文件夹）。"
                ),
                self.tr("确定恢复吗？"),
            ]
        )
        if not w.confirm(question):
            return
        _flush(w)
        ws = w.ws

        def work(report: ProgressCallback) -> backup.RestoreResult:
            return backup.restore_into(ws, path, report)

        def refresh() -> None:
            stack = getattr(w, "undo_stack", None)
            if stack is not None:
                stack.clear()  # undo steps refer to the replaced data
            w.refresh_plans()

        def done(result: backup.RestoreResult) -> None:
            refresh()
            w.inform(
                self.tr("已恢复 %s 的备份：%d 个计划，%d 项措施")
                % (
                    result.info.created_at.replace("T", " ")[:16],
                    result.info.plans,
                    result.info.measures,
                )
            )
            if result.info.has_problems:
                show_notice(
                    w,
                    self.tr("已恢复备份，但部分佐证材料未能恢复"),
                    "\n".join(result.info.problem_lines()),
                    "restoreWarnings",
                    details="\n".join(result.info.problem_lines(limit=10_000)),
                    warning=True,
                )

        def failed(exc: BaseException) -> None:
            refresh()
            show_error(w, exc)

        def cancelled() -> None:
            refresh()
            w.inform(self.tr("已取消恢复，数据未改变"))

        BackgroundOp(w, work, self.tr("正在恢复备份…")).success(done).failure(failed).cancelled(
            cancelled
        ).run()

    # -- second backup folder -----------------------------------------------------------------
    def choose_mirror(self) -> None:
        w = self.window
        dialog = MirrorDialog(settings.get(w.ws.db, backup.MIRROR_SETTING), w)

        def save() -> None:
            try:
                settings.update(w.ws.db, {backup.MIRROR_SETTING: dialog.folder()}, w.ws.author)
            except Exception as exc:
                show_error(w, exc)
                return
            folder = dialog.folder()
            w.inform(
                self.tr("以后每次备份都会另存一份到 %s") % folder
                if folder
                else self.tr("已停止复制到第二备份位置")
            )

        dialog.accepted.connect(save)
        dialog.open()

    # -- verify -------------------------------------------------------------------------------
    def verify(self) -> None:
        w = self.window
        ws = w.ws

        def work(report: ProgressCallback) -> verify.VerifyReport:
            return verify.verify_evidence(ws, report)

        def done(result: verify.VerifyReport) -> None:
            self.last_report = result
            lines = result.lines()
            if result.ok:
                w.inform(" ".join(lines[:2]))
                show_notice(w, self.tr("校验佐证材料"), "\n".join(lines), "verifyReport")
            else:
                show_notice(
                    w,
                    self.tr("校验佐证材料：发现问题"),
                    "\n".join(lines[:3]),
                    "verifyReport",
                    details="\n".join(lines),
                    warning=True,
                )

        BackgroundOp(w, work, self.tr("正在校验佐证材料…")).success(done).run()

    # -- audit log ----------------------------------------------------------------------------
    def show_audit_log(self) -> None:
        w = self.window
        if self.audit_dialog is None:
            self.audit_dialog = AuditDialog(w.ws, w, ask_save_file=w.ask_save_file)
            self.audit_dialog.setObjectName("auditDialog")
        else:
            self.audit_dialog.ws = w.ws
            self.audit_dialog.reload()
        self.audit_dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen warns on raise()
            self.audit_dialog.raise_()


class MirrorDialog(QDialog):
    """Choose (or clear) the second folder that receives a verified copy of every backup."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mirrorDialog")
        self.setWindowTitle(self.tr("第二备份位置"))
        note = QLabel(
            self.tr(
                "自动备份平时只保存在数据目录中；电脑损坏时它们会一起丢失。\n"
                "在这里选择U盘或单位网络共享上的文件夹，以后每次备份（手动和退出时的自动备份）"
                "都会再复制一份到其中的“落实台账-计算机名”子文件夹，并重新校验。\n"
                "U盘未插入或网络断开时，备份照常保存在数据目录中，并提示您。"
            )
        )
        note.setWordWrap(True)
        self.path_edit = named(QLineEdit(current), "mirrorPath")
        self.path_edit.setPlaceholderText(self.tr("未设置：备份只保存在数据目录中"))
        browse = named(QPushButton(self.tr("选择文件夹…")), "mirrorBrowse")
        browse.clicked.connect(self._browse)
        clear = named(QPushButton(self.tr("不再复制")), "mirrorClear")
        clear.clicked.connect(self.path_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def folder(self) -> str:
        return self.path_edit.text().strip()

    def _browse(self) -> None:
        start = self.folder() or str(Path.home())
        name = QFileDialog.getExistingDirectory(self, self.tr("选择第二备份文件夹"), start)
        if name:
            self.path_edit.setText(name)


def _flush(window: MainWindow) -> None:
    """Save what the officer is typing before the data is copied or replaced."""
    detail = getattr(window, "detail", None)
    flush = getattr(detail, "flush", None)
    if callable(flush):
        flush()


def install_backup_actions(window: MainWindow, menu: QMenu) -> None:
    """Add 备份数据…, 恢复备份…, 第二备份位置…, 校验佐证材料 and 操作日志… to `menu`."""
    actions = BackupActions(window)
    actions.setObjectName("backupActions")
    menu.addSeparator()
    for action in actions.actions():
        menu.addAction(action)
