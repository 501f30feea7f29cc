"""The context stage: keyword contexts of an event's paragraph, merged with its CAMEO context."""

from __future__ import annotations

import pytest

from eventwire.components.contexts import EventContexts, load_contexts, load_keywords


def with_contexts(nlp, text, trigger, context=(), stage=None):
    """The context stage run on one event whose trigger is the word ``trigger``."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("eventwire_"):
            doc = proc(doc)
    i = next(t.i for t in doc if t.text == trigger)
    doc._.ew_events = [{"event": "CONSULT", "mode": [], "context": list(context),
                        "trigger": [i, i + 1]}]
    (stage or nlp.get_pipe("eventwire_contexts"))(doc)
    return doc._.ew_events[0]["context"]


@pytest.mark.parametrize(
    ("text", "trigger", "context"),
    [
        ("They agreed to cut tariffs on steel exports.", "agreed", "economic"),
        ("They agreed to strengthen cooperation on economic security.", "agreed", "economic"),
        ("The two sides discussed artificial intelligence and chips.", "discussed",
         "technology"),
        ("Seoul will invest in AI research.", "invest", "technology"),
        ("China regards Taiwan as its own territory.", "regards", "territory"),
        ("Troops fired missiles across the border.", "fired", "military"),
        ("The ambassador attended the summit.", "attended", "diplomatic"),
        ("Yoon declared martial law.", "declared", "pro_autocracy"),
        ("They pledged to work towards the denuclearisation of North Korea.", "pledged", "cbrn"),
        ("Police detained dozens of dissidents.", "detained", "repression"),
    ],
)
def test_keyword_context(nlp, text, trigger, context):
    assert context in with_contexts(nlp, text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ai Weiwei criticised the mayor.", "criticised"),  # "AI" matches only as written
        ("The minister met the mayor.", "met"),
    ],
)
def test_no_context(nlp, text, trigger):
    assert with_contexts(nlp, text, trigger) == []


def test_cameo_context_stays_first_and_the_rest_follow_plover_order(nlp):
    text = "Troops guarded the border as diplomats discussed trade and chips."
    found = with_contexts(nlp, text, "guarded", context=["technology"])
    assert found == ["technology", "military", "economic", "diplomatic", "territory"]


def test_paragraph_scope(nlp):
    text = "Japan blocked exports.\n\nThe leaders met on Tuesday."
    assert with_contexts(nlp, text, "met") == []
    assert with_contexts(nlp, text.replace("\n\n", " "), "met") == ["economic"]


def test_sentence_scope(nlp):
    stage = EventContexts(nlp, "contexts", scope="sentence")
    assert with_contexts(nlp, "Japan blocked exports. The leaders met.", "met", stage=stage) == []


def test_bad_scope_is_refused(nlp):
    with pytest.raises(ValueError, match="scope"):
        EventContexts(nlp, "contexts", scope="document")


def test_context_tables():
    contexts = load_contexts()
    assert len(contexts) == len(set(contexts)) == 37
    assert {context for _, context in load_keywords()} <= set(contexts)


def test_article_contexts(nlp):
    from pathlib import Path

    from eventwire.coder import Coder

    text = (Path(__file__).parents[1] / "data" / "nara-summit.txt").read_text(encoding="utf-8")
    events = Coder(nlp=nlp).code(text, date="2026-01-13", doc_id="nara").events
    blocked = [e for e in events if "blocking exports" in e.text]
    assert blocked and all({"economic", "territory"} <= set(e.context) for e in blocked)
    agreed = [e for e in events if "economic security" in e.text and "agreed" in e.event_text]
    if not agreed:  # which events exist is the event stage's business
        pytest.skip("event stage coded no event for 'They agreed to strengthen cooperation'")
    assert all({"economic", "technology"} <= set(e.context) for e in agreed)
