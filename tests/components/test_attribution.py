"""The attribution stage: role rules as data rows, applied after places, with a why trail
on the drafts that stays out of the public records."""

import dataclasses

import pytest
from spacy.language import Language

from eventwire.components import attribution
from eventwire.errors import DataError
from eventwire.pipeline import STAGES


def test_pipeline_declarations_report_no_problems(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert {name: found for name, found in analysis["problems"].items() if found} == {}
    assigners = analysis["attrs"]["doc._.ew_mentions"]["assigns"]
    assert "eventwire_attribution" in assigners and "eventwire_places" not in assigners


def test_roles_are_decided_after_places_and_before_quotes() -> None:
    assert STAGES.index("eventwire_places") < STAGES.index("eventwire_attribution") \
        < STAGES.index("eventwire_quotes")


def test_every_action_has_rows_with_a_reason() -> None:
    rules = attribution.load_rules()
    assert {r.action for r in rules} == set(attribution.ACTIONS)
    assert all(r.why for r in rules)


def test_a_row_with_an_unknown_condition_names_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    row = {"action": "place_actor", "event": "ASSAULT", "type_of": "event",
           "when": "placed,nearby", "why": "x"}
    monkeypatch.setattr(attribution, "read_tsv", lambda *parts: (row,))
    with pytest.raises(DataError, match="rules.tsv row 1"):
        attribution.load_rules.__wrapped__()


def test_a_state_body_gives_its_country_to_the_people_it_acts_on(nlp: Language) -> None:
    doc = nlp("Kenyan police arrested dozens of demonstrators on Tuesday.")
    mentions = doc._.ew_mentions
    event = max(doc._.ew_events, key=lambda e: e["confidence"])
    recipient = mentions[event["recipient"][0]]
    assert recipient["code"] == "KEN"
    assert recipient["why"] == [["eventwire_attribution", "domestic_recipient", None, "KEN"]]


def test_a_protest_at_a_place_is_aimed_at_its_state_and_says_why(nlp: Language) -> None:
    doc = nlp("Thousands of Kurdish students demonstrated in Kirkuk on Saturday.")
    event = next(e for e in doc._.ew_events if e["event"] == "PROTEST")
    assert [doc._.ew_mentions[r]["code"] for r in event["recipient"]] == ["IRQ"]
    assert [why[:2] for why in event["why"]] == [["eventwire_attribution", "place_recipient"]]


def test_the_why_trail_never_reaches_the_records(coder) -> None:
    doc = coder.code("Kenyan police arrested dozens of demonstrators on Tuesday.",
                     date="2026-01-13", doc_id="t")
    record = dataclasses.asdict(doc.events[0])
    assert "why" not in record and all("why" not in e for e in record["recipient"])
    assert "loc_span" not in record


def test_people_a_state_body_acts_on_are_its_own(top_roles) -> None:
    assert top_roles("Egyptian police beat several people on Sunday.") == \
        ("ASSAULT", ["EGY"], ["EGY"])


def test_a_states_citizens_are_its_own_even_for_a_bare_country(top_roles) -> None:
    assert top_roles("France urged citizens to leave Lebanon on Sunday.") == \
        ("REQUEST", ["FRA"], ["FRA"])
    assert top_roles("Chile arrested demonstrators on Tuesday.")[2] == []


@pytest.mark.parametrize("text, actors", [
    ("Macron spoke to the Iraqi prime minister by telephone on Sunday.", ["FRA", "IRQ"]),
    ("Ghana is working closely with Nigeria to stop the smuggling of fuel.", ["GHA", "NGA"]),
    ("Kenya cut a deal with its neighbours, Ethiopia and Somalia.", ["KEN", "ETH", "SOM"]),
])
def test_the_partner_of_a_joint_act_is_an_actor(top_roles, text, actors) -> None:
    _type, found, recipients = top_roles(text)
    assert sorted(found) == sorted(actors) and recipients == []


def test_whom_one_meets_face_to_face_stays_the_recipient(top_roles) -> None:
    assert top_roles("Macron met the Iraqi prime minister in Paris on Sunday.")[1:] == \
        (["FRA"], ["IRQ"])
