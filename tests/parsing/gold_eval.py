"""Compare parser output with hand-checked gold files: recall, precision, lead units, deadlines."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.parsing import parse_text, to_json
from desktop.readers import read_file

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD_DIRS = [DATA / "gold", DATA / "parser_corpus"]


@dataclass
class Score:
    name: str
    gold_measures: int
    predicted: int
    matched: int
    lead_exact: int
    responsible_exact: int
    deadline_exact: int
    deadlines_exact: int
    docs_gold: int
    docs_ok: int
    title_exact: int = 0
    title_gold: int = 0  # matched measures whose gold names a title (older gold leaves it "")
    origin: str = "samples"

    @property
    def recall(self) -> float:
        return self.matched / self.gold_measures if self.gold_measures else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    def rate(self, n: int) -> float:
        return n / self.matched if self.matched else 1.0

    @property
    def title_rate(self) -> str:
        return f"{self.title_exact / self.title_gold:>7.1%}" if self.title_gold else f"{'–':>7}"


def gold_files() -> list[Path]:
    return sorted(p for d in GOLD_DIRS for p in d.glob("*.json"))


def source_of(gold_path: Path, gold: dict[str, Any]) -> Path:
    name = gold["source"]
    for base in (gold_path.parent, DATA, DATA / "parser_corpus"):
        if (base / name).exists():
            return base / name
    raise FileNotFoundError(name)


def _doc_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return all(gold[k] == pred[k] for k in ("title", "doc_number", "issuer", "date"))


def score(gold_path: Path) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    read = read_file(source_of(gold_path, gold))
    pred = to_json(parse_text(read.text, tables=read.tables))
    s = Score(gold_path.stem, 0, 0, 0, 0, 0, 0, 0, len(gold["documents"]), 0)
    s.origin = gold.get("_origin", "samples")
    s.predicted = sum(len(d["measures"]) for d in pred["documents"])
    for k, gdoc in enumerate(gold["documents"]):
        s.gold_measures += len(gdoc["measures"])
        if k >= len(pred["documents"]):
            continue
        pdoc = pred["documents"][k]
        if _doc_ok(gdoc, pdoc) and len(gold["documents"]) == len(pred["documents"]):
            s.docs_ok += 1
        by_path = {tuple(m["path"]): m for m in pdoc["measures"]}
        for gm in gdoc["measures"]:
            pm = by_path.get(tuple(gm["path"]))
            if pm is None or not pm["text"].startswith(gm["text"][:12]):
                continue
            s.matched += 1
            s.lead_exact += pm["lead_units"] == gm["lead_units"]
            s.responsible_exact += pm["responsible_units"] == gm["responsible_units"]
            s.deadline_exact += (pm["deadline"], pm["long_term"]) == (
                gm["deadline"],
                gm["long_term"],
            )
            s.deadlines_exact += pm["deadlines"] == gm["deadlines"]
            if gm["title"]:
                s.title_gold += 1
                s.title_exact += pm["title"] == gm["title"]
    return s


# Where each gold file comes from: the four samples (gold drafted from parser output, then
# checked), documents the parser's author wrote, and the auditor's documents (gold written before
# any parser run: 'audit-blind'; or after probing, aimed at bugs found: 'audit-probed').
ORIGINS = ("samples", "corpus", "audit-blind", "audit-probed")


def total(scores: list[Score], name: str) -> Score:
    t = Score(name, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    for s in scores:
        for f in (
            "gold_measures",
            "predicted",
            "matched",
            "lead_exact",
            "responsible_exact",
            "deadline_exact",
            "deadlines_exact",
            "docs_gold",
            "docs_ok",
            "title_exact",
            "title_gold",
        ):
            setattr(t, f, getattr(t, f) + getattr(s, f))
    return t


def _row(s: Score) -> str:
    return (
        f"{s.name[:33]:<34}{f'{s.docs_ok}/{s.docs_gold}':>7}{s.gold_measures:>6}{s.predicted:>6}"
        f"{s.recall:>8.1%}{s.precision:>7.1%}{s.rate(s.lead_exact):>7.1%}"
        f"{s.rate(s.responsible_exact):>7.1%}{s.rate(s.deadline_exact):>7.1%}"
        f"{s.rate(s.deadlines_exact):>7.1%}{s.title_rate}"
    )


def table(scores: list[Score], *, totals: bool = False) -> str:
    head = (
        f"{'file':<34}{'docs':>7}{'gold':>6}{'pred':>6}{'recall':>8}{'prec':>7}{'lead':>7}"
        f"{'resp':>7}{'ddl':>7}{'ddls':>7}{'title':>7}"
    )
    rows = [head, "-" * len(head)]
    rows += [_row(s) for s in scores]
    if totals:
        rows.append("-" * len(head))
        for origin in ORIGINS:
            group = [s for s in scores if s.origin == origin]
            if group:
                rows.append(_row(total(group, f"TOTAL {origin} ({len(group)})")))
    return "\n".join(rows)


if __name__ == "__main__":
    print(table([score(p) for p in gold_files()], totals=True))
