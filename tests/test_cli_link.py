"""Linking in the corpus store: incremental as documents arrive, ``eventwire link``,
cluster export, and the outlet of each document."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.corpus import ingest
from eventwire.corpus_linking import assign_clusters, link_documents, link_store
from eventwire.ingest import outlet_of
from eventwire.linking import DocInfo, link_events
from eventwire.records import Cluster, column_names
from eventwire.store import open_store

_DATA = json.loads((Path(__file__).parent / "data" / "linking" / "stories.json")
                   .read_text(encoding="utf-8"))
DATE = _DATA["date"]
STORY, REWRITE, ODESA, LATER = (_DATA["stories"][name]
                                for name in ("story", "rewrite", "odesa", "later"))
TEXTS = {"wire-1": (DATE, STORY, "Wire Service"), "odesa": (DATE, ODESA, "odesa.example"),
         "post-7": (DATE, REWRITE, "Daily Post"), "zap": ("2026-03-17", LATER, "Wire Service")}
CLUSTER_FIELDS = ["cluster_id", "event", "mode", "actor", "recipient", "date", "date_range",
                  "event_loc", "n_mentions", "n_documents", "n_sources", "first_reported",
                  "doc_ids", "confidence"]


@pytest.fixture(scope="module")
def documents(coder):
    return {doc_id: coder.code(text, date=date, doc_id=doc_id)
            for doc_id, (date, text, _) in TEXTS.items()}


def add(store, documents, doc_ids, link=True):
    """Ingest coded documents and commit them as a run does: linked, then committed."""
    seq = store.next_seq()
    store.add_documents([{"doc_id": d, "text": documents[d].text, "date": TEXTS[d][0],
                          "outlet": TEXTS[d][2], "seq": seq + n, "status": "pending"}
                         for n, d in enumerate(doc_ids)], [], [])
    commit(store, [copy.deepcopy(documents[d]) for d in doc_ids], link)


def commit(store, docs, link=True):
    if link:
        events = [e for doc in docs for e in doc.events]
        clusters = assign_clusters(store, events, {d.doc_id: DocInfo(d.doc_id) for d in docs})
        for event in events:
            event.cluster_id = clusters[event.id]
    store.commit_batch(docs, run_id=1)


def clusters_of(store):
    return dict(store.con.execute("SELECT id, cluster_id FROM events ORDER BY id").fetchall())


def test_linking_as_documents_arrive_equals_linking_them_at_once(tmp_path, documents):
    with open_store(tmp_path / "a.duckdb") as store:
        add(store, documents, ["wire-1", "odesa"])
        early = clusters_of(store)
        add(store, documents, ["post-7", "zap"])
        late = clusters_of(store)
    assert all(late[event_id] == cluster for event_id, cluster in early.items())
    with open_store(tmp_path / "b.duckdb") as store:
        add(store, documents, list(TEXTS), link=False)
        assert set(clusters_of(store).values()) == {None}
        report = link_store(store)
        assert report.events == len(late)
        assert clusters_of(store) == late
    events = [e for d in TEXTS for e in documents[d].events]
    assert link_events(events, {d: DocInfo(d, TEXTS[d][0]) for d in TEXTS}) == late


def test_events_read_for_linking_equal_the_stored_records(tmp_path, documents):
    with open_store(tmp_path / "r.duckdb") as store:
        add(store, documents, ["wire-1"], link=False)
        assert store.unlinked_events(["wire-1"]) == list(store.records("event"))


def test_a_recoded_document_rejoins_its_clusters(tmp_path, documents):
    with open_store(tmp_path / "c.duckdb") as store:
        add(store, documents, ["wire-1", "post-7"])
        before = clusters_of(store)
        commit(store, [copy.deepcopy(documents["wire-1"])])  # coded again by a later run
        assert clusters_of(store) == before
        commit(store, [copy.deepcopy(documents["wire-1"])], link=False)
        assert {c for i, c in clusters_of(store).items() if i.startswith("wire-1")} == {None}
        assert link_documents(store, ["wire-1"]) == len(documents["wire-1"].events)
        assert clusters_of(store) == before


@pytest.fixture(scope="module")
def db(tmp_path_factory, documents):
    path = tmp_path_factory.mktemp("linked") / "corpus.duckdb"
    with open_store(path) as store:
        add(store, documents, list(TEXTS))
    return path


def export(db, tmp_path, fmt, name):
    out = tmp_path / name
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--what", "clusters",
                                      "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_relink_is_deterministic_and_keeps_the_clusters(db, tmp_path):
    first = export(db, tmp_path, "jsonl", "first.jsonl").read_bytes()
    for _ in range(2):
        result = CliRunner().invoke(app, ["link", "--db", str(db), "--relink"])
        assert result.exit_code == 0, result.output
        assert export(db, tmp_path, "jsonl", "again.jsonl").read_bytes() == first
    result = CliRunner().invoke(app, ["link", "--db", str(db)])
    assert result.exit_code == 0 and "linked 0 events" in result.output


def test_link_of_a_missing_database_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["link", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such corpus database" in result.output


def test_cluster_export_has_the_design_fields_and_counts_sources(db, tmp_path):
    rows = [json.loads(line) for line in
            export(db, tmp_path, "jsonl", "c.jsonl").read_text().splitlines()]
    assert column_names(Cluster) == CLUSTER_FIELDS
    assert all(list(row) == CLUSTER_FIELDS for row in rows)
    assert [row["cluster_id"] for row in rows] == sorted(row["cluster_id"] for row in rows)
    kharkiv = next(row for row in rows if {"wire-1", "post-7"} <= set(row["doc_ids"]))
    assert kharkiv["event"] == "ASSAULT" and kharkiv["n_documents"] == 2
    assert kharkiv["n_sources"] == 2 and kharkiv["n_mentions"] >= 2
    assert kharkiv["date"] == DATE and kharkiv["date_range"] == [DATE, DATE]
    assert kharkiv["first_reported"] == DATE
    alone = [row for row in rows if row["n_sources"] == 1]
    assert alone and all(kharkiv["confidence"] >= row["confidence"] for row in alone
                         if row["event"] == "ASSAULT")
    assert sum(row["n_mentions"] for row in rows) == duckdb.connect(
        str(db), read_only=True).execute("SELECT count(*) FROM events").fetchall()[0][0]


def test_cluster_export_opens_in_pandas_and_duckdb(db, tmp_path):
    jsonl = export(db, tmp_path, "jsonl", "c.jsonl")
    table = export(db, tmp_path, "csv", "c.csv")
    parquet = export(db, tmp_path, "parquet", "c.parquet")
    n = len(jsonl.read_text().splitlines())
    assert len(pd.read_json(jsonl, lines=True)) == n
    frame = pd.read_csv(table)
    assert len(frame) == n and "n_sources" in frame.columns
    assert len(pd.read_parquet(parquet)) == n
    con = duckdb.connect()
    for path in (jsonl, table, parquet):
        assert con.execute(f"SELECT count(*) FROM '{path}'").fetchall()[0][0] == n
    with table.open(newline="") as handle:
        assert {"actor_code", "doc_ids", "date_range"} <= set(next(csv.reader(handle)))
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--what", "clusters",
                                      "--format", "gdelt", "-o", str(tmp_path / "g.tsv")])
    assert result.exit_code == 2 and "events only" in result.output


# -- the outlet of a document ----------------------------------------------------------

def test_outlet_is_the_source_field_else_the_domain_else_the_path():
    assert outlet_of("Daily Post", "https://www.wire.example/a", "feed.jsonl") == "Daily Post"
    assert outlet_of(None, "https://www.Wire.example/a", "feed.jsonl") == "wire.example"
    assert outlet_of("  ", None, "feed.jsonl") == "feed.jsonl"


def test_readers_store_the_outlet_and_errors_still_name_file_and_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "j1", "text": STORY, "source": "Wire Service"}) + "\n"
        + json.dumps({"id": "j2", "text": REWRITE, "url": "https://www.post.example/x"}) + "\n"
        + "{broken\n")
    (tmp_path / "table.csv").write_text(f'id,text,source\nc1,"{ODESA}",Odesa Daily\n')
    (tmp_path / "zap.txt").write_text(LATER)
    with open_store(tmp_path / "o.duckdb") as store:
        report = ingest(store, [feed, tmp_path / "table.csv", tmp_path / "zap.txt"],
                        date=DATE)
        outlets = dict(store.con.execute("SELECT doc_id, outlet FROM documents "
                                         "WHERE status = 'pending'").fetchall())
    assert outlets == {"j1": "Wire Service", "j2": "post.example",
                       "c1": "Odesa Daily", "zap": str(tmp_path / "zap.txt")}
    assert any(f"{feed}:3" in error for error in report.errors)


def test_a_store_made_before_the_outlet_column_gains_it(tmp_path):
    path = tmp_path / "old.duckdb"
    with open_store(path) as store:
        store.con.execute("ALTER TABLE documents DROP COLUMN outlet")
    with open_store(path) as store:
        columns = [row[0] for row in store.con.execute("DESCRIBE documents").fetchall()]
    assert "outlet" in columns


def test_candidates_are_read_from_the_blocks_and_windows_only(tmp_path, documents):
    from eventwire.corpus_linking import candidate_windows
    from eventwire.linking import load_rules, mention, search_window, window_days

    with open_store(tmp_path / "k.duckdb") as store:
        add(store, documents, list(TEXTS))
        stored = list(store.records("event"))
        kharkiv = next(e for e in documents["wire-1"].events if e.event == "ASSAULT")
        rules = load_rules()
        found = store.link_candidates(candidate_windows([mention(kharkiv, rules)], rules))
    item = mention(kharkiv, rules)
    lo, hi = search_window(item.date, rules, window_days(item, rules))
    blocked = {e.id for e in stored if mention(e, rules).family == item.family
               and mention(e, rules).codes & item.codes and lo <= e.date <= hi}
    assert blocked <= {e.id for e in found}
    # a pre-filter on type family, a shared country code and date; dyads are checked after
    assert all(e.event in rules.types_of(item.family) and lo <= e.date <= hi
               and mention(e, rules).codes & item.codes for e in found)
    assert "zap-0001" not in {e.id for e in found} and len(found) < len(stored)


def test_a_feared_attack_stored_days_before_is_a_candidate_and_joins(tmp_path, coder):
    # an unrealised act is dated by each story: its window reaches a week, a done act's a day
    texts = {"feb12": ("2019-02-12", "The SDF must be protected from a potential Turkish "
                       "attack once US forces leave, officials said."),
             "feb18": ("2019-02-18", "Kurdish fighters must be shielded from a potential "
                       "Turkish attack once US forces leave, diplomats said.")}
    coded = {d: coder.code(text, date=date, doc_id=d) for d, (date, text) in texts.items()}
    attacks = {d: next(e for e in c.events if e.event == "ASSAULT") for d, c in coded.items()}
    with open_store(tmp_path / "f.duckdb") as store:
        for n, d in enumerate(texts):
            store.add_documents([{"doc_id": d, "text": texts[d][1], "date": texts[d][0],
                                  "outlet": d, "seq": store.next_seq() + n,
                                  "status": "pending"}], [], [])
            commit(store, [coded[d]])
        stored = clusters_of(store)
    assert stored[attacks["feb12"].id] == stored[attacks["feb18"].id]


def test_the_candidate_date_span_keeps_every_precision_and_the_undated_only_when_asked():
    import duckdb
    import pyarrow as pa

    from eventwire.store import _date_span

    dates = ["1987-03-10", "1987-03", "1987", "1987-02-27", "1987-05-01", "1986", None]
    con = duckdb.connect()
    con.execute("CREATE TABLE events (date VARCHAR)")
    con.executemany("INSERT INTO events VALUES (?)", [[d] for d in dates])

    def kept(rows):
        windows = pa.table({"event": ["ASSAULT"] * len(rows), "code": ["IRN"] * len(rows),
                            "lo": [r[0] for r in rows], "hi": [r[1] for r in rows]})
        sql, params = _date_span(windows)
        return {row[0] for row in con.execute(f"SELECT date FROM events e WHERE {sql}",
                                               params).fetchall()}

    # a day window keeps its days, its month and its year, not other months or years
    assert kept([("1987-03-09", "1987-03-11")]) == {"1987-03-10", "1987-03", "1987"}
    assert kept([("1987-03-09", "1987-03-11"), (None, None)]) == {
        "1987-03-10", "1987-03", "1987", None}
    assert kept([(None, None)]) == {None}
