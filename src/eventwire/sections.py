"""Long documents coded in sections, and the sections' records joined again.

spaCy's parser needs memory in proportion to a Doc's length, so a document
longer than the section size is cut at paragraph breaks (else at a line,
sentence or word break) into sections of at most that size. Every section
keeps the whole source text and its slice of the offset map, so the records
of each section point into the full document; ``join`` renumbers them as one.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.normalise import NormalisedText
from eventwire.records import ActorRecord, Document, TextInfo

# Where a section may end, best first: after a paragraph, a line, a sentence, a word.
BREAKS = ("\n\n", "\n", ". ", " ")


def section_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) character ranges of ``text``, each at most ``size`` long.

    A cut is looked for in the second half of each window only, so every
    section is at least half the size (but the last) and the scan is linear.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for mark in BREAKS:
            cut = text.rfind(mark, start + size // 2, end)
            if cut >= 0:
                end = cut + len(mark)
                break
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def section(norm: NormalisedText, start: int, end: int) -> NormalisedText:
    """The characters [start, end) of the parsed text, still mapped to the full source."""
    return NormalisedText(text=norm.text[start:end], source=norm.source,
                          offsets=norm.offsets[start:end + 1])


def join(parts: list[tuple[Document, int]]) -> Document:
    """One Document from its sections' Documents and their sentence counts, in order.

    Events are renumbered and their sentence numbers counted from the start of
    the document; actors met in several sections become one record.
    """
    first = parts[0][0]
    events, quotes = [], []
    actors: dict[tuple, ActorRecord] = {}
    sentences = 0
    for document, count in parts:
        for event in document.events:
            info = event.text_info
            events.append(replace(
                event, id=f"{first.doc_id}-{len(events) + 1:04d}",
                text_info=TextInfo(sentence=info.sentence + sentences, start=info.start,
                                   end=info.end)))
        quotes += document.quotes
        for actor in document.actors:
            key = (actor.name, actor.code, actor.sector, actor.wikidata_id)
            if key not in actors:
                actors[key] = replace(actor, mentions=list(actor.mentions))
            else:
                known = actors[key].mentions
                known += [span for span in actor.mentions if span not in known]
        sentences += count
    return replace(first, events=events, quotes=quotes, actors=list(actors.values()))
