"""Crash safety, proven: kill the writing process (SIGKILL) at random moments, many times.

Each kill is followed by a check of the database: PRAGMA integrity_check passes, every
operation the child acknowledged (after its commit) is there in full, and the one it was in
the middle of is either all there or not there at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("LUOSHI_CRASH_KILLS", "40"))
# Each run of the child does one kind of write, in turn, so kills are shared fairly between
# kinds instead of going mostly to imports (the longest writes).
KINDS = ("import", "progress", "status", "attach", "backup")
WORKERS = 2
BUDGET_S = float(os.environ.get("LUOSHI_CRASH_BUDGET_S", "50"))


@dataclass
class Tally:
    kills: int = 0
    kills_in_operation: int = 0  # an operation had begun and was not acknowledged
    in_flight_committed: int = 0  # ... and had committed before the kill
    in_flight_absent: int = 0  # ... and left nothing
    kills_during_open: int = 0
    acknowledged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    acknowledged_by_kind: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    # Backup archives already checked (token -> "ok", "absent" or what is wrong); a good one is
    # deleted once checked, to keep the disk from filling.
    archives: dict[str, str] = field(default_factory=dict)


def read_journal(path: Path) -> tuple[dict[str, tuple[str, list[str]]], set[str], list[str]]:
    begun: dict[str, tuple[str, list[str]]] = {}
    acked: set[str] = set()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    for line in lines:
        parts = line.split()
        if parts[0] == "B":
            begun[parts[1]] = (parts[2], parts[3:])
        elif parts[0] == "A":
            acked.add(parts[1])
    return begun, acked, lines


def check(data_dir: Path, journal: Path, tally: Tally) -> None:
    db = data_dir / "ledger.sqlite3"
    begun, acked, lines = read_journal(journal)
    if not db.exists():
        assert not begun
        return
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            # Killed while the first start created the schema: the migration is one
            # transaction, so nothing of it may be left, and nothing was acknowledged.
            assert not tables, f"half-created schema: {sorted(tables)}"
            assert not acked
            return
        audit: dict[str, list[tuple[str, int | None]]] = {}
        for author, action, entity_id in conn.execute(
            "SELECT author, action, entity_id FROM audit_log"
        ):
            audit.setdefault(author, []).append((action, entity_id))
        versions = dict(conn.execute("SELECT author, plan_id FROM plan_version").fetchall())
        measures_per_plan = dict(
            conn.execute("SELECT plan_id, count(*) FROM measure GROUP BY plan_id").fetchall()
        )
        progress = {
            a: (m, q, prob)
            for a, m, q, prob in conn.execute(
                "SELECT author, measure_id, quarter, problems FROM progress"
            )
        }
        changes = {
            a: (m, new)
            for a, m, new in conn.execute(
                "SELECT author, measure_id, new_status FROM status_change"
            )
        }
        ev = {
            a: (m, sha)
            for a, m, sha in conn.execute("SELECT author, measure_id, sha256 FROM evidence")
        }
        # Derived consistency: a measure's status is its last recorded change.
        for mid, status, last in conn.execute(
            "SELECT m.id, m.status, (SELECT new_status FROM status_change s WHERE s.measure_id = m.id "
            "ORDER BY s.id DESC LIMIT 1) FROM measure m"
        ):
            assert status == (last or "not_started"), (mid, status, last)
    finally:
        conn.close()

    for token, (kind, detail) in begun.items():
        logged = audit.get(token, [])
        if kind == "import":
            n = int(detail[0])
            plan = versions.get(token)
            full = (
                plan is not None
                and measures_per_plan.get(plan) == n
                and logged == [("import", plan)]
            )
            none = plan is None and not logged
        elif kind == "progress":
            row = progress.get(token)
            full = row == (int(detail[0]), detail[1], f"问题 {token}") and [
                a for a, _ in logged
            ] == ["progress"]
            none = row is None and not logged
        elif kind == "backup":
            if token not in tally.archives:
                tally.archives[token] = _archive_state(Path(detail[0]))
            state = tally.archives[token]
            # Written under a temporary name and renamed only once verified: the final name
            # holds a good archive or nothing, whatever the moment of the kill.
            assert state in ("ok", "absent"), f"backup {token}: {state}"
            full = logged == [("backup", None)] and state == "ok"
            none = not logged
        elif kind == "status":
            row = changes.get(token)
            full = row == (int(detail[0]), detail[1]) and logged == [("status", int(detail[0]))]
            none = row is None and not logged
        else:
            row = ev.get(token)
            full = (
                row is not None
                and row[0] == int(detail[0])
                and [a for a, _ in logged] == ["attach"]
                and _stored_ok(data_dir, row[1])
            )
            none = row is None and not logged
        if token in acked:
            assert full, f"acknowledged {kind} {token} lost or partial"
        else:
            assert full or none, f"in-flight {kind} {token} left half-done"
    for token in set(audit) - set(begun):
        assert not token.startswith("r"), f"{token} in the database but never begun"
    # Tally what the last kill interrupted.
    last = lines[-1].split() if lines else []
    tally.acknowledged = len(acked)
    tally.acknowledged_by_kind = {}
    for token in acked:
        kind = begun[token][0]
        tally.acknowledged_by_kind[kind] = tally.acknowledged_by_kind.get(kind, 0) + 1
    if last and last[0] == "B":
        tally.kills_in_operation += 1
        kind = last[2]
        tally.by_kind[kind] = tally.by_kind.get(kind, 0) + 1
        token = last[1]
        if token in audit:
            tally.in_flight_committed += 1
        else:
            tally.in_flight_absent += 1


def _archive_state(path: Path) -> str:
    from desktop.storage import backup as archive

    if not path.exists():
        return "absent"
    try:
        archive.verify_archive(path)
    except archive.BackupError as exc:
        return exc.message
    path.unlink()
    return "ok"


def _stored_ok(data_dir: Path, sha: str) -> bool:
    path = data_dir / "evidence" / sha[:2] / sha
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha


def _wait_ready(journal: Path, run: int, deadline: float) -> bool:
    marker = f"R {run}"
    while time.monotonic() < deadline:
        if journal.exists() and marker in journal.read_text(encoding="utf-8").splitlines():
            return True
        time.sleep(0.01)
    return False


def worker(index: int, base: Path, kills: int, stop_at: float, tally: Tally) -> None:
    rng = random.Random(1000 + index)
    data_dir = base / f"data{index}"
    journal = base / f"journal{index}.txt"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for run in range(kills):
        if time.monotonic() > stop_at:
            break
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.services.crash_worker",
                str(data_dir),
                str(journal),
                str(run),
                str(rng.randint(0, 10**9)),
                KINDS[(run + index) % len(KINDS)],
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            if run == 0 and index == 0:
                # Kill while the very first start creates and migrates the database.
                time.sleep(rng.uniform(0.3, 0.9))
                tally.kills_during_open += 1
            else:
                if not _wait_ready(journal, run, time.monotonic() + 30):
                    child.kill()
                    _, err = child.communicate()
                    tally.errors.append(
                        f"worker {index} run {run} never ready: {err.decode()[-2000:]}"
                    )
                    return
                time.sleep(rng.uniform(0.02, 0.6))
            if child.poll() is not None:
                _, err = child.communicate()
                tally.errors.append(f"worker {index} run {run} died: {err.decode()[-2000:]}")
                return
            child.kill()
            child.wait()
            tally.kills += 1
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            if child.stderr is not None:
                child.stderr.close()
        try:
            check(data_dir, journal, tally)
        except AssertionError as exc:
            tally.errors.append(f"worker {index} after kill {run}: {exc}")
            return


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL semantics checked on POSIX")
def test_sigkill_during_writes_never_loses_or_half_writes(tmp_path: Path) -> None:
    tallies = [Tally() for _ in range(WORKERS)]
    stop_at = time.monotonic() + BUDGET_S
    threads = [
        threading.Thread(target=worker, args=(i, tmp_path, KILLS // WORKERS, stop_at, tallies[i]))
        for i in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    errors = [e for t in tallies for e in t.errors]
    assert not errors, "\n".join(errors)
    total = Tally()
    for t in tallies:
        total.kills += t.kills
        total.kills_in_operation += t.kills_in_operation
        total.in_flight_committed += t.in_flight_committed
        total.in_flight_absent += t.in_flight_absent
        total.kills_during_open += t.kills_during_open
        total.acknowledged += t.acknowledged
        for k, v in t.by_kind.items():
            total.by_kind[k] = total.by_kind.get(k, 0) + v
        for k, v in t.acknowledged_by_kind.items():
            total.acknowledged_by_kind[k] = total.acknowledged_by_kind.get(k, 0) + v
    summary = {k: v for k, v in total.__dict__.items() if k not in ("errors", "archives")}
    print("crash-safety:", json.dumps(summary, ensure_ascii=False))
    assert total.kills >= min(30, KILLS)
    assert total.kills_in_operation >= total.kills // 2  # most kills land inside an operation
    if KILLS >= 30:  # every kind of write was interrupted, none takes most of the kills
        assert set(total.by_kind) == set(KINDS), total.by_kind
        assert max(total.by_kind.values()) <= total.kills_in_operation // 2, total.by_kind
    # After all the kills the data directory still opens normally and backs up cleanly.
    from desktop.services import backup
    from desktop.services.workspace import Workspace

    for i in range(WORKERS):
        ws = Workspace.open(tmp_path / f"data{i}")
        try:
            backup.create_backup(ws, tmp_path / f"after{i}.lsbak")
        finally:
            ws.close()


def test_the_checker_notices_a_lost_acknowledged_write(tmp_path: Path) -> None:
    """Negative control: an acknowledged operation missing from the database fails the check."""
    from desktop.services.workspace import Workspace

    Workspace.open(tmp_path / "data").close()
    journal = tmp_path / "journal.txt"
    journal.write_text("R 0\nB r0o1 status 1 done\nA r0o1\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="acknowledged status r0o1 lost"):
        check(tmp_path / "data", journal, Tally())
    journal.write_text("R 0\nB r0o1 status 1 done\n", encoding="utf-8")
    check(tmp_path / "data", journal, Tally())  # in flight and absent: fine


# -- kills during a restore --------------------------------------------------------------------

RESTORE_KILLS = int(os.environ.get("LUOSHI_CRASH_RESTORE_KILLS", "16"))


def _signature(db_file: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """The officer's data in a database, leaving out the log entry the restore itself adds."""
    conn = sqlite3.connect(db_file)
    try:
        out = []
        for table in ("plan", "section", "measure", "progress", "status_change", "evidence"):
            out.append((table, conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()))
        out.append(
            (
                "audit_log",
                # A restore logs itself in the new data, and the copy of the current data it
                # makes first logs a backup in the old: bookkeeping, not the officer's data.
                conn.execute(
                    "SELECT * FROM audit_log WHERE action NOT IN ('restore', 'backup') ORDER BY 1"
                ).fetchall(),
            )
        )
        return out
    finally:
        conn.close()


def _make_data(root: Path, title: str, measures: int, files: int, seed: int) -> Path:
    from desktop.domain import Quarter, Status
    from desktop.services import evidence, progress
    from desktop.services.workspace import Workspace
    from tests.factories import import_document, make_document

    rng = random.Random(seed)
    ws = Workspace.open(root)
    try:
        plan = import_document(ws, make_document(measures, title=title))
        with ws.db.session() as s:
            from sqlalchemy import select

            from desktop.models import Measure

            ids = list(s.scalars(select(Measure.id).where(Measure.plan_id == plan)))
        for mid in ids[: measures // 2]:
            progress.set_status(ws, mid, Status.IN_PROGRESS)
            progress.save_progress(
                ws, mid, Quarter(2024, 1), progress_text=f"{title}进展", problems="", next_steps=""
            )
        for i in range(files):
            src = root.parent / f"{title}-{i}.bin"
            src.write_bytes(rng.randbytes(rng.randint(200_000, 900_000)))
            evidence.attach(ws, ids[i % len(ids)], src, quarter=None)
    finally:
        ws.close()
    return root


def _restore_phase(target: Path, sig: object, new_sig: object) -> str:
    """How far a killed restore had gone, from what it left behind."""
    if sig == new_sig:
        return "swapped"
    backups = target / "backups"
    if list(backups.glob("pre-restore-*.lsbak")):
        return "after keeping current data"
    if list(backups.glob(".pre-restore-*.partial")):
        return "keeping current data"
    if list(target.glob(".restore-*")):
        return "checking archive"
    return "starting"


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL semantics checked on POSIX")
def test_sigkill_during_restore_leaves_the_old_or_the_new_data(tmp_path: Path) -> None:
    """Kill `restore` at moments spread over its whole run: afterwards the data directory holds
    exactly the data it had or exactly the archive's, intact, and opens normally."""
    import shutil

    from desktop.services import backup
    from desktop.services.workspace import Workspace
    from desktop.storage import backup as archive

    template = _make_data(tmp_path / "old", "原有数据", 80, 10, seed=1)
    new_source = _make_data(tmp_path / "new", "备份数据", 50, 10, seed=2)
    ws = Workspace.open(new_source)
    try:
        saved = backup.create_backup(ws, tmp_path / "new.lsbak").path
    finally:
        ws.close()
    new_db = tmp_path / "new-db.sqlite3"
    archive.verify_archive(saved, database_to=new_db)
    old_sig, new_sig = _signature(template / "ledger.sqlite3"), _signature(new_db)
    assert old_sig != new_sig
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def spawn(target: Path, journal: Path) -> subprocess.Popen[bytes]:
        shutil.copytree(template, target)
        args = ["--restore", str(target), str(saved), str(journal)]
        return subprocess.Popen(
            [sys.executable, "-m", "tests.services.crash_worker", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    # Restores left to finish tell how long one takes on this machine, now.
    durations = []
    for n in range(2):
        journal = tmp_path / f"probe{n}.txt"
        probe = spawn(tmp_path / f"probe{n}", journal)
        _, err = probe.communicate(timeout=300)
        assert probe.returncode == 0, err.decode()[-2000:]
        durations.append(float(journal.read_text(encoding="utf-8").split()[-1]))
        assert _signature(tmp_path / f"probe{n}" / "ledger.sqlite3") == new_sig
        shutil.rmtree(tmp_path / f"probe{n}")
    duration = min(durations)

    rng = random.Random(7)
    phases: dict[str, int] = {}
    inside = 0
    data_after = {"old": 0, "new": 0}
    for k in range(RESTORE_KILLS):
        target, journal = tmp_path / f"kill{k}", tmp_path / f"kill{k}.txt"
        child = spawn(target, journal)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not (
                journal.exists() and journal.read_text(encoding="utf-8").startswith("R")
            ):
                time.sleep(0.005)
            # Spread over the whole restore and a little past its usual end.
            wait = duration * 1.2 * (k + rng.random()) / RESTORE_KILLS
            time.sleep(wait)
            child.kill()
            child.wait()
        finally:
            if child.stderr is not None:
                child.stderr.close()
        finished = len(journal.read_text(encoding="utf-8").splitlines()) > 1
        inside += not finished
        if finished:  # restores run faster than the probes did: aim the later kills earlier
            duration = min(duration, wait)
        db = target / "ledger.sqlite3"
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], k
        finally:
            conn.close()
        sig = _signature(db)
        assert sig in (old_sig, new_sig), f"kill {k}: neither the old nor the new data"
        data_after["old" if sig == old_sig else "new"] += 1
        if not finished:
            phase = _restore_phase(target, sig, new_sig)
            phases[phase] = phases.get(phase, 0) + 1
        ws = Workspace.open(target)  # opens normally: no stray -wal replayed onto the new file
        try:
            with ws.db.session() as s:
                from sqlalchemy import select

                from desktop.models import Evidence

                for sha in s.scalars(select(Evidence.sha256)):
                    assert ws.store.check(sha) == "ok", (k, sha)
        finally:
            ws.close()
        assert _signature(db) == sig
        if sig == old_sig and k % 3 == 0:  # and the restore can simply be run again
            backup.restore_backup(target, saved)
            assert _signature(db) == new_sig
        shutil.rmtree(target)
    summary = {
        "kills": RESTORE_KILLS,
        "inside_restore": inside,
        "restore_s": min(durations),
        "data_after": data_after,
        "phases": phases,
    }
    print("crash-restore:", json.dumps(summary, ensure_ascii=False))
    assert inside >= RESTORE_KILLS // 2
    assert len(phases) >= 2, phases  # the kills reached different steps of the restore


FIRST_START_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from desktop.services.workspace import Workspace
print("go", flush=True)  # imports done: what follows creates the data directory and schema
Workspace.open(Path(sys.argv[1])).close()
print("done", flush=True)
"""
FIRST_START_KILLS = int(os.environ.get("LUOSHI_CRASH_FIRST_START_KILLS", "24"))


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL semantics checked on POSIX")
def test_a_first_start_killed_while_creating_the_schema_starts_next_time(tmp_path: Path) -> None:
    """Power cut during the very first start: the next start must open normally, never meet a
    half-made schema it would refuse as another program's file."""
    from desktop.services.workspace import Workspace

    # How long creating the data directory and schema takes here, so the kills spread over it.
    probe = subprocess.Popen(
        [sys.executable, "-c", FIRST_START_CHILD, str(tmp_path / "probe"), str(ROOT)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert probe.stdout is not None
    probe.stdout.readline()
    began = time.monotonic()
    probe.stdout.readline()
    whole = time.monotonic() - began
    probe.wait()
    probe.stdout.close()
    rng = random.Random(20261201)
    states: dict[str, int] = {}
    for k in range(FIRST_START_KILLS):
        target = tmp_path / f"d{k}"
        child = subprocess.Popen(
            [sys.executable, "-c", FIRST_START_CHILD, str(target), str(ROOT)],
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None
        child.stdout.readline()  # "go": imports begin
        time.sleep(rng.uniform(0.0, 1.1) * whole)
        child.kill()
        child.wait()
        child.stdout.close()
        db = target / "ledger.sqlite3"
        tables: set[str] = set()
        if db.exists():
            conn = sqlite3.connect(db)
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            conn.close()
        state = (
            "no file"
            if not db.exists()
            else "complete"
            if "audit_log" in tables
            else ("empty" if not tables else "partial")
        )
        states[state] = states.get(state, 0) + 1
        assert state != "partial", sorted(tables)
        Workspace.open(target).close()  # and the next start opens it
    print("crash-first-start:", json.dumps(states, ensure_ascii=False))
    assert len(states) >= 2, states  # the kills landed at different moments of the start
