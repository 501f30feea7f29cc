"""Where direct quotes are in a text, and which of them belong together.

Double quote marks pair up within a paragraph; an unclosed quote runs on into
the next paragraph, as news style has it. Quotes joined that way, or sharing a
paragraph, form a chain: a quote with no reporting cue of its own speaks for
the attributed quote of its chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.doc_index import doc_text

QUOTE_MARK = '"'
PARAGRAPH = re.compile(r"[^\n]+")
TRAILING = ",;:"  # punctuation that belongs to the sentence, not to the quote


@dataclass
class Attribution:
    """Reported content (token span [start, end)) and what attributes it."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    direct: bool
    paragraph: int = 0
    chain: int = 0  # direct quotes linked within a paragraph and across open quotes
    cue: Token | None = None
    cue_text: str | None = None
    subject: Token | None = None
    adjacent: bool = False  # cue right beside the quote or directly governing it
    speaker: int | None = None
    named: tuple[int, int] | None = None  # characters of the words naming the speaker
    record: bool = True


def quote_spans(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, paragraph, closed) of the text between double quote marks.

    Marks pair up within a paragraph; an unclosed quote runs to the paragraph's
    end, the news convention for a quote that goes on in the next paragraph.
    """
    spans = []
    for p, para in enumerate(PARAGRAPH.finditer(text)):
        marks = [para.start() + m.start() for m in re.finditer(QUOTE_MARK, para.group())]
        for k in range(0, len(marks), 2):
            closed = k + 1 < len(marks)
            end = marks[k + 1] if closed else para.end()
            start = marks[k] + 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING):
                end -= 1
            if end > start:
                spans.append((start, end, p, closed))
    return spans


def direct_quotes(doc: Doc) -> list[Attribution]:
    quotes: list[Attribution] = []
    chain, open_before, last_paragraph = 0, False, -1
    text = doc_text(doc)
    for start, end, paragraph, closed in quote_spans(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        continues = paragraph == last_paragraph or (
            open_before and paragraph == last_paragraph + 1 and _opens_paragraph(text, start))
        chain += 0 if continues or not quotes else 1
        quotes.append(Attribution(span.start, span.end, start, end, text[start:end],
                                  direct=True, paragraph=paragraph, chain=chain))
        open_before, last_paragraph = not closed, paragraph
    return quotes


def _opens_paragraph(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(QUOTE_MARK + " \t")


def continue_chains(quotes: list[Attribution]) -> None:
    """Quotes with no cue speak for the attributed quote before them in their chain,
    else after it; a quote paragraph with none continues the previous paragraph's speaker."""
    cued_in_chain: dict[int, list[Attribution]] = {}
    cued_in_paragraph: dict[int, list[Attribution]] = {}
    first_start: dict[int, int] = {}  # paragraph -> start of its first quote
    for o in quotes:
        if o.cue is not None:
            cued_in_chain.setdefault(o.chain, []).append(o)
            cued_in_paragraph.setdefault(o.paragraph, []).append(o)
        first_start[o.paragraph] = min(first_start.get(o.paragraph, o.start), o.start)
    for q in quotes:
        if q.cue is not None:
            continue
        chain = cued_in_chain.get(q.chain, [])
        before = [o for o in chain if o.start < q.start]
        source = before[-1] if before else (chain[0] if chain else None)
        if source is None:
            earlier = cued_in_paragraph.get(q.paragraph - 1, [])
            first_in_paragraph = first_start[q.paragraph] >= q.start
            source = earlier[-1] if earlier and first_in_paragraph else None
        if source is not None:
            q.cue_text, q.speaker, q.named = source.cue_text, source.speaker, source.named
