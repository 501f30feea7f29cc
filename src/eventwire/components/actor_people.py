"""Counted people of a nation: "six South Koreans", "174 Singaporeans", "thousands of Iranians".

A plural demonym alone names the nation ("the Iranians agreed"); with a number, or after
a quantity ("thousands of"), it names that many of its people, who act as private people:
six South Koreans flying home make no Korean state visit, while police killing 12 Iranians
is still violence against civilians. Such mentions keep their country and take sector CVL.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

PEOPLE_SECTOR = "CVL"
PLURAL_NAME_TAGS = frozenset({"NNPS", "NNS"})


def mark_counted_people(doc: Doc, mentions: list[dict[str, Any]]) -> None:
    """Give country mentions that count a nation's people the civilian sector."""
    for m in mentions:
        if m["kind"] != "country" or m["sector"]:
            continue
        head = doc[m["end"] - 1]
        if head.tag_ in PLURAL_NAME_TAGS and _counted(head):
            m["sector"] = PEOPLE_SECTOR
            m.setdefault("why", []).append(["eventwire_actors", "counted_people", None,
                                            PEOPLE_SECTOR])


def _counted(token: Token) -> bool:
    """A number on the word ("174 Singaporeans"), or a quantity it is "of" ("thousands of")."""
    if any(c.dep_ == "nummod" for c in token.children):
        return True
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and (
        of.head.like_num or of.head.tag_ == "CD" or of.head.lemma_.lower() in QUANTITIES)


QUANTITIES = frozenset({"thousand", "hundred", "million", "dozen", "score", "number",
                        "group", "handful", "couple"})
