"""The second-opinion stage: a packaged learned model that re-ranks and gates the
rule stages' events, deterministic, and switched off by one config value."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from eventwire.coder import Coder
from eventwire.components.second_opinion import (
    EventModel,
    SecondOpinion,
    event_features,
    load_model,
)

pytestmark = pytest.mark.model

STAGE = "eventwire_second_opinion"


def rule_events(nlp: Language, text: str) -> tuple[Any, list[dict[str, Any]]]:
    """The Doc and its events as the rule stages leave them."""
    with nlp.select_pipes(disable=[STAGE]):
        doc = nlp(text)
    return doc, [dict(e) for e in doc._.ew_events]


def summary(coder: Coder, text: str) -> list[tuple[str, str, float]]:
    return [(e.event, e.event_text, e.confidence)
            for e in coder.code(text, date="2026-01-13").events]


def test_packaged_model_loads() -> None:
    model = load_model()
    assert len(model.weights) > 100
    assert 0.0 < model.blend <= 1.0
    assert 0.0 <= model.drop_below < 0.5
    assert 0.0 < model.probability({"type=ASSAULT": 1.0, "lemma=kill": 1.0}) < 1.0


def test_deterministic(nlp: Language) -> None:
    text = "Turkish police detained a man who had joined ISIS in Syria, authorities said."
    first = [dict(e) for e in nlp(text)._.ew_events]
    assert first
    assert all(first == [dict(e) for e in nlp(text)._.ew_events] for _ in range(3))


def test_switched_off_restores_rule_output(nlp: Language) -> None:
    from eventwire.pipeline import build_nlp

    off = Coder(nlp=build_nlp(config={STAGE: {"enabled": False}}))
    texts = ["Turkish police detained a man who had joined ISIS in Syria, authorities said.",
             "China and Japan agreed to cooperate on trade after talks in Beijing."]
    with nlp.select_pipes(disable=[STAGE]):
        rules = Coder(nlp=nlp)
        expected = [summary(rules, text) for text in texts]
    assert [summary(off, text) for text in texts] == expected
    assert [summary(Coder(nlp=nlp), text) for text in texts] != expected


@pytest.mark.parametrize("text, event", [
    ("Russian troops killed 12 civilians in an attack on the village on Monday.", "ASSAULT"),
    ("Chinese officials met their Syrian counterparts to discuss terrorism.", "CONSULT"),
    ("The Turkish government suspended flights to Iraq due to security concerns.", "SANCTION"),
])
def test_confidence_moves_towards_the_model(nlp: Language, text: str, event: str) -> None:
    doc, before = rule_events(nlp, text)
    assert [e["event"] for e in before] == [event]
    model = load_model()
    p = model.probability(event_features(doc, before[0], before))
    after = nlp(text)._.ew_events
    assert [e["event"] for e in after] == [event]
    expected = (1 - model.blend) * before[0]["confidence"] + model.blend * p
    assert after[0]["confidence"] == pytest.approx(expected, abs=0.006)


def test_rates_a_killing_above_a_meeting_on_terrorism(nlp: Language) -> None:
    killing = nlp("Russian troops killed 12 civilians in an attack on the village on Monday.")
    meeting = nlp("Chinese officials met their Syrian counterparts to discuss terrorism.")
    assert killing._.ew_events[0]["confidence"] > meeting._.ew_events[0]["confidence"]


def test_drops_an_event_it_is_confident_is_wrong(nlp: Language) -> None:
    text = ("The Speaker of the House called for immigration reform that would protect young "
            "immigrants brought to the US as children.")
    doc, before = rule_events(nlp, text)
    model = load_model()
    odds = {e["event"]: model.probability(event_features(doc, e, before)) for e in before}
    assert odds["AID"] < model.drop_below < odds["REQUEST"]
    assert [e["event"] for e in nlp(text)._.ew_events] == ["REQUEST"]


def test_keeps_the_rules_main_event_of_a_sentence(nlp: Language) -> None:
    """The model's probabilities rank across sentences; the rules pick each one's main event."""
    text = "Russia agreed to talks after Ukrainian drones struck an oil depot in Crimea."
    doc, before = rule_events(nlp, text)
    assert [e["event"] for e in before] == ["AGREE", "ASSAULT"]
    assert before[0]["confidence"] > before[1]["confidence"]
    fond_of_strikes = EventModel({"lemma=strike": 4.0}, bias=0.0, blend=1.0, drop_below=0.1)
    doc._.ew_events = before
    SecondOpinion(STAGE, model=fond_of_strikes)(doc)
    after = {e["event"]: e["confidence"] for e in doc._.ew_events}
    assert after == {"AGREE": 0.98, "ASSAULT": 0.5}
