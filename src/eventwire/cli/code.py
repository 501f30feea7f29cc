"""``eventwire code``: code a file, a JSONL corpus or stdin, and write records.

Documents stream through (read, code, write, in small batches), so a corpus
never has to fit in memory and a bad document costs only itself.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from eventwire.cli.exits import exit_codes, fail
from eventwire.errors import InputError, UsageError

ACTORS_HELP = ("Your own actor dictionary, whose names win over the packaged ones: a PETRARCH "
               "actor or agents file, or a CSV/TSV table (name, code, sector, start, end). "
               "Repeatable.")


class What(StrEnum):
    """Which records to write."""

    events = "events"
    quotes = "quotes"
    actors = "actors"
    all = "all"


KINDS: dict[What, tuple[str, ...]] = {
    What.events: ("event",),
    What.quotes: ("quote",),
    What.actors: ("actor",),
    What.all: ("event", "quote", "actor"),
}


def code_command(
    path: Annotated[str, typer.Argument(
        help="Text, HTML or JSONL file (one document per line); '-' reads stdin.",
        show_default=False)],
    date: Annotated[str | None, typer.Option(
        "--date", help="Publication date YYYY-MM-DD for documents that give none.")] = None,
    what: Annotated[What, typer.Option(
        "--what", help="Records to write; 'all' adds a 'kind' field.")] = What.events,
    fmt: Annotated[str, typer.Option(
        "--format", help="jsonl, csv or parquet (parquet needs -o).")] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write here instead of stdout.", show_default=False)] = None,
    model: Annotated[str | None, typer.Option(
        "--model", help="spaCy model package (default: the installed English model).",
        show_default=False)] = None,
    id_field: Annotated[str, typer.Option(
        "--id-field", help="JSONL field holding the document id.")] = "id",
    text_field: Annotated[str, typer.Option(
        "--text-field", help="JSONL field holding the document text.")] = "text",
    max_file_bytes: Annotated[int, typer.Option(
        "--max-file-bytes", min=1,
        help="Largest file read whole (text, HTML, JSON), after gunzip.")] = 200_000_000,
    max_line_bytes: Annotated[int, typer.Option(
        "--max-line-bytes", min=1, help="Longest JSONL line.")] = 10_000_000,
    actors: Annotated[list[Path] | None, typer.Option(
        "--actors", help=ACTORS_HELP, show_default=False)] = None,
) -> None:
    """Code news text into PLOVER events, quotes or actors (JSONL to stdout)."""
    with exit_codes():
        _check_options(fmt, output)
        from eventwire.coder import Coder
        from eventwire.ingest import ReadLimits, read_inputs

        limits = ReadLimits(file_bytes=max_file_bytes, line_bytes=max_line_bytes)
        inputs = read_inputs(path, date=date, id_field=id_field, text_field=text_field,
                             limits=limits)
        coder = Coder(model=model, actors=actors or ())
    failures = 0

    def report(message: str) -> None:
        nonlocal failures
        failures += 1
        fail(message)

    with exit_codes(output, writes_stdout=output is None), _target(fmt, output) as target:
        written = _code_all(coder, inputs, fmt, target, KINDS[what], report)
    if output is not None:
        typer.echo(f"wrote {written} records to {output}", err=True)
    if failures:
        typer.echo(f"{failures} document(s) failed", err=True)
        raise typer.Exit(1)


def _code_all(coder: Any, inputs: Iterable[Any], fmt: str, target: Any,
              kinds: tuple[str, ...], report: Callable[[str], None]) -> int:
    """Code every readable input and write its records; RETURNS the record count."""
    from eventwire.records import RECORD_KINDS
    from eventwire.writers import open_writer

    def readable() -> Iterator[Any]:
        for item in inputs:
            if isinstance(item, InputError):
                report(str(item))
            else:
                yield item

    writer = open_writer(fmt, target, [RECORD_KINDS[kind] for kind in kinds])
    written = 0
    try:
        for doc in coder.pipe(readable()):
            if doc.status != "ok":
                report(doc.error or f"{doc.doc_id}: failed")
                continue
            # Document holds each kind in a list named after it: events, quotes, actors.
            written += writer.write(r for kind in kinds for r in getattr(doc, f"{kind}s"))
    finally:
        writer.close()
    return written


def _check_options(fmt: str, output: Path | None) -> None:
    from eventwire.writers import BINARY_FORMATS, check_format

    check_format(fmt)
    if fmt in BINARY_FORMATS and output is None:
        raise UsageError(f"--format {fmt} writes a binary file: give it with -o FILE")


@contextlib.contextmanager
def _target(fmt: str, output: Path | None) -> Iterator[IO[Any] | Path]:
    """Where a writer writes: the output path (parquet), a UTF-8 file, or stdout.

    Text is always UTF-8 with ``\\n`` line ends, whatever the locale, so the
    same input gives the same bytes everywhere.
    """
    from eventwire.writers import BINARY_FORMATS

    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    if fmt in BINARY_FORMATS and output is not None:
        yield output
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        sys.stdout.flush()
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="",
                                  write_through=True)
        try:
            yield stream
        finally:
            stream.flush()
            stream.detach()


