"""Output writers: records to JSON Lines, CSV or parquet.

``open_writer`` picks the writer for a format name; every writer has
``write(records) -> int`` and ``close()``, and takes record dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from eventwire.errors import UsageError

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
# Formats of the contract that are not implemented yet.
PLANNED_FORMATS: tuple[str, ...] = ("icews", "gdelt")
# Formats written as bytes to a file, never to a terminal.
BINARY_FORMATS: frozenset[str] = frozenset({"parquet"})


class RecordWriter(Protocol):
    """What every writer does."""

    def write(self, records: Iterable[Any]) -> int: ...

    def close(self) -> None: ...


def check_format(fmt: str) -> None:
    """Raise ``UsageError`` unless ``fmt`` can be written."""
    if fmt in PLANNED_FORMATS:
        raise UsageError(f"format {fmt!r} is not available yet; use one of {', '.join(FORMATS)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def open_writer(
    fmt: str, target: IO[Any] | str | Path, record_types: Sequence[type]
) -> RecordWriter:
    """A writer of records of ``record_types`` in format ``fmt``.

    fmt (str): jsonl, csv or parquet.
    target: a text stream (jsonl, csv) or a path or binary stream (parquet).
    record_types (Sequence[type]): the record classes to write; more than one
        adds a ``kind`` field (jsonl) or column (tables).
    RETURNS (RecordWriter): call ``write`` per batch, then ``close``.
    """
    check_format(fmt)
    if fmt == "jsonl":
        from eventwire.writers.jsonl import JsonlWriter

        return JsonlWriter(target, with_kind=len(record_types) > 1)  # type: ignore[arg-type]
    from eventwire.writers.tabular import CsvWriter, ParquetWriter

    if fmt == "csv":
        return CsvWriter(target, record_types)  # type: ignore[arg-type]
    return ParquetWriter(target, record_types)  # type: ignore[arg-type]
