"""Stage "eventwire_contexts": the PLOVER contexts of each event.

Reads ``doc._.ew_events`` and rewrites their ``context`` lists: the context
that comes with the event's CAMEO code stays first, then every context whose
keywords (``data/contexts/keywords.tsv``: "tariff" -> economic, "artificial
intelligence" -> technology, "troops" -> military) occur in the event's
paragraph, in the fixed order of ``data/contexts/contexts.txt``. PLOVER codes
contexts at paragraph level, so all events of a paragraph share them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from eventwire.errors import DataError
from eventwire.extensions import register
from eventwire.kb.tables import read_lines, read_tsv

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SCOPES = ("paragraph", "sentence")


@lru_cache(maxsize=1)
def load_contexts() -> tuple[str, ...]:
    """The PLOVER context names, in output order."""
    return read_lines("contexts", "contexts.txt")


@lru_cache(maxsize=1)
def load_keywords() -> tuple[tuple[str, str], ...]:
    """(keyword, context) rows, checked against the context list."""
    known = set(load_contexts())
    rows = tuple((r["keyword"], r["context"]) for r in read_tsv("contexts", "keywords.tsv"))
    unknown = sorted({context for _, context in rows} - known)
    if unknown:
        raise DataError(f"contexts/keywords.tsv: unknown PLOVER contexts {unknown}")
    return rows


@Language.factory(
    "eventwire_contexts",
    requires=["doc._.ew_events", "token.lemma"],
    assigns=["doc._.ew_events"],
    default_config={"scope": "paragraph"},
)
def make_contexts(nlp: Language, name: str, scope: str) -> EventContexts:
    return EventContexts(nlp, name, scope=scope)


class EventContexts(Pipe):
    """Adds keyword contexts to every event of a Doc."""

    def __init__(self, nlp: Language, name: str, scope: str = "paragraph") -> None:
        if scope not in SCOPES:
            raise ValueError(f"eventwire_contexts: scope must be one of {SCOPES}, not {scope!r}")
        register()
        self.name = name
        self.scope = scope
        self.rank = {context: i for i, context in enumerate(load_contexts())}
        self.words: dict[str, set[str]] = {}  # lower-case single words and lemmas
        self.exact: dict[str, set[str]] = {}  # words written with capitals ("AI")
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        for keyword, context in load_keywords():
            cased = keyword != keyword.lower()
            if " " in keyword:
                matcher = self.exact_phrases if cased else self.phrases
                matcher.add(context, [nlp.make_doc(keyword)])
            else:
                table = self.exact if cased else self.words
                table.setdefault(keyword, set()).add(context)

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.set_contexts(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def set_contexts(self, doc: Doc) -> None:
        """Merge keyword contexts of each event's paragraph (or sentence) into it."""
        events = doc._.ew_events or []
        if not events:
            return
        hits = self.keyword_hits(doc)
        region_of = self.regions(doc)
        found: dict[int, set[str]] = {}
        for i, contexts in hits.items():
            found.setdefault(region_of[i], set()).update(contexts)
        for event in events:
            region = found.get(region_of[event["trigger"][0]], set())
            added = sorted(region - set(event["context"]), key=self.rank.__getitem__)
            event["context"] = list(event["context"]) + added

    def keyword_hits(self, doc: Doc) -> dict[int, set[str]]:
        """Token index -> contexts whose keywords start there."""
        hits: dict[int, set[str]] = {}
        for token in doc:
            contexts = (self.words.get(token.lower_) or self.words.get(token.lemma_.lower())
                        or self.exact.get(token.text))
            if contexts:
                hits.setdefault(token.i, set()).update(contexts)
        for matcher in (self.phrases, self.exact_phrases):
            for key, start, _end in matcher(doc):
                hits.setdefault(start, set()).add(doc.vocab.strings[key])
        return hits

    def regions(self, doc: Doc) -> list[int]:
        """For every token, the number of its paragraph (or sentence)."""
        if self.scope == "sentence":
            region = [0] * len(doc)
            for n, sent in enumerate(doc.sents):
                region[sent.start:sent.end] = [n] * (sent.end - sent.start)
            return region
        breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(doc.text)]
        region, n = [], 0
        for token in doc:
            while n < len(breaks) and token.idx >= breaks[n]:
                n += 1
            region.append(n)
        return region
