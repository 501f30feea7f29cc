"""ICEWS-compatible event files: tab-separated, one row per source-target dyad.

Columns are those of the public ICEWS releases (``data/formats/icews_events.tsv``).
ICEWS rows are dyadic, so an event with several actors or recipients gives
one row per pair, and a joint act (they met) one row each way, as ICEWS codes
a meeting. Sectors are PLOVER sector codes; countries are written by name.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, TextIO
from urllib.parse import urlsplit

from eventwire.kb.tables import read_tsv
from eventwire.records import Entity, Event


@cache
def icews_columns() -> tuple[str, ...]:
    """ICEWS column names in file order."""
    return tuple(row["column"] for row in read_tsv("formats", "icews_events.tsv"))


def dyads(event: Event) -> Iterator[tuple[int, Entity | None, Entity | None]]:
    """(number, source, target) of each dyad of an event, numbered from 1."""
    if event.recipient:
        pairs = [(a, r) for a in event.actor or [None] for r in event.recipient]
    elif len(event.actor) > 1:
        pairs = [(a, b) for a in event.actor for b in event.actor if a is not b]
    else:
        pairs = [(event.actor[0] if event.actor else None, None)]
    for number, (source, target) in enumerate(pairs, start=1):
        yield number, source, target


def country_name(code: str | None) -> str | None:
    """A country's name from its ISO alpha-3 code; other codes as they are."""
    if not code:
        return None
    from eventwire.kb.actors import load_actor_kb

    country = load_actor_kb().country(code)
    return country.name if country is not None else code


def cameo_name(code: str) -> str | None:
    from eventwire.kb.ontology import load_ontology

    found = load_ontology().lookup(code) if code else None
    return found.name if found is not None else None


def icews_rows(event: Event, documents: Mapping[str, Mapping[str, Any]]) -> Iterator[
        dict[str, Any]]:
    """The ICEWS rows of one event."""
    url = (documents.get(event.doc_id) or {}).get("url")
    place = event.event_loc
    for number, source, target in dyads(event):
        yield {
            "Event ID": event.id if number == 1 else f"{event.id}.{number}",
            "Event Date": event.date,
            **_party("Source", source),
            "Event Text": cameo_name(event.cameo),
            "CAMEO Code": event.cameo,
            "Intensity": event.goldstein,
            **_party("Target", target),
            "Story ID": event.doc_id,
            "Sentence Number": event.text_info.sentence + 1,
            "Publisher": urlsplit(url).hostname if url else None,
            "City": place.name if place and (place.feature_code or "").startswith("PPL")
            else None,
            "District": None,
            "Province": place.admin1 if place else None,
            "Country": country_name(place.country_code) if place else None,
            "Latitude": place.lat if place else None,
            "Longitude": place.lon if place else None,
        }


def _party(role: str, entity: Entity | None) -> dict[str, Any]:
    if entity is None:
        return {f"{role} Name": None, f"{role} Sectors": None, f"{role} Country": None}
    return {f"{role} Name": entity.name or entity.entity_text,
            f"{role} Sectors": entity.sector,
            f"{role} Country": country_name(entity.code)}


class IcewsWriter:
    """Streams events as ICEWS rows (tab-separated, with a header line).

    documents (Mapping | None): doc_id -> {"url": ...}, for the Publisher column.
    """

    def __init__(self, stream: TextIO,
                 documents: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self.stream = stream
        self.documents = documents or {}
        self._tsv = csv.DictWriter(stream, fieldnames=icews_columns(), delimiter="\t",
                                   lineterminator="\n", extrasaction="raise")
        self._tsv.writeheader()

    def write(self, records: Iterable[Event]) -> int:
        """Write events; RETURNS (int) how many rows."""
        count = 0
        for event in records:
            for row in icews_rows(event, self.documents):
                self._tsv.writerow(row)
                count += 1
        return count

    def close(self) -> None:
        self.stream.flush()
