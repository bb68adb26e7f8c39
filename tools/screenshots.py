"""Takes the screenshots in docs/screenshots/ (run under Xvfb: see docs/SCREENSHOTS.md).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py [--only NAME ...]

The window is shown maximised on the 1366×768 screen, as on an office PC.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from desktop.app import create_app, install_translations  # noqa: E402
from desktop.domain import Quarter, Status  # noqa: E402
from desktop.services import evidence, importing, ledger, progress, settings  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
TODAY = date(2023, 6, 20)
Q = Quarter(2023, 2)
EARLIER = (Quarter(2022, 4), Quarter(2023, 1))
# Screenshots other parts of the application own; taken only when asked for by name.
OTHERS = ("import-preview", "update-diff", "report-options", "report-preview", "excel-mapping")
MINE = (
    "main-window",
    "main-window-tree",
    "detail-panel",
    "dashboard",
    "dashboard-past",
    "settings",
    "versions",
    "archived",
    "update-workbook",
    "main-window-en",
)


def settle(ms: int = 400) -> None:
    # A local loop: QApplication.quit() would close every window (Qt 6).
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(pixmap: QPixmap, name: str) -> None:
    pixmap.save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png", pixmap.width(), "x", pixmap.height())


def shoot(widget: QWidget, name: str) -> None:
    settle()
    save(widget.grab(), name)


def photo(path: Path) -> Path:
    """A stand-in site photo: sky, ground and a building, so the thumbnail reads as a picture."""
    img = QImage(640, 420, QImage.Format.Format_RGB32)
    img.fill(QColor("#93c5fd"))
    p = QPainter(img)
    p.fillRect(0, 300, 640, 120, QColor("#65a30d"))
    p.fillRect(200, 140, 240, 160, QColor("#e5e7eb"))
    p.fillRect(240, 180, 40, 40, QColor("#1d4ed8"))
    p.fillRect(360, 180, 40, 40, QColor("#1d4ed8"))
    p.fillRect(300, 230, 40, 70, QColor("#92400e"))
    p.end()
    img.save(str(path))
    return path


def populate(ws: Workspace, tmp: Path) -> int:
    """Three real plans; the first one worked on for three quarters. Returns the shown measure."""
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
    ws.author = "王丽"
    for sample in ("000_dc0896af9e17fb39.txt", "002_d33fa898f2219e78.txt"):
        importing.import_file(ws, ROOT / "tests" / "data" / sample)
    plan_id = ledger.list_plans(ws.db)[0].id
    rows = ledger.list_measures(ws.db, plan_id, Q, TODAY)
    texts = (
        "已制定工作方案，召开专题推进会2次，完成阶段性任务，累计培训窗口人员320人次。",
        "梳理事项清单86项，已上线运行74项，群众办事平均时间缩短40%。",
        "会同相关部门开展联合检查3次，发现并督促整改问题12个。",
    )
    for i, r in enumerate(rows):
        if i % 5 == 4:
            continue  # some undated measures stay without progress: yellow after mid-quarter
        status = [Status.IN_PROGRESS, Status.DONE, Status.IN_PROGRESS, Status.SUSPENDED][i % 4]
        if i < 40:
            progress.set_status(ws, r.id, Status.IN_PROGRESS)
            if status != Status.IN_PROGRESS:
                progress.set_status(ws, r.id, status)
        for k, q in enumerate((*EARLIER, Q)):
            if q == Q and i % 3 == 2:
                continue
            progress.save_progress(
                ws,
                r.id,
                q,
                progress_text=texts[(i + k) % 3],
                problems="部分乡镇系统尚未对接，基层人员力量不足。" if i % 2 else "",
                next_steps="9月底前完成全部对接，并开展督导检查。",
            )
    shown = rows[6].id  # in progress, reported every quarter, with evidence
    minutes = tmp / "推进会会议纪要（第二次专题会议）.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes")
    evidence.attach(ws, shown, minutes, quarter=Q, description="第二次专题推进会纪要")
    evidence.attach(ws, shown, photo(tmp / "现场检查照片.png"), quarter=Q, description="窗口现场")
    table = tmp / "事项清单（第三批）.xlsx"
    table.write_bytes(b"PK\x03\x04 list")
    evidence.attach(ws, shown, table, quarter=EARLIER[1])
    backdate(ws)
    return shown


def backdate(ws: Workspace) -> None:
    """Give the staged records the dates an officer would have entered them on (the screenshots
    show 2023 quarters; the machine's clock would stamp today's date)."""
    from sqlalchemy import select

    from desktop.models import AuditLog, Evidence, PlanVersion, Progress, StatusChange

    revised = datetime(2023, 6, 12, 7, 20, tzinfo=UTC)  # the province's revision arrived
    with ws.db.transaction() as s:
        for v in s.scalars(select(PlanVersion)):
            first = datetime(2023, 1, 16, 2, 30, tzinfo=UTC) + timedelta(days=v.plan_id)
            v.imported_at = first if v.version == 1 else revised
        for entry in s.scalars(select(AuditLog).where(AuditLog.action == "archive")):
            entry.at = revised
        for p in s.scalars(select(Progress)):
            q = Quarter.parse(p.quarter)
            p.updated_at = datetime.combine(q.end, time(16, 30), UTC) - timedelta(days=p.id % 9)
        for c in s.scalars(select(StatusChange)):
            c.at = datetime(2022, 10, 12, 9, 15, tzinfo=UTC) + timedelta(days=c.id % 40)
        for e in s.scalars(select(Evidence)):
            q = Quarter.parse(e.quarter) if e.quarter else Q
            e.added_at = datetime.combine(q.end, time(10), UTC) - timedelta(days=12 + e.id)


def side_by_side(panels: list[QPixmap]) -> QPixmap:
    gap = 12
    width = sum(p.width() for p in panels) + gap * (len(panels) - 1)
    height = max(p.height() for p in panels)
    out = QPixmap(width, height)
    out.fill(QColor("#d1d5db"))
    painter = QPainter(out)
    x = 0
    for p in panels:
        painter.drawPixmap(x, 0, p)
        x += p.width() + gap
    painter.end()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help=f"names among {', '.join(MINE + OTHERS)}")
    args = parser.parse_args()
    wanted = set(args.only or MINE)
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ws = Workspace.open(tmp / "data")
        shown = populate(ws, tmp)
        w = MainWindow(ws, today=TODAY)
        w.set_quarter(Q)
        w.showMaximized()
        settle(600)
        w.select_measure(shown)
        if "main-window" in wanted:
            shoot(w, "main-window")
        if "detail-panel" in wanted:
            panels = []
            for tab in range(w.detail.tabs.count()):
                w.detail.tabs.setCurrentIndex(tab)
                settle()
                panels.append(w.detail.grab())
            w.detail.tabs.setCurrentIndex(0)
            save(side_by_side(panels), "detail-panel")
        if "main-window-tree" in wanted:
            w.group_toggle.setChecked(True)
            w.select_measure(shown)
            shoot(w, "main-window-tree")
            w.group_toggle.setChecked(False)
        if "dashboard" in wanted:
            w.tabs.setCurrentWidget(w.dashboard)
            shoot(w, "dashboard")
            w.tabs.setCurrentIndex(0)
        if "dashboard-past" in wanted:
            w.set_quarter(EARLIER[1])
            w.tabs.setCurrentWidget(w.dashboard)
            shoot(w, "dashboard-past")
            w.tabs.setCurrentIndex(0)
            w.set_quarter(Q)
        if "settings" in wanted:
            from desktop.ui.settings_dialog import SettingsDialog

            dialog = SettingsDialog(ws, [str(q) for q in (*EARLIER, Q)], w)
            dialog.show()
            shoot(dialog, "settings")
            dialog.close()
        others(w, ws, tmp, wanted)
        plan_history(w, ws, tmp, wanted)
        w.close()
        if "main-window-en" in wanted:
            (ws.paths.root / "window.ini").unlink(missing_ok=True)  # a first start, maximised
            translators = install_translations(app, "en")
            en = MainWindow(ws, today=TODAY)
            en.set_quarter(Q)
            en.showMaximized()
            settle(600)
            en.select_measure(shown)
            shoot(en, "main-window-en")
            en.close()
            for t in translators:
                app.removeTranslator(t)
        ws.close()
    return 0


def plan_history(w: MainWindow, ws: Workspace, tmp: Path, wanted: set[str]) -> None:
    """A plan updated to its second version (one measure removed, with two quarters of
    progress), its versions and archived measures; then a revised Excel task list whose
    renamed column the officer confirms before the diff."""
    from desktop.services import updating

    if {"versions", "archived"} & wanted:
        plan = w.plan_model.plan_at(1)
        rows = {r.title: r.id for r in ledger.list_measures(ws.db, plan.id, Q, TODAY)}
        removed = rows["改善消费体验"]
        progress.set_status(ws, removed, Status.IN_PROGRESS)
        for q, text in zip(
            EARLIER,
            (
                "制定促消费活动方案，发放消费券200万元。",
                "举办“惠民消费季”活动3场，带动消费1.2亿元。",
            ),
            strict=True,
        ):
            progress.save_progress(
                ws,
                removed,
                q,
                progress_text=text,
                problems="部分商户参与积极性不高。",
                next_steps="扩大活动覆盖面。",
            )
        from tests.services.test_updating import make_v2

        folder = tmp / "v2"
        folder.mkdir()
        updating.apply_update(ws, updating.propose_update(ws, plan.id, make_v2(folder)))
        backdate(ws)
        w.refresh_plans(select_id=plan.id)
        settle()
        if "versions" in wanted:
            w.plan_actions.versions_action.trigger()
            dialog = w.plan_actions.versions_dialog
            assert dialog is not None
            shoot(dialog, "versions")
            dialog.close()
        if "archived" in wanted:
            w.plan_actions.archived_action.trigger()
            archived = w.plan_actions.archived_dialog
            assert archived is not None
            shoot(archived, "archived")
            archived.close()
    if "update-workbook" in wanted:
        from desktop.services import tasklists
        from desktop.ui.mapping_dialog import MappingDialog
        from tests.services import test_updating_excel as excel

        excel._import_confirmed(
            ws, excel._book(tmp / "任务台账.xlsx", "XX县2023年重点任务台账", excel.ROWS)
        )
        excel.HEADER = ["序号", "重点任务", "主办方", "配合单位", "完成时限"]  # renamed column
        revised = excel._book(tmp / "任务台账（修订）.xlsx", "XX县2023年重点任务台账", excel.ROWS)
        found = tasklists.scan(revised)
        tasklists.apply_remembered(ws.db, found)
        mapping = MappingDialog(found, revised.name, w)
        mapping.ok_button.setText(w.plan_actions.tr("下一步：比对"))
        mapping.show()
        shoot(mapping, "update-workbook")
        mapping.close()


def others(w: MainWindow, ws: Workspace, tmp: Path, wanted: set[str]) -> None:
    """The dialogs other helpers own; kept here so one script still takes every screenshot."""
    if "import-preview" in wanted:
        from desktop.ui.import_preview import ImportPreviewDialog

        preview = ImportPreviewDialog(
            importing.preview_file(ROOT / "tests" / "data" / "003_75a1c4d8f82e75fa.txt"), w
        )
        preview.resize(1200, 700)
        preview.show()
        preview._select(("c", 1))  # a greyed context paragraph, its text in the lower pane
        shoot(preview, "import-preview")
        preview.close()
    if "update-diff" in wanted:
        from desktop.services import updating
        from desktop.ui.update_dialog import UpdateDialog
        from tests.services.test_updating import make_v2

        proposal = updating.propose_update(ws, w.plan_model.plan_at(1).id, make_v2(tmp))
        diff = UpdateDialog(proposal, w)
        diff.resize(1200, 700)
        diff.show()
        kinds = [diff.model.index(r, 0).data() for r in range(diff.model.rowCount())]
        diff.table.selectRow(kinds.index("修改"))
        shoot(diff, "update-diff")
        diff.close()
    if "report-options" in wanted or "report-preview" in wanted:
        from desktop.services import reporting
        from desktop.ui.report_dialogs import ReportOptionsDialog

        options = ReportOptionsDialog(reporting.report_scope(ws), w.plan_model.plan_at(1).id, w)
        for i in range(options.units.count()):  # two units ticked, as an officer would
            if options.units.item(i).text() in ("省人社厅", "省民政厅"):
                options.units.item(i).setCheckState(Qt.CheckState.Checked)
        options.show()
        if "report-options" in wanted:
            shoot(options, "report-options")
        options.close()
        pdf = tmp / "季度报告.pdf"
        # The plan with three quarters of progress, printed in the first days of July as is usual.
        reporting.write_pdf_report(ws, Q, pdf, [w.plan_model.plan_at(0).id], today=date(2023, 7, 5))
        preview = w.report_actions.show_preview(pdf)
        preview.resize(1000, 740)
        if "report-preview" in wanted:
            shoot(preview, "report-preview")
        preview.close()
    if "excel-mapping" in wanted:
        from desktop.services import tasklists
        from desktop.ui.mapping_dialog import MappingDialog
        from tests.ui.test_excel_import import workbook

        found = tasklists.scan(workbook(tmp / "任务清单.xlsx"))
        mapping = MappingDialog(found, "任务清单.xlsx", w)
        mapping.show()
        shoot(mapping, "excel-mapping")
        mapping.close()


if __name__ == "__main__":
    sys.exit(main())
