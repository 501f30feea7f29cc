"""``POST /api/code`` runs the coder in a process of its own, under a time limit.

A thread cannot be stopped, so a text that makes the coder run for minutes
would hold the coding lock, and every later paste would wait behind it. The
coder instead runs in a child process that is killed when a text overruns
``Limits.code_seconds`` and started again for the next paste; the server's
own threads never wait longer than that limit.

The child is forked, so a Coder already loaded in the server is shared with
it at no cost; without one, the child loads its own and the server never
holds the models.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import stat
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

logger = logging.getLogger(__name__)

LOAD_SECONDS = 300.0  # loading the models, which is not counted against the limit


class CodingFailed(Exception):
    """The coder could not answer for this text: ``status`` is the HTTP answer to give."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def default_coder() -> Any:
    """The full Coder, loaded in the coding process."""
    from eventwire.coder import Coder

    return Coder()


def _release_sockets(keep: int) -> None:
    """Point every socket inherited from the server, but ``keep``, at /dev/null.

    A forked process holds copies of the server's client connections: a
    connection the server closes would stay open, and a browser reusing it
    would wait forever. Each socket's number is kept (now /dev/null), so no
    file opened later can take it and be closed by a stale socket object.
    """
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for name in os.listdir("/proc/self/fd"):
            fd = int(name)
            try:
                is_socket = stat.S_ISSOCK(os.fstat(fd).st_mode)
            except OSError:  # the listing's own descriptor, closed by now
                continue
            if is_socket and fd != keep:
                os.dup2(null, fd)
    finally:
        os.close(null)


def _serve(make: Callable[[], Any], conn: Connection, server_end: Connection) -> None:
    """The coding process: load the coder, then code each text sent until the pipe closes.

    The server's end of the pipe is closed here, so the pipe closes (and this
    process ends) when the server goes, even if it is killed. Ctrl-C is left
    to the server, which stops this process itself.
    """
    server_end.close()
    _release_sockets(keep=conn.fileno())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    coder = make()
    conn.send("ready")
    while True:
        try:
            text, date, doc_id = conn.recv()
        except EOFError:
            return
        try:
            doc = coder.code(text, date=date, doc_id=doc_id)
            answer: dict[str, Any] = {
                "status": doc.status, "error": doc.error, "doc_id": doc.doc_id, "date": doc.date,
                "text": doc.text, "events": [e.to_dict() for e in doc.events],
                "quotes": [q.to_dict() for q in doc.quotes],
                "actors": [a.to_dict() for a in doc.actors]}
        except Exception as err:  # one text's failure must not end the process
            answer = {"status": "error", "error": f"{type(err).__name__}: {err}"}
        conn.send(answer)


class CodingWorker:
    """One coding process, used by one request at a time and replaced when it overruns."""

    def __init__(self, make: Callable[[], Any], seconds: float) -> None:
        self.make = make
        self.seconds = seconds
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None
        self._ready = False

    def code(self, text: str, date: str | None, doc_id: str) -> dict[str, Any]:
        """The coded document as JSON-ready dicts; raises ``CodingFailed`` on overrun."""
        if not self._lock.acquire(timeout=self.seconds):
            raise CodingFailed(503, "busy", "another story is being coded; try again shortly")
        try:
            conn = self._started()
            conn.send((text, date, doc_id))
            if not conn.poll(self.seconds):
                logger.warning("coding %r overran %g s; the coding process is restarted",
                               doc_id, self.seconds)
                self._stop()
                self._start()  # the models load while nobody waits
                raise CodingFailed(503, "timeout", f"coding this text took over "
                                   f"{self.seconds:g} s and was stopped; the text may be "
                                   "malformed or too long")
            try:
                return conn.recv()
            except EOFError:
                self._stop()
                raise CodingFailed(422, "coder_failed", "the coder stopped on this text") from None
        finally:
            self._lock.release()

    def _started(self) -> Connection:
        if self._process is None or not self._process.is_alive():
            self._stop()
            self._start()
        assert self._conn is not None
        if not self._ready:
            if not self._conn.poll(LOAD_SECONDS):
                self._stop()
                raise CodingFailed(503, "unavailable", "the coder could not be loaded")
            try:
                self._ready = self._conn.recv() == "ready"
            except EOFError:
                self._stop()
                raise CodingFailed(503, "unavailable", "the coder could not be loaded; "
                                   "see the server's log") from None
        return self._conn

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(self.make, child, parent),
                                        daemon=True, name="eventwire-coder")
        self._process.start()
        child.close()
        self._conn, self._ready = parent, False

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn, self._ready = None, None, False

    def close(self) -> None:
        """End the coding process (the server is shutting down)."""
        with self._lock:
            self._stop()
