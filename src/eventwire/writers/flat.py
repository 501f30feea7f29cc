"""Flat rows of records for tables (CSV, parquet, pandas).

Columns derive from the record dataclasses, so a new field in ``records.py``
appears in every table without touching a writer. Nested values are spread
over prefixed columns (``text_info_start``, ``event_loc_name``); lists of
entities become one column per entity field with values joined by ``;``
(``actor_code`` = ``"JPN;KOR"``), in the same order across those columns.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from eventwire.records import RECORD_KINDS, Entity

SEPARATOR = ";"
SOURCE_FIELDS = ("speaker", "quote")

KIND_OF: dict[type, str] = {cls: kind for kind, cls in RECORD_KINDS.items()}

# Column value types: "str", "int" or "float" (nullable, as in parquet).
Column = tuple[str, str]
_SCALARS = {str: "str", int: "int", float: "float"}


def kind_of(record: Any) -> str:
    """The ``kind`` name (event, quote, actor) of a record."""
    return KIND_OF[type(record)]


@cache
def columns(record_type: type) -> tuple[Column, ...]:
    """Flat columns of a record type, in schema order.

    record_type (type): Event, Quote or ActorRecord.
    RETURNS (tuple[tuple[str, str]]): (column name, value type) pairs.
    """
    hints = typing.get_type_hints(record_type)
    out: list[Column] = []
    for f in dataclasses.fields(record_type):
        out.extend(_field_columns(f.name, hints[f.name]))
    return tuple(out)


def union_columns(record_types: Sequence[type]) -> tuple[Column, ...]:
    """Columns of several record types in one table, led by ``kind``."""
    seen: dict[str, str] = {"kind": "str"}
    for record_type in record_types:
        for name, value_type in columns(record_type):
            seen.setdefault(name, value_type)
    return tuple(seen.items())


def flatten(record: Any) -> dict[str, Any]:
    """One flat row of a record, keyed by its ``columns``."""
    row: dict[str, Any] = {}
    hints = typing.get_type_hints(type(record))
    for f in dataclasses.fields(record):
        row.update(_field_values(f.name, hints[f.name], getattr(record, f.name)))
    return row


def rows(records: Iterable[Any], table_columns: Sequence[Column]) -> list[dict[str, Any]]:
    """Flat rows with every table column present (missing ones as None)."""
    names = [name for name, _ in table_columns]
    with_kind = "kind" in names
    out = []
    for record in records:
        row = flatten(record)
        if with_kind:
            row["kind"] = kind_of(record)
        out.append({name: row.get(name) for name in names})
    return out


def _nested(hint: Any) -> type | None:
    """The dataclass inside ``X``, ``X | None`` or ``list[X]``, if any."""
    for arg in (hint, *typing.get_args(hint)):
        if dataclasses.is_dataclass(arg):
            return arg
    return None


def _field_columns(name: str, hint: Any) -> list[Column]:
    nested = _nested(hint)
    if nested is not None:
        return [(f"{name}_{sub}", kind) for sub, kind in columns(nested)]
    if name == "source":
        return [(f"source_{sub}", "str") for sub in SOURCE_FIELDS]
    scalar = next((_SCALARS[t] for t in (hint, *typing.get_args(hint)) if t in _SCALARS), "str")
    return [(name, scalar)]


def _field_values(name: str, hint: Any, value: Any) -> dict[str, Any]:
    nested = _nested(hint)
    if nested is not None:
        subs = [sub for sub, _ in columns(nested)]
        if typing.get_origin(hint) is list:
            return {f"{name}_{sub}": _join(getattr(v, sub) for v in value) if value else None
                    for sub in subs}
        return {f"{name}_{sub}": getattr(value, sub) if value else None for sub in subs}
    if name == "source":
        return {f"source_{sub}": _source_value((value or {}).get(sub)) for sub in SOURCE_FIELDS}
    if name == "mentions":
        return {name: _join(f"{start}-{end}" for start, end in value) if value else None}
    if typing.get_origin(hint) is list:
        return {name: _join(value) if value else None}
    return {name: value}


def _join(values: Iterable[Any]) -> str:
    return SEPARATOR.join("" if v is None else str(v) for v in values)


def _source_value(value: Any) -> str | None:
    """A speaker may be an entity (as dict or record) or plain text."""
    if isinstance(value, Entity):
        return value.name or value.entity_text
    if isinstance(value, dict):
        return value.get("name") or value.get("entity_text")
    return None if value is None else str(value)
