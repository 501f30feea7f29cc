"""First-level regions in the gazetteer: named by their cities' admin1, placed at their centre."""

import pytest

from eventwire.coder import Coder
from eventwire.kb.gazetteer import Gazetteer, load_gazetteer

# geonameid, name, country, admin1, lat, lon, feature_code, population, alternates
ROWS = [
    ["1", "Big Town", "AAA", "Upland Sheng", "10.0", "20.0", "PPL", "300000", ""],
    ["2", "Small Town", "AAA", "Upland Sheng", "14.0", "24.0", "PPL", "100000", ""],
    ["3", "Harbour", "AAA", "Harbour", "1.0", "2.0", "PPLC", "50000", ""],
    ["4", "Inland", "BBB", "Central", "5.0", "5.0", "PPL", "20000", ""],
    ["5", "Coded", "CCC", "CC.07", "5.0", "5.0", "PPL", "20000", ""],
]


def test_region_sits_at_the_population_weighted_centre_of_its_cities():
    gazetteer = Gazetteer(ROWS, [], ("sheng",), frozenset({"central"}))
    [region] = gazetteer.lookup("Upland Sheng")
    assert (region.country_code, region.feature_code, region.geonameid) == ("AAA", "ADM1", None)
    assert 10.0 < region.lat < 12.0 and 20.0 < region.lon < 22.0  # nearer the big town
    assert gazetteer.lookup("upland") == [region]  # without its designator


def test_a_city_keeps_its_name_and_generic_or_coded_regions_are_left_out():
    gazetteer = Gazetteer(ROWS, [], ("sheng",), frozenset({"central"}))
    assert [e.feature_code for e in gazetteer.lookup("Harbour")] == ["PPLC"]
    assert gazetteer.lookup("Central") == []
    assert gazetteer.lookup("CC.07") == []


def test_packaged_regions_of_the_news():
    gazetteer = load_gazetteer()
    assert [(e.country_code, e.feature_code) for e in gazetteer.lookup("Sindh")] == [
        ("PAK", "ADM1")]
    assert {e.country_code for e in gazetteer.lookup("Punjab")} == {"PAK", "IND"}
    assert gazetteer.lookup("Xinjiang")[0].country_code == "CHN"
    assert gazetteer.lookup("Tehran")[0].feature_code == "PPLC"


def test_an_event_in_a_region_is_located_there(nlp):
    doc = Coder(nlp=nlp).code("Police arrested dozens of protesters in Sindh on Monday.",
                              date="2024-05-06")
    located = [e.event_loc for e in doc.events if e.event_loc]
    assert located and located[0].name == "Sindh" and located[0].country_code == "PAK"


def test_a_continent_is_never_a_town_of_its_name() -> None:
    from eventwire.kb.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Asia") == []
    assert gazetteer.lookup("Manila")


@pytest.mark.parametrize("name", ["Old City", "Union", "Police", "Independence"])
def test_a_town_named_by_a_common_word_is_never_read_for_it(name: str) -> None:
    assert load_gazetteer().lookup(name) == []


def test_the_old_city_of_a_town_is_in_that_town(coder) -> None:
    found = coder.code("Kurdish forces have taken the Old City of Raqqa.",
                       date="2017-09-08", doc_id="t").events
    assert [sorted({r.code for r in e.recipient}) for e in found] == [["SYR"]]
