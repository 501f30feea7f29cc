"""Corpus scale: ingest and code Reuters-21578 through the store, 1 and 2 workers.

Prints ingest speed and duplicates, coding docs/s and events/s with 1 and 2
local workers, peak RSS per worker, the ratio to spaCy ``nlp.pipe`` alone on
the same documents with the same model (timed in the same run), the speed-up
of 2 workers over 1, and the start-up of ``eventwire code`` against loading
the spaCy model alone. Coding rates are steady-state (from the first
committed batch to the last), so model loading is reported separately.

    python bench/corpus.py [--n 600] [--full] [--batch-size 16] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "corpora" / "reuters21578_all.jsonl.gz"
SHORT_ARTICLE = "Russian troops attacked Ukrainian villages near Kharkiv on Monday."


def reuters_jsonl(target: Path, n: int | None) -> int:
    """Reuters stories as eventwire JSONL (id, text, title, date); RETURNS how many."""
    count = 0
    with gzip.open(REUTERS, "rt", encoding="utf-8") as lines, target.open("w") as out:
        for line in lines:
            row = json.loads(line)
            date = datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date().isoformat()
            out.write(json.dumps({"id": f"reuters-{row['newid']}", "text": row.get("body") or "",
                                  "title": row.get("title"), "date": date}) + "\n")
            count += 1
            if n is not None and count == n:
                break
    return count


def _timed_run(db: str, workers: int, batch_size: int, queue: Any) -> None:
    """One coding run in a fresh process, so its memory is its own."""
    from eventwire.scale import run_corpus
    from eventwire.store import open_store

    commits: list[tuple[float, int]] = []
    with open_store(db) as store:
        report = run_corpus(store, workers=workers, batch_size=batch_size,
                            on_batch=lambda r, _: commits.append((time.perf_counter(), r.docs)))
    (t0, d0), (t1, d1) = commits[0], commits[-1]
    queue.put({"workers": workers, "docs": report.docs, "failed": report.docs_failed,
               "events": report.events, "wall_s": round(report.seconds, 1),
               "docs_per_s": round((d1 - d0) / (t1 - t0), 2),
               "events_per_s": round(report.events / report.docs * (d1 - d0) / (t1 - t0), 2),
               "peak_rss_mb": {k: round(v) for k, v in report.peak_rss_mb.items()}})


def timed_run(db: Path, workers: int, batch_size: int) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_timed_run, args=(str(db), workers, batch_size, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def spacy_only(db: Path, batch_size: int) -> dict[str, Any]:
    """spaCy ``nlp.pipe`` alone on the texts the runs coded, same model, one process."""
    import spacy

    from eventwire.pipeline import resolve_model_name
    from eventwire.store import open_store

    with open_store(db, read_only=True) as store:
        texts = [t for (t,) in store.sql(
            "SELECT coalesce(coded_text, text) FROM documents WHERE status = 'ok' "
            "ORDER BY seq").fetchall()]
    nlp = spacy.load(resolve_model_name(None))
    for _ in nlp.pipe(texts[:20], batch_size=batch_size):
        pass
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - started
    return {"docs": len(texts), "docs_per_s": round(len(texts) / seconds, 2)}


def startup(tmp: Path) -> dict[str, float]:
    """Seconds to code one short article from the command line, and to load spaCy alone."""
    from eventwire.pipeline import resolve_model_name

    article = tmp / "short.txt"
    article.write_text(SHORT_ARTICLE)
    model = resolve_model_name(None)
    commands = {
        "eventwire_code_s": [sys.executable, "-m", "eventwire", "code", str(article),
                             "--date", "2026-01-13"],
        "spacy_load_s": [sys.executable, "-c", f"import spacy; spacy.load({model!r})"],
    }
    best = {}
    for name, command in commands.items():
        times = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        best[name] = round(min(times), 2)
    best["ratio"] = round(best["eventwire_code_s"] / best["spacy_load_s"], 2)
    return best


def measure(n: int | None, batch_size: int) -> dict[str, Any]:
    from eventwire.corpus import Columns, ingest
    from eventwire.store import open_store

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        source = tmp / "reuters.jsonl"
        stories = reuters_jsonl(source, n)
        db = tmp / "corpus.duckdb"
        started = time.perf_counter()
        with open_store(db) as store:
            report = ingest(store, [source], columns=Columns())
        ingest_s = time.perf_counter() - started
        runs = []
        for workers in (1, 2):
            copy = tmp / f"run{workers}.duckdb"
            shutil.copy(db, copy)
            runs.append(timed_run(copy, workers, batch_size))
        baseline = spacy_only(tmp / "run1.duckdb", batch_size)
        one, two = runs
        return {
            "stories": stories, "batch_size": batch_size,
            "ingest": {"seconds": round(ingest_s, 1), "docs_per_s": round(stories / ingest_s),
                       "pending": report.added, "exact_duplicates": report.duplicates,
                       "near_duplicates": report.near_duplicates, "failed": report.failed},
            "runs": runs, "spacy_only": baseline,
            "ratio_to_spacy": round(one["docs_per_s"] / baseline["docs_per_s"], 3),
            "speedup_2_workers": round(two["docs_per_s"] / one["docs_per_s"], 2),
            "startup": startup(tmp),
        }


def show(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    ing = result["ingest"]
    console.print(f"{result['stories']} Reuters-21578 stories ingested in {ing['seconds']}s "
                  f"({ing['docs_per_s']} docs/s): {ing['pending']} to code, "
                  f"{ing['exact_duplicates']} exact and {ing['near_duplicates']} near "
                  f"duplicates, {ing['failed']} failed (empty)", highlight=False)
    table = Table()
    for column in ("pipeline", "docs", "docs/s", "events/s", "peak RSS MB per worker"):
        table.add_column(column, justify="left" if column == "pipeline" else "right")
    for run in result["runs"]:
        table.add_row(f"eventwire run, {run['workers']} worker(s)", str(run["docs"]),
                      f"{run['docs_per_s']:.1f}", f"{run['events_per_s']:.1f}",
                      ", ".join(str(v) for v in run["peak_rss_mb"].values()))
    base = result["spacy_only"]
    table.add_row("spaCy nlp.pipe only", str(base["docs"]), f"{base['docs_per_s']:.1f}", "", "")
    console.print(table)
    start = result["startup"]
    console.print(f"ratio to spaCy parse only: {result['ratio_to_spacy']}; 2 workers over 1: "
                  f"{result['speedup_2_workers']}x; start-up: eventwire code "
                  f"{start['eventwire_code_s']}s vs spaCy load {start['spacy_load_s']}s "
                  f"({start['ratio']}x)", highlight=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600, help="stories to use (default 600)")
    parser.add_argument("--full", action="store_true", help="all 21,578 stories")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not REUTERS.is_file():
        sys.exit(f"{REUTERS}: not found (the shared corpora sit beside the repository)")
    result = measure(None if args.full else args.n, args.batch_size)
    if args.json:
        print(json.dumps(result))
    else:
        show(result)


if __name__ == "__main__":
    main()
