"""Command-line front end: the same use cases as the window, for scripting and tests."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from desktop import APP_TITLE, __version__, config, logfile
from desktop.cli_parser import ChineseArgumentParser
from desktop.domain import Quarter, Status
from desktop.models import DatabaseError
from desktop.parsing import ParseError, ParseResult, parse_text, to_json
from desktop.readers import ReadError, read_file
from desktop.readers.xlsx import ColumnMapping, is_workbook
from desktop.reports.options import ReportOptions
from desktop.services import importing, ledger, reporting
from desktop.services.errors import UserError
from desktop.services.workspace import Workspace
from desktop.storage.datalock import DataDirLocked


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog=config.command_name(),
        description=f"{APP_TITLE}：政策措施落实台账（无子命令时启动图形界面）",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="显示版本号并退出"
    )
    parser.add_argument("--data-dir", metavar="文件夹", help="数据目录（默认：当前用户的数据目录）")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：在临时数据目录中试运行导入、进展、佐证、报告和主窗口，然后退出",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("parse", help="解析文件并输出识别结果（不写入数据库）")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")

    p = sub.add_parser("import", help="导入政策文件或任务分解表")
    p.add_argument("file", type=Path)
    _add_workbook_options(p)

    sub.add_parser("list", help="列出已导入的计划及措施数")

    p = sub.add_parser("update", help="用新版本文件更新计划（保留进展和佐证材料）")
    p.add_argument("file", type=Path)
    p.add_argument("--plan", type=int, required=True, help="要更新的计划编号")
    p.add_argument("--yes", action="store_true", help="确认写入；不加时只显示比对结果")
    _add_workbook_options(p)

    p = sub.add_parser("versions", help="列出计划的各个版本（来源文件、导入时间、措施数）")
    p.add_argument("--plan", type=int, required=True, help="计划编号")

    p = sub.add_parser("archived", help="列出更新时删除（已归档）的措施及其进展记录")
    p.add_argument("--plan", type=int, required=True, help="计划编号")

    p = sub.add_parser("export", help="导出季度台账（Excel）")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--plan", type=int, action="append", help="计划编号，可重复；默认全部")
    p.add_argument("--out", type=Path, required=True, help="输出 .xlsx 文件")
    _add_today(p)

    p = sub.add_parser("fillin-export", help="为各责任单位生成进展填报表（Excel）")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--out-dir", type=Path, required=True, help="输出文件夹")
    p.add_argument("--unit", action="append", help="只为这些单位生成（可重复）；默认全部")
    p.add_argument("--plan", type=int, action="append", help="计划编号，可重复；默认全部")

    p = sub.add_parser("fillin-import", help="导入部门交回的填报表（先显示差异）")
    p.add_argument("file", type=Path)
    p.add_argument("--yes", action="store_true", help="确认写入无冲突的改动")
    p.add_argument(
        "--take-theirs", action="store_true", help="冲突处也采用部门填写的内容（默认保留现有内容）"
    )

    p = sub.add_parser("report", help="生成季度落实情况报告（PDF）")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--plan", type=int, action="append", help="计划编号，可重复；默认全部")
    p.add_argument(
        "--out", type=Path, required=True, help="输出文件：.pdf，或 .docx（可编辑的 Word 版）"
    )
    p.add_argument("--status", action="append", help="只含这些状态（可重复），如 推进中")
    p.add_argument("--unit", action="append", help="只含这些单位牵头或负责的措施（可重复）")
    p.add_argument("--section", action="append", help="只含这些部分（一级编号，如 一）")
    p.add_argument("--title-only", action="store_true", help="表中只列措施标题，不列全文")
    p.add_argument("--portrait", action="store_true", help="措施表用纵向页面（默认横向）")
    _add_today(p)

    p = sub.add_parser("notice", help="生成督办单（PDF）：各牵头单位的红灯和黄灯措施")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--plan", type=int, action="append", help="计划编号，可重复；默认全部")
    p.add_argument("--unit", action="append", help="只为这些单位生成（可重复）")
    p.add_argument("--out", type=Path, required=True, help="输出 PDF 文件")
    _add_today(p)

    # -- 定稿 (closing a quarter) --
    p = sub.add_parser("freeze", help="季度定稿：冻结该季度的进展和佐证材料，报告可原样重印")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--plan", type=int, action="append", help="计划编号，可重复；默认全部")
    p = sub.add_parser("unfreeze", help="撤销季度定稿（保留原定稿记录）")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--plan", type=int, required=True, help="计划编号")
    p.add_argument("--reason", required=True, help="撤销原因")
    p = sub.add_parser("snapshots", help="列出定稿记录")
    p.add_argument("--quarter", help="只列该季度，如 2023Q2")

    _add_safety_commands(sub)
    _add_progress_commands(sub)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式不正确：{text!r}，应写作如 2023-07-05") from None


def _add_today(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="按该日期出具（重印或核对用；默认今天）。往季按季度最后一天的状态统计",
    )


def _add_workbook_options(p: argparse.ArgumentParser) -> None:
    from desktop.readers.xlsx import FIELDS

    p.add_argument("--sheet", action="append", help="Excel：只读取这些工作表（可重复）")
    p.add_argument(
        "--header-row",
        type=int,
        metavar="行号",
        help="Excel：表头所在的行（没有认出表头时用；与 --sheet 一起指明工作表）",
    )
    p.add_argument(
        "--column",
        action="append",
        metavar="字段=列",
        help=(
            "Excel：指定列，如 lead_units=D 或 deadline=7（可重复；留空则不导入该字段）。"
            f"字段：{'、'.join(FIELDS)}"
        ),
    )
    p.add_argument("--year", type=int, help="Excel：没有写年份的时限（如“6月底前”）按这一年计")
    p.add_argument(
        "--quarter", help="Excel：表中的进展情况记入这个季度，如 2023Q2（默认按标题，否则本季度）"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from desktop.selftest import run

        return run()
    try:
        with _lock_if_writing(args):
            return _run(args)
    except (
        UserError,
        ReadError,
        ParseError,
        DatabaseError,
        DataDirLocked,
        config.DataDirError,
    ) as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into head and the like: not an error to report
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a file the command was given or writes, not caught nearer
        where = f"“{exc.filename}”" if exc.filename else ""
        print(f"错误：无法读写文件{where}：{config.os_reason(exc)}。", file=sys.stderr)
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
    logfile.start(config.resolve(args.data_dir).ensure())
    if args.command in SAFETY_COMMANDS:
        return _run_safety(args)
    if args.command in PROGRESS_COMMANDS:
        return _run_progress(args)
    ws = Workspace.open(args.data_dir)
    try:
        if args.command == "import":
            mapping = _workbook_mapping(ws, args, remember=True) if is_workbook(args.file) else None
            outcome = importing.import_preview(ws, importing.preview_file(args.file, mapping))
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
        if args.command == "update":
            return _update(ws, args)
        if args.command == "versions":
            return _versions(ws, args)
        if args.command == "archived":
            return _archived(ws, args)
        if args.command == "fillin-export":
            return _fillin_export(ws, args)
        if args.command == "fillin-import":
            return _fillin_import(ws, args)
        if args.command == "export":
            quarter = Quarter.parse(args.quarter)
            rows = reporting.write_ledger_xlsx(ws, quarter, args.out, args.plan, today=args.today)
            print(f"已导出台账：{args.out}（{rows} 项措施）")
            return 0
        if args.command == "report":
            quarter = Quarter.parse(args.quarter)
            only = reporting.ReportFilter(
                statuses=frozenset(Status.from_label(x) for x in args.status or []),
                units=frozenset(args.unit or []),
                sections=frozenset(args.section or []),
            )
            options = ReportOptions(
                full_text=not args.title_only, landscape_table=not args.portrait
            )
            pages = reporting.write_pdf_report(
                ws, quarter, args.out, args.plan, options=options, only=only, today=args.today
            )
            print(f"已生成报告：{args.out}" + (f"（{pages} 页）" if pages else ""))
            return 0
        if args.command in ("freeze", "unfreeze", "snapshots"):
            return _snapshots(ws, args)
        if args.command == "notice":
            quarter = Quarter.parse(args.quarter)
            pages = reporting.write_supervision_notice(
                ws, quarter, args.out, args.plan, today=args.today, units=args.unit
            )
            print(f"已生成督办单：{args.out}（{pages} 页）")
            return 0
    finally:
        ws.close()
    raise AssertionError(args.command)


def _parse(args: argparse.Namespace) -> int:
    if is_workbook(args.file):
        from desktop.readers.xlsx import read_task_list

        # A task list: the columns as detected (import shows and lets you change them).
        read = None
        result = read_task_list(args.file)
    else:
        read = read_file(args.file)
        result = parse_text(read.text, tables=read.tables)
        result.warnings[:0] = read.warnings
    if args.json:
        json.dump(
            to_json(result, encoding=read.encoding if read else None),
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return _parse_outcome(result)
    if read is not None and read.encoding:
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
    return _parse_outcome(result)


def _parse_outcome(result: ParseResult) -> int:
    """Warnings on stderr; non-zero when nothing was recognised (garbage, a scanned PDF…)."""
    for warning in result.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    if not any(doc.measures for doc in result.documents):
        print(
            "错误：没有从该文件中识别出任何措施，请确认这是政策文件或任务分解表。", file=sys.stderr
        )
        return 1
    return 0


# -- the data directory's lock, shared with the window --------------------------------------------


def _always(_args: argparse.Namespace) -> bool:
    return True


# Every command that writes to the data directory, with when it does. Each holds the directory's
# lock (the window's QLockFile) for its whole run, so a command never writes while the window has
# the directory open, and the window does not start while a command writes. A new subcommand
# must be listed here or in READ_ONLY_COMMANDS (a test checks).
WRITING_COMMANDS: dict[str, Callable[[argparse.Namespace], bool]] = {
    "import": _always,
    "update": lambda args: bool(args.yes),
    "fillin-import": lambda args: bool(args.yes),
    "freeze": _always,
    "unfreeze": _always,
    "backup": _always,
    "restore": _always,
    "status": _always,
    "progress": _always,
    "attach": _always,
}
READ_ONLY_COMMANDS = frozenset(
    {
        "parse",
        "list",
        "measures",
        "export",
        "fillin-export",
        "report",
        "notice",
        "snapshots",
        "versions",
        "archived",
        "verify",
        "audit",
    }
)


def _lock_if_writing(args: argparse.Namespace) -> contextlib.AbstractContextManager[None]:
    from desktop.storage.datalock import hold

    writes = WRITING_COMMANDS.get(args.command)
    if writes is None or not writes(args):
        return contextlib.nullcontext()
    return hold(config.resolve(args.data_dir).ensure().lock_file)


# -- backup, restore, verify, audit (the safety net) --------------------------------------------

SAFETY_COMMANDS = {"backup", "restore", "verify", "audit"}


def _add_safety_commands(sub: argparse._SubParsersAction[ChineseArgumentParser]) -> None:
    p = sub.add_parser("backup", help="备份全部数据（数据库和佐证材料）到一个 .lsbak 文件")
    p.add_argument("--out", type=Path, required=True, help="备份文件，如 D:/备份/台账.lsbak")
    p = sub.add_parser("restore", help="从 .lsbak 备份文件恢复（当前数据先自动备份）")
    p.add_argument("file", type=Path, metavar="备份文件", help="要恢复的 .lsbak 备份文件")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复（用于脚本）")
    sub.add_parser("verify", help="校验全部佐证材料文件和数据库是否完好")
    p = sub.add_parser("audit", help="查看或导出操作日志")
    p.add_argument("--out", type=Path, help="导出为 CSV 文件（Excel 可直接打开）")
    p.add_argument("--filter", default="", help="只列出含有该文字的记录")
    p.add_argument("--limit", type=int, default=50, help="不导出时最多显示的条数（默认 50）")


def _run_safety(args: argparse.Namespace) -> int:
    from desktop.services import auditlog, backup, verify

    paths = config.resolve(args.data_dir)
    if args.command == "restore":
        return _restore(args, paths)
    if args.command == "backup":
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


def _restore(args: argparse.Namespace, paths: config.DataPaths) -> int:
    """Show what the archive holds, ask (or take --yes), restore, say what it could not bring back."""
    from desktop.services import backup

    info = backup.describe_backup(args.file)
    print("\n".join(info.lines()))
    if not args.yes:
        question = (
            f"恢复将用该备份替换数据目录 {paths.root} 中的全部数据"
            "（当前数据会先自动备份到其中的 backups 文件夹）。"
        )
        if not sys.stdin.isatty():
            raise UserError(
                question + "没有在终端中运行，无法询问确认：确认无误后加 --yes 重新运行。"
            )
        answer = input(question + "确定恢复吗？[y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("已取消恢复，数据未改变。", file=sys.stderr)
            return 1
    result = backup.restore_backup(paths.root, args.file, progress=_progress_printer())
    if result.previous_backup is not None:
        print(f"原有数据已备份到：{result.previous_backup}")
    print(f"已恢复备份，补回佐证材料文件 {result.evidence_written} 个。")
    if result.info.has_problems:
        print(
            "提示：备份时已有佐证材料缺失或改变，这些文件未能恢复（见上方清单）。", file=sys.stderr
        )
    return 0


# -- measures, status, progress, evidence (step 3 of the walking skeleton) ------------------------

PROGRESS_COMMANDS = {"measures", "status", "progress", "attach"}


def _add_progress_commands(sub: argparse._SubParsersAction[ChineseArgumentParser]) -> None:
    p = sub.add_parser(
        "measures", help="列出措施及其编号、状态（供 status、progress、attach 使用）"
    )
    p.add_argument("--plan", type=int, help="只列该计划的措施（计划编号见 list）")
    p.add_argument("--quarter", help="“本季进展”一栏按该季度，如 2023Q2（默认：本季度）")
    p = sub.add_parser("status", help="设置措施的状态")
    p.add_argument("measure_id", type=int, metavar="措施编号", help="措施编号（见 measures）")
    p.add_argument("status", metavar="状态", help="、".join(s.label for s in Status))
    p = sub.add_parser("progress", help="填写措施某季度的进展情况、存在问题、下步打算")
    p.add_argument("measure_id", type=int, metavar="措施编号", help="措施编号（见 measures）")
    p.add_argument("--quarter", required=True, help="季度，如 2023Q2")
    p.add_argument("--progress", help="进展情况（不给出则保留原有内容）")
    p.add_argument("--problems", help="存在问题（不给出则保留原有内容）")
    p.add_argument("--next", help="下步打算（不给出则保留原有内容）")
    p = sub.add_parser("attach", help="添加佐证材料：文件复制到数据目录（之后原文件可删除）")
    p.add_argument("measure_id", type=int, metavar="措施编号", help="措施编号（见 measures）")
    p.add_argument("file", type=Path, metavar="文件", help="佐证材料文件")
    p.add_argument("--description", default="", help="材料说明")
    p.add_argument("--quarter", help="所属季度，如 2023Q2（可不填）")


def _run_progress(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop.services import evidence, progress, settings

    ws = Workspace.open(args.data_dir)
    try:
        if args.command == "measures":
            default = settings.get(ws.db, "default_quarter")
            quarter = Quarter.parse(args.quarter or default or str(Quarter.of(date.today())))
            rows = ledger.list_measures(ws.db, args.plan, quarter)
            if not rows:
                print("没有措施。" if args.plan is None else f"计划 {args.plan} 没有措施。")
            print(f"编号\t序号\t状态\t{quarter.label}进展\t佐证\t完成时限\t牵头单位\t措施")
            for r in rows:
                state = r.status.label + ("（逾期）" if r.overdue else "")
                when = "长期" if r.long_term else (r.deadline_text or "—")
                print(
                    f"{r.id}\t{r.number}\t{state}\t{'已填' if r.has_progress else '—'}\t"
                    f"{r.evidence_count}\t{when}\t{'、'.join(r.lead_units) or '—'}\t{r.title}"
                )
            return 0
        if args.command == "status":
            new = Status.from_label(args.status)
            old = progress.set_status(ws, args.measure_id, new)
            if old == new:
                print(f"措施 {args.measure_id} 的状态已是“{new.label}”，未改动。")
            else:
                print(f"措施 {args.measure_id}：{old.label} → {new.label}")
            return 0
        if args.command == "progress":
            quarter = Quarter.parse(args.quarter)
            current = _progress_texts(ws, args.measure_id, quarter)
            texts = {
                "progress_text": current[0] if args.progress is None else args.progress,
                "problems": current[1] if args.problems is None else args.problems,
                "next_steps": current[2] if args.next is None else args.next,
            }
            changed = progress.save_progress(ws, args.measure_id, quarter, **texts)
            print(
                f"已保存措施 {args.measure_id} {quarter.label}的进展。"
                if changed
                else f"措施 {args.measure_id} {quarter.label}的进展没有变化，未改动。"
            )
            return 0
        of_quarter = Quarter.parse(args.quarter) if args.quarter else None
        evidence_id = evidence.attach(
            ws, args.measure_id, args.file, quarter=of_quarter, description=args.description
        )
        stored = evidence.file_path(ws, evidence_id)
        print(
            f"已添加佐证材料“{args.file.name}”到措施 {args.measure_id}"
            f"（材料编号 {evidence_id}，已复制到 {stored}，原文件可删除）。"
        )
        return 0
    finally:
        ws.close()


def _progress_texts(ws: Workspace, measure_id: int, quarter: Quarter) -> tuple[str, str, str]:
    """The quarter's three texts as stored, so an option left out keeps what is there."""
    try:
        detail = ledger.measure_detail(ws.db, measure_id, quarter)
    except LookupError:
        raise UserError(
            f"找不到编号为 {measure_id} 的措施。请用 measures 命令查看措施编号。"
        ) from None
    info = detail.progress.get(str(quarter))
    if info is None:
        return "", "", ""
    return info.progress_text, info.problems, info.next_steps


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


def _update(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.parsing.matching import MatchKind
    from desktop.services import updating

    mappings = _workbook_mapping(ws, args) if is_workbook(args.file) else None
    proposal = updating.propose_update(ws, args.plan, args.file, mappings)
    labels = {
        MatchKind.UNCHANGED: "未变",
        MatchKind.CHANGED: "修改",
        MatchKind.MOVED: "移动",
        MatchKind.ADDED: "新增",
        MatchKind.REMOVED: "删除",
    }
    counts = proposal.counts()
    print(
        f"《{proposal.plan_title}》第 {proposal.old_version} 版 → 新版本："
        + "，".join(f"{labels[k]} {counts[k]} 项" for k in MatchKind)
    )
    for fact in proposal.facts:
        print(f"  [计划{fact.label}] {fact.old} → {fact.new}")
    for m in proposal.result.matches:
        if m.kind is MatchKind.UNCHANGED:
            continue
        old = f"{m.old.number} {m.old.title}" if m.old else "—"
        new = f"{m.new.number} {m.new.title}" if m.new else "—"
        kind = labels[m.kind] + ("、移动" if m.kind is MatchKind.CHANGED and m.moved else "")
        print(f"  [{kind}] {old} → {new}")
        for change in m.changes:
            if change.field == "text":
                print(f"      {change.label}：{_diff_text(m.diff)}")
            else:
                print(f"      {change.label}：{change.old} → {change.new}")
    if not args.yes:
        print("未写入。确认无误后加 --yes 重新运行。")
        return 0
    outcome = updating.apply_update(ws, proposal)
    print(
        f"已更新为第 {outcome.version} 版：保留 {outcome.kept} 项，新增 {outcome.added} 项，"
        f"归档 {outcome.archived} 项。"
    )
    for warning in outcome.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    return 0


def _diff_text(diff: Sequence[tuple[str, str]], limit: int = 160) -> str:
    """Wording changes in plain text: [-deleted-] and [+inserted+] around the kept words."""
    parts = []
    for op, text in diff:
        if op == "delete":
            parts.append(f"[-{text}-]")
        elif op == "insert":
            parts.append(f"[+{text}+]")
        else:
            parts.append(text if len(text) <= 24 else f"{text[:10]}…{text[-10:]}")
    out = "".join(parts)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def _versions(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.services import updating

    for v in updating.plan_versions(ws, args.plan):
        counts = f"{v.measures} 项" if v.measures is not None else "—"
        if v.kept is not None:
            counts += f"（保留 {v.kept}，新增 {v.added}，归档 {v.archived}）"
        mark = "  当前" if v.current else ""
        print(
            f"第 {v.version} 版\t{v.imported_at.astimezone():%Y-%m-%d %H:%M}\t{v.author or '—'}\t"
            f"{counts}\t{v.source_name}{mark}"
        )
    return 0


def _archived(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.services import updating

    gone = updating.archived_measures(ws, args.plan)
    if not gone:
        print("该计划没有已归档的措施。")
        return 0
    print(f"已归档的措施 {len(gone)} 项（更新时被新版本删除，进展和佐证材料都保留着）：")
    for a in gone:
        since = f"第 {a.last_version} 版后删除" if a.last_version else "已删除"
        when = f"，{a.archived_at.astimezone():%Y-%m-%d}" if a.archived_at else ""
        where = f"  〔{' / '.join(a.sections)}〕" if a.sections else ""
        print(f"{a.id}\t{a.number} {a.title}{where}\t{since}{when}\t佐证 {a.evidence_count} 份")
        for p in a.progress:
            text = p.progress or "（无进展文字）"
            print(f"    {p.quarter} {Status(p.status).label}：{text}")
    return 0


def _workbook_mapping(
    ws: Workspace, args: argparse.Namespace, remember: bool = False
) -> dict[str, ColumnMapping]:
    """The detected (or remembered) columns with --sheet, --header-row, --column, --year and
    --quarter applied; printed. Columns the officer gave are remembered for the same header."""
    from desktop.services import tasklists

    choice = tasklists.choose_mappings(
        ws.db,
        args.file,
        sheets=args.sheet,
        header_row=args.header_row,
        columns=args.column or [],
        year=args.year,
        quarter=Quarter.parse(args.quarter) if args.quarter else None,
    )
    for line in tasklists.describe(choice):
        print(line)
    if remember and (args.column or args.header_row is not None):
        tasklists.remember(ws.db, choice.mappings, ws.author)
        print("已记住这一列设置：同样表头的表格下次（包括导入新版本时）自动使用。")
    return choice.mappings


def _fillin_export(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.services import fillin

    written = fillin.export_workbooks(
        ws, Quarter.parse(args.quarter), args.out_dir, args.unit, args.plan
    )
    for unit, path, rows in written:
        print(f"{unit}\t{rows} 项\t{path}")
    print(f"共生成 {len(written)} 个填报表。")
    return 0


def _fillin_import(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.services import fillin

    review = fillin.review(ws, args.file)
    book = review.workbook
    print(
        f"{book.unit} {book.quarter} 填报表：改动 {len(review.diff.changes)} 处，"
        f"冲突 {len(review.diff.conflicts)} 处，未变 {len(review.diff.unchanged)} 项。"
    )
    for change in review.diff.changes:
        print(
            f"  [改动] {review.titles.get(change.measure_id, change.measure_id)} "
            f"{fillin.FIELD_NAMES[change.field]}：{fillin.field_value(change, change.incoming)}"
        )
    for change in review.diff.conflicts:
        current = fillin.field_value(change, change.current)
        incoming = fillin.field_value(change, change.incoming)
        print(
            f"  [冲突] {review.titles.get(change.measure_id, change.measure_id)} "
            f"{fillin.FIELD_NAMES[change.field]}：现有“{current}”，部门填写“{incoming}”"
        )
    for warning in book.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    for measure_id in review.diff.unknown_ids:
        print(f"  [忽略] 编号 {measure_id} 的措施已不存在")
    if not args.yes:
        print("未写入。确认无误后加 --yes 重新运行（冲突默认保留现有内容）。")
        return 0
    take = (
        {(c.measure_id, c.field): True for c in review.diff.conflicts} if args.take_theirs else {}
    )
    written = fillin.apply(ws, review, take)
    print(f"已写入 {written} 处，填报人记为“{review.author}”。")
    return 0


def _snapshots(ws: Workspace, args: argparse.Namespace) -> int:
    from desktop.services import snapshots

    if args.command == "freeze":
        quarter = Quarter.parse(args.quarter)
        for info in snapshots.freeze_quarter(ws, quarter, args.plan):
            print(
                f"已定稿：{quarter.label}《{info.plan_title}》，{info.measure_count} 项措施，"
                f"定稿编号 #{info.id}，摘要 {info.content_sha256[:12]}"
            )
        return 0
    if args.command == "unfreeze":
        quarter = Quarter.parse(args.quarter)
        info = snapshots.unfreeze_quarter(ws, quarter, args.plan, args.reason)
        print(f"已撤销定稿：{quarter.label}《{info.plan_title}》（原定稿 #{info.id} 已保留）")
        return 0
    only = Quarter.parse(args.quarter) if args.quarter else None
    listed = snapshots.list_snapshots(ws, only)
    if not listed:
        print("还没有定稿记录。")
    for info in listed:
        state = "有效" if info.active else f"已撤销（{info.superseded_reason}）"
        print(
            f"#{info.id}\t{info.quarter}\t{info.plan_id or '—'}\t"
            f"{info.created_at.astimezone():%Y-%m-%d %H:%M}\t{info.author}\t"
            f"{info.content_sha256[:12]}\t{state}\t{info.plan_title}"
        )
    for q, version in snapshots.combined_versions(ws, only):
        print(f"{q}\t全部计划合并打印时页脚为：{version}")
    return 0
