"""A data directory as a county office would have it after the 2023 second quarter.

Both Gansu 放管服 documents imported through the import service, statuses set and progress texts
and evidence recorded through the progress and evidence services; a few open measures without a
deadline are left unreported (yellow on the 督办单). Only the clock is adjusted
afterwards: the status history and evidence times are moved back into April–August 2023, as if
the officer had worked through the quarter, so a report of 2023Q2 reads like the real one.
Used by the report tests and by tools/report_pages.py (docs/report-page*.png).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop.domain import Quarter, Status
from desktop.models import Evidence, StatusChange
from desktop.services import evidence, importing, ledger, progress, settings
from desktop.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = (
    ROOT / "tests" / "data" / "000_dc0896af9e17fb39.txt",  # 甘政办发〔2022〕137号, 59 measures
    ROOT / "tests" / "data" / "002_d33fa898f2219e78.txt",  # 甘政办发〔2021〕43号, 22 measures
)
Q = Quarter(2023, 2)
REPORT_DAY = date(2023, 7, 5)  # the report is written early in July
SETTINGS = {
    "unit_name": "榆中县人民政府办公室",
    "officer": "王丽",
    "reviewer": "张建国",
    "phone": "0931-5222618",
    "report_addressee": "县人民政府",
}
# (status, day of the change) in turn; a few were finished only after the quarter ended
PATTERN: tuple[tuple[Status, date], ...] = (
    (Status.DONE, date(2023, 5, 26)),
    (Status.IN_PROGRESS, date(2023, 4, 12)),
    (Status.IN_PROGRESS, date(2023, 4, 20)),
    (Status.NOT_STARTED, date(2023, 4, 3)),
    (Status.DONE, date(2023, 6, 16)),
    (Status.IN_PROGRESS, date(2023, 5, 8)),
    (Status.SUSPENDED, date(2023, 6, 2)),
    (Status.IN_PROGRESS, date(2023, 4, 25)),
)
PROGRESS = (
    "已印发《贯彻落实工作方案》，明确责任股室和完成时限，建立月调度、季通报机制。本季度召开专题"
    "推进会2次，梳理堵点问题11个，已解决8个，其余3个已列入下季度重点。",
    "会同县发展改革局、县财政局对照省级清单逐项比对，完成县级配套措施起草并征求意见，收到反馈"
    "意见23条，采纳19条。",
    "已制定县级实施细则，5月经县政府常务会议审定印发；配套系统6月完成部署并试运行，累计办理"
    "业务1,268件，群众满意率98.6%。",
    "按季度开展专项检查，检查市场主体46户，发现问题12个，已督促整改10个。",
)
DONE_PROGRESS = "已完成。配套制度已印发实施，相关系统上线运行，任务目标全部实现，佐证材料已归档。"
PROBLEMS = (
    "部分乡镇工作人员对新政策掌握不够，基层业务系统与省级平台数据尚未完全打通。",
    "专项资金到位较晚，影响项目进度。",
    "",
)
NEXT_STEPS = (
    "下季度完成剩余问题整改，组织一次业务培训，9月底前完成系统对接。",
    "持续跟踪调度，确保按期完成。",
)


def _at(day: date, hour: int = 2) -> datetime:
    """10:00 Beijing time on `day`, as the database stores it (UTC)."""
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def populate(ws: Workspace, files: Path, samples: Sequence[Path] = SAMPLES) -> list[int]:
    """Fill `ws` (a new data directory) as described above; returns the plan ids."""
    settings.update(ws.db, SETTINGS, author="王丽")
    for sample in samples:
        importing.import_file(ws, sample)
    files.mkdir(parents=True, exist_ok=True)
    plans = ledger.list_plans(ws.db)
    k = 0
    when: dict[int, list[datetime]] = {}
    added: dict[int, datetime] = {}
    for plan in plans:
        for i, row in enumerate(ledger.list_measures(ws.db, plan.id, Q, today=REPORT_DAY)):
            status, day = PATTERN[k % len(PATTERN)]
            k += 1
            changes = []
            if status is not Status.NOT_STARTED:
                if status is Status.DONE:
                    progress.set_status(ws, row.id, Status.IN_PROGRESS)
                    changes.append(_at(day - timedelta(days=30)))
                progress.set_status(ws, row.id, status)
                changes.append(_at(day))
            if (
                k % 11 == 0 and status is not Status.DONE
            ):  # finished in August: still in progress in the Q2 report
                progress.set_status(ws, row.id, Status.DONE)
                changes.append(_at(date(2023, 8, 14)))
            when[row.id] = changes
            done = status is Status.DONE
            # A few open tasks without a deadline were not reported this quarter: yellow.
            open_ = status in (Status.NOT_STARTED, Status.IN_PROGRESS)
            if not (row.deadline is None and open_ and k % 9 == 4):
                progress.save_progress(
                    ws,
                    row.id,
                    Q,
                    progress_text=DONE_PROGRESS if done else PROGRESS[i % len(PROGRESS)],
                    problems="" if done else PROBLEMS[i % len(PROBLEMS)],
                    next_steps="巩固成果，做好常态化监管。" if done else NEXT_STEPS[i % 2],
                )
            if i % 4 == 1:
                name = f"第{row.number}项专题推进会会议纪要.pdf"
                doc = files / str(plan.id) / name  # the name as the office saved it
                doc.parent.mkdir(exist_ok=True)
                doc.write_bytes(b"%PDF-1.4\n% minutes\n" + bytes(range(256)) * (8 + i))
                ev = evidence.attach(ws, row.id, doc, quarter=Q, description="专题推进会会议纪要")
                added[ev] = _at(date(2023, 6, 1) + timedelta(days=i % 25), hour=7)
    with ws.db.transaction() as s:
        for measure_id, times in when.items():
            rows = s.scalars(
                select(StatusChange)
                .where(StatusChange.measure_id == measure_id)
                .order_by(StatusChange.id)
            ).all()
            for change, at in zip(rows, times, strict=True):
                change.at = at
        for ev_id, at in added.items():
            row = s.get(Evidence, ev_id)
            assert row is not None
            row.added_at = at
    return [p.id for p in plans]
