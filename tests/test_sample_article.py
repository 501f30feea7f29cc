"""The reference article (AFP, 13 January 2026) coded end to end.

The article is a test fixture; nothing in eventwire knows it. These checks
are the acceptance criteria of the event coder: who did what to whom.
"""

from pathlib import Path

import pytest

from eventwire.coder import Coder

ARTICLE = Path(__file__).parent / "data" / "nara-summit.txt"
CONFLICT = {"ASSAULT", "COERCE", "MOBILIZE"}


@pytest.fixture(scope="module")
def events(nlp):
    doc = Coder(nlp=nlp).code(ARTICLE.read_text(encoding="utf-8"), date="2026-01-13",
                              doc_id="nara")
    assert doc.status == "ok"
    return doc.events


def codes(entities):
    return {e.code for e in entities}


def having(events, types, actors, recipients=frozenset()):
    return [e for e in events if e.event in types and actors <= codes(e.actor)
            and recipients <= codes(e.recipient)]


def test_japan_asks_south_korea_to_help_ensure_stability(events):
    found = having(events, {"REQUEST"}, {"JPN"}, {"KOR"})
    assert found and found[0].actor[0].name == "Sanae Takaichi"
    assert found[0].recipient[0].name == "Lee Jae-myung"


def test_the_nara_summit_is_a_joint_consultation(events):
    summit = [e for e in having(events, {"CONSULT"}, {"JPN", "KOR"}) if e.date == "2026-01-13"]
    assert summit and not summit[0].recipient


def test_the_two_agreements(events):
    agreements = having(events, {"AGREE"}, {"JPN", "KOR"})
    assert len([e for e in agreements if "future" not in e.mode]) >= 2


def test_lee_visited_xi(events):
    visit = having(events, {"CONSULT"}, {"KOR"}, {"CHN"})
    assert visit and "visit" in visit[0].mode
    assert visit[0].recipient[0].name == "Xi Jinping"


def test_china_blocks_dual_use_exports_to_japan(events):
    assert having(events, {"SANCTION", "COERCE"}, {"CHN"}, {"JPN"})


def test_no_hypothetical_conflict_is_coded_as_fact(events):
    for event in events:
        if event.event in CONFLICT:
            pairs = {(a, r) for a in codes(event.actor) for r in codes(event.recipient)}
            assert not pairs & {("CHN", "TWN"), ("JPN", "CHN")} or "hypothetical" in event.mode
    threat = having(events, {"THREATEN"}, {"JPN"})
    assert threat and "hypothetical" in threat[0].mode


def test_lee_says_it_is_not_his_place_to_intervene(events):
    negated = [e for e in events if "negation" in e.mode and "KOR" in codes(e.actor)]
    assert negated and negated[0].event_text == "intervene"


def test_every_event_is_a_complete_record(events):
    text = ARTICLE.read_text(encoding="utf-8")
    for n, event in enumerate(events, start=1):
        assert event.id == f"nara-{n:04d}"
        assert text[event.text_info.start:event.text_info.end] == event.text
        assert event.event_text and event.event_text.split()[0] in event.text
        assert event.quad_code in (1, 2, 3, 4) and -10 <= event.intensity <= 10


def test_beijing_pressures_tokyo(events):
    pressure = [e for e in having(events, {"COERCE", "THREATEN", "REQUEST"}, {"CHN"}, {"JPN"})
                if e.text_info.sentence == 0]
    assert pressure and pressure[0].event_text == "pressures"


def test_china_reacts_angrily_to_japan(events):
    reaction = having(events, {"ACCUSE", "REJECT"}, {"CHN"}, {"JPN"})
    assert reaction and reaction[0].event_text.startswith("reacted")
