"""The offline gazetteer: place names -> GeoNames cities and countries.

Built from the packaged tables in ``data/places`` (``cities.tsv`` and
``countries.tsv``, generated from GeoNames by ``scripts/build_places.py``, plus
the hand-written ``country_aliases.tsv``). Names are matched without case and
without a leading "the"; one name may stand for several places ("Nara" in
Japan and in Mali), and choosing among them is the caller's job.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, astuple, dataclass
from functools import lru_cache
from typing import Any

from eventwire.kb.compiled import compiled
from eventwire.kb.resources import data_path
from eventwire.kb.tables import read_lines, read_tsv

COUNTRY_FEATURE = "PCLI"
REGION_FEATURE = "ADM1"
SEP = "|"
# Apostrophe-like marks of transliterated names (ayn and hamza: "‘Afrīn", "Ma’rib").
TRANSLIT_MARKS = frozenset("‘’ʻʼʿʾ`'")


@dataclass(frozen=True)
class PlaceEntry:
    """One gazetteer place, with the fields of the ``Place`` record."""

    name: str
    country_code: str
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature_code: str
    population: int

    @property
    def is_country(self) -> bool:
        return self.feature_code == COUNTRY_FEATURE

    def to_place(self) -> dict[str, Any]:
        """The plain dict stored on an event (``event["event_loc"]``)."""
        place = asdict(self)
        del place["population"]
        return place


def key(name: str) -> str:
    """Index form of a name: lower case, no leading "the", no accents or transliteration
    marks, so that news spellings find GeoNames ones ("Afrin" for "‘Afrīn")."""
    name = unicodedata.normalize("NFKD", name.lower())
    name = "".join(c for c in name if not unicodedata.combining(c) and c not in TRANSLIT_MARKS)
    return name[4:] if name[:4] == "the " else name


class Gazetteer:
    """Name index over countries, cities and first-level regions.

    cities (list[list[str]]): ``cities.tsv`` rows; an entry is built only when
    a look-up first reaches it, which keeps start-up short.
    countries (list[tuple[PlaceEntry, list[str]]]): one entry per country
    (``country_code`` ISO3) with its names.
    region_designators (tuple[str, ...]): words that end a region's official
    name and that news text leaves out ("Xinjiang Uygur Zizhiqu" -> "Xinjiang").
    region_stopwords (frozenset[str]): a region named only by these words is
    not indexed ("Central", "Van").
    world_regions (frozenset[str]): names never indexed as towns: continents and
    world regions ("Asia", a town in the Philippines) and common words ("Old City").
    """

    def __init__(self, cities: list[list[str]],
                 countries: list[tuple[PlaceEntry, list[str]]],
                 region_designators: tuple[str, ...] = (),
                 region_stopwords: frozenset[str] = frozenset(),
                 world_regions: frozenset[str] = frozenset()) -> None:
        self._countries: dict[str, PlaceEntry] = {}
        self._country_names: dict[str, list[PlaceEntry]] = {}
        for entry, names in countries:
            self._countries[entry.country_code] = entry
            for name in {key(n) for n in names if n}:
                self._country_names.setdefault(name, []).append(entry)
        self._city_entries: dict[int, PlaceEntry] = {}
        self._city_index: dict[str, list[int]] = {}
        for row_number, row in enumerate(cities):
            for name in {k for n in (row[1], *row[8].split(SEP)) if (k := key(n))}:
                if name not in world_regions:
                    self._city_index.setdefault(name, []).append(row_number)
        self._regions = self._index_regions(cities, region_designators, region_stopwords)
        # Kept as lines: an entry is split out only when a look-up reaches it, and
        # 34,000 strings store and load faster than 300,000 fields.
        self._city_rows = ["\t".join(row) for row in cities]

    def _index_regions(self, cities: list[list[str]], designators: tuple[str, ...],
                       stopwords: frozenset[str]) -> dict[str, list[PlaceEntry]]:
        """Regions (admin1) named by the cities they hold: "Sindh", "Donetsk", "Tigray".

        A region sits at the population-weighted centre of its cities and adds
        no population of its own, so a city of the same name elsewhere still
        wins unless the story points to the region's country. A name that is
        also a city of the same country ("Tehran") stays the city's.
        """
        totals: dict[tuple[str, str], list[float]] = {}
        for row in cities:
            iso3, admin1, lat, lon, population = row[2], row[3], row[4], row[5], row[7]
            if not admin1 or not lat or not lon or "." in admin1:
                continue  # "JP.40": a code, not a name
            weight = float(population or 0) + 1.0
            total = totals.setdefault((iso3, admin1), [0.0, 0.0, 0.0])
            total[0] += weight * float(lat)
            total[1] += weight * float(lon)
            total[2] += weight
        regions: dict[str, list[PlaceEntry]] = {}
        for (iso3, admin1), (lat_sum, lon_sum, weight) in totals.items():
            entry = PlaceEntry(name=admin1, country_code=iso3, admin1=admin1,
                               lat=round(lat_sum / weight, 5), lon=round(lon_sum / weight, 5),
                               geonameid=None, feature_code=REGION_FEATURE, population=0)
            for name in {key(admin1), key(_short_region_name(admin1, designators))}:
                if not name or all(word in stopwords for word in name.split()):
                    continue
                rows = self._city_index.get(name, ())
                if not any(cities[r][2] == iso3 for r in rows):
                    regions.setdefault(name, []).append(entry)
        return regions

    def to_plain(self) -> dict[str, Any]:
        """The built indexes as tuples and dicts that marshal can store (``kb.compiled``)."""
        return {
            "countries": [astuple(e) for e in self._countries.values()],
            "country_names": {k: [e.country_code for e in v]
                              for k, v in self._country_names.items()},
            "city_rows": self._city_rows,
            "city_index": self._city_index,
            "regions": {k: [astuple(e) for e in v] for k, v in self._regions.items()},
        }

    @classmethod
    def from_plain(cls, state: dict[str, Any]) -> Gazetteer:
        """The gazetteer ``to_plain`` stored, without building its indexes again."""
        gazetteer = cls.__new__(cls)
        gazetteer._countries = {e[1]: PlaceEntry(*e) for e in state["countries"]}
        gazetteer._country_names = {k: [gazetteer._countries[c] for c in v]
                                    for k, v in state["country_names"].items()}
        gazetteer._city_rows = state["city_rows"]
        gazetteer._city_entries = {}
        gazetteer._city_index = state["city_index"]
        gazetteer._regions = {k: [PlaceEntry(*e) for e in v]
                              for k, v in state["regions"].items()}
        return gazetteer

    def _city(self, row_number: int) -> PlaceEntry:
        entry = self._city_entries.get(row_number)
        if entry is None:
            line = self._city_rows[row_number]
            gid, name, iso3, admin1, lat, lon, feature, population, _ = line.split("\t")
            entry = PlaceEntry(name=name, country_code=iso3, admin1=admin1 or None,
                               lat=_float(lat), lon=_float(lon), geonameid=int(gid),
                               feature_code=feature, population=int(population or 0))
            self._city_entries[row_number] = entry
        return entry

    def lookup(self, name: str) -> list[PlaceEntry]:
        """All places with this name (or alternate name): countries, cities, regions."""
        name = key(name)
        rows = self._city_index.get(name, ())
        return [*self._country_names.get(name, ()), *map(self._city, rows),
                *self._regions.get(name, ())]

    def only_country(self, name: str) -> str | None:
        """The country of every place with this name ("Sindh", "Texas"), or None when the
        name is unknown or names places in several countries ("Tripoli", "Punjab")."""
        countries = {entry.country_code for entry in self.lookup(name)}
        return countries.pop() if len(countries) == 1 else None

    def country(self, iso3: str) -> PlaceEntry | None:
        """The country entry for an ISO3 code."""
        return self._countries.get(iso3)

    def __contains__(self, name: str) -> bool:
        name = key(name)
        return name in self._city_index or name in self._country_names or name in self._regions


def _short_region_name(name: str, designators: tuple[str, ...]) -> str:
    """A region's name without its official designator: "Donetsk Oblast" -> "Donetsk"."""
    lower = name.lower()
    for designator in designators:
        if lower.endswith(" " + designator):
            return name[:-len(designator) - 1]
    return name


def _float(value: str) -> float | None:
    return float(value) if value else None


def _rows(name: str) -> list[list[str]]:
    """Rows of a large packaged table, split by hand: ``csv`` is too slow for 34k rows."""
    lines = data_path("places", name).read_text(encoding="utf-8").splitlines()
    body = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return body[1:]


PLACE_TABLES = tuple(("places", name) for name in (
    "cities.tsv", "countries.tsv", "country_aliases.tsv", "region_designators.txt",
    "region_stopwords.txt", "world_regions.txt", "common_word_towns.txt"))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process (compiled once per machine, see
    ``kb.compiled``)."""
    return compiled("places", PLACE_TABLES, build_gazetteer, Gazetteer.to_plain,
                    Gazetteer.from_plain)


def build_gazetteer() -> Gazetteer:
    """The gazetteer built from its packaged tables."""
    aliases: dict[str, list[str]] = {}
    for row in read_tsv("places", "country_aliases.tsv"):
        aliases.setdefault(row["iso3"], []).append(row["alias"])
    countries = [
        (PlaceEntry(name=name, country_code=iso3, admin1=None, lat=None, lon=None,
                    geonameid=int(gid), feature_code=COUNTRY_FEATURE,
                    population=int(population or 0)),
         [name, *aliases.get(iso3, [])])
        for gid, name, _iso2, iso3, _capital, population in _rows("countries.tsv")
    ]
    designators = tuple(sorted((line.strip().lower() for line in read_lines(
        "places", "region_designators.txt")), key=len, reverse=True))
    stopwords = frozenset(line.strip() for line in read_lines("places", "region_stopwords.txt"))
    unindexed = frozenset(key(line.strip()) for name in ("world_regions.txt",
                                                         "common_word_towns.txt")
                          for line in read_lines("places", name))
    return Gazetteer(_rows("cities.tsv"), countries, designators, stopwords, unindexed)
