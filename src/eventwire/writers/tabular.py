"""CSV and parquet: flat tables with columns derived from the record schema.

Both stream: CSV writes rows as they come, parquet one row group per call to
``write``, so a corpus never has to fit in memory. The header (and parquet
schema) is fixed before the first record, so an empty run still yields a table
with all its columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.writers.flat import Column, columns, rows, union_columns

_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}


def table_columns(record_types: Sequence[type]) -> tuple[Column, ...]:
    """Columns of a table of one record type, or of several with a ``kind`` column."""
    if len(record_types) == 1:
        return columns(record_types[0])
    return union_columns(record_types)


def arrow_schema(table_cols: Sequence[Column]) -> pa.Schema:
    """The parquet schema of flat columns."""
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in table_cols])


def arrow_table(records: Iterable[Any], record_types: Sequence[type]) -> pa.Table:
    """Records as one pyarrow table with the schema's columns and types."""
    cols = table_columns(record_types)
    return pa.Table.from_pylist(rows(records, cols), schema=arrow_schema(cols))


class CsvWriter:
    """Streams records as CSV rows with a header line, ``\\n`` line ends."""

    def __init__(self, stream: TextIO, record_types: Sequence[type]) -> None:
        self.columns = table_columns(record_types)
        self.stream = stream
        self._csv = csv.DictWriter(stream, fieldnames=[n for n, _ in self.columns],
                                   lineterminator="\n")
        self._csv.writeheader()

    def write(self, records: Iterable[Any]) -> int:
        """Write records; RETURNS (int) how many."""
        batch = rows(records, self.columns)
        self._csv.writerows(batch)
        return len(batch)

    def close(self) -> None:
        self.stream.flush()


class ParquetWriter:
    """Writes records to a parquet file, one row group per non-empty batch."""

    def __init__(self, target: str | Path | BinaryIO, record_types: Sequence[type]) -> None:
        self.record_types = tuple(record_types)
        self.schema = arrow_schema(table_columns(self.record_types))
        self._parquet = pq.ParquetWriter(target, self.schema)

    def write(self, records: Iterable[Any]) -> int:
        """Write records; RETURNS (int) how many."""
        table = arrow_table(records, self.record_types)
        if table.num_rows:
            self._parquet.write_table(table)
        return table.num_rows

    def close(self) -> None:
        self._parquet.close()
