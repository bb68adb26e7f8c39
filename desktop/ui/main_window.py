"""The main window: plans on the left, measures in the middle, the selected measure on the right."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_TITLE
from desktop.domain import Quarter, Status
from desktop.services import (
    dashboard,
    ledger,
    settings,
)
from desktop.services.workspace import Workspace
from desktop.ui.backup_actions import install_backup_actions
from desktop.ui.commands import ProgressCommand, ProgressTexts, StatusCommand
from desktop.ui.dashboard import DashboardView
from desktop.ui.delegates import PlanDelegate
from desktop.ui.detail_panel import DetailPanel
from desktop.ui.errors import show_error
from desktop.ui.evidence_actions import EvidenceActions
from desktop.ui.fillin_dialog import FillinReviewDialog
from desktop.ui.freeze_actions import FreezeActions
from desktop.ui.import_preview import ImportPreviewDialog
from desktop.ui.item_models import SORT_ROLE, MeasureTableModel, PlanListModel
from desktop.ui.mapping_dialog import MappingDialog
from desktop.ui.measure_filter import FilterBar, MeasureFilter, MeasureFilterProxy
from desktop.ui.measure_tree import MeasureTreeModel, MeasureTreeProxy
from desktop.ui.plan_actions import PlanActions
from desktop.ui.report_actions import ReportActions
from desktop.ui.report_dialogs import ReportOptionsDialog, ReportPreview
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.update_dialog import UpdateDialog
from desktop.ui.widgets import named


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
        self.setWindowTitle(f"{APP_TITLE} — {ws.paths.root}")
        self.resize(1280, 760)

        self.plan_model = PlanListModel()
        self.plan_view = named(QListView(), "planList")
        self.plan_view.setModel(self.plan_model)
        self.plan_view.setItemDelegate(PlanDelegate(self.plan_view))
        self.plan_view.setSpacing(1)
        self.plan_view.setMinimumWidth(200)
        self.plan_view.selectionModel().selectionChanged.connect(self._plan_selected)

        self.measure_model = MeasureTableModel()
        self.proxy = MeasureFilterProxy()
        self.proxy.setSourceModel(self.measure_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = named(QTableView(), "measureTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MeasureTableModel.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(MeasureTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        widths = {
            MeasureTableModel.LIGHT: 30,
            MeasureTableModel.NUMBER: 72,
            MeasureTableModel.LEAD: 130,
            MeasureTableModel.RESPONSIBLE: 150,
            MeasureTableModel.DEADLINE: 92,
            MeasureTableModel.STATUS: 104,
            MeasureTableModel.LAST: 88,
            MeasureTableModel.EVIDENCE: 40,
        }
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        for hidden in (MeasureTableModel.RESPONSIBLE, MeasureTableModel.LAST):
            self.table.setColumnHidden(hidden, True)
        self.table.selectionModel().selectionChanged.connect(self._measure_selected)

        self.tree_model = MeasureTreeModel(self.measure_model)
        self.tree_proxy = MeasureTreeProxy()
        self.tree_proxy.setSourceModel(self.tree_model)
        self.tree = named(QTreeView(), "measureTree")
        self.tree.setModel(self.tree_proxy)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(
            MeasureTableModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.tree.header().setStretchLastSection(False)
        for hidden in (MeasureTableModel.RESPONSIBLE, MeasureTableModel.LAST):
            self.tree.setColumnHidden(hidden, True)
        self.tree.selectionModel().selectionChanged.connect(self._tree_selected)
        self.tree_proxy.modelReset.connect(self._span_headings)
        self.tree_proxy.layoutChanged.connect(self._span_headings)
        self.tree_proxy.rowsInserted.connect(self._span_headings)

        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._filter_changed)
        self.group_toggle = named(QCheckBox(self.tr("按部分分组")), "groupToggle")
        self.group_toggle.setToolTip(self.tr("按文件的部分（一、（一）……）分组显示措施"))
        self.group_toggle.toggled.connect(self._toggle_grouping)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.tree)
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
        ledger_split.setSizes([700, 400])
        self.dashboard = DashboardView()
        self.dashboard.measure_activated.connect(self._jump_to_measure)
        self.dashboard.notice_button.clicked.connect(lambda: self.report_actions.make_notice())
        self.tabs = named(QTabWidget(), "mainTabs")
        self.tabs.addTab(ledger_split, self.tr("措施台账"))
        self.tabs.addTab(self.dashboard, self.tr("工作总览"))
        self.tabs.currentChanged.connect(lambda _: self.refresh_dashboard())
        splitter = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter")
        splitter.addWidget(self.plan_view)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1100])
        self.setCentralWidget(splitter)
        self.splitter = splitter
        self.ledger_split = ledger_split

        self._build_actions()
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self._restore_layout()
        default_quarter = settings.get(ws.db, "default_quarter")
        if default_quarter:
            self.set_quarter(Quarter.parse(default_quarter))
        self.refresh_plans()

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

        save_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Save))
        save_action.triggered.connect(self.detail.request_save)
        self.addAction(save_action)
        # Ctrl+1..4 set the status of the selected measure from anywhere in the window.
        for n, status in enumerate(Status, start=1):
            action = QAction(self, shortcut=QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, st=status: self._status_shortcut(st))
            self.addAction(action)
        find_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find_action.triggered.connect(lambda: self.filter_bar.search.setFocus())
        self.addAction(find_action)

        toolbar = named(QToolBar(self.tr("工具栏")), "mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.report_action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" 季度：")))
        self.quarter_combo = named(QComboBox(), "quarterCombo")
        choices = quarter_choices(self.today)
        for q in choices:
            self.quarter_combo.addItem(q.label, str(q))
        self.quarter_combo.setCurrentIndex(choices.index(Quarter.of(self.today)))
        self.quarter_combo.currentIndexChanged.connect(self._quarter_changed)
        toolbar.addWidget(self.quarter_combo)
        toolbar.addSeparator()
        toolbar.addWidget(self.group_toggle)
        self.addToolBar(toolbar)

    # -- state ------------------------------------------------------------------------------
    @property
    def quarter(self) -> Quarter:
        return Quarter.parse(self.quarter_combo.currentData())

    def set_quarter(self, quarter: Quarter) -> None:
        index = self.quarter_combo.findData(str(quarter))
        if index < 0:
            self.quarter_combo.addItem(quarter.label, str(quarter))
            index = self.quarter_combo.count() - 1
        self.quarter_combo.setCurrentIndex(index)

    def _quarter_changed(self, _index: int) -> None:
        self.detail.flush()
        self.refresh_measures()

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
        self.measure_model.set_rows(rows)
        units = sorted({u for r in rows for u in (*r.lead_units, *r.responsible_units)})
        self.filter_bar.set_units(units)
        self._update_counts()
        self.refresh_dashboard()
        if keep is not None and self.select_measure(keep):
            return
        self.detail.show_detail(None, None)

    def refresh_dashboard(self) -> None:
        if self.tabs.currentWidget() is not self.dashboard:
            return
        plan_id = self.current_plan_id()
        data = dashboard.dashboard(self.ws, plan_id, self.quarter, self.today, self.due_soon_days())
        scope = self.plan_model.plan_at(self.plan_model.row_of(plan_id)).title if plan_id else ""
        self.dashboard.show_dashboard(data, scope)

    def _jump_to_measure(self, measure_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_bar.reset()
        self.select_measure(measure_id)

    def _update_counts(self) -> None:
        rows = self.measure_model.rows()
        overdue = sum(r.overdue for r in rows)
        done = sum(r.status == Status.DONE for r in rows)
        self.status_label.setText(
            self.tr("共 %d 项措施，已完成 %d 项，逾期 %d 项") % (len(rows), done, overdue)
        )
        self.filter_bar.show_count(self.proxy.rowCount(), len(rows))

    def _filter_changed(self, criteria: MeasureFilter) -> None:
        criteria.today = self.today
        self.proxy.set_criteria(criteria)
        self.tree_proxy.set_criteria(criteria)
        self._span_headings()
        self._update_counts()

    def _span_headings(self, *_: object) -> None:
        """Headings read across the whole row, like the section rows of the report table."""

        def walk(parent: QModelIndex) -> None:
            for r in range(self.tree_proxy.rowCount(parent)):
                index = self.tree_proxy.index(r, 0, parent)
                if self.tree_model.table_row(self.tree_proxy.mapToSource(index)) < 0:
                    self.tree.setFirstColumnSpanned(r, parent, True)
                    walk(index)

        walk(QModelIndex())
        self.tree.expandAll()

    def _toggle_grouping(self, grouped: bool) -> None:
        keep = self.detail.measure_id
        self.views.setCurrentWidget(self.tree if grouped else self.table)
        if grouped:
            self._span_headings()
            for col in range(self.measure_model.columnCount()):
                if col != MeasureTableModel.TITLE:
                    self.tree.setColumnWidth(col, self.table.columnWidth(col))
            self.tree.setColumnWidth(MeasureTableModel.LIGHT, 56)
        if keep is not None:
            self.select_measure(keep)

    def _tree_selected(self, *_: QItemSelection) -> None:
        rows = self.tree.selectionModel().selectedRows()
        if not rows:
            return
        row = self.tree_model.table_row(self.tree_proxy.mapToSource(rows[0]))
        if row >= 0:
            self.show_measure(self.measure_model.row_at(row).id)

    def _plan_selected(self, *_: QItemSelection) -> None:
        self.refresh_measures()

    def _measure_selected(self, *_: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.show_detail(None, None)
            return
        source = self.proxy.mapToSource(rows[0])
        self.show_measure(self.measure_model.row_at(source.row()).id)

    def show_measure(self, measure_id: int) -> None:
        detail = ledger.measure_detail(
            self.ws.db, measure_id, self.quarter, self.today, self.due_soon_days()
        )
        self.detail.show_detail(detail, self.quarter)
        self.freeze_actions.show_frozen(detail.row.plan_id)
        self.measure_model.update_row(detail.row)

    def select_measure(self, measure_id: int) -> bool:
        row = self.measure_model.row_of(measure_id)
        if row < 0:
            return False
        if self.views.currentWidget() is self.tree:
            tree_index = self.tree_proxy.mapFromSource(self.tree_model.index_of_row(row))
            if not tree_index.isValid():
                return False
            self.tree.setCurrentIndex(tree_index)
            self.tree.scrollTo(tree_index)
            return True
        index = self.proxy.mapFromSource(self.measure_model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for col, name in enumerate(MeasureTableModel.COLUMNS):
            if col in (MeasureTableModel.TITLE,):
                continue
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.table.setColumnHidden(c, not on))
        menu.exec(header.mapToGlobal(pos))

    # -- dialogs (methods so tests can answer them) -----------------------------------------
    def ask_open_file(self, title: str, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), file_filter)
        return Path(name) if name else None

    def ask_save_file(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(suggested), file_filter)
        return Path(name) if name else None

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("请确认"), text)
        return answer == QMessageBox.StandardButton.Yes

    def open_external(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

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

    # -- actions ----------------------------------------------------------------------------
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
        if self.select_measure(measure_id) and self.detail.measure_id == measure_id:
            self.show_measure(measure_id)
        self.refresh_plan_counts()

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
        self.measure_model.update_row(
            ledger.measure_detail(
                self.ws.db, measure_id, self.quarter, self.today, self.due_soon_days()
            ).row
        )

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
        columns = s.value("columns")
        if columns is not None:
            self.table.horizontalHeader().restoreState(columns)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.flush()
        s = self._settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("ledger_splitter", self.ledger_split.saveState())
        s.setValue("columns", self.table.horizontalHeader().saveState())
        super().closeEvent(event)
