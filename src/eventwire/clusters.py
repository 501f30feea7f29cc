"""Cluster records: the linked reports of one real-world event, summed up.

Clusters derive from the events table (grouped by ``cluster_id``), streamed
in cluster id order, so an export never holds the corpus and the same store
always gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

from eventwire.ingest import outlet_of
from eventwire.linking import interval
from eventwire.records import Cluster, Event
from eventwire.store import Store

CONFIDENCE_DIGITS = 4


def cluster_confidence(members: Sequence[tuple[Event, str]]) -> float:
    """1 - prod over sources (1 - the source's most confident report).

    members: (event, outlet) pairs. An outlet's reports count once (its best
    one), so a second independent outlet raises the figure and a story
    repeated by one outlet does not; a single report keeps its own confidence.
    """
    best: dict[str, float] = {}
    for event, outlet in members:
        best[outlet] = max(best.get(outlet, 0.0), min(max(event.confidence, 0.0), 1.0))
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - value
    return round(1.0 - doubt, CONFIDENCE_DIGITS)


def _date_key(value: str) -> tuple[Any, ...]:
    lo, hi = interval(value)
    return (lo is None, lo, hi, value)


def cluster_record(cluster_id: str, members: Sequence[tuple[Event, dict[str, Any]]]) -> Cluster:
    """The record of one cluster from its members (events with their documents).

    The representative report is the most confident member (the first by id
    on a tie): it gives ``mode``, ``actor``, ``recipient`` and ``event_loc``
    (else the first member with a place). ``event`` is the members' most
    frequent type (ties: the representative's, then alphabetical).
    """
    events = [event for event, _ in members]
    top = min(events, key=lambda e: (-e.confidence, e.id))
    counts = Counter(e.event for e in events)
    kind = min(counts, key=lambda t: (-counts[t], t != top.event, t))
    dates = sorted({e.date for e in events if e.date}, key=_date_key)
    last = max(dates, key=lambda d: (interval(d)[1], d)) if dates else None
    sources = [(e, outlet_of(info.get("outlet"), info.get("url"), e.doc_id))
               for e, info in members]
    published = sorted(info["published"] for _, info in members if info.get("published"))
    place = top.event_loc or next((e.event_loc for e in events if e.event_loc), None)
    return Cluster(
        cluster_id=cluster_id, event=kind, mode=list(top.mode), actor=list(top.actor),
        recipient=list(top.recipient), date=dates[0] if dates else None,
        date_range=[dates[0], last] if dates and last else [], event_loc=place,
        n_mentions=len(events), n_documents=len({e.doc_id for e in events}),
        n_sources=len({outlet for _, outlet in sources}),
        first_reported=published[0] if published else None,
        doc_ids=sorted({e.doc_id for e in events}),
        confidence=cluster_confidence(sources))


def cluster_records(store: Store) -> Iterator[Cluster]:
    """Every cluster of the store, in cluster id order."""
    for cluster_id, group in groupby(store.cluster_members(), key=lambda m: m[0].cluster_id):
        yield cluster_record(cluster_id or "", list(group))
