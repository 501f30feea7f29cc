"""Build eventwire's actor knowledge base (package data) from the reference dictionaries.

Reads the PETRARCH/Phoenix dictionaries and country tables in SHARED/data and
the hand-curated CSV files in src/eventwire/data/actors/*_curated.csv, and
writes sorted, deterministic CSV files next to them:

    countries.csv  orgs.csv  agents.csv  people.csv  roles.csv

Usage: python scripts/build_actors.py [--shared /work/shared]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path

from eventwire.kb.petrarch import (
    CAMEO_TO_PLOVER_SECTOR,
    DictionaryError,
    parse_agents,
    parse_role,
    plural,
    read_actor_entries,
)

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "data" / "actors"
SEP = "|"



def read_curated(name: str) -> list[dict[str, str]]:
    with (OUT / name).open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if not row[next(iter(row))].startswith("#")]


def write_csv(name: str, header: list[str], rows: list[list[str]]) -> None:
    rows = sorted({tuple(r) for r in rows})
    with (OUT / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(SEP) if v.strip()]


def join(values: list[str]) -> str:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return SEP.join(seen)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# --- countries -------------------------------------------------------------

# Endings of a one-word demonym that names one person and takes an "s" for the people
# ("Kenyan" -> "Kenyans", "Kazakhstani" -> "Kazakhstanis"; not "Swiss" or "Chinese").
PLURAL_DEMONYM_ENDINGS = ("an", "i")


def demonym_plurals(demonyms: list[str], country: str) -> list[str]:
    """The plurals of one-word demonyms the table gives only in the singular: "Kenyans
    protested" names Kenya's people as "Kenyan" does."""
    return [d + "s" for d in demonyms if " " not in d and d != country.strip()
            and d.endswith(PLURAL_DEMONYM_ENDINGS)]


def build_countries(shared: Path) -> None:
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = defaultdict(list)
    with (shared / "actors" / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["CCA3"].strip()
            if not re.fullmatch(r"[A-Z]{3}", code):
                continue
            names[code] = row["Name"].strip()
            # Only the leading nationality words: later ones list dependent territories.
            nat = [v.strip() for v in row["Nationality"].split(",") if v.strip()][:4]
            aliases[code] += [row["Name"].strip()] + nat + demonym_plurals(nat, row["Name"])
    for line in (shared / "cameo" / "text_to_CAMEO_countrynames.txt").read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[1]) == 3 and parts[1] in names:
            aliases[parts[1]].append(parts[0].strip())
    curated = {row["code"]: row for row in read_curated("countries_curated.csv")}
    rows = []
    for code, name in names.items():
        cur = curated.get(code, {})
        if cur.get("name") == "-":
            continue
        name = cur.get("name") or name
        drop = set(split(cur.get("drop")))
        alias_list = [a for a in [name] + aliases[code] + split(cur.get("aliases"))
                      if a not in drop and "(" not in a]
        rows.append([code, name, join(alias_list), join(split(cur.get("metonyms"))),
                     cur.get("leader_office") or "president", join(split(cur.get("ambiguous")))])
    for code, cur in curated.items():
        if code not in names:
            rows.append([code, cur["name"], join([cur["name"]] + split(cur.get("aliases"))),
                         join(split(cur.get("metonyms"))), cur.get("leader_office") or "president",
                         join(split(cur.get("ambiguous")))])
    write_csv("countries.csv", ["code", "name", "aliases", "metonyms", "leader_office",
                                "ambiguous"], rows)


# --- organisations ---------------------------------------------------------

def build_orgs() -> None:
    rows = [[r["id"], r["name"], r["code"], r["sector"], join([r["name"]] + split(r["aliases"]))]
            for r in read_curated("orgs_curated.csv")]
    write_csv("orgs.csv", ["id", "name", "code", "sector", "aliases"], rows)


# --- agents ----------------------------------------------------------------

def build_agents(shared: Path) -> None:
    agents = parse_agents(shared / "actors" / "PLOVER_agents.txt", False, warn)
    for term, sector in parse_agents(shared / "actors" / "Phoenix.agents.txt", True, warn).items():
        agents.setdefault(term, sector)
    for line in (shared / "cameo" / "text_to_CAMEO_agentnames.txt").read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].endswith(" Ministry"):
            sector = CAMEO_TO_PLOVER_SECTOR.get(parts[1][:3], parts[1][:3])
            for head in parts[0][: -len(" Ministry")].split(" / "):
                agents.setdefault(f"{head.strip().lower()} ministry", sector)
    offices: dict[str, str] = {}
    for row in read_curated("agents_curated.csv"):
        term = row["term"].strip().lower()
        if row["sector"] == "-":
            agents.pop(term, None)
            continue
        agents[term] = row["sector"]
        if row["office"]:
            offices[term] = row["office"]
        plural_form = (row.get("plural") or "").strip().lower()
        if plural_form != "no":
            # the row's own plural where the rule would be wrong ("oligarchs", not "oligarches")
            agents.setdefault(plural_form or plural_phrase(term), row["sector"])
    for term, sector in list(agents.items()):
        # British spelling of the source dictionaries' American terms: "international
        # organisations", "a terrorist organisation", "organised crime"
        agents.setdefault(term.replace("organiz", "organis"), sector)
    rows = [[term, sector, offices.get(term, "")] for term, sector in agents.items()
            if re.fullmatch(r"[a-z][a-z .'-]*", term)]
    write_csv("agents.csv", ["term", "sector", "office"], rows)


def plural_phrase(term: str) -> str:
    words = term.split(" ")
    # "minister of defence" -> "ministers of defence"
    head = words.index("of") - 1 if "of" in words else len(words) - 1
    words[head] = plural(words[head])
    return " ".join(words)


# --- people and roles --------------------------------------------------------

def parse_phoenix_people(path: Path) -> dict[str, tuple[str, list[str], list[tuple]]]:
    """Phoenix person entries that carry at least one dated role."""
    people: dict[str, tuple[str, list[str], list[tuple]]] = {}
    for entry in read_actor_entries(path, on_error=warn):
        roles = [role for code, dates in entry.codes if (role := parse_role(code, dates))]
        name = entry.names[0].title()
        if roles and len(name.split()) >= 2:
            person = people.setdefault(slug(name), (name, [], []))
            person[1].extend(a.title() for a in entry.names[1:] if len(a.split()) >= 2)
            person[2].extend(roles)
    return people


def warn(error: DictionaryError) -> None:
    print(f"skipped {error}")


def build_people(shared: Path) -> None:
    source = "Phoenix"
    people: dict[str, list[str]] = {}
    roles: list[list[str]] = []
    by_name: dict[str, str] = {}
    for row in read_curated("people_curated.csv"):
        pid = row["id"]
        if pid not in people:
            people[pid] = [pid, row["name"], "", "", ""]
        person = people[pid]
        person[1] = row["name"] or person[1]
        person[2] = join(split(person[2]) + split(row["aliases"]))
        person[3] = row["gender"] or person[3]
        person[4] = row["wikidata_id"] or person[4]
        for alias in [row["name"]] + split(row["aliases"]):
            if len(alias.split()) >= 2:
                by_name[slug(alias)] = pid
        # A row without an office is still a dated role: a party leader, a candidate, a rebel.
        if row["office"] or row["country"]:
            roles.append([pid, row["office"], row["country"], row["sector"], row["start"],
                          row["end"], row["source"]])
    org_codes = {r["id"]: r["code"] for r in read_curated("orgs_curated.csv")}
    curated: dict[str, list[list[str]]] = defaultdict(list)
    for role in roles:
        curated[role[0]].append(role)
    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for pid, (name, aliases, dated) in parse_phoenix_people(shared / "actors" / file).items():
            pid = by_name.get(pid, pid)
            if pid not in people:
                people[pid] = [pid, name, join(aliases), "", ""]
            for country, sector, start, end in dated:
                if not end and covered(curated[pid], country, start, org_codes):
                    continue
                if not end:
                    end = min((r[4] for r in curated[pid] if r[4] > start), default="")
                roles.append([pid, "", country, sector, start, end, source])
    write_csv("people.csv", ["id", "name", "aliases", "gender", "wikidata_id"],
              list(people.values()))
    write_csv("roles.csv", ["person_id", "office", "country", "sector", "start", "end",
                            "source"], roles)


def covered(curated: list[list[str]], country: str, start: str,
            org_codes: dict[str, str]) -> bool:
    """Whether a curated role of the same country is held on the day a Phoenix role starts.

    Phoenix leaves a role open when its dictionaries stopped (2015-2017); once the curated
    rows date that person's career, the open role would keep them in office for good. A
    covered open role is dropped; one that is not ends where the next curated role starts.
    """
    return any(org_codes.get(r[2], r[2]) == country and (not r[4] or r[4] <= start)
               and (not r[5] or start < r[5]) for r in curated)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    args = parser.parse_args()
    data = args.shared / "data"
    build_countries(data)
    build_orgs()
    build_agents(data)
    build_people(data)


if __name__ == "__main__":
    main()
