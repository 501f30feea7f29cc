"""Readers: every good document comes through, every bad one names file and line."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.errors import InputError, UsageError
from eventwire.ingest import InputDoc, ReadLimits, bounded_lines, parse_date, read_inputs

STORY = "Lee met Takaichi in Nara on Tuesday.\n"


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _docs(items):
    return [item for item in items if isinstance(item, InputDoc)]


def _errors(items):
    return [str(item) for item in items if isinstance(item, InputError)]


def test_text_file_uses_stem_and_date(tmp_path):
    path = _write(tmp_path / "nara-summit.txt", STORY)
    [doc] = read_inputs(path, date="20260113")
    assert (doc.doc_id, doc.text, doc.date, doc.is_html) == ("nara-summit", STORY, "2026-01-13",
                                                             False)
    assert doc.source == str(path)


def test_html_file_is_marked_html(tmp_path):
    [doc] = read_inputs(_write(tmp_path / "story.htm", "<html><p>Hi</p></html>"))
    assert doc.is_html is True and doc.doc_id == "story"


def test_unknown_suffix_is_text_with_html_guessed(tmp_path):
    [doc] = read_inputs(_write(tmp_path / "story.md", STORY))
    assert doc.is_html is None and doc.text == STORY


def test_stdin(tmp_path):
    [doc] = read_inputs("-", date="2026-01-13", stdin=io.BytesIO(STORY.encode()))
    assert (doc.doc_id, doc.text, doc.date, doc.source) == ("stdin", STORY, "2026-01-13", "stdin")


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"E001.*nope\.txt"):
        read_inputs(tmp_path / "nope.txt")


def test_directory_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="E011"):
        read_inputs(tmp_path)


def test_bad_date_option_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="E012.*'13/01/2026'"):
        read_inputs(_write(tmp_path / "a.txt", STORY), date="13/01/2026")


@pytest.mark.parametrize(("content", "code"), [
    (b"", "E002"),
    (b"  \n\t\n", "E002"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E003"),
    (bytes(range(1, 32)) * 40, "E003"),
    (b"Caf\xe9 au lait", "E004"),
])
def test_bad_files_are_input_errors(tmp_path, content, code):
    path = _write(tmp_path / "bad.txt", content)
    [error] = _errors(read_inputs(path))
    assert error.startswith(f"[{code}] {path}")


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = _write(tmp_path / "latin.txt", b"Lee met Takaichi at the caf\xe9.")
    [error] = _errors(read_inputs(path))
    assert "not valid UTF-8" in error and "0xe9" in error and "offset 27" in error


def test_utf8_bom_and_utf16_are_read(tmp_path):
    [doc] = read_inputs(_write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + STORY.encode()))
    assert doc.text == STORY
    [doc] = read_inputs(_write(tmp_path / "wide.txt", STORY.encode("utf-16")))
    assert doc.text == STORY


def test_jsonl_bad_lines_do_not_stop_the_others(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": STORY, "date": "2026-01-13T09:00:00Z", "title": "T"}),
        "{not json",
        "",
        json.dumps({"text": STORY, "date": "20260114", "url": "https://example.org/b"}),
        json.dumps({"id": "c", "body": STORY}),
        json.dumps({"id": "d", "text": STORY, "date": "yesterday"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"id": 7, "text": STORY}),
    ]
    path = _write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs(path, date="2026-01-01"))
    docs = _docs(items)
    assert [(d.doc_id, d.date) for d in docs] == [
        ("a", "2026-01-13"), ("corpus-4", "2026-01-14"), ("7", "2026-01-01")]
    assert docs[0].title == "T" and docs[1].url == "https://example.org/b"
    assert docs[1].source == f"{path}:4"
    errors = _errors(items)
    assert errors == [
        f"[E005] {path}:2: malformed JSON (Expecting property name enclosed in double quotes)",
        f"[E007] {path}:5: record has no text field",
        f"[E012] {path}:6: invalid date 'yesterday' (use YYYY-MM-DD)",
        f"[E009] {path}:7: record is not a JSON object",
        f"[E002] {path}:8: empty document",
    ]
    # Documents and errors come in input order.
    assert [type(i).__name__ for i in items][:3] == ["InputDoc", "InputError", "InputDoc"]


def test_jsonl_invalid_utf8_line_names_line_and_offset(tmp_path):
    good = json.dumps({"id": "a", "text": STORY}).encode() + b"\n"
    bad = b'{"id": "b", "text": "caf\xe9"}\n'
    path = _write(tmp_path / "c.ndjson", good + bad + good)
    items = list(read_inputs(path))
    assert len(_docs(items)) == 2
    [error] = _errors(items)
    assert error.startswith(f"[E004] {path}:2") and f"offset {len(good) + 24})" in error


def test_jsonl_custom_fields(tmp_path):
    path = _write(tmp_path / "c.jsonl", json.dumps({"story_id": "x", "body": STORY}) + "\n")
    [doc] = read_inputs(path, text_field="body", id_field="story_id")
    assert (doc.doc_id, doc.text) == ("x", STORY)


def test_empty_and_binary_jsonl(tmp_path):
    [error] = _errors(read_inputs(_write(tmp_path / "empty.jsonl", "\n\n")))
    assert error.startswith("[E002]")
    [error] = _errors(read_inputs(_write(tmp_path / "bin.jsonl", b"\x00\x01\x02" * 100)))
    assert error.startswith("[E003]")


def test_json_object_and_list(tmp_path):
    [doc] = read_inputs(_write(tmp_path / "one.json", json.dumps({"text": STORY})))
    assert doc.doc_id == "one"
    path = _write(tmp_path / "many.json",
                  json.dumps([{"id": "x", "text": STORY}, {"text": STORY}, {"title": "no"}]))
    items = list(read_inputs(path))
    assert [d.doc_id for d in _docs(items)] == ["x", "many-2"]
    assert _errors(items) == [f"[E007] {path}[3]: record has no text field"]
    [error] = _errors(read_inputs(_write(tmp_path / "broken.json", '{"text": ')))
    assert error.startswith(f"[E005] {tmp_path / 'broken.json'}:1")


def test_gzip_of_each_kind(tmp_path):
    txt = _write(tmp_path / "story.txt.gz", gzip.compress(STORY.encode()))
    [doc] = read_inputs(txt)
    assert (doc.doc_id, doc.text, doc.is_html) == ("story", STORY, False)
    record = json.dumps({"id": "z", "text": STORY}) + "\n"
    jsonl = _write(tmp_path / "corpus.jsonl.gz", gzip.compress((record * 3).encode()))
    assert [d.doc_id for d in read_inputs(jsonl)] == ["z", "z", "z"]
    html = _write(tmp_path / "page.html.gz", gzip.compress(b"<html><p>Hi</p></html>"))
    assert next(iter(read_inputs(html))).is_html is True


def test_corrupt_gzip_is_an_input_error(tmp_path):
    path = _write(tmp_path / "story.txt.gz", b"this is not gzip at all")
    [error] = _errors(read_inputs(path))
    assert error.startswith(f"[E009] {path}: cannot read")
    truncated = _write(tmp_path / "c.jsonl.gz",
                       gzip.compress((json.dumps({"text": STORY}) + "\n").encode() * 50)[:-30])
    items = list(read_inputs(truncated))
    assert _errors(items) and _errors(items)[-1].startswith("[E009]")


def test_five_megabyte_document(tmp_path):
    text = STORY * (5_000_000 // len(STORY))
    [doc] = read_inputs(_write(tmp_path / "big.txt", text))
    assert doc.text == text


def test_file_over_the_reader_limit(tmp_path):
    path = _write(tmp_path / "big.txt", STORY * 100)
    [error] = _errors(read_inputs(path, limits=ReadLimits(file_bytes=1000)))
    assert error.startswith(f"[E013] {path}")
    gz = _write(tmp_path / "big.txt.gz", gzip.compress((STORY * 100).encode()))
    [error] = _errors(read_inputs(gz, limits=ReadLimits(file_bytes=1000)))
    assert error.startswith(f"[E013] {gz}")


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_jsonl_line_over_the_limit_is_reported_and_skipped(tmp_path, gzipped):
    good = json.dumps({"id": "a", "text": STORY})
    long = json.dumps({"id": "b", "text": STORY * 40})
    data = f"{good}\n{long}\n{good.replace('a', 'c', 1)}\n".encode()
    name = "feed.jsonl.gz" if gzipped else "feed.jsonl"
    path = _write(tmp_path / name, gzip.compress(data) if gzipped else data)
    items = list(read_inputs(path, limits=ReadLimits(line_bytes=500)))
    assert [d.doc_id for d in _docs(items)] == ["a", "c"]
    assert _errors(items) == [f"[E015] {path}:2: line of {len(long) + 1} bytes exceeds the "
                              "reader limit (--max-line-bytes 500); skipped"]


def test_bounded_lines_never_hold_more_than_the_limit():
    class Recording(io.BytesIO):
        asked: list[int] = []

        def readline(self, size: int = -1) -> bytes:
            self.asked.append(size)
            return super().readline(size)

    stream = Recording(b"short\n" + b"x" * 5000 + b"\nlast")
    assert list(bounded_lines(stream, 100)) == [(b"short\n", 6), (None, 5001), (b"last", 4)]
    assert all(0 < size <= 1 << 20 for size in stream.asked)


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-01-13", "2026-01-13"),
    ("20260113", "2026-01-13"),
    (20260113, "2026-01-13"),
    ("2026-01-13T23:30:00+09:00", "2026-01-13"),
    ("2026-01-13 08:00:00", "2026-01-13"),
    ("2026-01-13T08:00:00Z", "2026-01-13"),
    ("Tue, 13 Jan 2026 10:00:00 GMT", "2026-01-13"),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2026-02-30", "13/01/2026", "yesterday", "", "2026-1-3x"])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError):
        parse_date(value)
