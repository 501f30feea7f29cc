"""Keep the gold test parts out of a corpus study sample.

The hand check reads random events of a coded corpus (``../shared/tools/sample_events.py``).
The modern gold (bench/gold/modern.jsonl) was drawn from the same corpora, so a sample read to
find errors and write rules may show a sentence of the gold's test part, which must never be
studied. This script writes the event records of a coded corpus without those whose sentence
is a test-part sentence of a gold file; sample the result when studying. A judged sample (the
figure reported in docs/accuracy.md) reads the whole corpus and writes no rules.

    python bench/study_events.py EVENTS.jsonl -o STUDY.jsonl [--gold FILE ...]
    python ../shared/tools/sample_events.py STUDY.jsonl 30 SEED
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.evaluate import HeldOut

REPO = Path(__file__).resolve().parents[1]
GOLD = [REPO / "bench" / "gold" / "modern.jsonl",
        REPO.parent / "shared" / "data" / "plover" / "gsr_dev.jsonl"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=Path, help="JSONL written by `eventwire code`")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--gold", type=Path, nargs="*", default=None,
                        help="gold files whose test parts are left out (default: modern and "
                             "the PLOVER gold standard, where present)")
    args = parser.parse_args()
    held_out = HeldOut(p for p in (args.gold or GOLD) if p.is_file())
    kept = dropped = 0
    with args.events.open(encoding="utf-8") as lines, \
            args.output.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            if record.get("text") and record["text"] in held_out:
                dropped += 1
                continue
            out.write(line)
            kept += 1
    print(f"{kept} records kept, {dropped} left out as gold test sentences")


if __name__ == "__main__":
    main()
