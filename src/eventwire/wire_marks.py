"""Wire marks that name no actor: datelines and photo credits.

A dateline ("LONDON, April 1 -", "SANTA BARBARA, Calif, April 17 -", "Nara, Japan,
Jan 13 (AFP) --") says where a story was filed, not who acted: the parser often makes
its city the subject of the first sentence ("LONDON ... is issuing a eurobond"), and
the city would then code its government as the actor. A photo credit ("REUTERS/Phil
Noble/File Photo", "AP Photo/Evan Vucci") glued to the next sentence makes the agency
its subject. The actor stage leaves the words of both out of its mentions.

A dateline opens a paragraph and ends, within a few tokens, at a dash. Before the
dash there are only capitalised words, numbers and punctuation (the place, the
date, the agency in brackets), and at least one comma or bracket; a lower-case word
means an ordinary sentence ("Russia and China - ..."). One pass over each
paragraph's first tokens: linear in the document.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

# A dateline's place, date and agency fit in this many tokens before its dash.
MAX_DATELINE_TOKENS = 12
SEPARATORS = frozenset({",", "(", ")"})
# How many capitalised words may name the source before "via" in a handout credit.
MAX_VIA_SOURCE_TOKENS = 4


def wire_mark_tokens(doc: Doc, dashes: Collection[str], agencies: Collection[str]) -> set[int]:
    """Indices of the tokens of every dateline and photo credit in ``doc``."""
    return dateline_tokens(doc, dashes) | credit_tokens(doc, agencies)


def dateline_tokens(doc: Doc, dashes: Collection[str]) -> set[int]:
    """Indices of the tokens of every dateline in ``doc``, dash included."""
    found: set[int] = set()
    for start in _paragraph_starts(doc):
        end = _dateline_end(doc, start, dashes)
        if end is not None:
            found.update(range(start, end + 1))
    return found


def credit_tokens(doc: Doc, agencies: Collection[str]) -> set[int]:
    """Indices of the tokens of every photo credit: an agency (and "Photo"), then one or
    more "/"-separated runs of capitalised words ("REUTERS/Phil Noble/File Photo")."""
    found: set[int] = set()
    for slash in (t for t in doc if t.text == "/" and t.i not in found):
        start = slash.i - 1
        if start > 0 and doc[start].lower_ == "photo":
            start -= 1
        if start < 0 or doc[start].lower_ not in agencies:
            continue
        end = slash.i
        while end + 1 < len(doc) and (doc[end + 1].text == "/" or _capitalised(doc[end + 1])):
            end += 1
        found.update(range(start, end + 1))
    return found | _via_credit_tokens(doc, agencies)


def _via_credit_tokens(doc: Doc, agencies: Collection[str]) -> set[int]:
    """A handout credit: capitalised words, "via" and an agency in capitals ("Yonhap via
    REUTERS", "KCNA via REUTERS"); "told Reuters via email" is prose."""
    found: set[int] = set()
    for via in (t for t in doc if t.lower_ == "via" and t.i + 1 < len(doc)):
        agency = doc[via.i + 1]
        if agency.lower_ not in agencies or not agency.text.isupper():
            continue
        start = via.i
        while start > 0 and via.i - start < MAX_VIA_SOURCE_TOKENS and _capitalised(doc[start - 1]):
            start -= 1
        if start < via.i:
            found.update(range(start, via.i + 2))
    return found


def _paragraph_starts(doc: Doc) -> list[int]:
    """The first non-space token of the text and of every line after a line break."""
    starts = []
    after_break = True
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            starts.append(token.i)
        after_break = False
    return starts


def _dateline_end(doc: Doc, start: int, dashes: Collection[str]) -> int | None:
    """Index of the dash that closes a dateline opening at ``start``, or None."""
    if not _capitalised(doc[start]):
        return None
    separated = False
    for token in doc[start:start + MAX_DATELINE_TOKENS + 1]:
        if token.text in dashes:
            return token.i if separated and token.i > start + 1 else None
        if token.text in SEPARATORS:
            separated = True
        elif not (_capitalised(token) or token.like_num or token.is_punct):
            return None
    return None


def _capitalised(token: Token) -> bool:
    """A capitalised word or abbreviation ("LONDON", "Calif", "Jan.", "U.S.")."""
    return token.text[:1].isupper() and token.text.replace(".", "").isalpha()
