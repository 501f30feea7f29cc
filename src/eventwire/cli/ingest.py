"""``eventwire ingest``: add files and folders to a corpus database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.exits import exit_codes


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Files or folders (walked recursively): .txt .html .jsonl .json .csv .warc, "
             "any of them gzipped.", show_default=False)],
    db: Annotated[Path, typer.Option("--db", help="Corpus database (DuckDB file).")],
    date: Annotated[str | None, typer.Option(
        "--date", help="Publication date YYYY-MM-DD for documents that give none.")] = None,
    text_column: Annotated[str, typer.Option(
        "--text-column", help="CSV column / JSON key of the text.")] = "text",
    id_column: Annotated[str, typer.Option(
        "--id-column", help="CSV column / JSON key of the document id.")] = "id",
    date_column: Annotated[str, typer.Option(
        "--date-column", help="CSV column of the publication date.")] = "date",
    title_column: Annotated[str, typer.Option(
        "--title-column", help="CSV column of the title.")] = "title",
    url_column: Annotated[str, typer.Option(
        "--url-column", help="CSV column of the URL.")] = "url",
    source_column: Annotated[str, typer.Option(
        "--source-column", help="CSV column of the outlet (JSON key: source).")] = "source",
    follow_symlinks: Annotated[bool, typer.Option(
        "--follow-symlinks", help="Read symlinked files and folders (skipped by default).")
    ] = False,
    max_file_bytes: Annotated[int, typer.Option(
        "--max-file-bytes", min=1,
        help="Largest file read whole (text, HTML, JSON), after gunzip.")] = 200_000_000,
    max_line_bytes: Annotated[int, typer.Option(
        "--max-line-bytes", min=1, help="Longest JSONL or CSV line.")] = 10_000_000,
    max_record_bytes: Annotated[int, typer.Option(
        "--max-record-bytes", min=1,
        help="Largest CSV row (all its lines) or WARC payload.")] = 10_000_000,
    max_field_chars: Annotated[int, typer.Option(
        "--max-field-chars", min=1, help="Longest CSV field, in characters.")] = 10_000_000,
) -> None:
    """Add documents to a corpus database; duplicates are recorded, never coded twice."""
    from eventwire.corpus import Columns, ingest
    from eventwire.ingest import ReadLimits
    from eventwire.store import open_store

    columns = Columns(text=text_column, id=id_column, date=date_column, title=title_column,
                      url=url_column, source=source_column)
    limits = ReadLimits(file_bytes=max_file_bytes, line_bytes=max_line_bytes,
                        record_bytes=max_record_bytes, field_chars=max_field_chars)
    with exit_codes(), open_store(db) as store:
        report = ingest(store, paths, date=date, columns=columns, limits=limits,
                        follow_symlinks=follow_symlinks)
        counts = store.status_counts()
    for link in report.skipped_links:
        typer.echo(f"eventwire: skipped symlink {link} (read it with --follow-symlinks)",
                   err=True)
    for message in report.errors:
        typer.echo(f"eventwire: {message}", err=True)
    typer.echo(
        f"{report.added} new, {report.duplicates} exact and {report.near_duplicates} near "
        f"duplicates, {report.failed} failed, {report.unchanged} already stored; "
        f"{counts['pending']} pending in {db}", err=True)
    if report.skipped_files:
        typer.echo(f"skipped {len(report.skipped_files)} files of unknown kind", err=True)
    if report.failed:
        raise typer.Exit(1)
