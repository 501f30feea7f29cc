"""Verb and noun pattern tables compiled into a fast lookup.

The PETRARCH2 verb dictionary (``data/events/verbs.tsv`` and
``verb_patterns.jsonl``) gives, for each verb, phrase patterns such as
``CALL * (ON)`` -> 020 or ``STAGE * PROTEST`` -> 141. eventwire's own rows
(``local_patterns.jsonl``, same format) add and correct patterns; they are
tried first and win ties, and an optional ``verbs`` list limits one to some
lemmas of its block ("recognise independence" is recognition, "celebrate
independence" a symbolic act). ``nominal_events.tsv`` lists nouns that are events
by themselves ("talks", "sanctions"), ``event_nouns.tsv`` those derived from the
verb knowledge ("arrest", "withdrawal", "offensive"; ``scripts/build_event_nouns.py``),
and ``light_verbs.tsv`` the verbs whose event is the noun they govern ("held talks").

A pattern is two lists of *slots* (words before and after the verb); a slot
lists alternative words or multi-word phrases. A pattern matches when every
slot is found in order among the words of the verb's clause, and the most
specific match (most words) wins, as in PETRARCH.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import astuple, dataclass
from functools import lru_cache
from typing import Any

from eventwire.kb.compiled import LazyRecords, compiled
from eventwire.kb.english import word_zipf
from eventwire.kb.tables import read_lines, read_tsv

# Stems shorter than this must match a word exactly; longer ones may be prefixes
# ("EXPORT" matches "exports"), as the PETRARCH dictionaries assume.
MIN_STEM = 5
MAX_SUFFIX = 3
# A stem match never turns an act into the people who do it: "support" does not match
# "supporters", nor "protest" "protesters" ("told a rally of supporters" expresses no support).
AGENT_SUFFIXES = ("er", "ers", "or", "ors")


@dataclass(frozen=True)
class Pattern:
    """One verb pattern: slots before and after the verb, and its CAMEO code."""

    block: str
    pre: tuple[tuple[tuple[str, ...], ...], ...]
    post: tuple[tuple[tuple[str, ...], ...], ...]
    code: str
    local: bool
    firsts: tuple[frozenset[str], ...] = ()  # first words of each slot's alternatives
    verbs: tuple[str, ...] = ()  # lemmas it is limited to (an idiom); empty: the whole block

    def may_match(self, keys: frozenset[str]) -> bool:
        """Cheap pre-check: every slot has an alternative whose first word is among ``keys``."""
        return all(not first.isdisjoint(keys) for first in self.firsts)


@dataclass(frozen=True)
class NominalEvent:
    """A noun that names an event ("talks", "sanctions"), with its CAMEO code."""

    lemma: str
    code: str
    roles: str  # "visit": of/'s = actor, to = recipient; "joint": between/with = all actors;
    # "target": like "directed", and "of" names the target ("invasion of Lebanon");
    # "mover": like "directed", but "of" names the actor ("the withdrawal of US troops")
    derived: bool = False  # from event_nouns.tsv rather than the hand-edited table


# Regular verb endings tried when the lemmatiser got a verb wrong, and the shortest stem.
INFLECTIONS = ("ing", "ed", "es", "d", "s")
MIN_INFLECTED_STEM = 4


# A pattern word that matches only the infinitive marker "to" ("told them to leave"), never
# the preposition ("told Reuters in reply to a query").
INFINITIVE_TO = "INF_TO"


def _default_code(entries: list[tuple[str, str]]) -> str:
    """The first default code among a verb's (block, code) rows."""
    return next((code for _block, code in entries if code), "")


def inflected_stems(form: str) -> Iterator[str]:
    """A verb form without each regular ending it has ("hoped" -> "hope"), for when
    the lemmatiser got the lemma wrong; stems shorter than ``MIN_INFLECTED_STEM`` are left out."""
    for ending in INFLECTIONS:
        stem = form[:-len(ending)]
        if form.endswith(ending) and len(stem) >= MIN_INFLECTED_STEM:
            yield stem


@dataclass(frozen=True)
class Word:
    """A token as the matcher sees it."""

    lower: str
    lemma: str
    infinitive: bool = False  # the infinitive marker "to"
    direct: bool = False  # hangs on the verb itself (its object), not on another word
    # a preposition with its own object, away from the verb ("gave a message to Abe *in* talks")
    phrase_prep: bool = False
    position: int = -1  # the token's index in its Doc, when known
    # a preposition's: the index of the last token of its phrase; -1 for other words
    reach: int = -1
    # in the phrase of a preposition of scene hung on the verb ("charged *during the debate*"):
    # a pattern reaches it only through that preposition
    scene: bool = False


@dataclass(frozen=True)
class Match:
    """The code a verb occurrence gets and the word positions the pattern used."""

    code: str
    pattern: Pattern | None
    used: tuple[int, ...]


def _exact(pattern_word: str, word: Word) -> bool:
    """The pattern word is the word itself (its form or lemma), or the infinitive's "to"."""
    if pattern_word == INFINITIVE_TO:
        return word.infinitive
    return pattern_word in (word.lower, word.lemma)


def _word_matches(pattern_word: str, word: Word) -> bool:
    """The pattern word is the word itself, or a stem of it ("refuge" of "refugees"), but
    not of the word for its doers ("supporters")."""
    if _exact(pattern_word, word):
        return True
    return (
        pattern_word != INFINITIVE_TO
        and len(pattern_word) >= MIN_STEM
        and word.lower.startswith(pattern_word)
        and len(word.lower) - len(pattern_word) <= MAX_SUFFIX
        and word.lower[len(pattern_word):] not in AGENT_SUFFIXES
    )


PASSIVE_AGENT = "by"


def _match_keys(words: list[Word]) -> frozenset[str]:
    """Every string a pattern word could equal to match one of ``words`` (forms and stems)."""
    keys: set[str] = set()
    for word in words:
        keys.update((word.lower, word.lemma))
        if word.infinitive:
            keys.add(INFINITIVE_TO)
        for length in range(max(MIN_STEM, len(word.lower) - MAX_SUFFIX), len(word.lower)):
            keys.add(word.lower[:length])
    return frozenset(keys)


def _find_slot(slot: tuple[tuple[str, ...], ...], words: list[Word],
               start: int) -> tuple[int, int, int]:
    """Index of the first occurrence of any alternative of ``slot`` at or after ``start``,
    with the number of words of the best alternative found there and how many of them are
    the very word, not a stem of it ("refugees" is "refugees" exactly, "refuge" only as a
    stem); (-1, 0, 0) when none is."""
    for i in range(start, len(words)):
        best = max(((len(alternative), sum(_exact(w, words[i + k])
                                           for k, w in enumerate(alternative)))
                    for alternative in slot
                    if i + len(alternative) <= len(words) and all(
                        _word_matches(w, words[i + k]) for k, w in enumerate(alternative))),
                   default=None)
        if best is not None:
            return i, best[0], best[1]
    return -1, 0, 0


def _match_slots(slots: tuple, words: list[Word], first: int = 0, start: int = 0,
                 before: Word | None = None) -> tuple[list[int], int, int] | None:
    """Where each slot from ``first`` on matched, how many words matched in all and how many
    of them exactly: a pattern weighs what it matched ("military" of "armed forces|army|
    military" is one word), not its first alternative.

    A preposition of the pattern governs the word of the next slot: "* IN PROTEST" is no
    match for "deployed *in* Hong Kong ahead of the *protest*". When it does not, the next
    occurrence of the preposition is tried ("arrested on Friday on charges of"). A word in a
    phrase of scene is matched only right after its preposition (``before``).
    """
    if first == len(slots):
        return [], 0, 0
    pos = start
    while True:
        found, length, exact_words = _find_slot(slots[first], words, pos)
        if found < 0:
            return None
        if words[found].scene and not (before is not None and before.reach >= 0 and
                                       _governs(before, words[found])):
            pos = found + 1
            continue
        rest = _match_slots(slots, words, first + 1, found + 1, words[found])
        if rest is None:
            return None  # a later occurrence leaves the later slots fewer words still
        used, size, exact = rest
        if not used or _governs(words[found], words[used[0]]):
            return [found, *used], length + size, exact_words + exact
        pos = found + 1


def _governs(word: Word, following: Word) -> bool:
    """False only for a preposition whose phrase ends before the word that follows it."""
    return word.reach < 0 or following.position < 0 or following.position <= word.reach


def _slots(raw: list[list[str]]) -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(tuple(tuple(alt.split()) for alt in slot) for slot in raw if slot)


def _idiom_slots(cell: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Slots of an ``idioms.tsv`` cell: "on film|camera" -> (("on",), (("film",), ("camera",)))."""
    return _slots([[alt.replace("+", " ") for alt in item.split("|")] for item in cell.split()])


class VerbLexicon:
    """Verb forms -> blocks and default codes; blocks -> patterns; event nouns."""

    def __init__(self) -> None:
        self.verbs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.patterns: dict[str, list[Pattern]] = defaultdict(list)
        self._indexes: dict[str, _FirstWordIndex] = {}
        self.nouns: dict[str, NominalEvent] = {}
        self.light: dict[str, str] = {}  # light verb lemma -> preposition before its noun
        self._load_verbs()
        self._load_idioms()
        self._load_patterns("local_patterns.jsonl", local=True)
        self._load_patterns("verb_patterns.jsonl", local=False)
        self._load_nouns()

    def _load_verbs(self) -> None:
        """Local rows first; a form defined locally ignores its dictionary rows."""
        local_forms: set[str] = set()
        for name in ("local_verbs.tsv", "verbs.tsv"):
            for row in read_tsv("events", name):
                form = row["form"]
                if name == "verbs.tsv" and form in local_forms:
                    continue
                entry = (row["block"], row["code"])
                if entry not in self.verbs[form]:
                    self.verbs[form].append(entry)
            if name == "local_verbs.tsv":
                local_forms = set(self.verbs)

    def _load_patterns(self, name: str, local: bool) -> None:
        for line in read_lines("events", name):
            row = json.loads(line)
            pre, post = _slots(row["pre"]), _slots(row["post"])
            firsts = tuple(frozenset(alt[0] for alt in slot) for slot in pre + post)
            self.patterns[row["block"]].append(Pattern(
                block=row["block"], pre=pre, post=post, code=row["code"], local=local,
                firsts=firsts, verbs=tuple(row.get("verbs", ()))))

    def _load_idioms(self) -> None:
        """No-event patterns for the idioms of ``idioms.tsv``, in every block of their verb."""
        for row in read_tsv("events", "idioms.tsv"):
            pre, post = _idiom_slots(row["pre"]), _idiom_slots(row["post"])
            firsts = tuple(frozenset(alt[0] for alt in slot) for slot in pre + post)
            for block in dict.fromkeys(b for b, _code in self.verbs.get(row["verb"], ())):
                self.patterns[block].append(Pattern(
                    block=block, pre=pre, post=post, code="", local=True, firsts=firsts,
                    verbs=(row["verb"],)))

    def _load_nouns(self) -> None:
        """Hand rows first; a derived row never replaces one."""
        for row in read_tsv("events", "nominal_events.tsv"):
            self.nouns[row["lemma"]] = NominalEvent(row["lemma"], row["cameo"], row["roles"])
        for row in read_tsv("events", "event_nouns.tsv"):
            self.nouns.setdefault(row["lemma"], NominalEvent(
                row["lemma"], row["cameo"], row["roles"], derived=True))
        for row in read_tsv("events", "light_verbs.tsv"):
            self.light[row["verb"]] = row["prep"]

    def to_plain(self) -> dict[str, Any]:
        """The compiled lexicon as tuples and dicts that marshal can store (``kb.compiled``)."""
        return {
            "verbs": {form: [tuple(e) for e in entries] for form, entries in self.verbs.items()},
            "patterns": {block: [astuple(p) for p in patterns]
                         for block, patterns in self.patterns.items()},
            "nouns": [astuple(n) for n in self.nouns.values()],
            "light": self.light,
        }

    @classmethod
    def from_plain(cls, state: dict[str, Any]) -> VerbLexicon:
        """The lexicon ``to_plain`` stored; a block's patterns are built when first used."""
        lexicon = cls.__new__(cls)
        lexicon.verbs = {form: [tuple(e) for e in entries]
                         for form, entries in state["verbs"].items()}
        lexicon.patterns = LazyRecords(
            lambda rows: [Pattern(*row) for row in rows], state["patterns"])
        lexicon.nouns = {n[0]: NominalEvent(*n) for n in state["nouns"]}
        lexicon._indexes = {}
        lexicon.light = dict(state["light"])
        return lexicon

    def entries(self, lower: str, lemma: str) -> list[tuple[str, str]]:
        """(block, default code) rows for a verb token; when neither its lemma nor its form
        is known, its form without a regular ending ("cordoned", lemmatised "cordone")."""
        found = self.verbs.get(lemma) or self.verbs.get(lower)
        if found:
            return found
        # A stem stands in for the lemma only when it is at least as common a word:
        # "staged" (lemmatised "stag") is "stage", but "ranging" is "range", not "rang".
        # Frequencies are read only for a stem the lexicon knows (rare), never per token.
        known = [stem for stem in inflected_stems(lower) if stem in self.verbs]
        if not known:
            return []
        floor = word_zipf(lemma) if lemma != lower else 0.0
        return next((self.verbs[stem] for stem in known if word_zipf(stem) >= floor), [])

    def match(self, lower: str, lemma: str, before: list[Word], after: list[Word]) -> Match | None:
        """The best code for a verb occurrence given the words around it in its clause.

        RETURNS (Match | None): None when the word is not a known verb; a Match
            whose code is '' when the verb is known but codes no event.
        """
        entries = self.entries(lower, lemma)
        if not entries:
            return None
        best: Match | None = None
        best_key = (-1, False, False, 0)
        keys = _match_keys(before + after)
        for block, _default in entries:
            for pattern in self._candidates(block, keys):
                if not pattern.may_match(keys) or (pattern.verbs and lemma not in pattern.verbs):
                    continue
                matched_after = _match_slots(pattern.post, after)
                if matched_after is None:
                    continue
                used_after, size_after, exact_after = matched_after
                if pattern.post in particle_slots() and (after[used_after[0]].phrase_prep or
                                                         not after[used_after[0]].direct):
                    # "gave a message in talks" is no "give in"; "is called carrying *out* an
                    # operation" is no "call out": the particle is another verb's
                    continue
                if not pattern.code and used_after and any(
                        w.lower == PASSIVE_AGENT for w in after[:used_after[0]]):
                    # A pattern that codes nothing marks a phrase that is no event ("attack
                    # helicopters", "facing growing pressure"); a passive's "by" phrase
                    # ("attacked by helicopters") is the attacker, not such a phrase.
                    continue
                matched_before = _match_slots(pattern.pre, before)
                if matched_before is None:
                    continue
                # Between equally specific patterns, one that names the verb's own object
                # wins over one that names a modifier ("launched a cross-*border* operation"),
                # then one that names the very words over one that names their stems.
                key = (matched_before[1] + size_after, pattern.local,
                       any(after[i].direct for i in used_after),
                       matched_before[2] + exact_after)
                if key > best_key:
                    best_key = key
                    best = Match(pattern.code, pattern, tuple(used_after))
        if best is not None:
            return best
        return Match(_default_code(entries), None, ())

    def default_code(self, lower: str, lemma: str) -> str:
        """The code of a verb in its own sense, whatever words surround it ('' if none)."""
        return _default_code(self.entries(lower, lemma))


    def _candidates(self, block: str, keys: frozenset[str]) -> list[Pattern]:
        """The block's patterns whose first slot can start with one of ``keys``, in table
        order (ties between equally specific patterns go to the first)."""
        index = self._indexes.get(block)
        if index is None:
            index = self._indexes[block] = _FirstWordIndex(self.patterns.get(block, ()))
        return index.candidates(keys)


class _FirstWordIndex:
    """A block's patterns by the first words of their first slot, so a verb occurrence
    checks only the patterns its clause's words can start."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = list(patterns)
        self.always: list[int] = []
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for i, pattern in enumerate(self.patterns):
            if not pattern.firsts:
                self.always.append(i)
            for word in pattern.firsts[0] if pattern.firsts else ():
                self.by_word[word].append(i)

    def candidates(self, keys: frozenset[str]) -> list[Pattern]:
        found = set(self.always)
        for word in keys & self.by_word.keys():
            found.update(self.by_word[word])
        return [self.patterns[i] for i in sorted(found)]


EVENT_TABLES = tuple(("events", name) for name in (
    "local_verbs.tsv", "verbs.tsv", "idioms.tsv", "local_patterns.jsonl", "verb_patterns.jsonl",
    "nominal_events.tsv", "event_nouns.tsv", "light_verbs.tsv"))


@lru_cache(maxsize=1)
def particle_slots() -> frozenset[tuple]:
    """Post slots that are one particle alone ("give *in*", "break *out*"): particles.txt."""
    return frozenset((((line.strip(),),),) for line in read_lines("events", "particles.txt"))


@lru_cache(maxsize=1)
def load_lexicon() -> VerbLexicon:
    """The packaged lexicon, loaded once per process (compiled once per machine, see
    ``kb.compiled``)."""
    return compiled("events", EVENT_TABLES, VerbLexicon, VerbLexicon.to_plain,
                    VerbLexicon.from_plain)

