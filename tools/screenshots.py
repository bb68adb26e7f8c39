"""Takes the screenshots in docs/screenshots/ (run under Xvfb: see docs/SCREENSHOTS.md)."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.app import create_app  # noqa: E402
from desktop.domain import Quarter, Status  # noqa: E402
from desktop.services import evidence, importing, progress, settings  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = date(2023, 6, 20)
Q = Quarter(2023, 2)


def settle(app: QApplication, ms: int = 400) -> None:
    # A local loop: QApplication.quit() would close every window (Qt 6).
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def populate(ws: Workspace, tmp: Path) -> None:
    settings.update(
        ws.db,
        {
            "unit_name": "平凉市崆峒区人民政府办公室",
            "officer": "王丽",
            "phone": "0933-8212345",
            "reviewer": "李明",
        },
        author="王丽",
    )
    for sample in ("000_dc0896af9e17fb39.txt", "002_d33fa898f2219e78.txt"):
        importing.import_file(ws, ROOT / "tests" / "data" / sample)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ws = Workspace.open(tmp / "data")
        populate(ws, tmp)
        w = MainWindow(ws, today=TODAY)
        w.set_quarter(Q)
        w.resize(1366, 768)
        w.show()
        w.plan_view.setCurrentIndex(w.plan_model.index(1))
        rows = w.measure_model.rows()
        for i, r in enumerate(rows[:9]):
            status = [Status.DONE, Status.IN_PROGRESS, Status.IN_PROGRESS][i % 3]
            progress.set_status(ws, r.id, status)
            progress.save_progress(
                ws,
                r.id,
                Q,
                progress_text="已制定工作方案，召开专题推进会2次，完成阶段性任务。",
                problems="部分乡镇系统尚未对接。" if i % 2 else "",
                next_steps="9月底前完成全部对接并开展督导。",
            )
        proof = tmp / "推进会会议纪要.pdf"
        proof.write_bytes(b"%PDF-1.4 minutes")
        evidence.attach(ws, rows[1].id, proof, quarter=Q, description="第二次专题推进会纪要")
        w.refresh_plans()
        w.select_measure(rows[1].id)
        shoot(w, "main-window.png", app)
        w.detail.verticalScrollBar().setValue(w.detail.verticalScrollBar().maximum())
        shoot(w.detail, "detail-panel.png", app)
        w.detail.verticalScrollBar().setValue(0)
        w.group_toggle.setChecked(True)
        shoot(w, "main-window-tree.png", app)
        w.group_toggle.setChecked(False)
        w.tabs.setCurrentWidget(w.dashboard)
        shoot(w, "dashboard.png", app)
        w.tabs.setCurrentIndex(0)
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(ws, [str(Q)], w)
        dialog.show()
        shoot(dialog, "settings.png", app)
        dialog.close()

        from desktop.ui.import_preview import ImportPreviewDialog

        preview = ImportPreviewDialog(
            importing.preview_file(ROOT / "tests" / "data" / "003_75a1c4d8f82e75fa.txt"), w
        )
        preview.resize(1200, 700)
        preview.show()
        preview._select(("c", 1))  # a greyed context paragraph, its text in the lower pane
        shoot(preview, "import-preview.png", app)
        preview.close()

        from desktop.services import updating
        from desktop.ui.update_dialog import UpdateDialog
        from tests.services.test_updating import make_v2

        proposal = updating.propose_update(ws, w.plan_model.plan_at(1).id, make_v2(tmp))
        diff = UpdateDialog(proposal, w)
        diff.resize(1200, 700)
        diff.show()
        kinds = [diff.model.index(r, 0).data() for r in range(diff.model.rowCount())]
        diff.table.selectRow(kinds.index("修改"))
        shoot(diff, "update-diff.png", app)
        diff.close()
        from desktop.services import reporting
        from desktop.ui.report_dialogs import ReportOptionsDialog

        options = ReportOptionsDialog(reporting.report_scope(ws), w.plan_model.plan_at(1).id, w)
        for i in range(options.units.count()):  # two units ticked, as an officer would
            if options.units.item(i).text() in ("省人社厅", "省民政厅"):
                options.units.item(i).setCheckState(Qt.CheckState.Checked)
        options.show()
        shoot(options, "report-options.png", app)
        options.close()
        pdf = tmp / "季度报告.pdf"
        reporting.write_pdf_report(ws, Q, pdf, [w.plan_model.plan_at(1).id])
        preview = w.show_preview(pdf)
        preview.resize(1000, 740)
        shoot(preview, "report-preview.png", app)
        preview.close()

        from desktop.services import tasklists
        from desktop.ui.mapping_dialog import MappingDialog
        from tests.ui.test_excel_import import workbook

        found = tasklists.scan(workbook(tmp / "任务清单.xlsx"))
        mapping = MappingDialog(found, "任务清单.xlsx", w)
        mapping.show()
        shoot(mapping, "excel-mapping.png", app)
        mapping.close()
        w.close()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
