"""Workers for run tests: a blank pipeline whose one stage fails on marker words.

Imported by name in spawned worker processes, so it lives in its own module
(the test adds this folder to ``sys.path``). Not part of eventwire.
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.coder import Coder
from eventwire.extensions import register
from eventwire.pools import BatchResult, CoderWorker

RAISES = "STAGE-RAISES"
DIES = "WORKER-DIES"
HANGS = "WORKER-HANGS"
UNSENDABLE = "RESULT-UNSENDABLE"


@Language.component("test_markers")
def markers(doc: Doc) -> Doc:
    """Raise, kill this process or hang when the text says so."""
    if RAISES in doc.text:
        raise RuntimeError("stage failed on purpose")
    if DIES in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    if HANGS in doc.text:
        time.sleep(600)
    return doc


class MarkerWorker(CoderWorker):
    """A worker over a blank English pipeline (sentences only) and the marker stage;
    a batch with the unsendable marker comes back holding a lambda, which cannot be pickled."""

    def __init__(self, model: str | None = None, actors: tuple[str, ...] = ()) -> None:
        register()
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("test_markers")
        self.coder = Coder(nlp=nlp)
        self.name = f"worker-{os.getpid()}"

    def code(self, items: list[dict[str, Any]]) -> BatchResult:
        result = super().code(items)
        if any(UNSENDABLE in item["text"] for item in items):
            result.worker = lambda: "not picklable"  # type: ignore[assignment]
        return result
