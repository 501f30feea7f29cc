"""Ingest: every input kind, stable ids, dates, duplicates, and bad inputs as status rows."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.corpus import Columns, find_files, ingest, read_corpus
from eventwire.errors import InputError, UsageError
from eventwire.ingest import ReadLimits
from eventwire.store import open_store

STORY = ("Russian troops attacked Ukrainian villages near Kharkiv on Monday, officials said. "
         "Three people were killed and a school was damaged, the regional governor said.")
HTML = ("<html><head><title>Summit</title>"
        '<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>'
        "<body><article><p>The President of France met the Chancellor of Germany in Paris "
        "to discuss trade. They agreed on new rules for steel imports.</p></article></body></html>")


def write_warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))


def rows(store) -> dict[str, dict]:
    relation = store.sql("SELECT * FROM documents")
    return {row[0]: dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "corpus.duckdb") as opened:
        yield opened


def test_each_input_kind_is_ingested_with_stable_ids_and_dates(tmp_path, store):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY)
    (folder / "sub" / "a.txt").write_text("China protested against new tariffs on Friday.")
    (folder / "page.html").write_text(HTML)
    with gzip.open(folder / "zipped.txt.gz", "wt") as handle:
        handle.write("Kenya and Ethiopia signed a border agreement in Nairobi.")
    (folder / "feed.jsonl").write_text(
        json.dumps({"key": "j1", "body": "Iran threatened to close the strait.",
                    "date": "2024-02-03"}) + "\n"
        + json.dumps({"body": "Brazil sent aid to Bolivia after the floods."}) + "\n")
    (folder / "table.csv").write_text(
        "key,body,published\nc1,\"Chile recalled its ambassador to Peru.\",2023-07-08\n")
    write_warc(folder / "crawl.warc.gz", [("http://example.com/summit", HTML)])
    (folder / "notes.md").write_text("not a known kind")

    report = ingest(store, [folder], date="2026-01-13",
                    columns=Columns(text="body", id="key", date="published"))
    assert report.failed == 0, report.errors
    docs = rows(store)
    warc_ids = [i for i, r in docs.items() if r["url"] == "http://example.com/summit"]
    assert set(docs) == {"a", "sub/a", "page", "zipped", "c1", "j1", "feed-2", *warc_ids}
    assert docs["j1"]["date"] == "2024-02-03" and docs["feed-2"]["date"] == "2026-01-13"
    assert report.skipped_files == [str(folder / "notes.md")]
    assert docs["a"]["date"] == "2026-01-13"  # --date
    assert docs["page"]["date"] == "2025-03-04"  # HTML metadata
    assert docs["c1"]["date"] == "2023-07-08"  # the record's own
    assert docs["c1"]["text"].startswith("Chile")
    # page.html is the same story as the (earlier, by path) WARC copy: a duplicate
    assert docs["page"]["status"] == "duplicate"
    assert docs["page"]["duplicate_of"] == warc_ids[0]


def test_jsonl_records_use_the_configured_fields(tmp_path, store):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"newid": 7, "body": STORY, "date": "2024-02-03"}) + "\n")
    ingest(store, [path], columns=Columns(text="body", id="newid"))
    assert rows(store)["7"]["date"] == "2024-02-03"


def test_ingest_is_idempotent_and_a_reused_id_keeps_both_texts(tmp_path, store):
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    assert ingest(store, [path]).added == 1
    again = ingest(store, [path])
    assert (again.added, again.unchanged) == (0, 1)
    path.write_text("Chile recalled its ambassador to Peru over the border dispute.")
    assert ingest(store, [path]).added == 1
    ids = sorted(rows(store))
    assert ids[0] == "a" and ids[1].startswith("a@")


def test_exact_and_near_duplicates_are_recorded_never_pending(tmp_path, store):
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "00.txt").write_text(STORY)
    (folder / "01.txt").write_text(STORY.replace(" ", "  "))
    for n in range(2, 12):
        (folder / f"{n:02d}.txt").write_text(f"Headline {n}: villages attacked\n{STORY}")
    report = ingest(store, [folder])
    assert (report.added, report.duplicates, report.near_duplicates) == (1, 1, 10)
    docs = rows(store)
    assert docs["00"]["status"] == "pending"
    assert {r["duplicate_of"] for i, r in docs.items() if i != "00"} == {"00"}
    assert all(r["status"] == "duplicate" for i, r in docs.items() if i != "00")
    assert docs["01"]["similarity"] == 1.0
    # a later ingest still knows the story
    (tmp_path / "late.txt").write_text("Latest: " + STORY)
    assert ingest(store, [tmp_path / "late.txt"]).near_duplicates == 1


def test_bad_inputs_become_failed_rows_with_clear_errors(tmp_path, store):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY)
    (folder / "corrupt.txt.gz").write_bytes(gzip.compress(b"some text here")[:15])
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners protested in Paris.".encode("latin-1"))
    (folder / "empty.txt").write_text("")
    write_warc(folder / "cut.warc.gz", [(f"http://example.com/{n}", HTML.replace(
        "France", f"France ({n})")) for n in range(3)])
    data = (folder / "cut.warc.gz").read_bytes()
    (folder / "cut.warc.gz").write_bytes(data[:int(len(data) * 0.8)])
    (folder / "rows.csv").write_bytes(
        b'id,text\nr1,"fine row about Chile"\nr2,"bad \xff row"\n')

    report = ingest(store, [folder])
    docs = rows(store)
    failed = {i: r["error"] for i, r in docs.items() if r["status"] == "failed"}
    assert report.failed == len(failed) == 5
    assert "cannot read" in failed["corrupt#1"]
    assert "not valid UTF-8" in failed["latin1#1"]
    assert "empty document" in failed["empty#1"]
    assert "truncated or corrupt WARC" in next(e for i, e in failed.items() if i.startswith("cut"))
    assert "rows.csv:row 2" in failed["rows#2"]
    assert docs["good"]["status"] == "pending" and docs["r1"]["status"] == "pending"
    assert sum(1 for i in docs if docs[i]["url"]) == 2  # the whole records before the cut


def test_read_corpus_and_find_files_without_a_store(tmp_path):
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    (tmp_path / "b.txt").write_text(STORY)
    assert [file_id for _, file_id in find_files([tmp_path])] == ["b"]
    items = list(read_corpus([tmp_path / "b.txt"], date="2026-01-13"))
    assert items[0].doc_id == "b" and items[0].date == "2026-01-13"
    assert not any(isinstance(i, InputError) for i in items)


def test_missing_path_and_bad_date_are_usage_errors(tmp_path, store):
    with pytest.raises(UsageError):
        ingest(store, [tmp_path / "nope"])
    with pytest.raises(UsageError):
        ingest(store, [tmp_path], date="13/01/2026")


def test_an_unclosed_quote_fails_its_row_and_the_rows_after_it_are_read(tmp_path, store):
    path = tmp_path / "feed.csv"
    path.write_text(
        "id,text,date\n"
        'r1,"Chile recalled its ambassador to Peru.",2026-01-13\n'
        'r2,"Kenya and Ethiopia signed a border deal.,2026-01-13\n'
        'r3,"Iran threatened to close the Strait of Hormuz.",2026-01-13\n'
        'r4,"Brazil sent aid to Bolivia after the floods, officials said.",2026-01-13\n'
        'r5,"India and\nSri Lanka agreed to expand trade.",2026-01-13\n')
    report = ingest(store, [path])
    docs = rows(store)
    assert {i for i, r in docs.items() if r["status"] == "pending"} == {"r1", "r3", "r4", "r5"}
    assert docs["r5"]["text"] == "India and\nSri Lanka agreed to expand trade."
    assert report.errors == [f"[E016] {path}:row 2 (line 3): malformed CSV row (a quote opened "
                             "here does not close a field: ',' expected after '\"'); skipped"]
    assert docs["feed#2"]["status"] == "failed"


def test_stray_quotes_that_would_merge_rows_fail_only_their_rows(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text('id,text\nr1,"Chile recalled its ambassador.\nr2,Kenya signed a deal.\n'
                    'r3,Iran said "no.\nr4,Peru voted.\n')
    items = list(read_corpus([path]))
    assert [i.doc_id for i in items if not isinstance(i, InputError)] == ["r2", "r4"]
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"[E016] {path}:row 1 (line 2): malformed CSV row (a quote opened here does not close "
        "a field: ',' expected after '\"'); skipped",
        f"[E016] {path}:row 3 (line 4): malformed CSV row (a quote opened here is never "
        "closed); skipped"]


def test_csv_rows_with_too_many_fields_and_over_the_caps_are_reported(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("id,text\nr1,Chile recalled its ambassador.,extra\n"
                    f"r2,{'Kenya signed a deal. ' * 20}\nr3,Iran threatened to close it.\n"
                    f"r4,{'x' * 600}\n{'7' * 290},{'y' * 200}\n"
                    'r6,"Cuba and\n' + "Mexico signed a deal.\n" * 30 + "r7,Peru voted.\n")
    limits = ReadLimits(field_chars=300, line_bytes=500, record_bytes=450)
    items = list(read_corpus([path], limits=limits))
    assert [i.doc_id for i in items if not isinstance(i, InputError)] == ["r3", "r7"]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors[:5] == [
        f"[E016] {path}:row 1 (line 2): malformed CSV row (3 fields, the header has 2); skipped",
        f"[E015] {path}:row 2 (line 3): field of 420 characters exceeds the reader limit "
        "(--max-field-chars 300); skipped",
        f"[E015] {path}:row 4 (line 5): line of 604 bytes exceeds the reader limit "
        "(--max-line-bytes 500); skipped",
        f"[E015] {path}:row 5 (line 6): row of 492 bytes exceeds the reader limit "
        "(--max-record-bytes 450); skipped",
        f"[E016] {path}:row 6 (line 7): malformed CSV row (a quote opened here is not closed "
        "within 450 bytes (--max-record-bytes)); skipped",
    ]
    # the lines of the unclosed field are read again as rows: one field each, so they fail
    assert len(errors) == 5 + 30
    assert all("1 fields, the header has 2" in error for error in errors[5:])


def test_a_warc_payload_over_the_limit_is_reported_and_the_next_read(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    big = HTML.replace("to discuss trade.", "to discuss trade. " + "More talks. " * 200)
    write_warc(path, [("http://example.com/big", big), ("http://example.com/small", HTML)])
    items = list(read_corpus([path], limits=ReadLimits(record_bytes=1000)))
    [doc] = [i for i in items if not isinstance(i, InputError)]
    assert doc.url == "http://example.com/small"
    [error] = [str(i) for i in items if isinstance(i, InputError)]
    assert error == (f"[E015] {path}:record 1 (http://example.com/big): payload of more than "
                     "1000 bytes exceeds the reader limit (--max-record-bytes 1000); skipped")


def test_symlinks_are_skipped_and_named_unless_followed(tmp_path, store):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Chile recalled its ambassador to Peru.")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (folder / "linked.txt").symlink_to(outside / "secret.txt")
    (folder / "more").symlink_to(outside)
    (folder / "loop").symlink_to(folder)
    report = ingest(store, [folder, folder / "linked.txt"])
    assert set(rows(store)) == {"a"}
    assert report.skipped_links == [str(folder / "linked.txt"), str(folder / "loop"),
                                    str(folder / "more"), str(folder / "linked.txt")]
    followed = ingest(store, [folder], follow_symlinks=True)
    assert followed.skipped_links == []
    assert set(rows(store)) == {"a", "linked", "more/secret"}


def test_ingest_command_takes_the_limits_and_names_skipped_symlinks(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "elsewhere.txt").write_text(STORY)
    (folder / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "a", "text": STORY}) + "\n"
        + json.dumps({"id": "b", "text": STORY * 10}) + "\n")
    db = tmp_path / "corpus.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db),
                                      "--max-line-bytes", "1000"])
    assert result.exit_code == 1
    assert f"skipped symlink {folder / 'link.txt'} (read it with --follow-symlinks)" in \
        result.stderr
    assert f"[E015] {folder / 'feed.jsonl'}:2: line of" in result.stderr
    with open_store(db, read_only=True) as store:
        assert store.status_counts()["pending"] == 1
