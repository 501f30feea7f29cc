"""One document that breaks a stage fails alone; its batch-mates are coded as usual."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.util import raise_error

from eventwire.coder import Coder

MARKER = "Zanzibar"
STORIES = [
    "Police arrested dozens of protesters in Karachi on Monday.",
    "Japan and China signed a trade agreement in Beijing.",
    f"The ministers of {MARKER} met in Nairobi to discuss the ceasefire.",
    "Rebels attacked a village in northern Mali, killing five soldiers.",
    "Russia condemned the sanctions imposed by the European Union.",
]


def _items() -> list[dict[str, Any]]:
    return [{"id": f"s{n}", "text": text, "date": "2026-01-13"}
            for n, text in enumerate(STORIES)]


def _signature(document: Any) -> list[tuple]:
    return [(e.event, e.text_info.start, e.text_info.end,
             sorted(a.code or "" for a in e.actor)) for e in document.events]


@pytest.fixture(scope="module")
def expected(coder: Coder) -> dict[str, list[tuple]]:
    """Events of the good stories, each coded on its own before any stage is broken."""
    return {f"s{n}": _signature(coder.code(text, date="2026-01-13", doc_id=f"s{n}"))
            for n, text in enumerate(STORIES) if MARKER not in text}


def _check(documents: list[Any], expected: dict[str, list[tuple]], stage: str) -> None:
    assert [d.doc_id for d in documents] == [f"s{n}" for n in range(len(STORIES))]
    bad = documents[2]
    assert bad.status == "failed"
    assert "[E017] s2" in bad.error and f"stage {stage}" in bad.error and "broken" in bad.error
    for document in documents[:2] + documents[3:]:
        assert document.status == "ok", document.error
        assert _signature(document) == expected[document.doc_id]
    assert any(documents[n].events for n in (0, 1, 3, 4))


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_eventwire_stage_failing_fails_only_its_document(coder, expected, monkeypatch,
                                                            n_process):
    stage = coder.nlp.get_pipe("eventwire_events")
    extract = stage.extract

    def broken(doc):
        if MARKER in doc.text:
            raise RuntimeError("broken on purpose")
        return extract(doc)

    monkeypatch.setattr(stage, "extract", broken)
    documents = list(coder.pipe(_items(), n_process=n_process, batch_size=len(STORIES)))
    _check(documents, expected, "eventwire_events")


def _break_tagger(coder, monkeypatch):
    """Make the tagger raise on any batch holding the marker; RETURNS the tagger."""
    tagger = coder.nlp.get_pipe("tagger")
    predict = tagger.predict

    def broken(docs):
        if any(MARKER in doc.text for doc in docs):
            raise RuntimeError("broken on purpose")
        return predict(docs)

    monkeypatch.setattr(tagger, "predict", broken)
    return tagger


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_model_stage_failing_on_a_batch_spares_the_batch_mates(coder, expected, monkeypatch,
                                                                 n_process):
    # spaCy drops a model stage's whole batch when it fails; the others are coded again.
    _break_tagger(coder, monkeypatch)
    documents = list(coder.pipe(_items(), n_process=n_process, batch_size=len(STORIES)))
    _check(documents, expected, "tagger")


def test_a_stage_without_an_error_handler_does_not_end_the_run(coder, expected, monkeypatch):
    # The parser and entity recognizer take no handler: their exception ends spaCy's stream.
    tagger = _break_tagger(coder, monkeypatch)
    monkeypatch.setattr(tagger, "get_error_handler", lambda: raise_error)
    documents = list(coder.pipe(_items(), batch_size=2))
    _check(documents, expected, "tagger")


def test_a_failure_after_the_stages_fails_only_its_document(coder, expected, monkeypatch):
    import eventwire.coder as coder_module

    assemble = coder_module.assemble_document

    def broken(doc, item, norm):
        if MARKER in doc.text:
            raise ValueError("broken on purpose")
        return assemble(doc, item, norm)

    monkeypatch.setattr(coder_module, "assemble_document", broken)
    _check(list(coder.pipe(_items())), expected, "assemble")


def test_a_text_without_letters_fails_fast_and_named(nlp) -> None:
    # 200,000 apostrophes would be 200,000 tokens for the parser and nothing to code.
    docs = list(Coder(nlp=nlp).pipe([{"id": "quotes", "text": "'" * 200_000},
                                     {"id": "words", "text": "Japan protested to China."}]))
    assert docs[0].status == "failed" and "[E018]" in docs[0].error
    assert docs[1].status == "ok"
