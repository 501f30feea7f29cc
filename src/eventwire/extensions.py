"""Every custom ``Doc`` attribute eventwire uses, declared in one table.

Values are plain lists, dicts, strings and numbers so that Docs survive
``Doc.to_bytes()`` (and so ``nlp.pipe(n_process>1)``) unchanged.

Mention dicts (``ew_mentions``), written by the actor and coreference stages
(sorted by start); the event stage may append ``unresolved`` mentions for named
subjects the knowledge base does not know (at the end, so indices stay valid)::

    {"start": tok, "end": tok, "start_char": int, "end_char": int, "text": str,
     "name": str|None, "code": str|None, "sector": str|None,
     "wikidata_id": str|None, "kind": str, "confidence": float}

Event dicts (``ew_events``), written by the event stage::

    {"event": str, "mode": [str], "context": [str], "cameo": str,
     "trigger": [start_tok, end_tok], "sentence": int,
     "actor": [mention index], "recipient": [mention index], "confidence": float,
     "sense": "pattern" | "default" | "noun"}

``sense`` says how the trigger was found: a verb pattern of the lexicon, a verb's
default code with no pattern, or an event noun; the relevance stage ranks by it.

The modality stage adds ``"act"`` (the PLOVER type before recoding) when it
turns an announced, threatened or refused act into AGREE, THREATEN or REJECT.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, Any] = {
    "ew_doc_id": None,  # str: the document id
    "ew_date": None,  # str: publication date YYYY-MM-DD, or None
    "ew_mentions": None,  # list[dict]: actor mentions (see module docstring)
    "ew_events": None,  # list[dict]: events (see module docstring)
    "ew_quotes": None,  # list[dict]: quotes
    "ew_error": None,  # str: the stage that failed on this Doc and its message
}


def register() -> None:
    """Declare the attributes on ``Doc``; safe to call more than once."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
