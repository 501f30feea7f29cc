"""The date stage: expressions found, attached to the right event, resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.components.dates import DateResolver, Resolved, load_patterns, load_words

PUB = "2026-01-13"  # a Tuesday
TUESDAY = dt.date(2026, 1, 13)


def parse(nlp, text, pub=PUB):
    """The model's parse only: these tests do not depend on the other stages."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("eventwire_"):
            doc = proc(doc)
    doc._.ew_date = pub
    doc._.ew_mentions = []
    return doc


def dated(nlp, text, trigger, pub=PUB, modes=()):
    """The date stage run on one event whose trigger is the word ``trigger``."""
    doc = parse(nlp, text, pub)
    i = next(t.i for t in doc if t.text == trigger)
    doc._.ew_events = [{"event": "CONSULT", "mode": list(modes), "context": [], "cameo": "040",
                        "trigger": [i, i + 1], "sentence": 0, "actor": [], "recipient": [],
                        "confidence": 0.5}]
    nlp.get_pipe("eventwire_dates")(doc)
    return doc._.ew_events[0]


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision"),
    [
        ("Lee called on Takaichi Tuesday to help ensure stability.", "called", PUB, "day"),
        ("Officials met in Seoul on Monday.", "met", "2026-01-12", "day"),
        ("The ministers met on Wednesday.", "met", "2026-01-07", "day"),
        ("Protesters marched last Tuesday.", "marched", "2026-01-06", "day"),
        ("The two leaders will have dinner Tuesday.", "have", PUB, "day"),
        ("The ministers will meet on Wednesday.", "meet", "2026-01-14", "day"),
        ("They will have dinner Tuesday, before visiting a temple on Wednesday.", "visiting",
         "2026-01-14", "day"),
        ("China protested in November.", "protested", "2025-11", "month"),
        ("The leaders last met in October.", "met", "2025-10", "month"),
        ("Japan will host the talks in March.", "host", "2026-03", "month"),
        ("The minister resigned earlier this month.", "resigned", "2026-01", "month"),
        ("Both leaders took office in 2025.", "took", "2025", "year"),
        ("Seoul signed the deal in December 2024.", "signed", "2024-12", "month"),
        ("Lee met Ishiba on 5 November 2025.", "met", "2025-11-05", "day"),
        ("The envoy arrived in Tokyo on Jan. 9.", "arrived", "2026-01-09", "day"),
        ("Police arrested the mayor yesterday.", "arrested", "2026-01-12", "day"),
        ("The army withdrew from the town three days ago.", "withdrew", "2026-01-10", "day"),
        ("Rebels attacked the town last week.", "attacked", "2026-01", "month"),
        ("Japan occupied Korea from 1910 to 1945.", "occupied", "1910", "year"),
        ("Leaders attended the 2018 summit.", "summit", "2018", "year"),
        ("Japan and South Korea agreed to cooperate.", "agreed", PUB, "day"),
        ("It is his second visit to Japan since August.", "visit", PUB, "day"),
        ("It is his second visit since August, when he met Ishiba.", "met", "2025-08", "month"),
        # what a dated act did is dated by it; what was done to it is not
        ("Protesters marked a 1989 crackdown on the students, which killed hundreds.",
         "killed", "1989", "year"),
        ("The 2015 deal, which Trump abandoned, collapsed.", "abandoned", PUB, "day"),
        # a clause of the same time dates its main clause
        ("When he visited Moscow in 2015, Erdogan met Putin.", "met", "2015", "year"),
        ("Erdogan met Putin when he visited Moscow in 2015.", "met", "2015", "year"),
        ("The spat was triggered by her suggestion in November that Japan could intervene.",
         "intervene", "2025-11", "month"),
        ("Yoon, who declared martial law in December 2024, had sought better ties with Japan.",
         "declared", "2024-12", "month"),
        ("Yoon, who declared martial law in December 2024, had sought better ties with Japan.",
         "sought", PUB, "day"),
        ("The leaders met in Nara, days after Lee visited Xi in Beijing.", "visited", "2026-01",
         "month"),
        ("The leaders met in Nara, days after Lee visited Xi in Beijing.", "met", PUB, "day"),
        ("Lee arrived in Tokyo two days after he visited Beijing.", "visited", "2026-01-11",
         "day"),
        ("The talks will continue until Friday.", "continue", PUB, "day"),
        ("The minister said he would meet the farmers on Thursday.", "meet", "2026-01-15",
         "day"),
        ("Germany will send aid to Mozambique, the ministry said on Monday.", "send",
         "2026-01-12", "day"),
        ("Rebels shelled the town over the weekend.", "shelled", "2026-01-10", "day"),
        ("Gorbachev's weekend proposal was welcomed.", "proposal", "2026-01-10", "day"),
        ("The ministers will meet at the weekend.", "meet", "2026-01-17", "day"),
        ("Rebels shelled the town last weekend.", "shelled", "2026-01-10", "day"),
        ("Rebels shelled the town over the past week.", "shelled", "2026-01", "month"),
        # an act just before or after one dated to a year or a month falls in it
        ("He was freed in 2017 after being acquitted of most charges.", "acquitted", "2017",
         "year"),
        ("In the anxious days of 1981 after Sadat was gunned down, he led.", "gunned",
         "1981", "year"),
        # next to a day, it is not known to the day: the story's date stands
        ("Police arrested him on Monday after he attacked a guard.", "attacked", PUB, "day"),
    ],
)
def test_event_date(nlp, text, trigger, date, precision):
    event = dated(nlp, text, trigger)
    assert (event["date"], event["date_precision"]) == (date, precision)


@pytest.mark.parametrize(
    ("text", "trigger", "historical"),
    [
        ("Japan occupied Korea from 1910 to 1945.", "occupied", True),
        ("Seoul signed the deal in December 2024.", "signed", True),
        ("Both leaders took office in 2025.", "took", False),
        ("China protested in November.", "protested", False),
    ],
)
def test_historical_mode(nlp, text, trigger, historical):
    assert ("historical" in dated(nlp, text, trigger)["mode"]) is historical


@pytest.mark.parametrize(("text", "trigger", "pub", "date", "historical"), [
    # a named period over before the story's year dates the act by its first year
    ("Iraq attacked Iran during the Iran-Iraq war.", "attacked", PUB, "1980", True),
    ("Britain fought Argentina in the Falklands war.", "fought", PUB, "1982", True),
    # a name written with digits is a name, not a number out of range ("9/11" is not 911)
    ("The attack eclipsed the 9/11 attacks.", "attacks", PUB, "2001", True),
    # in a story of the period's own time the act is of the story's days
    ("Iraq bombed Kharg during the Iran-Iraq war.", "bombed", "1987-03-02", "1987-03-02",
     False),
    # a period not yet begun is another one
    ("Troops fought in the Iraq war.", "fought", "1987-03-02", "1987-03-02", False),
])
def test_a_named_period_of_history_dates_its_acts(nlp, text, trigger, pub, date, historical):
    event = dated(nlp, text, trigger, pub=pub)
    assert event["date"] == date
    assert ("historical" in event["mode"]) is historical


def test_future_mode_from_the_modality_stage_picks_future_dates(nlp):
    event = dated(nlp, "Lee visits Tokyo on Wednesday.", "visits", modes=["future"])
    assert event["date"] == "2026-01-14"


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("The leaders met on Monday.", None, "unknown"),
        ("Seoul signed the deal in December 2024.", "2024-12", "month"),
        ("Both leaders took office in 2025.", "2025", "year"),
    ],
)
def test_without_publication_date_only_absolute_dates(nlp, text, date, precision):
    trigger = next(w for w in ("met", "signed", "took") if w in text.split())
    event = dated(nlp, text, trigger, pub=None)
    assert (event["date"], event["date_precision"]) == (date, precision)


def test_numbers_that_cannot_be_dates_are_ignored(nlp):
    doc = parse(nlp, "Some 3000 troops crossed on 45 occasions in 2024.")
    found = nlp.get_pipe("eventwire_dates").expressions(doc)
    assert [doc[e.span[0]:e.span[1]].text for e in found] == ["2024"]


def test_historical_threshold_is_configurable(nlp):
    from eventwire.components.dates import EventDates

    stage = EventDates(nlp, "dates", historical_days=10_000)
    doc = parse(nlp, "Seoul signed the deal in December 2024.")
    i = next(t.i for t in doc if t.text == "signed")
    doc._.ew_events = [{"mode": [], "trigger": [i, i + 1]}]
    stage(doc)
    assert doc._.ew_events[0]["mode"] == []


# The resolver alone: no parse needed.

@pytest.fixture(scope="module")
def resolver():
    return DateResolver(load_words())


@pytest.mark.parametrize(
    ("label", "tokens", "future", "expected"),
    [
        ("weekday", ["tuesday"], False, Resolved(TUESDAY, "day")),
        ("weekday", ["tuesday"], True, Resolved(TUESDAY, "day")),
        ("weekday", ["last", "tuesday"], False, Resolved(dt.date(2026, 1, 6), "day")),
        ("weekday", ["next", "tuesday"], False, Resolved(dt.date(2026, 1, 20), "day")),
        ("weekday", ["sunday"], False, Resolved(dt.date(2026, 1, 11), "day")),
        ("weekday", ["sunday"], True, Resolved(dt.date(2026, 1, 18), "day")),
        ("month", ["january"], True, Resolved(dt.date(2026, 1, 1), "month")),
        ("month", ["january"], False, Resolved(dt.date(2026, 1, 1), "month")),
        ("month", ["february"], False, Resolved(dt.date(2025, 2, 1), "month")),
        ("month", ["last", "october"], False, Resolved(dt.date(2025, 10, 1), "month")),
        ("month", ["next", "march"], False, Resolved(dt.date(2026, 3, 1), "month")),
        ("month", ["last", "january"], False, Resolved(dt.date(2025, 1, 1), "month")),
        ("year", ["2019"], False, Resolved(dt.date(2019, 1, 1), "year")),
        ("range", ["1910", "to", "1945"], False, Resolved(dt.date(1910, 1, 1), "year")),
    ],
)
def test_resolver(resolver, label, tokens, future, expected):
    assert resolver.resolve(label, tokens, TUESDAY, future) == expected


def test_resolved_text_and_last_day():
    assert Resolved(dt.date(2024, 2, 1), "month").last == dt.date(2024, 2, 29)
    assert Resolved(dt.date(2024, 2, 1), "month").text == "2024-02"
    assert Resolved(dt.date(2024, 1, 1), "year").last == dt.date(2024, 12, 31)


def test_shift_keeps_the_coarser_precision(resolver):
    base = Resolved(dt.date(2025, 10, 1), "month")
    assert resolver.shift(base, "days", 2, -1).precision == "month"
    assert resolver.shift(Resolved(TUESDAY, "day"), "weeks", None, -1).text == "2025-12"


def test_patterns_are_well_formed():
    labels = {label for label, _ in load_patterns()}
    assert labels == {"weekday", "month", "year", "range", "relative", "period"}


# The reference article, through the whole pipeline (actors and events stages included).

@pytest.fixture(scope="module")
def article(nlp):
    from pathlib import Path

    from eventwire.coder import Coder

    text = (Path(__file__).parents[1] / "data" / "nara-summit.txt").read_text(encoding="utf-8")
    return Coder(nlp=nlp).code(text, date=PUB, doc_id="nara").events


def events_at(events, sentence_part, *triggers):
    """The article's events with one of these trigger words in the given sentence.

    Which events exist is the event stage's business: when it codes none here
    the date check is skipped, with the reason in the test report.
    """
    found = [e for e in events if sentence_part in e.text
             and any(t in e.event_text for t in triggers)]
    if not found:
        pytest.skip(f"event stage coded no event {triggers} in {sentence_part!r}")
    return found


@pytest.mark.parametrize(
    ("sentence_part", "triggers", "date"),
    [
        ("called on South Korean", ("called",), PUB),
        ("The two leaders met", ("met",), PUB),
        ("They agreed to strengthen", ("agreed",), PUB),
        ("They agreed to continue", ("agreed",), PUB),
        ("last met in October", ("met",), "2025-10"),
        ("when he met", ("met",), "2025-08"),
        ("declared martial law", ("declared",), "2024-12"),
        ("will have dinner", ("have", "dinner"), PUB),
        ("will have dinner", ("visit",), "2026-01-14"),
    ],
)
def test_article_dates(article, sentence_part, triggers, date):
    for event in events_at(article, sentence_part, *triggers):
        assert event.date == date, event.event_text


def test_article_visit_to_xi_is_days_before(article):
    for event in events_at(article, "days after Lee visited", "visited"):
        assert event.date == "2026-01" or "2026-01-01" <= event.date < PUB


def test_article_taiwan_remark_is_november(article):
    remark = [e for e in article if "suggestion in November" in e.text
              and any(w in e.event_text for w in ("suggestion", "intervene"))]
    assert all(e.date == "2025-11" for e in remark)


def test_article_historical_events_are_only_the_old_ones(article):
    for event in article:
        assert ("historical" in event.mode) == (event.date is not None and event.date < "2025")


def test_a_verb_of_means_takes_the_date_of_its_act(coder):
    # "used missiles to hit a ship on Thursday": the use is the hit, on Thursday
    found = coder.code("Iranian forces used Silkworm missiles to hit a U.S.-owned ship on "
                       "Thursday.", date="1987-10-19").events
    assert [(e.event, e.date) for e in found] == [("ASSAULT", "1987-10-15")]


def test_a_date_in_a_comparison_dates_another_event(nlp):
    event = dated(nlp, "Like the Bosnian enclave in 1995, the town has been besieged by "
                       "government forces for years.", "besieged")
    assert event["date"] == PUB


def test_a_date_of_the_figure_compared_with_dates_nothing(nlp):
    event = dated(nlp, "Britain accepted just 20 refugees in the first three months of 2018, "
                       "compared to 900 in the last year of the Labour government and 3,024 in "
                       "2017.", "accepted", pub="2018-06-01")
    assert event["date"] == "2018"


def test_that_month_is_a_month_of_the_year_the_sentence_named(nlp):
    event = dated(nlp, "In August 2016, the family said she had been killed in an airstrike on "
                       "Raqqa that May.", "airstrike", pub="2018-05-01")
    assert event["date"] == "2016-05"


def test_a_date_of_a_thing_acted_on_does_not_date_the_act(coder):
    events = coder.code("Italian politicians called for a postponement of the April 21-26 "
                        "Milan Design Week.", date="2020-02-25").events
    assert [(e.event, e.date) for e in events] == [("REQUEST", "2020-02-25")], events
