"""Linking speed: its share of a corpus run, and its growth with the number of events.

1. Ingests ``--n`` Reuters-21578 stories (else ``sample_stories.jsonl``) and
   codes them with ``eventwire run`` (``--workers`` local workers, 1 by
   default), which links each batch it commits: prints linking time / coding
   time from that one run (linking runs in the committing process).
2. Builds corpora of n and 4n events from the coded ones (copies of each
   document moved a week later per copy, with new ids) and links each store
   from scratch (``eventwire link --relink``): prints time per event at both
   sizes; linear growth keeps the two close.

    python bench/linking_speed.py [--n 300] [--events 2000] [--workers 1] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from datetime import date as Date
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import REUTERS, reuters_jsonl  # noqa: E402

SAMPLE = Path(__file__).resolve().parent / "sample_stories.jsonl"


def coded_store(folder: Path, n: int, workers: int = 1) -> tuple[Path, dict[str, Any]]:
    """A store with ``n`` coded stories; RETURNS its path and the run's times."""
    from eventwire.corpus import ingest
    from eventwire.scale import run_corpus
    from eventwire.store import open_store

    source = folder / "stories.jsonl"
    if REUTERS.is_file():
        reuters_jsonl(source, n)
    else:
        source.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    db = folder / "coded.duckdb"
    with open_store(db) as store:
        ingest(store, [source], date="2026-01-13")
        report = run_corpus(store, workers=workers, batch_size=16)
    coding = report.seconds - report.link_seconds
    return db, {"corpus": "reuters21578" if REUTERS.is_file() else "sample_stories",
                "workers": workers, "docs": report.docs, "events": report.events,
                "run_s": round(report.seconds, 2), "link_s": round(report.link_seconds, 3),
                "coding_s": round(coding, 2),
                "link_over_coding": round(report.link_seconds / coding, 4) if coding else None}


def _shift(value: str | None, weeks: int) -> str | None:
    """A date of any precision moved ``weeks`` later (coarse dates by whole months/years)."""
    if not value:
        return value
    if len(value) >= 10:
        return (Date.fromisoformat(value[:10]) + timedelta(weeks=weeks)).isoformat()
    if len(value) == 7:
        months = int(value[:4]) * 12 + int(value[5:7]) - 1 + weeks // 4
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{int(value[:4]) + weeks // 52:04d}"


def synthetic_store(coded: Path, target: Path, events: int) -> int:
    """A store of about ``events`` events: copies of the coded documents, each copy a
    week later than the one before, under new ids. RETURNS the number of events."""
    from eventwire.records import Document
    from eventwire.store import open_store

    with open_store(coded, read_only=True) as source:
        originals = list(source.records("event"))
        dates = dict(source.con.execute("SELECT doc_id, date FROM documents").fetchall())
    by_doc: dict[str, list[Any]] = {}
    for event in originals:
        by_doc.setdefault(event.doc_id, []).append(event)
    made, copy = 0, 0
    with open_store(target) as store:
        while made < events:
            docs, rows = [], []
            for doc_id, group in by_doc.items():
                new_id = f"{doc_id}~{copy}"
                moved = [dataclasses.replace(e, id=f"{new_id}-{e.id.rsplit('-', 1)[1]}",
                                             doc_id=new_id, date=_shift(e.date, copy),
                                             cluster_id=None) for e in group]
                docs.append(Document(new_id, "", _shift(dates.get(doc_id), copy), moved))
                rows.append({"doc_id": new_id, "text": "", "date": _shift(dates.get(doc_id), copy),
                             "seq": store.next_seq() + len(rows), "status": "pending",
                             "outlet": f"outlet-{copy % 7}"})
                made += len(moved)
                if made >= events:
                    break
            store.add_documents(rows, [], [])
            store.commit_batch(docs, run_id=1)
            copy += 1
    return made


def time_linking(db: Path) -> float:
    """Seconds to link a whole store from scratch."""
    from eventwire.corpus_linking import link_store
    from eventwire.store import open_store

    with open_store(db) as store:
        started = time.perf_counter()
        link_store(store, relink=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="stories to code")
    parser.add_argument("--events", type=int, default=2000, help="events of the small corpus")
    parser.add_argument("--workers", type=int, default=1, help="coding workers of the run")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        coded, run = coded_store(folder, args.n, args.workers)
        growth = []
        for size in (args.events, 4 * args.events):
            db = folder / f"synthetic-{size}.duckdb"
            made = synthetic_store(coded, db, size)
            seconds = time_linking(db)
            growth.append({"events": made, "link_s": round(seconds, 2),
                           "ms_per_event": round(1000 * seconds / made, 3)})
    result = {"run": run, "growth": growth,
              "per_event_ratio_4n_over_n": round(growth[1]["ms_per_event"]
                                                 / growth[0]["ms_per_event"], 2)}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{run['corpus']}: {run['docs']} documents, {run['events']} events, "
          f"{run['workers']} worker(s); run "
          f"{run['run_s']} s of which linking {run['link_s']} s: linking / coding = "
          f"{run['link_over_coding']:.2%}")
    for row in growth:
        print(f"link --relink of {row['events']} events: {row['link_s']} s "
              f"({row['ms_per_event']} ms per event)")
    print(f"time per event at 4n / at n: {result['per_event_ratio_4n_over_n']}")


if __name__ == "__main__":
    main()
