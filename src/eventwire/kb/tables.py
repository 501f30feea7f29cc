"""Tab-separated knowledge tables with ``#`` comment lines, read once."""

from __future__ import annotations

import csv
from functools import cache

from eventwire.errors import DataError
from eventwire.kb.resources import data_path


@cache
def read_tsv(*parts: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged TSV table; lines starting with ``#`` are comments.

    parts (str): path components under ``eventwire/data``.
    RETURNS (tuple[dict[str, str], ...]): the rows, empty cells as "".
    """
    try:
        text = data_path(*parts).read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(f"packaged data file missing: {'/'.join(parts)} ({err})") from err
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple({k: v or "" for k, v in row.items()}
                 for row in csv.DictReader(lines, delimiter="\t"))


def read_lines(*parts: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a packaged text file (e.g. JSONL)."""
    text = data_path(*parts).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
