"""Input documents: what a reader hands to the ``Coder``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class InputDoc:
    """One document to code. ``source`` names it in error messages (file:line)."""

    doc_id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    is_html: bool | None = None
    source: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any], index: int = 0) -> InputDoc:
        doc_id = str(data.get("id") or data.get("doc_id") or f"doc{index + 1}")
        return cls(doc_id=doc_id, text=data.get("text") or "", date=data.get("date"),
                   title=data.get("title"), url=data.get("url"),
                   is_html=data.get("is_html"), source=data.get("source") or doc_id)
