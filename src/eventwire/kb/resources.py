"""Paths to eventwire's packaged data and cached CSV loaders.

Data is found with ``importlib.resources`` so it works from a wheel, a zip or
a source checkout alike, never relative to the working directory.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from eventwire.errors import DataError

PACKAGE = "eventwire"


def data_path(*parts: str) -> Traversable:
    """Location of a packaged data file.

    parts (str): path components under ``eventwire/data``.
    RETURNS (Traversable): the resource (may not exist).
    """
    path = files(PACKAGE).joinpath("data")
    for part in parts:
        path = path.joinpath(part)
    return path


@cache
def read_csv(*parts: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged CSV file as dicts, read once per process.

    parts (str): path components under ``eventwire/data``.
    RETURNS (tuple[dict[str, str], ...]): the rows but comments, header keys, empty cells
        as "".
    """
    path = data_path(*parts)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as err:
        raise DataError(f"packaged data file missing: {'/'.join(parts)} ({err})") from err
    rows = csv.reader(io.StringIO(text))
    header = next(rows, [])
    width = len(header)
    # csv.reader and zip, not DictReader: twice as fast on the 20k-row tables. A row whose
    # first cell starts with "#" is a comment of the hand-edited tables.
    return tuple(dict(zip(header, (row + [""] * width)[:width], strict=True))
                 for row in rows if row and not row[0].startswith("#"))
