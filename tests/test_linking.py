"""Event linking on text coded by eventwire: one real-world event, one cluster.

The wire stories are in tests/data/linking/stories.json: a story, another outlet's
rewrite of it, the shelling of other cities, a denial, and two events in one report.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date as Date
from pathlib import Path

import pytest

from eventwire.linking import (
    DocInfo,
    cluster_id_for,
    dyad,
    dyad_relation,
    link_events,
    load_rules,
    mention,
    named_days,
    named_places,
    place_phrases,
    place_relation,
    score,
    search_window,
    told_apart,
    told_days,
    told_periods,
    trigger_agreement,
    window_days,
)
from eventwire.records import Entity, Event, Place, TextInfo

STORIES_FILE = Path(__file__).parent / "data" / "linking" / "stories.json"
_DATA = json.loads(STORIES_FILE.read_text(encoding="utf-8"))
DATE = _DATA["date"]
STORY, REWRITE, ODESA, LATER, DENIAL, TWO_EVENTS = (
    _DATA["stories"][name] for name in ("story", "rewrite", "odesa", "later", "denial",
                                        "two_events"))


@pytest.fixture(scope="module")
def coded(coder):
    """Documents coded once for the module: doc id -> (date, events)."""
    texts = {"wire-1": (DATE, STORY), "post-7": (DATE, REWRITE), "odesa": (DATE, ODESA),
             "zap": ("2026-03-17", LATER), "denial": (DATE, DENIAL), "two": (DATE, TWO_EVENTS)}
    return {doc_id: (date, coder.code(text, date=date, doc_id=doc_id).events)
            for doc_id, (date, text) in texts.items()}


def link(coded, *doc_ids):
    events = [e for d in doc_ids for e in coded[d][1]]
    docs = {d: DocInfo(d, coded[d][0], source=d) for d in doc_ids}
    return link_events(events, docs)


def shelling(coded, doc_id):
    """The first ASSAULT of a document (its shelling)."""
    return next(e for e in coded[doc_id][1] if e.event == "ASSAULT")


def test_a_rewrite_by_another_outlet_adds_no_cluster(coded):
    alone = link(coded, "wire-1")
    both = link(coded, "wire-1", "post-7")
    assert len(set(both.values())) <= len(set(alone.values()))
    # the rewrite's shelling and accusation joined the story's clusters
    assert both[shelling(coded, "post-7").id] == both[shelling(coded, "wire-1").id]
    accuse = [both[e.id] for d in ("wire-1", "post-7") for e in coded[d][1]
              if e.event == "ACCUSE"]
    assert len(accuse) == 2 and len(set(accuse)) == 1


def test_one_shelling_by_two_outlets_is_one_cluster_another_city_later_is_not(coded):
    clusters = link(coded, "wire-1", "post-7", "zap")
    kharkiv = clusters[shelling(coded, "wire-1").id]
    assert clusters[shelling(coded, "post-7").id] == kharkiv
    assert clusters[shelling(coded, "zap").id] != kharkiv
    assert {clusters[e.id] for e in coded["zap"][1]}.isdisjoint(
        {clusters[e.id] for e in coded["wire-1"][1]})


def test_the_shelling_of_another_city_on_the_same_day_stays_apart(coded):
    clusters = link(coded, "wire-1", "odesa")
    assert clusters[shelling(coded, "odesa").id] != clusters[shelling(coded, "wire-1").id]


def test_a_denied_or_hypothetical_event_never_joins_an_asserted_one(coded):
    denied = shelling(coded, "denial")
    assert "negation" in denied.mode
    clusters = link(coded, "wire-1", "denial")
    assert clusters[denied.id] not in {clusters[e.id] for e in coded["wire-1"][1]}
    asserted = shelling(coded, "wire-1")
    maybe = dataclasses.replace(shelling(coded, "post-7"), mode=["hypothetical"])
    assert score(mention(asserted), mention(maybe)) is None
    docs = {"wire-1": DocInfo("wire-1", DATE), "post-7": DocInfo("post-7", DATE)}
    joined = link_events([asserted, maybe], docs)
    assert joined[asserted.id] != joined[maybe.id]


def test_two_distinct_events_of_one_document_stay_two(coded):
    events = [e for e in coded["two"][1] if e.event == "ASSAULT"]
    kharkiv = next(e for e in events if "Kharkiv" in e.text)
    odesa = next(e for e in events if "Odesa" in e.text)
    clusters = link(coded, "two")
    assert clusters[kharkiv.id] != clusters[odesa.id]


def test_coreferent_events_of_one_sentence_are_one_event(coded):
    shelled, damaging = [e for e in coded["odesa"][1] if e.event == "ASSAULT"][:2]
    assert shelled.text_info.sentence == damaging.text_info.sentence
    clusters = link(coded, "odesa")
    assert clusters[shelled.id] == clusters[damaging.id]


def test_ids_are_stable_as_documents_arrive(coded):
    first = link(coded, "wire-1", "odesa")
    later = link(coded, "wire-1", "odesa", "post-7", "zap")
    assert all(later[event_id] == cluster for event_id, cluster in first.items())
    founders = {cluster_id_for(e.id) for e in coded["wire-1"][1]}
    assert set(first.values()) & founders
    assert link(coded, "zap", "post-7") == link(coded, "zap", "post-7")


# -- rules on hand-made records --------------------------------------------------------

KOR = Entity("Lee", "Lee Jae-myung", "KOR", "GOV")
JPN = Entity("Takaichi", "Sanae Takaichi", "JPN", "GOV")
NARA = Place("Nara", "JPN", "Nara", 34.685, 135.805, 1855612, "PPLA")


def talks(event_id: str, actor=(KOR,), recipient=(JPN,), date="2026-01-13",
          loc=NARA) -> Event:
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date=date,
                 date_precision="day" if len(date) == 10 else "month", event="CONSULT",
                 mode=[], context=[], actor=list(actor), recipient=list(recipient),
                 event_text="met", text="Lee met Takaichi in Nara for talks on trade.",
                 text_info=TextInfo(0, 0, 44), quad_code=1, intensity=1.0, cameo="040",
                 goldstein=1.0, event_loc=loc)


def test_symmetric_types_have_one_dyad_whichever_party_comes_first():
    assert dyad(talks("a-0001")) == dyad(talks("b-0001", (JPN,), (KOR,)))
    assert dyad(talks("c-0001", (KOR, JPN), ())) == dyad(talks("a-0001"))


def test_date_windows_follow_the_precision():
    rules = load_rules()
    base = mention(talks("a-0001"), rules)
    assert score(base, mention(talks("b-0001", date="2026-01-14"), rules), rules) is not None
    later = dataclasses.replace(talks("b-0001", date="2026-01-15"),
                                text="Lee met Takaichi again for talks on trade.")
    assert score(base, mention(later, rules), rules) is None
    # the very sentence two days later is a paragraph an update carries over (``repeated``)
    assert score(base, mention(talks("b-0001", date="2026-01-15"), rules), rules) is not None
    assert score(base, mention(talks("b-0001", date="2026-01"), rules), rules) is not None
    assert score(base, mention(talks("b-0001", date="2026-02"), rules), rules) is None


def test_place_conflicts_lower_the_score_below_the_threshold():
    rules = load_rules()
    elsewhere = Place("Osaka", "JPN", "Osaka", 34.69, 135.5, 1853909, "PPLA")
    same = score(mention(talks("a-0001")), mention(talks("b-0001")), rules)
    other = score(mention(talks("a-0001")), mention(talks("b-0001", loc=elsewhere)), rules)
    assert same is not None and same >= rules.threshold
    assert other is not None and other < rules.threshold


def test_a_country_or_region_holding_a_town_is_compatible_two_towns_are_not():
    rules = load_rules()
    japan = Place("Japan", "JPN", None, None, None, 1861060, "PCLI")
    region = Place("Nara Prefecture", "JPN", "Nara", None, None, 1855608, "ADM1")
    osaka = Place("Osaka", "JPN", "Osaka", 34.69, 135.5, 1853909, "PPLA")
    seoul = Place("Seoul", "KOR", "Seoul", 37.57, 126.98, 1835848, "PPLC")

    def relation(loc):
        return place_relation(mention(talks("a-0001"), rules),
                              mention(talks("b-0001", loc=loc), rules), rules)

    assert relation(NARA) == "same_place"
    assert relation(japan) == relation(region) == "same_country"
    assert relation(osaka) == relation(seoul) == "conflicting"
    # without an event_loc the towns of the sentence stand in: it names Nara
    assert relation(None) == "same_place"
    unnamed = dataclasses.replace(talks("b-0001", loc=None), text="Lee met Takaichi.")
    assert place_relation(mention(talks("a-0001"), rules), mention(unnamed, rules),
                          rules) == "unknown"


def test_towns_only_the_sentences_name_weigh_less_than_coded_places():
    # neither report has a coded place: the towns each sentence names are often words or
    # names a town shares ("No negotiated solution", "Most of Brazil's bankworkers"), so
    # they lower the score without ruling the pair out
    rules = load_rules()
    osaka = Place("Osaka", "JPN", "Osaka", 34.69, 135.5, 1853909, "PPLA")

    def uncoded(event_id, text):
        return dataclasses.replace(talks(event_id, loc=None), text=text)

    nara = mention(uncoded("a-0001", "Lee met Takaichi in Nara for talks on trade."), rules)
    tokyo = mention(uncoded("b-0001", "Lee met Takaichi in Tokyo for talks on trade."), rules)
    unnamed = mention(uncoded("c-0001", "Lee met Takaichi for talks on trade."), rules)
    assert place_relation(nara, tokyo, rules) == "towns_apart"
    apart, unknown = score(nara, tokyo, rules), score(nara, unnamed, rules)
    assert apart is not None and unknown is not None and apart < unknown
    assert apart >= rules.threshold  # all else agrees: one meeting
    # a coded place against another town is still a conflict, below the threshold
    coded = mention(talks("d-0001", loc=osaka), rules)
    assert place_relation(nara, coded, rules) == "conflicting"
    assert score(nara, coded, rules) < rules.threshold
    # within one story, two towns still tell two acts apart
    same_story = mention(dataclasses.replace(uncoded("a-0002", "Lee met Takaichi in Tokyo "
                                                                "for talks on trade.")), rules)
    assert told_apart(nara, same_story, rules)


# -- dyads, blocks and triggers ----------------------------------------------------------

RAID_DATE = "1987-03-24"
RAIDS = {"iraq": "Iraqi warplanes attacked Iran's Nowruz oilfield in the Gulf on Monday, "
                 "the military said.",
         "iran": "Iranian officials said Iraqi jets struck the Nowruz oilfield on Monday.",
         "baghdad": "Iraq said its forces crushed an Iranian offensive near Basra on Monday.",
         "tehran": "Iran said its forces launched fresh attacks on Iraqi positions near Basra "
                   "on Monday."}


@pytest.fixture(scope="module")
def raids(coder):
    """The raid reports coded once: doc id -> events."""
    return {doc_id: coder.code(text, date=RAID_DATE, doc_id=doc_id).events
            for doc_id, text in RAIDS.items()}


def first_assault(events):
    return next(e for e in events if e.event == "ASSAULT")


def test_each_side_reporting_the_battle_is_one_event(raids):
    baghdad, tehran = first_assault(raids["baghdad"]), first_assault(raids["tehran"])
    # Baghdad codes Iraq -> Iran, Tehran Iran -> Iraq: swapped, yet compatible
    assert dyad(baghdad) == tuple(reversed(dyad(tehran)))
    docs = {d: DocInfo(d, RAID_DATE) for d in ("baghdad", "tehran")}
    clusters = link_events([*raids["baghdad"], *raids["tehran"]], docs)
    assert clusters[baghdad.id] == clusters[tehran.id]


def test_two_words_for_one_raid_are_one_trigger(raids):
    rules = load_rules()
    iraq, iran = (mention(first_assault(raids[d]), rules) for d in ("iraq", "iran"))
    assert iraq.trigger & iran.trigger  # "attacked" and "struck"
    docs = {d: DocInfo(d, RAID_DATE) for d in ("iraq", "iran")}
    clusters = link_events([*raids["iraq"], *raids["iran"]], docs)
    assert clusters[iraq.event_id] == clusters[iran.event_id]


def test_dyads_must_agree_where_both_are_coded():
    rules = load_rules()
    china = Entity("Beijing", "China", "CHN", "GOV")
    base = mention(talks("a-0001"), rules)
    one_side = mention(talks("b-0001", recipient=()), rules)
    other_pair = mention(talks("c-0001", recipient=(china,)), rules)
    equal = score(base, mention(talks("d-0001"), rules), rules)
    partial = score(base, one_side, rules)
    assert equal is not None and partial is not None and partial < equal
    assert score(base, other_pair, rules) is None  # KOR-JPN talks are not KOR-CHN talks


def test_events_are_blocked_on_every_party_and_the_place():
    rules = load_rules()
    assert mention(talks("a-0001"), rules).codes == {"KOR", "JPN"}
    uncoded = Entity("officials", None, None, None)
    assert mention(talks("b-0001", (uncoded,), ()), rules).codes == {"JPN"}  # Nara's country
    assert mention(talks("c-0001", (uncoded,), (), loc=None), rules).codes == {"?"}


def test_a_month_is_not_a_place():
    # "March" is also a town in England; a date must not make two raids "same place"
    assert named_places("Iraq said its warplanes had hit a vessel in the Gulf on March 8.") == set()
    assert named_places("Russian forces shelled Kharkiv on Tuesday.")


# -- a trigger named in the other report's sentence --------------------------------------

ARMY = Entity("Philippine army", "Philippines", "PHL", "MIL")


def bombing(event_id: str, trigger: str, text: str, date: str = "1987-03-18") -> Event:
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date=date,
                 date_precision="day", event="ASSAULT", mode=[], context=[], actor=[],
                 recipient=[ARMY], event_text=trigger, text=text,
                 text_info=TextInfo(0, 0, len(text)), quad_code=4, intensity=-9.0,
                 cameo="180", goldstein=-10.0, event_loc=None)


BLAST = ("blast-0001", "blast",
         "A bomb blast at the military academy killed one person and wounded 40 during "
         "rehearsals for a parade, hospital staff said.")
BOMBED = ("bombed-0001", "bombed",
          "Suspected communist rebels bombed the academy, the state news agency said.")


def test_one_bombing_told_as_a_blast_and_as_bombed_is_one_event():
    rules = load_rules()
    blast, bombed = bombing(*BLAST), bombing(*BOMBED)
    first, second = mention(blast, rules), mention(bombed, rules)
    assert first.trigger & second.trigger  # a blast is one of the attack words
    # a coder's "killed" for the blast report's trigger: the sentence names the bomb, the
    # other report's act
    killed = mention(dataclasses.replace(blast, event_text="killed"), rules)
    assert not killed.trigger & second.trigger
    assert trigger_agreement(killed, second, rules) == rules.trigger_scores["in_sentence"]
    docs = {d: DocInfo(d, "1987-03-18") for d in ("blast", "bombed")}
    clusters = link_events([blast, bombed], docs)
    assert clusters[blast.id] == clusters[bombed.id]


def test_a_bombing_a_week_later_stays_its_own_event():
    later = bombing("later-0001", "bombed", BOMBED[2], date="1987-03-25")
    docs = {d: DocInfo(d, None) for d in ("blast", "bombed", "later")}
    clusters = link_events([bombing(*BLAST), bombing(*BOMBED), later], docs)
    assert clusters[later.id] != clusters["blast-0001"]
    assert clusters["blast-0001"] == clusters["bombed-0001"]


def test_triggers_sharing_nothing_anywhere_disagree():
    rules = load_rules()
    ambush = bombing("ambush-0001", "ambushed",
                     "Rebels ambushed an army patrol and killed 18 soldiers.")
    blast = mention(bombing(*BLAST), rules)
    assert trigger_agreement(blast, mention(ambush, rules), rules) == \
        rules.trigger_scores["different"]


# -- places the gazetteer lacks -----------------------------------------------------------

IRAQ = Entity("Iraqi warplanes", "Iraq", "IRQ", "MIL")
IRAN = Entity("Iranian", "Iran", "IRN", None)


def raid(event_id: str, text: str, trigger: str = "hit", date: str = "1987-03-18") -> Event:
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date=date,
                 date_precision="day", event="ASSAULT", mode=[], context=[], actor=[IRAQ],
                 recipient=[IRAN], event_text=trigger, text=text,
                 text_info=TextInfo(0, 0, len(text)), quad_code=4, intensity=-9.0,
                 cameo="190", goldstein=-10.0, event_loc=None)


def test_place_phrases_find_places_the_gazetteer_lacks():
    assert place_phrases("Iran said its troops advanced through the rugged mountains of "
                         "Iraqi Kurdistan overnight.") == {"kurdistan"}
    assert place_phrases("Iraq crushed an Iranian offensive near the strategic port city "
                         "of Basra.") == {"basra"}
    assert place_phrases("Iraqi jets raided a tanker south of Iran's Kharg island.") == {"kharg"}
    # a possessor, a demonym, a weekday, an actor or a person after "as" is no place
    assert place_phrases("Tests began at a church in Daegu as President Moon Jae-in said "
                         "on Tuesday the situation was grave.") == {"daegu"}
    assert place_phrases("Iraqi warplanes hit two ships off the Iranian coast.") == set()


def test_raids_on_ships_at_two_named_places_on_one_day_stay_two_events():
    rules = load_rules()
    kharg = raid("kharg-0001", "Iraq said its warplanes hit a tanker off Kharg island today.")
    lavan = raid("lavan-0001", "Iraq said its warplanes hit a tanker near Lavan island today.")
    first, second = mention(kharg, rules), mention(lavan, rules)
    assert named_places(kharg.text) == named_places(lavan.text) == set()  # gazetteer: none
    assert place_relation(first, second, rules) == "named_apart"
    clusters = link_events([kharg, lavan], {d: DocInfo(d, kharg.date) for d in ("kharg", "lavan")})
    assert clusters[kharg.id] != clusters[lavan.id]


def test_a_place_one_report_repeats_is_shared_and_one_unnamed_is_no_conflict():
    rules = load_rules()
    tehran = raid("tehran-0001", "Iran said Iraqi jets struck a tanker off Kharg today.",
                  trigger="struck")
    baghdad = raid("baghdad-0001", "Iraq said its warplanes hit a tanker in the Gulf off "
                   "Kharg island today.")
    unnamed = raid("unnamed-0001", "Iraq said its warplanes hit a tanker today.")
    first, second, third = (mention(e, rules) for e in (tehran, baghdad, unnamed))
    assert place_relation(first, second, rules) != "named_apart"  # both name Kharg
    assert place_relation(second, third, rules) == "unknown"
    docs = {d: DocInfo(d, tehran.date) for d in ("tehran", "baghdad", "unnamed")}
    clusters = link_events([tehran, baghdad, unnamed], docs)
    assert clusters[tehran.id] == clusters[baghdad.id] == clusters[unnamed.id]


def test_battles_on_two_fronts_told_by_each_side_stay_two_events(coder):
    texts = {"north": "Iran said its troops repulsed heavy Iraqi attacks in the mountains of "
                      "Iraqi Kurdistan on Monday.",
             "south": "Iran said its forces launched fresh attacks on Iraqi positions near "
                      "Basra on Monday."}
    events = {d: first_assault(coder.code(t, date=RAID_DATE, doc_id=d).events)
              for d, t in texts.items()}
    clusters = link_events(list(events.values()),
                           {d: DocInfo(d, RAID_DATE) for d in texts})
    assert clusters[events["north"].id] != clusters[events["south"].id]


def test_an_act_told_on_another_day_is_not_the_day_s_raid():
    # a background clause coded with the story's date is of the day it tells
    today = raid("story-0001", "BAGHDAD, March 18 - Iraq said its warplanes hit two ships "
                 "off the Iranian coast in attacks last night and early today.")
    earlier = raid("story-0002", "The last confirmed Iraqi attack on shipping was on March 8, "
                   "when an Iranian tanker was hit by a missile.", trigger="attack")
    told = raid("other-0001", "Iraq said its warplanes hit a ship on March 18.")
    rules = load_rules()
    assert told_days(earlier.text, Date(1987, 3, 18)) == {Date(1987, 3, 8)}
    assert told_days(today.text, Date(1987, 3, 18)) == set()  # a dateline tells no act
    assert score(mention(today, rules), mention(earlier, rules), rules) is None
    assert score(mention(today, rules), mention(told, rules), rules) is not None
    docs = {d: DocInfo(d, today.date) for d in ("story", "other")}
    clusters = link_events([today, earlier, told], docs)
    assert clusters[earlier.id] != clusters[today.id] == clusters[told.id]


KUWAITI_SHIP = Entity("Kuwaiti tanker", "Kuwait", "KWT", None)


def test_a_report_dated_by_its_story_meets_the_weekday_it_names():
    # Friday's missile strike, dated Friday by one story and Monday by another that
    # names the Friday; a Monday report that names no Friday is not Friday's
    rules = load_rules()
    friday = raid("pentagon-0001", "Weinberger said the attack responded to an Iranian "
                  "missile strike on the Kuwaiti tanker Sea Isle City on Friday.",
                  trigger="strike", date="1987-10-16")
    monday = raid("officials-0001", "U.S. officials had been meeting on a response since "
                  "Friday when an attack on a Kuwaiti port damaged a U.S.-flagged ship.",
                  trigger="attack", date="1987-10-19")
    unnamed = raid("officials-0002", "An attack on a Kuwaiti port damaged a U.S.-flagged "
                   "ship, officials said.", trigger="attack", date="1987-10-19")
    friday, monday, unnamed = (dataclasses.replace(e, actor=[], recipient=[KUWAITI_SHIP])
                               for e in (friday, monday, unnamed))
    assert named_days(monday.text, Date(1987, 10, 19)) == {Date(1987, 10, 16)}
    assert named_days("Iraq said on Monday it hit a ship.", Date(1987, 10, 19)) == {
        Date(1987, 10, 19)}  # the day itself
    assert named_days(friday.text, Date(1987, 10, 16)) == {Date(1987, 10, 16)}
    later, earlier = mention(monday, rules), mention(friday, rules)
    assert window_days(later, rules) >= 4  # its search reaches the Friday
    assert score(later, earlier, rules) is not None
    assert score(mention(unnamed, rules), earlier, rules) is None
    docs = {d: DocInfo(d, e.date) for d, e in (("pentagon", friday), ("officials", monday))}
    clusters = link_events([friday, monday], docs)
    assert clusters[monday.id] == clusters[friday.id]


BANK_WORKERS = Entity("bankworkers", "Brazil", "BRA", "LAB")


def bank_strike(event_id: str, text: str, trigger: str, date: str) -> Event:
    return dataclasses.replace(raid(event_id, text, trigger, date), event="PROTEST",
                               actor=[BANK_WORKERS], recipient=[], cameo="143",
                               quad_code=3, intensity=-2.0, goldstein=-6.5)


def test_an_act_s_age_names_the_day_it_began():
    # the strike begun on Tuesday, three days old in Thursday's story; a strike whose
    # age puts its start a week earlier is another strike
    rules = load_rules()
    began = bank_strike("saopaulo-0001", "Most of Brazil's 700,000 bankworkers began an "
                        "indefinite national strike, union leaders said.",
                        "began an indefinite national strike", "1987-03-24")
    aged = bank_strike("rio-0001", "No negotiated solution is in sight to a three-day-old "
                       "national strike by the majority of Brazil's 700,000 bankworkers.",
                       "strike", "1987-03-26")
    thursday = Date(1987, 3, 26)
    assert named_days(aged.text, thursday) == {Date(1987, 3, 23)}
    assert named_days("The week-old strike goes on.", thursday) == {Date(1987, 3, 19)}
    assert named_days("The strike, now ten days old, goes on.", thursday) == {
        Date(1987, 3, 16)}
    assert named_days("A man, old and tired, spoke.", thursday) == frozenset()
    assert score(mention(aged, rules), mention(began, rules), rules) is not None
    unaged = dataclasses.replace(aged, id="rio-0002", text=aged.text.replace(
        "three-day-old ", ""))
    assert score(mention(unaged, rules), mention(began, rules), rules) is None
    older = dataclasses.replace(aged, id="rio-0003", text=aged.text.replace(
        "three-day-old", "ten-day-old"))
    assert score(mention(older, rules), mention(began, rules), rules) is None


def test_a_weekend_a_sentence_names_is_the_last_saturday_and_sunday():
    monday = Date(1987, 3, 2)
    weekend = {Date(1987, 2, 28), Date(1987, 3, 1)}
    assert named_days("Shultz will go to Moscow following Gorbachev's weekend proposal.",
                      monday) == weekend
    assert named_days("Talks were held over the weekend.", monday) == weekend
    assert named_days("Talks will be held next weekend.", monday) == frozenset()


def advice(event_id: str, actor, recipient, text: str) -> Event:
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date="2020-02-25",
                 date_precision="day", event="REQUEST", mode=[], context=[],
                 actor=list(actor), recipient=list(recipient), event_text="advised",
                 text=text, text_info=TextInfo(0, 0, len(text)), quad_code=1,
                 intensity=1.0, cameo="010", goldstein=-0.1, event_loc=None)


def test_two_advisories_of_one_story_with_the_country_on_either_side_stay_two():
    # the ministry advising (IRQ -> ?) and Iraqis advised (? -> IRQ), two sentences
    ministry = Entity("ministry", "Iraq", "IRQ", "GOV")
    iraqis = Entity("Iraqis", "Iraq", "IRQ", None)
    travel = advice("story-0003", (), (iraqis,),
                    "It advised Iraqis not to travel to those countries.")
    gatherings = advice("story-0004", (ministry,), (),
                        "Public gatherings were banned and the ministry advised that they "
                        "not be held throughout the country.")
    rules = load_rules()
    assert score(mention(travel, rules), mention(gatherings, rules), rules) is None
    # in two stories the same two sentences may still be compared and scored
    elsewhere = dataclasses.replace(gatherings, id="other-0004", doc_id="other")
    assert score(mention(travel, rules), mention(elsewhere, rules), rules) is not None


# -- one act told twice in one story ------------------------------------------------------

BASRA = Place("Basrah", "IRQ", "Basra Governorate", 30.50852, 47.7804, 99532, "PPL")


def test_one_battle_told_by_each_side_in_one_story_is_one_event():
    # Baghdad's "crushed an offensive" and Tehran's "launched fresh attacks", both at Basra
    iraqi = dataclasses.replace(raid(
        "story-0003", "Iraq said its forces crushed a new Iranian offensive near the "
        "strategic port city of Basra.", trigger="crushed"), event_loc=BASRA)
    iranian = dataclasses.replace(raid(
        "story-0007", "Iran earlier today said its forces launched fresh attacks near Basra "
        "last night.", trigger="launched fresh attacks"),
        actor=[IRAN], recipient=[IRAQ], event_loc=BASRA)
    rules = load_rules()
    first, second = mention(iraqi, rules), mention(iranian, rules)
    assert not first.trigger & second.trigger  # told in other words ...
    assert score(first, second, rules) is not None  # ... but one act at one place
    clusters = link_events([iraqi, iranian], {"story": DocInfo("story", iraqi.date)})
    assert clusters[iraqi.id] == clusters[iranian.id]


def test_acts_of_one_story_named_alike_but_not_placed_stay_two():
    # without a known place the story's raid and its background attack are not one act
    today = raid("story-0001", "Iraq said its warplanes hit two ships in attacks today.")
    earlier = raid("story-0002", "Iraqi warplanes had launched an attack on a tanker.",
                   trigger="launched")
    rules = load_rules()
    assert score(mention(today, rules), mention(earlier, rules), rules) is None


TRUMP = Entity("Trump", "Donald Trump", "USA", "GOV")


def visit(event_id: str, trigger: str, text: str, actor=(TRUMP,), recipient=(),
          mode=("visit",)) -> Event:
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date="2020-02-25",
                 date_precision="day", event="CONSULT", mode=list(mode), context=[],
                 actor=list(actor), recipient=list(recipient), event_text=trigger, text=text,
                 text_info=TextInfo(0, 0, len(text)), quad_code=1, intensity=1.0,
                 cameo="042", goldstein=1.9, event_loc=None)


def test_a_visit_and_its_reception_told_in_one_story_are_one_visit():
    # a visit spans places and days, so a story's sentences on one party's visit are one
    productive = visit("story-0006", "visit",
                       "Trump said his visit had been productive with deals for helicopters.")
    reception = visit("story-0017", "pulling", "They praised Modi for pulling off a "
                      "spectacular reception for Trump.", actor=(), recipient=(TRUMP,))
    rules = load_rules()
    first, second = mention(productive, rules), mention(reception, rules)
    assert trigger_agreement(first, second, rules) == rules.trigger_scores["in_sentence"]
    assert score(first, second, rules) is not None
    clusters = link_events([productive, reception], {"story": DocInfo("story", "2020-02-25")})
    assert clusters[productive.id] == clusters[reception.id]
    # not coded as visits nor as talks (``spread_families``), the two sentences of one
    # story are two acts
    plain = [dataclasses.replace(e, mode=[], event="COOPERATE") for e in (productive, reception)]
    assert score(*(mention(e, rules) for e in plain), rules) is None


# -- feared and planned acts: dated by their reports --------------------------------------

TURKEY = Entity("Turkish", "Turkey", "TUR", None)


def report(event_id: str, date: str, text: str, trigger: str, event: str, actor: Entity,
           cameo: str) -> Event:
    """One day-dated report of ``actor``'s act, in a story named by the id's prefix."""
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date=date,
                 date_precision="day", event=event, mode=[], context=[], actor=[actor],
                 recipient=[], event_text=trigger, text=text,
                 text_info=TextInfo(0, 0, len(text)), quad_code=4, intensity=-9.0,
                 cameo=cameo, goldstein=-10.0, event_loc=None)


def feared(event_id: str, date: str, text: str, trigger: str = "attack") -> Event:
    return report(event_id, date, text, trigger, "ASSAULT", TURKEY, "190")


FEARED = feared("g94-0020", "2019-02-12", "He said the US departure should not leave its "
                "Kurdish allies exposed to a potential Turkish attack.")
FEARED_AGAIN = feared("g70-0005", "2019-02-19", "A Kurdish delegation urged western "
                      "countries not to leave them exposed to the threat of a Turkish attack.")


def test_a_feared_attack_reported_a_week_apart_is_one_event():
    rules = load_rules()
    first, second = mention(FEARED, rules), mention(FEARED_AGAIN, rules)
    assert first.unrealised and second.unrealised
    assert score(first, second, rules) is not None
    docs = {d: DocInfo(d, e.date) for d, e in (("g94", FEARED), ("g70", FEARED_AGAIN))}
    clusters = link_events([FEARED, FEARED_AGAIN], docs)
    assert clusters[FEARED.id] == clusters[FEARED_AGAIN.id]


def test_attacks_done_days_apart_stay_apart_and_a_feared_one_joins_no_done_one():
    done = feared("done-0001", "2019-02-17", "Turkish jets launched an attack on Kurdish "
                  "positions, the monitor said.")
    again = feared("again-0001", "2019-02-12", "Turkish troops carried out an attack on "
                   "Kurdish positions, the monitor said.")
    rules = load_rules()
    assert not mention(done, rules).unrealised
    assert score(mention(done, rules), mention(again, rules), rules) is None  # 5 days apart
    assert score(mention(done, rules), mention(FEARED, rules), rules) is None
    assert search_window("2019-02-12", rules, window_days(mention(FEARED, rules), rules)) == (
        "2019-02-05", "2019-02-19")


# -- an act the story refers back to --------------------------------------------------

US = Entity("US", "United States", "USA", None)


def pullout(event_id: str, date: str, text: str, trigger: str = "withdrawal") -> Event:
    return report(event_id, date, text, trigger, "RETREAT", US, "087")


ANNOUNCED = pullout("dec19-0002", "2018-12-19", "The president announced a withdrawal of "
                    "American troops from the north-east of the country.")
REFERRED = pullout("dec28-0007", "2018-12-28", "Kurdish officials warned that the US "
                   "withdrawal would leave thousands of prisoners unguarded.")


def test_a_definite_event_noun_refers_back_to_the_act_s_earlier_report():
    rules = load_rules()
    earlier, later = mention(ANNOUNCED, rules), mention(REFERRED, rules)
    assert later.told_before and not earlier.told_before  # "the US withdrawal", "a withdrawal"
    assert window_days(later, rules) == rules.told_before_reach
    assert score(later, earlier, rules) is not None  # nine days apart
    docs = {d: DocInfo(d, e.date) for d, e in (("dec19", ANNOUNCED), ("dec28", REFERRED))}
    clusters = link_events([ANNOUNCED, REFERRED], docs)
    assert clusters[ANNOUNCED.id] == clusters[REFERRED.id]


def test_a_reference_back_reaches_only_back_only_so_far_and_only_to_the_same_act():
    rules = load_rules()
    later = mention(REFERRED, rules)
    after = pullout("jan02-0003", "2019-01-02", "The Pentagon began a withdrawal of "
                    "American troops from the north-east of the country.")
    long_before = pullout("dec01-0004", "2018-12-01", "The president ordered a withdrawal "
                          "of American troops from the north-east of the country.")
    other_act = pullout("dec20-0001", "2018-12-20", "American troops left the north-east "
                        "of the country.", trigger="left")
    assert score(later, mention(after, rules), rules) is None  # five days after it
    assert score(later, mention(long_before, rules), rules) is None  # four weeks before
    assert score(later, mention(other_act, rules), rules) is None  # another word, another act


def test_a_bare_plural_is_generic_and_refers_back_to_nothing():
    rules = load_rules()
    generic = pullout("dec28-0009", "2018-12-28", "Washington rarely answers Iranian attacks "
                      "with anything but sanctions.", trigger="attacks")
    assert not mention(generic, rules).told_before
    assert mention(pullout("dec28-0010", "2018-12-28", "Iran's attacks on tankers went on.",
                           trigger="attacks"), rules).told_before


# -- a background act told by a past period ----------------------------------------------

USA = Entity("President Reagan", "Ronald Reagan", "USA", "GOV")
JAPAN = Entity("Japanese", "Japan", "JPN", None)


def tariffs(event_id: str, date: str, text: str) -> Event:
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date=date,
                 date_precision="day", event="SANCTION", mode=[], context=[], actor=[USA],
                 recipient=[JAPAN], event_text="announced", text=text,
                 text_info=TextInfo(0, 0, len(text)), quad_code=4, intensity=-5.0,
                 cameo="163", goldstein=-8.0, event_loc=None)


LAST_MONTH = tariffs("apr11-0006", "1987-04-11", "Last month President Reagan announced the "
                     "tariffs on Japanese electronic goods in retaliation for chip dumping.")
IN_MARCH = tariffs("apr13-0006", "1987-04-13", "In March President Reagan announced the "
                   "tariffs on Japanese electronic goods in retaliation for chip dumping.")


def test_told_periods_are_counted_from_the_coded_day():
    day = Date(1987, 4, 11)
    assert told_periods(LAST_MONTH.text, day) == {(Date(1987, 3, 1), Date(1987, 3, 31))}
    assert told_periods(IN_MARCH.text, day) == {(Date(1987, 3, 1), Date(1987, 3, 31))}
    assert told_periods("Iran said its gunboats struck in December.", day) == {
        (Date(1986, 12, 1), Date(1986, 12, 31))}
    assert told_periods("It said last week's raid killed three.", day) == {
        (Date(1987, 3, 29), Date(1987, 4, 10))}
    assert told_periods("The meeting on March 8 was cancelled.", day) == set()  # a day
    assert told_periods(LAST_MONTH.text, None) == set()


def test_a_background_act_told_by_one_period_in_stories_days_apart_is_one_event():
    rules = load_rules()
    first, second = mention(LAST_MONTH, rules), mention(IN_MARCH, rules)
    assert window_days(first, rules) == rules.told_window
    assert score(first, second, rules) is not None
    docs = {d: DocInfo(d, e.date) for d, e in (("apr11", LAST_MONTH), ("apr13", IN_MARCH))}
    clusters = link_events([LAST_MONTH, IN_MARCH], docs)
    assert clusters[LAST_MONTH.id] == clusters[IN_MARCH.id]


def test_a_told_period_joins_no_act_of_the_story_s_own_day_nor_another_period():
    rules = load_rules()
    today = tariffs("apr13-0001", "1987-04-13", "President Reagan announced new tariffs on "
                    "Japanese electronic goods today.")
    later = tariffs("may20-0004", "1987-05-20", "Last month President Reagan announced the "
                    "tariffs on Japanese electronic goods in retaliation for chip dumping.")
    told = mention(LAST_MONTH, rules)
    assert score(told, mention(today, rules), rules) is None  # two days apart, no period
    assert score(told, mention(later, rules), rules) is None  # March and April


def test_inflections_of_one_trigger_share_a_stem():
    rules = load_rules()
    impose = tariffs("a-0001", "1987-04-13", "Washington will impose tariffs on Japan.")
    imposed = tariffs("b-0001", "1987-04-13", "Washington imposed tariffs on Japan.")
    first = mention(dataclasses.replace(impose, event_text="impose"), rules)
    second = mention(dataclasses.replace(imposed, event_text="imposed"), rules)
    assert first.trigger == second.trigger
    assert trigger_agreement(first, second, rules) == rules.trigger_scores["shared"]
    discuss = mention(dataclasses.replace(impose, event_text="discuss"), rules)
    discussed = mention(dataclasses.replace(impose, event_text="discussed"), rules)
    assert discuss.trigger == discussed.trigger == mention(
        dataclasses.replace(impose, event_text="talks"), rules).trigger  # one synonym set


def test_a_place_framing_the_report_before_the_act_is_not_the_act_s_place():
    sentence = ("Earlier today in Washington, U.S. television networks had reported that "
                "American forces launched a retaliatory strike against Iran in the Gulf.")
    assert place_phrases(sentence) == {"washington", "gulf"}
    assert place_phrases(sentence, trigger="launched a retaliatory strike") == {"gulf"}
    assert place_phrases("Iranian gunboats hit a U.S.-flagged tanker.", trigger="hit") == set()


# -- derived nouns and acts of one story told in other words -------------------------------

USA_FORCES = Entity("American forces", "United States", "USA", "MIL")


def strike(event_id: str, trigger: str, text: str, date: str = "1987-10-19",
           actor=(USA_FORCES,), recipient=(IRAN,)) -> Event:
    return Event(id=event_id, doc_id=event_id.rsplit("-", 1)[0], date=date,
                 date_precision="day", event="ASSAULT", mode=[], context=[],
                 actor=list(actor), recipient=list(recipient), event_text=trigger, text=text,
                 text_info=TextInfo(0, 0, len(text)), quad_code=4, intensity=-9.0,
                 cameo="190", goldstein=-10.0, event_loc=None)


def test_a_derived_event_noun_shares_its_verb_s_trigger_class():
    rules = load_rules()
    destroyed = mention(strike("wire-0001", "destroyed",
                               "U.S. forces destroyed an Iranian oil platform in the Gulf."), rules)
    destruction = mention(strike(
        "experts-0001", "destruction",
        "Experts say Washington faces a dilemma after the U.S. destruction of an Iranian "
        "oil platform."), rules)
    assert destroyed.trigger == destruction.trigger  # "destruction" is derived from "destroy"
    assert trigger_agreement(destroyed, destruction, rules) == rules.trigger_scores["shared"]
    withdraw = mention(dataclasses.replace(strike(
        "a-0001", "withdraw", "Iran will withdraw its troops."), event="RETREAT"), rules)
    withdrawal = mention(dataclasses.replace(strike(
        "b-0001", "withdrawal", "The withdrawal of Iranian troops began."), event="RETREAT"),
        rules)
    assert withdraw.trigger == withdrawal.trigger


PLATFORM = strike("alert-0001", "attack",
                  "U.S. missions overseas are on alert for retaliation from Iran for Monday's "
                  "attack on two Iranian oil platforms by American forces in the Gulf.")
PARIS_ATTACK = strike("paris-0001", "Attack",
                      "France voiced its comprehension for a U.S. attack on an Iranian target.")
PARIS_DESTROYED = strike("paris-0003", "destroyed",
                         "The United States said its forces destroyed an Iranian oil platform "
                         "in the Gulf and struck at a second on Monday.")


def test_one_act_a_story_tells_twice_in_other_words_joins_one_cluster():
    # the story's "attack" and "destroyed" are neither coreferent nor told apart: each
    # joins the report of the strike on its own merits
    rules = load_rules()
    attack, destroyed = mention(PARIS_ATTACK, rules), mention(PARIS_DESTROYED, rules)
    assert score(attack, destroyed, rules) is None
    assert not told_apart(attack, destroyed, rules)
    docs = {d: DocInfo(d, "1987-10-19") for d in ("alert", "paris")}
    clusters = link_events([PLATFORM, PARIS_ATTACK, PARIS_DESTROYED], docs)
    assert clusters[PARIS_ATTACK.id] == clusters[PARIS_DESTROYED.id] == clusters[PLATFORM.id]


def test_acts_of_one_story_on_other_days_or_with_other_dyads_are_told_apart():
    rules = load_rules()
    today = raid("story-0001", "Iraq said its warplanes launched two bombing raids on Iran's "
                 "offshore oilfield today.", trigger="launched", date="1987-03-23")
    yesterday = raid("story-0003", "Iraqi planes yesterday raided the nearby oil field, "
                     "resuming attacks on Iranian targets.", trigger="raided",
                     date="1987-03-22")
    assert told_apart(mention(today, rules), mention(yesterday, rules), rules)
    # the one country acting in one and acted on in the other: two acts
    iranian = raid("story-0004", "The experts said America simply reacts to Iranian attacks.",
                   trigger="attacks")
    attacked = raid("story-0005", "Three Iranian oil sites had been attacked on Monday.",
                    trigger="attacked")
    iranian = dataclasses.replace(iranian, actor=[IRAN], recipient=[])
    attacked = dataclasses.replace(attacked, actor=[], recipient=[IRAN])
    assert told_apart(mention(iranian, rules), mention(attacked, rules), rules)
    # so yesterday's raid keeps a report of today's out of its cluster
    report = raid("wire-0001", "Iraq said its warplanes raided Iran's offshore oilfield "
                  "today.", trigger="raided", date="1987-03-23")
    docs = {d: DocInfo(d, "1987-03-23") for d in ("story", "wire")}
    clusters = link_events([today, yesterday, report], docs)
    assert clusters[today.id] != clusters[yesterday.id]
    assert clusters[report.id] != clusters[yesterday.id]


# -- one battle from both sides; a standing background -------------------------------------


def test_one_battle_told_by_each_side_scores_as_one_dyad():
    # Baghdad: its troops killed Iranians checking an offensive; Tehran's side of it, in
    # another story: the Iranians launched an overnight assault on three Iraqi divisions
    rules = load_rules()
    baghdad = mention(raid("baghdad-0001", "Iraq said today its troops had killed thousands "
                           "of Iranians in checking a new offensive on their southern war "
                           "front.", trigger="killed", date="1987-04-07"), rules)
    tehran = mention(dataclasses.replace(raid(
        "tehran-0002", "The communique said the Iranians launched a major overnight assault "
        "on the fronts of three Iraqi divisions.", trigger="launched a major overnight assault",
        date="1987-04-07"), actor=[IRAN], recipient=[IRAQ]), rules)
    assert baghdad.dyad == tuple(reversed(tehran.dyad))
    reversed_score = score(baghdad, tehran, rules)
    assert reversed_score is not None and reversed_score >= rules.threshold
    # a dyad with one side unknown is only compatible, and scores less
    half = mention(dataclasses.replace(raid(
        "tehran-0002", "The communique said the Iranians launched a major overnight assault "
        "on the fronts of three Iraqi divisions.", trigger="launched a major overnight assault",
        date="1987-04-07"), actor=[IRAN], recipient=[]), rules)
    assert score(baghdad, half, rules) < reversed_score
    # outside the two-sided families a turned-round dyad stays merely compatible
    accusing = [mention(dataclasses.replace(raid(f"{d}-0001", "Baghdad accused Tehran.",
                                                 trigger="accused", date="1987-04-07"),
                                            event="ACCUSE", actor=a, recipient=r), rules)
                for d, a, r in (("x", [IRAQ], [IRAN]), ("y", [IRAN], [IRAQ]))]
    unequal = dataclasses.replace(rules, two_sided_families=frozenset({"criticism"}))
    assert score(*accusing, rules) < score(*accusing, unequal)


def test_a_standing_background_joins_no_dated_battle():
    rules = load_rules()
    shipping = dataclasses.replace(raid(
        "escort-0007", "Kuwait decided not to accept a U.S. offer to escort its tankers in "
        "the gulf, where both Iran and Iraq have been attacking shipping.",
        trigger="attacking", date="1987-04-07"), actor=[IRAN, IRAQ], recipient=[])
    battle = dataclasses.replace(raid(
        "front-0002", "The communique said the Iranians launched a major overnight attack "
        "on the fronts of three Iraqi divisions.", trigger="launched a major overnight attack",
        date="1987-04-07"), actor=[IRAN], recipient=[IRAQ])
    background, dated = mention(shipping, rules), mention(battle, rules)
    assert background.standing and not dated.standing
    assert score(background, dated, rules) is None
    clusters = link_events([shipping, battle], {d: DocInfo(d, "1987-04-07")
                                                for d in ("escort", "front")})
    assert clusters[shipping.id] != clusters[battle.id]
    # a progressive that is no perfect ("were battling") is the day's act
    battling = raid("baghdad-0001", "Iraq said its forces were battling to dislodge Iranian "
                    "troops.", trigger="battling", date="1987-04-07")
    assert not mention(battling, rules).standing
    # two reports of the standing background still link
    again = dataclasses.replace(shipping, id="escort2-0003", doc_id="escort2")
    assert score(background, mention(again, rules), rules) is not None


def test_a_background_sentence_an_update_repeats_days_later_is_one_event():
    seamen = Entity("seamen", "Brazil", "BRA", "LAB")
    text = "Shipowners have offered a 100 per cent raise, which the seamen rejected."

    def rejected(event_id: str, date: str, sentence: str = text) -> Event:
        return dataclasses.replace(raid(event_id, sentence, trigger="rejected", date=date),
                                   event="REJECT", actor=[seamen], recipient=[])

    rules = load_rules()
    first, update = rejected("strike-0002", "1987-03-07"), rejected("update-0002", "1987-03-09")
    assert score(mention(first, rules), mention(update, rules), rules) is not None
    clusters = link_events([first, update], {"strike": DocInfo("strike", "1987-03-07"),
                                             "update": DocInfo("update", "1987-03-09")})
    assert clusters[first.id] == clusters[update.id]
    # another sentence two days later is another rejection, and a repeat a week later too
    other = rejected("later-0001", "1987-03-09", "The seamen rejected the new offer today.")
    assert score(mention(first, rules), mention(other, rules), rules) is None
    weeks = rejected("weeks-0002", "1987-03-14")
    assert score(mention(first, rules), mention(weeks, rules), rules) is None


def test_warships_that_blasted_a_platform_made_the_attack_the_next_day_s_report_names():
    rules = load_rules()
    blasted = mention(strike("navy-0003", "blasted", "On Monday U.S. Navy warships blasted "
                             "the Rostam platform, and Navy personnel stormed a second "
                             "platform a few miles away.", date="1987-10-19"), rules)
    attack = mention(strike("oil-0007", "Attack", "He did not see the U.S. Attack "
                            "significantly affecting oil prices.", date="1987-10-20"), rules)
    assert trigger_agreement(blasted, attack, rules) == rules.trigger_scores["shared"]
    docs = {d: DocInfo(d, e.date) for d, e in (("navy", blasted), ("oil", attack))}
    clusters = link_events([strike("navy-0003", "blasted", "On Monday U.S. Navy warships "
                                   "blasted the Rostam platform.", date="1987-10-19"),
                            strike("oil-0007", "Attack", "He did not see the U.S. Attack "
                                   "significantly affecting oil prices.", date="1987-10-20")],
                           docs)
    assert clusters["navy-0003"] == clusters["oil-0007"]


def test_a_war_or_an_offensive_named_after_a_place_is_no_place():
    rules = load_rules()
    assert place_phrases("Iran announced that its major offensive against Iraq in the Gulf "
                         "war had ended.", rules) == set()
    assert place_phrases("Iraq said its troops had killed thousands of Iranians in checking "
                         "a new Tehran offensive.", rules) == set()
    assert place_phrases("Iran said its forces captured a fortification east of Basra on the "
                         "Gulf War southern front.", rules) == {"basra"}
    assert place_phrases("Iraqi jets struck tankers in the Gulf.", rules) == {"gulf"}
    # a unit named after a person is no place either, particle and all; a place keeps its
    # name across the particle
    assert place_phrases("Iraqi forces were continuing counter-attacks on the front of the "
                         "Mohammed al-Qassem forces.", rules) == set()
    assert place_phrases("Fighting raged near Ras al-Khaimah today.", rules) == {
        "ras khaimah"}


def test_a_place_a_possessor_qualifies_past_its_adjectives_tells_two_attacks_apart():
    rules = load_rules()
    raid_today = ("The Baghdad communique said Iraqi planes also destroyed oil installations "
                  "at Iran's southwestern Ahvaz field during a raid today.")
    assert place_phrases(raid_today, rules) == {"ahvaz"}
    assert place_phrases("Iraqi jets raided a field near Iran's border.", rules) == set()
    counter = raid("front-0005", "It said Iraqi forces were continuing counter-attacks to "
                   "drive the Iranians from positions they held on the front near Basra.",
                   trigger="continuing counter-attacks", date="1987-04-07")
    planes = raid("planes-0007", raid_today, trigger="destroyed", date="1987-04-08")
    first, second = mention(counter, rules), mention(planes, rules)
    assert "ahvaz" in second.spots and not first.spots & second.spots
    value = score(first, second, rules)
    assert value is None or value < rules.threshold


# -- a recent act referred back to, and a generic class of acts ------------------------

def test_an_adjective_of_past_time_refers_back_like_a_determiner():
    rules = load_rules()
    struck = feared("mar01-0003", "2019-03-01", "Turkish jets struck a Kurdish convoy near "
                    "the border, the monitor said.", trigger="struck")
    recent = feared("mar04-0005", "2019-03-04", "Kurdish leaders vowed revenge for a recent "
                    "Turkish air attack on their convoy.")
    earlier = feared("mar05-0002", "2019-03-05", "The talks stalled after an earlier Turkish "
                     "attack on a Kurdish convoy.")
    bare = feared("mar04-0009", "2019-03-04", "Kurdish leaders vowed revenge for a Turkish "
                  "air attack on their convoy.")
    dated = feared("mar04-0011", "2019-03-04", "The last Turkish attack on the convoy was on "
                   "February 20, the monitor said.")
    first = mention(struck, rules)
    assert mention(recent, rules).told_before and mention(earlier, rules).told_before
    assert score(mention(recent, rules), first, rules) is not None  # three days before
    assert score(mention(earlier, rules), first, rules) is not None
    assert not mention(bare, rules).told_before
    assert score(mention(bare, rules), first, rules) is None
    # a reference back that tells its own day is of that day
    assert mention(dated, rules).told_before
    assert score(mention(dated, rules), first, rules) is None
    docs = {d: DocInfo(d, e.date) for d, e in (("mar01", struck), ("mar04", recent))}
    clusters = link_events([struck, recent], docs)
    assert clusters[struck.id] == clusters[recent.id]


def test_a_generic_class_of_attacks_joins_no_dated_attack():
    rules = load_rules()
    generic = feared("oct19-0002", "2019-10-19", "Experts said Ankara holds the initiative as "
                     "long as Europe simply answers Turkish attacks with statements.",
                     trigger="attacks")
    done = dataclasses.replace(feared(
        "oct19b-0001", "2019-10-19", "Kurdish positions near the river were attacked early "
        "on Monday by unidentified jets.", trigger="attacked"), actor=[], recipient=[TURKEY])
    background = mention(generic, rules)
    assert background.standing
    assert score(background, mention(done, rules), rules) is None
    clusters = link_events([generic, done], {d: DocInfo(d, "2019-10-19")
                                             for d in ("oct19", "oct19b")})
    assert clusters[generic.id] != clusters[done.id]
    # two generic reports still link
    again = dataclasses.replace(generic, id="oct19c-0004", doc_id="oct19c")
    assert score(background, mention(again, rules), rules) is not None
    # bare plurals that tell the day's acts are not generic
    for text in ("Turkish jets launched attacks on Kurdish positions.",
                 "Turkish jets hit Kurdish positions in attacks last night.",
                 "The monitor counted two attacks by Turkish jets.",
                 "NEW YORK, March 7 - Kurds fear Turkish attacks, officials said.",
                 "Turkish attacks on Kurdish towns on Monday killed nine."):
        item = mention(feared("x-0001", "2019-10-19", text, trigger="attacks"), rules)
        assert item.standing == text.startswith("NEW YORK"), text


def test_a_traveller_s_origin_and_a_country_s_name_are_not_the_act_s_place():
    # "arrived from Stockholm" tells whence the minister came, not where the talks were
    came = named_places("The minister arrived from Stockholm and went into talks with "
                        "the Norwegian premier.")
    assert came == set()
    flew = named_places("The minister flew in from Stockholm for talks.")
    assert flew == set()
    # an origin without a traveller is still named: goods and flights from a town
    assert named_places("The authority halted all flights from Stockholm.")
    # a country's name is no town of that name elsewhere ("south Lebanon", not Tennessee)
    assert named_places("Gunships raided south Lebanon and one craft was downed.") == set()
    rules = load_rules()
    oslo = Place("Oslo", "NOR", "Oslo", 59.91, 10.75, 3143244, "PPLC")
    nor = Entity("Norwegian premier", "Norway", "NOR", "GOV")
    there = dataclasses.replace(talks("a-0001", recipient=(nor,), loc=oslo),
                                event_text="arriving", text="The minister went into talks "
                                "with the Norwegian premier after arriving in Oslo from Stockholm.")
    came_in = dataclasses.replace(talks("b-0001", recipient=(nor,), loc=None),
                                  event_text="arrived", text="The minister arrived from "
                                  "Stockholm and went into talks with the Norwegian premier.")
    first, second = mention(there, rules), mention(came_in, rules)
    assert place_relation(first, second, rules) == "unknown"
    value = score(first, second, rules)
    assert value is not None and value >= rules.threshold


def test_one_story_s_talks_between_one_pair_on_one_day_are_one_set_of_talks():
    # a summit story tells its talks in several words; one's word named in the other's
    # sentence suffices for talks with equal dyads on one day, unplaced as they are
    sat = dataclasses.replace(talks("summit-0003", loc=None), event_text="talks",
                              text="On Tuesday, Lee sat down for talks with Takaichi "
                                   "followed by meetings of the two delegations.")
    said = dataclasses.replace(talks("summit-0009", loc=None), event_text="called",
                               text="Lee said he discussed export controls with Takaichi, "
                                    "whom he called a trusted partner.")
    rules = load_rules()
    first, second = mention(sat, rules), mention(said, rules)
    assert trigger_agreement(first, second, rules) == rules.trigger_scores["in_sentence"]
    assert score(first, second, rules) is not None
    clusters = link_events([sat, said], {"summit": DocInfo("summit", "2026-01-13")})
    assert clusters[sat.id] == clusters[said.id]
    # talks the story tells on another day are other talks
    later = dataclasses.replace(said, date="2026-01-15")
    assert score(first, mention(later, rules), rules) is None
    # and with another partner, another dyad: apart
    other = dataclasses.replace(said, recipient=[Entity("Xi", "Xi Jinping", "CHN", "GOV")])
    assert score(first, mention(other, rules), rules) is None


def test_a_side_coded_with_several_countries_agrees_with_any_of_them():
    # one report names both allies as the attackers, another only the second of them
    rules = load_rules()
    usa = Entity("American", "United States", "USA", "MIL")
    gbr = Entity("British", "United Kingdom", "GBR", "MIL")
    fra = Entity("French", "France", "FRA", "MIL")
    text = "American and British jets struck Iranian radar sites on Tuesday."
    joint = dataclasses.replace(raid("joint-0001", text, "struck"), actor=[usa, gbr])
    british = dataclasses.replace(raid("uk-0001", "British jets struck Iranian radar sites "
                                                  "on Tuesday.", "struck"), actor=[gbr])
    french = dataclasses.replace(raid("fr-0001", "French jets struck Iranian radar sites "
                                                 "on Tuesday.", "struck"), actor=[fra])
    first, second, third = (mention(e, rules) for e in (joint, british, french))
    assert first.dyad == ("USA", "IRN") and second.dyad == ("GBR", "IRN")
    assert dyad_relation(first, second) == "compatible"
    value = score(first, second, rules)
    assert value is not None and value >= rules.threshold
    # a third country is no side of the joint strike, and single-coded sides still conflict
    assert dyad_relation(first, third) is None
    assert dyad_relation(second, third) is None


def test_a_visitor_s_departure_is_part_of_the_visit():
    # "leaves Seoul tonight" and "during a trip to Seoul" tell one visit in other words
    rules = load_rules()
    leaves = visit("wire-0004", "leave", "The Takaichis leave Seoul on Tuesday night.",
                   actor=(JPN,), recipient=(KOR,), mode=())
    trip = visit("post-0002", "trip", "During a trip to Seoul, Takaichi told business "
                 "leaders that trade would grow.", actor=(JPN,), recipient=(KOR,))
    first, second = mention(leaves, rules), mention(trip, rules)
    assert trigger_agreement(first, second, rules) == rules.trigger_scores["shared"]
    for word in ("departs", "departure", "leaves"):
        assert mention(dataclasses.replace(leaves, event_text=word), rules).trigger == (
            second.trigger)
    # talks held during the visit are not its departure
    talked = mention(dataclasses.replace(leaves, event_text="talks"), rules)
    assert trigger_agreement(talked, first, rules) < rules.trigger_scores["shared"]


def test_a_campaign_told_by_an_aspect_verb_is_standing_and_meets_its_reports_days_apart():
    rules = load_rules()
    started = dataclasses.replace(raid(
        "gulf-0003", "Oman sought ways to secure its exports after Iraq started to attack "
        "Omani-chartered tankers.", trigger="attack", date="1987-05-12"), recipient=[])
    generic_ = dataclasses.replace(raid(
        "times-0001", "Oman may reflag its tankers to protect them from Iraqi missile "
        "attacks, officials said.", trigger="attacks", date="1987-05-06"), recipient=[])
    done = dataclasses.replace(raid(
        "wire-0002", "Iraqi jets attacked an Omani-chartered tanker, shipping sources said.",
        trigger="attacked", date="1987-05-11"), recipient=[])
    campaign, background, dated = (mention(e, rules) for e in (started, generic_, done))
    assert campaign.standing and background.standing and not dated.standing
    value = score(campaign, background, rules)  # six days apart, each dated by its story
    assert value is not None and value >= rules.threshold
    assert score(campaign, dated, rules) is None  # the day's attack is not the campaign
    # a standing act eight days from another is past the window
    later = dataclasses.replace(generic_, id="times2-0001", doc_id="times2", date="1987-05-04")
    assert score(campaign, mention(later, rules), rules) is None
