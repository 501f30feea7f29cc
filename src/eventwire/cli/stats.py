"""``eventwire stats``: documents by status, events by type and the top dyads of a corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli.exits import exit_codes


def stats_command(
    db: Annotated[Path, typer.Option("--db", help="Corpus database (DuckDB file).")],
    top: Annotated[int, typer.Option("--top", min=1, help="How many dyads to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Summarise a corpus: documents by status, events by type, top dyads."""
    from eventwire.export import corpus_stats
    from eventwire.store import open_store

    with exit_codes(), open_store(db, read_only=True) as store:
        stats = corpus_stats(store, top=top)
    if as_json:
        sys.stdout.write(json.dumps(stats, ensure_ascii=False) + "\n")
    else:
        show(stats)


def show(stats: dict[str, Any]) -> None:
    """Print the figures as three small tables."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    tables = (
        ("documents", ("status", "documents"), stats["documents"].items()),
        ("events", ("event", "events"), stats["events"].items()),
        ("top dyads", ("actor", "recipient", "events"),
         [(d["actor"], d["recipient"], d["events"]) for d in stats["dyads"]]),
    )
    for title, headers, rows in tables:
        table = Table(title=title, title_justify="left")
        for n, header in enumerate(headers):
            table.add_column(header, justify="right" if n == len(headers) - 1 else "left")
        for row in rows:
            table.add_row(*(str(v) for v in row))
        console.print(table)
