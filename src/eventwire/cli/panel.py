"""``eventwire panel``: counts per dyad, actor or country and period, as parquet or CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.exits import exit_codes


class Interval(StrEnum):
    """Panel periods."""

    day = "day"
    week = "week"
    month = "month"


class Unit(StrEnum):
    """What a panel row counts for."""

    dyad = "dyad"
    actor = "actor"
    country = "country"


class Count(StrEnum):
    """One count per real-world event, or per report of it."""

    clusters = "clusters"
    reports = "reports"


class PanelFormat(StrEnum):
    """Formats ``panel`` writes."""

    parquet = "parquet"
    csv = "csv"


def panel_command(
    db: Annotated[Path, typer.Option("--db", help="Corpus database (DuckDB file).")],
    by: Annotated[Interval, typer.Option("--by", help="Period: day, week (from Monday) "
                                                      "or month.")],
    unit: Annotated[Unit, typer.Option("--unit", help="dyad (pair of countries), actor "
                                                      "(country and sector) or country.")],
    fmt: Annotated[PanelFormat, typer.Option("--format", help="parquet or csv.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    directed: Annotated[bool, typer.Option(
        "--directed", help="Dyads as actor -> recipient instead of a sorted pair.")] = False,
    count: Annotated[Count, typer.Option(
        "--count", help="clusters: one per real-world event; reports: one per event "
                        "row.")] = Count.clusters,
    start: Annotated[str | None, typer.Option(
        "--start", help="Only events from this day (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option(
        "--end", help="Only events up to this day (YYYY-MM-DD).")] = None,
) -> None:
    """Count events per unit and period, with a zero row for every quiet period."""
    from eventwire.panel import PanelSpec, write_panel
    from eventwire.store import open_store

    with exit_codes(output):
        spec = PanelSpec(by=by.value, unit=unit.value, directed=directed, count=count.value,
                         start=start, end=end)
        with open_store(db, read_only=True) as store:
            summary = write_panel(store.con, spec, fmt.value, output)
    typer.echo(f"wrote {summary.message()} to {output}", err=True)
