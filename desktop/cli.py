"""Command-line front end: the same use cases as the window, for scripting and tests."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop import APP_TITLE, __version__
from desktop.domain import Quarter
from desktop.models import DatabaseError
from desktop.parsing import ParseError, parse_text, to_json
from desktop.readers import ReadError, read_file
from desktop.services import importing, ledger, reporting
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from desktop.storage.datalock import DataDirLocked


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=f"{APP_TITLE}：政策措施落实台账（无子命令时启动图形界面）",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认：当前用户的数据目录）")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("parse", help="解析文件并输出识别结果（不写入数据库）")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = sub.add_parser("import", help="导入政策文件或任务分解表")
    p.add_argument("file", type=Path)

    sub.add_parser("list", help="列出已导入的计划及措施数")

    p = sub.add_parser("report", help="生成季度落实情况报告（PDF）")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--plan", type=int, action="append", help="计划编号，可重复；默认全部")
    p.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")

    _add_safety_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except (UserError, ReadError, ParseError, DatabaseError, DataDirLocked) as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        return _parse(args)
    if args.command in SAFETY_COMMANDS:
        return _run_safety(args)
    if args.command == "import":
        _refuse_if_window_open(args)
    ws = Workspace.open(args.data_dir)
    try:
        if args.command == "import":
            outcome = importing.import_file(ws, args.file)
            print(f"已导入 {len(outcome.plan_ids)} 个计划，共 {outcome.measure_count} 项措施。")
            for title in outcome.skipped:
                print(f"跳过（未识别出措施）：{title}")
            for warning in outcome.warnings:
                print(f"提示：{warning}", file=sys.stderr)
            return 0
        if args.command == "list":
            plans = ledger.list_plans(ws.db)
            if not plans:
                print("还没有导入任何计划。")
            for p in plans:
                number = f"  {p.doc_number}" if p.doc_number else ""
                print(f"{p.id}\t{p.measure_count} 项\t{p.title}{number}")
            return 0
        if args.command == "report":
            quarter = Quarter.parse(args.quarter)
            pages = reporting.write_pdf_report(ws, quarter, args.out, args.plan)
            print(f"已生成报告：{args.out}（{pages} 页）")
            return 0
    finally:
        ws.close()
    raise AssertionError(args.command)


def _parse(args: argparse.Namespace) -> int:
    read = read_file(args.file)
    result = parse_text(read.text, tables=read.tables)
    result.warnings[:0] = read.warnings
    if args.json:
        json.dump(to_json(result), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if read.encoding:
        print(f"编码：{read.encoding}")
    for doc in result.documents:
        print(
            f"《{doc.title}》 {doc.doc_number or ''} {doc.issuer or ''} {doc.date or ''}".rstrip()
        )
        for m in doc.measures:
            lead = "、".join(m.lead_units) or "—"
            print(
                f"  {'/'.join(m.path)}  {m.title}  [牵头：{lead}]  {m.deadline_text or ''}".rstrip()
            )
    for warning in result.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    return 0


# -- backup, restore, verify, audit (the safety net) --------------------------------------------

SAFETY_COMMANDS = {"backup", "restore", "verify", "audit"}


def _add_safety_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="备份全部数据（数据库和佐证材料）到一个 .lsbak 文件")
    p.add_argument("--out", type=Path, required=True, help="备份文件，如 D:/备份/台账.lsbak")
    p = sub.add_parser("restore", help="从 .lsbak 备份文件恢复（当前数据先自动备份）")
    p.add_argument("file", type=Path)
    sub.add_parser("verify", help="校验全部佐证材料文件和数据库是否完好")
    p = sub.add_parser("audit", help="查看或导出操作日志")
    p.add_argument("--out", type=Path, help="导出为 CSV 文件（Excel 可直接打开）")
    p.add_argument("--filter", default="", help="只列出含有该文字的记录")
    p.add_argument("--limit", type=int, default=50, help="不导出时最多显示的条数（默认 50）")


def _refuse_if_window_open(args: argparse.Namespace) -> None:
    from desktop import config
    from desktop.storage.datalock import ensure_unlocked

    ensure_unlocked(config.resolve(args.data_dir).lock_file)


def _run_safety(args: argparse.Namespace) -> int:
    from desktop import config
    from desktop.services import auditlog, backup, verify
    from desktop.storage.datalock import hold

    paths = config.resolve(args.data_dir)
    if args.command == "restore":
        info = backup.describe_backup(args.file)
        print("\n".join(info.lines()))
        with hold(paths.ensure().lock_file):
            result = backup.restore_backup(paths.root, args.file, progress=_progress_printer())
        if result.previous_backup is not None:
            print(f"原有数据已备份到：{result.previous_backup}")
        print(f"已恢复备份，补回佐证材料文件 {result.evidence_written} 个。")
        return 0
    if args.command == "backup":
        with hold(paths.ensure().lock_file):
            ws = Workspace.open(paths.root)
            try:
                res = backup.create_backup(ws, args.out, progress=_progress_printer())
            finally:
                ws.close()
        size = res.path.stat().st_size / 1024 / 1024
        print(
            f"已备份到 {res.path}（{size:.1f} MB，佐证材料 {len(res.manifest.evidence)} 个文件），"
            "已重新打开校验无误。"
        )
        for warning in res.warnings:
            print(f"提示：{warning}", file=sys.stderr)
        return 0
    ws = Workspace.open(paths.root)
    try:
        if args.command == "verify":
            report = verify.verify_evidence(ws)
            print("\n".join(report.lines()))
            return 0 if report.ok else 3
        if args.out is not None:
            n = auditlog.export_csv(ws.db, args.out, args.filter)
            print(f"已导出 {n} 条操作记录到 {args.out}")
            return 0
        for entry in auditlog.list_entries(ws.db, args.filter, limit=args.limit):
            print("\t".join(entry.row()))
        return 0
    finally:
        ws.close()


def _progress_printer() -> Callable[[int, int], bool]:
    """Percent steps on stderr for long backups and restores (silent when not a terminal)."""
    shown = [-1]

    def report(done: int, total: int) -> bool:
        percent = 100 * done // max(total, 1)
        if sys.stderr.isatty() and percent // 10 != shown[0] // 10:
            shown[0] = percent
            print(f"  {percent}%", file=sys.stderr)
        return True

    return report
