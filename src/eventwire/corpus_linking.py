"""Linking in the corpus store: new events join the clusters already stored.

A run links each batch of coded documents as it commits them: their events
are compared with the stored, linked events of their candidate blocks only
(same type family, a shared country code, date window), read with one filtered
query per batch, and stored with their cluster ids in the batch's
transaction, so no committed event is ever left unlinked.
Documents are taken in ingest order and their events by id, the same order
``linking.link_events`` uses, so linking a corpus batch by batch gives the
same clusters as linking it at once, and a cluster keeps its id as reports
arrive. A re-coded document's events come back unlinked and are linked
again; ``relink`` clears every cluster and links the corpus from the start.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from eventwire.linking import (
    DocInfo,
    Linker,
    Mention,
    Rules,
    load_rules,
    mention,
    ordered,
    search_window,
    window_days,
)
from eventwire.records import Event
from eventwire.store import Store

BATCH_DOCUMENTS = 256


@dataclass
class LinkReport:
    """What a linking pass did."""

    documents: int = 0
    events: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter, repr=False)


def candidate_windows(mentions: list[Mention], rules: Rules) -> pa.Table:
    """The candidate blocks of ``mentions``: each type of the family, each block code
    (a party or the place of a candidate has one of them), and the date window."""
    rows: set[tuple[str, str, str | None, str | None]] = set()
    for item in mentions:
        window = search_window(item.date, rules, window_days(item, rules))
        lo, hi = window if window is not None else (None, None)
        for kind in rules.types_of(item.family) or [item.event]:
            for code in item.codes:
                rows.add((kind, code, lo, hi))
    ordered_rows = sorted(rows, key=lambda r: tuple("" if v is None else v for v in r))
    return pa.table({name: [r[n] for r in ordered_rows]
                     for n, name in enumerate(("event", "code", "lo", "hi"))},
                    schema=pa.schema([(name, pa.string())
                                      for name in ("event", "code", "lo", "hi")]))


def link_documents(store: Store, doc_ids: list[str]) -> int:
    """Link the stored, unlinked events of ``doc_ids`` into the store's clusters.

    RETURNS (int): events linked.
    """
    events = store.unlinked_events(doc_ids)
    docs = {doc_id: DocInfo(doc_id, date, url, outlet, title)
            for doc_id, date, url, outlet, title in store.document_info(doc_ids)}
    clusters = assign_clusters(store, events, docs)
    store.set_clusters(clusters)
    return len(clusters)


def assign_clusters(store: Store, events: Sequence[Event],
                    docs: Mapping[str, DocInfo]) -> dict[str, str]:
    """Event id -> cluster id for new events of ``docs``, against the store's clusters.

    Only the candidates of the events' blocks are read; the stored events of
    ``docs`` themselves are left out, since the new ones replace them (a
    re-coded document). A run calls this before committing a batch, so its
    events are stored with their clusters in one transaction.
    """
    if not events:
        return {}
    rules = load_rules()
    mentions = [mention(event, rules) for event in ordered(events, docs)]
    linker = Linker(rules)
    for candidate in store.link_candidates(candidate_windows(mentions, rules), list(docs)):
        linker.add(mention(candidate, rules), candidate.cluster_id or "")
    return {item.event_id: linker.link(item) for item in mentions}


def link_store(store: Store, relink: bool = False,
               batch: int = BATCH_DOCUMENTS, on_batch: Any = None) -> LinkReport:
    """Link every unlinked event of the store, documents in ingest order.

    relink (bool): clear every cluster first and link the whole corpus again
        (the one way clusters are ever split).
    batch (int): documents linked per query and transaction.
    on_batch (Callable | None): called with the report after each batch.
    """
    report = LinkReport()
    if relink:
        store.clear_clusters()
    while True:
        doc_ids = store.unlinked_documents(batch)
        if not doc_ids:
            break
        report.events += link_documents(store, doc_ids)
        report.documents += len(doc_ids)
        if on_batch is not None:
            on_batch(report)
    report.seconds = time.perf_counter() - report.started
    return report
