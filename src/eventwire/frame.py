"""``to_frame``: records as a pandas DataFrame, one row per record.

Columns are the same flat columns as the CSV and parquet writers, so a frame,
a CSV file and a parquet file of the same records agree column for column.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from eventwire.writers.tabular import arrow_table


def to_frame(records: Iterable[Any], record_type: type | None = None) -> pd.DataFrame:
    """A DataFrame of events, quotes or actors.

    records (Iterable): Event, Quote or ActorRecord objects; several kinds at
        once add a ``kind`` column.
    record_type (type | None): the record class, which gives an empty list
        its columns (``to_frame(doc.events, Event)`` always has ``event``).
    RETURNS (pandas.DataFrame): one row per record.
    """
    records = list(records)
    types = list(dict.fromkeys(type(r) for r in records))
    if not types and record_type is not None:
        types = [record_type]
    if not types:
        return pd.DataFrame()
    return arrow_table(records, types).to_pandas()
