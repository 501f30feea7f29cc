"""Every custom ``Doc`` attribute eventwire uses, declared in one table.

Values are plain lists, dicts, strings and numbers so that Docs survive
``Doc.to_bytes()`` (and so ``nlp.pipe(n_process>1)``) unchanged.

Actor mentions (``ew_mentions``) and event drafts (``ew_events``) are the
``Mention`` and ``EventDraft`` types of ``eventwire.drafts``: typed, but plain dicts.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, Any] = {
    "ew_doc_id": None,  # str: the document id
    "ew_date": None,  # str: publication date YYYY-MM-DD, or None
    "ew_mentions": None,  # list[Mention]: actor mentions (eventwire.drafts)
    "ew_events": None,  # list[EventDraft]: events (eventwire.drafts)
    "ew_quotes": None,  # list[dict]: quotes
    "ew_wire_marks": None,  # list[int]: tokens of datelines and photo credits: no actors there
    "ew_error": None,  # str: the stage that failed on this Doc and its message
}


def register() -> None:
    """Declare the attributes on ``Doc``; safe to call more than once."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
