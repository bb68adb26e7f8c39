"""Makes tests/data/schema/<revision>.sqlite3: a realistic database saved at one schema version.

Run once per released schema, while that schema is the head, and commit the file; never
regenerate an old one (it stands for databases already out in county offices):
    python -m tests.data.schema.make_fixture
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from desktop.domain import Quarter, Status
from desktop.models import Measure
from desktop.models.database import head_revision
from desktop.parsing import ParsedDocument, ParsedMeasure, ParsedSection
from desktop.services import evidence, progress, settings
from desktop.services.workspace import Workspace
from tests.factories import import_document, make_document

HERE = Path(__file__).resolve().parent
REMARK = "省政府督查室重点督办事项"


def build(target_dir: Path) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp())
    ws = Workspace.open(tmp / "data")
    ws.author = "张科员"
    first = import_document(ws, make_document(12), "某政办发〔2023〕1号.docx")
    second_doc = ParsedDocument(
        title="关于推动“放管服”改革向纵深发展的实施方案",
        doc_number="甘政办发〔2022〕137号",
        issuer="甘肃省人民政府办公厅",
        date=date(2022, 10, 8),
        sections=[ParsedSection(["一"], "一、", "深化简政放权")],
        measures=[
            ParsedMeasure(
                path=["一", "（一）"],
                number="（一）",
                title="持续精简行政许可事项",
                text="持续精简行政许可事项。2023年1月1日起全面实行行政许可事项清单管理，"
                "2023年6月底前完成清单编制。",
                lead_units=["省政府办公厅", "省司法厅"],
                responsible_units=["各市州政府", "兰州新区管委会"],
                deadline_text="2023年6月底前",
                deadline=date(2023, 6, 30),
                start=date(2023, 1, 1),
                remarks=REMARK,
            ),
            ParsedMeasure(
                path=["一", "（二）"],
                number="（二）",
                title="深化投资审批制度改革",
                text="深化投资审批制度改革，每季度调度一次重点项目审批进展。（完成时限：每季度）",
                lead_units=["省发展改革委"],
                deadline_text="每季度",
                recurring="每季度",
            ),
        ],
    )
    second = import_document(ws, second_doc, "137.pdf")
    progress.set_status(ws, 1, Status.IN_PROGRESS)
    progress.set_status(ws, 2, Status.DONE)
    progress.set_status(ws, 3, Status.SUSPENDED)
    for q, text in ((Quarter(2023, 1), "完成清单初稿。"), (Quarter(2023, 2), "清单已印发。")):
        progress.save_progress(
            ws, 1, q, progress_text=text, problems="个别事项界定不清。", next_steps="动态调整。"
        )
    files = tmp / "files"
    files.mkdir()
    for i, name in enumerate(["会议纪要 2023-03.pdf", "现场照片😀.jpg", "-清单.xlsx"]):
        src = files / name
        src.write_bytes(f"evidence {i}".encode() * 50)
        evidence.attach(ws, 1 + i, src, quarter=Quarter(2023, 2), description=f"第{i + 1}份材料")
    settings.update(ws.db, {"unit_name": "临泽县人民政府办公室", "officer": "张科员"}, "张科员")
    snapshots = 0
    try:  # from schema 0002 on: a closed (定稿) quarter
        from desktop.services import snapshots as snapshot_service
    except ImportError:
        pass
    else:
        snapshots = len(
            snapshot_service.freeze_quarter(ws, Quarter(2023, 1), today=date(2023, 4, 5))
        )
    ws.close()
    revision = head_revision()
    out = target_dir / f"{revision}.sqlite3"
    # One self-contained file (no WAL beside it).
    src_conn = sqlite3.connect(tmp / "data" / "ledger.sqlite3")
    dst_conn = sqlite3.connect(out)
    src_conn.backup(dst_conn)
    dst_conn.execute("PRAGMA journal_mode=DELETE")
    dst_conn.execute("VACUUM")
    dst_conn.close()
    src_conn.close()
    shutil.rmtree(tmp)
    expected = {
        "revision": revision,
        "plans": {str(first): "某县优化营商环境重点任务", str(second): second_doc.title},
        "measures": 14,
        "progress": 2,
        "evidence": 3,
        "status_changes": 3,
        "audit": None,  # filled below
        "settings": {"unit_name": "临泽县人民政府办公室", "officer": "张科员"},
        "snapshots": snapshots,
    }
    # What the schema can hold of the measures' 备注, start dates and schedules (0003, 0004).
    if hasattr(Measure, "remarks"):
        expected["remarks"] = {"（一）": REMARK}
    if hasattr(Measure, "start_date"):
        expected["schedule"] = {
            "（一）": {"start_date": "2023-01-01", "recurring": None},
            "（二）": {"start_date": None, "recurring": "每季度"},
        }
    conn = sqlite3.connect(out)
    expected["audit"] = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.close()
    (target_dir / f"{revision}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return expected


if __name__ == "__main__":
    print(build(HERE))
