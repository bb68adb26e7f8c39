"""Entry point: the window by default, command-line subcommands otherwise (python main.py --help)."""

from __future__ import annotations

import sys
from pathlib import Path


def _has_subcommand(argv: list[str]) -> bool:
    """Whether anything but options (and the value of --data-dir) comes before the last word."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return True
    return False


def main() -> int:
    from desktop.cli import build_parser

    argv = sys.argv[1:]
    backup_file = None
    # A double-clicked backup (the Windows installer associates .lsbak): the window opens and
    # offers to restore it, showing what it holds; restoring stays the officer's choice.
    # `main.py restore FILE.lsbak` is the command line's and keeps its file.
    if argv and argv[-1].lower().endswith(".lsbak") and not _has_subcommand(argv[:-1]):
        backup_file = Path(argv[-1])
        argv = argv[:-1]
    args, _ = build_parser().parse_known_args(argv)
    gui = getattr(args, "command", None) is None and not args.self_test
    if gui and not {"-h", "--help", "--version"} & set(argv):
        from desktop.app import run_gui

        return run_gui(args.data_dir, backup_file)
    from desktop.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
