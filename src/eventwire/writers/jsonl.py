"""JSON Lines: one record per line, the contract's own field names and nesting.

Keys keep schema order and non-ASCII text is written as is, so the same
records always give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.writers.flat import kind_of


def dumps(record: Any, with_kind: bool = False) -> str:
    """One record as a JSON line (without the newline).

    record (Event | Quote | ActorRecord): the record.
    with_kind (bool): lead with a ``kind`` field (event, quote, actor).
    RETURNS (str): the JSON text.
    """
    data = record.to_dict()
    if with_kind:
        data = {"kind": kind_of(record), **data}
    return json.dumps(data, ensure_ascii=False)


class JsonlWriter:
    """Streams records to a text stream as they come."""

    def __init__(self, stream: TextIO, with_kind: bool = False) -> None:
        self.stream = stream
        self.with_kind = with_kind

    def write(self, records: Iterable[Any]) -> int:
        """Write records; RETURNS (int) how many."""
        count = 0
        for record in records:
            self.stream.write(dumps(record, self.with_kind) + "\n")
            count += 1
        return count

    def close(self) -> None:
        self.stream.flush()
