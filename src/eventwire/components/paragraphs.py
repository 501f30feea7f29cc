"""A blank line ends a sentence.

The parser finds sentence boundaries from the syntax alone and may run one sentence on
across a paragraph break ('... will not help find a solution."' and, after a blank line,
'India's Home Minister is expected to meet ...'), so a negation, a subject or a quote of one
paragraph reaches into the next. This stage, run before the parser, makes the word after a
blank line start a sentence, a boundary the parser keeps. A single line break is no
boundary: wire copy is often wrapped inside its sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPHS_STAGE = "eventwire_paragraphs"


@Language.component(PARAGRAPHS_STAGE)
def start_sentences_at_paragraphs(doc: Doc) -> Doc:
    """Make every word after a blank line the start of a sentence."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
