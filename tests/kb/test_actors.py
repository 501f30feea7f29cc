"""The actor knowledge base: aliases, agents and dated office holders."""

from __future__ import annotations

import pytest

from eventwire.kb.actors import ActorKB, load_actor_kb


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return load_actor_kb()


def test_loaded_once(kb: ActorKB) -> None:
    assert load_actor_kb() is kb


@pytest.mark.parametrize(("office", "owner", "date", "name"), [
    ("president", "KOR", "2020-06-01", "Moon Jae-in"),
    ("president", "KOR", "2024-06-01", "Yoon Suk Yeol"),
    ("president", "KOR", "2026-01-13", "Lee Jae-myung"),
    ("president", "KOR", "2025-06-04", "Lee Jae-myung"),
    ("prime minister", "JPN", "2023-01-01", "Fumio Kishida"),
    ("prime minister", "JPN", "2025-01-01", "Shigeru Ishiba"),
    ("prime minister", "JPN", "2026-01-13", "Sanae Takaichi"),
    ("president", "USA", "2019-01-01", "Donald Trump"),
    ("president", "USA", "2022-01-01", "Joe Biden"),
    ("president", "USA", "2026-01-13", "Donald Trump"),
    ("leader", "CHN", "2026-01-13", "Xi Jinping"),
    ("leader", "JPN", "2026-01-13", "Sanae Takaichi"),
    ("leader", "PRK", "2026-01-13", "Kim Jong Un"),
    ("secretary-general", "un", "2026-01-13", "António Guterres"),
    ("prime minister", "MYS", "2020-02-25", "Mahathir Mohamad"),
    ("prime minister", "MYS", "2020-06-01", "Muhyiddin Yassin"),
    ("prime minister", "MYS", "2023-06-01", "Anwar Ibrahim"),
    ("interior minister", "GBR", "2020-02-25", "Priti Patel"),
    ("national security adviser", "USA", "2019-01-01", "John Bolton"),
    ("leader", "hamas", "2019-06-01", "Ismail Haniyeh"),
    ("director-general", "who", "2020-02-25", "Tedros Adhanom Ghebreyesus"),
])
def test_holder_on_date(kb: ActorKB, office: str, owner: str, date: str, name: str) -> None:
    assert kb.holder(office, owner, date).name == name


def test_vacancy_has_no_holder(kb: ActorKB) -> None:
    # Between Yoon's removal and Lee's inauguration only acting presidents served.
    assert kb.holder("president", "KOR", "2025-05-01") is None
    assert kb.holder("acting president", "KOR", "2025-01-10").name == "Choi Sang-mok"


@pytest.mark.parametrize(("office", "owner", "date", "name"), [
    ("prime minister", "JPN", "2026-01-13", "Shigeru Ishiba"),
    ("president", "KOR", "2026-01-13", "Yoon Suk Yeol"),
    ("president", "KOR", "2023-01-01", "Moon Jae-in"),
    ("president", "USA", "2026-01-13", "Joe Biden"),
    ("president", "USA", "2022-01-01", "Donald Trump"),
])
def test_predecessor_is_not_the_holder(kb: ActorKB, office: str, owner: str, date: str,
                                       name: str) -> None:
    assert kb.predecessor(office, owner, date).name == name


@pytest.mark.parametrize(("alias", "kind", "key"), [
    ("Japanese", "country", "JPN"),
    ("South Korean", "country", "KOR"),
    ("U.S.", "country", "USA"),
    ("North Korea", "country", "PRK"),
    ("Taiwanese", "country", "TWN"),
    ("Kremlin", "metonym", "RUS"),
    ("Downing Street", "metonym", "GBR"),
    ("Khartoum", "metonym", "SDN"),
    ("Nairobi", "metonym", "KEN"),
    ("Sana'a", "metonym", "YEM"),
    ("South Sudan", "country", "SSD"),
    ("South Sudanese", "country", "SSD"),
    ("Juba", "metonym", "SSD"),
    ("NATO", "org", "nato"),
    ("Xi Jinping", "person", "xi-jinping"),
    ("Takaichi", "person", "sanae-takaichi"),
])
def test_alias_lookup(kb: ActorKB, alias: str, kind: str, key: str) -> None:
    assert any(t.kind == kind and t.key == key for t in kb.lookup(alias))


@pytest.mark.parametrize(("term", "sector"), [
    ("troops", "MIL"), ("soldiers", "MIL"), ("police", "COP"), ("protesters", "CVL"),
    ("rebels", "REB"), ("lawmakers", "LEG"), ("judge", "JUD"), ("opposition", "OPP"),
    ("journalists", "JRN"), ("minister", "GOV"), ("officials", "GOV"), ("company", "BUS"),
])
def test_agent_sectors(kb: ActorKB, term: str, sector: str) -> None:
    assert kb.sector_of(term) == sector


def test_a_capital_that_is_also_a_name_or_another_place_stands_for_no_state(kb: ActorKB) -> None:
    for alias in ("Sofia", "Wellington", "Tripoli", "Kingston", "Santiago"):
        assert not any(t.kind == "metonym" for t in kb.lookup(alias)), alias


def test_south_sudan_has_its_own_president(kb: ActorKB) -> None:
    assert kb.affiliation("salva-kiir-mayardit", "2020-02-25") == ("SSD", "GOV")
    assert kb.affiliation("salva-kiir-mayardit", "2008-01-01") == ("SDN", "GOV")


def test_affiliation_uses_the_role_held_then(kb: ActorKB) -> None:
    assert kb.affiliation("xi-jinping", "2026-01-13") == ("CHN", "GOV")
    assert kb.affiliation("antonio-guterres", "2026-01-13") == ("UNO", "GOV")
    assert kb.person("donald-trump").wikidata_id == "Q22686"


def test_open_phoenix_role_gives_way_to_curated_roles(kb: ActorKB) -> None:
    # Phoenix left Obama's and Biden's 2009 roles open; the curated rows close them.
    assert kb.affiliation("barack-obama", "2019-06-01") == ("USA", None)
    assert kb.affiliation("joe-biden", "2018-06-01") == ("USA", None)
    assert kb.affiliation("joe-biden", "2020-02-25") == ("USA", "PTY")
    assert kb.affiliation("joe-biden", "2022-02-25") == ("USA", "GOV")


def test_names_by_surname_and_first_name(kb: ActorKB) -> None:
    assert "robert-mugabe" in kb.by_surname("Mugabe")
    assert "omar-al-bashir" in kb.by_name("Omar El-Bashir")
    assert kb.by_name("Mugabe") == ()


def test_affiliation_out_of_office_keeps_the_nearest_country(kb: ActorKB) -> None:
    assert kb.affiliation("george-bush", "2026-01-13") == ("USA", None)
    assert kb.affiliation("george-bush", "1990-01-01") == ("USA", "GOV")


@pytest.mark.parametrize(("word", "code"), [
    ("Ethopia", "ETH"),  # a letter missing
    ("Afganistan", "AFG"),
    ("Phillipines", "PHL"),  # a letter doubled in the wrong place
    ("Bahrein", "BHR"),  # a letter changed
    ("Indonesain", "IDN"),  # two letters swapped
])
def test_misspelt_country_words(kb: ActorKB, word: str, code: str) -> None:
    target = kb.misspelt_country(word)
    assert target is not None and target.key == code


@pytest.mark.parametrize("word", [
    "Columbia",  # a common name of its own
    "Roland",  # one edit from Poland, but another first letter
    "Kenyon",  # a surname, too common to be a slip
    "Irans",  # country words shorter than six letters are not corrected
    "Cherokee",  # nowhere near a country
])
def test_real_words_are_not_corrected(kb: ActorKB, word: str) -> None:
    assert kb.misspelt_country(word) is None


def test_forum_of_an_ngo_is_coded_with_it(kb: ActorKB) -> None:
    target = next(t for t in kb.lookup("World Water Forum") if t.kind == "org")
    assert kb.code_of(target.key) == "NGO"


def test_an_agent_row_may_give_its_own_plural(kb: ActorKB) -> None:
    assert kb.sector_of("oligarchs") == "ELI"
    assert not kb.lookup("oligarches")
