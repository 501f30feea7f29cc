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

An event of a type listed as ``target_event`` in the cues whose roles name no
coded recipient is directed at the state where it happens: "students
demonstrated in Kirkuk" protest to Iraq, "tanks fired at targets in Jericho"
assault Palestine. The place becomes a mention of kind ``place`` coded with its
country, unless an actor mention already covers the name.

The place also stands in for who acts when the text names no one the actor
stage could code ("President Bouteflicka threatened to impose a curfew in
Algiers", "a roadside bomb near Samarra killed a soldier"); and an act at
home that names no recipient is aimed at the actor's own state (``home``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from eventwire.drafts import new_mention
from eventwire.extensions import register
from eventwire.kb.gazetteer import Gazetteer, PlaceEntry, load_gazetteer
from eventwire.kb.tables import read_tsv

# Relations through which an event without a place of its own takes its governor's.
# Reported speech (ccomp) and relative clauses are other settings: not climbed.
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "pobj", "prep", "dobj", "attr",
                        "nsubj", "nsubjpass", "dative", "agent"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NAME_POS = frozenset({"PROPN"})
NAME_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Dependents of a place name that qualify it: "Gyeongju, South Korea".
QUALIFIER_DEPS = frozenset({"appos", "npadvmod", "conj"})
# A state's place standing in for it as recipient: less sure than a named actor.
PLACE_RECIPIENT_CONFIDENCE = 0.4
# A country mention written as its people ("Algerians", "Bolivian miners"), not as the state.
PEOPLE_TAGS = frozenset({"NNPS", "NNS", "JJ"})
# Uncoded mentions that the event's place may code: people and bodies the actor stage
# found without a nationality, and names it did not know.
PLACEABLE_KINDS = frozenset({"person", "agent", "unresolved"})


@dataclass(frozen=True)
class Candidate:
    """A place name found in an event's clause, with its gazetteer readings."""

    entries: tuple[PlaceEntry, ...]
    hops: int
    qualifier: str | None  # ISO3 of a country written next to it
    span: tuple[int, int] = (0, 0)  # tokens of the name as read


@lru_cache(maxsize=1)
def load_cues() -> dict[str, set[str]]:
    """kind -> words, from ``data/places/cues.tsv``."""
    cues: dict[str, set[str]] = {}
    for row in read_tsv("places", "cues.tsv"):
        cues.setdefault(row["kind"], set()).add(row["word"])
    return cues


@Language.factory(
    "eventwire_places",
    requires=["doc._.ew_events", "doc._.ew_mentions", "token.dep"],
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
        self.skip_kinds = frozenset(cues.get("skip_kind", ()))
        self.target_events = frozenset(cues.get("target_event", ()))
        self.placed_actor_events = frozenset(cues.get("actor_event", ()))
        self.home_events = frozenset(cues.get("home_event", ()))
        sectors = read_tsv("events", "domestic_sectors.tsv")
        self.home_sectors = frozenset(r["sector"] for r in sectors if r["home"] == "yes")

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.set_places(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def set_places(self, doc: Doc) -> None:
        """Write ``event_loc`` on every event: a Place dict, or None."""
        mentions = doc._.ew_mentions or []
        kind_at: dict[int, str] = {}
        for mention in mentions:
            for i in range(mention["start"], mention["end"]):
                kind_at[i] = mention.get("kind") or ""
        story = _story_countries(mentions)
        for event in doc._.ew_events or []:
            trigger = doc[event["trigger"][0]]
            travel = "visit" in event["mode"]
            found = self.place_of(trigger, travel, kind_at)
            chosen = self.choose(found, story) if found else None
            event["event_loc"] = chosen[1].to_place() if chosen else None
            if chosen and not travel and event["event"] in self.placed_actor_events:
                self.place_actor(doc, event, *chosen)
            act = event.get("act", event["event"])  # "will evacuate": a promised RETREAT
            if chosen and act in self.target_events and not any(
                    mentions[r]["code"] for r in event["recipient"]):
                event["recipient"].append(self.place_mention(doc, *chosen))
            if event["event"] in self.home_events and not any(
                    mentions[r]["code"] for r in event["recipient"]):
                self.home_recipient(doc, event)

    def place_actor(self, doc: Doc, event: dict[str, Any], candidate: Candidate,
                    entry: PlaceEntry) -> None:
        """Code an event's uncoded actors with the country where it happens.

        Someone the knowledge base does not know acting at a place ("President
        Bouteflicka threatened to impose a curfew in Algiers") most likely
        belongs to that state; an event with no actor at all ("a roadside bomb
        near Samarra killed a soldier", "was put under investigation in Italy")
        is that state's, at the place's low confidence.
        """
        mentions = doc._.ew_mentions
        actors = [mentions[a] for a in event["actor"]]
        if not actors:
            event["actor"].append(self.place_mention(doc, candidate, entry))
            event["recipient"] = [r for r in event["recipient"] if r not in event["actor"]]
            return
        if any(m["code"] or m["kind"] not in PLACEABLE_KINDS for m in actors):
            return
        country = self.gazetteer.country(entry.country_code)
        for m in actors:
            m.update(code=entry.country_code, name=m["name"] or (country.name if country else None),
                     confidence=PLACE_RECIPIENT_CONFIDENCE)

    def home_recipient(self, doc: Doc, event: dict[str, Any]) -> None:
        """Aim an act at home that names no recipient at the actor's own state.

        "Algerian landowners began a hunger strike", "rebels in Chad refused to
        disarm": people, parties and rebels of one country who protest, refuse or
        threaten without naming whom act on their own state. A bare country
        ("Israel will evacuate settlements") or a state body is not read so.
        """
        mentions = doc._.ew_mentions
        actors = [mentions[a] for a in event["actor"]]
        codes = {m["code"] for m in actors}
        if len(codes) != 1 or not all(self._at_home(doc, m) for m in actors):
            return
        code = codes.pop()
        country = self.gazetteer.country(code) if code else None
        if country is None:
            return
        first = actors[0]
        event["recipient"].append(_add_country_mention(
            mentions, (first["start"], first["start"]), (first["start_char"], first["end_char"]),
            first["text"], code, country.name, "home"))

    def _at_home(self, doc: Doc, mention: dict[str, Any]) -> bool:
        """A person or body of a home sector, or a people ("Young *Algerians*", "*Bolivian*
        miners")."""
        if mention["kind"] == "country":
            return doc[mention["end"] - 1].tag_ in PEOPLE_TAGS
        return mention["kind"] in ("person", "agent") and mention["sector"] in self.home_sectors

    def place_mention(self, doc: Doc, candidate: Candidate, entry: PlaceEntry) -> int:
        """Index of a mention coded with the place's country, added when none covers it."""
        mentions = doc._.ew_mentions
        start, end = candidate.span
        for i, mention in enumerate(mentions):
            if mention["start"] <= start and end <= mention["end"] and (
                    mention["code"] == entry.country_code):
                return i
        span = doc[start:end]
        country = self.gazetteer.country(entry.country_code)
        return _add_country_mention(mentions, (start, end), (span.start_char, span.end_char),
                                    span.text, entry.country_code,
                                    country.name if country else None, "place")

    def place_of(self, trigger: Token, travel: bool,
                 kind_at: dict[int, str]) -> list[Candidate]:
        """Place names of the trigger's clause, of the act it threatens or promises
        ("threatened to impose a curfew *in Algiers*"), or of the clauses it belongs to."""
        token = trigger
        for _ in range(self.max_climb + 1):
            found = self.candidates(token, travel, kind_at)
            if not found and token is trigger:
                for act in (c for c in trigger.children if c.dep_ == "xcomp"):
                    found = found or self.candidates(act, travel, kind_at)
            if found:
                return found
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
                break
            if token.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in token.children):
                break  # a conjoined clause with its own subject is its own setting
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
        found.append(Candidate(tuple(entries), hops, qualifier, (start, obj.i + 1)))

    def read_name(self, token: Token, kind_at: dict[int, str]) -> list[PlaceEntry]:
        """Gazetteer readings of the proper name headed by ``token``, longest first."""
        return self._name(token, kind_at)[0]

    def _name(self, token: Token, kind_at: dict[int, str]) -> tuple[list[PlaceEntry], int]:
        """``read_name``'s readings and the first token of the name they read."""
        if token.pos_ not in NAME_POS and token.ent_type_ not in NAME_ENTS:
            return [], token.i
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
        return [], token.i

    def choose(self, found: list[Candidate],
               story: dict[str, float]) -> tuple[Candidate, PlaceEntry] | None:
        """The most precise place, each name read in the light of the named countries."""
        named = {c.qualifier for c in found if c.qualifier}
        named |= {e.country_code for c in found for e in c.entries[:1] if e.is_country}
        best: tuple[tuple, Candidate, PlaceEntry] | None = None
        for candidate in found:
            entry = max(candidate.entries, key=lambda e: _score(e, candidate, named, story))
            rank = (not entry.is_country, -candidate.hops,
                    _score(entry, candidate, named, story))
            if best is None or rank > best[0]:
                best = (rank, candidate, entry)
        return best[1:] if best else None


def _add_country_mention(mentions: list[dict[str, Any]], tokens: tuple[int, int],
                         chars: tuple[int, int], text: str, code: str, name: str | None,
                         kind: str) -> int:
    """Append a mention coded with a country the places stage inferred; its index."""
    mentions.append(new_mention(tokens, chars, text, kind=kind,
                                confidence=PLACE_RECIPIENT_CONFIDENCE, name=name, code=code))
    return len(mentions) - 1


def _score(entry: PlaceEntry, candidate: Candidate, named: set[str],
           story: dict[str, float]) -> float:
    """How well a reading fits: the country next to it, the story's countries, size."""
    score = 4.0 if entry.country_code == candidate.qualifier else 0.0
    score += 2.0 if entry.country_code in named else 0.0
    score += 2.0 * story.get(entry.country_code, 0.0)
    score += 0.5 if entry.feature_code == "PPLC" else 0.0
    return score + math.log10(entry.population + 1) / 10


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
