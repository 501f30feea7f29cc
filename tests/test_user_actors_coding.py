"""``Coder(actors=...)`` and ``eventwire code --actors``: a made-up state of a small
dictionary becomes the actor code, dated roles follow the story date, and a bad
file stops the command with exit code 2 and its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

pytestmark = pytest.mark.model

DICTIONARY = """\
FREEDONIA_ [FRD]
+FREEDONIAN
SYLVANIA [SYL]
+SYLVANIAN
RUFUS_FIREFLY [FRD]
\t[FRDGOV 19330101-19351231]
\t[FRDOPP >19360101]
"""


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("actors") / "freedonia.actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def coder(dictionary: Path):
    from eventwire.coder import Coder

    return Coder(actors=[dictionary])


def roles(doc) -> list[tuple[str, list, list]]:
    return [(e.event, [(a.code, a.sector) for a in e.actor],
             [(r.code, r.sector) for r in e.recipient]) for e in doc.events]


def test_made_up_states_are_coded(coder) -> None:
    doc = coder.code("Freedonian troops attacked Sylvania on Tuesday.", date="1934-03-06")
    assert ("ASSAULT", [("FRD", "MIL")], [("SYL", None)]) in roles(doc)


def test_a_person_takes_the_role_of_the_story_date(coder) -> None:
    text = "Rufus Firefly met the Sylvanian ambassador in the capital."
    in_office = roles(coder.code(text, date="1934-03-06"))
    out_of_office = roles(coder.code(text, date="1937-03-06"))
    assert in_office and in_office[0][1] == [("FRD", "GOV")]
    assert out_of_office and out_of_office[0][1] == [("FRD", "OPP")]


def test_without_the_dictionary_the_state_is_unknown() -> None:
    from eventwire.coder import Coder

    doc = Coder().code("Freedonian troops attacked Sylvania on Tuesday.", date="1934-03-06")
    assert not any(a.code == "FRD" for e in doc.events for a in e.actor)


def test_cli_actors_option(dictionary: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Freedonia accused Sylvania of spying.", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(story), "--date", "1934-03-06",
                                      "--actors", str(dictionary)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["event"], e["actor"][0]["code"], e["recipient"][0]["code"]) for e in events] \
        == [("ACCUSE", "FRD", "SYL")]


def test_cli_bad_dictionary_exits_2_naming_the_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Freedonia accused Sylvania of spying.", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,code,start\nFreedonia,FRD,1933-02-30\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(story), "--actors", str(bad)])
    assert result.exit_code == 2
    assert f"[E019] {bad}:2:" in result.output
    assert "Traceback" not in result.output


def test_corpus_run_workers_read_the_dictionary(dictionary: Path, tmp_path: Path) -> None:
    from eventwire.corpus import ingest
    from eventwire.errors import UsageError
    from eventwire.scale import kb_version, run_corpus
    from eventwire.store import open_store

    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "s0.txt").write_text("Freedonia accused Sylvania of spying.",
                                                 encoding="utf-8")
    with open_store(tmp_path / "c.duckdb") as store:
        ingest(store, [tmp_path / "stories"], date="1934-03-06")
        bad = tmp_path / "bad.txt"
        bad.write_text("FREEDONIA [FRD\n", encoding="utf-8")
        with pytest.raises(UsageError, match=r"bad.txt:1:"):
            run_corpus(store, actors=[bad])
        report = run_corpus(store, actors=[dictionary])
        assert report.docs_ok == 1
        events = list(store.records("event"))
        version = store.sql("SELECT kb_version FROM runs ORDER BY run_id DESC").fetchall()[0][0]
    assert [(e.event, e.actor[0].code, e.recipient[0].code) for e in events] == \
        [("ACCUSE", "FRD", "SYL")]
    assert version == kb_version([dictionary]) != kb_version()
