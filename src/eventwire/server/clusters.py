"""Clusters for the analyst interface: the reports of one real-world event, with their sources.

Events that share a ``cluster_id`` are one cluster; an event that linking has
not reached is a cluster of its own, under its event id. A cluster matches
the filters when one of its reports does, and is described by all of them:
its type, dyad and date are its earliest report's, its counts cover every
report. Sources are news outlets: the documents' ``outlet`` column once the
store has one, else the domain of each document's URL (``outlet``).
"""

from __future__ import annotations

from typing import Any

import duckdb

from eventwire.panel import dyad_sides
from eventwire.server.queries import INDEX, MAX_VALUES, Filters, decode_cursor, encode_cursor

CLUSTERS = "ewx.clusters_index"
# Scheme, then an optional "www.", then the host: no nested repetition, linear time.
_DOMAIN = r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#@]+)"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return con.sql(sql, params=params).to_arrow_table().to_pylist()


def outlet(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for the outlet of a ``documents`` row aliased ``d``: its ``outlet`` column when
    the store has one (and it is set), else the lower-cased domain of its URL."""
    columns = con.execute("SELECT * FROM documents LIMIT 0").description or []
    domain = f"nullif(regexp_extract(lower(d.url), '{_DOMAIN}', 1), '')"
    if any(column[0] == "outlet" for column in columns):
        return f"coalesce(d.outlet, {domain})"
    return domain


def build_clusters(con: duckdb.DuckDBPyConnection) -> None:
    """Summarise every cluster once into ``CLUSTERS``, in memory, after ``build_index``.

    The store is read-only while served, so a cluster's members, documents and
    outlets cannot change; pages of clusters then only pick rows.
    """
    con.execute(
        f"CREATE OR REPLACE TABLE {CLUSTERS} AS "
        f"WITH rep AS (SELECT cluster, event, sort_key, {dyad_sides()} FROM {INDEX} "
        "QUALIFY row_number() OVER (PARTITION BY cluster ORDER BY day NULLS LAST, id) = 1), "
        "agg AS (SELECT m.cluster, count(*) AS n_mentions, count(DISTINCT m.doc_id) "
        "AS n_documents, count(DISTINCT coalesce(o.outlet, '#' || m.doc_id)) AS n_sources, "
        f"list_sort(list_distinct(list(m.doc_id))) AS doc_ids FROM {INDEX} m "
        f"LEFT JOIN (SELECT d.doc_id, {outlet(con)} AS outlet FROM documents d) o "
        "USING (doc_id) GROUP BY m.cluster) "
        "SELECT rep.cluster AS cluster_id, rep.event, [rep.first_side, rep.second_side] AS dyad, "
        "nullif(rep.sort_key, '') AS date, n_mentions, n_documents, n_sources, "
        f"doc_ids[1:{MAX_VALUES}] AS doc_ids, rep.sort_key "
        "FROM rep JOIN agg USING (cluster)")


_FIELDS = "* EXCLUDE (sort_key)"


def clusters_page(con: duckdb.DuckDBPyConnection, filters: Filters, limit: int,
                  cursor: str | None) -> dict[str, Any]:
    """One page of the clusters with a report that matches, newest first."""
    where, params = filters.where()
    hits = f"cluster_id IN (SELECT cluster FROM {INDEX} WHERE {where})"
    after, after_params = "", []
    if cursor:
        key, last = decode_cursor(cursor)
        after = " AND (sort_key < ? OR (sort_key = ? AND cluster_id > ?))"
        after_params = [key, key, last]
    rows = _rows(con, f"SELECT {_FIELDS} FROM {CLUSTERS} WHERE {hits}{after} "
                      "ORDER BY sort_key DESC, cluster_id LIMIT ?",
                 [*params, *after_params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    total = con.sql(f"SELECT count(DISTINCT cluster) FROM {INDEX} WHERE {where}",
                    params=params).fetchall()[0][0]
    return {"total": int(total), "clusters": rows,
            "next_cursor": encode_cursor({"date": rows[-1]["date"], "id":
                                          rows[-1]["cluster_id"]}) if more else None}


def cluster(con: duckdb.DuckDBPyConnection, cluster_id: str,
            limit: int) -> dict[str, Any] | None:
    """One cluster and up to ``limit`` of its reports, earliest first, with their documents."""
    found = _rows(con, f"SELECT {_FIELDS} FROM {CLUSTERS} WHERE cluster_id = ?", [cluster_id])
    if not found:
        return None
    summary = found[0]
    summary["reports"] = _rows(con, (
        "SELECT i.id, i.event, i.doc_id, d.title, d.url, "
        f"{outlet(con)} AS outlet, nullif(i.sort_key, '') AS date, d.date AS published, "
        f"e.text AS sentence FROM {INDEX} i JOIN events e ON e.rowid = i.rid "
        "LEFT JOIN documents d ON d.doc_id = i.doc_id WHERE i.cluster = ? "
        "ORDER BY i.day NULLS LAST, i.id LIMIT ?"), [cluster_id, limit])
    return summary
