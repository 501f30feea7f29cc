"""Coding a stored corpus: pending documents in batches, on local processes or on Ray.

Each worker holds one ``Coder``, loaded once. The calling process reads
pending documents page by page, hands out batches, and commits each coded
batch in one transaction as it comes back, in order; DuckDB has one writer,
and a run killed at any moment leaves every document either committed with
all its records or still pending for the next run.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import resource
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from eventwire.errors import UsageError
from eventwire.ingest import InputDoc
from eventwire.kb.resources import data_path
from eventwire.records import Document
from eventwire.store import RunInfo, Store, utc_now

ENGINES: tuple[str, ...] = ("local", "ray")
IN_FLIGHT_PER_WORKER = 2
MATHS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class BatchResult:
    """One coded batch, with the worker that coded it and that worker's peak memory."""

    docs: list[Document]
    worker: str
    peak_rss_mb: float


@dataclass
class RunReport:
    """What a run coded."""

    run_id: int
    docs_ok: int = 0
    docs_failed: int = 0
    events: int = 0
    seconds: float = 0.0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def docs(self) -> int:
        return self.docs_ok + self.docs_failed

    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self.started


class CoderWorker:
    """A worker's one ``Coder``; codes batches of documents (local process or Ray actor)."""

    def __init__(self, model: str | None = None) -> None:
        from eventwire.coder import Coder

        self.coder = Coder(model=model)
        self.name = f"worker-{os.getpid()}"

    def code(self, items: list[dict[str, Any]]) -> BatchResult:
        docs = list(self.coder.pipe([InputDoc(**item) for item in items]))
        return BatchResult(docs, self.name, peak_rss_mb())


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def model_label(model: str | None) -> str:
    """The model package and version a run uses, for its metadata."""
    from eventwire.pipeline import resolve_model_name

    name = resolve_model_name(model)
    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return name


def kb_version() -> str:
    """A short hash of every packaged knowledge file: changes whenever the knowledge does."""
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
    for child in sorted(files, key=lambda f: str(f)):
        digest.update(child.name.encode())
        digest.update(child.read_bytes())
    return digest.hexdigest()[:16]


# -- engines: submit batches, get results back in submission order ---------------

Future = Callable[[], BatchResult]


class _InProcess:
    """One worker in this process: no start-up cost, nothing to ship."""

    def __init__(self, model: str | None) -> None:
        self.worker = CoderWorker(model)

    def submit(self, items: list[dict[str, Any]]) -> Future:
        return lambda: self.worker.code(items)

    def close(self) -> None:
        """Nothing to stop."""


_PROCESS_WORKER: CoderWorker | None = None


def _start_process_worker(model: str | None) -> None:
    global _PROCESS_WORKER
    _PROCESS_WORKER = CoderWorker(model)


@contextmanager
def _single_threaded_maths() -> Iterator[None]:
    """Spawn workers with one BLAS/OpenMP thread each, unless the user chose otherwise.

    Each worker is a whole process per core; numpy's BLAS would otherwise start a
    thread per core in every worker, and on a small machine they fight for the
    same cores (parsing is no faster with them even in one process).
    """
    saved = {name: os.environ.get(name) for name in MATHS_THREAD_VARIABLES}
    for name in MATHS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)


def _code_in_process_worker(items: list[dict[str, Any]]) -> BatchResult:
    assert _PROCESS_WORKER is not None
    return _PROCESS_WORKER.code(items)


class _LocalPool:
    """N spawned processes, each loading its Coder once."""

    def __init__(self, workers: int, model: str | None) -> None:
        context = multiprocessing.get_context("spawn")
        with _single_threaded_maths():
            self.pool = context.Pool(workers, initializer=_start_process_worker,
                                     initargs=(model,))

    def submit(self, items: list[dict[str, Any]]) -> Future:
        return self.pool.apply_async(_code_in_process_worker, (items,)).get

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class _RayPool:
    """N Ray actors on a local Ray instance or the cluster at ``address``."""

    def __init__(self, workers: int, model: str | None, address: str | None = None) -> None:
        try:
            import ray
            from ray.util import ActorPool
        except ImportError as err:
            raise UsageError("the Ray engine needs Ray: pip install 'eventwire[ray]'") from err
        self.ray = ray
        self.started = not ray.is_initialized()
        if self.started:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address is None:
                options["num_cpus"] = workers
            ray.init(address=address, **options)
        actor = ray.remote(num_cpus=1)(CoderWorker)
        self.actors = [actor.remote(model) for _ in range(workers)]
        self.pool = ActorPool(self.actors)

    def submit(self, items: list[dict[str, Any]]) -> Future:
        self.pool.submit(lambda worker, batch: worker.code.remote(batch), items)
        return self.pool.get_next

    def close(self) -> None:
        for worker in self.actors:
            self.ray.kill(worker)
        if self.started:
            self.ray.shutdown()


@contextmanager
def open_engine(engine: str, workers: int, model: str | None = None,
                address: str | None = None) -> Iterator[Any]:
    """An engine with ``submit(items) -> get()``; results come back in submission order."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    pool: Any
    if engine == "ray":
        pool = _RayPool(workers, model, address)
    elif workers == 1:
        pool = _InProcess(model)
    else:
        pool = _LocalPool(workers, model)
    try:
        yield pool
    finally:
        pool.close()


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


def run_corpus(store: Store, workers: int = 1, engine: str = "local", model: str | None = None,
               batch_size: int = 16, limit: int | None = None, address: str | None = None,
               on_batch: Callable[[RunReport, int], None] | None = None) -> RunReport:
    """Code the pending documents of ``store`` and commit them batch by batch.

    workers (int): worker processes (or Ray actors), each with its own Coder.
    engine (str): ``local`` or ``ray``.
    batch_size (int): documents per batch; each batch is one transaction.
    limit (int | None): code at most this many documents.
    address (str | None): a Ray cluster to join; None starts a local one.
    on_batch (Callable | None): called with the report and the batch size after each commit.
    RETURNS (RunReport): counts, time and peak memory per worker.
    """
    if batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, not {batch_size}")
    info = RunInfo(run_id=0, started_at=utc_now(), eventwire_version=_version(),
                   model=model_label(model), kb_version=kb_version(), engine=engine,
                   workers=workers)
    report = RunReport(run_id=store.start_run(info))
    window = max(1, workers) * IN_FLIGHT_PER_WORKER
    try:
        with open_engine(engine, workers, model, address) as pool:
            inflight: deque[tuple[list[dict[str, Any]], Future]] = deque()
            for items in _batches(store, batch_size, limit):
                inflight.append((items, pool.submit(items)))
                if len(inflight) >= window:
                    _commit(store, report, *inflight.popleft(), on_batch)
            while inflight:
                _commit(store, report, *inflight.popleft(), on_batch)
    finally:
        report.seconds = report.elapsed()
        store.finish_run(report.run_id, report.docs_ok, report.docs_failed)
    return report


def _commit(store: Store, report: RunReport, items: Sequence[dict[str, Any]], get: Future,
            on_batch: Callable[[RunReport, int], None] | None) -> None:
    result = get()
    store.commit_batch(result.docs, report.run_id, {i["doc_id"]: i["text"] for i in items})
    for doc in result.docs:
        if doc.status == "ok":
            report.docs_ok += 1
            report.events += len(doc.events)
        else:
            report.docs_failed += 1
            report.errors.append(doc.error or f"{doc.doc_id}: failed")
    report.peak_rss_mb[result.worker] = max(report.peak_rss_mb.get(result.worker, 0.0),
                                            result.peak_rss_mb)
    if on_batch is not None:
        on_batch(report, len(result.docs))


def _version() -> str:
    from eventwire import __version__

    return __version__
