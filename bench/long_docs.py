"""Cost of long documents: one document of 16 articles against 16 documents.

Codes the sample article 16 times over as one document (joined by blank
lines) and as 16 separate documents in one ``Coder.pipe`` run, and prints
both times and their ratio; with cost linear in length the ratio stays near 1.
Then times 30,000 CJK characters without a space, a text that once made a
normalisation pattern backtrack quadratically.

    python bench/long_docs.py [--copies 16] [--cjk 30000] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from eventwire.cli.demo import sample_text
from eventwire.coder import Coder
from eventwire.ingest import InputDoc

DATE = "2026-01-13"


def _timed(run: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def measure(copies: int, cjk: int, model: str | None) -> dict[str, Any]:
    """Time the long document, the separate ones and the CJK text."""
    coder = Coder(model=model)
    article = sample_text().strip()
    coder.code(article, date=DATE)  # warm-up: lazy tables, caches
    separate = [InputDoc(doc_id=f"a{n}", text=article, date=DATE) for n in range(copies)]
    long_text = "\n\n".join([article] * copies)
    separate_s, documents = _timed(lambda: list(coder.pipe(separate)))
    long_s, long_doc = _timed(lambda: coder.code(long_text, date=DATE, doc_id="long"))
    cjk_s, cjk_doc = _timed(lambda: coder.code("\u4e2d" * cjk, doc_id="cjk"))
    return {
        "copies": copies, "chars": len(long_text),
        "separate_s": round(separate_s, 2), "long_s": round(long_s, 2),
        "ratio": round(long_s / separate_s, 2),
        "separate_events": sum(len(d.events) for d in documents),
        "long_events": len(long_doc.events), "long_status": long_doc.status,
        "cjk_chars": cjk, "cjk_s": round(cjk_s, 2), "cjk_status": cjk_doc.status,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=16, help="articles in the long document")
    parser.add_argument("--cjk", type=int, default=30_000, help="CJK characters to code")
    parser.add_argument("--model", default=None, help="spaCy model package")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args.copies, args.cjk, args.model)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['copies']} articles as separate documents: {result['separate_s']:.2f} s "
          f"({result['separate_events']} events)")
    print(f"the same as one document of {result['chars']:,} characters: "
          f"{result['long_s']:.2f} s ({result['long_events']} events)")
    print(f"ratio one document / separate documents: {result['ratio']:.2f}")
    print(f"{result['cjk_chars']:,} CJK characters without a space: {result['cjk_s']:.2f} s "
          f"(status {result['cjk_status']})")


if __name__ == "__main__":
    main()
