"""The analyst interface: a read-only FastAPI application over a corpus store.

``create_app`` builds the whole application (JSON API under ``/api``, the
offline dashboard at ``/``, OpenAPI docs at ``/docs`` and ``/redoc`` from
packaged files), so tests use it with no network and ``eventwire serve`` only
runs uvicorn on it. Every DuckDB query runs on a cursor of its own thread,
since one connection must not be shared between threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.server.clusters import build_clusters
from eventwire.server.coding import CodingFailed, CodingWorker, default_coder
from eventwire.server.guard import LOOPBACK_HOSTS, Guard, error_body
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
    max_panel_rows: int = 50_000
    code_seconds: float = 20.0


VENDOR = "/dashboard/vendor"
# The docs pages may load nothing from elsewhere (ReDoc would fetch its logo from a CDN).
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
               "'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
               "worker-src 'self' blob:; connect-src 'self'")


class Context:
    """What every route needs: the store and its index, a cursor per thread, the coder."""

    def __init__(self, store: Store, limits: Limits, coding: CodingWorker) -> None:
        self.store = store
        self.limits = limits
        _deny_file_access(store.con)
        build_index(store.con)
        build_clusters(store.con)
        self.overview = overview(store.con)  # the store is read-only: it cannot go stale
        self.coding = coding
        self._local = threading.local()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's DuckDB cursor on the store."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self.store.con.cursor()
        return con


def _deny_file_access(con: duckdb.DuckDBPyConnection) -> None:
    """Turn DuckDB's access to files other than the store off, for good.

    A crafted database could hold views that read local files (``read_csv`` of
    any path). DuckDB shares one instance between connections to the same file
    in a process, so an instance already locked is left as it is.
    """
    setting = "SELECT current_setting('lock_configuration'), current_setting(?)"
    locked, external = con.execute(setting, ["enable_external_access"]).fetchone()
    if external:
        if locked:
            raise RuntimeError("the store is open elsewhere with file access on")
        con.execute("SET enable_external_access = false")
    if not locked:
        con.execute("SET lock_configuration = true")


def error(status: int, code: str, message: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, parameter), status_code=status)


def create_app(store_path: str | Path, token: str | None = None, limits: Limits | None = None,
               coder: Any = None, allowed_hosts: Iterable[str] = (),
               make_coder: Callable[[], Any] | None = None) -> FastAPI:
    """The analyst application over the corpus database at ``store_path``.

    token (str | None): when given, every request must carry it (``Authorization:
        Bearer``, ``?token=`` or the cookie the dashboard gets from ``?token=``).
    limits (Limits | None): body, page, download and coding-time limits; defaults if None.
    coder (Coder | None): a loaded Coder for ``POST /api/code``, shared with the coding
        process; that process loads its own if None.
    allowed_hosts (Iterable[str]): Host header names answered besides 127.0.0.1,
        localhost and [::1]; any other gets 400.
    make_coder (Callable | None): builds the coder in the coding process, instead of
        ``coder``; anything with the Coder's ``code`` method.
    RETURNS (FastAPI): the application.
    """
    from eventwire import __version__
    from eventwire.server.routes import router

    limits = limits or Limits()
    if make_coder is None:
        make_coder = default_coder if coder is None else lambda: coder
    coding = CodingWorker(make_coder, limits.code_seconds)
    store = open_store(store_path, read_only=True)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        coding.close()
        store.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="Read-only access to a coded corpus: PLOVER events, quotes, "
                              "actors, time series and rankings.")
    try:
        app.state.ctx = Context(store, limits, coding)
    except Exception:
        store.close()
        raise

    app.add_middleware(Guard, max_body_bytes=limits.max_body_bytes, token=token,
                       allowed_hosts=LOOPBACK_HOSTS | frozenset(allowed_hosts))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = [str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path")]
        return error(400, "bad_parameter", str(first.get("msg", "invalid request")),
                     ".".join(where) or None)

    @app.exception_handler(BadParameter)
    async def bad_parameter(_: Request, exc: BadParameter) -> JSONResponse:
        return error(400, "bad_parameter", exc.message, exc.parameter)

    @app.exception_handler(CodingFailed)
    async def coding_failed(_: Request, exc: CodingFailed) -> JSONResponse:
        return error(exc.status, exc.code, exc.message, "text")

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

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json", title="eventwire API",
            swagger_js_url=f"{VENDOR}/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui.css",
            swagger_favicon_url=f"{VENDOR}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None})
        page.headers["Content-Security-Policy"] = DOCS_POLICY
        return page

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(openapi_url="/openapi.json", title="eventwire API",
                              redoc_js_url=f"{VENDOR}/redoc.standalone.js",
                              redoc_favicon_url=f"{VENDOR}/favicon-32x32.png",
                              with_google_fonts=False)
        page.headers["Content-Security-Policy"] = DOCS_POLICY
        return page

    dashboard = files("eventwire.server") / "dashboard"
    app.mount("/dashboard", StaticFiles(directory=str(dashboard)), name="dashboard")
    return app
