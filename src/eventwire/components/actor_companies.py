"""Firms named after their country: "Air China", "Singapore Airlines", "China Eastern".

The alias matcher finds the country inside the firm's name, and the firm would then act
as the state: "Air China will cancel flights to Athens" is no Chinese threat to Greece.
A country mention with a capitalised company word right before or after it (``company``
rows of ``cues.csv``) becomes the firm's mention: the whole name, the country's code,
sector BUS. A word such as "Force" after the name keeps it a state body ("Indian Air
Force"; ``not_company`` rows). A country's possessive before a name ending in such a word
is the country's firm too ("Vietnam's Bamboo Airways"), and so is a firm word and "of" before
it ("Dynamics Corp of America"; ``firm_suffix`` rows), but for a bank ("the Bank of Japan").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

COMPANY_SECTOR = "BUS"
POSSESSIVE_MARKS = frozenset({"'s", "’s"})
MAX_FIRM_NAME = 4  # words of a firm's name after its country's possessive


def mark_companies(doc: Doc, mentions: list[dict[str, Any]],
                   cues: dict[str, frozenset[str]]) -> None:
    """Turn country mentions that are part of a firm's name into the firm's mention."""
    words, stops, suffixes = cues["company"], cues["not_company"], cues["firm_suffix"]
    covered = {i for m in mentions for i in range(m["start"], m["end"])}

    def company_word(i: int) -> bool:
        return 0 <= i < len(doc) and i not in covered and _name_word(doc[i], words)

    for m in mentions:
        if m["kind"] != "country":
            continue
        start = m["start"] - 1 if company_word(m["start"] - 1) else m["start"]
        if start == m["start"]:
            start = _firm_of_start(doc, start, suffixes, covered)
        end = m["end"]
        while company_word(end):
            end += 1
        if end == m["end"]:
            end = _owned_firm_end(doc, end, company_word)
        if (start, end) == (m["start"], m["end"]) or \
                end < len(doc) and doc[end].lower_ in stops:
            continue
        span = doc[start:end]
        old = [m["text"], m["kind"], m["sector"]]
        m.update(start=start, end=end, start_char=span.start_char, end_char=span.end_char,
                 text=span.text, name=span.text, kind="agent", sector=COMPANY_SECTOR)
        m.setdefault("why", []).append(["eventwire_actors", "company", old, span.text])


# "The Bank of Japan" is how a central bank is named: a state body, no firm.
CENTRAL_BANK_WORDS = frozenset({"bank"})


def _firm_of_start(doc: Doc, start: int, suffixes: frozenset[str], covered: set[int]) -> int:
    """"Dynamics Corp *of America*", "China Film Corp *of Beijing*": a capitalised firm word
    and "of" before the country make it part of the firm's name; the name's first word, or
    ``start``. "Bank of" names a central bank."""
    if start < 2 or doc[start - 1].lower_ != "of" or start - 2 in covered or \
            not _name_word(doc[start - 2], suffixes - CENTRAL_BANK_WORDS):
        return start
    first = start - 2
    while first > 0 and start - first <= MAX_FIRM_NAME and first - 1 not in covered and \
            doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper():
        first -= 1
    return first


def _owned_firm_end(doc: Doc, end: int, company_word: Callable[[int], bool]) -> int:
    """"Vietnam's Bamboo Airways": a country's possessive before a capitalised name that
    ends in a company word names that country's firm; the end of that name, or ``end``."""
    if end >= len(doc) or doc[end].text not in POSSESSIVE_MARKS:
        return end
    for i in range(end + 1, min(end + 1 + MAX_FIRM_NAME, len(doc))):
        if company_word(i):
            return i + 1
        if not doc[i].text[:1].isupper() or doc[i].pos_ != "PROPN":
            break
    return end


def _name_word(token: Token, words: frozenset[str]) -> bool:
    return token.text[:1].isupper() and token.lower_ in words


def mark_firm_officers(doc: Doc, mentions: list[dict[str, Any]],
                       cues: dict[str, frozenset[str]]) -> None:
    """A title owned by "its" in a sentence whose first named organisation is a firm
    ("Iomega Corp said *its president*, Gabriel Fusco, resigned") is the firm's officer,
    sector BUS, with the person an apposition names: no government official."""
    suffixes = cues["firm_suffix"]
    organisations = [e for e in doc.ents if e.label_ == "ORG"]
    starts = [e.start for e in organisations]
    for m in mentions:
        if m["code"] or m["sector"] != "GOV":
            continue
        root = doc[m["start"]:m["end"]].root
        if not any(c.dep_ == "poss" and c.lower_ == "its" for c in root.children):
            continue
        sentence = root.sent
        at = bisect_left(starts, sentence.start)
        firm = organisations[at] if at < len(organisations) else None
        if firm is None or firm.end > m["start"] or \
                doc[firm.end - 1].lower_.rstrip(".") not in suffixes:
            continue
        named = {c.i for c in root.children if c.dep_ == "appos"}
        for officer in mentions:
            if officer is m or (not officer["code"] and officer["sector"] == "GOV" and
                                any(officer["start"] <= i < officer["end"] for i in named)):
                old = [officer["sector"]]
                officer["sector"] = COMPANY_SECTOR
                officer.setdefault("why", []).append(["eventwire_actors", "firm_officer", old,
                                                      firm.text])
