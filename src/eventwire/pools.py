"""Worker pools for corpus runs: local processes or Ray actors, each coding one batch at a time.

A pool hands queued batches to idle workers and gives back, for each batch,
either its result or a ``BatchFailure``: the worker died (a crash, the OOM
killer), ran past the time limit, or raised. A dead or overdue worker is
replaced by a fresh one, so one bad document never stops the run, and no
wait is ever unbounded: every wait has a deadline and notices dead workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import sys
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from eventwire.errors import EventwireError, UsageError
from eventwire.ingest import InputDoc
from eventwire.records import Document

ENGINES: tuple[str, ...] = ("local", "ray")
MATHS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
DEFAULT_BATCH_TIMEOUT = 600.0
START_TIMEOUT = 600.0  # loading a model from a slow disk


@dataclass
class BatchResult:
    """One coded batch, with the worker that coded it and that worker's peak memory."""

    docs: list[Document]
    worker: str
    peak_rss_mb: float


@dataclass
class BatchFailure:
    """A batch no document of which came back, and why."""

    reason: str


Outcome = BatchResult | BatchFailure


class CoderWorker:
    """A worker's one ``Coder``; codes batches of documents (local process or Ray actor)."""

    def __init__(self, model: str | None = None, actors: tuple[str, ...] = ()) -> None:
        from eventwire.coder import Coder

        self.coder = Coder(model=model, actors=actors)
        self.name = f"worker-{os.getpid()}"

    def ready(self) -> str:
        """The worker's name, once its model is loaded."""
        return self.name

    def code(self, items: list[dict[str, Any]]) -> BatchResult:
        docs = list(self.coder.pipe([InputDoc(**item) for item in items]))
        return BatchResult(docs, self.name, peak_rss_mb())


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _raised(err: BaseException) -> str:
    return f"raised {type(err).__name__}: {err}"


class _Pool(ABC):
    """Queued batches, N worker slots and a deadline per started batch.

    Subclasses start, feed, wait on and kill the workers of one engine;
    ``_wait`` reports events ``(slot, kind, value)``: ``ready``, ``done``
    (a BatchResult), ``failed`` (a reason, the worker lives on) or ``died``.
    """

    def __init__(self, workers: int, timeout: float) -> None:
        self.timeout = timeout
        self.queue: deque[tuple[int, list[dict[str, Any]]]] = deque()
        self.starting: dict[int, float] = {}
        self.idle: list[int] = []
        self.busy: dict[int, tuple[int, float]] = {}
        self.outcomes: dict[int, Outcome] = {}
        self.tasks = 0
        for slot in range(workers):
            self._begin(slot)

    def submit(self, items: list[dict[str, Any]], first: bool = False) -> int:
        """Queue a batch (at the front with ``first``); RETURNS its task number."""
        task, self.tasks = self.tasks, self.tasks + 1
        if first:
            self.queue.appendleft((task, items))
        else:
            self.queue.append((task, items))
        self._dispatch()
        return task

    def outcome(self, task: int) -> Outcome:
        """Wait for one batch: its result, or why it failed. Never waits forever."""
        while task not in self.outcomes:
            self._dispatch()
            deadlines = [*(t + START_TIMEOUT for t in self.starting.values()),
                         *(t + self.timeout for _, t in self.busy.values())]
            if not deadlines:
                raise EventwireError(f"batch {task} is neither queued nor running")
            left = max(0.0, min(deadlines) - time.monotonic())
            for slot, kind, value in self._wait(left):
                self._handle(slot, kind, value)
            self._expire()
        return self.outcomes.pop(task)

    def _begin(self, slot: int) -> None:
        self.starting[slot] = time.monotonic()
        self._start(slot)

    def _handle(self, slot: int, kind: str, value: Any) -> None:
        if kind == "ready":
            self.starting.pop(slot, None)
            self.idle.append(slot)
            return
        if slot in self.starting:
            if isinstance(value, EventwireError):
                raise value
            raise EventwireError(f"a worker could not start ({value})")
        if slot not in self.busy:  # an idle worker died
            self.idle.remove(slot)
            self._restart(slot)
            return
        task, _ = self.busy.pop(slot)
        if kind == "done":
            self.outcomes[task] = value
            self.idle.append(slot)
        elif kind == "failed":
            self.outcomes[task] = BatchFailure(str(value))
            self.idle.append(slot)
        else:
            self.outcomes[task] = BatchFailure(str(value))
            self._restart(slot)

    def _expire(self) -> None:
        now = time.monotonic()
        for since in self.starting.values():
            if now - since > START_TIMEOUT:
                raise EventwireError(f"a worker did not start within {START_TIMEOUT:g} s")
        for slot, (task, since) in list(self.busy.items()):
            if now - since > self.timeout:
                del self.busy[slot]
                self.outcomes[task] = BatchFailure(
                    f"ran past the batch time limit of {self.timeout:g} s")
                self._restart(slot)

    def _restart(self, slot: int) -> None:
        self._stop(slot)
        self._begin(slot)

    def _dispatch(self) -> None:
        while self.idle and self.queue:
            slot = self.idle.pop(0)
            task, items = self.queue.popleft()
            self.busy[slot] = (task, time.monotonic())
            self._send(slot, items)

    @abstractmethod
    def _start(self, slot: int) -> None:
        """Start a worker in ``slot``; ``_wait`` reports it ready."""

    @abstractmethod
    def _send(self, slot: int, items: list[dict[str, Any]]) -> None:
        """Hand a batch to the idle worker in ``slot``."""

    @abstractmethod
    def _wait(self, timeout: float) -> list[tuple[int, str, Any]]:
        """Events of the workers, waiting at most ``timeout`` seconds for the first."""

    @abstractmethod
    def _stop(self, slot: int) -> None:
        """Kill the worker in ``slot``, whatever it is doing."""

    @abstractmethod
    def close(self) -> None:
        """Stop every worker."""


def _serve(conn: Connection, worker_class: type[CoderWorker], model: str | None,
           actors: tuple[str, ...]) -> None:
    """A worker process: load once, then code batches until told to stop or the run is gone.

    Ctrl-C reaches the run, which stops its workers; a run killed outright
    closes the pipe, and the worker ends at its next read or write.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        worker = worker_class(model, actors)
    except Exception as err:  # reported to the run, which stops with it
        conn.send(("died", err if isinstance(err, EventwireError) else _raised(err)))
        return
    try:
        conn.send(("ready", worker.name))
        while (items := conn.recv()) is not None:
            _answer(conn, worker, items)
    except (EOFError, OSError):
        return


def _answer(conn: Connection, worker: CoderWorker, items: list[dict[str, Any]]) -> None:
    try:
        message: tuple[str, Any] = ("done", worker.code(items))
    except Exception as err:  # the batch fails, the worker goes on
        message = ("failed", f"coding {_raised(err)}")
    try:
        conn.send(message)
    except (EOFError, OSError):
        raise
    except Exception as err:  # pickling happens before any byte is sent
        conn.send(("failed", f"the coded batch could not be sent back: {_raised(err)}"))


class LocalPool(_Pool):
    """N spawned processes, each loading its Coder once, one pipe each."""

    def __init__(self, workers: int, model: str | None, timeout: float = DEFAULT_BATCH_TIMEOUT,
                 worker_class: type[CoderWorker] = CoderWorker,
                 actors: tuple[str, ...] = ()) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.model, self.worker_class, self.actors = model, worker_class, actors
        self.processes: dict[int, tuple[Any, Connection]] = {}
        super().__init__(workers, timeout)

    def _start(self, slot: int) -> None:
        ours, theirs = self.context.Pipe()
        with _single_threaded_maths():
            process = self.context.Process(target=_serve, daemon=True,
                                           args=(theirs, self.worker_class, self.model,
                                                 self.actors))
            process.start()
        theirs.close()
        self.processes[slot] = (process, ours)

    def _send(self, slot: int, items: list[dict[str, Any]]) -> None:
        with contextlib.suppress(OSError):  # a dead worker: _wait reports its death
            self.processes[slot][1].send(items)

    def _wait(self, timeout: float) -> list[tuple[int, str, Any]]:
        by_handle: dict[Any, int] = {}
        for slot, (process, conn) in self.processes.items():
            by_handle[conn] = by_handle[process.sentinel] = slot
        events = []
        for slot in sorted({by_handle[h] for h in wait(list(by_handle), timeout)}):
            process, conn = self.processes[slot]
            try:
                if conn.poll():
                    events.append((slot, *conn.recv()))
                    continue
            except (EOFError, OSError):
                pass
            process.join(timeout=1)
            events.append((slot, "died", _death(process.exitcode)))
        return events

    def _stop(self, slot: int) -> None:
        process, conn = self.processes.pop(slot)
        process.kill()
        process.join()
        conn.close()

    def close(self) -> None:
        for slot in list(self.processes):
            self._stop(slot)


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"its worker died (signal {signal.Signals(-exitcode).name})"
        except ValueError:
            pass
    return f"its worker died (exit code {exitcode})"


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


class RayPool(_Pool):
    """N Ray actors on a local Ray instance or the cluster at ``address``."""

    def __init__(self, workers: int, model: str | None, address: str | None = None,
                 timeout: float = DEFAULT_BATCH_TIMEOUT,
                 worker_class: type[CoderWorker] = CoderWorker,
                 actors: tuple[str, ...] = ()) -> None:
        try:
            import ray
        except ImportError as err:
            raise UsageError("the Ray engine needs Ray: pip install 'eventwire[ray]'") from err
        self.ray = ray
        self.started = not ray.is_initialized()
        if self.started:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if address is None:
                options["num_cpus"] = workers
            ray.init(address=address, **options)
        self.model, self.dictionaries = model, actors
        self.actor_class = ray.remote(num_cpus=1, max_restarts=0)(worker_class)
        self.actors: dict[int, Any] = {}
        self.refs: dict[Any, tuple[int, str]] = {}
        super().__init__(workers, timeout)

    def _start(self, slot: int) -> None:
        self.actors[slot] = self.actor_class.remote(self.model, self.dictionaries)
        self.refs[self.actors[slot].ready.remote()] = (slot, "ready")

    def _send(self, slot: int, items: list[dict[str, Any]]) -> None:
        self.refs[self.actors[slot].code.remote(items)] = (slot, "done")

    def _wait(self, timeout: float) -> list[tuple[int, str, Any]]:
        from ray.exceptions import GetTimeoutError, RayActorError, RayTaskError

        done, _ = self.ray.wait(list(self.refs), num_returns=1, timeout=timeout)
        events = []
        for ref in done:
            slot, kind = self.refs.pop(ref)
            try:
                value = self.ray.get(ref, timeout=self.timeout)
            except RayActorError as err:
                events.append((slot, "died", f"its worker died ({type(err).__name__})"))
            except RayTaskError as err:
                events.append((slot, "failed", f"coding {_raised(err.cause or err)}"))
            except GetTimeoutError:
                events.append((slot, "died", "its result could not be fetched"))
            else:
                events.append((slot, kind, value))
        return events

    def _stop(self, slot: int) -> None:
        actor = self.actors.pop(slot)
        self.refs = {ref: job for ref, job in self.refs.items() if job[0] != slot}
        self.ray.kill(actor)

    def close(self) -> None:
        for slot in list(self.actors):
            self._stop(slot)
        if self.started:
            self.ray.shutdown()


def check_options(engine: str, workers: int, timeout: float) -> None:
    """Raise UsageError for an engine, worker count or time limit no pool can have."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if timeout <= 0:
        raise UsageError(f"--batch-timeout must be positive, not {timeout:g}")


@contextmanager
def open_pool(engine: str, workers: int, model: str | None = None, address: str | None = None,
              timeout: float = DEFAULT_BATCH_TIMEOUT,
              worker_class: type[CoderWorker] = CoderWorker,
              actors: tuple[str, ...] = ()) -> Iterator[_Pool]:
    """A pool with ``submit(items) -> task`` and ``outcome(task)``; workers stop on exit.

    worker_class (type): what each worker runs, built with the model name and ``actors``.
    actors (tuple): the user's actor dictionaries, as absolute paths every worker can read.
    """
    check_options(engine, workers, timeout)
    pool: _Pool
    if engine == "ray":
        pool = RayPool(workers, model, address, timeout, worker_class, actors)
    else:
        pool = LocalPool(workers, model, timeout, worker_class, actors)
    try:
        yield pool
    finally:
        pool.close()
