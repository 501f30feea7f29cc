"""``eventwire run``: code the pending documents of a corpus database, with a progress bar."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli.code import ACTORS_HELP
from eventwire.cli.exits import exit_codes


def run_command(
    db: Annotated[Path, typer.Option("--db", help="Corpus database (DuckDB file).")],
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Worker processes (Ray actors), each with its own model.")] = 1,
    engine: Annotated[str, typer.Option(
        "--engine", help="local (processes on this machine) or ray.")] = "local",
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, help="Code at most N documents.", show_default=False)] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Documents per batch; each batch is committed at once.")] = 16,
    address: Annotated[str | None, typer.Option(
        "--address", help="Ray cluster to join (default: start a local one).",
        show_default=False)] = None,
    model: Annotated[str | None, typer.Option(
        "--model", help="spaCy model package (default: the installed English model).",
        show_default=False)] = None,
    batch_timeout: Annotated[float, typer.Option(
        "--batch-timeout", min=0.001,
        help="Seconds a worker may spend on one batch; then it is stopped and the batch "
             "retried one document at a time.")] = 600.0,
    actors: Annotated[list[Path] | None, typer.Option(
        "--actors", help=ACTORS_HELP, show_default=False)] = None,
) -> None:
    """Code pending documents in batches; safe to kill and run again."""
    from eventwire.scale import run_corpus
    from eventwire.store import open_store

    with exit_codes(), open_store(db) as store:
        total = min(store.count_pending(), limit or sys.maxsize)
        typer.echo(f"coding {total} pending documents with {workers} {engine} worker(s)",
                   err=True)
        with _Progress(total) as advance:
            report = run_corpus(store, workers=workers, engine=engine, model=model,
                                batch_size=batch_size, limit=limit, address=address,
                                on_batch=advance, batch_timeout=batch_timeout,
                                actors=actors or ())
    for message in report.errors:
        typer.echo(f"eventwire: {message}", err=True)
    rate = report.docs / report.seconds if report.seconds else 0.0
    typer.echo(f"coded {report.docs} documents ({report.docs_failed} failed), "
               f"{report.events} events in {report.seconds:.1f}s ({rate:.1f} docs/s)", err=True)
    if report.docs_failed:
        raise typer.Exit(1)


class _Progress:
    """A Rich bar with docs/s and ETA on a terminal; one line per batch otherwise (logs)."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.total = total
        self.bar = Progress(
            TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
            TextColumn("ETA"), TimeRemainingColumn(), console=self.console,
        ) if self.console.is_terminal else None
        self.task = self.bar.add_task("coding", total=total, rate="-") if self.bar else None

    def __enter__(self) -> Any:
        if self.bar is not None:
            self.bar.start()
        return self.advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, report: Any, size: int) -> None:
        elapsed = report.elapsed()
        rate = f"{report.docs / elapsed:.1f}" if elapsed else "-"
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, advance=size, rate=rate)
        else:
            typer.echo(f"committed {report.docs}/{self.total} documents ({rate} docs/s)",
                       err=True)
