"""Refresh the figures in docs/accuracy.md by scoring the coder on the gold file.

The table sits between two HTML comments in the page, so the prose around it
is kept and one command brings the numbers up to date:

    python bench/accuracy_report.py [--gold ../shared/data/plover/gsr_dev.jsonl]
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from eventwire.evaluate import evaluate, to_markdown

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "data" / "plover" / "gsr_dev.jsonl"
DOC = REPO / "docs" / "accuracy.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--doc", type=Path, default=DOC, help="page to update")
    parser.add_argument("--model", default=None, help="spaCy model package")
    args = parser.parse_args(argv)
    result = evaluate(args.gold, model=args.model)
    figures = (f"Measured {date.today().isoformat()} on `{args.gold.name}` with "
               f"{result['model']}; {result['skipped_lines']} gold lines skipped, "
               f"{result['failed_documents']} documents failed.\n\n{to_markdown(result)}")
    page = args.doc.read_text(encoding="utf-8")
    pattern = re.compile(f"{re.escape(START)}.*?{re.escape(END)}", re.DOTALL)
    if not pattern.search(page):
        sys.exit(f"{args.doc}: no {START} ... {END} block to replace")
    args.doc.write_text(pattern.sub(lambda _: f"{START}\n{figures}{END}", page),
                        encoding="utf-8")
    print(figures, end="")


if __name__ == "__main__":
    main()
