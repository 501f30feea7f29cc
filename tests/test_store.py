"""The DuckDB store: tables from the schema, atomic batch commits, relations and frames."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.errors import UsageError
from eventwire.records import (
    ActorRecord,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    TextInfo,
    column_names,
)
from eventwire.store import RECORD_TABLES, Store, open_store

KOR = Entity("South Korea", "South Korea", "KOR", "GOV")
JPN = Entity("Japan", "Japan", "JPN", "GOV")
NARA = Place("Nara", "JPN", "Nara", 34.685, 135.805, 1855612, "PPLA")


def make_event(doc_id: str, n: int, actor=(KOR,), recipient=(JPN,), loc=NARA) -> Event:
    return Event(
        id=f"{doc_id}-{n:04d}", doc_id=doc_id, date="2026-01-13", date_precision="day",
        event="CONSULT", mode=["visit"], context=["diplomatic"], actor=list(actor),
        recipient=list(recipient), event_text="met", text="Lee met Takaichi in Nara.",
        text_info=TextInfo(0, 0, 25), quad_code=1, intensity=1.0, cameo="040",
        goldstein=1.0, event_loc=loc, source={"speaker": "Lee", "quote": "a good day"},
        confidence=0.9)


def make_doc(doc_id: str, events: int = 2, status: str = "ok") -> Document:
    if status != "ok":
        return Document(doc_id, "text", "2026-01-13", status=status, error=f"{doc_id}: broke")
    return Document(
        doc_id=doc_id, text="Lee met Takaichi in Nara.", date="2026-01-13",
        events=[make_event(doc_id, n) for n in range(1, events + 1)],
        quotes=[Quote(doc_id, "a good day", 30, 40, KOR, "said")],
        actors=[ActorRecord(doc_id, "South Korea", "KOR", "GOV", None, [[0, 3], [9, 12]])])


def add_pending(store: Store, *doc_ids: str) -> None:
    rows = [{"doc_id": d, "text": "Lee met Takaichi in Nara.", "status": "pending", "seq": n,
             "source": d} for n, d in enumerate(doc_ids)]
    store.add_documents(rows, [], [])


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "c.duckdb") as opened:
        yield opened


def test_record_tables_have_the_schema_columns(store):
    for name, cls in RECORD_TABLES.items():
        assert store.table(name).columns == column_names(cls)
    assert {"doc_id", "text", "status", "error", "duplicate_of"} <= set(store.documents.columns)
    assert store.runs.columns[:1] == ["run_id"]


def test_committed_records_read_back_equal(store):
    add_pending(store, "a", "b")
    docs = [make_doc("a"), make_doc("b", status="failed")]
    store.commit_batch(docs, run_id=1)
    assert list(store.records("event")) == docs[0].events
    assert list(store.records("quote")) == docs[0].quotes
    assert list(store.records("actor")) == docs[0].actors
    assert store.status_counts() == {"pending": 0, "ok": 1, "failed": 1, "duplicate": 0}
    assert store.sql("SELECT error FROM documents WHERE doc_id = 'b'").fetchall() == [
        ("b: broke",)]
    assert store.places.fetchall()[0][-2:] == ("a-0001", "a")


def test_committing_again_replaces_rows_instead_of_adding(store):
    add_pending(store, "a")
    store.commit_batch([make_doc("a", events=3)], run_id=1)
    store.commit_batch([make_doc("a", events=2)], run_id=2)
    assert [e.id for e in store.records("event")] == ["a-0001", "a-0002"]
    assert len(store.places.fetchall()) == 2
    assert len(store.quotes.fetchall()) == 1


def test_a_failure_inside_a_batch_leaves_nothing_of_it(store, monkeypatch):
    add_pending(store, "a", "b")
    original = Store._insert

    def broken(self, table, items):
        if table == "places":
            raise RuntimeError("disk full")
        original(self, table, items)

    monkeypatch.setattr(Store, "_insert", broken)
    with pytest.raises(RuntimeError):
        store.commit_batch([make_doc("a"), make_doc("b")], run_id=1)
    assert store.events.fetchall() == []
    assert store.status_counts()["pending"] == 2


def test_pending_pages_in_ingest_order(store):
    add_pending(store, "c", "a", "b")
    page = store.pending(-1, 2)
    assert [doc.doc_id for _, doc in page] == ["c", "a"]
    assert [doc.doc_id for _, doc in store.pending(page[-1][0], 10)] == ["b"]


def test_relations_and_frames_from_the_public_api(tmp_path):
    path = tmp_path / "c.duckdb"
    with eventwire.open_store(path) as store:
        add_pending(store, "a")
        store.commit_batch([make_doc("a")], run_id=1)
    with eventwire.open_store(path, read_only=True) as store:
        frame = store.frame("events")
        assert list(frame.columns) == column_names(Event) and len(frame) == 2
        codes = store.sql("SELECT actor[1].code, event_loc.name FROM events").fetchall()
        assert codes == [("KOR", "Nara"), ("KOR", "Nara")]
        assert store.events.filter("event = 'CONSULT'").df().shape[0] == 2


def test_read_only_open_of_a_missing_database_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        open_store(tmp_path / "missing.duckdb", read_only=True)
