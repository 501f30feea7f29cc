"""Properties over arbitrary input: the normaliser, the readers and the coder never raise,
and every offset they give points inside the text it refers to."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.ingest import InputDoc, read_inputs
from eventwire.normalise import normalise

# Pieces that have broken text handling before: markup, entities, quotes of every
# kind, bidi and zero-width controls, mojibake, CJK, combining marks, NUL. Lone
# surrogates (which no UTF-8 input decodes to) are left to bench/fuzz.py.
PIECES = ["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "<script>x</script>",
          "&amp;", "&nbsp;", "&#x201C;", '"', "\u201c", "\u201d", "'", "\u00ab", "\u00bb",
          "\u202e", "\u200b", "\u200d", "\ufeff", "Ã©", "â€™", "東京", "\u0301", "\x00",
          "\r\n", "\n\n", "  ", "\t", "Japan met China.", "said", "Sanaecalled", " ", ".",
          "Mr.", "U.S.", "e\u0301"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join),
)
FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_plain_text_normalises_with_offsets_inside_the_source(text):
    out = normalise(text, is_html=False)
    assert out.source == text
    assert len(out.offsets) == len(out.text) + 1
    assert all(0 <= o <= len(text) for o in out.offsets)
    assert out.offsets == sorted(out.offsets)
    for i in range(len(out.text) + 1):
        assert 0 <= out.to_source_end(i) <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_html_normalises_or_fails_with_an_input_error(text):
    try:
        out = normalise(f"<html><body>{text}</body></html>", is_html=True, source_name="t.html")
    except InputError as err:
        assert "t.html" in str(err)
        return
    assert len(out.offsets) == len(out.text) + 1
    assert all(0 <= o <= len(out.source) for o in out.offsets)


SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".ndjson", ".txt.gz", ".jsonl.gz", ".bin"]
payloads = st.one_of(
    st.binary(max_size=400),
    texts.map(lambda t: t.encode("utf-8")),
    texts.map(lambda t: t.encode("utf-16")),
    st.lists(st.sampled_from([b'{"id": "a", "text": "Japan met China."}', b"{", b"[]", b"null",
                              b'{"text": 5}', b'{"id": [1], "text": "x", "date": "20xx"}',
                              b"\xff\xfe", b"\x00", b'"just a string"', b""]),
             max_size=8).map(b"\n".join),
)


def _results(suffix: str, data: bytes) -> list[InputDoc | InputError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        return list(read_inputs(path))


@FAST
@given(st.sampled_from(SUFFIXES), payloads)
def test_every_input_gives_documents_or_named_errors(suffix, data):
    for item in _results(suffix, data):
        assert isinstance(item, InputDoc | InputError)
        if isinstance(item, InputError):
            assert "input" in str(item)  # the error names the file
        else:
            assert isinstance(item.text, str) and item.doc_id


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600) | payloads)
def test_csv_and_warc_readers_never_raise(data):
    from eventwire.corpus_readers import Columns, read_csv, read_warc

    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "input.csv"
        csv_path.write_bytes(b"id,text,date\n" + data)
        warc_path = Path(folder) / "input.warc"
        warc_path.write_bytes(data)
        items = [*read_csv(csv_path, "input", Columns()), *read_warc(warc_path)]
    for item in items:
        assert isinstance(item, InputDoc | InputError)
        if isinstance(item, InputError):
            assert "input." in str(item)


@pytest.fixture(scope="module")
def coder():
    from eventwire.coder import Coder

    return Coder()


# The coder is slow per text, so few examples; long hostile runs are left to bench/fuzz.py.
coder_texts = st.lists(st.sampled_from([p for p in PIECES if "<" not in p])
                       | st.sampled_from(["China accused Japan of provocation on Monday.",
                                          "\u201cWe will respond,\u201d the minister said.",
                                          "Kim Jong Un met Putin in Moscow.", "<p>", "</p>"])
                       | st.text(max_size=20), max_size=15).map("".join)


@pytest.mark.model
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(coder_texts)
def test_the_coder_gives_a_status_and_offsets_inside_the_text(coder, text):
    doc = coder.code(text, doc_id="prop")
    assert doc.status in ("ok", "failed")
    if doc.status == "failed":
        assert doc.error
        return
    size = len(doc.text)
    for event in doc.events:
        span = event.text_info
        assert 0 <= span.start <= span.end <= size
        assert doc.text[span.start:span.end] == event.text
    for quote in doc.quotes:
        assert 0 <= quote.start <= quote.end <= size
    for actor in doc.actors:
        assert all(0 <= s <= e <= size for s, e in actor.mentions)
