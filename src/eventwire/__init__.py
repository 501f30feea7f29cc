"""eventwire: political event data (PLOVER) from news text, offline.

The public API is what this module exports. ``Coder`` and ``to_frame`` load
spaCy and pandas, so they are imported on first use and ``import eventwire``
stays fast.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from eventwire.records import ActorRecord, Document, Entity, Event, Place, Quote

if TYPE_CHECKING:
    from eventwire.coder import Coder
    from eventwire.frame import to_frame
    from eventwire.store import open_store

__version__ = version("eventwire")

__all__ = [
    "ActorRecord",
    "Coder",
    "Document",
    "Entity",
    "Event",
    "Place",
    "Quote",
    "__version__",
    "open_store",
    "to_frame",
]

_LAZY = {"Coder": "eventwire.coder", "to_frame": "eventwire.frame",
         "open_store": "eventwire.store"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
