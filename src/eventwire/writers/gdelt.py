"""GDELT 2.0-compatible event files: the 61 columns of the GDELT 2.0 Events table.

Columns come from ``data/formats/gdelt_events.tsv``; GDELT files are
tab-separated without a header, and ``header=True`` adds one. Rows are dyadic
as in ICEWS (see ``icews.dyads``). Ids are stable 63-bit hashes of the event
id and dyad, so the same corpus exports the same GLOBALEVENTIDs. Fields that
GDELT computes over its whole news stream (mentions, sources, tone) are 1, 1,
1 and empty; actor geography is empty. Place codes are those eventwire
resolved (ISO), not GDELT's FIPS codes.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, TextIO

from eventwire.kb.tables import read_tsv
from eventwire.records import Entity, Event, Place
from eventwire.writers.icews import country_name, dyads

GROUP_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})


@cache
def gdelt_columns() -> tuple[str, ...]:
    """GDELT 2.0 Events column names in file order."""
    return tuple(row["column"] for row in read_tsv("formats", "gdelt_events.tsv"))


def global_event_id(event_id: str, dyad: int) -> int:
    """A stable positive 63-bit id for one dyad of an event."""
    digest = hashlib.blake2b(f"{event_id}/{dyad}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _date_parts(date: str | None) -> dict[str, Any]:
    parts = (date or "").split("-")
    if not parts[0]:
        return {}
    year = int(parts[0])
    out: dict[str, Any] = {"Year": year}
    if len(parts) >= 2:
        out["MonthYear"] = year * 100 + int(parts[1])
    if len(parts) == 3:
        month, day = int(parts[1]), int(parts[2])
        out["SQLDATE"] = int("".join(parts))
        out["FractionDate"] = round(year + (month * 30 + day) / 365, 4)
    return out


def _actor(n: int, entity: Entity | None) -> dict[str, Any]:
    prefix = f"Actor{n}"
    if entity is None:
        return {}
    code = entity.code or ""
    is_group = code in GROUP_CODES
    return {
        f"{prefix}Code": code + (entity.sector or "") or None,
        f"{prefix}Name": (entity.name or entity.entity_text or "").upper() or None,
        f"{prefix}CountryCode": code if code and not is_group else None,
        f"{prefix}KnownGroupCode": code if is_group else None,
        f"{prefix}Type1Code": entity.sector,
    }


def _action_geo(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"Actor1Geo_Type": 0, "Actor2Geo_Type": 0, "ActionGeo_Type": 0}
    feature = place.feature_code or ""
    country = feature.startswith("PCL")
    region = feature == "ADM1"
    names = [place.name] if country else [
        place.name, None if region else place.admin1, country_name(place.country_code)]
    # GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    in_us = place.country_code == "USA"
    geo_type = 1 if country else (2 if in_us else 5) if region else (3 if in_us else 4)
    return {
        "Actor1Geo_Type": 0, "Actor2Geo_Type": 0,
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": ", ".join(n for n in names if n),
        "ActionGeo_CountryCode": place.country_code,
        "ActionGeo_ADM1Code": place.admin1,
        "ActionGeo_Lat": place.lat,
        "ActionGeo_Long": place.lon,
        "ActionGeo_FeatureID": place.geonameid,
    }


def gdelt_rows(event: Event, documents: Mapping[str, Mapping[str, Any]]) -> Iterator[
        dict[str, Any]]:
    """The GDELT rows of one event."""
    doc = documents.get(event.doc_id) or {}
    published = (doc.get("date") or "").replace("-", "")
    cameo = event.cameo or ""
    for number, source, target in dyads(event):
        yield {
            "GLOBALEVENTID": global_event_id(event.id, number),
            **_date_parts(event.date),
            **_actor(1, source),
            **_actor(2, target),
            "IsRootEvent": int(event.text_info.sentence == 0),
            "EventCode": cameo,
            "EventBaseCode": cameo[:3],
            "EventRootCode": cameo[:2],
            "QuadClass": event.quad_code,
            "GoldsteinScale": event.goldstein,
            "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
            **_action_geo(event.event_loc),
            "DATEADDED": f"{published}000000" if len(published) == 8 else None,
            "SOURCEURL": doc.get("url") or event.doc_id,
        }


class GdeltWriter:
    """Streams events as GDELT 2.0 Events rows (tab-separated).

    documents (Mapping | None): doc_id -> {"url", "date"} for SOURCEURL and DATEADDED.
    header (bool): write the column names first (GDELT's own files have none).
    """

    def __init__(self, stream: TextIO, documents: Mapping[str, Mapping[str, Any]] | None = None,
                 header: bool = True) -> None:
        self.stream = stream
        self.documents = documents or {}
        columns = gdelt_columns()
        self._tsv = csv.DictWriter(stream, fieldnames=columns, delimiter="\t",
                                   lineterminator="\n", extrasaction="ignore")
        if header:
            self._tsv.writeheader()

    def write(self, records: Iterable[Event]) -> int:
        """Write events; RETURNS (int) how many rows."""
        count = 0
        for event in records:
            for row in gdelt_rows(event, self.documents):
                self._tsv.writerow(row)
                count += 1
        return count

    def close(self) -> None:
        self.stream.flush()
