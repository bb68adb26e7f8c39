"""Fast checks of the packaging files and the self-test's own logic (no build needed)."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from desktop import selftest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def test_inno_setup_script_installs_per_user_and_keeps_the_data() -> None:
    raw = (INSTALLER / "luoshi.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, or ISCC misreads the Chinese text"
    iss = raw.decode("utf-8-sig")
    assert "PrivilegesRequired=lowest" in iss
    assert r"DefaultDirName={localappdata}\Programs\LuoshiLedger" in iss
    assert "MinVersion=10.0.17763" in iss
    assert "ArchitecturesAllowed=x64compatible" in iss
    assert r'Subkey: "Software\Classes\.lsbak"' in iss
    assert "HKLM" not in iss and "HKCR" not in iss, "per-user: only HKCU"
    assert "ChineseSimplified.isl" in iss
    assert "{autodesktop}" in iss and "{group}" in iss
    # The uninstaller may clean only inside {app}, never the data directory.
    section = iss.split("[UninstallDelete]", 1)[1]
    names = re.findall(r'Name: "([^"]+)"', section)
    assert names and all(n.startswith("{app}\\_internal") for n in names), names
    assert "{localappdata}\\LuoshiLedger" not in iss


def test_executable_names_agree_between_spec_and_installer() -> None:
    spec = (INSTALLER / "luoshi.spec").read_text(encoding="utf-8")
    iss = (INSTALLER / "luoshi.iss").read_text(encoding="utf-8-sig")
    assert 'NAME = "LuoshiLedger"' in spec and 'name=f"{NAME}-cli"' in spec
    assert '#define AppExe "LuoshiLedger.exe"' in iss
    assert '#define AppCli "LuoshiLedger-cli.exe"' in iss
    compile(spec, "luoshi.spec", "exec")  # at least valid Python


def test_the_icon_exists_in_every_size_and_is_used_by_program_installer_and_window() -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    with Image.open(icons / "luoshi.ico") as ico:
        sizes = set(ico.info["sizes"])
    assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= sizes
    for size in (16, 32, 256):
        with Image.open(icons / f"luoshi-{size}.png") as png:
            assert png.size == (size, size)
            # Mostly the seal's red, not a blank or default picture.
            r, g, b, _a = png.convert("RGBA").resize((1, 1)).getpixel((0, 0))
            assert r > g + 60 and r > b + 60, (size, r, g, b)
    spec = (INSTALLER / "luoshi.spec").read_text(encoding="utf-8")
    iss = (INSTALLER / "luoshi.iss").read_text(encoding="utf-8-sig")
    assert '"icons" / "luoshi.ico"' in spec and "icon=icon" in spec
    assert r"SetupIconFile={#SourcePath}..\resources\icons\luoshi.ico" in iss
    assert "DefaultIcon" in iss  # .lsbak files show the program's (now our) icon


def test_window_has_the_program_icon(qapp: object) -> None:
    from desktop.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 256}


def test_windows_build_script_is_plain_ascii() -> None:
    """Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page."""
    (INSTALLER / "build.ps1").read_bytes().decode("ascii")


def test_build_requirements_are_pinned() -> None:
    lines = [
        line.split(";")[0].strip()
        for line in (INSTALLER / "requirements-build.lock").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert "pyinstaller==6.22.3" in lines
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*", line) for line in lines), lines


def test_self_test_flag_is_routed_to_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop import cli

    calls: list[str] = []
    monkeypatch.setattr(selftest, "run", lambda: calls.append("run") or 0)
    assert cli.main(["--self-test"]) == 0
    assert calls == ["run"]


def test_a_failing_step_stops_the_self_test_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.services import importing
    from desktop.services.errors import UserError

    def broken(*_args: object, **_kwargs: object) -> None:
        raise UserError("示例文件已损坏")

    monkeypatch.setattr(importing, "import_file", broken)
    out = io.StringIO()
    assert selftest.run(out=out) == 1
    text = out.getvalue()
    assert "[失败 FAIL] 导入示例 import sample" in text and "示例文件已损坏" in text
    assert "自检失败" in text and "记录进展" not in text
    kept = Path(re.search(r"files kept in: (.+)", text).group(1).strip())  # type: ignore[union-attr]
    assert kept.is_dir()
    shutil.rmtree(kept)


def test_pdf_font_check_tells_embedded_from_standard_fonts(tmp_path: Path) -> None:
    from pypdf import PdfReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(
        TTFont("SelfTestHei", str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"))
    )
    out = tmp_path / "fonts.pdf"
    c = canvas.Canvas(str(out))
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Page 1")
    c.setFont("SelfTestHei", 12)
    c.drawString(72, 700, "落实台账")
    c.save()
    fonts = selftest.pdf_fonts(PdfReader(out))
    assert fonts.get("Helvetica") is False
    assert any("WenQuanYiMicroHei" in name and ok for name, ok in fonts.items()), fonts


def test_build_script_points_to_sections_that_exist_in_install_md() -> None:
    """The script's last line once sent the reader to a step that said something else."""
    script = (INSTALLER / "build.ps1").read_text(encoding="ascii")
    install = (ROOT / "docs" / "INSTALL.md").read_text(encoding="utf-8")
    headings = dict(re.findall(r"^## (\d+)\. (.+)$", install, flags=re.MULTILINE))
    cited = re.findall(r"INSTALL\.md, section (\d+)", script)
    assert cited and all(n in headings for n in cited), (cited, headings)
    last = re.findall(r"USB stick \(docs\\INSTALL\.md, section (\d+)\)", script)
    assert last and "U 盘" in headings[last[0]]
    assert "ChineseSimplified.isl not found" in script  # checked before the long build
    assert script.index("ChineseSimplified.isl") < script.index("PyInstaller --noconfirm")


def test_messages_name_the_command_the_officer_actually_has(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from desktop import config

    assert config.command_name() == "python main.py"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "C:/Programs/LuoshiLedger/LuoshiLedger.exe")
    monkeypatch.setattr(sys, "platform", "win32")
    assert config.command_name() == "LuoshiLedger-cli.exe"
    from desktop.models.database import restore_hint

    assert "LuoshiLedger-cli.exe restore 备份文件.lsbak" in restore_hint()
