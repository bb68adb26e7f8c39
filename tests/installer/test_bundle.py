"""Builds the Linux bundle with installer/build.sh and runs it (LUOSHI_BUILD_BUNDLE=1 pytest -m bundle)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "LuoshiLedger"
PROGRAM = BUNDLE / ("LuoshiLedger.exe" if sys.platform == "win32" else "LuoshiLedger")

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("LUOSHI_BUILD_BUNDLE") != "1",
        reason="builds the PyInstaller bundle (minutes); set LUOSHI_BUILD_BUNDLE=1 to run",
    ),
    pytest.mark.skipif(sys.platform != "linux", reason="the bundle test runs the Linux build"),
]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LUOSHI_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def _run(*args: str, cwd: Path = ROOT, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROGRAM), *args],
        cwd=cwd,
        env=_env(**extra),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    """Build once per run (the build script reuses its venv, so a rebuild takes ~2 minutes)."""
    started = time.monotonic()
    build = subprocess.run(
        ["bash", str(ROOT / "installer" / "build.sh"), "--no-self-test"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=3600,
    )
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    size = sum(p.lstat().st_size for p in BUNDLE.rglob("*") if not p.is_symlink())
    print(f"bundle built in {time.monotonic() - started:.0f} s, {size / 1e6:.0f} MB")
    yield BUNDLE


def test_the_bundle_passes_its_self_test(bundle: Path) -> None:
    result = _run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自检通过" in result.stdout
    assert "程序包 bundle" in result.stdout
    assert "libqxcb.so" in result.stdout


def test_the_bundle_holds_what_the_program_loads_and_not_what_it_never_uses(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "desktop" / "models" / "migrations" / "env.py").is_file()
    assert list((internal / "desktop" / "models" / "migrations" / "versions").glob("0001_*.py"))
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert list((internal / "resources" / "samples").glob("*.txt"))
    assert list(internal.rglob("qtbase_zh_CN.qm"))
    assert not list(internal.rglob("qtbase_de.qm")), "other languages should be left out"
    names = {p.name for p in internal.rglob("*")}
    dangling = [p.name for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling
    unwanted = [n for n in names if any(t in n for t in ("WebEngine", "Qt6Qml", "Qt6Quick", "3D"))]
    assert not unwanted, unwanted
    assert (bundle / "BUILD-INFO.txt").is_file()


def test_the_bundle_runs_the_command_line_and_keeps_data_beside_it_in_portable_mode(
    bundle: Path, tmp_path: Path
) -> None:
    version = _run("--version")
    assert version.returncode == 0 and "0." in version.stdout
    # A copy of the bundle, as on a USB stick, with portable.txt beside the program.
    stick = tmp_path / "U盘" / "LuoshiLedger"
    shutil.copytree(bundle, stick, symlinks=True)
    (stick / "portable.txt").write_text("", encoding="utf-8")
    program = stick / PROGRAM.name
    sample = next((stick / "_internal" / "resources" / "samples").glob("*.txt"))
    run = subprocess.run(
        [str(program), "import", str(sample)],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "已导入" in run.stdout
    assert (stick / "data" / "ledger.sqlite3").is_file()
    listing = subprocess.run(
        [str(program), "list"], cwd=tmp_path, env=_env(), capture_output=True, text=True
    )
    assert "放管服" in listing.stdout
    out = tmp_path / "报告.pdf"
    report = subprocess.run(
        [str(program), "report", "--quarter", "2023Q2", "--out", str(out)],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert report.returncode == 0, report.stdout + report.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_a_failing_self_test_exits_non_zero_with_a_message(bundle: Path, tmp_path: Path) -> None:
    """A damaged installation (sample removed) is reported, not silently passed."""
    broken = tmp_path / "LuoshiLedger"
    shutil.copytree(bundle, broken, symlinks=True)
    for sample in (broken / "_internal" / "resources" / "samples").glob("*"):
        sample.unlink()
    # A failed self-test keeps its folder for the report; keep it inside this test's tmp_path.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result = subprocess.run(
        [str(broken / PROGRAM.name), "--self-test"],
        env=_env(TMPDIR=str(scratch)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "自检失败" in result.stdout and "missing sample" in result.stdout
    kept = [p for p in scratch.iterdir() if p.name.startswith("luoshi-selftest-")]
    assert len(kept) == 1 and str(kept[0]) in result.stdout
