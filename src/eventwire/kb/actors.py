"""The actor knowledge base: countries, organisations, agents, people and dated roles.

``load_actor_kb()`` reads the packaged CSV files (data/actors, built by
scripts/build_actors.py) once per process and returns an immutable
``ActorKB``. Roles are time-bound, so office look-ups take a date: the
"South Korean president" is a different person in 2020, 2024 and 2026.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, replace
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from eventwire.kb.compiled import LazyRecords, compiled
from eventwire.kb.resources import read_csv

SEP = "|"
DEFAULT_METONYM_SECTOR = "GOV"
# The sector of armed men the text does not identify (PLOVER, CAMEO: UAF): "gunmen".
UNIDENTIFIED_ARMED = "UAF"
MIN_NAME_WORD = 3  # shorter name words ("Li", "Ng") would split too many glued tokens
# Lower-case particles that open a surname ("al-Bashir", "El Bashir", "bin Laden").
NAME_PARTICLES = ("al-", "el-", "al ", "el ", "ad-", "as-", "ash-", "at-", "az-")
# Misspelt country words: only names and demonyms this long are corrected (shorter ones
# have real neighbours: "Iran"/"Iron", "Mali"/"Male"), and only words that are rare
# in English while the country word is common ("Ethopia", but not "Columbia").
MIN_MISSPELT_LETTERS = 6
MAX_MISSPELT_ZIPF = 2.5
MIN_MISSPELT_ZIPF_GAP = 1.5


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    metonyms: tuple[tuple[str, str], ...]  # (alias, sector)
    leader_office: str
    ambiguous: frozenset[str]


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    code: str
    sector: str | None
    aliases: tuple[str, ...]


class Person(NamedTuple):
    """A named person; tuples, not dataclasses, because tens of thousands load at start-up."""

    id: str
    name: str
    aliases: tuple[str, ...]
    gender: str | None
    wikidata_id: str | None


class Role(NamedTuple):
    person_id: str
    office: str
    country: str  # ISO alpha-3 code, or an organisation id
    sector: str | None
    start: str  # YYYY-MM-DD or ""
    end: str  # YYYY-MM-DD (exclusive) or "" while in office
    source: str

    def active(self, date: str) -> bool:
        """Whether the role is held on ``date`` (the end day belongs to the successor)."""
        return (not self.start or self.start <= date) and (not self.end or date < self.end)


@dataclass(frozen=True)
class Agent:
    term: str
    sector: str | None
    office: str | None


@dataclass(frozen=True)
class Group:
    """An ethnic or religious community: coded by where it lives, never by its name."""

    term: str
    aliases: tuple[str, ...]


class AliasTarget(NamedTuple):
    """What one alias names: kind is country, metonym, org, person, agent or group."""

    alias: str
    kind: str
    key: str
    sector: str | None = None


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(SEP) if v)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def surname_key(name: str) -> str:
    """Last word of a name without its article: "Omar Hassan al-Bashir" -> "bashir"."""
    last = name.rsplit(None, 1)[-1].lower() if name.strip() else ""
    for particle in NAME_PARTICLES:
        if last.startswith(particle):
            return last[len(particle):]
    return last


class ActorKB:
    """Immutable look-ups over the actor tables; build once, share freely."""

    def __init__(
        self,
        countries: Iterable[Country],
        orgs: Iterable[Org],
        people: Iterable[Person],
        roles: Iterable[Role],
        agents: Iterable[Agent],
        groups: Iterable[Group] = (),
        preferred: Iterable[AliasTarget] = (),
    ) -> None:
        self._groups = tuple(groups)
        self._countries = MappingProxyType({c.code: c for c in countries})
        self._orgs = MappingProxyType({o.id: o for o in orgs})
        self._people = MappingProxyType({p.id: p for p in people})
        self._agents = MappingProxyType({a.term: a for a in agents})
        by_person: dict[str, list[Role]] = defaultdict(list)
        by_office: dict[tuple[str, str], list[Role]] = defaultdict(list)
        for role in roles:
            by_person[role.person_id].append(role)
            if role.office:
                by_office[(role.office, role.country)].append(role)
        self._roles = MappingProxyType({k: tuple(v) for k, v in by_person.items()})
        self._offices = MappingProxyType(
            {k: tuple(sorted(v, key=lambda r: r.start)) for k, v in by_office.items()})
        self._aliases = MappingProxyType(self._index(preferred))
        surnames: dict[str, dict[str, None]] = defaultdict(dict)
        name_keys: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
        for p in self._people.values():
            for alias in {p.name, *p.aliases}:
                first, _, rest = alias.partition(" ")
                if not rest.strip():
                    continue
                surname = surname_key(alias)
                surnames[surname][p.id] = None  # a dict keeps first-seen order, once each
                name_keys[(first.lower(), surname)][p.id] = None
        self._surnames = MappingProxyType({k: tuple(v) for k, v in surnames.items()})
        self._name_keys = MappingProxyType({k: tuple(v) for k, v in name_keys.items()})

    def _index(self, preferred: Iterable[AliasTarget]) -> dict[str, tuple[AliasTarget, ...]]:
        """Alias -> targets; an alias among ``preferred`` names only its preferred targets."""
        index: dict[str, dict[AliasTarget, None]] = defaultdict(dict)
        for c in self._countries.values():
            for alias in c.aliases:
                index[_norm(alias)][AliasTarget(alias, "country", c.code)] = None
            for alias, sector in c.metonyms:
                index[_norm(alias)][AliasTarget(alias, "metonym", c.code, sector)] = None
        for o in self._orgs.values():
            for alias in o.aliases:
                index[_norm(alias)][AliasTarget(alias, "org", o.id, o.sector)] = None
        for p in self._people.values():
            for alias in (p.name, *p.aliases):
                index[_norm(alias)][AliasTarget(alias, "person", p.id)] = None
        for a in self._agents.values():
            index[_norm(a.term)][AliasTarget(a.term, "agent", a.term, a.sector)] = None
        for g in self._groups:
            for alias in g.aliases:
                index[_norm(alias)][AliasTarget(alias, "group", g.term)] = None
        wins: dict[str, dict[AliasTarget, None]] = defaultdict(dict)
        for target in preferred:
            wins[_norm(target.alias)][target] = None
        index.update(wins)
        return {k: tuple(v) for k, v in index.items()}

    def extended(self, countries: Iterable[Country] = (), orgs: Iterable[Org] = (),
                 people: Iterable[Person] = (), roles: Iterable[Role] = (),
                 agents: Iterable[Agent] = (),
                 preferred: Iterable[AliasTarget] = ()) -> ActorKB:
        """A knowledge base with more entries (a user's own dictionaries).

        A country whose code is known adds its aliases to that country; an agent
        replaces the one of the same term; an alias among ``preferred`` names only
        what ``preferred`` says it names, whatever this knowledge base knew by it.
        """
        merged = dict(self._countries)
        for country in countries:
            known = merged.get(country.code)
            merged[country.code] = replace(known, aliases=known.aliases + country.aliases) \
                if known else country
        own_roles = [role for person_roles in self._roles.values() for role in person_roles]
        return ActorKB(merged.values(), [*self._orgs.values(), *orgs],
                       [*self._people.values(), *people], [*own_roles, *roles],
                       {**self._agents, **{a.term: a for a in agents}}.values(),
                       self._groups, preferred)

    # --- compiled form (kb.compiled) ------------------------------------------

    def to_plain(self) -> dict[str, Any]:
        """Everything built, as tuples and dicts that marshal can store."""
        roles = list({id(r): r for rs in self._roles.values() for r in rs}.values())
        number = {id(r): i for i, r in enumerate(roles)}
        return {
            "groups": [astuple(g) for g in self._groups],
            "countries": [astuple(c) for c in self._countries.values()],
            "orgs": [astuple(o) for o in self._orgs.values()],
            "people": [tuple(p) for p in self._people.values()],
            "agents": [astuple(a) for a in self._agents.values()],
            "roles": [tuple(r) for r in roles],
            "roles_by_person": {k: [number[id(r)] for r in v] for k, v in self._roles.items()},
            "offices": {k: [number[id(r)] for r in v] for k, v in self._offices.items()},
            "aliases": {k: [tuple(t) for t in v] for k, v in self._aliases.items()},
            "surnames": dict(self._surnames),
            "name_keys": dict(self._name_keys),
            "name_words": self.name_words,
        }

    @classmethod
    def from_plain(cls, state: dict[str, Any]) -> ActorKB:
        """The knowledge base ``to_plain`` stored, without building its indexes again."""
        kb = cls.__new__(cls)
        kb._groups = tuple(Group(*g) for g in state["groups"])
        kb._countries = MappingProxyType({c[0]: Country(*c) for c in state["countries"]})
        kb._orgs = MappingProxyType({o[0]: Org(*o) for o in state["orgs"]})
        kb._people = MappingProxyType(LazyRecords(Person._make, {p[0]: p for p in state["people"]}))
        kb._agents = MappingProxyType({a[0]: Agent(*a) for a in state["agents"]})
        roles = state["roles"]

        def role_records(numbers: list[int]) -> tuple[Role, ...]:
            return tuple(Role._make(roles[i]) for i in numbers)

        kb._roles = MappingProxyType(LazyRecords(role_records, state["roles_by_person"]))
        kb._offices = MappingProxyType(LazyRecords(role_records, state["offices"]))
        kb._aliases = MappingProxyType(LazyRecords(
            lambda targets: tuple(map(AliasTarget._make, targets)), state["aliases"]))
        kb.__dict__["name_words"] = state["name_words"]
        kb._surnames = MappingProxyType(state["surnames"])
        kb._name_keys = MappingProxyType(state["name_keys"])
        return kb

    # --- look-ups -----------------------------------------------------------

    def aliases(self) -> Iterator[str]:
        """Every alias in the knowledge base, lower-cased and whitespace-normalised."""
        return iter(self._aliases)

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Lower-case words of people's names: scraping glues them to the next word
        ("Zelenskysaid"), and text repair must know them as names, not typos."""
        return frozenset(word for p in self._people.values() for alias in (p.name, *p.aliases)
                         for word in alias.lower().split() if len(word) >= MIN_NAME_WORD)

    @cached_property
    def _country_deletions(self) -> dict[str, tuple[AliasTarget, ...]]:
        """One-word country names and demonyms under themselves and each one-letter
        deletion of them (symmetric delete): a misspelling one edit away shares a key."""
        index: dict[str, dict[AliasTarget, None]] = defaultdict(dict)
        for c in self._countries.values():
            for alias in c.aliases:
                if alias.isalpha() and not alias.isupper() and len(alias) >= MIN_MISSPELT_LETTERS:
                    target = AliasTarget(alias, "country", c.code)
                    for key in _deletions(alias.lower()):
                        index[key][target] = None
        return {k: tuple(v) for k, v in index.items()}

    def misspelt_country(self, word: str) -> AliasTarget | None:
        """The country a rare word misspells by one edit ("Ethopia" -> Ethiopia), or None.

        The first letter must agree, the word must not be a common English word
        and only one country may be that close; callers check the word is no alias
        or name of the knowledge base first.
        """
        lower = word.lower()
        found = {t.key: t for key in _deletions(lower) for t in self._country_deletions.get(key, ())
                 if t.alias[0].lower() == lower[0]}
        if len(found) != 1:
            return None
        target = next(iter(found.values()))
        rarity = _zipf(lower)
        if rarity > MAX_MISSPELT_ZIPF or _zipf(target.alias) - rarity < MIN_MISSPELT_ZIPF_GAP:
            return None
        return target

    def lookup(self, text: str) -> tuple[AliasTarget, ...]:
        """What an alias may name (case-insensitive); empty when unknown."""
        return self._aliases.get(_norm(text), ())

    def country(self, code: str) -> Country | None:
        return self._countries.get(code)

    def org(self, org_id: str) -> Org | None:
        return self._orgs.get(org_id)

    def person(self, person_id: str) -> Person | None:
        return self._people.get(person_id)

    def agent(self, term: str) -> Agent | None:
        return self._agents.get(_norm(term))

    def sector_of(self, term: str) -> str | None:
        """PLOVER sector of an agent noun ("troops" -> MIL), or None."""
        agent = self.agent(term)
        return agent.sector if agent else None

    def by_surname(self, surname: str) -> tuple[str, ...]:
        """Ids of people whose name (or a full-name alias) ends in ``surname``."""
        return self._surnames.get(surname_key(surname), ())

    def by_name(self, name: str) -> tuple[str, ...]:
        """Ids of people with the same first name and surname, middle names aside."""
        words = name.split()
        if len(words) < 2:
            return ()
        return self._name_keys.get((words[0].lower(), surname_key(name)), ())

    def roles_of(self, person_id: str) -> tuple[Role, ...]:
        return self._roles.get(person_id, ())

    def code_of(self, owner: str) -> str:
        """Entity code of a role's country column: ISO code, or an organisation's code."""
        org = self._orgs.get(owner)
        return org.code if org else owner

    def name_of(self, owner: str) -> str | None:
        """Canonical name of a country code or organisation id."""
        org = self._orgs.get(owner)
        if org:
            return org.name
        country = self._countries.get(owner)
        return country.name if country else None

    # --- dated roles ---------------------------------------------------------

    def _role_on(self, office: str, owner: str, date: str | None) -> Role | None:
        roles = self._offices.get((office, owner), ())
        if date is None:
            current = [r for r in roles if not r.end]
        else:
            current = [r for r in roles if r.active(date)]
        return current[-1] if current else None

    def holder(self, office: str, owner: str, date: str | None) -> Person | None:
        """Who held an office on a date ("president", "KOR", "2024-06-01" -> Yoon Suk Yeol).

        office (str): office name as in roles.csv; "leader" falls back to the
            country's leading office (prime minister in Japan, chancellor in Germany).
        owner (str): ISO alpha-3 code or organisation id.
        date (str | None): YYYY-MM-DD; None means the current holder.
        RETURNS (Person | None): the holder, or None when unknown.
        """
        role = self._role_on(office, owner, date)
        if role is None and office == "leader" and owner in self._countries:
            role = self._role_on(self._countries[owner].leader_office, owner, date)
        return self._people.get(role.person_id) if role else None

    def predecessor(self, office: str, owner: str, date: str | None) -> Person | None:
        """The previous holder of an office, before whoever held it on ``date``.

        RETURNS (Person | None): the predecessor, never the holder on that date.
        """
        if office == "leader" and owner in self._countries and not self._offices.get(
                (office, owner)):
            office = self._countries[owner].leader_office
        role = self._role_on(office, owner, date)
        if role is None or not role.start:
            return None
        earlier = [r for r in self._offices.get((office, owner), ())
                   if r.start < role.start and r.person_id != role.person_id]
        return self._people.get(earlier[-1].person_id) if earlier else None

    def affiliation(self, person_id: str, date: str | None) -> tuple[str | None, str | None]:
        """(code, sector) of a person on a date: the role held then, else the nearest one.

        Out of office, a person keeps the country of the nearest role but no sector:
        a former minister is no longer government.
        """
        roles = self.roles_of(person_id)
        if not roles:
            return None, None
        when = date or "9999-12-31"
        active = [r for r in roles if r.active(when)]
        if active:
            best = max(active, key=lambda r: (bool(r.office), r.start or ""))
            return self.code_of(best.country), best.sector or None
        nearest = min(roles, key=lambda r: (_distance(r, when), not r.office))
        return self.code_of(nearest.country), None

    def active(self, person_id: str, date: str | None) -> bool:
        """Whether a person holds any dated role on a date (any role when date is None)."""
        return any(date is None or r.active(date) for r in self.roles_of(person_id))

    def offices_of(self, person_id: str, date: str | None) -> tuple[tuple[str, str], ...]:
        """(office, owner) pairs a person holds on a date (all offices when date is None)."""
        return tuple((r.office, r.country) for r in self.roles_of(person_id)
                     if r.office and (date is None or r.active(date)))


def _deletions(word: str) -> set[str]:
    """A word and every string one letter shorter than it."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def _zipf(word: str) -> float:
    """Zipf frequency of an English word; wordfreq loads only when a misspelling is likely."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _distance(role: Role, date: str) -> int:
    """Days between a date and a role's span (0 inside it); undated ends count as open."""
    def days(value: str) -> int:
        y, m, d = (int(x) for x in value.split("-"))
        return y * 372 + m * 31 + d
    when = days(date)
    if role.end and days(role.end) <= when:
        return when - days(role.end) + 1
    if role.start and when < days(role.start):
        return days(role.start) - when
    return 0


def _countries() -> Iterator[Country]:
    for row in read_csv("actors", "countries.csv"):
        metonyms = []
        for item in _split(row["metonyms"]):
            alias, _, sector = item.partition("=")
            metonyms.append((alias, sector or DEFAULT_METONYM_SECTOR))
        yield Country(row["code"], row["name"], _split(row["aliases"]), tuple(metonyms),
                      row["leader_office"], frozenset(_split(row["ambiguous"])))


ACTOR_TABLES = tuple(("actors", name) for name in (
    "countries.csv", "orgs.csv", "people.csv", "roles.csv", "agents.csv", "groups.csv"))


@lru_cache(maxsize=1)
def _predecessors() -> dict[str, tuple[tuple[str, str], ...]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read_csv("actors", "predecessor_states.csv"):
        found[row["code"]].append((row["then"], row["until"]))
    return {code: tuple(sorted(rows, key=lambda r: r[1])) for code, rows in found.items()}


def code_on(code: str | None, date: str | None) -> str | None:
    """The state a country's name stood for on a story's date: its predecessor before the
    day it stood alone ("Moscow" in a 1987 story is the Soviet Union;
    predecessor_states.csv). No date, no change."""
    if not code or not date:
        return code
    return next((then for then, until in _predecessors().get(code, ()) if date < until), code)


@lru_cache(maxsize=1)
def load_actor_kb() -> ActorKB:
    """The packaged actor knowledge base, loaded once per process (compiled once per
    machine, see ``kb.compiled``)."""
    return compiled("actors", ACTOR_TABLES, build_actor_kb, ActorKB.to_plain,
                    ActorKB.from_plain)


def build_actor_kb() -> ActorKB:
    """The actor knowledge base built from its packaged tables."""
    orgs = (Org(r["id"], r["name"], r["code"], r["sector"] or None, _split(r["aliases"]))
            for r in read_csv("actors", "orgs.csv"))
    people = (Person(r["id"], r["name"], _split(r["aliases"]), r["gender"] or None,
                     r["wikidata_id"] or None) for r in read_csv("actors", "people.csv"))
    roles = (Role(r["person_id"], r["office"], r["country"], r["sector"] or None, r["start"],
                  r["end"], r["source"]) for r in read_csv("actors", "roles.csv"))
    agents = (Agent(r["term"], r["sector"] or None, r["office"] or None)
              for r in read_csv("actors", "agents.csv"))
    groups = (Group(r["term"], _split(r["aliases"])) for r in read_csv("actors", "groups.csv"))
    return ActorKB(_countries(), orgs, people, roles, agents, groups)
