"""SQL over the event store for the analyst interface.

Every query is built from a ``Filters`` value: fixed SQL fragments joined
with ``AND`` and user values passed only as parameters, never spliced in.
Dates of day, month or year precision are compared by the day they start on.

The store is opened read-only, so its events cannot change while it is
served: ``build_index`` flattens them once into an in-memory table (``INDEX``:
codes, sectors and names as plain lists, the day as a DATE, lower-cased
text) that filters, series and rankings scan instead of unpacking nested
structs on every request. Full records still come from the ``events`` table.
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
COUNTS: tuple[str, ...] = ("clusters", "reports")
DAY = ("try_cast(CASE length(date) WHEN 10 THEN date WHEN 7 THEN date || '-01' "
       "WHEN 4 THEN date || '-01-01' END AS DATE)")
INDEX = "ewx.events_index"
_SIDES = {"country": ("a_codes", "r_codes"), "name": ("a_names", "r_names")}
_CODES = "[x.code FOR x IN {side} IF x.code IS NOT NULL]"
_LABELS = "[coalesce(x.name, x.entity_text) FOR x IN {side}]"
_CODE_RE = re.compile(r"^[A-Z]{3}$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class BadParameter(ValueError):
    """A request parameter that cannot be used; the API answers 400 naming it."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def build_index(con: duckdb.DuckDBPyConnection) -> None:
    """Flatten the events into ``INDEX``, in memory, newest first."""
    con.execute("ATTACH IF NOT EXISTS ':memory:' AS ewx (READ_WRITE)")
    con.execute(
        f"CREATE OR REPLACE TABLE {INDEX} AS SELECT rowid AS rid, id, doc_id, {DAY} AS day, "
        "coalesce(cluster_id, id) AS cluster, cluster_id IS NOT NULL AS linked, "
        "coalesce(date, '') AS sort_key, event, quad_code, intensity, goldstein, mode, context, "
        f"{_CODES.format(side='actor')} AS a_codes, {_CODES.format(side='recipient')} AS r_codes, "
        "[x.sector FOR x IN actor] AS a_sectors, [x.sector FOR x IN recipient] AS r_sectors, "
        f"{_LABELS.format(side='actor')} AS a_names, "
        f"{_LABELS.format(side='recipient')} AS r_names, "
        "len(recipient) = 0 AS joint, lower(text) AS text_lc, event_loc.name AS place, "
        "event_loc.country_code AS place_country, event_loc.admin1 AS place_admin1, "
        "event_loc.lat AS lat, event_loc.lon AS lon "
        "FROM events ORDER BY sort_key DESC, id")
    for by, (a, r) in _SIDES.items():
        for directed in (True, False):
            joint = "x <> y" if directed else "x < y"
            pair = "[x, y]" if directed else "[least(x, y), greatest(x, y)]"
            con.execute(
                f"ALTER TABLE {INDEX} ADD COLUMN {_pairs(by, directed)} VARCHAR[][]")
            con.execute(
                f"UPDATE {INDEX} SET {_pairs(by, directed)} = list_distinct(CASE WHEN joint "
                f"THEN flatten([[[x, y] FOR y IN {a} IF {joint}] FOR x IN {a}]) "
                f"ELSE flatten([[{pair} FOR y IN {r} IF x <> y] FOR x IN {a}]) END)")


def _pairs(by: str, directed: bool) -> str:
    """The index column of an event's (actor, recipient) pairs, a joint act's all ways."""
    return f"pairs_{by}_{'directed' if directed else 'undirected'}"


MAX_VALUES = 50


def split(value: str | None, name: str = "") -> list[str]:
    """Comma-separated values, blanks dropped; at most ``MAX_VALUES``."""
    found = [v.strip() for v in (value or "").split(",") if v.strip()]
    if len(found) > MAX_VALUES:
        raise BadParameter(name, f"at most {MAX_VALUES} values")
    return found


def codes(name: str, value: str | None) -> list[str]:
    """Country or organisation codes (three capital letters, e.g. JPN, IGO)."""
    found = [v.upper() for v in split(value, name)]
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

        for columns, values in ((("a_codes",), self.actor), (("r_codes",), self.recipient),
                                (("a_codes", "r_codes"), self.party),
                                (("a_sectors",), [v.upper() for v in self.actor_sector]),
                                (("r_sectors",), [v.upper() for v in self.recipient_sector]),
                                (("mode",), self.mode), (("context",), self.context)):
            if values:
                # list_contains per value: several times faster than list_has_any
                tests = [f"list_contains({c}, ?)" for c in columns for _ in values]
                add(f"({' OR '.join(tests)})", *[v for _ in columns for v in values])
        for side, name in (("a_names", self.actor_name), ("r_names", self.recipient_name)):
            if name:
                add(f"len([n FOR n IN {side} IF contains(lower(n), lower(?))]) > 0", name)
        if self.event:
            add("event IN (SELECT unnest(?::VARCHAR[]))", self.event)
        if self.quad:
            add("quad_code IN (SELECT unnest(?::INTEGER[]))", self.quad)
        if self.start:
            add("day >= ?::DATE", self.start)
        if self.end:
            add("day <= ?::DATE", self.end)
        if self.place:
            add("(contains(lower(place), lower(?)) OR place_country = ? "
                "OR lower(place_admin1) = lower(?))", self.place, self.place.upper(), self.place)
        if self.q:
            add("contains(text_lc, lower(?))", self.q)
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
    if cursor:
        key, last_id = decode_cursor(cursor)
        where += " AND (sort_key < ? OR (sort_key = ? AND id > ?))"
        params += [key, key, last_id]
    found = con.sql(f"SELECT rid FROM {INDEX} WHERE {where} ORDER BY sort_key DESC, id "
                    "LIMIT ?", params=[*params, limit + 1]).fetchall()
    rows = _rows(con, "SELECT * FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[]))",
                 [[r[0] for r in found]])
    rows.sort(key=lambda row: row["id"])
    rows.sort(key=lambda row: row["date"] or "", reverse=True)
    more = len(rows) > limit
    rows = rows[:limit]
    return {"total": count_events(con, filters),
            "events": [event_json(r) for r in rows],
            "next_cursor": encode_cursor(rows[-1]) if more else None}


def count_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    where, params = filters.where()
    return int(con.sql(f"SELECT count(*) FROM {INDEX} WHERE {where}", params=params)
               .fetchall()[0][0])


def event_batches(con: duckdb.DuckDBPyConnection, filters: Filters,
                  chunk: int = 5_000) -> Any:
    """Every filtered event record, newest first, in arrow batches."""
    where, params = filters.where()
    return con.sql(f"SELECT e.* FROM events e JOIN (SELECT id, sort_key FROM {INDEX} "
                   f"WHERE {where}) p USING (id) ORDER BY p.sort_key DESC, e.id",
                   params=params).to_arrow_reader(chunk)


def _dyad_condition(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """Events between ``a`` and ``b``; a joint act (recipient empty) counts both ways."""
    one_way = ("(list_has(a_codes, ?) AND (list_has(r_codes, ?) "
               "OR (joint AND list_has(a_codes, ?))))")
    if directed:
        return one_way, [a, b, b]
    return f"({one_way} OR {one_way})", [a, b, b, b, a, a]


def counted(where: str, params: list[Any], count: str) -> tuple[str, list[Any]]:
    """The filtered index rows to count, each one or each cluster once, and their parameters.

    A cluster stands as its earliest matching member (earliest day, then
    smallest id), so its period, type and scores are that member's; an event
    that no linking has reached is a cluster of its own, so only linked events
    go through the window that picks a member.
    """
    if count not in COUNTS:
        raise BadParameter("count", f"use one of {', '.join(COUNTS)}")
    if count == "reports":
        return f"(SELECT * FROM {INDEX} WHERE {where})", params
    return (f"(SELECT * FROM {INDEX} WHERE {where} AND NOT linked UNION ALL "
            f"SELECT * FROM {INDEX} WHERE {where} AND linked QUALIFY row_number() OVER "
            "(PARTITION BY cluster ORDER BY day NULLS LAST, id) = 1)", [*params, *params])


def series(con: duckdb.DuckDBPyConnection, filters: Filters, interval: str,
           by: str | None, dyad: tuple[str, str, bool] | None,
           count: str = "clusters") -> list[dict[str, Any]]:
    """Events (clusters or reports) per period, and per quad or type, with summed and
    mean scores."""
    if interval not in INTERVALS:
        raise BadParameter("interval", f"use one of {', '.join(INTERVALS)}")
    where, params = filters.where()
    if dyad:
        extra, extra_params = _dyad_condition(*dyad)
        where, params = f"{where} AND {extra}", [*params, *extra_params]
    key = {"quad": "quad_code::VARCHAR", "event": "event", None: "'all'"}[by]
    rows, params = counted(f"{where} AND day IS NOT NULL", params, count)
    sql = (f"SELECT strftime(date_trunc('{interval}', day), '%Y-%m-%d') AS period, "
           f"{key} AS key, count(*) AS events, "
           "round(sum(intensity), 3) AS intensity_sum, round(avg(intensity), 3) AS intensity_mean, "
           "round(sum(goldstein), 3) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean "
           f"FROM {rows} GROUP BY ALL ORDER BY period, key")
    return _rows(con, sql, params)


def actor_ranking(con: duckdb.DuckDBPyConnection, filters: Filters, by: str,
                  limit: int, count: str = "clusters") -> list[dict[str, Any]]:
    """The actors in most events (clusters or reports), as actor and as recipient."""
    rows, params = counted(*filters.where(), count)
    a, r = _SIDES[by]
    sql = (f"WITH f AS (SELECT id, intensity, {a} AS a, {r} AS r FROM {rows}), "
           "p AS (SELECT id, intensity, 'actor' AS role, unnest(a) AS key FROM f UNION ALL "
           "SELECT id, intensity, 'recipient', unnest(r) FROM f) "
           "SELECT key, count(DISTINCT id) AS events, "
           "count(*) FILTER (role = 'actor') AS as_actor, "
           "count(*) FILTER (role = 'recipient') AS as_recipient, "
           "round(avg(intensity), 3) AS intensity_mean FROM p WHERE key IS NOT NULL "
           "GROUP BY key ORDER BY events DESC, key LIMIT ?")
    return _rows(con, sql, [*params, limit])


def dyad_ranking(con: duckdb.DuckDBPyConnection, filters: Filters, by: str, directed: bool,
                 limit: int, count: str = "clusters") -> list[dict[str, Any]]:
    """The pairs with most events (clusters or reports) between them; a joint act links
    all its actors."""
    rows, params = counted(*filters.where(), count)
    sql = (f"WITH p AS (SELECT intensity, goldstein, quad_code, unnest({_pairs(by, directed)}) "
           f"AS d FROM {rows}) "
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
    sql = ("SELECT place AS name, place_country AS country_code, lat, lon, count(*) AS events, "
           "round(avg(intensity), 3) AS intensity_mean, "
           "count(*) FILTER (quad_code IN (3, 4)) AS conflict "
           f"FROM {INDEX} WHERE {where} AND lat IS NOT NULL "
           "GROUP BY ALL ORDER BY events DESC, name LIMIT ?")
    return _rows(con, sql, [*params, limit])


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the corpus holds, for the dashboard's filter choices and defaults."""
    counts = con.sql(f"SELECT count(*), min(day), max(day) FROM {INDEX}").fetchall()[0]
    docs = dict(con.sql("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
    parties = con.sql(
        f"SELECT code, count(*) FROM (SELECT unnest(list_concat(a_codes, r_codes)) AS code "
        f"FROM {INDEX}) GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()

    def values(column: str) -> list[str]:
        return [r[0] for r in con.sql(
            f"SELECT DISTINCT unnest({column}) AS v FROM {INDEX} ORDER BY v").fetchall()
            if r[0] is not None]

    top = dyad_ranking(con, Filters(), "country", directed=False, limit=1)
    return {
        "events": int(counts[0]),
        "first_day": str(counts[1]) if counts[1] else None,
        "last_day": str(counts[2]) if counts[2] else None,
        "documents": {k: int(v) for k, v in docs.items()},
        "event_types": list(PLOVER_TYPES),
        "countries": [{"code": c, "events": int(n)} for c, n in parties],
        "sectors": values("list_concat(a_sectors, r_sectors)"),
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
