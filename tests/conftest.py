"""Shared fixtures: one parsed pipeline and one blank pipeline per test session."""

from __future__ import annotations

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
