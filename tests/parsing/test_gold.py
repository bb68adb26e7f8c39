"""The parser against hand-checked gold files (tests/data/gold, tests/data/parser_corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.parsing import gold_eval


@pytest.mark.parametrize("gold_path", gold_eval.gold_files(), ids=lambda p: p.stem)
def test_gold(gold_path: Path) -> None:
    s = gold_eval.score(gold_path)
    print(gold_eval.table([s]))
    assert s.docs_ok == s.docs_gold, "document split or document fields differ"
    assert s.recall >= 0.97
    assert s.precision >= 0.97
    assert s.rate(s.lead_exact) >= 0.95
    assert s.rate(s.deadline_exact) >= 0.95
