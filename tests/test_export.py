"""Export of a stored corpus (parquet, CSV, JSONL, ICEWS, GDELT 2.0) and corpus stats."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import UsageError
from eventwire.export import corpus_stats, export_corpus
from eventwire.records import ActorRecord, Document, Entity, Event, Place, Quote, TextInfo
from eventwire.store import open_store
from eventwire.writers.flat import columns
from eventwire.writers.gdelt import gdelt_columns, global_event_id
from eventwire.writers.icews import icews_columns

KOR = Entity("South Korea", "South Korea", "KOR", "GOV")
JPN = Entity("Japan", "Japan", "JPN", "GOV")
RUS = Entity("Russia", "Russia", "RUS", "MIL")
NARA = Place("Nara", "JPN", "Nara", 34.685, 135.805, 1855612, "PPLA")


def event(doc_id: str, n: int, actor=(KOR,), recipient=(JPN,), loc=NARA) -> Event:
    return Event(
        id=f"{doc_id}-{n:04d}", doc_id=doc_id, date="2026-01-13", date_precision="day",
        event="CONSULT", mode=[], context=["diplomatic"], actor=list(actor),
        recipient=list(recipient), event_text="met", text="Lee met Takaichi in Nara.",
        text_info=TextInfo(0, 0, 25), quad_code=1, intensity=1.0, cameo="040",
        goldstein=1.0, event_loc=loc)


def document(doc_id: str, events: list[Event]) -> Document:
    return Document(doc_id, "Lee met Takaichi in Nara.", "2026-01-13", events=events,
                    quotes=[Quote(doc_id, "a good day", 30, 40, KOR, "said")],
                    actors=[ActorRecord(doc_id, "South Korea", "KOR", "GOV", None, [[0, 3]])])


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.duckdb"
    with open_store(path) as store:
        store.add_documents([{"doc_id": d, "text": "Lee met Takaichi in Nara.", "seq": n,
                              "status": "pending"} for n, d in enumerate("ab")], [], [])
        store.commit_batch([
            document("a", [event("a", 1), event("a", 2)]),
            document("b", [event("b", 1, actor=(KOR, JPN), recipient=(), loc=None),
                           event("b", 2, actor=(RUS,), recipient=(KOR,))]),
        ], run_id=1)
    return path


def read_tsv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_icews_has_its_columns_and_one_row_per_dyad(db, tmp_path):
    with open_store(db, read_only=True) as store:
        written = export_corpus(store, "icews", tmp_path / "e.tab")
    rows = read_tsv(tmp_path / "e.tab")
    assert list(rows[0]) == list(icews_columns()) and len(icews_columns()) == 20
    # a-0001, a-0002, the joint meeting both ways, RUS -> KOR
    assert written == len(rows) == 5
    joint = [r for r in rows if r["Event ID"].startswith("b-0001")]
    assert {(r["Source Country"], r["Target Country"]) for r in joint} == {
        ("South Korea", "Japan"), ("Japan", "South Korea")}
    first = rows[0]
    assert (first["CAMEO Code"], first["Story ID"], first["Sentence Number"]) == ("040", "a", "1")
    assert first["City"] == "Nara" and first["Latitude"] == "34.685"


def test_gdelt_has_the_61_columns_and_stable_ids(db, tmp_path):
    with open_store(db, read_only=True) as store:
        export_corpus(store, "gdelt", tmp_path / "e.tsv")
        export_corpus(store, "gdelt", tmp_path / "again.tsv")
    rows = read_tsv(tmp_path / "e.tsv")
    assert list(rows[0]) == list(gdelt_columns()) and len(gdelt_columns()) == 61
    assert (tmp_path / "e.tsv").read_bytes() == (tmp_path / "again.tsv").read_bytes()
    first = rows[0]
    assert first["GLOBALEVENTID"] == str(global_event_id("a-0001", 1))
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20260113", "202601", "2026")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor2Code"]) == (
        "KORGOV", "KOR", "JPNGOV")
    assert (first["EventCode"], first["EventRootCode"], first["QuadClass"]) == ("040", "04", "1")
    assert first["ActionGeo_FullName"].startswith("Nara")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_table_formats_match_the_code_command_writers(db, tmp_path, fmt):
    out = tmp_path / f"e.{fmt}"
    with open_store(db, read_only=True) as store:
        assert export_corpus(store, fmt, out) == 4
    names = [name for name, _ in columns(Event)]
    if fmt == "parquet":
        assert pq.read_table(out).column_names == names
    elif fmt == "csv":
        assert out.read_text("utf-8").splitlines()[0].split(",") == names
    else:
        ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
        assert ids == ["a-0001", "a-0002", "b-0001", "b-0002"]


def test_all_kinds_and_event_only_formats(db, tmp_path):
    with open_store(db, read_only=True) as store:
        written = export_corpus(store, "jsonl", tmp_path / "all.jsonl",
                                ("event", "quote", "actor"))
        kinds = [json.loads(line)["kind"] for line in
                 (tmp_path / "all.jsonl").read_text("utf-8").splitlines()]
        with pytest.raises(UsageError):
            export_corpus(store, "icews", tmp_path / "x", ("quote",))
    assert written == 8 and kinds.count("quote") == 2


def test_stats_count_statuses_events_and_dyads(db):
    with open_store(db, read_only=True) as store:
        stats = corpus_stats(store, top=5)
    assert stats["documents"]["ok"] == 2
    assert stats["events"] == {"CONSULT": 4}
    assert stats["dyads"][0] == {"actor": "KOR", "recipient": "JPN", "events": 2}
    assert stats["records"] == {"event": 4, "quote": 2, "actor": 2}


def test_export_and_stats_commands(db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt",
                                 "-o", str(tmp_path / "g.tsv")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["documents"]["ok"] == 2
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
