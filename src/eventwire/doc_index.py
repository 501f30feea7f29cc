"""Position indexes of one Doc: its sentences and named entities.

``doc.sents``, ``doc.ents`` and ``doc.text`` are rebuilt by spaCy on every
access, so asking them once per mention makes a stage's cost grow with the
square of the document's length. A stage builds one ``DocIndex`` per Doc and
looks positions up in it (bisect over sentence starts, an entity per token).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span

# Key of the joined text in ``doc.user_data``: a plain string, so it survives
# ``Doc.to_bytes``; the text of a Doc never changes once it is made.
TEXT_KEY = "eventwire.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and kept."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class DocIndex:
    """Sentence starts and entity spans of ``doc``, looked up by token index.

    Without sentence boundaries the whole Doc counts as one sentence.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.sentenced = doc.has_annotation("SENT_START")
        self.starts = [s.start for s in doc.sents] if self.sentenced and len(doc) else [0]
        self.ents: tuple[Span, ...] = doc.ents
        self._ent_of = [-1] * len(doc)
        for k, ent in enumerate(self.ents):
            self._ent_of[ent.start:ent.end] = [k] * (ent.end - ent.start)

    def sentences_to(self, i: int) -> int:
        """How many sentences start at or before token ``i``."""
        return bisect_right(self.starts, i)

    def sentence_of(self, i: int) -> int:
        """Number of the sentence holding token ``i``."""
        return max(self.sentences_to(i) - 1, 0)

    def sentence_start(self, i: int) -> int:
        """First token of the sentence holding token ``i``."""
        return self.starts[self.sentence_of(i)]

    def sentence_end(self, i: int) -> int:
        """End (exclusive) of the sentence holding token ``i``."""
        n = self.sentence_of(i) + 1
        return self.starts[n] if n < len(self.starts) else len(self.doc)

    def start_of_sentence(self, n: int) -> int:
        """First token of sentence ``n`` (the first sentence for n < 0)."""
        return self.starts[min(max(n, 0), len(self.starts) - 1)]

    def entity_at(self, i: int) -> Span | None:
        """The named entity covering token ``i``, if any."""
        k = self._ent_of[i] if 0 <= i < len(self._ent_of) else -1
        return self.ents[k] if k >= 0 else None


def between(starts: Sequence[int], low: int, high: int) -> range:
    """Positions in sorted ``starts`` whose value lies in [low, high)."""
    return range(bisect_left(starts, low), bisect_left(starts, high))
