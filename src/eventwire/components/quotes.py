"""Stage "eventwire_quotes": direct quotes and reported speech, with their speakers.

Reads the dependency parse, ``doc._.ew_mentions`` and ``doc._.ew_events``;
writes ``doc._.ew_quotes`` (raw quote dicts: quote, start_char, end_char,
speaker mention index or None, cue, and speaker_span: the characters of the
words that name the speaker, kept for speakers who are no known actor), the
spans in ``doc.spans["ew_quotes"]`` and ``event["source"]`` for every event
reported inside a quote or inside the complement of a reporting verb.

A speaker is the subject of the cue that governs the quote (``data/quotes/
cues.tsv``): found up the parse from the quote, or beside it ('"...," she
said'). Quotes with no cue of their own continue the speaker of their
paragraph chain; partial quotes take the subject of the verb that governs
them. Scare quotes and titles (short or Title Case, with no cue) are not
anyone's words and are left out. A pronoun speaker resolves through its
coreference mention, else through the one gender-compatible person named
just before (outside reported content), else stays unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from eventwire.components.quote_marks import (
    QUOTE_MARK,
    TRAILING,
    Attribution,
    continue_chains,
    direct_quotes,
)
from eventwire.doc_index import DocIndex, between, doc_text
from eventwire.extensions import register
from eventwire.kb.actors import ActorKB, load_actor_kb
from eventwire.kb.tables import read_tsv
from eventwire.kb.user_actors import actor_kb
from eventwire.participants import agent, mention_index, mentions_under, subject

PERSON_KINDS = frozenset({"person", "pronoun"})
ENTITY_FIELDS = ("name", "code", "sector", "wikidata_id")
SENTENCE_END = frozenset({".", "!", "?"})
SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for"})


@dataclass(frozen=True)
class Lexicon:
    """Reporting cues and the gender/number words, read from ``data/quotes``."""

    verbs: frozenset[str]  # lemmas, or "lemma particle"
    preps: frozenset[str]  # multiword prepositions
    pronouns: dict[str, tuple[str, str]]  # pronoun -> (gender, number)
    honorifics: dict[str, str]  # honorific -> gender
    first_person: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged cue and pronoun tables, compiled once."""
    cues = read_tsv("quotes", "cues.tsv")
    words = read_tsv("quotes", "pronouns.tsv")
    return Lexicon(
        verbs=frozenset(r["cue"] for r in cues if r["pos"] == "verb"),
        preps=frozenset(r["cue"] for r in cues if r["pos"] == "prep"),
        pronouns={r["word"]: (r["gender"], r["number"]) for r in words if r["kind"] == "pronoun"},
        honorifics={r["word"]: r["gender"] for r in words if r["kind"] == "honorific"},
        first_person=frozenset(r["word"] for r in words if r["kind"] == "first"),
    )


@Language.factory(
    "eventwire_quotes",
    requires=["token.dep", "token.lemma", "token.tag", "doc._.ew_mentions", "doc._.ew_events"],
    assigns=["doc._.ew_quotes", "doc._.ew_events", "doc.spans"],
    default_config={"max_scare_words": 2, "window_sentences": 3, "max_gap": 30, "actors": []},
)
def make_quotes(nlp: Language, name: str, max_scare_words: int, window_sentences: int,
                max_gap: int, actors: list[str]) -> QuoteFinder:
    """Build the quote stage (``actors``: the user's dictionaries)."""
    return QuoteFinder(name, max_scare_words=max_scare_words,
                       window_sentences=window_sentences, max_gap=max_gap, kb=actor_kb(actors))


class QuoteFinder(Pipe):
    """Finds quotes, their cues and speakers, and marks the events they report."""

    def __init__(self, name: str, max_scare_words: int = 2, window_sentences: int = 3,
                 max_gap: int = 30, lexicon: Lexicon | None = None,
                 kb: ActorKB | None = None) -> None:
        register()
        self.name = name
        self.max_scare_words = max_scare_words
        self.window_sentences = window_sentences
        self.max_gap = max_gap
        self.lexicon = lexicon or load_lexicon()
        self.kb = kb or load_actor_kb()

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = self.find(doc)
            doc._.ew_quotes = [_raw(a) for a in found if a.record]
            doc.spans["ew_quotes"] = [
                Span(doc, a.start, a.end, label="direct" if a.direct else "indirect")
                for a in found if a.record]
            self.mark_events(doc, found)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    # --- finding --------------------------------------------------------------

    def find(self, doc: Doc) -> list[Attribution]:
        """Every attribution of a Doc (direct and indirect) with speakers, in text order."""
        if doc._.ew_mentions is None:
            doc._.ew_mentions = []
        direct = [a for a in direct_quotes(doc) if self._attribute(doc, a)]
        indirect = self._indirect(doc, direct)
        found = sorted(direct + indirect, key=lambda a: (a.start, -a.end))
        self._resolve(doc, found)
        continue_chains(direct)
        self._first_person(found, direct)
        return found

    def _attribute(self, doc: Doc, quote: Attribution) -> bool:
        """Find the quote's cue and subject; False for scare quotes and titles."""
        governor = self._climb(doc, quote)
        if quote.cue is None:
            self._beside(doc, quote)
        if quote.subject is not None and quote.start <= quote.subject.i < quote.end:
            quote.subject = _beside_cue(doc, quote, quote.cue)
        words = [t for t in doc[quote.start:quote.end] if t.is_alpha]
        if quote.cue is None or not quote.adjacent:
            if len(words) <= self.max_scare_words:
                return False
            if quote.cue is None and all(
                    w.text[0].isupper() or w.lower_ in SMALL_WORDS for w in words):
                return False
        if quote.cue is None and governor is not None:
            quote.cue, quote.cue_text = governor, governor.text
            quote.subject = next(c for c in governor.children if c.dep_ == "nsubj")
        return True

    def _climb(self, doc: Doc, quote: Attribution) -> Token | None:
        """Search up the parse from the quote for a cue; return the nearest verb
        with a subject outside the quote (for partial quotes)."""
        governor = None
        for token in doc[quote.start:quote.end]:
            if quote.start <= token.head.i < quote.end and token.head.i != token.i:
                continue
            head, first = token, True
            while head.head.i != head.i:
                head = head.head
                if quote.start <= head.i < quote.end:
                    break
                cue = self._cue_of(head)
                if cue is not None:
                    quote.cue, quote.cue_text, quote.subject = cue
                    quote.adjacent = first and _covers(quote, token)
                    return governor
                first = False
                subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if governor is None and subj is not None and not (
                        quote.start <= subj.i < quote.end):
                    governor = head
        return governor

    def _beside(self, doc: Doc, quote: Attribution) -> None:
        """A cue just after the quote ('"...," Lee added') or just before ('Lee said:')."""
        after = _window(doc, quote.end, 1, self.max_gap)
        before = _window(doc, quote.start - 1, -1, self.max_gap)
        if before and before[0].text not in (":", ","):
            before = []
        for tokens in (after, before):
            for token in tokens:
                cue = self._cue_of(token)
                if cue is None:
                    continue
                quote.cue, quote.cue_text, quote.subject = cue
                quote.adjacent = True
                if quote.subject is None:
                    quote.subject = next((t for t in tokens if t.pos_ == "PROPN"), None)
                return

    def _cue_of(self, token: Token) -> tuple[Token, str, Token | None] | None:
        """(cue token, cue text, subject or source) when ``token`` attributes speech."""
        for child in token.children:
            source = self._prep_source(child)
            if source is not None:
                return child, f"{child.text} {child.nbor().text}", source
        if token.pos_ == "VERB":
            particle = next((c for c in token.children if c.dep_ == "prt"), None)
            lemma = token.lemma_.lower()
            phrasal = particle is not None and f"{lemma} {particle.lower_}" in self.lexicon.verbs
            if phrasal or lemma in self.lexicon.verbs:
                subj, passive = self._participle_subject(token) or subject(token)
                if passive:  # "were expected to", "was told": the subject is not the speaker
                    subj = agent(token)
                    if subj is None:
                        return None
                text = f"{token.text} {particle.text}" if phrasal else token.text
                return token, text, subj
        return None

    def _participle_subject(self, token: Token) -> tuple[Token, bool] | None:
        """"X said the process would be messy, adding ...": a participle with no subject
        of its own adds to the nearest reporting verb above it, so shares its speaker."""
        if token.tag_ != "VBG" or any(c.dep_.startswith("nsubj") for c in token.children):
            return None
        for verb in token.ancestors:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and verb.lemma_.lower() in self.lexicon.verbs:
                return subj, False
        return None

    def _prep_source(self, token: Token) -> Token | None:
        """X of "according to X" when ``token`` opens such a phrase."""
        if token.dep_ != "prep" or token.i + 1 >= len(token.doc):
            return None
        to = token.nbor()
        if f"{token.lower_} {to.lower_}" not in self.lexicon.preps or to.head != token:
            return None
        return next((t for t in to.children if t.dep_ == "pobj"), None)

    def _indirect(self, doc: Doc, direct: list[Attribution]) -> list[Attribution]:
        """Reported clauses: the complement of a cue verb, the clause of "according to"."""
        found = []
        for token in doc:
            cue = self._cue_of(token)
            if cue is None:
                continue
            cue_token, cue_text, subj = cue
            if subj is None:
                continue
            if cue_token.i == token.i:
                clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
                if clause is None:
                    continue
                start, end = clause.left_edge.i, clause.right_edge.i + 1
            else:
                start, end = _clause_without(token, cue_token)
            while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct):
                start += 1
            while end > start and doc[end - 1].is_punct:
                end -= 1
            if end - start < 2:
                continue
            span = doc[start:end]
            found.append(Attribution(
                start, end, span.start_char, span.end_char, span.text, direct=False,
                cue=cue_token, cue_text=cue_text, subject=subj,
                record=not any(q.start < end and start < q.end and q.cue is not None and (
                    q.cue.i == cue_token.i or start <= q.cue.i < end) for q in direct)))
        return found

    # --- speakers -------------------------------------------------------------

    def _resolve(self, doc: Doc, found: list[Attribution]) -> None:
        """Speaker mention of every attribution, in the order their cues appear."""
        mentions = doc._.ew_mentions
        index = mention_index(doc)
        positions = _Positions(doc)
        inside = [False] * len(doc)
        for a in found:
            for t in range(a.start, a.end):
                inside[t] = True
        speakers: list[str] = []  # keys of the speakers so far, latest last
        for a in sorted((a for a in found if a.subject is not None), key=lambda a: a.cue.i):
            subj = a.subject
            hits = mentions_under(subj, index)
            if self.lexicon.pronouns.get(subj.lower_, ("", ""))[1] == "sg":
                a.speaker = self._outer_speaker(doc, subj, found) or self._pronoun_speaker(
                    doc, subj, hits[0] if hits else None, inside, speakers, positions)
            elif hits and mentions[hits[0]]["kind"] != "pronoun":
                a.speaker = hits[0]
            if a.speaker is not None:
                speakers.append(_key(mentions[a.speaker]))
            if a.speaker is not None or subj.pos_ != "PRON":
                phrase = doc[subj.left_edge.i:subj.i + 1]
                a.named = (phrase.start_char, phrase.end_char)

    def _first_person(self, found: list[Attribution], direct: list[Attribution]) -> None:
        """Inside a quote, "I think ..." is the quote's speaker."""
        for a in found:
            if a.subject is None or a.speaker is not None:
                continue
            if a.subject.lower_ not in self.lexicon.first_person:
                continue
            quote = next((q for q in direct if q.start <= a.subject.i < q.end), None)
            if quote is not None and quote.speaker is not None:
                a.speaker = quote.speaker
                a.named = (a.subject.idx, a.subject.idx + len(a.subject))

    def _outer_speaker(self, doc: Doc, pronoun: Token,
                       found: list[Attribution]) -> int | None:
        """"X said he believed ...": a pronoun inside X's reported clause is X."""
        gender = self.lexicon.pronouns[pronoun.lower_][0]
        for a in found:
            if a.start <= pronoun.i < a.end and a.speaker is not None and self._gender_ok(
                    doc, doc._.ew_mentions[a.speaker], gender):
                return a.speaker
        return None

    def _pronoun_speaker(self, doc: Doc, pronoun: Token, coref: int | None,
                         inside: list[bool], speakers: list[str],
                         positions: _Positions) -> int | None:
        """A "he"/"she" speaker: the coreference mention when it names a person who
        could speak here, else the one candidate, else the latest speaker among them."""
        mentions = doc._.ew_mentions
        candidates = self._candidates(doc, pronoun, inside, positions)
        if coref is not None and mentions[coref].get("name") and (
                not candidates or _key(mentions[coref]) in candidates):
            return coref
        if len(candidates) == 1:
            return next(iter(candidates.values()))
        latest = next((k for k in reversed(speakers) if k in candidates), None)
        return candidates[latest] if latest is not None else None

    def _candidates(self, doc: Doc, pronoun: Token, inside: list[bool],
                    positions: _Positions) -> dict[str, int]:
        """Gender-compatible single persons named shortly before the pronoun, outside
        reported content (a speaker is not one of the people he talks about)."""
        gender = self.lexicon.pronouns[pronoun.lower_][0]
        sentences = positions.index
        current = sentences.sentence_of(pronoun.i)
        window_start = max(sentences.start_of_sentence(current - self.window_sentences),
                           _paragraph_start(doc, sentences.text, pronoun.i, back=1))
        candidates: dict[str, int] = {}
        mentions = doc._.ew_mentions
        for i in positions.mentions_between(window_start, pronoun.i):
            m = mentions[i]
            if m["end"] > pronoun.i:
                continue
            if m["kind"] not in PERSON_KINDS or inside[m["start"]] or m.get("members"):
                continue
            if m.get("name") is None or _coordinated(doc[m["start"]:m["end"]].root):
                continue
            if self._gender_ok(doc, m, gender):
                candidates[_key(m)] = i
        return candidates

    def _gender_ok(self, doc: Doc, mention: dict[str, Any], gender: str) -> bool:
        known = self._gender(doc, mention)
        return not gender or not known or known == gender

    def _gender(self, doc: Doc, mention: dict[str, Any]) -> str:
        """Gender of a mention from the KB, a pronoun or an honorific; "" if unknown."""
        if mention["kind"] == "pronoun":
            return self.lexicon.pronouns.get(mention["text"].lower(), ("", ""))[0]
        if mention.get("name"):
            for target in self.kb.lookup(mention["name"]):
                person = self.kb.person(target.key) if target.kind == "person" else None
                if person is not None and person.gender:
                    return person.gender
        first = mention["start"]
        for t in doc[max(0, first - 1):first + 1]:
            gender = self.lexicon.honorifics.get(t.lower_)
            if gender:
                return gender
        return ""

    # --- events ---------------------------------------------------------------

    def mark_events(self, doc: Doc, found: list[Attribution]) -> None:
        """``event["source"]`` for events whose trigger lies in reported content."""
        mentions = doc._.ew_mentions
        text = doc_text(doc)
        for event in doc._.ew_events or []:
            trigger = event["trigger"][0]
            holders = [a for a in found if a.start <= trigger < a.end]
            if not holders:
                continue
            # the innermost; a reported clause that only wraps a quote yields to the quote
            a = min(holders, key=lambda a: (not a.record, a.end - a.start))
            event["source"] = {"speaker": _speaker_entity(text, a, mentions), "quote": a.text}


def entity(mention: dict[str, Any]) -> dict[str, Any]:
    """Entity fields of a mention (a group speaks through its first member)."""
    members = mention.get("members")
    fields = members[0] if members else mention
    return {"entity_text": mention["text"], **{k: fields.get(k) for k in ENTITY_FIELDS}}


def _speaker_entity(text: str, a: Attribution,
                    mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The speaker's entity; a speaker who is no known actor ("a new poll") keeps his words."""
    if a.speaker is not None:
        return entity(mentions[a.speaker])
    if a.named is None:
        return None
    return {"entity_text": text[a.named[0]:a.named[1]], **dict.fromkeys(ENTITY_FIELDS)}


def _window(doc: Doc, start: int, step: int, limit: int) -> list[Token]:
    """Tokens from ``start`` in one direction up to a quote mark, line or sentence break."""
    tokens: list[Token] = []
    i = start
    while 0 <= i < len(doc) and (QUOTE_MARK in doc[i].text or doc[i].text in TRAILING):
        if doc[i].text in TRAILING and step < 0:
            tokens.append(doc[i])
        i += step
    while 0 <= i < len(doc) and len(tokens) < limit:
        token = doc[i]
        if QUOTE_MARK in token.text or "\n" in token.text:
            break
        if token.text in SENTENCE_END and (step > 0 or tokens):
            break
        if not token.is_punct or step < 0:
            tokens.append(token)
        i += step
    return tokens


def _covers(quote: Attribution, root: Token) -> bool:
    """Whether the quote is the whole phrase under its root ('said "no"', not
    'continue their "shuttle diplomacy" of meetings')."""
    words = [t.i for t in root.subtree if not t.is_punct and t.dep_ != "det"]
    return all(quote.start <= i < quote.end for i in words)


def _beside_cue(doc: Doc, quote: Attribution, cue: Token) -> Token | None:
    """The speaker named between a quote and its cue, or just after the cue, when the
    parse took the quote itself for the subject ('"...," Trump, the front-runner, said')."""
    between = doc[quote.end:cue.i] if cue.i >= quote.end else doc[cue.i + 1:quote.start]
    nouns = [t for t in [*between, *doc[cue.i + 1:cue.i + 4]]
             if t.pos_ in ("PROPN", "PRON", "NOUN") and QUOTE_MARK not in t.text]
    return nouns[0] if nouns else None


def _clause_without(head: Token, prep: Token) -> tuple[int, int]:
    """The clause of ``head`` minus the "according to X" phrase at one of its edges."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    p_start, p_end = prep.left_edge.i, prep.right_edge.i + 1
    if p_start - start >= end - p_end:
        return start, p_start
    return p_end, end


def _paragraph_start(doc: Doc, text: str, i: int, back: int) -> int:
    """First token of the paragraph ``back`` paragraphs before the one holding token ``i``."""
    pos = doc[i].idx
    for _ in range(back + 1):
        pos = text.rfind("\n", 0, pos)
        while pos > 0 and text[pos - 1] == "\n":
            pos -= 1
        if pos < 0:
            return 0
    span = doc.char_span(pos, len(text), alignment_mode="expand")
    return span.start if span is not None else 0


class _Positions:
    """Sentences of a Doc and its mentions in order of start, built once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.index = DocIndex(doc)
        mentions = doc._.ew_mentions
        self.order = sorted(range(len(mentions)), key=lambda i: mentions[i]["start"])
        self.starts = [mentions[i]["start"] for i in self.order]

    def mentions_between(self, low: int, high: int) -> list[int]:
        """Indexes (in list order) of the mentions starting in [low, high)."""
        return sorted(self.order[k] for k in between(self.starts, low, high))


def _coordinated(token: Token) -> bool:
    """Part of "X and Y": such a mention is plural, never "he" or "she"."""
    return token.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in token.children)


def _key(mention: dict[str, Any]) -> str:
    return mention.get("name") or mention["text"]


def _raw(a: Attribution) -> dict[str, Any]:
    return {"quote": a.text, "start_char": a.start_char, "end_char": a.end_char,
            "speaker": a.speaker, "cue": a.cue_text,
            "speaker_span": list(a.named) if a.named else None}
