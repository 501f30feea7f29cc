"""Coding a stored corpus: pending documents in batches, on local processes or on Ray.

Each worker holds one ``Coder``, loaded once. The calling process reads
pending documents page by page, hands out batches, and commits each coded
batch in one transaction as it comes back, in order; DuckDB has one writer,
and a run killed at any moment leaves every document either committed with
all its records or still pending for the next run. A batch's events are
linked into the stored clusters (``corpus_linking``) and committed with
their cluster ids. A batch that kills its worker, runs past the time limit
or raises is tried again one document at a time, and a document that fails
twice is committed as failed with the reason.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from pathlib import Path
from typing import Any

from eventwire.corpus_linking import assign_clusters
from eventwire.errors import Errors, UsageError
from eventwire.kb.resources import data_path
from eventwire.kb.user_actors import actor_kb
from eventwire.linking import DocInfo
from eventwire.pools import (
    DEFAULT_BATCH_TIMEOUT,
    BatchFailure,
    BatchResult,
    CoderWorker,
    check_options,
    open_pool,
)
from eventwire.records import Document
from eventwire.store import RunInfo, Store, utc_now

IN_FLIGHT_PER_WORKER = 2
TRIES = 2  # a document is marked failed after failing this many times


@dataclass
class RunReport:
    """What a run coded."""

    run_id: int
    docs_ok: int = 0
    docs_failed: int = 0
    events: int = 0
    seconds: float = 0.0
    link_seconds: float = 0.0  # of ``seconds``, spent linking events into clusters
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def docs(self) -> int:
        return self.docs_ok + self.docs_failed

    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self.started


def model_label(model: str | None) -> str:
    """The model package and version a run uses, for its metadata."""
    from eventwire.pipeline import resolve_model_name

    name = resolve_model_name(model)
    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return name


def kb_version(actors: Sequence[str | Path] = ()) -> str:
    """A short hash of every packaged knowledge file and of the user's actor dictionaries:
    changes whenever the knowledge does."""
    digest = hashlib.sha256()
    stack = [data_path()]
    files = []
    while stack:
        entry = stack.pop()
        for child in entry.iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.is_file():
                files.append(child)
    for child in [*sorted(files, key=lambda f: str(f)), *map(Path, actors)]:
        digest.update(child.name.encode())
        digest.update(child.read_bytes())
    return digest.hexdigest()[:16]


# -- the run -----------------------------------------------------------------------


def _batches(store: Store, batch_size: int, limit: int | None) -> Iterator[list[dict[str, Any]]]:
    """Pending documents in ingest order, a page at a time, cut into batches."""
    after, left = -1, limit if limit is not None else sys.maxsize
    while left > 0:
        page = store.pending(after, min(left, batch_size * 8))
        if not page:
            return
        after, left = page[-1][0], left - len(page)
        items = [asdict(doc) for _, doc in page]
        for start in range(0, len(items), batch_size):
            yield items[start:start + batch_size]


@dataclass
class _Batch:
    """Documents sent to a worker together, and how many times they have failed."""

    items: list[dict[str, Any]]
    task: int
    failures: int = 0


def run_corpus(store: Store, workers: int = 1, engine: str = "local", model: str | None = None,
               batch_size: int = 16, limit: int | None = None, address: str | None = None,
               on_batch: Callable[[RunReport, int], None] | None = None,
               batch_timeout: float = DEFAULT_BATCH_TIMEOUT,
               worker_class: type[CoderWorker] = CoderWorker,
               actors: Sequence[str | Path] = ()) -> RunReport:
    """Code the pending documents of ``store`` and commit them batch by batch.

    A batch whose worker dies, runs past ``batch_timeout`` or raises is
    retried one document at a time; a document that fails again is stored as
    failed with the reason, so no later run retries it.

    workers (int): worker processes (or Ray actors), each with its own Coder.
    engine (str): ``local`` or ``ray``.
    batch_size (int): documents per batch; each batch is one transaction.
    limit (int | None): code at most this many documents.
    address (str | None): a Ray cluster to join; None starts a local one.
    on_batch (Callable | None): called with the report and the batch size after each commit.
    batch_timeout (float): seconds a worker may spend on one batch.
    worker_class (type): what each worker runs, built with the model name.
    actors (Sequence): the user's actor dictionaries; they count in the run's ``kb_version``.
    RETURNS (RunReport): counts, time and peak memory per worker.
    """
    if batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, not {batch_size}")
    check_options(engine, workers, batch_timeout)
    dictionaries = tuple(str(Path(path).resolve()) for path in actors)
    if dictionaries:
        actor_kb(dictionaries)  # a bad dictionary fails here, not in every worker
    info = RunInfo(run_id=0, started_at=utc_now(), eventwire_version=_version(),
                   model=model_label(model), kb_version=kb_version(dictionaries), engine=engine,
                   workers=workers)
    report = RunReport(run_id=store.start_run(info))
    window = max(1, workers) * IN_FLIGHT_PER_WORKER
    batches = _batches(store, batch_size, limit)
    first = next(batches, None)  # no workers are started when nothing is pending
    try:
        if first is not None:
            with open_pool(engine, workers, model, address, batch_timeout,
                           worker_class, dictionaries) as pool:
                inflight: deque[_Batch] = deque()
                for items in chain([first], batches):
                    inflight.append(_Batch(items, pool.submit(items)))
                    while len(inflight) >= window:
                        _settle(store, report, pool, inflight, on_batch)
                while inflight:
                    _settle(store, report, pool, inflight, on_batch)
    finally:
        report.seconds = report.elapsed()
        store.finish_run(report.run_id, report.docs_ok, report.docs_failed)
    return report


def _settle(store: Store, report: RunReport, pool: Any, inflight: deque[_Batch],
            on_batch: Callable[[RunReport, int], None] | None) -> None:
    """Commit the oldest batch, or put its documents back one by one when it failed.

    Retries go to the front of the queue and of ``inflight``, so batches are
    still committed in ingest order.
    """
    batch = inflight.popleft()
    outcome = pool.outcome(batch.task)
    if isinstance(outcome, BatchResult):
        _commit(store, report, batch.items, outcome.docs, on_batch)
        report.peak_rss_mb[outcome.worker] = max(report.peak_rss_mb.get(outcome.worker, 0.0),
                                                 outcome.peak_rss_mb)
        return
    failures = batch.failures + 1
    if failures >= TRIES and len(batch.items) == 1:
        _commit(store, report, batch.items, [_failed(batch.items[0], outcome)], on_batch)
        return
    for item in reversed(batch.items):
        inflight.appendleft(_Batch([item], pool.submit([item], first=True), failures))


def _failed(item: dict[str, Any], failure: BatchFailure) -> Document:
    """A document no worker could code twice, with the reason."""
    error = Errors.E014.format(source=item.get("source") or item["doc_id"],
                               reason=failure.reason, tries=TRIES)
    return Document(doc_id=item["doc_id"], text=item["text"], date=item.get("date"),
                    status="failed", error=error, title=item.get("title"), url=item.get("url"))


def _commit(store: Store, report: RunReport, items: list[dict[str, Any]], docs: list[Document],
            on_batch: Callable[[RunReport, int], None] | None) -> None:
    started = time.perf_counter()
    events = [event for doc in docs if doc.status == "ok" for event in doc.events]
    clusters = assign_clusters(store, events, {
        i["doc_id"]: DocInfo(i["doc_id"], i.get("date"), i.get("url"), i.get("outlet"),
                             i.get("title")) for i in items})
    for event in events:
        event.cluster_id = clusters[event.id]
    report.link_seconds += time.perf_counter() - started
    store.commit_batch(docs, report.run_id, {i["doc_id"]: i["text"] for i in items})
    for doc in docs:
        if doc.status == "ok":
            report.docs_ok += 1
            report.events += len(doc.events)
        else:
            report.docs_failed += 1
            report.errors.append(doc.error or f"{doc.doc_id}: failed")
    if on_batch is not None:
        on_batch(report, len(docs))


def _version() -> str:
    from eventwire import __version__

    return __version__
