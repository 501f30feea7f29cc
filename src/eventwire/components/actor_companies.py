"""Firms named after their country: "Air China", "Singapore Airlines", "China Eastern".

The alias matcher finds the country inside the firm's name, and the firm would then act
as the state: "Air China will cancel flights to Athens" is no Chinese threat to Greece.
A country mention with a capitalised company word right before or after it (``company``
rows of ``cues.csv``) becomes the firm's mention: the whole name, the country's code,
sector BUS. A word such as "Force" after the name keeps it a state body ("Indian Air
Force"; ``not_company`` rows).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

COMPANY_SECTOR = "BUS"


def mark_companies(doc: Doc, mentions: list[dict[str, Any]],
                   cues: dict[str, frozenset[str]]) -> None:
    """Turn country mentions that are part of a firm's name into the firm's mention."""
    words, stops = cues["company"], cues["not_company"]
    covered = {i for m in mentions for i in range(m["start"], m["end"])}

    def company_word(i: int) -> bool:
        return 0 <= i < len(doc) and i not in covered and _name_word(doc[i], words)

    for m in mentions:
        if m["kind"] != "country":
            continue
        start = m["start"] - 1 if company_word(m["start"] - 1) else m["start"]
        end = m["end"]
        while company_word(end):
            end += 1
        if (start, end) == (m["start"], m["end"]) or \
                end < len(doc) and doc[end].lower_ in stops:
            continue
        span = doc[start:end]
        old = [m["text"], m["kind"], m["sector"]]
        m.update(start=start, end=end, start_char=span.start_char, end_char=span.end_char,
                 text=span.text, name=span.text, kind="agent", sector=COMPANY_SECTOR)
        m.setdefault("why", []).append(["eventwire_actors", "company", old, span.text])


def _name_word(token: Token, words: frozenset[str]) -> bool:
    return token.text[:1].isupper() and token.lower_ in words
