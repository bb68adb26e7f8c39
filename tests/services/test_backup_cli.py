"""The backup, restore, verify and audit subcommands, and the lock shared with the window."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.storage import backup as archive
from desktop.storage import datalock
from tests.conftest import SAMPLE_43


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def live_pid() -> Iterator[int]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def test_backup_verify_audit_restore_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "import", str(SAMPLE_43))[0] == 0
    out_file = tmp_path / "台账备份.lsbak"
    code, out, _ = run(capsys, "--data-dir", data, "backup", "--out", str(out_file))
    assert code == 0 and "已备份到" in out and out_file.is_file()
    code, out, _ = run(capsys, "--data-dir", data, "verify")
    assert code == 0 and "全部佐证材料完好" in out
    code, out, _ = run(capsys, "--data-dir", data, "audit")
    assert code == 0 and "备份" in out and "导入" in out
    csv_file = tmp_path / "log.csv"
    code, out, _ = run(
        capsys, "--data-dir", data, "audit", "--out", str(csv_file), "--filter", "导入"
    )
    assert code == 0 and "已导出 1 条" in out
    new = str(tmp_path / "new")
    code, out, _ = run(capsys, "--data-dir", new, "restore", str(out_file), "--yes")
    assert code == 0 and "已恢复备份" in out and "计划 1 个" in out
    code, out, _ = run(capsys, "--data-dir", new, "list")
    assert "甘政办发〔2021〕43号" in out
    assert not (Path(new) / "ledger.lock").exists()


def test_verify_exits_non_zero_when_evidence_is_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from desktop.services import evidence
    from desktop.services.workspace import Workspace
    from tests.factories import import_document, make_document

    ws = Workspace.open(tmp_path / "data")
    import_document(ws, make_document(2))
    proof = tmp_path / "照片.jpg"
    proof.write_bytes(b"jpeg")
    evidence.attach(ws, 1, proof, quarter=None)
    ws.close()
    archive.store_files(tmp_path / "data" / "evidence")[0].unlink()
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "data"), "verify")
    assert code == 3 and "[缺失] 照片.jpg" in out


def test_restore_of_garbage_fails_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "x.lsbak"
    bad.write_bytes(b"garbage")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "d"), "restore", str(bad))
    assert code == 1 and "不是有效的落实台账备份文件" in err


def test_writing_commands_refuse_while_the_window_holds_the_lock(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, live_pid: int
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # What QLockFile writes: pid, app name, host name (Qt 6 adds machine and boot ids).
    (data / "ledger.lock").write_text(f"{live_pid}\n\n{socket.gethostname()}\n")
    for args in (["import", str(SAMPLE_43)], ["backup", "--out", str(tmp_path / "b")]):
        code, _, err = run(capsys, "--data-dir", str(data), *args)
        assert code == 1 and "正在使用数据目录" in err, args
    code, _, err = run(capsys, "--data-dir", str(data), "restore", str(tmp_path / "none.lsbak"))
    assert code == 1
    assert not (data / "ledger.sqlite3").exists()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    lock = tmp_path / "ledger.lock"
    lock.write_text(f"{child.pid}\npython3\n{socket.gethostname()}\n")
    assert datalock.holder(lock) is None
    with datalock.hold(lock):
        assert datalock.read_lock(lock) == datalock.LockInfo(
            os.getpid(), datalock._own_name(), socket.gethostname()
        )
    assert not lock.exists()


def test_lock_from_another_computer_is_respected(tmp_path: Path) -> None:
    lock = tmp_path / "ledger.lock"
    lock.write_text("1234\nLuoshiLedger\nother-pc\n")
    with pytest.raises(datalock.DataDirLocked, match="other-pc"), datalock.hold(lock):
        pass
    assert lock.read_text().startswith("1234")


def test_pid_reused_by_another_program_is_stale(tmp_path: Path, live_pid: int) -> None:
    if not Path(f"/proc/{live_pid}/exe").exists():
        pytest.skip("needs /proc")
    lock = tmp_path / "ledger.lock"
    lock.write_text(f"{live_pid}\nsome-other-name\n{socket.gethostname()}\n")
    assert datalock.holder(lock) is None
