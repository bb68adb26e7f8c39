"""Child process for the crash test: writes through the services until it is killed.

Usage: python -m tests.services.crash_worker DATA_DIR JOURNAL RUN SEED [KIND]
       python -m tests.services.crash_worker --restore DATA_DIR ARCHIVE JOURNAL

Before each operation it appends "B <token> <kind> <detail>" to JOURNAL and fsyncs; after the
service call returns (the transaction committed) it appends "A <token>" and fsyncs. The token
is written as the author of every row the operation makes, so the parent can find them all.
With KIND, a run does only that kind of operation (imports when nothing else can be done yet),
so that short writes get as many kills as long imports. --restore restores ARCHIVE once,
writing "R" before and "A <seconds>" after.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import time
from pathlib import Path

from sqlalchemy import select

from desktop.domain import Quarter, Status
from desktop.models import Measure, Progress
from desktop.parsing import ParsedDocument, ParsedMeasure, ParsedSection, ParseResult
from desktop.services import backup, evidence, importing, progress
from desktop.services.workspace import Workspace

# Progress goes to (measure, quarter) pairs not written yet, so each row keeps its first author.
QUARTERS = [Quarter(2024 + i // 4, i % 4 + 1) for i in range(24)]
KINDS = ("import", "progress", "status", "attach", "backup")


class Journal:
    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode("utf-8"))
        os.fsync(self.fd)


def document(token: str, n: int) -> ParsedDocument:
    return ParsedDocument(
        title=f"崩溃测试计划 {token}",
        doc_number=f"测政发〔2024〕{token}号",
        measures=[
            ParsedMeasure(
                path=["一", str(i)],
                number=f"{i}.",
                title=f"措施 {token}-{i}",
                text=f"第{i}项措施正文，" + "推进落实，" * 20,
                lead_units=["县发展改革局"],
                responsible_units=["各乡镇"],
            )
            for i in range(1, n + 1)
        ],
        sections=[ParsedSection(["一"], "一、", "重点任务")],
    )


def _fresh(ws: Workspace, quarter: Quarter) -> int | None:
    with ws.db.session() as s:
        return s.scalar(
            select(Measure.id)
            .where(~Measure.progress.any(Progress.quarter == str(quarter)))
            .order_by(Measure.id)
            .limit(1)
        )


def main() -> None:
    if sys.argv[1] == "--restore":
        restore_once(*sys.argv[2:5])
        return
    data_dir, journal_path, run, seed = sys.argv[1:5]
    focus = sys.argv[5] if len(sys.argv) > 5 else None
    rng = random.Random(int(seed))
    journal = Journal(Path(journal_path))
    ws = Workspace.open(data_dir)
    scratch = Path(data_dir).parent / f"scratch-{run}"
    scratch.mkdir(exist_ok=True)
    archives = Path(data_dir).parent / f"archives-{Path(data_dir).name}"
    archives.mkdir(exist_ok=True)
    journal.write(f"R {run}")
    i = 0
    while True:
        i += 1
        token = f"r{run}o{i}"
        ws.author = token
        quarter = rng.choice(QUARTERS)
        fresh = _fresh(ws, quarter)
        with ws.db.session() as s:
            any_measure = s.scalar(select(Measure.id).order_by(Measure.id.desc()).limit(1))
        kind = focus or rng.choice(["import", "progress", "progress", "status", "attach"])
        if any_measure is None or (kind == "progress" and fresh is None):
            kind = "import"
        if kind == "import":
            n = rng.randint(50, 250)
            journal.write(f"B {token} import {n}")
            preview = importing.ImportPreview(
                source=Path(f"{token}.txt"),
                sha256=hashlib.sha256(token.encode()).hexdigest(),
                result=ParseResult([document(token, n)]),
            )
            importing.import_preview(ws, preview)
        elif kind == "progress":
            assert fresh is not None
            journal.write(f"B {token} progress {fresh} {quarter}")
            progress.save_progress(
                ws,
                fresh,
                quarter,
                progress_text=f"进展 {token} " + "已完成阶段任务。" * rng.randint(1, 200),
                problems=f"问题 {token}",
                next_steps=f"打算 {token}",
                author=token,
            )
        elif kind == "status":
            assert any_measure is not None
            mid = rng.randint(1, any_measure)
            with ws.db.session() as s:
                m = s.get(Measure, mid)
                current = m.status if m is not None else None
            if current is None:
                continue
            new = rng.choice([st for st in Status if st.value != current])
            journal.write(f"B {token} status {mid} {new.value}")
            progress.set_status(ws, mid, new, author=token)
        elif kind == "attach":
            assert any_measure is not None
            mid = rng.randint(1, any_measure)
            src = scratch / f"证明材料 {token}.bin"
            src.write_bytes(os.urandom(rng.randint(1, 300_000)))
            journal.write(f"B {token} attach {mid}")
            evidence.attach(ws, mid, src, quarter=quarter)
        else:
            out = archives / f"{token}.lsbak"
            journal.write(f"B {token} backup {out}")
            backup.create_backup(ws, out)
        journal.write(f"A {token}")


def restore_once(data_dir: str, archive: str, journal_path: str) -> None:
    journal = Journal(Path(journal_path))
    journal.write("R")
    start = time.monotonic()
    backup.restore_backup(Path(data_dir), Path(archive), author="crash-restore")
    journal.write(f"A {time.monotonic() - start:.3f}")


if __name__ == "__main__":
    main()
