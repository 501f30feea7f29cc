"""Find knowledge-base aliases in a Doc by their text, without tokenising the aliases.

spaCy's PhraseMatcher needs every alias run through the tokenizer first; for
the ~28k aliases of the actor knowledge base that costs seconds at every
start-up, most of it adding new words to the vocabulary. Aliases are already
indexed by their lower-cased, space-normalised text, so this matcher walks the
Doc's tokens and grows a key token by token, stopping as soon as no alias
starts with the words read so far. Start-up cost is a set of word prefixes;
matching cost stays linear in the length of the Doc.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

MAX_ALIAS_TOKENS = 12


class AliasMatcher:
    """(start, end) token spans of a Doc whose text is one of the given aliases.

    aliases: lower-cased keys with single spaces between words, as
    ``ActorKB.aliases()`` gives them. Matches may overlap, as PhraseMatcher's do.
    """

    def __init__(self, aliases: Iterable[str]) -> None:
        self.aliases = frozenset(aliases)
        prefixes: set[str] = set()
        for alias in self.aliases:
            words = alias.split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
        self.prefixes = frozenset(prefixes)

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        lowers = [t.lower_ for t in doc]
        spaced = [bool(t.whitespace_) for t in doc]
        blank = [t.is_space for t in doc]
        found = []
        for start in range(len(doc)):
            if blank[start]:
                continue
            key = ""
            for end in range(start, min(len(doc), start + MAX_ALIAS_TOKENS)):
                if blank[end]:
                    break
                key += lowers[end]
                if key in self.aliases:
                    found.append((start, end + 1))
                if spaced[end]:
                    # A word boundary: go on only while some alias begins with these words.
                    if key not in self.prefixes:
                        break
                    key += " "
        return found
