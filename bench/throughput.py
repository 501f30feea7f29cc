"""Throughput of the full eventwire pipeline against spaCy's parse alone.

Both are timed in one run, on the same stories, with the same model package,
so the ratio shows what eventwire's own stages cost on this machine. Each side
is warmed up, then the two are timed in alternation and the best round kept.
A last, separate pass times every stage for the per-stage shares.

    python bench/throughput.py --n 300 [--batch-size 32] [--json]
    python bench/throughput.py --corpus ../shared/corpora/ngec_Guardian_SDF_sample.csv.zip --n 100

``--corpus`` reads JSONL (optionally gzipped) with a ``body`` or ``text``
field, or a CSV (optionally the only file of a zip) with ``text`` and
``date`` columns.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import spacy
from rich.console import Console
from rich.table import Table

from eventwire.coder import Coder
from eventwire.ingest import InputDoc
from eventwire.pipeline import resolve_model_name

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "corpora" / "reuters21578_all.jsonl.gz"
SAMPLE = Path(__file__).resolve().parent / "sample_stories.jsonl"
MIN_WORDS = 40  # skip one-line Reuters items (tables, "shr 12 cts vs 10 cts")
WARMUP_DOCS = 20
OTHER = "normalise, records, other"  # what the stage timers do not see


def load_stories(n: int, corpus: Path | None = None) -> tuple[list[InputDoc], str]:
    """The first ``n`` usable stories of Reuters-21578, or of the bundled sample.

    The sample has only a few dozen stories, so it is repeated up to ``n``.
    RETURNS (tuple): the stories and the name of the corpus they came from.
    """
    path = corpus or (REUTERS if REUTERS.is_file() else SAMPLE)
    stories: list[InputDoc] = []
    for number, row in enumerate(_rows(path)):
        text = row.get("body") or row.get("text") or ""
        if len(text.split()) >= MIN_WORDS:
            doc_id = row.get("newid") or row.get("id") or row.get("") or f"row{number}"
            stories.append(InputDoc(doc_id=str(doc_id), text=text,
                                    date=_iso_date(row.get("date")), title=row.get("title")))
        if len(stories) == n:
            break
    if not stories:
        sys.exit(f"{path}: no stories of {MIN_WORDS} words or more")
    base = list(stories)
    while len(stories) < n:
        item = base[len(stories) % len(base)]
        stories.append(InputDoc(doc_id=f"{item.doc_id}-r{len(stories)}", text=item.text,
                                date=item.date, title=item.title))
    return stories, path.name


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL(.gz) file, or rows of a CSV file or of the CSV inside a zip."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive, archive.open(archive.namelist()[0]) as raw:
            yield from _csv_rows(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as lines:
        if path.name.removesuffix(".gz").endswith(".csv"):
            yield from _csv_rows(lines)
        else:
            yield from (json.loads(line) for line in lines if line.strip())


def _csv_rows(lines: Any) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(sys.maxsize)
    yield from csv.DictReader(lines)


def _iso_date(value: str | None) -> str | None:
    """Reuters dates look like ``26-FEB-1987 15:01:01.79``; others are ISO already."""
    if not value:
        return None
    try:
        return datetime.strptime(value.split()[0], "%d-%b-%Y").date().isoformat()
    except ValueError:
        return value[:10]


def timed_run(run: Callable[[], object], timings: list[float]) -> None:
    """Time one run and record it; the caller keeps the best of several."""
    started = time.perf_counter()
    run()
    timings.append(time.perf_counter() - started)


class _Timed:
    """Wraps a pipeline component and adds its own time (not its upstream's) to ``totals``."""

    def __init__(self, name: str, proc: Any, totals: dict[str, float]) -> None:
        self.name, self.proc, self.totals = name, proc, totals

    def __call__(self, doc: Any) -> Any:
        started = time.perf_counter()
        doc = self.proc(doc)
        self.totals[self.name] += time.perf_counter() - started
        return doc

    def pipe(self, docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        upstream = [0.0]

        def feed() -> Iterator[Any]:
            it = iter(docs)
            while True:
                started = time.perf_counter()
                doc = next(it, None)
                upstream[0] += time.perf_counter() - started
                if doc is None:
                    return
                yield doc

        if hasattr(self.proc, "pipe"):
            inner = self.proc.pipe(feed(), **kwargs)
        else:
            inner = map(self.proc, feed())
        while True:
            before, started = upstream[0], time.perf_counter()
            doc = next(inner, None)
            self.totals[self.name] += time.perf_counter() - started - (upstream[0] - before)
            if doc is None:
                return
            yield doc


@contextmanager
def timed_stages(nlp: Any, totals: dict[str, float]) -> Iterator[None]:
    """Temporarily wrap the tokenizer and every component of ``nlp`` with timers."""
    tokenizer, components = nlp.tokenizer, list(nlp._components)
    nlp.tokenizer = _Timed("tokenizer", tokenizer, totals)
    nlp._components[:] = [(name, _Timed(name, proc, totals)) for name, proc in components]
    try:
        yield
    finally:
        nlp.tokenizer = tokenizer
        nlp._components[:] = components


def measure(n: int, batch_size: int, model: str | None, repeats: int,
            corpus: Path | None = None) -> dict[str, Any]:
    """Time eventwire and spaCy-only on the same stories; return the figures."""
    stories, corpus_name = load_stories(n, corpus)
    texts = [s.text for s in stories]
    words = sum(len(t.split()) for t in texts)
    coder = Coder(model=model)
    nlp = spacy.load(resolve_model_name(model))
    if nlp.meta["name"] != coder.nlp.meta["name"]:
        sys.exit(f"model mismatch: {nlp.meta['name']} vs {coder.nlp.meta['name']}")

    def run_eventwire(items: list[InputDoc]) -> None:
        for _ in coder.pipe(items, batch_size=batch_size):
            pass

    def run_spacy(items: list[str]) -> None:
        for _ in nlp.pipe(items, batch_size=batch_size):
            pass

    run_spacy(texts[:WARMUP_DOCS])
    run_eventwire(stories[:WARMUP_DOCS])
    spacy_times: list[float] = []
    eventwire_times: list[float] = []
    for _ in range(repeats):
        timed_run(lambda: run_spacy(texts), spacy_times)
        timed_run(lambda: run_eventwire(stories), eventwire_times)

    totals: dict[str, float] = defaultdict(float)
    with timed_stages(coder.nlp, totals):
        started = time.perf_counter()
        events = sum(len(doc.events) for doc in coder.pipe(stories, batch_size=batch_size))
        profiled = time.perf_counter() - started
    totals[OTHER] = max(0.0, profiled - sum(totals.values()))
    spacy_share = sum(t for name, t in totals.items()
                      if name != OTHER and not name.startswith("eventwire_")) / profiled

    spacy_s, eventwire_s = min(spacy_times), min(eventwire_times)
    return {
        "corpus": corpus_name, "docs": len(stories), "words": words,
        "model": coder.model_name, "batch_size": batch_size, "repeats": repeats,
        "spacy": _rates(spacy_s, len(stories), words),
        "eventwire": _rates(eventwire_s, len(stories), words),
        "ratio": round(spacy_s / eventwire_s, 3),
        "profile_ratio": round(spacy_share, 3),
        "events": events,
        "stages": {name: {"seconds": round(t, 3), "share": round(t / profiled, 4)}
                   for name, t in sorted(totals.items(), key=lambda kv: -kv[1])},
    }


def _rates(seconds: float, docs: int, words: int) -> dict[str, float]:
    return {"seconds": round(seconds, 3), "docs_per_s": round(docs / seconds, 1),
            "words_per_s": round(words / seconds, 0)}


def show(result: dict[str, Any], console: Console) -> None:
    """Print the throughput and stage tables."""
    console.print(f"{result['docs']} stories, {result['words']} words from {result['corpus']}; "
                  f"{result['model']}, batch {result['batch_size']}, "
                  f"best of {result['repeats']} timed rounds", highlight=False)
    table = Table()
    for column in ("pipeline", "seconds", "docs/s", "words/s"):
        table.add_column(column, justify="left" if column == "pipeline" else "right")
    for key, label in (("spacy", "spaCy nlp.pipe only"), ("eventwire", "eventwire Coder.pipe")):
        r = result[key]
        table.add_row(label, f"{r['seconds']:.2f}", f"{r['docs_per_s']:.1f}",
                      f"{r['words_per_s']:.0f}")
    console.print(table)
    console.print(f"ratio eventwire / spaCy-only throughput: [bold]{result['ratio']:.2f}[/bold]"
                  f"  ({result['events']} events)")
    console.print(f"same ratio implied by the stage profile (spaCy stages' share): "
                  f"{result['profile_ratio']:.2f}")
    console.print("\nper stage, from a separate profiled pass:")
    stages = Table()
    for column in ("stage", "seconds", "share"):
        stages.add_column(column, justify="left" if column == "stage" else "right")
    for name, stage in result["stages"].items():
        stages.add_row(name, f"{stage['seconds']:.2f}", f"{100 * stage['share']:.1f}%")
    console.print(stages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="stories to code")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2, help="timed rounds per pipeline")
    parser.add_argument("--model", default=None, help="spaCy model package")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="JSONL(.gz), CSV or zipped CSV of stories "
                             "(default: Reuters-21578, else the sample)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args.n, args.batch_size, args.model, args.repeats, args.corpus)
    if args.json:
        print(json.dumps(result))
    else:
        show(result, Console())


if __name__ == "__main__":
    main()
