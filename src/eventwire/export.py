"""Reading a corpus back out: records to files in any format, and summary statistics.

Records stream from the store in id order, a chunk at a time, so an export
of millions of events never holds them all; the same store always exports
the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError
from eventwire.records import RECORD_KINDS, Cluster
from eventwire.store import Store

EXPORT_FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "icews", "gdelt")
EVENT_ONLY_FORMATS = frozenset({"icews", "gdelt"})
CLUSTER_KIND = "cluster"
EXPORT_KINDS: dict[str, type] = {**RECORD_KINDS, CLUSTER_KIND: Cluster}


def export_corpus(store: Store, fmt: str, output: str | Path,
                  kinds: Sequence[str] = ("event",)) -> int:
    """Write the stored records of ``kinds`` to ``output`` in format ``fmt``.

    fmt (str): parquet, csv, jsonl, icews or gdelt (the last two: events only).
    kinds (Sequence[str]): event, quote, actor; several add a ``kind`` field; or
        cluster alone (one row per linked event cluster).
    RETURNS (int): rows written.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt in EVENT_ONLY_FORMATS and tuple(kinds) != ("event",):
        raise UsageError(f"--format {fmt} holds events only")
    if CLUSTER_KIND in kinds and len(kinds) > 1:
        raise UsageError("clusters are exported on their own")
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        return _write(_writer(fmt, path, kinds, store), store, kinds)
    with path.open("w", encoding="utf-8", newline="") as stream:
        return _write(_writer(fmt, stream, kinds, store), store, kinds)


def _writer(fmt: str, target: Any, kinds: Sequence[str], store: Store) -> Any:
    if fmt in EVENT_ONLY_FORMATS:
        documents = {doc_id: {"url": url, "date": date} for doc_id, url, date in store.sql(
            "SELECT doc_id, url, date FROM documents WHERE status = 'ok'").fetchall()}
        if fmt == "icews":
            from eventwire.writers.icews import IcewsWriter

            return IcewsWriter(target, documents)
        from eventwire.writers.gdelt import GdeltWriter

        return GdeltWriter(target, documents)
    from eventwire.writers import open_writer

    return open_writer(fmt, target, [EXPORT_KINDS[kind] for kind in kinds])


def _records(store: Store, kind: str) -> Iterator[Any]:
    """Stored records of one kind; clusters are summed up from the linked events."""
    if kind == CLUSTER_KIND:
        from eventwire.clusters import cluster_records

        return cluster_records(store)
    return store.records(kind)


def _write(writer: Any, store: Store, kinds: Sequence[str], chunk: int = 5_000) -> int:
    written = 0
    try:
        for kind in kinds:
            batch: list[Any] = []
            for record in _records(store, kind):
                batch.append(record)
                if len(batch) == chunk:
                    written += writer.write(batch)
                    batch = []
            written += writer.write(batch)
    finally:
        writer.close()
    return written


def corpus_stats(store: Store, top: int = 10) -> dict[str, Any]:
    """Documents by status, events by type, the most frequent dyads, and the runs.

    top (int): how many dyads to list.
    RETURNS (dict): JSON-ready figures.
    """
    events = store.sql("SELECT event, count(*) AS n FROM events GROUP BY event "
                       "ORDER BY n DESC, event").fetchall()
    dyads = store.sql(
        "SELECT coalesce(actor[1].code, '?') AS a, coalesce(recipient[1].code, '?') AS r, "
        "count(*) AS n FROM events WHERE len(actor) > 0 AND len(recipient) > 0 "
        "GROUP BY a, r ORDER BY n DESC, a, r LIMIT ?", [top]).fetchall()
    runs = store.sql("SELECT * FROM runs ORDER BY run_id")
    counts = {kind: _count(store, f"{kind}s")
              for kind in RECORD_KINDS}
    return {
        "documents": store.status_counts(),
        "records": counts,
        "events": {event: int(n) for event, n in events},
        "dyads": [{"actor": a, "recipient": r, "events": int(n)} for a, r, n in dyads],
        "runs": [{name: value.isoformat() if isinstance(value, datetime) else value
                  for name, value in zip(runs.columns, row, strict=True)}
                 for row in runs.fetchall()],
    }


def _count(store: Store, table: str) -> int:
    return int(store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
