"""Menu actions for 季度定稿 (closing a quarter) and undoing it, and the read-only panel it implies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop.domain import ProgressCallback
from desktop.services import snapshots
from desktop.ui.errors import show_error
from desktop.ui.tasks import BackgroundOp
from desktop.ui.vocabulary import quarter_label

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class FreezeActions(QObject):
    """季度定稿… and 撤销定稿…, both on the selected plan and the chosen quarter."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("freezeActions")
        self.window = window
        self.freeze_action = QAction(self.tr("季度定稿(&Z)…"), window)
        self.freeze_action.setToolTip(self.tr("冻结所选计划本季度的进展和佐证材料，报告可原样重印"))
        self.freeze_action.triggered.connect(self.freeze_quarter)
        self.unfreeze_action = QAction(self.tr("撤销定稿…"), window)
        self.unfreeze_action.triggered.connect(self.unfreeze_quarter)

    def freeze_quarter(self) -> None:
        w = self.window
        quarter, plan_id = w.quarter, w.current_plan_id()
        if plan_id is None:
            w.inform(self.tr("请先在左侧选择要定稿的计划"))
            return
        title = w.plan_model.plan_at(w.plan_model.row_of(plan_id)).title
        text = self.tr(
            "定稿后，《%s》%s的进展情况、存在问题、下步打算和佐证材料将不能再修改，"
            "季度报告将按定稿内容原样打印。确定定稿吗？"
        ) % (title, quarter_label(quarter))
        if not w.confirm(text):
            return
        w.detail.flush()
        ws, today = w.ws, w.today

        def work(_progress: ProgressCallback) -> list[snapshots.SnapshotInfo]:
            return snapshots.freeze_quarter(ws, quarter, [plan_id], today)

        def done(infos: list[snapshots.SnapshotInfo]) -> None:
            w.undo_stack.clear()  # edits before the freeze can no longer be undone
            w.refresh_measures()
            w.inform(
                self.tr("已定稿：%s《%s》（定稿编号 #%d）")
                % (quarter_label(quarter), title, infos[0].id)
            )

        BackgroundOp(w, work, self.tr("正在定稿…")).success(done).run()

    def unfreeze_quarter(self) -> None:
        w = self.window
        quarter, plan_id = w.quarter, w.current_plan_id()
        if plan_id is None or not snapshots.is_frozen(w.ws, quarter, [plan_id]):
            w.inform(self.tr("所选计划%s尚未定稿") % quarter_label(quarter))
            return
        reason = w.ask_text(
            self.tr("撤销定稿"),
            self.tr("撤销%s定稿的原因（记入操作日志）：") % quarter_label(quarter),
        )
        if reason is None:
            return
        try:
            snapshots.unfreeze_quarter(w.ws, quarter, plan_id, reason)
        except Exception as exc:
            show_error(w, exc)
            return
        w.refresh_measures()
        w.inform(self.tr("已撤销%s定稿，原定稿记录已保留") % quarter_label(quarter))

    def show_frozen(self, plan_id: int) -> None:
        """A closed quarter is read-only in the panel; status stays editable (not per quarter)."""
        w = self.window
        frozen = snapshots.is_frozen(w.ws, w.quarter, [plan_id])
        d = w.detail
        for edit in (d.progress_edit, d.problems_edit, d.next_edit):
            edit.setReadOnly(frozen)
        for button in (d.save_button, d.attach_button, d.remove_button, d.describe_button):
            button.setEnabled(not frozen)
        d.setAcceptDrops(not frozen)
        if frozen:
            d.progress_box.setTitle(self.tr("%s · 已定稿") % quarter_label(w.quarter))
            d.saved_label.setText(self.tr("已定稿，只读。如需修改，请先撤销定稿。"))
