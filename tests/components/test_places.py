"""The place stage and the gazetteer: which phrase locates an event, and which place it is."""

from __future__ import annotations

import pytest

from eventwire.coder import Coder
from eventwire.kb.gazetteer import load_gazetteer

NARA, BEIJING, GYEONGJU, JAPAN, PARIS, WASHINGTON, NARA_MALI, ITALY = (
    1855612, 1816670, 1841603, 1861060, 2988507, 4140963, 2453079, 3175395)


def located(nlp, text, trigger, mentions=(), modes=()):
    """The place stage run on one event whose trigger is the word ``trigger``."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("eventwire_"):
            doc = proc(doc)
    doc._.ew_mentions = list(mentions)
    i = next(t.i for t in doc if t.text == trigger)
    doc._.ew_events = [{"event": "CONSULT", "mode": list(modes), "context": [], "cameo": "040",
                        "trigger": [i, i + 1], "sentence": 0, "actor": [], "recipient": [],
                        "confidence": 0.5}]
    nlp.get_pipe("eventwire_places")(doc)
    return doc._.ew_events[0]["event_loc"]


def mention(code, kind="country"):
    return {"start": 0, "end": 1, "text": code, "name": code, "code": code, "kind": kind}


@pytest.mark.parametrize(
    ("text", "trigger", "geonameid"),
    [
        ("The two leaders met in Takaichi's home region of Nara in western Japan.", "met", NARA),
        ("Lee visited Chinese leader Xi Jinping in Beijing.", "visited", BEIJING),
        ("They last met in October on the sidelines of the APEC regional summit in Gyeongju, "
         "South Korea.", "met", GYEONGJU),
        ("They attended the APEC summit in Gyeongju.", "summit", GYEONGJU),
        ("The ministers met in Japan.", "met", JAPAN),
        ("It is Lee's second visit to Japan since August.", "visit", JAPAN),
        ("President Lee decided to visit Japan.", "visit", JAPAN),
        ("Protesters gathered in Paris on Monday.", "gathered", PARIS),
        ("Police clashed with protesters in Washington.", "clashed", WASHINGTON),
        ("Lee and Takaichi will visit one of Japan's oldest temples in Nara on Wednesday.",
         "visit", NARA),
        ("Police in Paris detained forty students.", "detained", PARIS),
        # a qualifier before a name the gazetteer lacks as a whole is left out
        ("Protesters gathered in Central Paris on Monday.", "gathered", PARIS),
        # "amid" carries the scene of what happened in it
        ("Dozens of people were injured amid clashes in Paris.", "injured", PARIS),
        # so does "under": "put under investigation in Italy"
        ("A US national has been put under investigation in Italy for her possible role in "
         "rioting.", "put", ITALY),
    ],
)
def test_event_place(nlp, text, trigger, geonameid):
    place = located(nlp, text, trigger)
    assert place is not None and place["geonameid"] == geonameid


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Washington criticised Beijing.", "criticised"),  # actors, not places
        ("China imposed sanctions on Taiwan.", "imposed"),  # a target, not a place
        ("Japan blocked exports to China.", "blocked"),  # "to" only for travel
        ("Lee said in Tokyo that China attacked Taiwan.", "attacked"),  # speech is elsewhere
        ("Japan and South Korea agreed to cooperate.", "agreed"),
        ("Lee held talks with Xi Jinping.", "held"),
        # an unknown name is another place than the known one it ends with (Iraq's Tal Afar
        # is not Ethiopia's Afar region)
        ("Protesters gathered in Tal Afar on Monday.", "gathered"),
        # a month is no town of the same name
        ("The United States ceased arming the rebels in March 1975.", "arming"),
    ],
)
def test_no_place(nlp, text, trigger):
    assert located(nlp, text, trigger) is None


def test_place_record_fields(nlp):
    place = located(nlp, "The two leaders met in Nara.", "met", [mention("JPN")])
    assert place == {"name": "Nara-shi", "country_code": "JPN", "admin1": "Nara",
                     "lat": 34.68505, "lon": 135.80485, "geonameid": NARA,
                     "feature_code": "PPL"}


@pytest.mark.parametrize(("code", "geonameid"), [("JPN", NARA), ("MLI", NARA_MALI)])
def test_story_countries_pick_the_reading(nlp, code, geonameid):
    mentions = [mention(code), mention(code), mention("USA")]
    assert located(nlp, "Officials met in Nara.", "met", mentions)["geonameid"] == geonameid


def test_person_mention_is_never_a_place(nlp):
    text = "Officials met in Paris."
    person = {**mention("FRA", "person"), "start": 3, "end": 4}
    assert located(nlp, text, "met", [person]) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [("Nara", "JPN"), ("Beijing", "CHN"), ("Peking", "CHN"), ("South Korea", "KOR"),
     ("the US", "USA"), ("Britain", "GBR"), ("the Netherlands", "NLD"), ("Taiwan", "TWN")],
)
def test_gazetteer_lookup(name, country):
    assert load_gazetteer().lookup(name)[0].country_code == country


def test_gazetteer_country_entry():
    japan = load_gazetteer().country("JPN")
    assert japan is not None and japan.is_country and japan.geonameid == JAPAN
    assert japan.to_place()["feature_code"] == "PCLI"


def test_article_summit_is_in_nara(nlp):
    from pathlib import Path

    from eventwire.coder import Coder

    text = (Path(__file__).parents[1] / "data" / "nara-summit.txt").read_text(encoding="utf-8")
    events = Coder(nlp=nlp).code(text, date="2026-01-13", doc_id="nara").events
    summit = [e for e in events if "The two leaders met" in e.text and e.event_text == "met"]
    assert summit and all(e.event_loc and e.event_loc.geonameid == NARA for e in summit)
    apec = [e for e in events if "last met in October" in e.text and e.event_loc]
    assert apec and all(e.event_loc.geonameid == GYEONGJU for e in apec)


@pytest.mark.parametrize(("text", "country"), [
    ("Russian jets bombed Idlib on Monday.", "SYR"),
    ("Turkish forces attacked Afrin.", "SYR"),  # GeoNames spells it "‘Afrīn"
    ("Russian airstrikes on Idlib killed 12 people.", "SYR"),
])
def test_a_place_an_act_is_done_to_is_where_it_happens(nlp, text, country):
    found = Coder(nlp=nlp).code(text, date="2020-02-25").events
    attack = next(e for e in found if e.event == "ASSAULT")
    assert attack.event_loc is not None and attack.event_loc.country_code == country
    assert country in [r.code for r in attack.recipient]


def test_the_object_of_a_talk_is_no_place(nlp):
    found = Coder(nlp=nlp).code("Putin discussed Idlib with Erdogan.", date="2020-02-25").events
    assert all(e.event_loc is None for e in found)


@pytest.mark.parametrize(("text", "name", "country"), [
    # a city's own name outweighs the former name of a capital ("Salisbury" was Harare's)
    ("The novichok attack in Salisbury in March has added to the sense of urgency.",
     "Salisbury", "GBR"),
    # "New Delhi" is the capital's own name, an alternate of the larger Delhi
    ("Police fired tear gas at protesters during a clash in New Delhi on Monday.",
     "New Delhi", "IND"),
])
def test_a_place_named_by_its_own_name_beats_a_former_name(nlp, text, name, country):
    found = Coder(nlp=nlp).code(text, date="2018-04-12").events
    assert found and all(e.event_loc is not None and e.event_loc.name == name and
                         e.event_loc.country_code == country for e in found), found


def test_the_sentences_own_countries_outweigh_the_storys(nlp):
    # a story mostly about the US; the sentence names the UK: the UK's Salisbury
    text = ("US officials in Washington said the United States would respond. The US president "
            "met US generals. The director of the UK surveillance agency GCHQ, Jeremy Fleming, "
            "has accused Russia of being behind the nerve agent attack in Salisbury.")
    found = [e for e in Coder(nlp=nlp).code(text, date="2018-04-12").events
             if e.event_text == "attack"]
    assert found and found[0].event_loc.country_code == "GBR", found
