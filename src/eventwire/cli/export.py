"""``eventwire export``: a corpus database's records as parquet, CSV, JSONL, ICEWS or GDELT."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.exits import exit_codes


class ExportFormat(StrEnum):
    """Formats ``export`` writes."""

    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    icews = "icews"
    gdelt = "gdelt"


class Kinds(StrEnum):
    """Which records to export."""

    events = "events"
    quotes = "quotes"
    actors = "actors"
    clusters = "clusters"
    all = "all"


def export_command(
    db: Annotated[Path, typer.Option("--db", help="Corpus database (DuckDB file).")],
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="parquet, csv, jsonl, icews or gdelt (events only).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    what: Annotated[Kinds, typer.Option(
        "--what", help="Records to write; 'all' (events, quotes, actors) adds a 'kind' "
                       "field; 'clusters': one row per linked event.")] = Kinds.events,
) -> None:
    """Export stored records or event clusters; ICEWS and GDELT 2.0 columns for events."""
    from eventwire.export import export_corpus
    from eventwire.store import open_store

    kinds = ("event", "quote", "actor") if what is Kinds.all else (what.value[:-1],)
    with exit_codes(output), open_store(db, read_only=True) as store:
        written = export_corpus(store, fmt.value, output, kinds)
    typer.echo(f"wrote {written} rows to {output}", err=True)
