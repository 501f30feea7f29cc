"""What makes an event political: the participant policy and the off-topic domains.

Loads ``data/relevance/``: ``political_actors.tsv`` (which codes and sectors make
a participant political, per side and event type), ``domains.tsv`` and
``topics.tsv`` (sport, markets, disasters: their cue words and thresholds) and
``nonagent_causes.txt`` (floods and viruses harm but act for no one) and
``agentive_heads.txt`` (a decision or an offensive acts for its owner; an
economy or a stock index does not) and ``market_heads.txt`` (roasters, noteholders and the
dollar are an economy's, not a state's) and ``state_body_words.txt`` (a committee or a
ministry named with a country is no firm).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventwire.errors import DataError
from eventwire.kb.ontology import PLOVER_TYPES
from eventwire.kb.tables import read_lines, read_tsv

SIDES = ("actor", "recipient")
ANY = "*"
COUNTRY = "country"
# Mention kinds that the places stage infers from the setting, and names the knowledge
# base does not know: they place an event but never make it political.
INFERRED_KINDS = frozenset({"place", "home", "unresolved"})
KEEPS = ("sectors", "states")
# Mention kinds that name a place (a country, a capital): as a visit's destination they are
# where the visitor goes, while a person or an organisation visited is a host.
PLACE_NAME_KINDS = frozenset({"country", "metonym"})


@dataclass(frozen=True)
class Domain:
    """An off-topic domain: its threshold and which events survive in it."""

    name: str
    threshold: float
    keeps: str  # "sectors": explicit political sectors only; "states": bare countries too
    cues: Mapping[str, float]  # one or two lower-case words -> weight
    # cues that name the topic only as nouns ("bond spreads", not "the virus spreads")
    noun_cues: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PoliticalPolicy:
    """Which participants make an event political (``political_actors.tsv``)."""

    codes: Mapping[tuple[str, str], frozenset[str]]  # (side, code) -> event types
    sectors: Mapping[tuple[str, str], frozenset[str]]  # (side, sector) -> event types
    state_sectors: frozenset[str]  # sectors political for every type on either side
    acts: Mapping[str, frozenset[str]]  # event type -> modes political by themselves ("*": all)
    destinations: Mapping[str, frozenset[str]]  # event type -> modes whose recipient is a place
    private_sectors: Mapping[str, frozenset[str]]  # event type -> actor sectors of private acts
    act_nouns: Mapping[str, frozenset[str]] = field(default_factory=dict)  # type -> noun lemmas
    act_verbs: Mapping[str, frozenset[str]] = field(default_factory=dict)  # type -> verb lemmas
    private_kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)  # type -> kinds
    # types a private actor does for itself, whoever the recipient ("private-act" rows)
    private_acts: frozenset[str] = frozenset()

    def is_private_actor(self, event: str, members: list[Mapping[str, Any]]) -> bool:
        """True when every actor is a firm, private people or a name nobody knows
        ("bare-recipient" rows)."""
        sectors = self.private_sectors.get(event, frozenset())
        kinds = self.private_kinds.get(event, frozenset())
        return bool(members) and all(
            m.get("sector") in sectors or not m.get("code") and m.get("kind") in kinds
            for m in members)

    def recipient_is_destination(self, event: str, modes: list[str]) -> bool:
        """True when the recipient is only where the actor goes (a visit's host country)."""
        return any(mode in self.destinations.get(event, ()) for mode in modes)

    def is_political_act(self, event: str, modes: list[str], noun: str | None = None,
                         verb: str | None = None) -> bool:
        """True for an act only political actors perform (a protest, an air strike); ``noun``
        is the lemma of a nominal trigger ("clashes", "a battle"), ``verb`` of a verbal one
        ("were charged with murder")."""
        allowed = self.acts.get(event, frozenset())
        return ANY in allowed or any(mode in allowed for mode in modes) or \
            noun is not None and noun in self.act_nouns.get(event, ()) or \
            verb is not None and verb in self.act_verbs.get(event, ())

    def is_political(self, member: Mapping[str, Any], side: str, event: str,
                     is_country: bool) -> bool:
        """True when this participant (a mention or a group member) makes ``event`` political.

        A country's people count through their sector (Iranian civilians are no state); an
        organisation's code counts whatever its sector (the WHO, a UN body, is political
        though its sector is health).
        """
        sector, code = member.get("sector"), member.get("code")
        if sector and event in self.sectors.get((side, sector), ()):
            return True
        if not code or sector and is_country:
            return False
        key = COUNTRY if is_country else code
        return event in self.codes.get((side, key), ())


def _types(cell: str, where: str) -> frozenset[str]:
    if cell.strip() == ANY:
        return frozenset(PLOVER_TYPES)
    types = frozenset(t.strip() for t in cell.split(",") if t.strip())
    unknown = sorted(types - set(PLOVER_TYPES))
    if unknown:
        raise DataError(f"{where}: unknown PLOVER types {unknown}")
    return types


@lru_cache(maxsize=1)
def load_policy() -> PoliticalPolicy:
    """The packaged participant policy, expanded per side."""
    codes: dict[tuple[str, str], frozenset[str]] = {}
    sectors: dict[tuple[str, str], frozenset[str]] = {}
    acts: dict[str, frozenset[str]] = {}
    destinations: dict[str, frozenset[str]] = {}
    private: dict[str, frozenset[str]] = {}
    nouns: dict[str, frozenset[str]] = {}
    verbs: dict[str, frozenset[str]] = {}
    private_kinds: dict[str, frozenset[str]] = {}
    private_acts: frozenset[str] = frozenset()
    where = "relevance/political_actors.tsv"
    for row in read_tsv("relevance", "political_actors.tsv"):
        if row["side"] == "private-act":
            private_acts |= _types(row["events"], where)
            continue
        if row["side"] == "bare-recipient" and row["match"] in ("sector", "kind"):
            values = frozenset(v.strip() for v in row["value"].split(","))
            table = private if row["match"] == "sector" else private_kinds
            for event in _types(row["events"], where):
                table[event] = table.get(event, frozenset()) | values
            continue
        if row["side"] == "event" and row["match"] in ("noun", "verb") or \
                row["side"] in ("event", "destination") and row["match"] == "mode":
            modes = frozenset(m.strip() for m in row["value"].split(","))
            by_type = nouns if row["match"] == "noun" else verbs if row["match"] == "verb" \
                else acts if row["side"] == "event" else destinations
            for event in _types(row["events"], where):
                by_type[event] = by_type.get(event, frozenset()) | modes
            continue
        sides = SIDES if row["side"] == "any" else (row["side"],)
        if not set(sides) <= set(SIDES) or row["match"] not in ("code", "sector"):
            raise DataError(f"{where}: bad row {row}")
        table = codes if row["match"] == "code" else sectors
        for side in sides:
            key = (side, row["value"])
            table[key] = table.get(key, frozenset()) | _types(row["events"], where)
    every = frozenset(PLOVER_TYPES)
    state = frozenset(s for (side, s), types in sectors.items()
                      if types == every and sectors.get(("recipient", s)) == every)
    return PoliticalPolicy(codes=codes, sectors=sectors, state_sectors=state, acts=acts,
                           destinations=destinations, private_sectors=private,
                           act_nouns=nouns, act_verbs=verbs, private_kinds=private_kinds,
                           private_acts=private_acts)


@lru_cache(maxsize=1)
def load_domains() -> tuple[Domain, ...]:
    """The off-topic domains with their cue words."""
    cues: dict[str, dict[str, float]] = {}
    nouns: dict[str, set[str]] = {}
    for row in read_tsv("relevance", "topics.tsv"):
        cues.setdefault(row["domain"], {})[row["cue"].lower()] = float(row["weight"])
        if row.get("pos") == "NOUN":
            nouns.setdefault(row["domain"], set()).add(row["cue"].lower())
    domains = []
    for row in read_tsv("relevance", "domains.tsv"):
        if row["keeps"] not in KEEPS or row["domain"] not in cues:
            raise DataError(f"relevance/domains.tsv: bad row {row}")
        domains.append(Domain(row["domain"], float(row["threshold"]), row["keeps"],
                              cues[row["domain"]],
                              frozenset(nouns.get(row["domain"], ()))))
    return tuple(domains)


@lru_cache(maxsize=1)
def load_agentive_heads() -> frozenset[str]:
    """Lemmas of nouns whose owner does what they do (``agentive_heads.txt``)."""
    return frozenset(line.strip().lower() for line in read_lines("relevance",
                                                                 "agentive_heads.txt"))


@lru_cache(maxsize=1)
def load_nonagent_causes() -> frozenset[str]:
    """Lemmas of subjects that cause harm without acting for anyone."""
    return frozenset(line.strip().lower() for line in read_lines("relevance",
                                                                 "nonagent_causes.txt"))


@lru_cache(maxsize=1)
def load_cause_verbs() -> frozenset[str]:
    """Lemmas of verbs only a harm without an agent does (``cause_verbs.txt``)."""
    return frozenset(line.strip().lower() for line in read_lines("relevance", "cause_verbs.txt"))


@lru_cache(maxsize=1)
def load_market_heads() -> frozenset[str]:
    """Nouns of firms, trades and money whose country modifier names no state
    (``market_heads.txt``)."""
    return frozenset(line.strip().lower() for line in read_lines("relevance",
                                                                 "market_heads.txt"))


@lru_cache(maxsize=1)
def load_state_body_words() -> frozenset[str]:
    """Words that make an organisation's name a state or political body, not a firm
    (``state_body_words.txt``)."""
    return frozenset(line.strip().lower() for line in read_lines("relevance",
                                                                 "state_body_words.txt"))
