"""Hostile input through the import service: a clear Chinese UserError, no crash, no change.

Small files live in tests/data/hostile (see make_corpus.py); bombs, 50 MB files and odd file
names are made here at test time. The database is compared as a full SQL dump before and after.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import importing
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from tests.data.hostile import make_corpus
from tests.factories import import_document, make_document

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
MAX_SECONDS = 30

# Reader bugs found by this corpus: the owners fix them, then these marks must go (strict).
READER_BUGS: dict[str, str] = {}

SMALL = sorted(p.name for p in HOSTILE.iterdir() if p.is_file() and not p.name.endswith(".py"))


def _case(name: str) -> object:
    reason = READER_BUGS.get(name)
    if reason is None:
        return name
    return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.fixture(scope="module")
def hostile_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path_factory.mktemp("hostile") / "data")
    ws.author = "测试员"
    import_document(ws, make_document(8))
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def big_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("big")


def dump(ws: Workspace) -> list[str]:
    conn = sqlite3.connect(ws.paths.database)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def refused(ws: Workspace, path: Path) -> str:
    """Preview and import both give a Chinese UserError, quickly, and the database is unchanged."""
    before = dump(ws)
    store_before = sorted(p.name for p in ws.paths.evidence.rglob("*") if p.is_file())
    start = time.monotonic()
    with pytest.raises(UserError) as preview_err:
        importing.preview_file(path)
    with pytest.raises(UserError) as import_err:
        importing.import_file(ws, path)
    elapsed = time.monotonic() - start
    message = preview_err.value.message
    assert CHINESE.search(message), message
    assert "Traceback" not in message and "Error:" not in message
    assert import_err.value.message == message
    assert elapsed < MAX_SECONDS, f"{path.name} took {elapsed:.1f} s"
    assert dump(ws) == before
    assert sorted(p.name for p in ws.paths.evidence.rglob("*") if p.is_file()) == store_before
    return message


def test_corpus_is_complete() -> None:
    """The committed small files are exactly what make_corpus.py makes (none lost or stale)."""
    made = set(make_corpus.small_cases())
    assert made <= set(SMALL)
    for ext in make_corpus.EXTENSIONS:
        assert f"h_garbage{ext}" in SMALL and f"h_empty{ext}" in SMALL


@pytest.mark.parametrize("name", [_case(n) for n in SMALL])
def test_small_hostile_file_is_refused(name: str, hostile_ws: Workspace) -> None:
    message = refused(hostile_ws, HOSTILE / name)
    if "empty" in name:
        assert "空" in message
    if "encrypted" in name:
        assert "密码" in message or "加密" in message, message


@pytest.mark.parametrize("ext", make_corpus.EXTENSIONS)
def test_fifty_megabyte_files_are_refused(ext: str, hostile_ws: Workspace, big_dir: Path) -> None:
    path = big_dir / f"big{ext}"
    if ext == ".txt":
        make_corpus.big_file(path, 51)
    elif ext == ".pdf":
        make_corpus.big_file(path, 51, head=b"%PDF-1.4\n")
    elif ext == ".docx":
        make_corpus.big_zip(path, 51, make_corpus.docx_bytes())
    else:
        make_corpus.big_zip(path, 51, make_corpus.xlsx_bytes())
    message = refused(hostile_ws, path)
    assert "太大" in message or "上限" in message, message
    path.unlink()


@pytest.mark.parametrize(
    "name",
    [
        "带 空格 的 文件.txt",
        "😀表情文件名🎉.docx",
        "-leading-dash.pdf",
        "--help.xlsx",
        "重" * 80 + ".txt",
        ".hidden.xlsm",
        "a.b.c.d.docx",
        "名字\u200b含零宽字符.txt",
    ],
)
def test_odd_file_names_with_bad_content_are_refused(
    name: str, hostile_ws: Workspace, big_dir: Path
) -> None:
    path = big_dir / name
    shutil.copyfile(HOSTILE / f"h_garbage{Path(name).suffix}", path)
    message = refused(hostile_ws, path)
    assert name in message or Path(name).stem in message or "文件" in message


@pytest.mark.parametrize(
    "name", ["带 空格 的 文件.txt", "😀表情文件名.txt", "-leading-dash.txt", "重" * 80 + ".txt"]
)
def test_odd_file_names_with_good_content_import(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(make_corpus.MEASURES_TEXT, encoding="utf-8")
    ws = Workspace.open(tmp_path / "data")
    try:
        outcome = importing.import_file(ws, path)
        assert outcome.measure_count >= 3
    finally:
        ws.close()


def test_gbk_policy_text_imports(tmp_path: Path) -> None:
    path = tmp_path / "通知（GBK）.txt"
    path.write_bytes(make_corpus.MEASURES_TEXT.encode("gbk"))
    ws = Workspace.open(tmp_path / "data")
    try:
        preview = importing.preview_file(path)
        assert preview.encoding in ("gb18030", "gbk")
        assert importing.import_file(ws, path).measure_count >= 3
    finally:
        ws.close()


def test_missing_file_and_folder_are_refused(hostile_ws: Workspace, tmp_path: Path) -> None:
    assert "找不到" in refused(hostile_ws, tmp_path / "不存在.docx")
    folder = tmp_path / "文件夹.docx"
    folder.mkdir()
    refused(hostile_ws, folder)


ONELINE_CHILD = """
import sys
from pathlib import Path
from desktop.services import importing
from desktop.services.errors import UserError
try:
    importing.preview_file(Path(sys.argv[1]))
except UserError:
    pass
print("done")
"""
ONELINE_SECONDS = 6


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("一、" * 400_000 + "（一）措施" * 80_000, id="numbering-and-brackets"),
        pytest.param("一、措施" + "。责任单位：省民政厅" * 100_000, id="field-labels"),
    ],
)
def test_one_long_line_does_not_hang(tmp_path: Path, text: str) -> None:
    """No newlines and endless numbering (a PDF extracted badly): accept or refuse, quickly."""
    path = tmp_path / "oneline.txt"
    path.write_text(text, encoding="utf-8")
    try:
        proc = subprocess.run(
            [sys.executable, "-c", ONELINE_CHILD, str(path)],
            cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            capture_output=True,
            text=True,
            timeout=ONELINE_SECONDS,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"parsing one 3.6 MB line took more than {ONELINE_SECONDS} s")
    assert proc.stdout.strip() == "done", proc.stderr[-2000:]


BOMB_CHILD = """
import json, resource, sys, time
from pathlib import Path
from desktop.services import importing
from desktop.services.errors import UserError
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.monotonic()
try:
    importing.preview_file(Path(sys.argv[1]))
    outcome = "accepted"
except UserError as exc:
    outcome = exc.message
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"message": outcome, "grew_mb": (peak - base) / 1024,
                  "seconds": time.monotonic() - start}))
"""
BOMB_MB = 300
BOMB_MEMORY_LIMIT_MB = 150


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB on Linux")
@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(k, marks=pytest.mark.xfail(strict=True, reason=READER_BUGS[f"bomb{k}"]))
        if f"bomb{k}" in READER_BUGS
        else k
        for k in (".docx", ".xlsx", ".xlsm")
    ],
)
def test_zip_bomb_is_refused_without_inflating_it(kind: str, big_dir: Path) -> None:
    """A 300 MB whitespace part packed into ~0.3 MB: refused, and memory stays small."""
    path = big_dir / f"bomb{kind}"
    if kind == ".docx":
        make_corpus.docx_bomb(path, BOMB_MB)
    else:
        make_corpus.xlsx_bomb(path, BOMB_MB)
    assert path.stat().st_size < 2 * 1024 * 1024
    # Imports happen before measuring, so only the reading itself is counted.
    code = "import desktop.services.importing, openpyxl, docx, pypdf\n" + BOMB_CHILD
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["message"] != "accepted"
    assert CHINESE.search(result["message"])
    assert result["grew_mb"] < BOMB_MEMORY_LIMIT_MB, result
    assert result["seconds"] < MAX_SECONDS, result
