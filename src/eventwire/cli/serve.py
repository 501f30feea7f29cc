"""``eventwire serve``: the analyst API and dashboard over a corpus database."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.exits import exit_codes

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="Corpus database (DuckDB file).")],
    host: Annotated[str, typer.Option("--host", help="Address to bind; only this machine "
                                      "by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="EVENTWIRE_TOKEN",
        help="Require this token on every request (or set EVENTWIRE_TOKEN).")] = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Also answer requests for this host name (repeatable); "
        "127.0.0.1, localhost, [::1] and the --host address always are.")] = None,
    code_timeout: Annotated[float | None, typer.Option(
        "--code-timeout", min=1, help="Seconds a pasted story may take to code before "
        "it is stopped with 503 (20 by default).")] = None,
) -> None:
    """Serve the read-only HTTP API (docs at /docs) and the offline dashboard."""
    import uvicorn

    from eventwire.server import Limits, create_app

    limits = Limits() if code_timeout is None else Limits(code_seconds=code_timeout)
    names = [*(allow_host or []), *([] if host in WILDCARD_HOSTS else [host])]
    with exit_codes():
        app = create_app(db, token=token, allowed_hosts=names, limits=limits)
    if host not in LOCAL_HOSTS and not token:
        typer.echo(f"eventwire: warning: serving on {host} without --token; anyone who can "
                   "reach it can read the corpus", err=True)
    shown = f"[{host}]" if ":" in host else host
    suffix = "/?token=…" if token else "/"
    typer.echo(f"eventwire: dashboard at http://{shown}:{port}{suffix}  API docs at /docs  "
               f"(pid {os.getpid()}, Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
