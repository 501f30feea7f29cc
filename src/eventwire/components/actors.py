"""Stage ``eventwire_actors``: find actor mentions and resolve them against the actor KB.

Every alias of the knowledge base (countries, capitals used as metonyms,
organisations, agent nouns, people) is compiled once into a PhraseMatcher.
Adjacent matches are then read as one compound ("South Korean President",
"Chinese leader Xi Jinping", "Iraqi Kurdish rebels") and titles resolve to
the office holder on the story date (``doc._.ew_date``). NER is only a hint
for people the KB does not know.

Writes ``doc._.ew_mentions`` (plain dicts, see ``eventwire.extensions``) and
``doc.spans[spans_key]``.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventwire.kb.actors import ActorKB, AliasTarget, load_actor_kb
from eventwire.kb.resources import read_csv

OWNER_KINDS = ("country", "metonym", "org")
POSSESSIVE = ("'s", "’s")
CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)
NAME_ENTS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PERSON"})
NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "NORP"})
CONFIDENCE = {"kb_name": 0.95, "title": 0.85, "memory": 0.9, "surname": 0.8,
              "guess": 0.6, "agent": 0.5, "unknown": 0.4}


@dataclass
class Atom:
    """One KB match: tokens [start, end) and what the alias may name."""

    start: int
    end: int
    targets: tuple[AliasTarget, ...]
    end_char: int | None = None  # set when the match is the front of a fused token

    @property
    def kind(self) -> str:
        return self.targets[0].kind


@dataclass
class Chain:
    atoms: list[Atom] = field(default_factory=list)
    name_end: int | None = None  # unknown name tokens after a title end here

    def first(self, *kinds: str) -> Atom | None:
        return next((a for a in self.atoms if a.kind in kinds), None)


@Language.factory(
    "eventwire_actors",
    assigns=["doc._.ew_mentions", "doc.spans"],
    default_config={"spans_key": "ew_actors", "use_ner": True},
)
def make_actor_finder(nlp: Language, name: str, spans_key: str, use_ner: bool) -> ActorFinder:
    """Build the actor stage from the packaged knowledge base."""
    return ActorFinder(nlp, name, spans_key=spans_key, use_ner=use_ner)


class ActorFinder(Pipe):
    """KB-driven actor mention finder and resolver.

    nlp (Language): the pipeline, whose tokenizer compiles the aliases.
    kb (ActorKB | None): a knowledge base; None loads the packaged one.
    """

    def __init__(self, nlp: Language, name: str = "eventwire_actors", *,
                 spans_key: str = "ew_actors", use_ner: bool = True,
                 kb: ActorKB | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.use_ner = use_ner
        self.kb = kb or load_actor_kb()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        spellings = sorted({t.alias for key in self.kb.aliases() for t in self.kb.lookup(key)})
        self.matcher.add("ACTOR", list(nlp.tokenizer.pipe(spellings)))
        cues = read_csv("actors", "cues.csv")
        self.past_cues = frozenset(r["word"] for r in cues if r["role"] == "past")
        self.place_cues = frozenset(r["word"] for r in cues if r["role"] == "place")

    def __call__(self, doc: Doc) -> Doc:
        try:
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
        """All actor mentions of a Doc, sorted by start, never overlapping."""
        atoms = self._atoms(doc)
        resolver = _Resolver(self, doc)
        mentions = [resolver.resolve(chain) for chain in self._chains(doc, atoms)]
        if self.use_ner and doc.has_annotation("ENT_IOB"):
            mentions += resolver.unknown_people(mentions)
        return sorted(mentions, key=lambda m: m["start"])

    def _atoms(self, doc: Doc) -> list[Atom]:
        found: dict[tuple[int, int], tuple[AliasTarget, ...]] = {}
        for _, start, end in self.matcher(doc):
            targets = tuple(t for t in self.kb.lookup(doc[start:end].text)
                            if self._fits(doc, start, end, t))
            if targets:
                found[(start, end)] = targets
        spans = filter_spans([doc[s:e] for s, e in found])
        atoms = [Atom(s.start, s.end, found[(s.start, s.end)]) for s in spans]
        covered = {i for a in atoms for i in range(a.start, a.end)}
        atoms += [a for t in doc if t.i not in covered and (a := self._fused(doc, t, atoms))]
        return sorted(atoms, key=lambda a: a.start)

    def _fits(self, doc: Doc, start: int, end: int, target: AliasTarget) -> bool:
        """Case and context rules that keep "us", "who" and "Michael Jordan" out."""
        text = doc[start:end].text
        if target.kind == "agent":
            # "University" in "Temple University" is part of a name, not an agent.
            return not any(e.start <= start and end <= e.end and e.end - e.start > end - start
                           and e.label_ in NAME_ENTS for e in doc[start:end].sent.ents) \
                if doc.has_annotation("ENT_IOB") else True
        letters = sum(c.isalpha() for c in target.alias)
        if letters <= 3 or target.alias.isupper():
            return text == target.alias
        if not text[0].isupper():
            return False
        if target.kind == "country":
            country = self.kb.country(target.key)
            if country and target.alias in country.ambiguous:
                return not _capitalised_neighbour(doc, start, end)
        if target.kind == "metonym" and end < len(doc):
            nxt = doc[end]
            return not (nxt.pos_ == "NOUN" and not self.kb.lookup(nxt.text))
        return True

    def _fused(self, doc: Doc, token: Any, atoms: list[Atom]) -> Atom | None:
        """An alias glued to the next word by bad scraping ("PresidentTuesday", "Sanaecalled")."""
        text = token.text
        if not (token.is_alpha and len(text) > 4 and text[0].isupper()):
            return None
        after_title = any(a.end == token.i and a.kind == "agent" for a in atoms)
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
            # "the president of South Korea"
            return (last.kind == "agent" and not chain.first(*OWNER_KINDS)
                    and [t.lower_ for t in gap if t.lower_ != "the"] == ["of"])
        if not len(gap):
            return True
        if atom.kind == "person":
            return False
        if last.kind in OWNER_KINDS and len(gap) == 1 and gap[0].text in POSSESSIVE:
            return True
        return len(gap) <= 2 and all(_modifier(t) for t in gap)

    def _with_name(self, doc: Doc, chain: Chain, limit: int) -> Chain:
        """Extend a title with the capitalised name that follows it ("Minister Sanae")."""
        last = chain.atoms[-1]
        if last.kind != "agent" or last.end_char is not None:
            return chain
        end = last.end
        while end < min(limit, last.end + 3) and _name_token(doc[end]):
            end += 1
        if end > last.end:
            chain.name_end = end
        return chain


class _Resolver:
    """Turns chains into mention dicts, remembering who was mentioned before."""

    def __init__(self, finder: ActorFinder, doc: Doc) -> None:
        self.kb = finder.kb
        self.finder = finder
        self.doc = doc
        self.date: str | None = doc._.ew_date
        self.seen: list[str] = []  # person ids in mention order
        self.unknown: dict[str, str] = {}  # surname -> full name of people the KB lacks

    def resolve(self, chain: Chain) -> dict[str, Any]:
        doc, kb = self.doc, self.kb
        first, last = chain.atoms[0], chain.atoms[-1]
        end = chain.name_end or last.end
        end_char = last.end_char if last.end_char is not None and not chain.name_end \
            else doc[end - 1].idx + len(doc[end - 1].text)
        mention = {"start": first.start, "end": end, "start_char": doc[first.start].idx,
                   "end_char": end_char, "name": None, "code": None, "sector": None,
                   "wikidata_id": None, "kind": "agent", "confidence": CONFIDENCE["agent"]}
        mention["text"] = doc.text[mention["start_char"]:end_char]
        owner = chain.first(*OWNER_KINDS)
        agents = [a for a in chain.atoms if a.kind == "agent"]
        person = chain.first("person")
        offices = [kb.agent(a.targets[0].key).office for a in agents]
        office = next((o for o in reversed(offices) if o), None)
        owner_key = owner.targets[0].key if owner else None
        if owner:
            mention["code"] = kb.code_of(owner_key)
            mention["name"] = kb.name_of(owner_key)
            mention["sector"] = owner.targets[0].sector
            mention["kind"] = "org" if owner.kind == "org" else "country"
            mention["confidence"] = CONFIDENCE["kb_name"]
            before = doc[first.start - 1].lower_ if first.start else ""
            if owner.kind == "metonym" and before in self.finder.place_cues and not agents:
                mention["sector"], mention["confidence"] = None, CONFIDENCE["guess"]
        if agents:
            mention["sector"] = agents[-1].targets[0].sector or mention["sector"]
            mention["kind"] = "agent"
        past = first.start > 0 and doc[first.start - 1].lower_ in self.finder.past_cues
        if person:
            self._person(mention, person, office, owner_key)
        elif office == "predecessor":
            self._predecessor(mention, first.start)
        elif office:
            self._title(mention, office, owner_key, past, chain)
        return mention

    def _set_person(self, mention: dict[str, Any], person_id: str, how: str,
                    owner_key: str | None) -> None:
        person = self.kb.person(person_id)
        code, sector = self.kb.affiliation(person_id, self.date)
        mention.update(name=person.name, wikidata_id=person.wikidata_id, kind="person",
                       confidence=CONFIDENCE[how])
        mention["code"] = self.kb.code_of(owner_key) if owner_key else code
        mention["sector"] = mention["sector"] or sector
        self.seen.append(person_id)

    def _person(self, mention: dict[str, Any], atom: Atom, office: str | None,
                owner_key: str | None) -> None:
        ids = [t.key for t in atom.targets if t.kind == "person"]
        if office and owner_key:
            holder = self.kb.holder(office, owner_key, self.date)
            if holder and holder.id in ids:
                return self._set_person(mention, holder.id, "title", owner_key)
        remembered = [pid for pid in reversed(self.seen) if pid in ids]
        if remembered:
            return self._set_person(mention, remembered[0], "memory", owner_key)
        if self.date:
            active = [pid for pid in ids if self.kb.offices_of(pid, self.date)]
            if owner_key:
                code = self.kb.code_of(owner_key)
                active = [p for p in active if self.kb.affiliation(p, self.date)[0] == code]
            if len(active) == 1:
                return self._set_person(mention, active[0], "surname", owner_key)
        if len(ids) == 1:
            how = "kb_name" if len(self.doc[atom.start:atom.end]) > 1 else "surname"
            return self._set_person(mention, ids[0], how, owner_key)
        mention.update(kind="person", name=self.doc[atom.start:atom.end].text,
                       confidence=CONFIDENCE["unknown"])
        return None

    def _title(self, mention: dict[str, Any], office: str, owner_key: str | None,
               past: bool, chain: Chain) -> None:
        doc = self.doc
        written = doc[chain.atoms[-1].end:chain.name_end].text if chain.name_end else ""
        mention["kind"] = "person"
        holder = None
        if owner_key and not past:
            holder = self.kb.holder(office, owner_key, self.date)
        elif not owner_key:
            holder = next((self.kb.person(pid) for pid in reversed(self.seen)
                           if any(o == office for o, _ in self.kb.offices_of(pid, self.date))),
                          None)
        if holder and (not written or _names_match(written, holder)):
            return self._set_person(mention, holder.id, "title", owner_key)
        if written:
            mention.update(name=written, confidence=CONFIDENCE["guess" if owner_key else "unknown"])
        return None

    def _predecessor(self, mention: dict[str, Any], start: int) -> None:
        doc = self.doc
        anchor = None
        i = start - 1
        while i >= 0 and _modifier(doc[i]):
            i -= 1
        if i >= 1 and doc[i].text in POSSESSIVE:
            ids = [t.key for t in self.kb.lookup(doc[i - 1].text) if t.kind == "person"]
            anchor = next((pid for pid in reversed(self.seen) if pid in ids), None)
        elif i >= 0 and doc[i].lower_ in ("his", "her") and self.seen:
            anchor = self.seen[-1]
        if anchor is None:
            return
        roles = [r for r in self.kb.roles_of(anchor)
                 if r.office and (not self.date or r.start <= self.date)]
        for role in sorted(roles, key=lambda r: r.start, reverse=True):
            previous = self.kb.predecessor(role.office, role.country, role.start)
            if previous:
                return self._set_person(mention, previous.id, "title", None)
        return None

    def unknown_people(self, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """PERSON entities the KB does not know: name from the text, code only if stated."""
        taken = {i for m in mentions for i in range(m["start"], m["end"])}
        out = []
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or any(i in taken for i in range(ent.start, ent.end)):
                continue
            name = self.unknown.get(ent.text, ent.text)
            self.unknown.setdefault(ent.text.split()[-1], name)
            code = self._apposition_code(ent, mentions)
            out.append(self._unknown(ent, name, code))
            taken.update(range(ent.start, ent.end))
        for surname, name in self.unknown.items():
            out += [self._unknown(span, name, None) for span in _find(self.doc, surname)
                    if not any(i in taken for i in range(span.start, span.end))]
        return out

    @staticmethod
    def _unknown(span: Span, name: str, code: str | None) -> dict[str, Any]:
        return {"start": span.start, "end": span.end, "start_char": span.start_char,
                "end_char": span.end_char, "text": span.text, "name": name, "code": code,
                "sector": None, "wikidata_id": None, "kind": "person",
                "confidence": CONFIDENCE["guess" if code else "unknown"]}

    def _apposition_code(self, ent: Span, mentions: list[dict[str, Any]]) -> str | None:
        """Country in ", a Japanese diplomat" right after a name, before any preposition."""
        doc = self.doc
        i = ent.end
        if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
            return None
        j = i + 2
        while j < len(doc) and not (doc[j].is_punct or doc[j].pos_ == "ADP"):
            hit = next((m for m in mentions if m["start"] == j and m["kind"] == "country"), None)
            if hit:
                return hit["code"]
            j += 1
        return None


def _find(doc: Doc, text: str) -> list[Span]:
    """Token spans whose text is exactly ``text`` (a surname seen earlier in the story)."""
    found = []
    for token in doc:
        if text.startswith(token.text) and token.text:
            end = token.i + 1
            while end < len(doc) and len(doc[token.i:end].text) < len(text):
                end += 1
            if doc[token.i:end].text == text:
                found.append(doc[token.i:end])
    return found


def _capitalised_neighbour(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return bool((before is not None and before.is_title and not doc[start].is_sent_start)
                or (after is not None and after.is_title))


def _modifier(token: Any) -> bool:
    """A word that may sit inside a compound ("Iraqi Kurdish rebels", "US top diplomat")."""
    if not token.is_alpha or token.is_stop:
        return False
    return token.pos_ in ("ADJ", "PROPN", "") or (token.pos_ == "NOUN" and token.is_title)


def _name_token(token: Any) -> bool:
    return (token.is_alpha and token.is_title and not token.is_stop
            and token.lower_ not in CALENDAR_WORDS and token.ent_type_ not in NOT_NAME_ENTS)


def _names_match(written: str, person: Any) -> bool:
    words = set(written.lower().split())
    return any(words <= set(alias.lower().split()) for alias in (person.name, *person.aliases))
