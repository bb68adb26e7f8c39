"""Self-test of an installed copy (main.py --self-test): the main flows on a throwaway data directory."""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop import APP_TITLE, __version__, config

PROGRESS_TEXT = "自检：已完成系统对接，形成工作台账。"
EVIDENCE_TEXT = "落实台账自检生成的佐证材料。\n"
# The 14 standard PDF fonts every viewer has; all other fonts must be embedded.
BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-BoldOblique",
    "Courier-Oblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-BoldOblique",
    "Helvetica-Oblique",
    "Symbol",
    "Times-Bold",
    "Times-BoldItalic",
    "Times-Italic",
    "Times-Roman",
    "ZapfDingbats",
}


class SelfTestFailure(Exception):
    """A check that did not hold; the message says what was expected, in Chinese and English."""


@dataclass
class Step:
    title: str  # "中文 English"
    passed: bool
    seconds: float
    detail: str = ""


@dataclass
class SelfTest:
    """Runs the steps in order; the first failure stops the run (later steps depend on it)."""

    root: Path
    out: TextIO = field(default_factory=lambda: sys.stdout)
    steps: list[Step] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)

    def step(self, title: str, fn: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = fn()
        except Exception as exc:
            self.steps.append(Step(title, False, time.perf_counter() - started, _describe(exc)))
            self._print(self.steps[-1])
            if not isinstance(exc, SelfTestFailure) and not hasattr(exc, "message"):
                traceback.print_exc(file=sys.stderr)  # unexpected: the developers need it
            return False
        self.steps.append(Step(title, True, time.perf_counter() - started, detail))
        self._print(self.steps[-1])
        return True

    def _print(self, step: Step) -> None:
        mark = "通过 OK  " if step.passed else "失败 FAIL"
        line = f"  [{mark}] {step.title}（{step.seconds:.1f} s）"
        if step.detail:
            line += f"：{step.detail}"
        print(line, file=self.out, flush=True)


def _describe(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    if isinstance(exc, SelfTestFailure):
        return message
    return f"{type(exc).__name__}: {message}"


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def use_offscreen_qt() -> None:
    """No window on the screen during the test (and none needed): Qt's offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- steps ---------------------------------------------------------------------------------


def check_resources() -> str:
    from desktop.models.database import MIGRATIONS_DIR
    from desktop.services.samples import SAMPLE_FILE

    res = config.resources_dir()
    font = res / "fonts" / "wqy-microhei.ttc"
    sample = res / "samples" / SAMPLE_FILE
    _check(font.is_file(), f"缺少字体文件 missing font: {font}")
    _check(sample.is_file(), f"缺少示例文件 missing sample: {sample}")
    _check((MIGRATIONS_DIR / "env.py").is_file(), f"缺少数据库迁移脚本 missing: {MIGRATIONS_DIR}")
    versions = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
    _check(bool(versions), f"缺少数据库迁移版本 no migrations in {MIGRATIONS_DIR / 'versions'}")
    return f"{res}，迁移脚本 {len(versions)} 个 migrations"


def open_database(t: SelfTest) -> str:
    from desktop.models.database import current_revision, head_revision
    from desktop.services.workspace import Workspace

    ws = Workspace.open(t.root / "data")
    ws.author = "自检"
    t.state["ws"] = ws
    current, head = current_revision(ws.db.engine), head_revision()
    _check(current == head, f"数据库版本 {current} 不是最新 {head} (schema not at head)")
    return f"数据库版本 schema {head}"


def import_sample(t: SelfTest) -> str:
    from desktop.services import importing, ledger
    from desktop.services.samples import SAMPLE_FILE

    ws = t.state["ws"]
    outcome = importing.import_file(ws, config.resources_dir() / "samples" / SAMPLE_FILE)
    plans = ledger.list_plans(ws.db)
    _check(len(plans) == 1, f"应有 1 个计划，实际 {len(plans)} (expected 1 plan)")
    _check(outcome.measure_count > 10, f"措施过少 too few measures: {outcome.measure_count}")
    t.state["plan_id"] = plans[0].id
    return f"《{plans[0].title}》{outcome.measure_count} 项措施 measures"


def record_progress(t: SelfTest) -> str:
    from desktop.domain import Quarter, Status
    from desktop.services import ledger, progress

    ws = t.state["ws"]
    quarter = Quarter.of(date.today())
    rows = ledger.list_measures(ws.db, t.state["plan_id"], quarter)
    measure_id = rows[0].id
    progress.set_status(ws, measure_id, Status.IN_PROGRESS)
    changed = progress.save_progress(
        ws,
        measure_id,
        quarter,
        progress_text=PROGRESS_TEXT,
        problems="无。",
        next_steps="按期推进。",
    )
    _check(changed, "进展未保存 progress not saved")
    detail = ledger.measure_detail(ws.db, measure_id, quarter)
    saved = detail.progress.get(str(quarter))
    _check(
        saved is not None and saved.progress_text == PROGRESS_TEXT,
        "读回的进展与写入的不一致 progress read back differs",
    )
    _check(detail.row.status == Status.IN_PROGRESS, "状态未更新 status not updated")
    t.state.update(measure_id=measure_id, quarter=quarter)
    return f"措施 measure {rows[0].number} {quarter.label}"


def attach_evidence(t: SelfTest) -> str:
    from desktop.services import evidence
    from desktop.storage.evidence_store import sha256_of

    ws = t.state["ws"]
    source = t.root / "自检佐证材料.txt"
    source.write_text(EVIDENCE_TEXT, encoding="utf-8")
    evidence_id = evidence.attach(
        ws, t.state["measure_id"], source, quarter=t.state["quarter"], description="自检"
    )
    stored = evidence.file_path(ws, evidence_id)
    _check(sha256_of(stored) == sha256_of(source), "存储的文件与原文件不一致 stored copy differs")
    return f"{source.name} → {stored.relative_to(ws.paths.root)}"


def write_report(t: SelfTest) -> str:
    from desktop.services import reporting

    ws = t.state["ws"]
    out = ws.paths.reports / "自检报告.pdf"
    pages = reporting.write_pdf_report(ws, t.state["quarter"], out, [t.state["plan_id"]])
    _check(out.is_file() and out.stat().st_size > 0, f"报告文件未生成 no PDF at {out}")
    _check(pages > 0, "报告没有页面 report has no pages")
    t.state["pdf"] = out
    return f"{pages} 页 pages，{out.stat().st_size // 1024} KB"


def check_pdf(t: SelfTest) -> str:
    from pypdf import PdfReader

    reader = PdfReader(t.state["pdf"])
    fonts = pdf_fonts(reader)
    not_embedded = sorted(name for name, embedded in fonts.items() if not embedded)
    embedded = sorted({name.split("+")[-1] for name, ok in fonts.items() if ok})
    _check(bool(embedded), "报告中没有嵌入任何字体 no embedded font in the PDF")
    _check(
        not [n for n in not_embedded if n.split("+")[-1] not in BASE14],
        f"以下字体未嵌入 fonts not embedded: {', '.join(not_embedded)}",
    )
    text = "".join(page.extract_text() or "" for page in reader.pages)
    compact = "".join(text.split())
    for expected in (PROGRESS_TEXT, t.state["quarter"].label):
        _check(
            "".join(expected.split()) in compact,
            f"报告中找不到文字 text missing from the PDF: {expected}",
        )
    return f"嵌入字体 embedded: {', '.join(embedded)}"


def pdf_fonts(reader: Any) -> dict[str, bool]:
    """Every font the pages use, by base name, and whether its program is embedded."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else {}
        font_dict = resources.get("/Font")
        if font_dict is None:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descendant = font["/DescendantFonts"].get_object()[0].get_object()
                descriptor = descendant.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            has_program = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[name] = fonts.get(name, False) or has_program
    return fonts


def open_window(t: SelfTest) -> str:
    ws = t.state.pop("ws")
    ws.close()
    from desktop.app import create_app, load_fonts, start

    app = create_app([sys.argv[0] if sys.argv else "LuoshiLedger"])
    family = load_fonts(app)
    _check(family is not None, "无法加载内置中文字体 bundled CJK font did not load")
    session = start(t.root / "data")
    _check(session is not None, "主窗口未能打开 main window did not open")
    assert session is not None
    try:
        # Qt's own Chinese strings (qtbase_zh_CN.qm) translate the standard buttons.
        cancel = app.translate("QPlatformTheme", "Cancel")
        _check(cancel == "取消", f"Qt 中文翻译未加载 qtbase_zh_CN not loaded ({cancel!r})")
        window = session.window
        app.processEvents()
        _check(APP_TITLE in window.windowTitle(), f"窗口标题不对 title: {window.windowTitle()!r}")
        _check(window.plan_model.rowCount() >= 1, "窗口中没有计划 no plan in the window")
        picture = window.grab()
        _check(not picture.isNull(), "窗口无法绘制 window could not be drawn")
        platform_name = app.platformName()
    finally:
        session.close()
    return f"{window.windowTitle()}（{platform_name}，字体 font {family}）"


def check_platform_plugin() -> str:
    """In a bundle, the native platform plugin must be there too (the test itself runs offscreen)."""
    plugin = {"win32": "qwindows.dll", "darwin": "libqcocoa.dylib"}.get(sys.platform, "libqxcb.so")
    if not getattr(sys, "frozen", False):
        return "从源代码运行，跳过 running from source, skipped"
    found = list(Path(getattr(sys, "_MEIPASS", config.app_dir())).rglob(plugin))
    _check(bool(found), f"程序包中缺少 Qt 平台插件 missing Qt platform plugin {plugin}")
    return plugin


# --- entry point ---------------------------------------------------------------------------


def run(out: TextIO | None = None, keep: bool = False) -> int:
    """Run every step on a new temporary data directory; 0 when all pass."""
    out = out or _console()
    use_offscreen_qt()
    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="luoshi-selftest-"))
    frozen = "程序包 bundle" if getattr(sys, "frozen", False) else "源代码 source"
    print(f"{APP_TITLE} 自检 / Luoshi Ledger self-test {__version__}", file=out)
    print(
        f"  {frozen}; Python {platform.python_version()}; {platform.platform()}; "
        f"程序目录 program: {config.app_dir()}",
        file=out,
    )
    print(f"  临时数据目录 temporary data directory: {root}", file=out, flush=True)
    t = SelfTest(root, out)
    steps: list[tuple[str, Callable[[], str]]] = [
        ("资源文件 resources", check_resources),
        ("Qt 平台插件 Qt platform plugin", check_platform_plugin),
        ("数据库 database", lambda: open_database(t)),
        ("导入示例 import sample", lambda: import_sample(t)),
        ("记录进展 record progress", lambda: record_progress(t)),
        ("添加佐证材料 attach evidence", lambda: attach_evidence(t)),
        ("生成报告 write PDF report", lambda: write_report(t)),
        ("检查报告字体和文字 check PDF fonts and text", lambda: check_pdf(t)),
        ("打开主窗口 open main window", lambda: open_window(t)),
    ]
    ok = True
    for title, fn in steps:
        if not t.step(title, fn):
            ok = False
            break
    ws = t.state.pop("ws", None)
    if ws is not None:
        ws.close()
    seconds = time.perf_counter() - started
    passed = sum(s.passed for s in t.steps)
    if ok:
        print(f"自检通过 / Self-test passed: {passed}/{len(steps)}，{seconds:.1f} s", file=out)
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
        return 0
    failed = t.steps[-1]
    print(
        f"自检失败 / Self-test FAILED at “{failed.title}”: {failed.detail}\n"
        f"  临时数据保留在 / files kept in: {root}",
        file=out,
        flush=True,
    )
    return 1


def _console() -> TextIO:
    """stdout, never failing on a character the console's code page lacks; a log file when the
    program has no console at all (the windowed LuoshiLedger.exe; use LuoshiLedger-cli.exe)."""
    stream = sys.stdout
    if stream is None:
        log = Path(tempfile.gettempdir()) / "luoshi-selftest.log"
        return log.open("w", encoding="utf-8")  # kept open until the process ends
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    return stream


def main() -> int:
    return run()
