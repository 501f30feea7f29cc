"""Derive event nouns ("the arrest of", "an offensive against") from the verb knowledge.

The CAMEO verb dictionary codes verbs; news often names the same events with nouns.
Two general sources give a noun its CAMEO code, with no sentence-specific rows:

1. The dictionary's own light-verb patterns. ``LAUNCH * OFFENSIVE``, ``STAGE *
   PROTEST``, ``MOUNT * ATTACK`` carry the code of the noun's event, because a
   light verb (``data/events/light_verbs.tsv``) adds no meaning of its own. A noun
   is kept when the patterns of at least two light-verb blocks agree on its PLOVER
   type and a strict majority of its patterns do.
2. Nominalisations of event verbs. ``arrest`` -> arrest, ``withdraw`` ->
   withdrawal, ``deploy`` -> deployment, ``condemn`` -> condemnation: the suffix
   rules below turn every verb lemma with an event code (``verbs.tsv``,
   ``local_verbs.tsv``) into candidate nouns, and the spaCy model's WordNet noun
   index keeps the ones that are English nouns. The noun takes the verb's default code.

Each noun's role reading follows its PLOVER type (``ROLES_BY_TYPE``); nouns listed
in ``nominal_events.tsv`` (edited by hand) and in ``event_nouns_excluded.tsv`` (words
whose everyday sense is no event: "fire", "building") are left out.

Writes (deterministic, sorted; the output is committed):
  src/eventwire/data/events/event_nouns.tsv   lemma, cameo, roles, source

Run: python scripts/build_event_nouns.py
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

import spacy

from eventwire.pipeline import resolve_model_name

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "events"

# (verb ending, noun ending, verb endings the rule is limited to): every rule is tried on
# every verb lemma; the WordNet noun index decides which candidates are words ("deploy" ->
# "deployment", not "deployal"). The limits keep chance words out ("stall" -> "stallion").
SUFFIX_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("", "ment", ()), ("", "al", ("aw", "ew", "ss")), ("e", "al", ("se", "ve")),
    ("y", "ial", ()), ("", "ance", ()), ("y", "iance", ()), ("", "ence", ()), ("e", "ence", ()),
    ("", "ation", ()), ("e", "ation", ()), ("y", "ication", ()), ("ize", "ization", ()),
    ("ise", "isation", ()), ("", "ion", ("ct", "pt", "st", "rt", "ess")),
    ("e", "ion", ("ate", "ute", "ete")), ("ade", "asion", ()), ("ude", "usion", ()),
    ("it", "ission", ()), ("end", "ension", ()), ("el", "ulsion", ()), ("ain", "ention", ()),
    ("ene", "ention", ()), ("oy", "uction", ()), ("ume", "umption", ()), ("ibe", "iption", ()),
    ("e", "ure", ()), ("", "ure", ("rt",)), ("en", "", ("aten",)),
)
# The verb itself and its -ing form name an event only for acts that are rarely anything
# else ("an attack", "the arrest", "the shelling"); "a call", "the building" are not.
BARE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE", "THREATEN"})
BARE_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("", "", ()), ("", "ing", ()), ("e", "ing", ()))
# Verbs whose final consonant doubles before -ing ("kidnap" -> "kidnapping").
DOUBLING_ENDS = ("p", "t", "n", "g", "b", "d", "m", "l")
# How an event noun's phrase names its participants, by PLOVER type (kb/patterns.py):
# joint acts are shared ("talks between"); moves and protests are the mover's
# ("the withdrawal of US troops", "the resignation of the president"); every other act
# is done to the "of" phrase ("the arrest of", "the release of hostages").
ROLES_BY_TYPE = {"CONSULT": "joint", "AGREE": "joint", "COOPERATE": "joint",
                 "RETREAT": "mover", "PROTEST": "mover", "MOBILIZE": "mover",
                 "CONCEDE": "mover"}
DEFAULT_ROLES = "target"
# CAMEO codes whose "of" phrase is acted upon whatever the type's reading: release of persons.
TARGET_CODES = ("0841", "0842")
MIN_BLOCKS = 2


def read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def read_patterns(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip() and not line.startswith("#")]


def plover_types() -> dict[str, str]:
    return {row["cameo"]: row["event"] for row in read_rows("cameo.tsv")}


def roles_for(code: str, event: str) -> str:
    if code.startswith(TARGET_CODES):
        return DEFAULT_ROLES
    return ROLES_BY_TYPE.get(event, DEFAULT_ROLES)


def verb_codes() -> dict[str, tuple[str, list[str]]]:
    """Verb form -> (default code, blocks); local rows replace dictionary rows."""
    table: dict[str, tuple[str, list[str]]] = {}
    for name in ("local_verbs.tsv", "verbs.tsv"):
        local = set(table)
        for row in read_rows(name):
            form = row["form"]
            if name == "verbs.tsv" and form in local:
                continue
            code, blocks = table.get(form, ("", []))
            table[form] = (code or row["code"], [*blocks, row["block"]])
    return table


def light_verb_nouns(verbs: dict, types: dict[str, str], nouns: set[str]) -> dict[str, tuple]:
    """Nouns whose light-verb patterns agree on one PLOVER type: noun -> (code, verb)."""
    blocks: dict[str, str] = {}
    for row in read_rows("light_verbs.tsv"):
        if row.get("derive") == "no":
            continue  # "extend credit", "tighten security": the block's patterns name other senses
        for block in verbs.get(row["verb"], ("", []))[1]:
            blocks.setdefault(block, row["verb"])
    votes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pattern in read_patterns("local_patterns.jsonl") + read_patterns("verb_patterns.jsonl"):
        if pattern["block"] not in blocks or pattern["pre"] or len(pattern["post"]) != 1:
            continue
        for phrase in pattern["post"][0]:
            if phrase.split()[-1] in nouns:
                votes[phrase].append((pattern["code"], pattern["block"]))
    found: dict[str, tuple] = {}
    for noun, cast in votes.items():
        by_type = Counter(types.get(code, "") for code, _block in cast)
        event, count = by_type.most_common(1)[0]
        agreeing = [(code, block) for code, block in cast if types.get(code, "") == event]
        if not event or 2 * count <= len(cast) or len({b for _c, b in agreeing}) < MIN_BLOCKS:
            continue
        code = Counter(code for code, _block in agreeing).most_common(1)[0][0]
        found[noun] = (code, blocks[agreeing[0][1]])
    return found


def nominalisations(verb: str, bare: bool) -> list[str]:
    """Candidate nouns for a verb lemma, by the suffix rules (and the bare rules if asked)."""
    found = []
    for ending, suffix, limits in SUFFIX_RULES + (BARE_RULES if bare else ()):
        if verb.endswith(ending) and len(verb) > len(ending) + 1 and (
                not limits or verb.endswith(limits)):
            found.append(verb[: len(verb) - len(ending)] + suffix)
    if bare and verb.endswith(DOUBLING_ENDS) and len(verb) > 3 and verb[-2] in "aeiou" \
            and verb[-3] not in "aeiou":
        found.append(verb + verb[-1] + "ing")
    return found


def verb_nouns(verbs: dict, types: dict[str, str], nouns: set[str],
               lemmas: set[str]) -> dict[str, tuple]:
    """Nominalisations of event verbs that are English nouns: noun -> (code, verb)."""
    found: dict[str, tuple] = {}
    for verb in sorted(verbs):
        code = verbs[verb][0]
        if " " in verb or verb not in lemmas or not types.get(code):
            continue
        for noun in nominalisations(verb, types[code] in BARE_TYPES):
            if noun in nouns and noun not in found:
                found[noun] = (code, verb)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy model with a WordNet noun index")
    args = parser.parse_args()
    index = spacy.load(resolve_model_name(args.model)).get_pipe("lemmatizer").lookups.get_table(
        "lemma_index")
    nouns, lemmas = set(index["noun"]), set(index["verb"])
    types = plover_types()
    verbs = verb_codes()
    hand = {row["lemma"] for row in read_rows("nominal_events.tsv")}
    excluded = {row["lemma"] for row in read_rows("event_nouns_excluded.tsv")}
    derived = {noun: (code, f"verb:{verb}")
               for noun, (code, verb) in verb_nouns(verbs, types, nouns, lemmas).items()}
    derived.update({noun: (code, f"light:{verb}")
                    for noun, (code, verb) in light_verb_nouns(verbs, types, nouns).items()})
    with open(DATA / "event_nouns.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# Event nouns derived by scripts/build_event_nouns.py (do not edit; see\n"
                "# nominal_events.tsv for hand rows and event_nouns_excluded.tsv for exclusions).\n"
                "# source: light:VERB = the CAMEO light-verb patterns (LAUNCH * OFFENSIVE);\n"
                "#         verb:VERB = a nominalisation of an event verb (withdraw: withdrawal).\n"
                "lemma\tcameo\troles\tsource\n")
        kept = 0
        for noun in sorted(derived):
            if noun in hand or noun in excluded:
                continue
            code, source = derived[noun]
            f.write(f"{noun}\t{code}\t{roles_for(code, types[code])}\t{source}\n")
            kept += 1
    print(f"{kept} event nouns")


if __name__ == "__main__":
    main()
