"""eventwire's spaCy components; importing this package registers their factories."""

from eventwire.components import (  # noqa: F401
    actors,
    attribution,
    contexts,
    coref,
    dates,
    events,
    modality,
    paragraphs,
    places,
    quotes,
    relevance,
    second_opinion,
)
