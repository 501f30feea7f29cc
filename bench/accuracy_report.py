"""Refresh the figures in docs/accuracy.md: every gold file, dev and test part side by side.

Each gold file is split by ``eventwire.evaluate.part_of`` into a dev part, studied while
rules are written, and a test part that is only scored. The table shows both and the gap
(dev minus test); a large gap means the rules fit the dev sentences more than the kind of text.
The tables sit between two HTML comments in the page, so the prose around them is kept:

    python bench/accuracy_report.py [--shared ../shared] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.coder import Coder
from eventwire.evaluate import evaluate

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "accuracy.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
# (label, gold path, whether the path is under ../shared rather than the repo)
GOLDS = (
    ("modern news (bench/gold/modern.jsonl)", "bench/gold/modern.jsonl", False),
    ("PLOVER gold standard (gsr_dev.jsonl)", "data/plover/gsr_dev.jsonl", True),
)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def rows(result: dict[str, Any]) -> list[tuple[str, float | None]]:
    """(label, value) of the headline figures; None where the part has nothing to count."""
    precision = result["precision"]
    deciles = precision["by_confidence"]
    has_none = precision["no_event_sentences"] > 0
    return [
        ("sentences with an event", result["sentences"]),
        ("sentences with no event", precision["no_event_sentences"]),
        ("top-event type accuracy %", result["event_accuracy"]),
        ("some event of a gold type %", result["any_event_match"]),
        ("coverage (>= 1 event) %", result["coverage"]),
        ("macro F1 %", result["macro"]["f1"]),
        ("actor codes found %", result["actor"]["code_recall"]),
        ("actor code precision %", result["actor"]["code_precision"]),
        ("recipient codes found %", result["recipient"]["code_recall"]),
        ("recipient code precision %", result["recipient"]["code_precision"]),
        ("no-event sentences left clean %", precision["no_event_clean"] if has_none else None),
        ("event precision (all events) %", precision["event_precision"]),
        ("events per sentence", precision["events_per_sentence"]),
        ("precision, most confident tenth %", deciles[0]["precision"] if deciles else None),
        ("precision, least confident tenth %", deciles[-1]["precision"] if deciles else None),
    ]


def side_by_side(label: str, dev: dict[str, Any], test: dict[str, Any]) -> str:
    """One Markdown table: dev, test and the gap for each figure."""
    lines = [f"### {label}", "", "| figure | dev | test | gap (dev − test) |", "|---|---|---|---|"]
    for (name, d), (_, t) in zip(rows(dev), rows(test), strict=True):
        if d is None or t is None:
            lines.append(f"| {name} | – | – | – |")
        elif name.endswith("%"):
            lines.append(f"| {name} | {_pct(d)} | {_pct(t)} | {_pct(d - t)} |")
        elif isinstance(d, float):
            lines.append(f"| {name} | {d:.2f} | {t:.2f} | {d - t:+.2f} |")
        else:
            lines.append(f"| {name} | {d} | {t} | |")
    lines += ["", "Precision per confidence decile, test part (most confident tenth first): "
              + ", ".join(f"{_pct(b['precision'])}" for b in test["precision"]["by_confidence"])
              + ".", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--doc", type=Path, default=DOC, help="page to update")
    parser.add_argument("--model", default=None, help="spaCy model package")
    parser.add_argument("--json", type=Path, default=None, help="also write all results here")
    args = parser.parse_args(argv)
    coder = Coder(model=args.model)
    tables, everything = [], {}
    for label, relative, in_shared in GOLDS:
        path = (args.shared if in_shared else REPO) / relative
        if not path.is_file():
            print(f"skipped {label}: {path} not found", file=sys.stderr)
            continue
        parts = {part: evaluate(path, coder=coder, part=part) for part in ("dev", "test")}
        everything[relative] = {p: {k: v for k, v in r.items() if k != "errors"}
                                for p, r in parts.items()}
        tables.append(side_by_side(label, parts["dev"], parts["test"]))
    figures = (f"Measured {date.today().isoformat()} with {coder.model_name} by "
               f"`python bench/accuracy_report.py`.\n\n" + "\n".join(tables))
    page = args.doc.read_text(encoding="utf-8")
    pattern = re.compile(f"{re.escape(START)}.*?{re.escape(END)}", re.DOTALL)
    if not pattern.search(page):
        sys.exit(f"{args.doc}: no {START} ... {END} block to replace")
    args.doc.write_text(pattern.sub(lambda _: f"{START}\n{figures}{END}", page),
                        encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1), encoding="utf-8")
    print(figures, end="")


if __name__ == "__main__":
    main()
