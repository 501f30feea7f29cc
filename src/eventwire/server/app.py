"""The analyst interface: a read-only FastAPI application over a corpus store.

``create_app`` builds the whole application (JSON API under ``/api``, the
offline dashboard at ``/``, OpenAPI docs at ``/docs``), so tests use it with
no network and ``eventwire serve`` only runs uvicorn on it. Every DuckDB
query runs on a cursor of its own thread, since one connection must not be
shared between threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.server.guard import Guard, error_body
from eventwire.server.queries import BadParameter, build_index, overview
from eventwire.store import Store, open_store

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """How much one request may ask for or send."""

    max_body_bytes: int = 256 * 1024
    max_code_chars: int = 50_000
    page_size: int = 50
    max_page_size: int = 500
    max_rank: int = 500
    max_places: int = 5_000
    max_download_rows: int = 1_000_000


class Context:
    """What every route needs: the store and its index, a cursor per thread, the coder."""

    def __init__(self, store: Store, limits: Limits, coder: Any = None) -> None:
        self.store = store
        self.limits = limits
        build_index(store.con)
        self.overview = overview(store.con)  # the store is read-only: it cannot go stale
        self._coder = coder
        self._local = threading.local()
        self._coder_lock = threading.Lock()
        self.code_lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's DuckDB cursor on the store."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self.store.con.cursor()
        return con

    def coder(self) -> Any:
        """The Coder, loaded on the first ``POST /api/code`` (it takes seconds)."""
        with self._coder_lock:
            if self._coder is None:
                from eventwire.coder import Coder

                self._coder = Coder()
            return self._coder


def error(status: int, code: str, message: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, parameter), status_code=status)


def create_app(store_path: str | Path, token: str | None = None, limits: Limits | None = None,
               coder: Any = None) -> FastAPI:
    """The analyst application over the corpus database at ``store_path``.

    token (str | None): when given, every request must carry it (``Authorization:
        Bearer``, ``?token=`` or the cookie the dashboard gets from ``?token=``).
    limits (Limits | None): body, page and download limits; defaults if None.
    coder (Coder | None): a loaded Coder for ``POST /api/code``; loaded on first use if None.
    RETURNS (FastAPI): the application.
    """
    from eventwire import __version__
    from eventwire.server.routes import router

    limits = limits or Limits()
    store = open_store(store_path, read_only=True)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="Read-only access to a coded corpus: PLOVER events, quotes, "
                              "actors, time series and rankings.")
    app.state.ctx = Context(store, limits, coder)

    app.add_middleware(Guard, max_body_bytes=limits.max_body_bytes, token=token)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = [str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path")]
        return error(400, "bad_parameter", str(first.get("msg", "invalid request")),
                     ".".join(where) or None)

    @app.exception_handler(BadParameter)
    async def bad_parameter(_: Request, exc: BadParameter) -> JSONResponse:
        return error(400, "bad_parameter", exc.message, exc.parameter)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        names = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}
        return error(exc.status_code, names.get(exc.status_code, "http_error"), str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        logger.exception("request failed", exc_info=exc)
        return error(500, "internal", "the server failed on this request; see its log")

    app.include_router(router, prefix="/api")

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/dashboard/index.html")

    dashboard = files("eventwire.server") / "dashboard"
    app.mount("/dashboard", StaticFiles(directory=str(dashboard)), name="dashboard")
    return app
