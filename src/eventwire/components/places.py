"""Stage "eventwire_places": where each event happened.

Reads ``doc._.ew_events`` and ``doc._.ew_mentions``; sets ``event["event_loc"]``
to a Place dict (``name, country_code, admin1, lat, lon, geonameid,
feature_code``) from the offline gazetteer (``kb.gazetteer``), or None.

A place must be named in a locative phrase of the event's own clause ("met *in
Nara*", "on the sidelines of the summit *in Gyeongju, South Korea*"), or be the
destination of a travel event ("visit *to Japan*"). A bare name elsewhere is
not a place: "Washington said" is an actor. Among several readings of a name
the stage prefers the countries that the phrase names (", South Korea"; "in
western Japan") and then those of the story's actors; among several places it
keeps the most precise (a city over its country).

The tokens of the chosen name go to ``event["loc_span"]`` for the attribution
stage, which decides whether the place also stands for an actor or recipient.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from eventwire.extensions import register
from eventwire.kb.gazetteer import Gazetteer, PlaceEntry, key, load_gazetteer
from eventwire.kb.tables import read_tsv
from eventwire.participants import PLACE_ENTITIES, absolute_participle

# Relations through which an event without a place of its own takes its governor's.
# Reported speech (ccomp) and relative clauses are other settings: not climbed.
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "pobj", "prep", "dobj", "attr",
                        "nsubj", "nsubjpass", "dative", "agent"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NAME_POS = frozenset({"PROPN"})
# Entity labels of times, whose capitalised words name no place ("in *March* 1975").
TIME_ENTS = frozenset({"DATE", "TIME"})
# Dependents of a place name that qualify it: "Gyeongju, South Korea".
QUALIFIER_DEPS = frozenset({"appos", "npadvmod", "conj"})
# Score of a capital, and of a place named by its own name rather than an alternate one (in
# units of log10 population / 10: the own name outweighs a place about 50 times larger).
CAPITAL_BONUS = 0.5
OWN_NAME_BONUS = 0.17
# Score of a reading in a country one of the sentence's actors belongs to (the clause's own
# countries weigh 2, the story's up to 2 by their share of its actors).
SENTENCE_COUNTRY_BONUS = 1.5


@dataclass(frozen=True)
class Candidate:
    """A place name found in an event's clause, with its gazetteer readings."""

    entries: tuple[PlaceEntry, ...]
    hops: int
    qualifier: str | None  # ISO3 of a country written next to it
    span: tuple[int, int] = (0, 0)  # tokens of the name as read
    name: str = ""  # the name as written


@lru_cache(maxsize=1)
def load_cues() -> dict[str, set[str]]:
    """kind -> words, from ``data/places/cues.tsv``."""
    cues: dict[str, set[str]] = {}
    for row in read_tsv("places", "cues.tsv"):
        cues.setdefault(row["kind"], set()).add(row["word"])
    return cues


@Language.factory(
    "eventwire_places",
    requires=["doc._.ew_events", "doc._.ew_mentions", "token.dep", "token.lemma",
              "token.ent_type"],
    assigns=["doc._.ew_events"],
    default_config={"max_hops": 4, "max_climb": 3},
)
def make_places(nlp: Language, name: str, max_hops: int, max_climb: int) -> EventPlaces:
    return EventPlaces(name, max_hops=max_hops, max_climb=max_climb)


class EventPlaces(Pipe):
    """Locates every event of a Doc through the gazetteer."""

    def __init__(self, name: str, max_hops: int = 4, max_climb: int = 3,
                 gazetteer: Gazetteer | None = None) -> None:
        register()
        self.name = name
        self.max_hops = max_hops
        self.max_climb = max_climb
        self.gazetteer = gazetteer or load_gazetteer()
        cues = load_cues()
        self.prep_roles = {w: kind for kind in ("locative", "carrier", "within", "destination")
                           for w in cues.get(kind, ())}
        self.travel = frozenset(cues.get("travel", ()))
        self.target_types = frozenset(cues.get("target_type", ()))
        self.target_preps = frozenset(cues.get("target", ()))
        self.object_preps = frozenset(cues.get("object_part", ()))
        self.skip_kinds = frozenset(cues.get("skip_kind", ()))
        self.qualifiers = frozenset(cues.get("qualifier", ()))

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.set_places(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def set_places(self, doc: Doc) -> None:
        """Write ``event_loc`` (a Place dict, or None) and ``loc_span`` on every event."""
        mentions = doc._.ew_mentions or []
        kind_at: dict[int, str] = {}
        for mention in mentions:
            for i in range(mention["start"], mention["end"]):
                kind_at[i] = mention.get("kind") or ""
        story = _story_countries(mentions)
        sentence_codes = _sentence_countries(doc, mentions)
        for event in doc._.ew_events or []:
            trigger = doc[event["trigger"][0]]
            travel = "visit" in event["mode"]
            targeted = event.get("act", event["event"]) in self.target_types
            found = self.place_of(trigger, travel, kind_at, targeted)
            sentence = sentence_codes.get(trigger.sent.start, frozenset())
            chosen = self.choose(found, story, sentence) if found else None
            event["event_loc"] = chosen[1].to_place() if chosen else None
            event["loc_span"] = list(chosen[0].span) if chosen else None

    def place_of(self, trigger: Token, travel: bool, kind_at: dict[int, str],
                 targeted: bool = False) -> list[Candidate]:
        """Place names of the trigger's clause, of the act it threatens or promises
        ("threatened to impose a curfew *in Algiers*"), or of the clauses it belongs to.
        ``targeted``: an act done to a place, whose object may be that place ("bombed
        Idlib")."""
        token = trigger
        for _ in range(self.max_climb + 1):
            found = self.candidates(token, travel, kind_at)
            if not found and token is trigger and targeted:
                found = self.targets(trigger, kind_at)
            if not found and token is trigger:
                for act in (c for c in trigger.children if c.dep_ == "xcomp"):
                    found = found or self.candidates(act, travel, kind_at)
            if found:
                return found
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
                break
            if token.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in token.children):
                break  # a conjoined clause with its own subject is its own setting
            if absolute_participle(token):
                break  # "with Isis crushed, they will meet in Sochi": a state, set elsewhere
            token = token.head
        return []

    def candidates(self, head: Token, travel: bool,
                   kind_at: dict[int, str]) -> list[Candidate]:
        """Place names in the locative phrases hanging on ``head``."""
        travel = travel or head.lemma_.lower() in self.travel
        found: list[Candidate] = []
        if travel:
            for obj in (c for c in head.children if c.dep_ == "dobj"):
                self._add(found, obj, 0, kind_at)
        self._walk(head, 0, "", travel, kind_at, found, first=True)
        if not found:
            # "Police in Lima detained ...": the actors' place is the event's.
            for subj in (c for c in head.children if c.dep_ in SUBJECT_DEPS):
                self._walk(subj, 1, "", False, kind_at, found)
        return found

    def targets(self, trigger: Token, kind_at: dict[int, str]) -> list[Candidate]:
        """Place names an act is done to: the verb's direct object ("bombed Idlib") or the
        object of a target preposition on the verb or noun ("airstrikes on Douma")."""
        found: list[Candidate] = []
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        for child in trigger.children:
            if child.dep_ in ("dobj", "obj"):
                self._add(found, child, 0, kind_at)
            elif child.dep_ == "prep" and child.lower_ in self.target_preps:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    self._add(found, obj, 0, kind_at)
        # "shelled the outskirts *of Douma*", "took control *of Raqqa*" (which the parser
        # may hang on the verb): the place the object is part of
        for holder in (*objects, *(trigger for _ in objects[:1])):
            for prep in (c for c in holder.children if c.dep_ == "prep" and
                         c.lower_ in self.object_preps):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    self._add(found, obj, 1, kind_at)
        return found

    def _walk(self, head: Token, hops: int, state: str, travel: bool,
              kind_at: dict[int, str], found: list[Candidate], first: bool = False) -> None:
        for child in head.children:
            if first and child.dep_ == "dobj":
                # A phrase the parser hung on the object: "visited Xi in Beijing".
                self._walk(child, hops + 1, state, False, kind_at, found)
            if child.dep_ != "prep" or hops >= self.max_hops:
                continue
            role = self.prep_roles.get(child.lower_)
            places = role == "locative" or (role == "destination" and travel and first) or (
                role == "within" and state in ("locative", "carrier"))
            if role is None or (role == "destination" and not places):
                continue
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if places:
                    self._add(found, obj, hops, kind_at)
                self._walk(obj, hops + 1, state if role == "within" else role, False,
                           kind_at, found)

    def _add(self, found: list[Candidate], obj: Token, hops: int,
             kind_at: dict[int, str]) -> None:
        entries, start = self._name(obj, kind_at)
        if not entries:
            return
        qualifier = None
        for child in obj.children:
            if child.dep_ in QUALIFIER_DEPS:
                country = next((e for e in self.read_name(child, kind_at) if e.is_country), None)
                qualifier = country.country_code if country else qualifier
        found.append(Candidate(tuple(entries), hops, qualifier, (start, obj.i + 1),
                               obj.doc[start:obj.i + 1].text))

    def read_name(self, token: Token, kind_at: dict[int, str]) -> list[PlaceEntry]:
        """Gazetteer readings of the proper name headed by ``token``, longest first."""
        return self._name(token, kind_at)[0]

    def _name(self, token: Token, kind_at: dict[int, str]) -> tuple[list[PlaceEntry], int]:
        """``read_name``'s readings and the first token of the name they read."""
        if token.pos_ not in NAME_POS and token.ent_type_ not in PLACE_ENTITIES or \
                token.ent_type_ in TIME_ENTS:
            return [], token.i  # "in March 1975" is a month, not the town of March
        if kind_at.get(token.i) in self.skip_kinds:
            return [], token.i
        start = token.i
        while start > 0 and token.doc[start - 1].dep_ == "compound" and (
                token.doc[start - 1].head.i in range(start, token.i + 1)):
            start -= 1
        doc = token.doc
        for left in range(start, token.i + 1):
            entries = self.gazetteer.lookup(doc[left:token.i + 1].text)
            if entries:
                return entries, left
            # a name word left out makes another place ("Tal Afar" is not "Afar"); a
            # qualifier, a people or a common word may be ("North", "Kurdish", "modern-day")
            word = doc[left]
            if word.pos_ == "PROPN" and word.ent_type_ != "NORP" and \
                    word.lower_ not in self.qualifiers:
                break
        return [], token.i

    def choose(self, found: list[Candidate],
               story: dict[str, float], sentence: Set[str] = frozenset()
               ) -> tuple[Candidate, PlaceEntry] | None:
        """The most precise place, each name read in the light of the named countries:
        those of the clause, of the sentence's actors (``sentence``) and of the story."""
        named = {c.qualifier for c in found if c.qualifier}
        named |= {e.country_code for c in found for e in c.entries[:1] if e.is_country}
        best: tuple[tuple, Candidate, PlaceEntry] | None = None
        for candidate in found:
            entry = max(candidate.entries,
                        key=lambda e: _score(e, candidate, named, story, sentence))
            rank = (not entry.is_country, -candidate.hops,
                    _score(entry, candidate, named, story, sentence))
            if best is None or rank > best[0]:
                best = (rank, candidate, entry)
        return best[1:] if best else None


def _score(entry: PlaceEntry, candidate: Candidate, named: set[str],
           story: dict[str, float], sentence: Set[str] = frozenset()) -> float:
    """How well a reading fits: the country next to it, the countries of the sentence's
    actors ("the UK surveillance agency ... the attack in Salisbury") and of the story, size, and
    whether the name is the place's own rather than one of its former or foreign names (a
    capital only by its own: "Salisbury" is the English city before Harare's old name)."""
    score = 4.0 if entry.country_code == candidate.qualifier else 0.0
    score += 2.0 if entry.country_code in named else 0.0
    score += SENTENCE_COUNTRY_BONUS if entry.country_code in sentence else 0.0
    score += 2.0 * story.get(entry.country_code, 0.0)
    own_name = entry.is_country or _own_name(key(entry.name), key(candidate.name))
    score += CAPITAL_BONUS if own_name and entry.feature_code == "PPLC" else 0.0
    score += OWN_NAME_BONUS if own_name else 0.0
    return score + math.log10(entry.population + 1) / 10


def _sentence_countries(doc: Doc, mentions: list[dict[str, Any]]) -> dict[int, frozenset[str]]:
    """The country codes of each sentence's actor mentions, by the sentence's first token."""
    found: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.get("code"):
            found.setdefault(doc[mention["start"]].sent.start, set()).add(mention["code"])
    return {start: frozenset(codes) for start, codes in found.items()}


def _story_countries(mentions: list[dict[str, Any]]) -> dict[str, float]:
    """Share of the story's actor mentions that belong to each country (ISO3)."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        for member in mention.get("members") or [mention]:
            code = member.get("code") or ""
            if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper():
                counts[code[:3]] += 1
    total = sum(counts.values())
    return {code: n / total for code, n in counts.items()} if total else {}


def _own_name(own: str, written: str) -> bool:
    """The name written is the place's own, or its own without a designation the gazetteer
    adds ("Nara" for "Nara-shi", "Kuwait" for "Kuwait City")."""
    return own == written or own.startswith(written) and own[len(written)] in " -"
