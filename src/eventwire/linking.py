"""Event linking: reports of one real-world event grouped into one cluster.

Pure scoring and clustering, no store. Events are compared only within a
block (a family of close event types, one country code among the event's
parties and place, a date window), so an event sits in a few blocks and
linking stays linear. Two reports of one act often code its dyad
differently (one side unresolved, the sides swapped), so dyads need only
be compatible; an equal dyad scores higher, and so, for armed force, does one
turned round (each side tells one battle as its own attack). Pairs are scored on place,
dyad, actor names, trigger, sentence and date, and vetoed when their
dyads conflict, their modes differ, one is a standing background and the
other a dated act, or two events of one document are not
coreferent duplicates. Each event, in a fixed order, joins the best-scoring
existing cluster above the threshold (best link: a cluster's score is its
best-matching member's) that no vetoed member holds, or founds a new cluster
named after itself, so ids never depend on what arrives later; an event of
its own story bars a cluster only when the two are told apart
(``told_apart``). The knowledge (families, weights, threshold, the event-noun
derivations) is ``data/linking/linking.json``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from functools import cache, lru_cache
from typing import Any

from eventwire.kb.resources import data_path
from eventwire.kb.tables import read_tsv
from eventwire.records import Entity, Event, Place

UNKNOWN_CODE = "?"
_WORD = re.compile(r"[a-z0-9]+")  # one character class, one quantifier: linear
_NAME = re.compile(r"[A-Z][a-z]+")  # a capitalised word: a candidate place name
_TOKEN = re.compile(r"\w+|[^\w\s]")  # a word or one mark; no nested quantifier: linear
_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .]+, [A-Z][a-z]+ \d+ - ")  # "NEW YORK, April 7 - "


@dataclass(frozen=True)
class DocInfo:
    """What linking knows of an event's document."""

    doc_id: str
    date: str | None = None  # publication date YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # the outlet, when known
    title: str | None = None


@dataclass(frozen=True)
class Rules:
    """The linking knowledge of ``linking.json``, loaded once."""

    family: dict[str, str]
    symmetric: frozenset[str]
    exclusive_modes: frozenset[str]
    day_window: int
    weights: dict[str, float]
    place_scores: dict[str, float]
    dyad_scores: dict[str, float]
    threshold: float
    same_document_sentence: float
    country_feature_prefix: str
    region_feature_prefix: str
    stopwords: frozenset[str]
    suffixes: tuple[str, ...]
    synonyms: dict[str, str]  # trigger stem -> the first stem of its synonym set
    derivations: dict[str, str]  # event noun stem -> its verb's stem ("destruction" -> "destroi")
    months: frozenset[str]
    month_numbers: dict[str, int]
    weekdays: tuple[str, ...]  # monday first, as ``date.weekday`` counts
    weekend: str  # the word for Saturday and Sunday together
    age_units: dict[str, int]  # "day", "weeks" ... as days, in "a three-day-old strike"
    age_numbers: dict[str, int]  # "three" -> 3
    age_word: str  # "old"
    ahead_words: frozenset[str]  # "next weekend" is no weekend past
    trigger_scores: dict[str, float]
    place_prepositions: frozenset[str]
    place_skip: int
    place_breaks: frozenset[str]
    place_heads: frozenset[str]
    named_origins: frozenset[str]  # "from Helsinki": whence, not where (``named_places``)
    named_motions: frozenset[str]  # "arrived", "flew": a traveller's origin follows
    not_places: frozenset[str]  # months, weekdays and broad regions
    named_place_families: frozenset[str]
    two_sided_families: frozenset[str]
    spread_modes: frozenset[str]
    spread_families: frozenset[str]
    unrealised_modes: frozenset[str]
    unrealised_cues: frozenset[str]
    unrealised_before: int
    unrealised_window: int
    standing_auxiliaries: frozenset[str]
    standing_suffixes: tuple[str, ...]
    standing_before: int
    standing_aspects: frozenset[str]
    told_phrases: dict[tuple[str, ...], tuple[str, int, int]]
    told_month_prepositions: frozenset[str]
    told_window: int
    repeated_sentence: float
    repeated_window: int
    event_nouns: frozenset[str]  # single-word event nouns (``told_before``)
    told_before_cues: frozenset[str]
    told_before_max: int
    told_before_reach: int
    told_before_adjectives: frozenset[str]
    told_before_adjective_max: int
    generic_plurals: tuple[str, ...]
    generic_quantifiers: frozenset[str]
    generic_times: frozenset[str]
    generic_past: tuple[str, ...]
    generic_verb_before: int

    def types_of(self, family: str) -> list[str]:
        """The event types of a family, sorted."""
        return sorted(t for t, f in self.family.items() if f == family)


@cache
def load_rules() -> Rules:
    """The packaged linking rules."""
    raw: dict[str, Any] = json.loads(
        data_path("linking", "linking.json").read_text(encoding="utf-8"))
    family = {t: name for name, types in raw["families"].items() for t in types}
    suffixes = tuple(sorted(raw["suffixes"], key=len, reverse=True))
    return Rules(
        family=family, symmetric=frozenset(raw["symmetric"]),
        exclusive_modes=frozenset(raw["exclusive_modes"]), day_window=int(raw["day_window"]),
        weights={k: float(v) for k, v in raw["weights"].items()},
        place_scores={k: float(v) for k, v in raw["place_scores"].items()},
        dyad_scores={k: float(v) for k, v in raw["dyad_scores"].items()},
        threshold=float(raw["threshold"]),
        same_document_sentence=float(raw["same_document"]["sentence"]),
        country_feature_prefix=raw["country_feature_prefix"],
        region_feature_prefix=raw["region_feature_prefix"],
        stopwords=frozenset(raw["stopwords"]),
        suffixes=suffixes,
        synonyms=_synonym_classes(raw["trigger_synonyms"], suffixes),
        derivations=_derivations(raw["derivations"], suffixes),
        months=frozenset(raw["months"]),
        month_numbers={name: n for n, name in enumerate(raw["months"], start=1)},
        trigger_scores={k: float(v) for k, v in raw["trigger_scores"].items()},
        place_prepositions=frozenset(raw["place_phrases"]["prepositions"]),
        place_skip=int(raw["place_phrases"]["max_skip"]),
        place_breaks=frozenset(raw["place_phrases"]["breaks"]),
        place_heads=frozenset(raw["place_phrases"]["name_heads"]),
        named_origins=frozenset(raw["named_places"]["origins"]),
        named_motions=frozenset(raw["named_places"]["motions"]),
        weekdays=tuple(raw["weekdays"]),
        weekend=raw["named_spans"]["weekend"],
        age_units={k: int(v) for k, v in raw["named_spans"]["age_units"].items()},
        age_numbers={k: int(v) for k, v in raw["named_spans"]["age_numbers"].items()},
        age_word=raw["named_spans"]["age_word"],
        ahead_words=frozenset(raw["named_spans"]["ahead"]),
        not_places=frozenset([*raw["months"], *raw["weekdays"],
                              *raw["place_phrases"]["broad_regions"]]),
        named_place_families=frozenset(raw["named_place_families"]),
        two_sided_families=frozenset(raw["two_sided_families"]),
        spread_modes=frozenset(raw["same_document"]["spread_modes"]),
        spread_families=frozenset(raw["same_document"]["spread_families"]),
        unrealised_modes=frozenset(raw["unrealised"]["modes"]),
        unrealised_cues=frozenset(raw["unrealised"]["cues"]),
        unrealised_before=int(raw["unrealised"]["max_before"]),
        unrealised_window=int(raw["unrealised"]["day_window"]),
        standing_auxiliaries=frozenset(raw["standing"]["auxiliaries"]),
        standing_suffixes=tuple(raw["standing"]["suffixes"]),
        standing_before=int(raw["standing"]["max_before"]),
        standing_aspects=frozenset(raw["standing"]["aspects"]),
        told_phrases={tuple(phrase.split()): (span[0], int(span[1]), int(span[-1]))
                      for phrase, span in raw["told_periods"]["phrases"].items()},
        told_month_prepositions=frozenset(raw["told_periods"]["month_prepositions"]),
        told_window=int(raw["told_periods"]["day_window"]),
        repeated_sentence=float(raw["repeated"]["sentence"]),
        repeated_window=int(raw["repeated"]["day_window"]),
        event_nouns=frozenset(row["lemma"] for table in raw["told_before"]["noun_tables"]
                              for row in read_tsv(*table) if " " not in row["lemma"]),
        told_before_cues=frozenset(raw["told_before"]["determiners"]),
        told_before_max=int(raw["told_before"]["max_before"]),
        told_before_reach=int(raw["told_before"]["reach_back"]),
        told_before_adjectives=frozenset(raw["told_before"]["past_adjectives"]),
        told_before_adjective_max=int(raw["told_before"]["adjective_before"]),
        generic_plurals=tuple(raw["generic"]["plural_endings"]),
        generic_quantifiers=frozenset(raw["generic"]["quantifiers"]),
        generic_times=frozenset(raw["generic"]["times"]),
        generic_past=tuple(raw["generic"]["past_endings"]),
        generic_verb_before=int(raw["generic"]["verb_before"]))


def _synonym_classes(sets: list[list[str]], suffixes: tuple[str, ...]) -> dict[str, str]:
    """Stem -> the first stem of its synonym set: the data lists plain words, and
    every inflection of them ("explode", "exploded") falls in its set."""
    return {_stem(word, suffixes): _stem(words[0], suffixes) for words in sets for word in words}


def _derivations(spec: Mapping[str, Any], suffixes: tuple[str, ...]) -> dict[str, str]:
    """Event noun stem -> its verb's stem, from the event-noun table's derivations
    (``source`` "verb:destroy" for "destruction"): "destroyed" and "destruction" name
    one act in two word families, which stemming alone never joins."""
    prefix = spec["source_prefix"]
    return {_stem(row["lemma"], suffixes): _stem(row["source"][len(prefix):], suffixes)
            for row in read_tsv(*spec["table"])
            if row["source"].startswith(prefix) and " " not in row["lemma"]}


@dataclass(frozen=True)
class Mention:
    """What linking compares of one event, computed once per event."""

    event_id: str
    doc_id: str
    event: str
    family: str
    dyad: tuple[str, str]
    codes: frozenset[str]  # the blocks' country codes: parties and place, or "?" alone
    sides: tuple[frozenset[str], frozenset[str]]  # every coded actor's, every recipient's
    date: str | None
    lo: Date | None
    hi: Date | None
    modes: frozenset[str]
    place: Place | None
    named: frozenset[int]  # gazetteer ids of the towns and regions the sentence names
    names: frozenset[str]
    trigger: frozenset[str]
    tokens: frozenset[str]
    acts: frozenset[str]  # the synonym classes of every sentence word
    spots: frozenset[str] = frozenset()  # place names of locative phrases, gazetteer or not
    words: frozenset[str] = frozenset()  # the sentence's words, lower case, datelines left out
    told: frozenset[Date] = frozenset()  # days the sentence tells an act "on" ("on March 8")
    named_days: frozenset[Date] = frozenset()  # those and the weekdays it names ("since Friday")
    spread: bool = False  # an act that spans places and days (a visit): see ``spread_modes``
    unrealised: bool = False  # feared, threatened or planned: dated only by its reports
    standing: bool = False  # a standing or habitual act ("have been attacking"), no dated one
    periods: frozenset[tuple[Date, Date]] = frozenset()  # past periods told ("last month")
    told_before: bool = False  # a definite event noun: an act told before (``told_before``)


def cluster_id_for(event_id: str) -> str:
    """The id of the cluster an event founds: stable, whatever arrives later."""
    return "c-" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12]


def family_of(event_type: str, rules: Rules | None = None) -> str:
    """The family of close types an event type belongs to (itself if none)."""
    return (rules or load_rules()).family.get(event_type, event_type)


def _code(entities: Sequence[Entity]) -> str:
    return (entities[0].code if entities else None) or UNKNOWN_CODE


def dyad(event: Event, rules: Rules | None = None) -> tuple[str, str]:
    """Country codes of the first actor and first recipient; sorted for symmetric acts.

    A symmetric type (CONSULT, AGREE, COOPERATE), joint act or not, takes the
    first two parties' codes, sorted, so it is the same dyad whichever party
    is named first or as recipient. The first actor's code is always
    one of the two, which lets the store pre-filter candidates on it.
    """
    rules = rules or load_rules()
    if event.event in rules.symmetric:
        codes = list(dict.fromkeys(e.code or UNKNOWN_CODE
                                   for e in [*event.actor, *event.recipient]))
        first, second = sorted((codes + [UNKNOWN_CODE, UNKNOWN_CODE])[:2])
        return first, second
    return (_code(event.actor), _code(event.recipient))


def block_codes(event: Event) -> frozenset[str]:
    """The country codes an event is blocked on: every party's and the place's.

    Reports of one act share at least one of them even when one resolves a
    party the other leaves uncoded or names the sides the other way round;
    an event with none is blocked on ``UNKNOWN_CODE``.
    """
    codes = {e.code for e in [*event.actor, *event.recipient] if e.code}
    if event.event_loc is not None and event.event_loc.country_code:
        codes.add(event.event_loc.country_code)
    return frozenset(codes or {UNKNOWN_CODE})


def dyad_relation(a: Mention, b: Mention) -> str | None:
    """``same`` for equal dyads, ``compatible`` when they agree wherever both sides are
    coded (as given or swapped: each side reports the other's attack), None otherwise.
    A side coded with several countries agrees with any of them ("American and British
    jets struck", coded ``USA`` first, and "British jets struck"; a party the coder gave
    two codes), which its first code alone would not."""
    if a.dyad == b.dyad:
        return "same"
    first, second = a.dyad
    if (_agree(first, b.dyad[0]) and _agree(second, b.dyad[1])) or (
            _agree(first, b.dyad[1]) and _agree(second, b.dyad[0])):
        return "compatible"
    mine, theirs = a.sides, b.sides
    if any(len(side) > 1 for side in (*mine, *theirs)) and (
            (_meet(mine[0], theirs[0]) and _meet(mine[1], theirs[1]))
            or (_meet(mine[0], theirs[1]) and _meet(mine[1], theirs[0]))):
        return "compatible"  # a side coded with several countries, one the other's
    return None


def _codes(entities: Sequence[Entity]) -> frozenset[str]:
    return frozenset(e.code for e in entities if e.code)


def _meet(one: frozenset[str], other: frozenset[str]) -> bool:
    """Two sides' codes agree: one side uncoded, or a code in common."""
    return not one or not other or bool(one & other)


def _reversed(a: Mention, b: Mention) -> bool:
    """Both sides coded, and each dyad the other's turned round (``IRQ -> IRN`` and
    ``IRN -> IRQ``): in the ``two_sided_families`` one battle as each side tells it,
    the attacker one side's attack and the other's counter-attack."""
    return UNKNOWN_CODE not in a.dyad and a.dyad == (b.dyad[1], b.dyad[0])


def _crossed(a: Mention, b: Mention) -> bool:
    """The one country both dyads code acts in one and is acted on in the other
    (``X -> ?`` and ``? -> X``): a ministry advising and Iraqis advised."""
    return (UNKNOWN_CODE not in (a.dyad[0], b.dyad[1]) and a.dyad[0] == b.dyad[1]
            and a.dyad[1] == UNKNOWN_CODE and b.dyad[0] == UNKNOWN_CODE) or (
        UNKNOWN_CODE not in (a.dyad[1], b.dyad[0]) and a.dyad[1] == b.dyad[0]
        and a.dyad[0] == UNKNOWN_CODE and b.dyad[1] == UNKNOWN_CODE)


def _agree(one: str, other: str) -> bool:
    return one == other or UNKNOWN_CODE in (one, other)


def interval(value: str | None) -> tuple[Date | None, Date | None]:
    """First and last day a date of any precision covers (None for no date)."""
    if not value:
        return None, None
    try:
        year = int(value[:4])
        if len(value) >= 10:
            day = Date.fromisoformat(value[:10])
            return day, day
        if len(value) >= 7:
            return _month_span(year, int(value[5:7]))
        return Date(year, 1, 1), Date(year, 12, 31)
    except ValueError:
        return None, None


def _month_span(year: int, month: int) -> tuple[Date, Date]:
    """First and last day of a calendar month."""
    after = Date(year + month // 12, month % 12 + 1, 1)
    return Date(year, month, 1), after - timedelta(days=1)


def search_window(value: str | None, rules: Rules | None = None,
                  days: int | None = None) -> tuple[str, str] | None:
    """Day strings that bound the dates an event may link with (None for no date);
    ``days`` widens the rules' day window (an unrealised act's ``window_days``)."""
    lo, hi = interval(value)
    if lo is None or hi is None:
        return None
    slack = timedelta(days=(rules or load_rules()).day_window if days is None else days)
    return (lo - slack).isoformat(), (hi + slack).isoformat()


def _words(text: str, rules: Rules) -> frozenset[str]:
    return frozenset(_stem(w, rules.suffixes) for w in _WORD.findall(text.lower())
                     if w not in rules.stopwords and (len(w) > 2 or w.isdigit()))


@lru_cache(maxsize=65536)
def _stem(word: str, suffixes: tuple[str, ...]) -> str:
    """The word without its longest inflection suffix ("shelled", "shells" -> "shell"),
    then with one spelling of the stem whatever the suffix left: a doubled final
    consonant single ("banned" -> "ban"), a final e dropped ("impose", "imposed" ->
    "impos") and a final y as i ("injury", "injuries" -> "injuri")."""
    for suffix in suffixes:
        if (word.endswith(suffix) and len(word) - len(suffix) >= 3
                and not (suffix == "s" and word.endswith("ss"))):  # "discuss" keeps its s
            word = word[:-len(suffix)]
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    if len(word) >= 4 and word[-1] == "e":
        word = word[:-1]
    if len(word) >= 4 and word[-1] == "y":
        word = word[:-1] + "i"
    return word


def mention(event: Event, rules: Rules | None = None) -> Mention:
    """The comparable features of one event."""
    rules = rules or load_rules()
    lo, hi = interval(event.date)
    tokens = _words(event.text, rules)
    told = told_days(event.text, hi, rules)
    names = frozenset((e.name or e.entity_text).lower()
                      for e in [*event.actor, *event.recipient] if e.name or e.entity_text)
    return Mention(
        event_id=event.id, doc_id=event.doc_id, event=event.event,
        family=family_of(event.event, rules), dyad=dyad(event, rules),
        sides=(_codes(event.actor), _codes(event.recipient)),
        codes=block_codes(event), date=event.date, lo=lo, hi=hi,
        modes=frozenset(event.mode) & rules.exclusive_modes, place=event.event_loc,
        named=named_places(event.text, rules) if event.event_loc is None else frozenset(),
        names=names, trigger=frozenset(_act(w, rules) for w in _words(event.event_text, rules)),
        tokens=tokens, acts=frozenset(_act(w, rules) for w in tokens),
        spots=_spots(event, names, rules),
        words=frozenset(w.lower() for w in _LETTERS.findall(event.text)
                        if not (w.isupper() and len(w) > 1)),
        told=told, named_days=told | _named_spans(event.text, hi, rules),
        spread=bool(rules.spread_modes & set(event.mode)),
        unrealised=unrealised(event, rules),
        standing=standing(event, rules),
        periods=told_periods(event.text, hi if lo == hi else None, rules),
        told_before=told_before(event, rules))


def told_before(event: Event, rules: Rules | None = None) -> bool:
    """The act is one the story refers back to: a definite event noun ("the US
    withdrawal", "his threat", "Turkey's offensive"), which the coder dates by the
    story's day, only the last day it may have happened (``told_before``). An
    adjective of past time does as a determiner does ("a recent Iranian missile
    attack", "an earlier Iranian attack"). A bare plural ("reacts to Iranian
    attacks") is generic, not told before."""
    rules = rules or load_rules()
    head = _WORD.findall(event.event_text.lower())[:1]
    if not head or (head[0] not in rules.event_nouns
                    and head[0].removesuffix("s") not in rules.event_nouns):
        return False
    return (_cue_before_trigger(event, rules.told_before_cues, rules.told_before_max)
            or _cue_before_trigger(event, rules.told_before_adjectives,
                                   rules.told_before_adjective_max))


def _act(word: str, rules: Rules) -> str:
    """The act class of a word stem: a derived noun as its verb, then its synonym set."""
    verb = rules.derivations.get(word, word)
    return rules.synonyms.get(verb, verb)


def unrealised(event: Event, rules: Rules | None = None) -> bool:
    """The act is feared, threatened, planned or conditional, not done: coded
    hypothetical or future, or its trigger follows a cue ("a potential Turkish
    incursion", "the threat of a Turkish attack", "if the Turks attack") within
    ``max_before`` words. Such an act has no day of its own: each report dates
    it by its publication day."""
    rules = rules or load_rules()
    if rules.unrealised_modes & set(event.mode):
        return True
    return _cue_before_trigger(event, rules.unrealised_cues, rules.unrealised_before)


def standing(event: Event, rules: Rules | None = None) -> bool:
    """The act is told as standing or habitual, not as one dated act: its trigger is a
    perfect progressive ("where both Iran and Iraq have been attacking shipping",
    ``standing``: an auxiliary within ``max_before`` words before a trigger with one of
    the ``suffixes``), a campaign told by an aspect verb ("after Iran started to attack
    Kuwaiti-connected vessels", ``standing.aspects``) or a generic class of acts
    (``generic``: "reacts to Iranian attacks"). Such a background never joins the day's
    battle, nor the day's battle it; it links only with other reports of a standing
    act, which, dated by each story, may lie up to ``unrealised.day_window`` days apart."""
    rules = rules or load_rules()
    return (_cue_before_trigger(event, rules.standing_auxiliaries, rules.standing_before,
                                rules.standing_suffixes)
            or _cue_before_trigger(event, rules.standing_aspects, rules.standing_before)
            or generic(event, rules))


def generic(event: Event, rules: Rules | None = None) -> bool:
    """The act is a generic class of acts, not one act: its trigger is a bare plural
    event noun ("as long as America simply reacts to Iranian attacks", "to protect
    them from Iranian missile attacks"), with no determiner, possessive, number or
    quantifier just before it (``told_before.determiners``, ``generic.quantifiers``),
    no past-tense verb a few words before it ("launched attacks", "carried out raids"
    are the day's acts) and no time of day or date named in the sentence past its
    dateline ("raids last night", "attacks on Monday", "in March"). It is a standing
    background (``standing``), never the day's act."""
    rules = rules or load_rules()
    head = _WORD.findall(event.event_text.lower())
    if len(head) != 1 or head[0] in rules.event_nouns or not any(
            head[0].endswith(ending) and head[0][:-len(ending)] in rules.event_nouns
            for ending in rules.generic_plurals):
        return False
    text = _DATELINE.sub("", event.text)
    words = _WORD.findall(text.lower())
    named_months = rules.months.intersection(w.lower() for w in _NAME.findall(text))
    if (rules.generic_times.intersection(words) or named_months
            or any(word in rules.weekdays for word in words)):
        return False
    at = next((at for at, word in enumerate(words) if word == head[0]), None)
    if at is None:
        return False
    before = words[max(0, at - rules.told_before_max):at]
    if (rules.told_before_cues.intersection(before) or rules.generic_quantifiers.intersection(
            before) or any(word.isdigit() for word in before)):
        return False
    return not any(word.endswith(rules.generic_past)
                   for word in words[max(0, at - rules.generic_verb_before):at])


def _cue_before_trigger(event: Event, cues: frozenset[str], before: int,
                        endings: tuple[str, ...] = ("",)) -> bool:
    """One of ``cues`` within ``before`` words before the trigger's first word in its
    sentence, that word ending in one of ``endings`` (any, by default)."""
    head = _WORD.findall(event.event_text.lower())[:1]
    if not head or not head[0].endswith(endings):
        return False
    words = _WORD.findall(event.text.lower())
    return any(words[at] == head[0] and cues.intersection(words[max(0, at - before):at])
               for at in range(len(words)))


def window_days(item: Mention, rules: Rules) -> int:
    """How many days from its date a mention may link: an unrealised or standing act's
    reports fall days apart, each dated by its story (``unrealised.day_window``), and so do
    the reports of a background act told by a past period (``told_periods``); a
    mention reaches the days its sentence names, and the day window around them
    (``named_days``), and at least the days a repeated sentence may lie apart
    (``repeated``)."""
    if item.periods:
        days = rules.told_window
    else:
        days = rules.unrealised_window if item.unrealised or item.standing else rules.day_window
    days = max(days, rules.repeated_window)
    if item.told_before:
        days = max(days, rules.told_before_reach)
    if item.lo is None or item.hi is None:
        return days
    reach = [max((item.lo - day).days, (day - item.hi).days) + rules.day_window
             for day in item.named_days]
    return max([days, *reach])


def told_periods(sentence: str, day: Date | None,
                 rules: Rules | None = None) -> frozenset[tuple[Date, Date]]:
    """The past periods a sentence dates something by ("last month", "in March",
    "last week's attack"), as first and last day, counted from ``day`` (the event's
    day date; none without one). A background act repeated in stories days apart is
    coded with each story's day; its told period is what the reports share."""
    if day is None:
        return frozenset()
    rules = rules or load_rules()
    words = _WORD.findall(sentence.lower())
    found: set[tuple[Date, Date]] = set()
    for at in range(len(words)):
        for phrase, (unit, first, last) in rules.told_phrases.items():
            if tuple(words[at:at + len(phrase)]) == phrase:
                found.add(_period(day, unit, first, last))
        month = rules.month_numbers.get(words[at + 1]) if at + 1 < len(words) else None
        if (month is not None and words[at] in rules.told_month_prepositions
                and not (at + 2 < len(words) and words[at + 2].isdigit())):
            found.add(_month_span(day.year if month <= day.month else day.year - 1, month))
    return frozenset(found)


def _period(day: Date, unit: str, first: int, last: int) -> tuple[Date, Date]:
    """Days ``first``..``last`` from ``day``, or the calendar month or year ``first``
    from its own."""
    if unit == "month":
        count = day.year * 12 + day.month - 1 + first
        return _month_span(count // 12, count % 12 + 1)
    if unit == "year":
        return Date(day.year + first, 1, 1), Date(day.year + first, 12, 31)
    return day + timedelta(days=first), day + timedelta(days=last)


def told_days(sentence: str, near: Date | None, rules: Rules | None = None) -> frozenset[Date]:
    """The days a sentence tells something happened on ("was on March 8"), in the
    year that puts them on or before ``near`` (the event's date), so a background
    clause dated in the sentence is told apart from the story's own day."""
    if near is None:
        return frozenset()
    rules = rules or load_rules()
    tokens = _TOKEN.findall(sentence)
    found: set[Date] = set()
    for at in range(len(tokens) - 2):
        month = rules.month_numbers.get(tokens[at + 1].lower())
        if tokens[at].lower() != "on" or month is None or not tokens[at + 2].isdigit():
            continue
        for year in (near.year, near.year - 1):
            try:
                day = Date(year, month, int(tokens[at + 2]))
            except ValueError:
                break
            if day <= near + timedelta(days=rules.day_window):
                found.add(day)
                break
    return frozenset(found)


def named_days(sentence: str, near: Date | None,
               rules: Rules | None = None) -> frozenset[Date]:
    """The days a sentence names: the days it tells something happened on
    (``told_days``, "on March 8"), each weekday it names ("since Friday", "Friday's
    missile attack") and a weekend ("Gorbachev's weekend proposal"), as the last such
    day on or before ``near`` (the event's date), and the day an act's age puts its
    start on ("a three-day-old strike", three days before ``near``).
    A report often dates its act by its story while naming the act's own day: "U.S.
    officials had been meeting on a response since Friday when an attack on a Kuwaiti
    port damaged a U.S.-flagged ship", coded with Monday's story, tells Friday's
    attack (``dates_compatible``)."""
    rules = rules or load_rules()
    return told_days(sentence, near, rules) | _named_spans(sentence, near, rules)


def _named_spans(sentence: str, near: Date | None, rules: Rules) -> frozenset[Date]:
    """The weekdays and weekends a sentence names, as the last such days on or before
    ``near``, and the start days its age phrases tell (``_age_start``)."""
    if near is None:
        return frozenset()
    words = _WORD.findall(sentence.lower())
    found: set[Date] = set()
    for at, word in enumerate(words):
        if word in rules.weekdays:
            found.add(_last_weekday(near, rules.weekdays.index(word)))
        elif word == rules.weekend and not (at and words[at - 1] in rules.ahead_words):
            saturday = _last_weekday(near, rules.weekdays.index("saturday"))
            found.update((saturday, saturday + timedelta(days=1)))
        elif word == rules.age_word and at:
            start = _age_start(words, at, near, rules)
            if start is not None:
                found.add(start)
    return frozenset(found)


def _last_weekday(near: Date, weekday: int) -> Date:
    """The last day of that weekday (Monday 0) on or before ``near``."""
    return near - timedelta(days=(near.weekday() - weekday) % 7)


def _age_start(words: list[str], old: int, near: Date, rules: Rules) -> Date | None:
    """The day an act began by its age ("three-day-old", "week-old", "ten days old"),
    the words before ``old`` (the age word): a count, or one, of a unit before ``near``."""
    unit = rules.age_units.get(words[old - 1])
    if unit is None:
        return None
    count_word = words[old - 2] if old >= 2 else ""
    count = (int(count_word) if count_word.isdigit() and len(count_word) <= 3
             else rules.age_numbers.get(count_word, 1))
    return near - timedelta(days=count * unit)


def _spots(event: Event, names: frozenset[str], rules: Rules) -> frozenset[str]:
    """The event's place names: its ``event_loc`` below country level and the
    ``place_phrases`` of its sentence."""
    found = set(place_phrases(event.text, rules, event.event_text))
    loc = event.event_loc
    if loc is not None and not (loc.feature_code or "").startswith(rules.country_feature_prefix):
        found.add(loc.name.lower())
    return frozenset(spot for spot in found if spot not in names)


def place_phrases(sentence: str, rules: Rules | None = None,
                  trigger: str = "") -> frozenset[str]:
    """Names of places a sentence puts something at, whether the gazetteer knows them
    or not: capitalised runs after a locative preposition ("in Iraqi Kurdistan",
    "near Fish Lake", "in the northern Gulf"), less their leading country words
    and demonyms, and none that names an actor ("in the Revolutionary Guards").
    With a ``trigger``, only phrases from the trigger on count: a locative that
    comes before the act frames who speaks or where ("Earlier today in
    Washington, networks reported that American forces launched a strike",
    "rumours in the London markets were that ..."), not where the act was.
    A lone initial ("a U.S.-flagged ship") is no place.

    Two reports of one dyad and day that each name such a place and share none
    are told of different fronts, ships or towns (``named_apart``).
    """
    rules = rules or load_rules()
    tokens = _TOKEN.findall(sentence)
    found: set[str] = set()
    at = max(1, _trigger_at(tokens, trigger))  # a sentence's first word is capitalised anyway
    while at < len(tokens):
        if tokens[at].lower() not in rules.place_prepositions:
            at += 1
            continue
        end = at + 1
        skipped = 0
        while (end < len(tokens) and skipped < rules.place_skip and tokens[end].islower()
               and tokens[end] not in rules.place_prepositions
               and tokens[end] not in rules.place_breaks):
            end += 1
            skipped += 1
        run: list[str] = []
        while end < len(tokens) and tokens[end][:1].isupper():
            run.append(tokens[end])
            end += 1
            if (end + 2 < len(tokens) and tokens[end].isalpha() and tokens[end].islower()
                    and tokens[end + 1] == "-" and tokens[end + 2][:1].isupper()):
                end += 2  # a particle joined to the next name: "Mohammed al-Qassem"
            if end + 1 < len(tokens) and tokens[end] in "'’" and tokens[end + 1] == "s":
                end += 2  # a possessor qualifies what follows: "Iran's Kharg"
                end = _skip_qualifiers(tokens, end, rules)  # "Iran's southwestern Ahvaz"
        while run and _leading_non_place(run[0], rules.not_places):
            run = run[1:]
        if len(run) == 1 and len(run[0]) == 1:
            run = []  # an initial ("a U.S.-flagged ship"), no place
        if run and (run[-1].lower() in rules.place_heads or (
                end < len(tokens) and tokens[end].lower() in rules.place_heads)):
            run = []  # names a war, an offensive, a medium or a government: no place
        if run and not _names_actor(" ".join(run)):
            found.add(" ".join(run).lower())
        at = max(end, at + 1)
    return frozenset(found)


def _skip_qualifiers(tokens: list[str], at: int, rules: Rules) -> int:
    """Where the place a possessor qualifies begins: past at most ``max_skip`` lowercase
    words ("Iran's southwestern Ahvaz field") when a capitalised word follows them,
    else ``at`` itself."""
    end = at
    while (end < len(tokens) and end - at < rules.place_skip and tokens[end].isalpha()
           and tokens[end].islower() and tokens[end] not in rules.place_prepositions
           and tokens[end] not in rules.place_breaks):
        end += 1
    return end if end < len(tokens) and tokens[end][:1].isupper() else at


def _trigger_at(tokens: list[str], trigger: str) -> int:
    """Where the trigger's first word stands among ``tokens`` (0 when absent)."""
    head = _WORD.findall(trigger.lower())[:1]
    return next((at for at, token in enumerate(tokens) if head and token.lower() == head[0]), 0)


@lru_cache(maxsize=65536)
def _leading_non_place(word: str, not_places: frozenset[str]) -> bool:
    """A word that qualifies a place name rather than naming it: a country or
    its demonym ("Iraqi"), a month, a weekday, a broad region, a dateline."""
    from eventwire.kb.actors import load_actor_kb
    from eventwire.kb.gazetteer import load_gazetteer

    return (word.lower() in not_places or (word.isupper() and len(word) > 1)
            or any(t.kind == "country" for t in load_actor_kb().lookup(word))
            or any(e.is_country for e in load_gazetteer().lookup(word)))


@lru_cache(maxsize=65536)
def _names_actor(name: str) -> bool:
    """A name the actor dictionary knows as a country, person, organisation or
    group (a capital named for its government, "Washington", is still a place)."""
    from eventwire.kb.actors import load_actor_kb

    return any(t.kind != "metonym" for t in load_actor_kb().lookup(name))


def named_apart(a: Mention, b: Mention) -> bool:
    """Each report names a place and no place of one is named in the other's
    sentence: "repulsed attacks in Iraqi Kurdistan" and "launched attacks near
    Basra" are two battles, however alike the rest."""
    if not (a.spots and b.spots) or a.spots & b.spots:
        return False
    return not (any(set(spot.split()) <= b.words for spot in a.spots)
                or any(set(spot.split()) <= a.words for spot in b.spots))


def named_places(sentence: str, rules: Rules | None = None) -> frozenset[int]:
    """Towns and regions a sentence names (its capitalised words and word pairs found
    in the gazetteer, the most populous place of each name), for events whose
    coder found no ``event_loc``: "shelled Kharkiv" and "shelled Odesa" differ.
    Month names are dates, not places ("on March 8" is not the town of March). A
    traveller's origin is not where the act was ("arrived from Helsinki" and went into
    talks in Moscow: ``named_places``), and a country's name is the country, not a
    town named after it ("raided south Lebanon" is not Lebanon, Tennessee)."""
    from eventwire.kb.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    rules = rules or load_rules()
    runs = [(m.group(), _origin(_words_before(sentence, m.start()), rules))
            for m in _NAME.finditer(sentence) if m.group().lower() not in rules.months]
    names = [*runs, *((f"{a} {b}", away or beyond)
                      for (a, away), (b, beyond) in zip(runs, runs[1:], strict=False))]
    found: set[int] = set()
    for name, elsewhere in names:
        entries = gazetteer.lookup(name)
        if elsewhere or any(e.is_country for e in entries):
            continue  # an origin; a country ("south Lebanon", not Lebanon, Tennessee)
        entries = [e for e in entries if not e.is_country]
        best = max(entries, key=lambda e: e.population, default=None)
        if best is not None and best.geonameid is not None:
            found.add(best.geonameid)
    return frozenset(found)


def _words_before(text: str, at: int) -> tuple[str, ...]:
    """The last words before position ``at``, lower case."""
    return tuple(_WORD.findall(text[max(0, at - 32):at].lower())[-3:])


def _origin(before: tuple[str, ...], rules: Rules) -> bool:
    """The words before a name tell where a traveller came from: an origin word
    right before it, a motion word at most two words before that ("arrived from
    Helsinki", "flew in from Helsinki"; not "flights from Dubai")."""
    return (bool(before) and before[-1] in rules.named_origins
            and bool(rules.named_motions.intersection(before[:-1])))


def dates_compatible(a: Mention, b: Mention, rules: Rules) -> bool:
    """Day dates within ``day_window`` days; coarser dates within their month or year.

    A sentence that tells its act on a day far from its coded date ("the last
    attack on shipping was on March 8", coded with the story's March 18) is
    of the day it tells: the other report's date must be near that day.
    ``a``, the report being linked, also meets ``b`` when ``b``'s date is within
    ``day_window`` days of a day ``a`` names (``named_days``): "since Friday when
    an attack on a Kuwaiti port damaged a U.S.-flagged ship", in Monday's story,
    and Friday's "missile strike on the tanker Sea Isle City". Only the report
    being linked reaches back so, which its search window covers (``window_days``).
    Two unrealised reports, or two standing ones, each dated by its story, meet up to
    ``unrealised.day_window`` days apart.
    """
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return a.lo is None and b.lo is None
    if _same_period(a, b, rules) or _repeated(a, b, rules):
        return True
    both_days = a.lo == a.hi and b.lo == b.hi
    undated = (a.unrealised and b.unrealised) or (a.standing and b.standing)
    days = rules.unrealised_window if undated else rules.day_window
    slack = timedelta(days=days if both_days else 0)
    if (a.lo <= b.hi + slack and b.lo <= a.hi + slack
            and _told_fits(a, b, rules) and _told_fits(b, a, rules)):
        return True
    near = timedelta(days=rules.day_window)
    return (any(b.lo - near <= day <= b.hi + near for day in a.named_days)
            or _refers_back(a, b, rules) or _refers_back(b, a, rules))


def _refers_back(later: Mention, earlier: Mention, rules: Rules) -> bool:
    """``later`` refers back to an act told before (``told_before``), ``earlier``
    names it by the same act (a trigger class in common: "the US withdrawal", "the
    withdrawal of 2,000 US troops"; a campaign's "offensive" is not one night's
    "repulsed") and is dated at most ``told_before.reach_back`` days before it. A
    reference that tells its act's own day ("the last Iraqi attack was on March 8") is
    of that day, not of any day before its story."""
    if not later.told_before or later.lo is None or earlier.hi is None:
        return False
    return (bool(later.trigger & earlier.trigger) and _told_fits(later, earlier, rules)
            and timedelta(0) <= later.lo - earlier.hi <= timedelta(days=rules.told_before_reach))


def _repeated(a: Mention, b: Mention, rules: Rules) -> bool:
    """One sentence repeated in stories at most ``repeated.day_window`` days apart (its
    words at least ``repeated.sentence`` shared): a background paragraph an update
    carries over, dated by each story ("Shipowners have offered a 100 per cent raise,
    which the seamen rejected", in the stories of 7 and 9 March)."""
    if a.lo is None or b.lo is None or a.doc_id == b.doc_id:
        return False
    return (abs((a.lo - b.lo).days) <= rules.repeated_window
            and jaccard(a.tokens, b.tokens) >= rules.repeated_sentence)


def _same_period(a: Mention, b: Mention, rules: Rules) -> bool:
    """Both tell a past period, the periods meet and the stories are at most
    ``told_periods.day_window`` days apart: one background act, whatever day each
    story gave it."""
    if not (a.periods and b.periods) or a.lo is None or b.lo is None:
        return False
    return (abs((a.lo - b.lo).days) <= rules.told_window
            and any(p[0] <= q[1] and q[0] <= p[1] for p in a.periods for q in b.periods))


def _told_fits(a: Mention, b: Mention, rules: Rules) -> bool:
    """False when ``a`` tells only days away from its own date and from ``b``'s."""
    if not a.told or a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return True
    slack = timedelta(days=rules.day_window)
    near = [day for day in a.told if a.lo - slack <= day <= a.hi + slack
            or b.lo - slack <= day <= b.hi + slack]
    return bool(near)


def place_relation(first: Mention, second: Mention, rules: Rules) -> str:
    """same_place, same_country, unknown, conflicting, towns_apart or named_apart.

    Two different towns of one country conflict; a country or a region
    (ADM feature) holding the other place is compatible at country level.
    Without an ``event_loc``, the towns the sentence names stand in for it; when
    neither event has one, towns named apart are ``towns_apart``, weaker evidence
    than a coded place, since a capitalised word or a person's name is often the
    name of some town ("No negotiated solution", "Lindsey Graham").
    In the ``named_place_families``, an unknown or country-level relation is
    ``named_apart`` when the two sentences name different places the gazetteer
    may lack (``named_apart``).
    """
    relation = _gazetteer_relation(first, second, rules)
    if (relation in ("unknown", "same_country", "towns_apart")
            and first.family in rules.named_place_families
            and named_apart(first, second)):
        return "named_apart"
    return relation


def _gazetteer_relation(first: Mention, second: Mention, rules: Rules) -> str:
    a, b = first.place, second.place
    if a is None or b is None:
        mine = {a.geonameid} if a is not None else set(first.named)
        theirs = {b.geonameid} if b is not None else set(second.named)
        mine.discard(None)
        theirs.discard(None)
        if not mine or not theirs:
            return "unknown"
        if mine & theirs:
            return "same_place"
        return "towns_apart" if a is None and b is None else "conflicting"
    if (a.geonameid is not None and a.geonameid == b.geonameid) or (
            a.name.lower() == b.name.lower() and a.country_code == b.country_code):
        return "same_place"
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return "conflicting"
    codes = (a.feature_code or "", b.feature_code or "")
    if any(code.startswith(rules.country_feature_prefix) for code in codes):
        return "same_country"
    if (any(code.startswith(rules.region_feature_prefix) for code in codes)
            and a.admin1 and a.admin1 == b.admin1):
        return "same_country"
    return "conflicting"


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared share of two sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def comparable(a: Mention, b: Mention, rules: Rules) -> str | None:
    """The dyad relation of two mentions that may report one event: same family,
    compatible dyads, dates in the window; None when they may not."""
    if a.family != b.family or not dates_compatible(a, b, rules):
        return None
    return dyad_relation(a, b)


def kept_apart(a: Mention, b: Mention, rules: Rules) -> str | None:
    """The first veto that keeps two mentions from reporting one event, by name: other
    families, dates out of the window, conflicting dyads (``comparable``), other auxiliary
    modes, or a standing act and a dated one; None when none does."""
    if comparable(a, b, rules) is None:
        if a.family != b.family:
            return "family"
        return "dates" if not dates_compatible(a, b, rules) else "dyad"
    if a.modes != b.modes:
        return "modes"
    if a.standing != b.standing:
        return "standing"
    return None


def trigger_agreement(a: Mention, b: Mention, rules: Rules) -> float:
    """How far two mentions name their act alike (``trigger_scores``).

    Shared trigger classes agree fully. A coder picks one word of a sentence
    as the trigger, often not the act's own ("a bomb blast ... killed one",
    "he discussed with Modi, whom he calls his friend"), so one report's
    trigger named anywhere in the other's sentence agrees in part; triggers
    that share nothing disagree.
    """
    scores = rules.trigger_scores
    if not (a.trigger and b.trigger):
        return scores["unknown"]
    if a.trigger & b.trigger:
        return scores["shared"]
    if a.trigger & b.acts or b.trigger & a.acts:
        return scores["in_sentence"]
    return scores["different"]


def score(a: Mention, b: Mention, rules: Rules | None = None) -> float | None:
    """How likely two mentions report one event, 0..1; None when they never may.

    Vetoes (``kept_apart``): different families, conflicting dyads or dates out of the
    window (see ``comparable``); different auxiliary modes (a negated, hypothetical,
    future or historical event joins only one of the same modes); a standing act and a
    dated one; two events
    of one document unless they are coreferent duplicates (same type,
    compatible dyads, places not in conflict, and one trigger class or half
    their sentence words in common: one sentence coded twice, as "killed" and
    "wounded", with the sides resolved differently).
    """
    rules = rules or load_rules()
    if kept_apart(a, b, rules) is not None:
        return None
    parties = dyad_relation(a, b)
    if parties == "compatible" and _reversed(a, b) and a.family in rules.two_sided_families:
        parties = "reversed"
    relation = place_relation(a, b, rules)
    trigger = trigger_agreement(a, b, rules)
    sentence = jaccard(a.tokens, b.tokens)
    if a.doc_id == b.doc_id and not _coreferent(a, b, relation, trigger, sentence, rules):
        return None
    names = jaccard(a.names, b.names) if a.names and b.names else 0.5
    parts = {
        "place": rules.place_scores[relation],
        "dyad": rules.dyad_scores[parties],
        "actors": names,
        "trigger": trigger,
        "sentence": sentence,
        "date": 1.0 if a.date == b.date else 0.0,
    }
    total = sum(rules.weights.values())
    return sum(rules.weights[name] * value for name, value in parts.items()) / total


def _coreferent(a: Mention, b: Mention, relation: str, trigger: float, sentence: float,
                rules: Rules) -> bool:
    """Two events of one document tell one act: same type, places not in conflict,
    and half their sentence words in common or one act named alike (a shared
    trigger class, the one country not acting in one and acted on in the other).
    A story tells one battle from both sides in other words ("crushed a new
    Iranian offensive near Basra", "Iran launched fresh attacks near Basra"):
    one's trigger named in the other's sentence is enough when both are placed
    at one known place, which tells this act from the story's other acts. So is it
    for a visit (``spread_modes``) and for talks (``spread_families``) with equal dyads
    on one day: a story of a summit tells one set of talks ("sat down for talks with
    Modi", "he discussed with Modi ...")."""
    if a.event != b.event or relation in ("conflicting", "towns_apart"):
        return False
    if sentence >= rules.same_document_sentence:
        return True
    if trigger >= rules.trigger_scores["shared"]:
        return not _crossed(a, b)
    return ((relation == "same_place" or (a.spread and b.spread and a.dyad == b.dyad)
             or (a.family in rules.spread_families and a.dyad == b.dyad
                 and not _other_days(a, b)))
            and bool(a.trigger & b.acts or b.trigger & a.acts) and not _crossed(a, b))


def told_apart(a: Mention, b: Mention, rules: Rules) -> bool:
    """Two events of one story are clearly different acts: other types, other
    dyads (the sides named otherwise, or one country acting in one and acted on
    in the other), other days, places in conflict, or triggers that share nothing.
    Only such a pair shuts a report out of the other's cluster; a pair of one story
    that is neither coreferent nor told apart ("a U.S. attack on an Iranian target",
    "its forces destroyed an Iranian oil platform") links through other reports,
    each on its own merits."""
    if a.event != b.event or a.dyad != b.dyad or _other_days(a, b):
        return True
    if place_relation(a, b, rules) in ("conflicting", "towns_apart", "named_apart"):
        return True
    return trigger_agreement(a, b, rules) <= rules.trigger_scores["different"]


def _other_days(a: Mention, b: Mention) -> bool:
    """Both dated to a day, and to different days: a story's "raided yesterday"
    and "launched raids today" are two raids."""
    return a.lo is not None and a.lo == a.hi and b.lo is not None and b.lo == b.hi and a.lo != b.lo


class Linker:
    """Clusters mentions one at a time against the clusters seen so far.

    Members are indexed by family, country code and month, so a mention is
    compared only with the members sharing a code whose dates can match.
    """

    def __init__(self, rules: Rules | None = None) -> None:
        self.rules = rules or load_rules()
        self._index: dict[tuple[str, str, str], list[tuple[Mention, str]]] = {}

    def add(self, item: Mention, cluster_id: str) -> None:
        """Record a member of an existing cluster."""
        for key in self._keys(item):
            self._index.setdefault(key, []).append((item, cluster_id))

    def link(self, item: Mention) -> str:
        """The cluster a new mention joins (or founds); it becomes a member."""
        best: dict[str, float] = {}
        vetoed: set[str] = set()
        seen: set[str] = set()
        for key in self._keys(item):
            for member, cluster in self._index.get(key, ()):
                if member.event_id in seen:
                    continue
                seen.add(member.event_id)
                value = score(item, member, self.rules)
                if value is None:
                    if comparable(item, member, self.rules) is not None and (
                            item.doc_id != member.doc_id
                            or told_apart(item, member, self.rules)):
                        vetoed.add(cluster)
                    continue
                best[cluster] = max(value, best.get(cluster, value))
        ranked = sorted(((-value, cluster) for cluster, value in best.items()
                         if cluster not in vetoed and value >= self.rules.threshold))
        chosen = ranked[0][1] if ranked else cluster_id_for(item.event_id)
        self.add(item, chosen)
        return chosen

    def _keys(self, item: Mention) -> list[tuple[str, str, str]]:
        """Index keys: family and each code with each month the mention's window touches."""
        if item.lo is None or item.hi is None:
            return [(item.family, code, "") for code in sorted(item.codes)]
        slack = timedelta(days=window_days(item, self.rules))
        months: list[str] = []
        day = Date((item.lo - slack).year, (item.lo - slack).month, 1)
        end = item.hi + slack
        while day <= end:
            months.append(f"{day.year:04d}-{day.month:02d}")
            day = Date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return [(item.family, code, month) for code in sorted(item.codes) for month in months]


def ordered(events: Iterable[Event], docs: Mapping[str, DocInfo]) -> list[Event]:
    """Events in linking order: documents in ``docs`` order (ingest order), the
    others after them by id, and each document's events by id."""
    position = {doc_id: n for n, doc_id in enumerate(docs)}
    return sorted(events, key=lambda e: (position.get(e.doc_id, len(position)), e.doc_id, e.id))


def link_events(events: Sequence[Event], docs: Mapping[str, DocInfo],
                rules: Rules | None = None) -> dict[str, str]:
    """Event id -> cluster id for a batch of events (deterministic); ``rules`` other
    than the packaged ones only to measure them (``bench/linking.py --thresholds``)."""
    linker = Linker(rules)
    return {event.id: linker.link(mention(event, linker.rules))
            for event in ordered(events, docs)}
