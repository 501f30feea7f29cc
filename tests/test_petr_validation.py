"""The PETRARCH unit-test benchmark (bench/petr_validation.py): its reading of the records
file, its split and its scoring, on records and coded events written here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_spec = importlib.util.spec_from_file_location("petr_bench", REPO / "bench" / "petr_validation.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["petr_bench"] = bench  # dataclasses look their module up there
_spec.loader.exec_module(bench)

RECORDS = """\
<Validation>
<!-- comments are skipped -->
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="FRDGOV" targetcode="SYL" eventcode="111"></EventCoding>
<EventCoding sourcecode='"THE GRAND FENWICK"' targetcode="SYL" eventcode="903"></EventCoding>
<Text>
Freedonia's government criticised
Sylvania.
</Text>
<Parse>(ROOT (S (NP (NNP Freedonia))))</Parse>
</Sentence>
<Sentence date = "20080801" id ="T-02"  category="MODIFY" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Freedonia may consider talks.</Text>
</Sentence>
<Sentence date="19950101" id="T-03" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- a dateline.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture
def records(tmp_path: Path) -> list:
    path = tmp_path / "records.xml"
    path.write_text(RECORDS, encoding="utf-8")
    return bench.read_records(path)


def event(kind: str, actor: list[str], recipient: list[str], confidence: float = 0.8):
    return SimpleNamespace(event=kind, confidence=confidence, event_text="text",
                           actor=[SimpleNamespace(code=c) for c in actor],
                           recipient=[SimpleNamespace(code=c) for c in recipient])


def test_records_are_read_with_their_codings(records: list) -> None:
    first, second, third = records
    assert (first.id, first.date, first.text) == ("T-01", "1995-01-01",
                                                  "Freedonia's government criticised Sylvania.")
    # 111 is CAMEO "criticize or denounce": the project's table makes it ACCUSE; 903 is
    # one of the suite's made-up codes, which no table knows
    assert [(e.source, e.cameo, e.plover) for e in first.events] == [
        ("FRDGOV", "111", "ACCUSE"), ('"THE GRAND FENWICK"', "903", "")]
    assert second.no_events and not second.events and second.date == "2008-08-01"
    assert third.error == "dateline"


def test_country_part_of_a_code() -> None:
    assert bench.country("BREGOV") == "BRE"
    assert bench.country("IGOUNOKID") == "UNO"
    assert bench.country('"THE MINISTRY OF MAGIC"') is None
    assert bench.country("---GOV") is None


def test_split_is_fixed_by_the_id() -> None:
    from eventwire.evaluate import part_of

    record = bench.Record("DEMO-00", "1995-01-01", "text", "DEMO")
    assert record.part == part_of("DEMO-00") == part_of("DEMO-00")


def test_scores(records: list) -> None:
    first, second, _ = records
    right = [event("ACCUSE", ["FRD"], ["SYL"]), event("CONSULT", ["SYL"], [], 0.9)]
    result = bench.score([(first, right), (second, [])])
    assert result["expected_events"] == 1 and result["unmapped_expected_events"] == 1
    assert result["type_recall"] == 1.0
    assert result["top_event_accuracy"] == 0.0  # the more confident CONSULT is on top
    assert result["actor_code_recall_same_type"] == 1.0
    assert result["recipient_code_recall_same_type"] == 1.0
    assert result["no_event_clean"] == 1.0
    assert result["events_per_sentence"] == 1.0
    wrong = bench.score([(first, [event("ACCUSE", ["SYL"], [])]),
                         (second, [event("CONSULT", ["FRD"], [])])])
    assert wrong["actor_code_recall_same_type"] == 0.0
    # a joint act has no recipient: its parties stand in for one
    assert wrong["recipient_code_recall_same_type"] == 1.0
    assert wrong["no_event_clean"] == 0.0


def test_misses_list_wrong_sentences_only(records: list) -> None:
    first, second, _ = records
    found = bench.misses([(first, [event("ACCUSE", ["FRD"], ["SYL"])]),
                          (second, [event("CONSULT", ["FRD"], [])])], 10)
    assert [m["id"] for m in found] == ["T-02"]


@pytest.mark.skipif(not (SHARED / bench.RECORDS).exists(), reason="needs ../shared")
def test_the_suite_file_reads_whole() -> None:
    records = bench.read_records(SHARED / bench.RECORDS)
    assert len(records) == 284
    assert sum(r.no_events for r in records) == 19
    assert sum(r.error is not None for r in records) == 7
    assert {r.part for r in records} == {"dev", "test"}
