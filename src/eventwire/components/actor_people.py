"""Counted people of a nation: "six South Koreans", "thousands of Iranians", "a Briton".

A plural demonym alone names the nation ("the Iranians agreed"); with a number, or after
a quantity ("thousands of"), it names that many of its people, and a singular one with an
indefinite article ("a second Briton", "an American") names one of them; they act as
private people:
six South Koreans flying home make no Korean state visit, while police killing 12 Iranians
is still violence against civilians. Such mentions keep their country and take sector CVL.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

PEOPLE_SECTOR = "CVL"
PLURAL_NAME_TAGS = frozenset({"NNPS", "NNS"})
SINGULAR_NAME_TAGS = frozenset({"NNP", "NN"})
INDEFINITE = frozenset({"a", "an", "another"})
# Nouns of quantity a people is counted "of" ("thousands of Iranians").
QUANTITIES = frozenset({"thousand", "hundred", "million", "dozen", "score", "number",
                        "group", "handful", "couple"})


def mark_counted_people(doc: Doc, mentions: list[dict[str, Any]]) -> None:
    """Give country mentions that count a nation's people the civilian sector."""
    for m in mentions:
        if m["kind"] != "country" or m["sector"]:
            continue
        head = doc[m["end"] - 1]
        if head.tag_ in PLURAL_NAME_TAGS and _counted(head) or \
                head.tag_ in SINGULAR_NAME_TAGS and _one_of(head):
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


def _one_of(token: Token) -> bool:
    """An indefinite article on a demonym noun: "a Briton", "another American"."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)
