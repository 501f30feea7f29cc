"""SQL over the event store for the analyst interface.

Every query is built from a ``Filters`` value: fixed SQL fragments joined
with ``AND`` and user values passed only as parameters, never spliced in.
Dates of day, month or year precision are compared by the day they start on.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from calendar import monthrange
from dataclasses import dataclass, field
from typing import Any

import duckdb

from eventwire.kb.ontology import PLOVER_TYPES

INTERVALS: tuple[str, ...] = ("day", "week", "month", "year")
DAY = ("try_cast(CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-01' "
       "WHEN 4 THEN date || '-01-01' END AS DATE)")
ORDER_KEY = "coalesce(date, '')"
_CODES = "[x.code FOR x IN {side} IF x.code IS NOT NULL]"
_NAMES = "[lower(coalesce(x.name, x.entity_text)) FOR x IN {side}]"
_CODE_RE = re.compile(r"^[A-Z]{3}$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class BadParameter(ValueError):
    """A request parameter that cannot be used; the API answers 400 naming it."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def split(value: str | None) -> list[str]:
    """Comma-separated values, blanks dropped."""
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def codes(name: str, value: str | None) -> list[str]:
    """Country or organisation codes (three capital letters, e.g. JPN, IGO)."""
    found = [v.upper() for v in split(value)]
    for code in found:
        if not _CODE_RE.match(code):
            raise BadParameter(name, f"{code!r} is not a three-letter code such as JPN")
    return found


def parse_day(name: str, value: str | None, end: bool = False) -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY as the first (or, for ``end``, last) day it covers."""
    if not value:
        return None
    match = _DATE_RE.match(value.strip())
    if not match:
        raise BadParameter(name, f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
    if not 1 <= month <= 12:
        raise BadParameter(name, f"{value!r} has no month {month}")
    last = monthrange(year, month)[1]
    days = int(day) if day else (last if end else 1)
    if not 1 <= days <= last:
        raise BadParameter(name, f"{value!r} has no day {days}")
    return f"{year:04d}-{month:02d}-{days:02d}"


@dataclass
class Filters:
    """What an analyst narrows the events to; empty fields do not filter."""

    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    party: list[str] = field(default_factory=list)
    actor_sector: list[str] = field(default_factory=list)
    recipient_sector: list[str] = field(default_factory=list)
    actor_name: str | None = None
    recipient_name: str | None = None
    event: list[str] = field(default_factory=list)
    quad: list[int] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    place: str | None = None
    q: str | None = None
    doc_id: str | None = None

    def __post_init__(self) -> None:
        unknown = [e for e in self.event if e not in PLOVER_TYPES]
        if unknown:
            raise BadParameter("event", f"unknown type {unknown[0]!r}; use one of "
                               + ", ".join(PLOVER_TYPES))
        if any(q not in (1, 2, 3, 4) for q in self.quad):
            raise BadParameter("quad", "quad codes are 1, 2, 3 or 4")
        if self.start and self.end and self.start > self.end:
            raise BadParameter("start", "start is after end")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters."""
        parts: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            parts.append(sql)
            params.extend(values)

        actor_codes, recipient_codes = _CODES.format(side="actor"), _CODES.format(
            side="recipient")
        if self.actor:
            add(f"list_has_any({actor_codes}, ?::VARCHAR[])", self.actor)
        if self.recipient:
            add(f"list_has_any({recipient_codes}, ?::VARCHAR[])", self.recipient)
        if self.party:
            add(f"list_has_any(list_concat({actor_codes}, {recipient_codes}), ?::VARCHAR[])",
                self.party)
        for side, sectors in (("actor", self.actor_sector), ("recipient", self.recipient_sector)):
            if sectors:
                add(f"list_has_any([x.sector FOR x IN {side}], ?::VARCHAR[])",
                    [s.upper() for s in sectors])
        for side, name in (("actor", self.actor_name), ("recipient", self.recipient_name)):
            if name:
                add(f"len([n FOR n IN {_NAMES.format(side=side)} "
                    "IF contains(n, lower(?))]) > 0", name)
        if self.event:
            add("event IN (SELECT unnest(?::VARCHAR[]))", self.event)
        if self.quad:
            add("quad_code IN (SELECT unnest(?::INTEGER[]))", self.quad)
        if self.mode:
            add("list_has_any(mode, ?::VARCHAR[])", self.mode)
        if self.context:
            add("list_has_any(context, ?::VARCHAR[])", self.context)
        if self.start:
            add(f"{DAY} >= ?::DATE", self.start)
        if self.end:
            add(f"{DAY} <= ?::DATE", self.end)
        if self.place:
            add("(contains(lower(event_loc.name), lower(?)) OR event_loc.country_code = ? "
                "OR lower(event_loc.admin1) = lower(?))",
                self.place, self.place.upper(), self.place)
        if self.q:
            add("contains(lower(text), lower(?))", self.q)
        if self.doc_id:
            add("doc_id = ?", self.doc_id)
        return (" AND ".join(parts) or "TRUE"), params


def encode_cursor(row: dict[str, Any]) -> str:
    """An opaque position after ``row`` in the events order."""
    raw = json.dumps([row.get("date") or "", row["id"]]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, last_id = json.loads(raw)
    except (ValueError, binascii.Error, TypeError) as err:
        raise BadParameter("cursor", "not a cursor returned by this API") from err
    if not isinstance(key, str) or not isinstance(last_id, str):
        raise BadParameter("cursor", "not a cursor returned by this API")
    return key, last_id


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return con.sql(sql, params=params).to_arrow_table().to_pylist()


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row as its JSON record (``source`` is kept as JSON text)."""
    if isinstance(row.get("source"), str):
        row["source"] = json.loads(row["source"])
    return row


def events_page(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int,
                cursor: str | None) -> dict[str, Any]:
    """One page of events, newest first, and the cursor of the next page."""
    where, params = filters.where()
    total = count_events(con, filters)
    page_where, page_params = where, list(params)
    if cursor:
        key, last_id = decode_cursor(cursor)
        page_where += f" AND ({ORDER_KEY} < ? OR ({ORDER_KEY} = ? AND id > ?))"
        page_params += [key, key, last_id]
    rows = _rows(con, f"SELECT * FROM events WHERE {page_where} "
                 f"ORDER BY {ORDER_KEY} DESC, id LIMIT ?", [*page_params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return {"total": total,
            "events": [event_json(r) for r in rows],
            "next_cursor": encode_cursor(rows[-1]) if more else None}


def count_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    where, params = filters.where()
    return int(con.sql(f"SELECT count(*) FROM events WHERE {where}", params=params)
               .fetchall()[0][0])


def event_batches(con: duckdb.DuckDBPyConnection, filters: Filters,
                  chunk: int = 5_000) -> Any:
    """Every filtered event row, newest first, in arrow batches."""
    where, params = filters.where()
    return con.sql(f"SELECT * FROM events WHERE {where} ORDER BY {ORDER_KEY} DESC, id",
                   params=params).to_arrow_reader(chunk)


def _dyad_condition(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """Events between ``a`` and ``b``; a joint act (recipient empty) counts both ways."""
    ac, rc = _CODES.format(side="actor"), _CODES.format(side="recipient")
    one_way = (f"(list_has({ac}, ?) AND (list_has({rc}, ?) "
               f"OR (len(recipient) = 0 AND list_has({ac}, ?))))")
    if directed:
        return one_way, [a, b, b]
    return f"({one_way} OR {one_way})", [a, b, b, b, a, a]


def series(con: duckdb.DuckDBPyConnection, filters: Filters, interval: str,
           by: str | None, dyad: tuple[str, str, bool] | None) -> list[dict[str, Any]]:
    """Events per period (and per quad or type), with summed and mean scores."""
    if interval not in INTERVALS:
        raise BadParameter("interval", f"use one of {', '.join(INTERVALS)}")
    where, params = filters.where()
    if dyad:
        extra, extra_params = _dyad_condition(*dyad)
        where, params = f"{where} AND {extra}", [*params, *extra_params]
    key = {"quad": "quad_code::VARCHAR", "event": "event", None: "'all'"}[by]
    sql = (f"SELECT strftime(date_trunc('{interval}', {DAY}), '%Y-%m-%d') AS period, "
           f"{key} AS key, count(*) AS events, "
           "round(sum(intensity), 3) AS intensity_sum, round(avg(intensity), 3) AS intensity_mean, "
           "round(sum(goldstein), 3) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean "
           f"FROM events WHERE {where} AND {DAY} IS NOT NULL GROUP BY ALL ORDER BY period, key")
    return _rows(con, sql, params)


def _party_key(by: str) -> str:
    return {"country": "x.code", "name": "coalesce(x.name, x.entity_text)"}[by]


def actor_ranking(con: duckdb.DuckDBPyConnection, filters: Filters, by: str,
                  limit: int) -> list[dict[str, Any]]:
    """The actors in most events, as actor and as recipient."""
    where, params = filters.where()
    key = _party_key(by)
    sql = (f"WITH f AS (SELECT id, intensity, actor, recipient FROM events WHERE {where}), "
           f"p AS (SELECT id, intensity, 'actor' AS role, unnest([{{'key': {key}, 'code': x.code}}"
           " FOR x IN actor]) AS e FROM f UNION ALL "
           f"SELECT id, intensity, 'recipient', unnest([{{'key': {key}, 'code': x.code}} "
           "FOR x IN recipient]) FROM f) "
           "SELECT e.key AS key, any_value(e.code) AS code, count(DISTINCT id) AS events, "
           "count(*) FILTER (role = 'actor') AS as_actor, "
           "count(*) FILTER (role = 'recipient') AS as_recipient, "
           "round(avg(intensity), 3) AS intensity_mean FROM p WHERE e.key IS NOT NULL "
           "GROUP BY e.key ORDER BY events DESC, key LIMIT ?")
    return _rows(con, sql, [*params, limit])


def dyad_ranking(con: duckdb.DuckDBPyConnection, filters: Filters, by: str, directed: bool,
                 limit: int) -> list[dict[str, Any]]:
    """The pairs with most events between them; a joint act links all its actors."""
    where, params = filters.where()
    key = _party_key(by)
    joint = "x <> y" if directed else "x < y"
    pair = "[x, y]" if directed else "[least(x, y), greatest(x, y)]"
    sql = (f"WITH f AS (SELECT id, intensity, goldstein, quad_code, "
           f"list_distinct([{key} FOR x IN actor IF {key} IS NOT NULL]) AS a, "
           f"list_distinct([{key} FOR x IN recipient IF {key} IS NOT NULL]) AS r, "
           "len(recipient) = 0 AS joint FROM events WHERE " + where + "), "
           "p AS (SELECT DISTINCT id, intensity, goldstein, quad_code, unnest(CASE WHEN joint "
           f"THEN flatten([[[x, y] FOR y IN a IF {joint}] FOR x IN a]) "
           f"ELSE flatten([[{pair} FOR y IN r IF x <> y] FOR x IN a]) END) AS d FROM f) "
           "SELECT d[1] AS a, d[2] AS b, count(*) AS events, "
           "round(avg(intensity), 3) AS intensity_mean, "
           "round(avg(goldstein), 3) AS goldstein_mean, "
           "count(*) FILTER (quad_code IN (1, 2)) AS cooperation, "
           "count(*) FILTER (quad_code IN (3, 4)) AS conflict "
           "FROM p GROUP BY d ORDER BY events DESC, a, b LIMIT ?")
    return _rows(con, sql, [*params, limit])


def places(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int) -> list[dict[str, Any]]:
    """Event locations with how many events happened there and how hostile they were."""
    where, params = filters.where()
    sql = ("SELECT event_loc.name AS name, event_loc.country_code AS country_code, "
           "event_loc.lat AS lat, event_loc.lon AS lon, count(*) AS events, "
           "round(avg(intensity), 3) AS intensity_mean, "
           "count(*) FILTER (quad_code IN (3, 4)) AS conflict "
           f"FROM events WHERE {where} AND event_loc.lat IS NOT NULL "
           "GROUP BY ALL ORDER BY events DESC, name LIMIT ?")
    return _rows(con, sql, [*params, limit])


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the corpus holds, for the dashboard's filter choices and defaults."""
    counts = con.sql(f"SELECT count(*), min({DAY}), max({DAY}) FROM events").fetchall()[0]
    docs = dict(con.sql("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
    parties = con.sql(
        "SELECT x.code, count(*) FROM (SELECT unnest(list_concat(actor, recipient)) AS x "
        "FROM events) WHERE x.code IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()

    def values(column: str) -> list[str]:
        return [r[0] for r in con.sql(
            f"SELECT DISTINCT unnest({column}) AS v FROM events ORDER BY v").fetchall()
            if r[0] is not None]

    top = dyad_ranking(con, Filters(), "country", directed=False, limit=1)
    return {
        "events": int(counts[0]),
        "first_day": str(counts[1]) if counts[1] else None,
        "last_day": str(counts[2]) if counts[2] else None,
        "documents": {k: int(v) for k, v in docs.items()},
        "event_types": list(PLOVER_TYPES),
        "countries": [{"code": c, "events": int(n)} for c, n in parties],
        "sectors": values("[x.sector FOR x IN list_concat(actor, recipient)]"),
        "modes": values("mode"),
        "contexts": values("context"),
        "busiest_dyad": top[0] if top else None,
    }


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """One document with the text its offsets refer to, and its records."""
    found = _rows(con, "SELECT doc_id, title, url, date, status, error, "
                  "coalesce(coded_text, text) AS text FROM documents WHERE doc_id = ?", [doc_id])
    if not found:
        return None
    doc = found[0]
    doc["events"] = [event_json(r) for r in _rows(
        con, "SELECT * FROM events WHERE doc_id = ? ORDER BY id", [doc_id])]
    doc["quotes"] = _rows(con, "SELECT * FROM quotes WHERE doc_id = ? ORDER BY start", [doc_id])
    doc["actors"] = _rows(con, "SELECT * FROM actors WHERE doc_id = ? ORDER BY name", [doc_id])
    return doc
