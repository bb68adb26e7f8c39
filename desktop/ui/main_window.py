"""The main window: plans on the left, measures in the middle, the selected measure on the right."""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Quarter, Status
from desktop.services import dashboard, ledger, settings
from desktop.services.ledger import MeasureDetail
from desktop.services.workspace import Workspace
from desktop.ui.backup_actions import install_backup_actions
from desktop.ui.commands import ProgressCommand, ProgressTexts, StatusCommand
from desktop.ui.criteria import MeasureFilter
from desktop.ui.dashboard import DashboardView
from desktop.ui.delegates import PlanDelegate
from desktop.ui.detail_panel import DetailPanel
from desktop.ui.errors import show_error
from desktop.ui.evidence_actions import EvidenceActions
from desktop.ui.freeze_actions import FreezeActions
from desktop.ui.import_preview import ImportPreviewDialog
from desktop.ui.item_models import PlanListModel
from desktop.ui.mapping_dialog import MappingDialog
from desktop.ui.measure_filter import FilterBar
from desktop.ui.measure_views import MeasureViews
from desktop.ui.plan_actions import PlanActions
from desktop.ui.report_actions import ReportActions
from desktop.ui.report_dialogs import ReportOptionsDialog, ReportPreview
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.update_dialog import UpdateDialog
from desktop.ui.vocabulary import quarter_label
from desktop.ui.widgets import named, with_suffix

if TYPE_CHECKING:
    from desktop.ui.fillin_dialog import FillinReviewDialog


def quarter_choices(today: date) -> list[Quarter]:
    """Quarters from three years back to the next one; officers report on recent quarters."""
    current = Quarter.of(today)
    first = Quarter(current.year - 3, 1)
    out = []
    q = first
    while q <= current.next():
        out.append(q)
        q = q.next()
    return out


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, today: date | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.today = today or date.today()
        self.preview: ReportPreview | None = None  # the last report opened in the preview
        self.setWindowTitle(self.tr("%s — %s") % (self.tr("落实台账"), ws.paths.root))
        self.resize(1280, 760)

        self.plan_model = PlanListModel()
        self.plan_view = named(QListView(), "planList")
        self.plan_view.setModel(self.plan_model)
        self.plan_view.setItemDelegate(PlanDelegate(self.plan_view))
        self.plan_view.setSpacing(1)
        self.plan_view.setMinimumWidth(160)
        # The delegate wraps and elides the title to the list's width: no sideways scrolling.
        self.plan_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan_view.selectionModel().selectionChanged.connect(self._plan_selected)
        self.plan_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plan_view.customContextMenuRequested.connect(self._plan_menu)

        self.views = MeasureViews()
        # The parts tests and other modules reach for directly.
        self.measure_model = self.views.model
        self.proxy = self.views.proxy
        self.table = self.views.table
        self.tree_model = self.views.tree_model
        self.tree = self.views.tree
        self.views.measure_selected.connect(self.show_measure)
        self.measure_model.dataChanged.connect(lambda *_: self._update_counts())
        self.measure_model.modelReset.connect(self._update_counts)

        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._filter_changed)
        self.group_toggle = named(QCheckBox(self.tr("按部分分组")), "groupToggle")
        self.group_toggle.setToolTip(self.tr("按文件的部分（一、（一）……）分组显示措施（Ctrl+G）"))
        self.group_toggle.toggled.connect(self._toggle_grouping)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.filter_bar)
        centre_layout.addWidget(self.views)

        self.detail = DetailPanel()
        self.detail.status_requested.connect(self.change_status)
        self.detail.save_requested.connect(self.save_progress)

        # Plans | tabs; the ledger tab holds the table and the detail panel side by side.
        ledger_split = named(QSplitter(Qt.Orientation.Horizontal), "ledgerSplitter")
        ledger_split.addWidget(centre)
        ledger_split.addWidget(self.detail)
        ledger_split.setStretchFactor(0, 3)
        ledger_split.setStretchFactor(1, 2)
        ledger_split.setCollapsible(1, False)
        ledger_split.setSizes([740, 400])
        self.dashboard = DashboardView()
        self.dashboard.measure_activated.connect(self._jump_to_measure)
        self.dashboard.notice_button.clicked.connect(lambda: self.report_actions.make_notice())
        self.tabs = named(QTabWidget(), "mainTabs")
        self.tabs.addTab(ledger_split, self.tr("措施台账"))
        self.tabs.addTab(self.dashboard, self.tr("工作总览"))
        self.tabs.setTabToolTip(0, self.tr("Ctrl+T"))
        self.tabs.setTabToolTip(1, self.tr("Ctrl+D"))
        self.tabs.currentChanged.connect(lambda _: self.refresh_dashboard())
        splitter = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter")
        splitter.addWidget(self.plan_view)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1166])
        self.setCentralWidget(splitter)
        self.splitter = splitter
        self.ledger_split = ledger_split

        self._build_actions()
        self._set_tab_order()
        self.status_label = named(QLabel(), "countsLabel")
        self.statusBar().addWidget(self.status_label, 1)
        self._restore_layout()
        default_quarter = settings.get(ws.db, "default_quarter")
        if default_quarter:
            self.set_quarter(Quarter.parse(default_quarter))
        self.refresh_plans()
        self._warm_up()

    # -- construction ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.undo_stack = QUndoStack(self)
        self.plan_actions = PlanActions(self)
        self.report_actions = ReportActions(self)
        self.freeze_actions = FreezeActions(self)
        self.evidence_actions = EvidenceActions(self)
        self.import_action = self.plan_actions.import_action
        self.update_action = self.plan_actions.update_action
        self.report_action = self.report_actions.report_action
        self.notice_action = self.report_actions.notice_action
        self.export_action = self.report_actions.export_action
        self.fillin_export_action = self.report_actions.fillin_export_action
        self.fillin_import_action = self.report_actions.fillin_import_action
        self.freeze_action = self.freeze_actions.freeze_action
        self.unfreeze_action = self.freeze_actions.unfreeze_action

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        quit_action = QAction(
            self.tr("退出(&X)"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit)
        )
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.update_action)
        file_menu.addAction(self.plan_actions.versions_action)
        file_menu.addAction(self.plan_actions.archived_action)
        file_menu.addSeparator()
        file_menu.addAction(self.report_action)
        file_menu.addAction(self.notice_action)
        file_menu.addAction(self.export_action)
        install_backup_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        save_action = QAction(
            self.tr("保存进展(&S)"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Save)
        )
        save_action.triggered.connect(self.detail.request_save)
        edit_menu.addAction(save_action)
        # Ctrl+1..4 set the status of the selected measure from anywhere in the window.
        self.status_actions: dict[Status, QAction] = {}
        for n, status in enumerate(Status, start=1):
            action = QAction(
                self.tr("设为“%s”") % self.detail.status_text(status),
                self,
                shortcut=QKeySequence(f"Ctrl+{n}"),
            )
            action.triggered.connect(lambda _=False, st=status: self._status_shortcut(st))
            edit_menu.addAction(action)
            self.status_actions[status] = action

        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        self.view_actions: dict[str, QAction] = {}
        for key, text, keys, slot in (
            ("plans", self.tr("计划列表(&L)"), "Ctrl+L", self.focus_plans),
            ("ledger", self.tr("措施台账(&T)"), "Ctrl+T", self.focus_ledger),
            ("dashboard", self.tr("工作总览(&D)"), "Ctrl+D", self.focus_dashboard),
            ("progress", self.tr("填写本季度进展(&P)"), "Ctrl+E", self.focus_progress),
            ("search", self.tr("搜索(&F)"), QKeySequence.StandardKey.Find, self.focus_search),
        ):
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            view_menu.addAction(action)
            self.view_actions[key] = action
        view_menu.addSeparator()
        group_action = QAction(self.tr("按部分分组(&G)"), self, shortcut=QKeySequence("Ctrl+G"))
        group_action.setCheckable(True)
        group_action.toggled.connect(self.group_toggle.setChecked)
        self.group_toggle.toggled.connect(group_action.setChecked)
        view_menu.addAction(group_action)
        self.view_actions["group"] = group_action

        tools_menu = self.menuBar().addMenu(self.tr("工具(&T)"))
        self.settings_action = QAction(self.tr("设置(&S)…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        tools_menu.addAction(self.fillin_export_action)
        tools_menu.addAction(self.fillin_import_action)
        # 定稿 (closing a quarter)
        tools_menu.addSeparator()
        tools_menu.addAction(self.freeze_action)
        tools_menu.addAction(self.unfreeze_action)
        tools_menu.addSeparator()
        tools_menu.addAction(self.settings_action)
        self.tools_menu = tools_menu

        toolbar = named(QToolBar(self.tr("工具栏")), "mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.report_action)
        toolbar.addSeparator()
        quarter_caption = QLabel(self.tr("季度："))
        quarter_caption.setContentsMargins(6, 0, 2, 0)
        toolbar.addWidget(quarter_caption)
        self.quarter_combo = named(QComboBox(), "quarterCombo")
        self.quarter_combo.setToolTip(self.tr("进展填报、筛选、总览和报告都按这个季度"))
        choices = quarter_choices(self.today)
        for q in choices:
            self.quarter_combo.addItem(quarter_label(q), str(q))
        self.quarter_combo.setCurrentIndex(choices.index(Quarter.of(self.today)))
        self.quarter_combo.currentIndexChanged.connect(self._quarter_changed)
        quarter_caption.setBuddy(self.quarter_combo)
        toolbar.addWidget(self.quarter_combo)
        toolbar.addSeparator()
        toolbar.addWidget(self.group_toggle)
        self.addToolBar(toolbar)

    def _set_tab_order(self) -> None:
        """Filters → list → the detail panel's buttons and editors, in reading order."""
        chain: list[QWidget] = [
            *self.filter_bar.inputs(),
            self.table,
            self.tree,
            *self.detail.tab_chain(),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def plan_menu(self) -> QMenu:
        """The plan list's context menu: the actions that act on the selected plan."""
        menu = QMenu(self.plan_view)
        menu.setObjectName("planMenu")
        menu.addAction(self.update_action)
        menu.addAction(self.plan_actions.versions_action)
        menu.addAction(self.plan_actions.archived_action)
        menu.addSeparator()
        menu.addAction(self.report_action)
        menu.addAction(self.export_action)
        return menu

    def _plan_menu(self, pos: QPoint) -> None:
        index = self.plan_view.indexAt(pos)
        if not index.isValid():
            return
        self.plan_view.setCurrentIndex(index)
        menu = self.plan_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.plan_view.viewport().mapToGlobal(pos))

    # -- keyboard -----------------------------------------------------------------------------
    def focus_plans(self) -> None:
        self.plan_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_ledger(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.views.current_view().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_dashboard(self) -> None:
        self.tabs.setCurrentWidget(self.dashboard)
        self.dashboard.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_progress(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.detail.focus_progress()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    # -- state ------------------------------------------------------------------------------
    @property
    def quarter(self) -> Quarter:
        return Quarter.parse(self.quarter_combo.currentData())

    def set_quarter(self, quarter: Quarter) -> None:
        index = self.quarter_combo.findData(str(quarter))
        if index < 0:
            self.quarter_combo.addItem(quarter_label(quarter), str(quarter))
            index = self.quarter_combo.count() - 1
        self.quarter_combo.setCurrentIndex(index)

    def _quarter_changed(self, _index: int) -> None:
        """Only 'progress this quarter' and the lights depend on the quarter: one small query."""
        self.detail.flush()
        rows = ledger.rows_for_quarter(
            self.ws.db,
            self.measure_model.rows(),
            self.current_plan_id(),
            self.quarter,
            self.today,
            self.due_soon_days(),
        )
        with self.views.quiet():
            self.views.replace_rows(rows, self._criteria())
        self._update_counts()
        self.refresh_dashboard()
        if self.detail.measure_id is not None:
            self.show_measure(self.detail.measure_id)

    def current_plan_id(self) -> int | None:
        rows = self.plan_view.selectionModel().selectedRows()
        return self.plan_model.plan_at(rows[0].row()).id if rows else None

    def refresh_plans(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_plan_id()
        self.plan_model.set_plans(ledger.list_plans(self.ws.db))
        row = self.plan_model.row_of(keep) if keep is not None else -1
        if row < 0 and self.plan_model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.plan_view.setCurrentIndex(self.plan_model.index(row))
        else:
            self.refresh_measures()

    def due_soon_days(self) -> int:
        try:
            return int(settings.get(self.ws.db, "due_soon_days") or 15)
        except ValueError:
            return 15

    def refresh_measures(self) -> None:
        keep = self.detail.measure_id
        plan_id = self.current_plan_id()
        rows = (
            ledger.list_measures(
                self.ws.db, plan_id, self.quarter, self.today, self.due_soon_days()
            )
            if plan_id
            else []
        )
        units = sorted({u for r in rows for u in (*r.lead_units, *r.responsible_units)})
        self.filter_bar.set_units(units)
        # The parts (一、) and their sub-sections (（一）), in document order.
        paths: dict[tuple[str, ...], None] = {}
        for r in rows:
            for depth in (1, 2):
                if len(r.sections) >= depth:
                    paths.setdefault(r.sections[:depth])
        self.filter_bar.set_sections(list(paths))
        with self.views.quiet():
            self.views.set_rows(rows, self._criteria())
        self._update_counts()
        self.refresh_dashboard()
        if keep is not None and self.measure_model.row_of(keep) >= 0:
            self.show_measure(keep)
            return
        self.detail.show_detail(None, None)

    def refresh_dashboard(self) -> None:
        if self.tabs.currentWidget() is not self.dashboard:
            return
        plan_id = self.current_plan_id()
        # The rows in the window already hold this quarter's view of the plan (today's statuses);
        # for a past quarter the service turns them into the statuses of its last day.
        data = dashboard.for_quarter(
            self.ws.db,
            self.measure_model.rows(),
            plan_id,
            self.quarter,
            self.today,
            self.due_soon_days(),
        )
        scope = self.plan_model.plan_at(self.plan_model.row_of(plan_id)).title if plan_id else ""
        self.dashboard.show_dashboard(data, scope)

    def _jump_to_measure(self, measure_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_bar.reset()
        self.views.select_measure(measure_id)
        self.show_measure(measure_id)

    def _update_counts(self) -> None:
        rows = self.measure_model.rows()
        overdue = sum(r.overdue for r in rows)
        done = sum(r.status == Status.DONE for r in rows)
        self.status_label.setText(
            self.tr("共 %d 项措施，已完成 %d 项，逾期 %d 项") % (len(rows), done, overdue)
        )
        self.filter_bar.show_count(self.views.shown_count(), len(rows))

    def _criteria(self) -> MeasureFilter:
        criteria = self.filter_bar.criteria()
        criteria.today = self.today
        return criteria

    def _filter_changed(self, criteria: MeasureFilter) -> None:
        criteria.today = self.today
        with self.views.quiet():
            self.views.set_criteria(criteria)
        self._update_counts()
        if self.detail.measure_id is not None:
            self._note_filtered(self.detail.measure_id)

    def _toggle_grouping(self, grouped: bool) -> None:
        self.views.set_grouped(grouped)

    def _plan_selected(self, *_: object) -> None:
        self.refresh_measures()

    def show_measure(self, measure_id: int) -> None:
        detail = ledger.measure_detail(
            self.ws.db, measure_id, self.quarter, self.today, self.due_soon_days()
        )
        self._show_detail(detail)
        row = self.measure_model.row_of(measure_id)
        if row >= 0 and self.measure_model.row_at(row) != detail.row:
            with self.views.quiet():
                self.measure_model.update_row(detail.row)
        self._note_filtered(measure_id)

    def _show_detail(self, detail: MeasureDetail) -> None:
        self.detail.show_detail(detail, self.quarter)
        self.freeze_actions.show_frozen(detail.row.plan_id)

    def _note_filtered(self, measure_id: int) -> None:
        """Say so when the measure in the panel no longer passes the filters (e.g. just edited)."""
        hidden = self.measure_model.row_of(measure_id) >= 0 and not self.views.is_shown(measure_id)
        self.detail.set_note(
            self.tr("这项措施已不在当前筛选结果中（刚修改过或被筛选条件排除），面板仍显示它。")
            if hidden
            else ""
        )
        if hidden:
            self.views.clear_selection()

    def select_measure(self, measure_id: int) -> bool:
        with self.views.quiet():
            found = self.views.select_measure(measure_id)
        if found:
            self.show_measure(measure_id)
        return found

    # -- dialogs (methods so tests can answer them) -----------------------------------------
    def ask_open_file(self, title: str, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), file_filter)
        return Path(name) if name else None

    def ask_save_file(
        self, title: str, suggested: Path, file_filter: str, suffix: str = ""
    ) -> Path | None:
        """A file name to write; `suffix` ('.pdf') is added when the officer typed none, since
        the services refuse a name without its ending."""
        dialog = QFileDialog(self, title, str(suggested.parent), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(str(suggested))
        if suffix:
            dialog.setDefaultSuffix(suffix.lstrip("."))
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        return with_suffix(Path(dialog.selectedFiles()[0]), suffix)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("请确认"), text)
        return answer == QMessageBox.StandardButton.Yes

    def open_external(self, path: Path) -> bool:
        """Hand a file or folder to the system; say where it is when no program takes it."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self._cannot_open(path)
        return False

    def _cannot_open(self, path: Path) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("openFailed")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("无法打开"))
        box.setText(
            self.tr("系统没有可以打开“%s”的程序，或打开失败。\n文件位置：%s") % (path.name, path)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_button = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        folder = path if path.is_dir() else path.parent

        def clicked(button: QPushButton) -> None:
            if button is folder_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

        box.buttonClicked.connect(clicked)
        box.open()
        return box

    def inform(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def ask_mapping(self, dialog: MappingDialog) -> bool:
        return bool(dialog.exec())

    def ask_preview(self, dialog: ImportPreviewDialog) -> bool:
        return bool(dialog.exec())

    def ask_update(self, dialog: UpdateDialog) -> bool:
        return bool(dialog.exec())

    def ask_report_options(self, dialog: ReportOptionsDialog) -> bool:
        return bool(dialog.exec())

    def ask_directory(self, title: str, suggested: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, title, str(suggested))
        return Path(name) if name else None

    def ask_fillin(self, dialog: FillinReviewDialog) -> bool:
        return bool(dialog.exec())

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None

    # -- thin entry points kept for callers and tests ---------------------------------------
    def attach_files(self, measure_id: int, paths: list[Path]) -> None:
        self.evidence_actions.attach_files(measure_id, paths)

    def make_notice(self) -> None:
        self.report_actions.make_notice()

    # -- status and progress ----------------------------------------------------------------
    def change_status(self, measure_id: int, status: Status) -> None:
        row = self.measure_model.row_of(measure_id)
        old = self.measure_model.row_at(row).status if row >= 0 else Status.NOT_STARTED
        if old == status:
            return
        try:
            self.undo_stack.push(
                StatusCommand(self.ws, measure_id, old, status, self._after_change)
            )
        except Exception as exc:
            show_error(self, exc)
            self.show_measure(measure_id)

    def _status_shortcut(self, status: Status) -> None:
        if self.detail.measure_id is not None:
            self.change_status(self.detail.measure_id, status)

    def _after_change(self, measure_id: int) -> None:
        """After an edit or its undo: the panel stays on (or returns to) that measure."""
        if self.detail.measure_id != measure_id:
            with self.views.quiet():
                self.views.select_measure(measure_id)
        self.show_measure(measure_id)
        self.refresh_plan_counts()
        self.refresh_dashboard()

    def save_progress(
        self, measure_id: int, quarter_text: str, text: str, problems: str, next_steps: str
    ) -> None:
        quarter = Quarter.parse(quarter_text)
        detail = ledger.measure_detail(self.ws.db, measure_id, quarter, self.today)
        current = detail.progress.get(str(quarter))
        old = ProgressTexts(
            current.progress_text if current else "",
            current.problems if current else "",
            current.next_steps if current else "",
        )
        new = ProgressTexts(text, problems, next_steps)
        if old == new:
            self.detail.show_saved(self.tr("没有改动"))
            return
        command = ProgressCommand(self.ws, measure_id, quarter, old, new, self._after_change)
        try:
            self.undo_stack.push(command)
        except Exception as exc:
            show_error(self, exc)
            return
        self.detail.show_saved(self.tr("已保存 %s") % datetime.now().strftime("%H:%M:%S"))
        fresh = ledger.measure_detail(
            self.ws.db, measure_id, self.quarter, self.today, self.due_soon_days()
        )
        with self.views.quiet():
            self.measure_model.update_row(fresh.row)
        if self.detail.measure_id == measure_id:
            self.detail.refresh_history(fresh, self.quarter)
            self._note_filtered(measure_id)
        self.refresh_dashboard()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ws, [str(q) for q in quarter_choices(self.today)], self)
        dialog.setModal(True)
        if dialog.exec():
            self.ws.author = settings.get(self.ws.db, "officer") or self.ws.author
            self.refresh_measures()
            self.inform(self.tr("设置已保存"))

    def refresh_plan_counts(self) -> None:
        keep = self.current_plan_id()
        self.plan_model.set_plans(ledger.list_plans(self.ws.db))
        if keep is not None:
            self.plan_view.selectionModel().blockSignals(True)
            self.plan_view.setCurrentIndex(self.plan_model.index(self.plan_model.row_of(keep)))
            self.plan_view.selectionModel().blockSignals(False)

    def _warm_up(self) -> None:
        """Run the detail query once at start so the officer's first click is as quick as the rest
        (SQLAlchemy compiles each statement the first time it runs)."""
        if self.measure_model.rowCount():
            ledger.measure_detail(
                self.ws.db, self.measure_model.row_at(0).id, self.quarter, self.today
            )

    # -- layout memory ----------------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings(str(self.ws.paths.root / "window.ini"), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        s = self._settings()
        geometry = s.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            # First start: fill a small office screen (1366×768), keep a sensible size on big ones.
            self.resize(min(1440, screen.width()), min(900, screen.height()))
        for key, splitter in (("splitter", self.splitter), ("ledger_splitter", self.ledger_split)):
            state = s.value(key)
            if state is not None:
                splitter.restoreState(state)
        for key in ("columns", "tree_columns"):
            state = s.value(key)
            if state is not None:
                self.views.restore_header(key, state)
        self.group_toggle.setChecked(bool(s.value("grouped", False, type=bool)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.flush()
        s = self._settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("ledger_splitter", self.ledger_split.saveState())
        for key, state in self.views.header_states().items():
            s.setValue(key, state)
        s.setValue("grouped", self.views.grouped)
        super().closeEvent(event)
