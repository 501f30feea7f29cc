"""A user's own actor dictionaries (``eventwire code --actors FILE``, ``Coder(actors=...)``).

A file is a PETRARCH actor dictionary (the Phoenix format, read by ``kb.petrarch``
like the packaged knowledge base's sources), a PETRARCH agents file, or a CSV/TSV
table with the columns ``name, code, sector, start, end``. Its entries join the
packaged knowledge base and win over it for the names they define; dated roles
are read against the story date like the packaged ones.

How an entry is stored follows from its codes: a bare code (``ARNOR [ARN]``) is a
country, so "Arnor's troops" are ARN MIL; a code with a sector (``WASHINGTON
[USAGOV]``) is an organisation; an entry with dated roles is a person whose code
and sector change with the story date, its undated code holding on other days.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

from eventwire.errors import Errors, UsageError
from eventwire.kb.actors import (
    ActorKB,
    Agent,
    AliasTarget,
    Country,
    Org,
    Person,
    Role,
    load_actor_kb,
)
from eventwire.kb.petrarch import (
    CODE,
    NULL_CODES,
    DictionaryError,
    dictionary_lines,
    parse_agents,
    parse_date,
    parse_role,
    read_actor_entries,
    split_code,
)

TABLE_DELIMITERS = {".csv": ",", ".tsv": "\t"}
TABLE_COLUMNS = ("name", "code", "sector", "start", "end")
# Dates a PETRARCH role may carry: '<D' until, '>D' from, 'D-D' between; D is YYMMDD or YYYYMMDD.
ROLE_DATES = re.compile(r"^(?:[<>]\d{6}(?:\d\d)?|\d{6}(?:\d\d)?-\d{6}(?:\d\d)?)$")
CODE_WORD = re.compile(r"^[A-Z0-9]{3,}$")
# Single words this short stay as written: acronyms ("PLO", "USSR") match only in capitals.
ACRONYM_LETTERS = 4
USER_ID = "user:"


@dataclass
class UserActor:
    """One actor of a user file: names, the code it has on any day, and dated roles."""

    names: list[str]
    where: str  # file:line, for messages and the roles' source
    default: tuple[str, str] | None = None  # (code, sector)
    roles: list[tuple[str, str, str, str]] = field(default_factory=list)


def actor_kb(paths: Sequence[str | Path] = ()) -> ActorKB:
    """The packaged knowledge base extended by the user's dictionaries; built once per
    set of files as they are on disk (an edited file is read again)."""
    if not paths:
        return load_actor_kb()
    key = []
    for path in paths:
        try:
            stat = Path(path).stat()
        except OSError as err:
            raise UsageError(Errors.E001.format(source=path)) from err
        key.append((str(path), stat.st_mtime_ns, stat.st_size))
    return _extended_kb(tuple(key))


@lru_cache(maxsize=4)
def _extended_kb(files: tuple[tuple[str, int, int], ...]) -> ActorKB:
    actors: list[UserActor] = []
    agents: dict[str, str] = {}
    for name, _, _ in files:
        path = Path(name)
        try:
            if path.suffix.lower() in TABLE_DELIMITERS:
                found, nouns = read_table(path)
            elif _is_agents_file(path):
                found, nouns = [], parse_agents(path, cameo_sectors=True)
            else:
                found, nouns = list(read_petrarch(path)), {}
        except DictionaryError as err:
            raise UsageError(Errors.E019.format(source=f"{err.source}:{err.line}",
                                                reason=err.reason)) from err
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(Errors.E019.format(source=path, reason=err)) from err
        actors += found
        agents.update(nouns)
    return _extend(load_actor_kb(), actors, agents)


def _is_agents_file(path: Path) -> bool:
    """Whether a PETRARCH file codes agents (``[~GOV]``) rather than actors."""
    for _, line in dictionary_lines(path):
        codes = CODE.findall(line)
        if codes:
            return "~" in codes[0]
    return False


def read_petrarch(path: Path) -> Iterator[UserActor]:
    """The actors of a PETRARCH actor dictionary, with its dates checked."""
    for entry in read_actor_entries(path):
        actor = UserActor([display_name(n) for n in entry.names if n],
                          f"{path}:{entry.line}")
        if not entry.codes:
            raise DictionaryError(path, entry.line, f"actor {entry.names[0]!r} has no code")
        for code, dates in entry.codes:
            code = code.split("/")[0]  # a shared code ("ELR/GAL"): eventwire keeps one
            if code in NULL_CODES:
                continue
            if not dates:
                actor.default = actor.default or split_code(code)
                continue
            role = parse_role(code, dates) if ROLE_DATES.match(dates) else None
            if role is None or not all(_real_date(d) for d in re.split(r"[<>-]", dates) if d):
                raise DictionaryError(path, entry.line, f"{actor.names[0]}: date {dates!r} not "
                                      "understood (YYMMDD or YYYYMMDD; '<D', '>D' or 'D-D')")
            actor.roles.append(role)
        if actor.default or actor.roles:
            yield actor


def _real_date(value: str) -> bool:
    """Whether a PETRARCH date is a day of the calendar (no month 13)."""
    try:
        Date.fromisoformat(parse_date(value))
    except ValueError:
        return False
    return True


def display_name(name: str) -> str:
    """How a PETRARCH name (written in capitals) is matched in text: words in title case,
    except a short single word, which is an acronym ("PLO") or matches either way ("IRAN")."""
    if " " not in name and sum(c.isalpha() for c in name) <= ACRONYM_LETTERS:
        return name
    return name.title() if name.isupper() else name


def read_table(path: Path) -> tuple[list[UserActor], dict[str, str]]:
    """The actors and agent nouns (term -> sector) of a CSV or TSV table: one row per
    actor, dated role or agent noun.

    Columns name, code, sector, start, end (a header row naming them may reorder
    them; sector, start and end may be left out). Rows of the same name are one
    actor; a row with dates is a role, one without is the code on other days.
    A row with a sector and no code is an agent noun ("warlord", "", "REB").
    """
    by_name: dict[str, UserActor] = {}
    agents: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.reader(stream, delimiter=TABLE_DELIMITERS[path.suffix.lower()])
        columns: list[str] = []  # set by the first row: its header, else the default order
        for number, row in enumerate(rows, 1):
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            first, columns = not columns, columns or list(TABLE_COLUMNS)
            if first and {"name", "code"} <= {c.lower() for c in cells}:
                columns = [c.lower() for c in cells]
                unknown = set(columns) - set(TABLE_COLUMNS)
                if unknown:
                    raise DictionaryError(path, number, f"unknown column(s) {sorted(unknown)}; "
                                          f"columns are {', '.join(TABLE_COLUMNS)}")
                continue
            if len(cells) > len(columns):
                raise DictionaryError(path, number, f"{len(cells)} cells, at most "
                                      f"{len(columns)} ({', '.join(columns)})")
            value = dict(zip(columns, cells, strict=False))
            name, code = value.get("name", ""), value.get("code", "").upper()
            sector = value.get("sector", "").upper()
            if not name or not (code or sector):
                raise DictionaryError(path, number, "a row needs a name and a code "
                                      "(or, for an agent noun, a sector)")
            if code and not CODE_WORD.match(code):
                raise DictionaryError(path, number, f"code {code!r}: three or more letters "
                                      "or digits (ISO alpha-3 or an international code)")
            if code and not sector:
                code, sector = split_code(code)
            start = _iso_date(path, number, value.get("start", ""))
            end = _iso_date(path, number, value.get("end", ""))
            if not code:
                if start or end:
                    raise DictionaryError(path, number, "an agent noun (no code) has no dates")
                agents[name.lower()] = sector
                continue
            actor = by_name.setdefault(name.lower(), UserActor([name], f"{path}:{number}"))
            if start or end:
                actor.roles.append((code, sector, start, end))
            elif actor.default is None:
                actor.default = (code, sector)
    return list(by_name.values()), agents


def _iso_date(path: Path, number: int, value: str) -> str:
    if not value:
        return ""
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise DictionaryError(path, number, f"date {value!r} is not YYYY-MM-DD") from err


def _extend(kb: ActorKB, actors: list[UserActor], agents: dict[str, str]) -> ActorKB:
    """The knowledge base with the user's actors and agents, theirs winning by name."""
    countries: list[Country] = []
    orgs: list[Org] = []
    people: list[Person] = []
    roles: list[Role] = []
    preferred: list[AliasTarget] = []
    for actor in actors:
        key = USER_ID + _slug(actor.names[0])
        aliases = tuple(dict.fromkeys(actor.names))
        if actor.roles:
            people.append(Person(key, actor.names[0], aliases, None, None))
            spans = [*actor.roles, *([(*actor.default, "", "")] if actor.default else [])]
            # dated roles first: on a day both hold, the dated one wins
            roles += [Role(key, "", code, sector or None, start, end, actor.where)
                      for code, sector, start, end in spans]
            preferred += [AliasTarget(a, "person", key) for a in aliases]
        elif actor.default and actor.default[1]:
            code, sector = actor.default
            orgs.append(Org(key, actor.names[0], code, sector, aliases))
            preferred += [AliasTarget(a, "org", key, sector) for a in aliases]
        elif actor.default:
            code = actor.default[0]
            known = kb.country(code)
            countries.append(Country(code, known.name if known else actor.names[0], aliases,
                                     (), "president", frozenset()))
            preferred += [AliasTarget(a, "country", code) for a in aliases]
    agent_rows = [Agent(term, sector, None) for term, sector in agents.items()]
    preferred += [AliasTarget(a.term, "agent", a.term, a.sector) for a in agent_rows]
    return kb.extended(countries, orgs, people, roles, agent_rows, preferred)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
