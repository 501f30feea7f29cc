"""Recipients read from the phrases around an event's trigger."""

import pytest

from eventwire.coder import Coder

DATE = "2026-01-13"


@pytest.fixture(scope="module")
def coder(nlp):
    return Coder(nlp=nlp)


def top(coder, text):
    """The most confident event of a one-sentence text."""
    found = coder.code(text, date=DATE, doc_id="t").events
    assert found, f"no event in {text!r}"
    return max(found, key=lambda e: e.confidence)


def codes(entities):
    return sorted({e.code for e in entities if e.code})


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        ("Turkey rejected a Greek proposal on the disputed islands.",
         "REJECT", ["TUR"], ["GRC"]),
        ("Syrian artillery shelled positions of the Lebanese army overnight.",
         "ASSAULT", ["SYR"], ["LBN"]),
        ("The Japanese government rejected recent calls by China's leaders for talks.",
         "REJECT", ["JPN"], ["CHN"]),
        ("Canada praised Mexico's efforts to curb smuggling.", "SUPPORT", ["CAN"], ["MEX"]),
    ],
)
def test_owner_of_the_object_is_the_recipient(coder, text, event_type, actors, recipients):
    event = top(coder, text)
    assert event.event == event_type
    assert codes(event.actor) == actors
    assert codes(event.recipient) == recipients


def test_topic_of_a_joint_event_is_no_recipient(coder):
    event = top(coder, "Germany and France discussed the Japan-China dispute in Paris.")
    assert event.event == "CONSULT"
    assert not {"JPN", "CHN"} & set(codes(event.recipient))
