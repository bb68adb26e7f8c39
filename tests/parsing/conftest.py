"""Prints the parser's gold-file figures at the end of every run that includes tests/parsing."""

from __future__ import annotations

from typing import Any

from tests.parsing import gold_eval


def pytest_terminal_summary(terminalreporter: Any) -> None:
    try:
        scores = [gold_eval.score(p) for p in gold_eval.gold_files()]
    except Exception as exc:  # the summary must never hide the real test results
        terminalreporter.write_line(f"parser gold figures unavailable: {exc!r}")
        return
    terminalreporter.section("parser accuracy on gold files")
    for line in gold_eval.table(scores, totals=True).splitlines():
        terminalreporter.write_line(line)
