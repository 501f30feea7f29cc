"""``eventwire demo``: code the packaged sample article and show the result.

A first run needs no input of one's own: the AFP story of the Nara summit
(13 January 2026) ships with the package, and its records are shown as tables
and written as JSONL (all kinds) to a file.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.cli.exits import exit_codes
from eventwire.records import Document, Entity

SAMPLE_FILE = "nara-summit.txt"
SAMPLE_DATE = "2026-01-13"
SAMPLE_ID = "nara-summit"
DEFAULT_OUTPUT = Path("out/sample-events.jsonl")


def sample_text() -> str:
    """The packaged sample article."""
    return files("eventwire").joinpath("data", "sample", SAMPLE_FILE).read_text("utf-8")


def demo_command(
    output: Annotated[Path, typer.Option(
        "-o", "--output", help="Where to write the JSONL records (all kinds).")] = DEFAULT_OUTPUT,
    model: Annotated[str | None, typer.Option(
        "--model", help="spaCy model package (default: the installed English model).",
        show_default=False)] = None,
) -> None:
    """Code the sample article (AFP, 13 Jan 2026), show its events and quotes, save JSONL."""
    with exit_codes():
        from eventwire.coder import Coder

        doc = Coder(model=model).code(sample_text(), date=SAMPLE_DATE, doc_id=SAMPLE_ID)
    if doc.status != "ok":
        typer.echo(f"eventwire: {doc.error}", err=True)
        raise typer.Exit(1)
    console = Console(highlight=False)
    console.print(events_table(doc))
    console.print(quotes_table(doc))
    written = _write(doc, output)
    console.print(Text(f"Wrote {written} records (events, quotes, actors) to {output}"),
                  soft_wrap=True)


def events_table(doc: Document) -> Table:
    """The document's events, one row each; ids without the document prefix."""
    table = Table(title=f"{len(doc.events)} events in {doc.doc_id} ({doc.date})")
    for column in ("id", "date", "event"):
        table.add_column(column, no_wrap=True)
    table.add_column("mode", overflow="fold")
    table.add_column("actor → recipient", ratio=3)
    table.add_column("event_text", ratio=2)
    for event in doc.events:
        no_recipient = "(joint)" if len(event.actor) > 1 else "-"
        who = f"{_entities(event.actor)} → {_entities(event.recipient) or no_recipient}"
        table.add_row(*(Text(cell) for cell in (
            event.id.removeprefix(f"{doc.doc_id}-"), event.date or "", event.event,
            ", ".join(event.mode), who, event.event_text)))
    return table


def quotes_table(doc: Document) -> Table:
    """The document's quotes with their speakers."""
    table = Table(title=f"{len(doc.quotes)} quotes")
    table.add_column("speaker", ratio=1)
    table.add_column("cue", no_wrap=True)
    table.add_column("quote", ratio=3)
    for quote in doc.quotes:
        speaker = _entities([quote.speaker]) if quote.speaker else "?"
        table.add_row(Text(speaker), Text(quote.cue or ""), Text(quote.quote))
    return table


def _entities(entities: list[Entity]) -> str:
    """"Sanae Takaichi (JPN GOV); China (CHN)": names with their codes."""
    parts = []
    for entity in entities:
        codes = " ".join(c for c in (entity.code, entity.sector) if c)
        name = entity.name or entity.entity_text
        parts.append(f"{name} ({codes})" if codes else name)
    return "; ".join(parts)


def _write(doc: Document, output: Path) -> int:
    from eventwire.records import ActorRecord, Event, Quote
    from eventwire.writers import open_writer

    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as stream:
        writer = open_writer("jsonl", stream, [Event, Quote, ActorRecord])
        written = writer.write([*doc.events, *doc.quotes, *doc.actors])
        writer.close()
    return written
