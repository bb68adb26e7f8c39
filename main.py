"""Entry point: the window by default, command-line subcommands otherwise (python main.py --help)."""

from __future__ import annotations

import sys


def main() -> int:
    from desktop.cli import build_parser

    argv = sys.argv[1:]
    if len(argv) == 1 and argv[0].lower().endswith(".lsbak"):
        # A double-clicked backup (the Windows installer associates .lsbak) opens the window;
        # restoring from it stays a choice the officer makes in the window.
        argv = []
    args, _ = build_parser().parse_known_args(argv)
    gui = getattr(args, "command", None) is None and not args.self_test
    if gui and not {"-h", "--help", "--version"} & set(argv):
        from desktop.app import run_gui

        return run_gui(args.data_dir)
    from desktop.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
