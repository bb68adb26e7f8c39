"""An argparse parser that speaks Chinese: usage, help headings and the common error messages."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

TYPE_NAMES = {"int": "整数", "float": "数字", "Path": "路径"}
# Placeholders shown in usage lines for the options used across subcommands.
METAVARS = {
    "--quarter": "季度",
    "--plan": "计划编号",
    "--out": "文件",
    "--out-dir": "文件夹",
    "--unit": "单位",
    "--status": "状态",
    "--section": "部分",
    "--reason": "原因",
    "--sheet": "工作表",
    "--filter": "文字",
    "--limit": "条数",
    "--description": "说明",
    "--progress": "文字",
    "--problems": "文字",
    "--next": "文字",
}

# argparse's own messages (Python 3.11–3.13 wording), each with its Chinese form.
_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (re.compile(r"^argument 命令: invalid choice: (.+?) \(choose from (.+)\)$"), "没有命令 {0}。可用的命令：{1}"),
    (re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"), "参数 {0} 的值 {1} 无效，可选：{2}"),
    (re.compile(r"^argument (.+?): invalid (\w+) value: (.+)$"), "参数 {0} 的值 {2} 无效，应为{1}"),
    (re.compile(r"^argument (.+?): expected one argument$"), "参数 {0} 后面缺少它的值"),
    (re.compile(r"^argument (.+?): expected at least one argument$"), "参数 {0} 后面至少需要一个值"),
    (re.compile(r"^argument (.+?): expected at most one argument$"), "参数 {0} 后面最多只能有一个值"),
    (re.compile(r"^argument (.+?): expected (\d+) arguments?$"), "参数 {0} 后面需要 {1} 个值"),
    (re.compile(r"^argument (.+?): not allowed with argument (.+)$"), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"^argument (.+?): ignored explicit argument (.+)$"), "参数 {0} 不接受值 {1}"),
    (re.compile(r"^one of the arguments (.+) is required$"), "必须给出以下参数之一：{0}"),
    (re.compile(r"^ambiguous option: (.+?) could match (.+)$"), "选项 {0} 不明确，可能是：{1}"),
]  # fmt: skip


def translate(message: str) -> str:
    """argparse's English error message in Chinese; unknown ones (already Chinese) unchanged."""
    for pattern, chinese in _TRANSLATIONS:
        m = pattern.match(message.strip())
        if m:
            parts = [_list(g) for g in m.groups()]
            if "应为{1}" in chinese:
                parts[1] = TYPE_NAMES.get(parts[1], parts[1])
            return chinese.format(*parts)
    return message


def _list(text: str) -> str:
    """'a', 'b' and a, b become a、b (the Chinese list separator)."""
    return "、".join(part.strip().strip("'") for part in text.split(", "))


class _ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """Errors in Chinese, on stderr, exit code 2; headings and -h in Chinese; subparsers alike."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示此帮助并退出")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # Input files are positional "file" arguments throughout; name them in Chinese.
        if args == ("file",):
            kwargs.setdefault("metavar", "文件")
            kwargs.setdefault("help", "输入文件的路径")
        elif args and args[-1] in METAVARS and kwargs.get("action") in (None, "store", "append"):
            kwargs.setdefault("metavar", METAVARS[args[-1]])
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            2,
            f"{self.prog}：错误：{translate(message).rstrip('。')}。运行 {self.prog} -h 查看用法。\n",
        )
