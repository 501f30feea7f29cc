"""The eventwire_quotes stage: quotes, cues, speakers and event sources."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.assemble import assemble_document
from eventwire.components.quote_marks import quote_spans
from eventwire.ingest import InputDoc
from eventwire.normalise import normalise

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "nara-summit.txt"
WITH_COREF = ("eventwire_actors", "eventwire_coref", "eventwire_quotes")
WITHOUT_COREF = ("eventwire_actors", "eventwire_quotes")


@contextmanager
def only(nlp: Language, stages: tuple[str, ...]) -> Iterator[Language]:
    """The shared pipeline with just the parse and the named eventwire stages."""
    keep = [p for p in nlp.pipe_names if p in stages or not p.startswith("eventwire_")]
    with nlp.select_pipes(enable=keep):
        yield nlp


def code(nlp: Language, text: str, stages: tuple[str, ...] = WITH_COREF) -> Doc:
    with only(nlp, stages):
        doc = nlp.make_doc(text)
        doc._.ew_date = "2026-01-13"
        return nlp(doc)


def quotes(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    """(quote, speaker name, cue) of every coded quote."""
    mentions = doc._.ew_mentions
    return [(q["quote"], mentions[q["speaker"]]["name"] if q["speaker"] is not None else None,
             q["cue"]) for q in doc._.ew_quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "no" twice.', [("no", True)]),
    ('"We will act," she said.', [("We will act", True)]),
    ('Lee said: "We must act.\n\n"There is no time."', [("We must act.", False),
                                                        ("There is no time.", True)]),
])
def test_quote_marks_pair_within_paragraphs(text, expected):
    found = [(text[s:e], closed) for s, e, _, closed in quote_spans(text)]
    assert found == expected


@pytest.mark.parametrize(("text", "quote", "speaker", "cue"), [
    ('Lee said: "Japan is our closest partner."',
     "Japan is our closest partner.", "Lee Jae-myung", "said"),
    ('"Japan is our closest partner," Lee said.',
     "Japan is our closest partner", "Lee Jae-myung", "said"),
    ('"Japan is our closest partner," said Lee Jae-myung, the South Korean president.',
     "Japan is our closest partner", "Lee Jae-myung", "said"),
    ('Takaichi met Lee in Nara. "Our ties are stronger than ever," she told reporters.',
     "Our ties are stronger than ever", "Sanae Takaichi", "told"),
    ('Takaichi met Lee in Nara. "Our ties are stronger than ever," he told reporters.',
     "Our ties are stronger than ever", "Lee Jae-myung", "told"),
    ('"Tensions will rise in the region," Benoit Hardy-Chartrand, an expert at Temple '
     'University, told AFP.', "Tensions will rise in the region", "Benoit Hardy-Chartrand",
     "told"),
    ('Takaichi urged Seoul to help "ensure regional stability" in Asia.',
     "ensure regional stability", "Sanae Takaichi", "urged"),
    ("Lee said in an interview that it was not his place to intervene in the row.",
     "it was not his place to intervene in the row", "Lee Jae-myung", "said"),
    ("The two countries will hold talks next month, according to Takaichi.",
     "The two countries will hold talks next month", "Sanae Takaichi", "according to"),
    ('Lee said he believed that Japan "would keep its promises to the region."',
     "would keep its promises to the region.", "Lee Jae-myung", "believed"),
])
def test_quote_speaker_and_cue(nlp, text, quote, speaker, cue):
    assert (quote, speaker, cue) in quotes(code(nlp, text))


@pytest.mark.parametrize("text", [
    'Lee said: "We must act now.\n\n"There is no time to lose."',
    '"We must act now," Lee said. "There is no time to lose."',
    '"We must act now.\n\n"There is no time to lose," Lee said.',
])
def test_quotes_without_a_cue_continue_their_speaker(nlp, text):
    found = quotes(code(nlp, text))
    assert len(found) == 2
    assert {speaker for _, speaker, _ in found} == {"Lee Jae-myung"}


@pytest.mark.parametrize("text", [
    'China blocked exports of "dual-use" items to Japan.',
    'They agreed to continue their "shuttle diplomacy" of regular meetings.',
    'The senator appeared on "Saturday Night Live" last week.',
])
def test_scare_quotes_and_titles_are_nobody_s_words(nlp, text):
    assert code(nlp, text)._.ew_quotes == []


def test_an_ambiguous_pronoun_leaves_the_speaker_unknown(nlp):
    doc = code(nlp, 'John Smith met Peter Jones in Paris. "We agreed on nothing," he said.',
               stages=WITHOUT_COREF)
    assert quotes(doc) == [("We agreed on nothing", None, "said")]


def test_a_speaker_who_is_no_known_actor_keeps_his_words(nlp):
    text = '"Our ties matter," a new poll said.'
    norm = normalise(text)
    doc = code(nlp, norm.text)
    record = assemble_document(doc, InputDoc(doc_id="t", text=text), norm).quotes[0]
    assert record.speaker is not None
    assert (record.speaker.entity_text, record.speaker.name) == ("a new poll", None)


def test_events_in_reported_content_carry_their_source(nlp):
    doc = code(nlp, 'Lee said Japan would lift sanctions. China attacked. '
                    '"We will meet again," Takaichi told reporters.')
    index = {t.text: t.i for t in doc}
    doc._.ew_events = [{"trigger": [index[w], index[w] + 1]} for w in ("lift", "attacked", "meet")]
    nlp.get_pipe("eventwire_quotes")(doc)
    lift, attacked, meet = doc._.ew_events
    assert lift["source"]["speaker"]["name"] == "Lee Jae-myung"
    assert lift["source"]["quote"] == "Japan would lift sanctions"
    assert "source" not in attacked
    assert meet["source"] == {"speaker": {"entity_text": "Takaichi", "name": "Sanae Takaichi",
                                          "code": "JPN", "sector": "GOV", "wikidata_id": None},
                              "quote": "We will meet again"}


def test_an_event_in_a_quote_takes_the_quote_not_the_clause_around_it(nlp):
    doc = code(nlp, 'Takaichi said she told Lee that "both countries should cooperate '
                    'to ensure stability".')
    cooperate = next(t.i for t in doc if t.text == "cooperate")
    doc._.ew_events = [{"trigger": [cooperate, cooperate + 1]}]
    nlp.get_pipe("eventwire_quotes")(doc)
    source = doc._.ew_events[0]["source"]
    assert source["speaker"]["name"] == "Sanae Takaichi"
    assert source["quote"] == "both countries should cooperate to ensure stability"


def test_quotes_survive_doc_serialisation(nlp):
    doc = code(nlp, '"We must act now," Lee said.')
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert copy._.ew_quotes == doc._.ew_quotes


def test_reference_article_speakers(nlp):
    doc = code(nlp, normalise(ARTICLE.read_text(encoding="utf-8")).text)
    direct = [q for q in doc._.ew_quotes if doc.text[q["start_char"] - 1] == '"']
    mentions = doc._.ew_mentions
    speakers = {q["quote"][:30]: mentions[q["speaker"]]["name"] for q in direct}
    assert len(direct) >= 10
    assert set(speakers.values()) == {
        "Sanae Takaichi", "Lee Jae-myung", "Benoit Hardy-Chartrand"}
    assert speakers["As the environment surrounding"] == "Sanae Takaichi"
    assert speakers["We can only wait for China and"] == "Lee Jae-myung"
    assert speakers["has put in doubt old certainti"] == "Benoit Hardy-Chartrand"
    assert not any(q["quote"] in ("dual-use", "shuttle diplomacy") for q in direct)
