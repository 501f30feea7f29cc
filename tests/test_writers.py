"""Writers and ``to_frame`` on hand-built records: no model needed."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from eventwire import ActorRecord, Entity, Event, Place, Quote, to_frame
from eventwire.errors import UsageError
from eventwire.records import TextInfo, column_names
from eventwire.writers import check_format, open_writer
from eventwire.writers.flat import columns, flatten
from eventwire.writers.gdelt import _action_geo


def make_event(n: int = 1, **changes) -> Event:
    values = dict(
        id=f"nara-{n:04d}", doc_id="nara", date="2026-01-13", date_precision="day",
        event="CONSULT", mode=["visit"], context=["diplomatic"],
        actor=[Entity("Takaichi", "Sanae Takaichi", "JPN", "GOV", "Q3547889")],
        recipient=[Entity("Lee", "Lee Jae-myung", "KOR", "GOV", None)],
        event_text="met", text="The two leaders met in Nara.",
        text_info=TextInfo(sentence=1, start=10, end=38), quad_code=1, intensity=1.0,
        cameo="040", goldstein=1.0,
        event_loc=Place("Nara", "JPN", "42", 34.685, 135.805, 1855612, "PPLA"),
        source={"speaker": "Sanae Takaichi", "quote": "Ça va — très bien"}, confidence=0.8,
    )
    values.update(changes)
    return Event(**values)


QUOTE = Quote("nara", "is more important than ever", 5, 33,
              Entity("Lee", "Lee Jae-myung", "KOR", "GOV"), "said")
ACTOR = ActorRecord("nara", "Sanae Takaichi", "JPN", "GOV", "Q3547889", [[0, 8], [40, 48]])


def test_jsonl_keeps_contract_fields_and_unicode():
    out = io.StringIO()
    writer = open_writer("jsonl", out, [Event])
    assert writer.write([make_event(1), make_event(2)]) == 2
    writer.close()
    lines = out.getvalue().splitlines()
    first = json.loads(lines[0])
    assert list(first) == column_names(Event)
    assert first["actor"][0]["code"] == "JPN"
    assert first["text_info"] == {"sentence": 1, "start": 10, "end": 38}
    assert "Ça va — très bien" in lines[0]  # not \u-escaped
    assert json.loads(lines[1])["id"] == "nara-0002"


def test_jsonl_all_kinds_lead_with_kind():
    out = io.StringIO()
    open_writer("jsonl", out, [Event, Quote, ActorRecord]).write([make_event(), QUOTE, ACTOR])
    kinds = [json.loads(line)["kind"] for line in out.getvalue().splitlines()]
    assert kinds == ["event", "quote", "actor"]
    assert out.getvalue().startswith('{"kind": "event"')


def test_flatten_joins_multiple_actors_in_step():
    event = make_event(actor=[Entity("Japan", "Japan", "JPN"), Entity("Seoul", None, "KOR", "GOV")],
                       recipient=[])
    row = flatten(event)
    assert row["actor_code"] == "JPN;KOR"
    assert row["actor_name"] == "Japan;"  # positions line up across columns
    assert row["actor_sector"] == ";GOV"
    assert row["recipient_code"] is None
    assert row["mode"] == "visit"
    assert row["text_info_start"] == 10
    assert row["event_loc_geonameid"] == 1855612
    assert row["source_speaker"] == "Sanae Takaichi"
    assert set(row) == {name for name, _ in columns(Event)}


def test_flatten_missing_place_source_and_entity_speaker():
    event = make_event(event_loc=None, source={"speaker": {"entity_text": "she",
                                                           "name": "Sanae Takaichi"}})
    row = flatten(event)
    assert row["event_loc_name"] is None and row["event_loc_lat"] is None
    assert row["source_speaker"] == "Sanae Takaichi" and row["source_quote"] is None
    assert flatten(make_event(source=None))["source_speaker"] is None


def test_actor_mentions_and_quote_speaker_columns():
    assert flatten(ACTOR)["mentions"] == "0-8;40-48"
    row = flatten(QUOTE)
    assert row["speaker_name"] == "Lee Jae-myung" and row["cue"] == "said"
    assert flatten(Quote("d", "q", 0, 1, None, None))["speaker_code"] is None


def test_csv_header_rows_and_empty_run():
    out = io.StringIO()
    writer = open_writer("csv", out, [Event])
    writer.write([make_event(1), make_event(2)])
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == ["nara-0001", "nara-0002"]
    assert rows[0]["actor_code"] == "JPN" and rows[0]["text_info_end"] == "38"
    assert "\r" not in out.getvalue()
    empty = io.StringIO()
    open_writer("csv", empty, [Quote])
    assert empty.getvalue().strip() == ",".join(name for name, _ in columns(Quote))


def test_csv_all_kinds_has_kind_column():
    out = io.StringIO()
    open_writer("csv", out, [Event, Quote, ActorRecord]).write([make_event(), QUOTE, ACTOR])
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["kind"] for r in rows] == ["event", "quote", "actor"]
    assert rows[1]["quote"] == "is more important than ever" and rows[1]["event"] == ""


def test_parquet_round_trip_types(tmp_path):
    path = tmp_path / "events.parquet"
    writer = open_writer("parquet", path, [Event])
    writer.write([make_event(1)])
    writer.write([])
    writer.write([make_event(2, event_loc=None)])
    writer.close()
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert table.column_names == [name for name, _ in columns(Event)]
    assert str(table.schema.field("quad_code").type) == "int64"
    assert str(table.schema.field("intensity").type) == "double"
    assert table.column("event_loc_geonameid").to_pylist() == [1855612, None]


def test_parquet_is_byte_identical(tmp_path):
    for name in ("a", "b"):
        writer = open_writer("parquet", tmp_path / f"{name}.parquet", [Event, Quote, ActorRecord])
        writer.write([make_event(), QUOTE, ACTOR])
        writer.close()
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()


@pytest.mark.parametrize("fmt, message", [("icews", "not available yet"),
                                          ("gdelt", "not available yet"),
                                          ("xml", "unknown format")])
def test_unavailable_formats_are_usage_errors(fmt, message):
    with pytest.raises(UsageError, match=message):
        check_format(fmt)
    with pytest.raises(UsageError):
        open_writer(fmt, io.StringIO(), [Event])


def test_to_frame_one_row_per_record():
    df = to_frame([make_event(1), make_event(2)])
    assert len(df) == 2
    assert df["event"].tolist() == ["CONSULT", "CONSULT"]
    assert df.loc[0, "actor_code"] == "JPN"
    assert list(df.columns) == [name for name, _ in columns(Event)]


def test_to_frame_empty_and_mixed():
    assert "event" in to_frame([], Event).columns
    assert to_frame([]).empty
    mixed = to_frame([make_event(), QUOTE, ACTOR])
    assert mixed["kind"].tolist() == ["event", "quote", "actor"]


@pytest.mark.parametrize(("feature", "country", "geo_type"), [
    ("PCLI", "JPN", 1), ("ADM1", "USA", 2), ("PPL", "USA", 3), ("PPL", "JPN", 4),
    ("ADM1", "PAK", 5)])
def test_gdelt_geo_type_follows_the_kind_of_place(feature, country, geo_type):
    place = Place(name="X", country_code=country, admin1="X" if feature == "ADM1" else None,
                  feature_code=feature)
    assert _action_geo(place)["ActionGeo_Type"] == geo_type
