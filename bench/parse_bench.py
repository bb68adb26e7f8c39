"""Parser speed on every sample and corpus file, against a same-run baseline of reading and splitting.

Run from the repository root: python bench/parse_bench.py [--repeat N]
Prints per-file times (best of N), the total, the baseline and the ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.parsing import parse_text  # noqa: E402
from desktop.readers import read_file  # noqa: E402

DATA = ROOT / "tests" / "data"


def files() -> list[Path]:
    corpus = DATA / "parser_corpus"
    found = sorted(DATA.glob("*.txt")) + sorted(corpus.glob("*.txt"))
    return found + sorted(corpus.glob("*.docx")) + sorted(corpus.glob("*.pdf"))


def best(fn: object, repeat: int) -> float:
    assert callable(fn)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    total_parse = total_base = total_only = 0.0
    print(
        f"{'file':<40}{'chars':>8}{'measures':>10}{'baseline ms':>13}{'read+parse ms':>15}"
        f"{'parse ms':>10}"
    )
    for path in files():
        read = read_file(path)
        result = parse_text(read.text, tables=read.tables)

        def baseline(path: Path = path) -> None:
            path.read_bytes().decode("utf-8", errors="replace").splitlines()

        def full(path: Path = path) -> None:
            r = read_file(path)
            parse_text(r.text, tables=r.tables)

        def only(read: object = read) -> None:
            parse_text(read.text, tables=read.tables)  # type: ignore[attr-defined]

        b = best(baseline, args.repeat)
        f = best(full, args.repeat)
        o = best(only, args.repeat)
        total_base += b
        total_parse += f
        total_only += o
        print(
            f"{path.name[:39]:<40}{len(read.text):>8}{result.measure_count:>10}{b * 1000:>13.2f}"
            f"{f * 1000:>15.2f}{o * 1000:>10.2f}"
        )
    print(f"\ntotal read+parse: {total_parse * 1000:.1f} ms (budget 1000 ms)")
    print(f"total parse only (text already read): {total_only * 1000:.1f} ms")
    print(f"baseline (read bytes, decode, split lines): {total_base * 1000:.2f} ms")
    print(f"ratio parse/baseline: {total_parse / total_base:.0f}x")


if __name__ == "__main__":
    main()
