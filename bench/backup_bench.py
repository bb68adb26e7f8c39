"""Backup, verify and restore timings for a realistic data directory, against plain zipfile."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.domain import Quarter, Status
from desktop.services import backup, evidence, progress, verify
from desktop.services.workspace import Workspace
from desktop.storage import backup as archive
from tests.factories import import_document, make_document


def make_data(root: Path, measures: int, evidence_mb: int, files: int) -> Workspace:
    ws = Workspace.open(root / "data")
    ws.author = "基准"
    per_plan = 100
    for p in range(measures // per_plan):
        import_document(ws, make_document(per_plan, f"计划{p}"), f"plan{p}.txt")
    rng = random.Random(1)
    q = Quarter(2024, 1)
    for mid in range(1, measures + 1, 3):
        progress.set_status(ws, mid, Status.IN_PROGRESS)
        progress.save_progress(
            ws, mid, q, progress_text="已完成阶段任务。" * 20, problems="无", next_steps="继续推进"
        )
    src = root / "src"
    src.mkdir()
    size = evidence_mb * 1024 * 1024 // files
    for i in range(files):
        path = src / f"材料{i}.bin"
        if i % 10 < 7:  # photos, PDFs, scans: already compressed
            path.write_bytes(rng.randbytes(size))
        else:  # Word/Excel XML, text: compressible
            path.write_bytes(
                (f"第{i}份会议纪要，推进落实情况良好。" * (size // 48 + 1)).encode()[:size]
            )
        evidence.attach(ws, 1 + i % measures, path, quarter=q)
        path.unlink()
    return ws


def timed(label: str, fn: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    return elapsed, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--evidence-mb", type=int, default=200)
    parser.add_argument("--files", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="backup-bench-") as tmp:
        root = Path(tmp)
        t_make, ws = timed(
            "make", lambda: make_data(root, args.measures, args.evidence_mb, args.files)
        )
        assert isinstance(ws, Workspace)
        files = archive.store_files(ws.paths.evidence)
        total = sum(p.stat().st_size for p in files) + ws.paths.database.stat().st_size
        mb = total / 1024 / 1024
        print(
            f"data: {args.measures} measures, {len(files)} evidence files, "
            f"{mb:.1f} MB (made in {t_make:.1f} s)"
        )

        # Baselines, same run, same files: what zipfile alone costs (no snapshot, no verify).
        def plain_zip(level: int | None, method: int) -> Path:
            out = root / f"plain-{method}-{level}.zip"
            with zipfile.ZipFile(out, "w", method, compresslevel=level) as zf:
                zf.write(ws.paths.database, "ledger.sqlite3")
                for p in files:
                    zf.write(p, f"evidence/{p.parent.name}/{p.name}")
            return out

        rows: list[tuple[str, float, int]] = []
        for label, level, method in (
            ("baseline zipfile stored", None, zipfile.ZIP_STORED),
            ("baseline zipfile deflate-6", 6, zipfile.ZIP_DEFLATED),
        ):
            sec, out = timed(label, lambda lv=level, m=method: plain_zip(lv, m))
            assert isinstance(out, Path)
            rows.append((label, sec, out.stat().st_size))
            out.unlink()

        sec, res = timed("backup", lambda: backup.create_backup(ws, root / "b.lsbak"))
        assert isinstance(res, backup.BackupResult)
        rows.append(("create_backup (snapshot+zip+verify)", sec, res.path.stat().st_size))
        sec, _ = timed("verify archive", lambda: archive.verify_archive(res.path))
        rows.append(("verify_archive alone", sec, 0))
        sec, report = timed("verify evidence", lambda: verify.verify_evidence(ws))
        assert isinstance(report, verify.VerifyReport) and report.ok
        rows.append(("verify_evidence (hash every file)", sec, 0))
        sec, _ = timed("describe", lambda: backup.describe_backup(res.path))
        rows.append(("describe_backup", sec, 0))
        ws.close()
        sec, _ = timed("restore", lambda: backup.restore_backup(root / "new", res.path))
        rows.append(("restore_backup to a new directory", sec, 0))
        sec, _ = timed("restore", lambda: backup.restore_backup(ws.paths.root, res.path))
        rows.append(("restore_backup over existing data", sec, 0))

        print(f"{'step':40} {'seconds':>8} {'MB/s':>8} {'size MB':>8}")
        for label, sec, size in rows:
            size_text = f"{size / 1024 / 1024:8.1f}" if size else f"{'':>8}"
            print(f"{label:40} {sec:8.2f} {mb / sec:8.0f} {size_text}")
        print(f"cpu count {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
