"""Write a gold-file DRAFT from the parser's output; every field must then be checked by hand.

Usage: python tests/data/gold/draft_gold.py SOURCE OUT.json
The draft keeps only the opening of each measure's text (the gold compares text openings).
Corrections made after reading the document are listed in the gold file's "_checked" note.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.parsing import parse_text, to_json
from desktop.readers import read_file


def main() -> None:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    read = read_file(source)
    data = to_json(parse_text(read.text, tables=read.tables))
    for doc in data["documents"]:
        doc.pop("context", None)
        for m in doc["measures"]:
            m["text"] = m["text"][:24]
    data.pop("warnings", None)
    data = {"source": source.name, "_checked": "", **data}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
