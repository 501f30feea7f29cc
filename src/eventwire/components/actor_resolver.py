"""Resolution half of the actor stage: chains of KB matches -> mention dicts.

A chain is a run of adjacent matches read as one actor ("South Korean
President Lee", "U.N. mediator Diego Cordovez"); the resolver turns it into a
country, organisation, agent or person mention, resolving titles and names to
people on the story date and remembering who was mentioned before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from eventwire.doc_index import doc_text
from eventwire.drafts import Mention, new_mention
from eventwire.kb.actors import UNIDENTIFIED_ARMED, AliasTarget, code_on
from eventwire.participants import settlement_nouns

if TYPE_CHECKING:
    from eventwire.components.actors import ActorFinder

OWNER_KINDS = ("country", "metonym", "org")
POSSESSIVE = ("'s", "’s")
# Prepositions that put a capital on a route ("flights to Beijing", "trains from Rome").
ROUTE_PREPS = frozenset({"to", "from", "between", "into", "out"})
CONFIDENCE = {"kb_name": 0.95, "title": 0.85, "memory": 0.9, "surname": 0.8,
              "out_of_office": 0.7, "guess": 0.6, "misspelt": 0.6, "agent": 0.5, "unknown": 0.4}


@dataclass
class Atom:
    """One KB match: tokens [start, end) and what the alias may name."""

    start: int
    end: int
    targets: tuple[AliasTarget, ...]
    end_char: int | None = None  # set when the match is the front of a fused token
    misspelt: bool = False  # a word one edit from the alias ("Ethopia")

    @property
    def kind(self) -> str:
        return self.targets[0].kind


@dataclass
class Chain:
    atoms: list[Atom] = field(default_factory=list)
    name_end: int | None = None  # unknown name tokens after a title end here

    def first(self, *kinds: str) -> Atom | None:
        return next((a for a in self.atoms if a.kind in kinds), None)



class Resolver:
    """Turns chains into mention dicts, remembering who was mentioned before."""

    def __init__(self, finder: ActorFinder, doc: Doc) -> None:
        self.kb = finder.kb
        self.finder = finder
        self.doc = doc
        self.text = doc_text(doc)
        self.date: str | None = doc._.ew_date
        self.seen: list[str] = []  # person ids in mention order
        self.unknown: dict[str, str] = {}  # surname -> full name of people the KB lacks

    def resolve(self, chain: Chain) -> Mention:
        doc, kb = self.doc, self.kb
        first, last = chain.atoms[0], chain.atoms[-1]
        end = chain.name_end or last.end
        end_char = last.end_char if last.end_char is not None and not chain.name_end \
            else doc[end - 1].idx + len(doc[end - 1].text)
        start_char = doc[first.start].idx
        mention = new_mention((first.start, end), (start_char, end_char),
                              self.text[start_char:end_char], kind="agent",
                              confidence=CONFIDENCE["agent"])
        owner = chain.first(*OWNER_KINDS)
        agents = [a for a in chain.atoms if a.kind == "agent"]
        person = chain.first("person")
        offices = [kb.agent(a.targets[0].key).office for a in agents]
        office = next((o for o in reversed(offices) if o), None)
        before = doc[first.start - 1].lower_ if first.start else ""
        if owner is first and before in self.finder.cues["ethnic"] or (
                chain.first("group") and not owner):
            # "ethnic Albanians", "Kurdish rebels": a community, placed later if at all
            mention["community"] = True
            owner = None
        owner_key = owner.targets[0].key if owner else None
        if owner:
            mention["code"] = code_on(kb.code_of(owner_key), self.date)
            mention["name"] = kb.name_of(mention["code"]) or kb.name_of(owner_key)
            mention["sector"] = owner.targets[0].sector
            mention["kind"] = "org" if owner.kind == "org" else "country"
            mention["confidence"] = CONFIDENCE["misspelt" if owner.misspelt else "kb_name"]
            if owner.kind == "metonym" and not agents and (
                    before in self.finder.place_cues or self._on_a_route(doc, first.start)):
                mention["sector"], mention["confidence"] = None, CONFIDENCE["guess"]
        if agents:
            sector = agents[-1].targets[0].sector
            if not (sector == UNIDENTIFIED_ARMED and owner and owner.kind == "org" and
                    mention["sector"]):
                # ("*YPG* fighters", "*Hezbollah* gunmen": an armed group's fighters are
                # identified, of the group's own sector)
                mention["sector"] = sector or mention["sector"]
            mention["kind"] = "agent"
        past = first.start > 0 and doc[first.start - 1].lower_ in self.finder.past_cues
        if person:
            self._person(mention, person, office, owner_key)
        elif office == "predecessor":
            self._predecessor(mention, first.start)
        elif office:
            self._title(mention, office, owner_key, past, chain)
        elif chain.name_end and not agents and chain.first("title"):
            mention["kind"] = "person"
            self._written(mention, doc[last.end:chain.name_end].text, None, owner_key)
        return mention

    def _on_a_route(self, doc: Doc, start: int) -> bool:
        """"flights *to Beijing*", "trains between Milan and *Rome*", "flights to Shanghai
        and *Beijing*": a capital as a stop on a route is the city, not the government."""
        prep = doc[start - 1] if start else None
        if doc.has_annotation("DEP"):
            stop = doc[start]
            while stop.dep_ == "conj" and stop.head.i != stop.i:
                stop = stop.head
            prep = stop.head if stop.dep_ == "pobj" else prep
        return prep is not None and prep.lower_ in ROUTE_PREPS and \
            prep.head.lemma_.lower() in self.finder.cues["route"]

    def _set_person(self, mention: Mention, person_id: str, how: str,
                    owner_key: str | None) -> None:
        person = self.kb.person(person_id)
        code, sector = self.kb.affiliation(person_id, self.date)
        if how != "title" and not self.kb.active(person_id, self.date):
            how = "out_of_office"
        mention.update(name=person.name, wikidata_id=person.wikidata_id, kind="person",
                       confidence=CONFIDENCE[how])
        mention["code"] = code_on(self.kb.code_of(owner_key) if owner_key else code, self.date)
        # The role held that day says more than a generic title: "Hamas leader Ismail
        # Haniyeh" is REB, not the GOV of "leader"; a title still types people out of office.
        mention["sector"] = sector or mention["sector"]
        self.seen.append(person_id)

    def _person(self, mention: Mention, atom: Atom, office: str | None,
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
        self._shared_country(mention, ids, owner_key)
        return None

    def _written(self, mention: Mention, written: str, office: str | None,
                 owner_key: str | None) -> None:
        """A name after a title that no office resolved: "President Mugabe", "Mr. Suharto".

        The KB person with that name (first name and surname, or the surname
        alone) who holds a matching office or any government role on the story
        date; else the country all such people share.
        """
        mention.update(name=written, confidence=CONFIDENCE["guess" if owner_key else "unknown"])
        ids = self.kb.by_name(written) or (self.kb.by_surname(written)
                                           if len(written.split()) == 1 else ())
        if not ids:
            return
        remembered = [pid for pid in reversed(self.seen) if pid in ids]
        if remembered:
            return self._set_person(mention, remembered[0], "memory", owner_key)
        code = self.kb.code_of(owner_key) if owner_key else None
        ids = tuple(p for p in ids if code in (None, self.kb.affiliation(p, self.date)[0]))
        serving = [p for p in ids if any(
            (office and o == office) or (not office and o) for o, _ in
            self.kb.offices_of(p, self.date))]
        serving = serving or [p for p in ids if self.kb.affiliation(p, self.date)[1] == "GOV"]
        if len(serving) == 1:
            return self._set_person(mention, serving[0], "surname", owner_key)
        if len(ids) == 1 and len(written.split()) > 1:
            return self._set_person(mention, ids[0], "out_of_office", owner_key)
        self._shared_country(mention, list(ids), owner_key)
        return None

    def _shared_country(self, mention: Mention, ids: list[str],
                        owner_key: str | None) -> None:
        """Several KB people fit the name but all belong to one country: keep that code."""
        codes = {self.kb.affiliation(pid, self.date)[0] for pid in ids}
        if not owner_key and len(codes) == 1 and None not in codes:
            mention.update(code=codes.pop(), confidence=CONFIDENCE["guess"])

    def _title(self, mention: Mention, office: str, owner_key: str | None,
               past: bool, chain: Chain) -> None:
        doc = self.doc
        written = doc[chain.atoms[-1].end:chain.name_end].text if chain.name_end else ""
        mention["kind"] = "person"
        holder = None
        if owner_key and not past:
            holder = self.kb.holder(office, owner_key, self.date)
        elif not owner_key and not self._known_beside(doc[mention["start"]:mention["end"]]):
            # (a title with its holder in apposition is that holder, not the last one named:
            # "the foreign minister, *Jean-Yves Le Drian*," after Germany's foreign minister)
            holder = next((self.kb.person(pid) for pid in reversed(self.seen)
                           if any(o == office for o, _ in self.kb.offices_of(pid, self.date))),
                          None)
        if holder and (not written or _names_match(written, holder)):
            return self._set_person(mention, holder.id, "title", owner_key)
        if written:
            self._written(mention, written, office, owner_key)
        return None

    def _known_beside(self, span: Span) -> bool:
        """A person the knowledge base knows is named in apposition to the span's head ("the
        foreign minister, *Jean-Yves Le Drian*,")."""
        if not span.doc.has_annotation("DEP"):
            return False
        return any(c.dep_ == "appos" and c.pos_ == "PROPN" and any(
            t.kind == "person" for t in self.kb.lookup(span.doc[c.left_edge.i:c.i + 1].text))
            for c in span.root.children)

    def _predecessor(self, mention: Mention, start: int) -> None:
        doc = self.doc
        anchor = None
        i = start - 1
        while i >= 0 and modifier(doc[i]):
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

    def unknown_people(self, mentions: list[Mention]) -> list[Mention]:
        """PERSON entities the KB does not know: name from the text, code only if stated."""
        taken = {i for m in mentions for i in range(m["start"], m["end"])}
        named = {m["code"] for m in mentions if m["code"]}
        countries: dict[int, str | None] = {}
        for m in mentions:
            if m["kind"] == "country":
                countries.setdefault(m["start"], m["code"])
        out = []
        for whole in self.doc.ents:
            if whole.label_ != "PERSON" or _named_settlement(whole) or \
                    whole[-1].lower_ in self.finder.cues["venue"]:
                continue  # "the Manchester Arena attack": a place, no person
            ent = _last_name_run(whole)
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            name = self.unknown.get(ent.text, ent.text)
            code = self._apposition_code(ent, countries)
            mention = self._unknown(ent, name, code)
            # "Reagan" alone may be the one Reagan in office that day; else a name to remember.
            if code is not None or not self._serving(mention, ent.text, named):
                self.unknown.setdefault(ent.text.split()[-1], name)
            out.append(mention)
            taken.update(range(ent.start, ent.end))
        starting = _token_starts(self.doc)
        for surname, name in self.unknown.items():
            out += [self._unknown(span, name, None)
                    for span in _find(self.doc, surname, starting)
                    if not any(i in taken for i in range(span.start, span.end))]
        return out

    def _serving(self, mention: Mention, written: str, named: set[str | None]) -> bool:
        """Resolve a name written without a title to the one KB person of that name (or
        surname) in office on the story date, when the story names that person's country
        ("Reagan" in a story about Washington); False otherwise: a "Johnson" in a football
        report stays a name."""
        if not self.date:
            return False
        ids = self.kb.by_name(written) or (self.kb.by_surname(written)
                                           if len(written.split()) == 1 else ())
        serving = [p for p in ids if self.kb.offices_of(p, self.date)
                   or self.kb.affiliation(p, self.date)[1] == "GOV"]
        if len(serving) != 1 or self.kb.affiliation(serving[0], self.date)[0] not in named:
            return False
        self._set_person(mention, serving[0], "surname", None)
        return True

    @staticmethod
    def _unknown(span: Span, name: str, code: str | None) -> Mention:
        return new_mention((span.start, span.end), (span.start_char, span.end_char), span.text,
                           kind="person", confidence=CONFIDENCE["guess" if code else "unknown"],
                           name=name, code=code)

    def _apposition_code(self, ent: Span, countries: dict[int, str | None]) -> str | None:
        """Country in ", a Japanese diplomat" right after a name, before any preposition.

        countries (dict): token index -> code of the first country mention starting there.
        """
        doc = self.doc
        i = ent.end
        if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
            return None
        j = i + 2
        while j < len(doc) and not (doc[j].is_punct or doc[j].pos_ == "ADP"):
            if j in countries:
                return countries[j]
            j += 1
        return None


def _token_starts(doc: Doc) -> dict[str, list[int]]:
    """Token text -> indexes of the tokens with that text, in order."""
    starting: dict[str, list[int]] = {}
    for token in doc:
        starting.setdefault(token.text, []).append(token.i)
    return starting


def _find(doc: Doc, text: str, starting: dict[str, list[int]]) -> list[Span]:
    """Token spans whose text is exactly ``text`` (a surname seen earlier in the story).

    Only tokens whose text begins ``text`` can open one; ``starting`` finds them.
    """
    found = []
    opening = sorted(i for cut in range(1, len(text) + 1) for i in starting.get(text[:cut], ()))
    for i in opening:
        token = doc[i]
        if token.text:
            end = token.i + 1
            while end < len(doc) and len(doc[token.i:end].text) < len(text):
                end += 1
            if doc[token.i:end].text == text:
                found.append(doc[token.i:end])
    return found



def modifier(token: Any) -> bool:
    """A word that may sit inside a compound ("Iraqi Kurdish rebels", "US top diplomat").

    With a parse, any noun modifying a later word counts too ("Israeli
    intelligence officials", "French paper workers").
    """
    if not token.is_alpha or token.is_stop:
        return False
    if token.dep_ in ("compound", "amod") and token.head.i > token.i:
        return True
    return token.pos_ in ("ADJ", "PROPN", "") or (token.pos_ == "NOUN" and token.is_title)




def _names_match(written: str, person: Any) -> bool:
    words = set(written.lower().split())
    return any(words <= set(alias.lower().split()) for alias in (person.name, *person.aliases))


def _last_name_run(ent: Span) -> Span:
    """The part of a PERSON entity after its last line break or slash: the parser runs a
    photo credit into the next line's subject ("Lucy Nicholson/Files\nJPMorgan")."""
    breaks = [t.i for t in ent if t.is_space or t.text == "/"]
    return ent.doc[breaks[-1] + 1:ent.end] if breaks and breaks[-1] + 1 < ent.end else ent


def _named_settlement(entity: Span) -> bool:
    """A name the tagger calls a person that a noun of settlement names: "the village *of
    Kafr Musailha*", "the town, Kafr Nabl": a place, whoever "he" is later."""
    root = entity.root
    noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else \
        root.head if root.dep_ == "appos" else None
    return noun is not None and noun.lemma_.lower() in settlement_nouns()
