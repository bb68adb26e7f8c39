"""The command line on bad input: Chinese argument errors, unusable data directories, the lock."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import cli
from desktop.cli import main
from desktop.services import backup
from desktop.services.workspace import Workspace
from tests.conftest import SAMPLE_43
from tests.factories import import_document, make_document

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse exits on its own errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "--quarter", "2023Q2"], "缺少必需的参数：--out"),
        (["report", "--quarter", "2023Q2", "--out", "r.pdf", "--plan", "abc"], "应为整数"),
        (["frobnicate"], "没有命令 frobnicate。可用的命令：parse、import"),
        (["list", "--plan", "1"], "无法识别的参数：--plan 1"),
        (["--data-dir"], "参数 --data-dir 后面缺少它的值"),
    ],
)
def test_argument_errors_are_in_chinese(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert expected in err and "用法：" in err and "-h 查看用法" in err
    for english in ("required", "invalid", "unrecognized", "usage:", "error:", "expected"):
        assert english not in err


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "restore", "-h")
    assert code == 0
    assert "用法：python main.py restore" in out and "显示此帮助并退出" in out and "--yes" in out
    assert "show this help" not in out and "positional arguments" not in out


def test_unusable_data_directory_gives_a_chinese_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a_file = tmp_path / "note.txt"
    a_file.write_text("x")
    code, _, err = run(capsys, "--data-dir", str(a_file), "list")
    assert code == 1 and "是一个文件而不是文件夹" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", str(a_file / "sub"), "import", str(SAMPLE_43))
    assert code == 1 and err.startswith("错误：") and "--data-dir" in err
    if Path("/proc/self").is_dir():  # a place nobody can create folders in
        code, _, err = run(capsys, "--data-dir", "/proc/luoshi-test/x", "list")
        assert code == 1 and "无法使用数据目录" in err


def test_unusable_data_directory_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    a_file = tmp_path / "note.txt"
    a_file.write_text("x")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(a_file), "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "不是文件夹" in proc.stderr


def test_corrupt_database_names_the_file_and_the_way_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "ledger.sqlite3").write_bytes(b"\x00garbage" * 500)
    code, _, err = run(capsys, "--data-dir", str(data), "list")
    assert code == 1
    assert f"数据文件 {data / 'ledger.sqlite3'} 已损坏或不是落实台账的数据库" in err
    assert "文件 > 恢复备份" in err and "python main.py restore" in err
    assert "sqlalche" not in err and "DatabaseError" not in err


def test_parse_of_garbage_fails_and_keeps_json_on_stdout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.txt"
    # A UTF-16 byte-order mark and then bytes: decodes, but to nothing like a document.
    junk.write_bytes(b"\xff\xfe\x00garbage\x00\x01")
    code, out, err = run(capsys, "parse", str(junk))
    assert code == 1 and "没有从该文件中识别出任何措施" in err
    code, out, err = run(capsys, "parse", str(junk), "--json")
    assert code == 1 and json.loads(out)["documents"] is not None and "识别" in err
    code, out, _ = run(capsys, "parse", str(SAMPLE_43), "--json")
    assert code == 0


# -- the lock --------------------------------------------------------------------------------


@pytest.fixture
def live_pid() -> Iterator[int]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def test_every_subcommand_is_classified_as_writing_or_read_only() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    commands = set(sub.choices)  # type: ignore[arg-type]
    assert not set(cli.WRITING_COMMANDS) & cli.READ_ONLY_COMMANDS
    assert commands == set(cli.WRITING_COMMANDS) | cli.READ_ONLY_COMMANDS


WRITES = [
    ["import", str(SAMPLE_43)],
    ["update", str(SAMPLE_43), "--plan", "1", "--yes"],
    ["fillin-import", "x.xlsx", "--yes"],
    ["freeze", "--quarter", "2023Q2"],
    ["unfreeze", "--quarter", "2023Q2", "--plan", "1", "--reason", "改错了"],
    ["backup", "--out", "b.lsbak"],
    ["restore", "b.lsbak", "--yes"],
    ["status", "1", "推进中"],
    ["progress", "1", "--quarter", "2023Q2", "--progress", "写不进去"],
    ["attach", "1", str(SAMPLE_43)],
]


def test_every_writing_command_refuses_while_the_window_holds_the_lock(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, live_pid: int
) -> None:
    data = tmp_path / "data"
    ws = Workspace.open(data)
    import_document(ws, make_document(3))
    ws.close()
    before = (data / "ledger.sqlite3").read_bytes()
    # What QLockFile writes: pid, app name, host name.
    (data / "ledger.lock").write_text(f"{live_pid}\n\n{socket.gethostname()}\n")
    tried = set()
    for args in WRITES:
        code, _, err = run(capsys, "--data-dir", str(data), *args)
        assert code == 1 and "正在使用数据目录" in err, args
        tried.add(args[0])
    assert tried == set(cli.WRITING_COMMANDS)
    assert (data / "ledger.sqlite3").read_bytes() == before
    # Looking is still allowed while the window is open, including previews of writes.
    assert run(capsys, "--data-dir", str(data), "list")[0] == 0
    code, out, _ = run(capsys, "--data-dir", str(data), "update", str(SAMPLE_43), "--plan", "1")
    assert "正在使用数据目录" not in out


# -- restore asks first --------------------------------------------------------------------------


@pytest.fixture
def archive_and_target(tmp_path: Path) -> tuple[Path, Path]:
    src = Workspace.open(tmp_path / "src")
    import_document(src, make_document(2))
    saved = backup.create_backup(src, tmp_path / "b.lsbak").path
    src.close()
    target = tmp_path / "target"
    ws = Workspace.open(target)
    import_document(ws, make_document(5, title="现有计划"))
    from desktop.services import settings

    settings.update(ws.db, {"officer": "李科员"}, author="李科员")
    ws.close()
    return saved, target


def _plans(capsys: pytest.CaptureFixture[str], data: Path) -> str:
    return run(capsys, "--data-dir", str(data), "list")[1]


def test_restore_without_a_terminal_needs_yes(
    capsys: pytest.CaptureFixture[str], archive_and_target: tuple[Path, Path]
) -> None:
    saved, target = archive_and_target
    code, out, err = run(capsys, "--data-dir", str(target), "restore", str(saved))
    assert code == 1 and "--yes" in err and "计划 1 个" in out
    assert "现有计划" in _plans(capsys, target)


def test_restore_asks_and_a_no_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    archive_and_target: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved, target = archive_and_target
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda q: asked.append(q) or "")
    code, _, err = run(capsys, "--data-dir", str(target), "restore", str(saved))
    assert code == 1 and "已取消恢复" in err and "[y/N]" in asked[0]
    assert "现有计划" in _plans(capsys, target)
    monkeypatch.setattr("builtins.input", lambda q: "y")
    code, out, _ = run(capsys, "--data-dir", str(target), "restore", str(saved))
    assert code == 0 and "已恢复备份" in out
    assert "现有计划" not in _plans(capsys, target)
    # The restore is recorded under the officer of the data it replaced.
    code, out, _ = run(capsys, "--data-dir", str(target), "audit", "--filter", "恢复备份")
    assert "李科员" in out.splitlines()[0]
