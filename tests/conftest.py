"""Shared fixtures: one parsed pipeline and one blank pipeline per test session, and
the roles of a sentence's most confident event."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import spacy
from spacy.language import Language

from eventwire.extensions import register


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full eventwire pipeline, loaded once (needs the English model)."""
    from eventwire.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """A blank English pipeline with eventwire's Doc attributes registered."""
    register()
    return spacy.blank("en")


@pytest.fixture(scope="session")
def top_roles(top_event: Callable[[str], Any]) -> Callable[[str], tuple[str, list[str],
                                                                           list[str]]]:
    """(type, actor codes, recipient codes) of a sentence's most confident event."""

    def roles(text: str) -> tuple[str, list[str], list[str]]:
        event = top_event(text)
        return (event.event, sorted({e.code for e in event.actor if e.code}),
                sorted({e.code for e in event.recipient if e.code}))

    return roles


@pytest.fixture(scope="session")
def top_event(coder: Any) -> Callable[[str], Any]:
    """The most confident event of a sentence dated 2026-01-13; fails if there is none."""
    def top(text: str) -> Any:
        found = coder.code(text, date="2026-01-13", doc_id="t").events
        assert found, f"no event in {text!r}"
        return max(found, key=lambda e: e.confidence)

    return top


@pytest.fixture(scope="session")
def coder(nlp: Language) -> Any:
    """A Coder over the shared pipeline."""
    from eventwire.coder import Coder

    return Coder(nlp=nlp)
