"""Stage ``eventwire_actors``: find actor mentions and resolve them against the actor KB.

Every alias of the knowledge base (countries, capitals used as metonyms,
organisations, agent nouns, people) is found by its text (``AliasMatcher``).
Adjacent matches are then read as one compound ("South Korean President",
"Chinese leader Xi Jinping", "Iraqi Kurdish rebels") and titles resolve to
the office holder on the story date (``doc._.ew_date``). NER is only a hint
for people the KB does not know.

Writes ``doc._.ew_mentions`` (plain dicts, see ``eventwire.extensions``) and
``doc.spans[spans_key]``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventwire.components.actor_companies import mark_companies, mark_firm_officers
from eventwire.components.actor_people import mark_counted_people
from eventwire.components.actor_places import hyphen_prefix, hyphen_word, place_agents
from eventwire.components.actor_resolver import (
    OWNER_KINDS,
    POSSESSIVE,
    Atom,
    Chain,
    Resolver,
    modifier,
)
from eventwire.components.alias_matcher import AliasMatcher
from eventwire.doc_index import DocIndex
from eventwire.kb.actors import ActorKB, AliasTarget, load_actor_kb
from eventwire.kb.resources import read_csv
from eventwire.kb.user_actors import actor_kb
from eventwire.participants import settlement_nouns
from eventwire.wire_marks import wire_mark_tokens

CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)
NAME_ENTS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PERSON"})
NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "NORP"})
# Lower-case words and hyphens inside a name: "Hamad bin Khalifa al-Thani", "Omar al-Bashir".
NAME_LINKS = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "van", "von",
                        "der", "la", "le", "-", "‐"})
MAX_NAME_TOKENS = 6
# Dependencies of a noun phrase that acts: an agent adjective on it names the actor.
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "appos", "ROOT", "conj"})


@Language.factory(
    "eventwire_actors",
    requires=["token.tag", "token.dep", "token.ent_type"],
    assigns=["doc._.ew_mentions", "doc.spans"],
    default_config={"spans_key": "ew_actors", "use_ner": True, "actors": []},
)
def make_actor_finder(nlp: Language, name: str, spans_key: str, use_ner: bool,
                      actors: list[str]) -> ActorFinder:
    """Build the actor stage from the packaged knowledge base and the user's dictionaries
    (``actors``: paths, see ``kb.user_actors``)."""
    return ActorFinder(nlp, name, spans_key=spans_key, use_ner=use_ner, kb=actor_kb(actors))


class ActorFinder(Pipe):
    """KB-driven actor mention finder and resolver.

    nlp (Language): the pipeline (kept for spaCy's factory signature).
    kb (ActorKB | None): a knowledge base; None loads the packaged one.
    """

    def __init__(self, nlp: Language, name: str = "eventwire_actors", *,
                 spans_key: str = "ew_actors", use_ner: bool = True,
                 kb: ActorKB | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.use_ner = use_ner
        self.kb = kb or load_actor_kb()
        self.matcher = AliasMatcher(self.kb.aliases())
        cues = read_csv("actors", "cues.csv")
        self.cues = {role: frozenset(r["word"] for r in cues if r["role"] == role)
                     for role in {r["role"] for r in cues}}
        self.past_cues = self.cues["past"]
        self.place_cues = self.cues["place"]

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.ew_wire_marks = sorted(
                wire_mark_tokens(doc, self.cues["dateline"], self.cues["credit"]))
            self.set_annotations(doc, self.find(doc))
        except Exception as err:  # noqa: BLE001 - the pipeline's handler decides
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def set_annotations(self, doc: Doc, mentions: list[dict[str, Any]]) -> None:
        doc._.ew_mentions = mentions
        doc.spans[self.spans_key] = [
            Span(doc, m["start"], m["end"], label=m["kind"], kb_id=m["name"] or m["code"] or "")
            for m in mentions]

    # --- matching -------------------------------------------------------------

    def find(self, doc: Doc) -> list[dict[str, Any]]:
        """All actor mentions of a Doc, sorted by start, never overlapping; none in a
        dateline or photo credit (``eventwire.wire_marks``)."""
        marks = set(doc._.ew_wire_marks or ())
        atoms = [a for a in self._atoms(doc) if a.start not in marks]
        resolver = Resolver(self, doc)
        mentions = [resolver.resolve(chain) for chain in self._chains(doc, atoms)]
        if self.use_ner and doc.has_annotation("ENT_IOB"):
            mentions += [m for m in resolver.unknown_people(mentions)
                         if m["start"] not in marks]
        mentions.sort(key=lambda m: m["start"])
        mark_companies(doc, mentions, self.cues)
        if doc.has_annotation("DEP"):
            mark_firm_officers(doc, mentions, self.cues)
            mark_counted_people(doc, mentions)
            place_agents(doc, mentions, self.kb, self.cues)
        for m in mentions:
            m.pop("community", None)
        return mentions

    def _atoms(self, doc: Doc) -> list[Atom]:
        found: dict[tuple[int, int], tuple[AliasTarget, ...]] = {}
        index = DocIndex(doc)
        for start, end in self.matcher(doc):
            targets = tuple(t for t in self.kb.lookup(doc[start:end].text)
                            if self._fits(doc, start, end, t, index))
            if targets:
                found[(start, end)] = targets
        spans = filter_spans([doc[s:e] for s, e in found])
        atoms = [Atom(s.start, s.end, found[(s.start, s.end)]) for s in spans]
        covered = {i for a in atoms for i in range(a.start, a.end)}
        agent_ends = {a.end for a in atoms if a.kind == "agent"}
        atoms += [a for t in doc if t.i not in covered and (a := self._fused(t, agent_ends))]
        covered.update(a.start for a in atoms)
        atoms += [a for t in doc if t.i not in covered and (a := self._misspelt(t))]
        atoms += [Atom(t.i, t.i + 1, (AliasTarget(t.text, "title", t.lower_),)) for t in doc
                  if t.i not in covered and t.lower_ in self.cues["honorific"] and t.is_title]
        return sorted(atoms, key=lambda a: a.start)

    def _fits(self, doc: Doc, start: int, end: int, target: AliasTarget,
              index: DocIndex) -> bool:
        """Case and context rules that keep "us", "who" and "Michael Jordan" out."""
        text = doc[start:end].text
        if target.kind == "agent":
            # "University" in "Temple University" is part of a name, not an agent.
            in_name = doc.has_annotation("ENT_IOB") and _in_name(index, start, end)
            return not in_name and not self._describes_a_thing(doc, start, end) and \
                not self._names_a_condition(doc, end)
        if target.kind == "person" and doc.has_annotation("ENT_IOB") and \
                self._other_person(doc, start, end, target, index):
            return False
        if hyphen_prefix(doc, start) in self.cues["stance"]:
            return False  # "anti-Isis forces", "pro-Russian separatists": a side, no actor
        letters = sum(c.isalpha() for c in target.alias)
        if letters <= 3:
            return text == target.alias  # "us" and "who" are no US and WHO
        if target.alias.isupper():
            # British style writes longer acronyms as words: "Isis", "Nato", "Unicef".
            return text in (target.alias, target.alias.capitalize())
        if not text[0].isupper() and text != target.alias:
            return False  # "al-Qaeda" is written as its alias is
        if target.kind in ("country", "metonym") and hyphen_word(doc, end) in self.cues["based"]:
            return False  # "Hong Kong-based Cathay Pacific": where a firm sits, no actor
        if target.kind == "country" and start > 0 and end < len(doc) and \
                doc[start - 1].lower_ in self.past_cues and \
                doc[end].lower_ in self.cues["successor"]:
            return False  # "a former Soviet republic" is no Soviet actor
        if target.kind == "country" and (
                end < len(doc) and doc[end].text in self.cues["water"] or
                start > 1 and doc[start - 1].lower_ == "of" and
                doc[start - 2].text in self.cues["water"]):
            return False  # "the South China Sea", "the Sea of Japan": a sea, no actor
        if target.kind == "country":
            country = self.kb.country(target.key)
            if country and target.alias in country.ambiguous:
                return not _capitalised_neighbour(doc, start, end)
        if target.kind == "metonym" and start > 1 and doc[start - 1].lower_ == "of" and \
                doc[start - 2].lemma_.lower() in settlement_nouns():
            return False  # "the outskirts of Damascus", "the city of Tripoli": a place
        if target.kind == "metonym" and end < len(doc):
            nxt = doc[end]
            return not (nxt.pos_ == "NOUN" and not self.kb.lookup(nxt.text)) or \
                _misread_verb(doc, end)
        return True

    def _other_person(self, doc: Doc, start: int, end: int, target: AliasTarget,
                      index: DocIndex) -> bool:
        """"Lee Man-hee" is not Lee Jae-myung, "Melania Trump" not Donald Trump: a person's
        alias inside a longer name the parser tags as a person, whose further words (after
        it, or a given name before it) are none of that person's names."""
        entity = index.entity_at(start)
        if entity is None or entity.label_ != "PERSON" or \
                (entity.start == start and entity.end <= end):
            return False
        person = self.kb.person(target.key)
        if person is None:
            return False
        known = {w.lower() for name in (person.name, *person.aliases)
                 for w in re.split(r"[\s-]+", name)}
        rest = [t.lower_ for t in (*doc[entity.start:start], *doc[end:entity.end])
                if t.is_alpha and t.is_title]
        return bool(rest) and not any(w in known for w in rest)

    def _describes_a_thing(self, doc: Doc, start: int, end: int) -> bool:
        """An agent adjective on a thing that acts on nothing: "military applications",
        "an official protest". On a subject it still names the actor ("military
        sources said", "a military statement said"), unless the thing is suffered
        ("hit by military setbacks"; cues.csv, suffered)."""
        if end - start != 1 or not doc.has_annotation("DEP"):
            return False
        token = doc[start]
        head = token.head
        if token.dep_ != "amod" or head.i < end or head.pos_ not in ("NOUN", "PROPN"):
            return False
        if self.kb.lookup(head.text):
            return False
        if head.lemma_.lower() in self.cues["suffered"]:
            return True
        return not (head.dep_ in ACTING_DEPS
                    or (head.dep_ == "pobj" and head.head.lower_ == "by"))

    def _names_a_condition(self, doc: Doc, end: int) -> bool:
        """An agent word before "of" and a condition: "a *state* of emergency", "a *state* of
        siege" name no party (cues.csv, condition)."""
        return end + 1 < len(doc) and doc[end].lower_ == "of" and \
            doc[end + 1].lower_ in self.cues["condition"]

    def _fused(self, token: Any, agent_ends: set[int]) -> Atom | None:
        """An alias glued to the next word by bad scraping ("PresidentTuesday", "Sanaecalled").

        agent_ends (set[int]): where the agent matches found so far end.
        """
        text = token.text
        if not (token.is_alpha and len(text) > 4 and text[0].isupper()):
            return None
        after_title = token.i in agent_ends
        for cut in range(3, len(text) - 1):
            head, rest = text[:cut], text[cut:]
            camel = rest[0].isupper() and rest[1:].islower()
            if not (camel or (after_title and rest.islower())):
                continue
            targets = tuple(t for t in self.kb.lookup(head)
                            if t.alias == head or (t.kind == "agent" and camel))
            if targets:
                return Atom(token.i, token.i + 1, targets, end_char=token.idx + cut)
        return None

    def _misspelt(self, token: Any) -> Atom | None:
        """A capitalised word that is no alias or name but one edit from a country word
        ("Ethopia", "Afganistan"): the country, at lower confidence."""
        if not (token.is_alpha and token.is_title) or self.kb.lookup(token.text) \
                or token.lower_ in self.kb.name_words:
            return None
        target = self.kb.misspelt_country(token.text)
        return Atom(token.i, token.i + 1, (target,), misspelt=True) if target else None

    def _chains(self, doc: Doc, atoms: list[Atom]) -> Iterable[Chain]:
        chain = Chain()
        for atom in atoms:
            if chain.atoms and self._joins(doc, chain, atom):
                chain.atoms.append(atom)
                continue
            if chain.atoms:
                yield self._with_name(doc, chain, atom.start)
            chain = Chain([atom])
        if chain.atoms:
            yield self._with_name(doc, chain, len(doc))

    def _joins(self, doc: Doc, chain: Chain, atom: Atom) -> bool:
        last = chain.atoms[-1]
        if last.end_char is not None or chain.first("person"):
            return False
        gap = doc[last.end:atom.start]
        if atom.kind in OWNER_KINDS:
            if not len(gap) and self._demonyms(doc, last, atom):
                return True  # "Bosnian Serbs": the first nationality places the second
            # "the president of South Korea"
            return (last.kind == "agent" and not chain.first(*OWNER_KINDS)
                    and [t.lower_ for t in gap if t.lower_ != "the"] == ["of"])
        if not len(gap):
            return True
        joined = hyphen_word(doc, last.end) if len(gap) == 2 else ""
        if last.kind in OWNER_KINDS and joined:
            if joined in self.cues["backing"]:
                return False  # "US-backed militia": the backer, not the militia's country
            if joined in self.cues["leading"]:
                return True  # "Vietnamese-led forces" are the nationality's forces
        if atom.kind == "person":
            return False
        if last.kind in OWNER_KINDS and gap[0].text in POSSESSIVE and \
                doc[atom.end - 1].lower_ in self.cues["other_party"]:
            return False  # "Turkey's allies" are not Turkish
        if last.kind in OWNER_KINDS and gap[0].text in POSSESSIVE:
            # "Nicaragua's Sandinista government"
            return len(gap) <= 3 and all(modifier(t) for t in gap[1:])
        return len(gap) <= 2 and all(modifier(t) for t in gap)

    def _demonyms(self, doc: Doc, first: Atom, second: Atom) -> bool:
        """Two nationality words in a row, neither a country's name ("Bosnian Croat")."""
        if first.kind != "country" or second.kind != "country":
            return False
        for atom in (first, second):
            text = doc[atom.start:atom.end].text
            country = self.kb.country(atom.targets[0].key)
            if text.isupper() or not country or text == country.name or atom.end - atom.start > 1:
                return False
        return True

    def _with_name(self, doc: Doc, chain: Chain, limit: int) -> Chain:
        """Extend a title with the capitalised name that follows it ("Minister Sanae")."""
        last = chain.atoms[-1]
        if last.kind not in ("agent", "title") or last.end_char is not None:
            return chain
        end = name_end = last.end
        stop = min(limit, last.end + MAX_NAME_TOKENS)
        while end < stop:
            token = doc[end]
            if _name_token(token):
                end = name_end = end + 1
            elif token.lower_ in NAME_LINKS and name_end > last.end:
                end += 1  # kept only if a name word follows
            else:
                break
        if name_end > last.end:
            chain.name_end = name_end
        return chain


def _misread_verb(doc: Doc, i: int) -> bool:
    """A plural noun between a capital and a name is a verb the parser misread: "Beijing
    *pressures* Tokyo" (Beijing acts), unlike "Beijing residents" (a place)."""
    return doc[i].tag_ == "NNS" and i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"


def _in_name(index: DocIndex, start: int, end: int) -> bool:
    """Whether tokens [start, end) lie inside a longer name entity of their sentence."""
    e = index.entity_at(start)
    return (e is not None and end <= e.end and e.end - e.start > end - start
            and e.label_ in NAME_ENTS and index.sentence_start(start) <= e.start
            and e.end <= index.sentence_end(end - 1))


def _capitalised_neighbour(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return bool((before is not None and before.is_title and not doc[start].is_sent_start)
                or (after is not None and after.is_title))


def _name_token(token: Any) -> bool:
    return (token.is_alpha and token.is_title and not token.is_stop
            and token.lower_ not in CALENDAR_WORDS and token.ent_type_ not in NOT_NAME_ENTS)

