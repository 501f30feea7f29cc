"""The one schema: every record eventwire emits is one of these dataclasses.

Writers, data frames and any later store derive their columns from
``dataclasses.fields`` of these classes, so a field name is written only here.
Field names follow the interface contract (PLOVER 2 names).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Entity:
    """An actor or recipient of an event, or the speaker of a quote."""

    entity_text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None
    wikidata_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})


@dataclass
class Place:
    """Where an event happened, resolved against a gazetteer."""

    name: str
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})


@dataclass
class TextInfo:
    """Sentence index and character offsets of an event's sentence in the document."""

    sentence: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One PLOVER event record."""

    id: str
    doc_id: str
    date: str | None
    date_precision: str
    event: str
    mode: list[str]
    context: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    event_text: str
    text: str
    text_info: TextInfo
    quad_code: int
    intensity: float
    cameo: str
    goldstein: float
    event_loc: Place | None = None
    source: dict[str, Any] | None = None
    confidence: float = 0.5
    cluster_id: str | None = None  # set by linking in a corpus store; null from ``code``

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        values = {f.name: data.get(f.name) for f in fields(cls)}
        values["actor"] = [Entity.from_dict(e) for e in data.get("actor") or []]
        values["recipient"] = [Entity.from_dict(e) for e in data.get("recipient") or []]
        values["text_info"] = TextInfo(**data["text_info"])
        loc = data.get("event_loc")
        values["event_loc"] = Place.from_dict(loc) if loc else None
        return cls(**values)


@dataclass
class Quote:
    """A direct quote or attributed indirect speech, with its speaker."""

    doc_id: str
    quote: str
    start: int
    end: int
    speaker: Entity | None
    cue: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ActorRecord:
    """One resolved actor of a document with every mention's offsets."""

    doc_id: str
    name: str | None
    code: str | None
    sector: str | None
    wikidata_id: str | None
    mentions: list[list[int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """Everything eventwire found in one input document.

    ``text`` is the text that all offsets refer to (the input text, or the
    main text extracted from HTML). ``status`` is ``ok`` or ``failed`` with
    ``error`` naming the reason, so a corpus run never loses a document.
    """

    doc_id: str
    text: str
    date: str | None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)
    status: str = "ok"
    error: str | None = None
    title: str | None = None
    url: str | None = None


RECORD_KINDS: dict[str, type] = {"event": Event, "quote": Quote, "actor": ActorRecord}


def column_names(record_type: type) -> list[str]:
    """Column names of a record type, in schema order.

    record_type (type): one of the record dataclasses.
    RETURNS (list[str]): its field names.
    """
    return [f.name for f in fields(record_type)]


@dataclass
class Cluster:
    """One real-world event of a corpus store: its linked reports, summed up.

    ``event``, ``mode``, ``actor``, ``recipient`` and ``event_loc`` are those
    of its representative report (see ``clusters.cluster_record``); ``date``
    is the earliest event date and ``date_range`` the first and last.
    """

    cluster_id: str
    event: str
    mode: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    date: str | None
    date_range: list[str]
    event_loc: Place | None
    n_mentions: int
    n_documents: int
    n_sources: int
    first_reported: str | None
    doc_ids: list[str]
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
