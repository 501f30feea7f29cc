"""eventwire's spaCy components; importing this package registers their factories."""

from eventwire.components import actors, events, modality  # noqa: F401
