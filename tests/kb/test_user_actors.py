"""User actor dictionaries: PETRARCH and CSV files read into the knowledge base, their
names winning over the packaged ones, bad lines named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import UsageError
from eventwire.kb.petrarch import DictionaryError, read_actor_entries
from eventwire.kb.user_actors import actor_kb

PETRARCH = """\
<!-- A dictionary of
# made-up states -->
FREEDONIA_ [FRD]  # the state
+FREEDONIAN
SYLVANIA [SYL]
RUFUS_FIREFLY [FRD]
\t[FRDGOV 19330101-19351231]
\t[FRDOPP >19360101]
TRENTINO_EMBASSY [SYLGOV]
JAPAN [FRD]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_petrarch_entries_keep_synonyms_codes_and_dates(tmp_path: Path) -> None:
    entries = list(read_actor_entries(write(tmp_path, "a.txt", PETRARCH)))
    assert [e.names for e in entries][:2] == [["FREEDONIA", "FREEDONIAN"], ["SYLVANIA"]]
    firefly = entries[2]
    assert firefly.line == 6
    assert firefly.codes == [("FRD", ""), ("FRDGOV", "19330101-19351231"), ("FRDOPP", ">19360101")]


def test_dated_roles_follow_the_story_date(tmp_path: Path) -> None:
    kb = actor_kb([write(tmp_path, "a.txt", PETRARCH)])
    (target,) = kb.lookup("Rufus Firefly")
    assert target.kind == "person"
    assert kb.affiliation(target.key, "1934-05-01") == ("FRD", "GOV")
    assert kb.affiliation(target.key, "1937-05-01") == ("FRD", "OPP")
    assert kb.affiliation(target.key, "1920-05-01") == ("FRD", None)


def test_user_names_win_over_the_packaged_ones(tmp_path: Path) -> None:
    assert {t.key for t in actor_kb().lookup("Japan")} == {"JPN"}
    kb = actor_kb([write(tmp_path, "a.txt", PETRARCH)])
    assert [(t.kind, t.key) for t in kb.lookup("Japan")] == [("country", "FRD")]
    assert [(t.kind, t.key) for t in kb.lookup("Freedonian")] == [("country", "FRD")]
    (embassy,) = kb.lookup("Trentino Embassy")
    assert (embassy.kind, kb.code_of(embassy.key), embassy.sector) == ("org", "SYL", "GOV")
    assert {t.key for t in kb.lookup("China")} == {"CHN"}  # the rest is still known


def test_csv_table_with_dated_rows_and_an_agent(tmp_path: Path) -> None:
    table = write(tmp_path, "a.csv", "# my actors\nname,code,sector,start,end\n"
                  "Freedonia,FRD,,,\n"
                  "Rufus T. Firefly,FRD,GOV,1933-01-01,1936-01-01\n"
                  "Rufus T. Firefly,FRD,,,\n"
                  "hall monitor,,COP,,\n")
    kb = actor_kb([table])
    (person,) = kb.lookup("Rufus T. Firefly")
    assert kb.affiliation(person.key, "1935-06-01") == ("FRD", "GOV")
    assert kb.affiliation(person.key, "1940-06-01") == ("FRD", None)
    assert kb.sector_of("hall monitor") == "COP"
    assert not kb.lookup("name")  # the header after the comment is no actor


def test_csv_without_header_and_tsv(tmp_path: Path) -> None:
    kb = actor_kb([write(tmp_path, "a.csv", "Freedonia,FRD\n"),
                   write(tmp_path, "b.tsv", "Sylvanian embassy\tSYLGOV\n")])
    assert [(t.kind, t.key) for t in kb.lookup("Freedonia")] == [("country", "FRD")]
    (embassy,) = kb.lookup("Sylvanian embassy")
    assert (embassy.kind, kb.code_of(embassy.key), embassy.sector) == ("org", "SYL", "GOV")


def test_petrarch_agents_file(tmp_path: Path) -> None:
    agents = write(tmp_path, "agents.txt", "!PERSON! = MAN, WOMAN\nDOORKEEPER [~COP]\n"
                   "GRAND_!PERSON! [~ELI]\nPRESSMAN {PRESSMEN} [~MED]\n")
    kb = actor_kb([agents])
    assert kb.sector_of("doorkeepers") == "COP"
    assert kb.sector_of("grand woman") == "ELI"
    assert kb.sector_of("pressmen") == "JRN"  # CAMEO's MED is PLOVER's JRN


@pytest.mark.parametrize(("name", "text", "line", "says"), [
    ("a.txt", "FREEDONIA [FRD]\n\t[FRDGOV 1933x]\n", 2, "unreadable code"),
    ("a.txt", "FREEDONIA [FRD\n", 1, "unbalanced bracket"),
    ("a.txt", "+FREEDONIAN\n", 1, "before any actor"),
    ("a.txt", "FREEDONIA\nSYLVANIA [SYL]\n", 1, "has no code"),
    ("a.txt", "FREEDONIA [FRDGOV 19331301-19351231]\n", 1, "not understood"),
    ("a.csv", "name,code\nFreedonia,FRD\nSylvania,S!\n", 3, "code 'S!'"),
    ("a.csv", "name,code,start\nFreedonia,FRD,1933/01/01\n", 2, "not YYYY-MM-DD"),
    ("a.tsv", "name\tcode\tcolour\n", 1, "unknown column"),
    ("agents.txt", "DOORKEEPER [~COP]\nPORTER\n", 2, "unreadable agent"),
])
def test_bad_lines_are_named(tmp_path: Path, name: str, text: str, line: int,
                             says: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(UsageError) as raised:
        actor_kb([path])
    message = str(raised.value)
    assert message.startswith(f"[E019] {path}:{line}: ")
    assert says in message


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="E001"):
        actor_kb([tmp_path / "none.txt"])


def test_build_keeps_going_past_bad_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "FREEDONIA [FRD\nSYLVANIA [SYL]\n")
    seen: list[DictionaryError] = []
    entries = list(read_actor_entries(path, on_error=seen.append))
    assert [e.names for e in entries] == [["SYLVANIA"]]
    assert [e.line for e in seen] == [1]


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "name,code\nFreedonia,FRD\n")
    assert actor_kb([path]).lookup("Freedonia")[0].key == "FRD"
    path.write_text("name,code\nFreedonia,SYL\nXanadu,XAN\n", encoding="utf-8")
    assert actor_kb([path]).lookup("Freedonia")[0].key == "SYL"
