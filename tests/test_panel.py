"""Panels of a corpus coded from real text, with links between reports set by hand."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export import export_corpus
from eventwire.ingest import InputDoc
from eventwire.kb.ontology import PLOVER_TYPES
from eventwire.panel import (
    PanelSpec,
    panel_reader,
    panel_summary,
    quad_columns,
    write_panel,
)
from eventwire.store import open_store

STORIES = Path(__file__).parent / "server" / "stories.jsonl"
# Coded with a month-precision ACCUSE (November 2025), a year-precision THREATEN (2019)
# and, for the undated document, an event without a date.
EXTRA = [
    {"id": "kr-jp-02", "date": "2026-01-20", "title": "Seoul recalls a dispute",
     "text": "South Korea accused Japan in November of violating the fisheries deal. "
             "In 2019, North Korea threatened the United States with missile tests."},
    {"id": "undated", "date": None, "title": "Protest",
     "text": "Japan lodged a formal protest with China."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, coder) -> Path:
    """The stories coded and stored; reports of the same events then linked by an UPDATE."""
    path = tmp_path_factory.mktemp("panel") / "corpus.duckdb"
    stories = [json.loads(line) for line in STORIES.read_text("utf-8").splitlines()] + EXTRA
    with open_store(path) as store:
        store.add_documents([{"doc_id": s["id"], "text": s["text"], "date": s["date"],
                              "title": s["title"], "status": "pending", "seq": n}
                             for n, s in enumerate(stories)], [], [])
        items = [InputDoc(doc_id=s["id"], text=s["text"], date=s["date"], title=s["title"])
                 for s in stories]
        store.commit_batch(list(coder.pipe(items)), run_id=1)
        store.con.execute("UPDATE events SET cluster_id = 'threats' WHERE event = 'THREATEN' "
                          "AND date LIKE '2026-%'")
        store.con.execute("UPDATE events SET cluster_id = 'accusations' "
                          "WHERE event = 'ACCUSE' AND (doc_id = 'jp-cn-01' OR date = '2025-11')")
    return path


@pytest.fixture(scope="module")
def events(corpus, tmp_path_factory) -> list[dict]:
    """The corpus's events as ``eventwire export`` writes them."""
    out = tmp_path_factory.mktemp("export") / "events.jsonl"
    with open_store(corpus, read_only=True) as store:
        export_corpus(store, "jsonl", out)
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


@pytest.fixture
def con(corpus):
    with duckdb.connect(str(corpus), read_only=True) as opened:
        yield opened


def codes(side: list[dict]) -> list[str]:
    return [e["code"] for e in side if e["code"]]


def unit_of(event: dict, spec: PanelSpec) -> tuple[str, ...] | None:
    """The unit a panel counts an event for, written out from docs/corpus.md."""
    actors, recipients = codes(event["actor"]), codes(event["recipient"])
    if spec.unit == "actor":
        first = next((e for e in event["actor"] if e["code"]), None)
        return (first["code"] + (first["sector"] or ""),) if first else None
    if spec.unit == "country":
        return tuple(sorted(set(actors + recipients))) or None
    if not event["recipient"]:
        others = [c for c in actors if c != actors[0]] if actors else []
        second = others[0] if others else (actors[1] if len(actors) > 1 else None)
    else:
        second = recipients[0] if recipients else None
    if not actors or second is None:
        return None
    pair = (actors[0], second)
    return pair if spec.directed else tuple(sorted(pair))


def placeable(event: dict, by: str) -> bool:
    return len(event["date"] or "") == 10 or (by == "month" and len(event["date"] or "") == 7)


def counted(events: list[dict], spec: PanelSpec) -> dict[str, dict]:
    """Counted clusters (or reports) -> the member that stands for it."""
    chosen: dict[str, dict] = {}
    def first_day(event: dict) -> str:
        return event["date"] + "-01" if len(event["date"] or "") == 7 else event["date"] or ""

    for event in sorted(events, key=lambda e: (first_day(e), e["id"])):
        if placeable(event, spec.by) and unit_of(event, spec):
            key = event["cluster_id"] or event["id"] if spec.count == "clusters" else event["id"]
            chosen.setdefault(key, event)
    return chosen


def panel(con, spec: PanelSpec) -> pd.DataFrame:
    return panel_reader(con, spec).read_pandas()


SPECS = [PanelSpec(by=by, unit=unit, directed=directed, count=count)
         for by in ("day", "week", "month")
         for unit, directed in (("dyad", False), ("dyad", True), ("actor", False))
         for count in ("clusters", "reports")]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: f"{s.by}-{s.unit}-"
                         f"{'directed' if s.directed else 'sorted'}-{s.count}")
def test_totals_add_up_to_the_counted_clusters_or_reports(con, events, spec):
    frame = panel(con, spec)
    expected = counted(events, spec)
    assert frame["total"].sum() == len(expected)
    assert panel_summary(con, spec).counted == len(expected)
    by_unit = defaultdict(int)
    for event in expected.values():
        by_unit[unit_of(event, spec)] += 1
    sums = frame.groupby(list(spec.unit_columns))["total"].sum()
    assert {k if isinstance(k, tuple) else (k,): v for k, v in sums.items()} == by_unit


def test_linked_reports_count_once_and_leave_the_rest_in_the_summary(con, events):
    clusters, reports = (PanelSpec(by="month", unit="dyad", count=c)
                         for c in ("clusters", "reports"))
    linked = {e["cluster_id"] for e in events if e["cluster_id"]}
    assert linked == {"threats", "accusations"}
    assert panel(con, reports)["total"].sum() - panel(con, clusters)["total"].sum() >= 2
    summary = panel_summary(con, clusters)
    every = {e["cluster_id"] or e["id"] for e in events}
    assert summary.counted + summary.excluded == len(every)
    assert summary.left_out["without a date"] >= 1
    assert summary.left_out["dated only to the month or year (not placed in month panels)"] == 1


def test_a_country_panel_counts_each_country_of_an_event(con, events):
    spec = PanelSpec(by="week", unit="country")
    frame = panel(con, spec)
    expected = counted(events, spec)
    assert frame["total"].sum() == sum(len(unit_of(e, spec)) for e in expected.values())
    assert frame["total"].sum() > len(expected)


def test_every_unit_has_every_period_from_first_to_last(con, events):
    spec = PanelSpec(by="week", unit="dyad", directed=True)
    frame = panel(con, spec)
    periods = sorted(set(frame["period"]))
    assert all(b - a == pd.Timedelta(days=7) for a, b in zip(periods, periods[1:], strict=False))
    assert all(p.weekday() == 0 for p in periods)
    first = min(date.fromisoformat(e["date"]) for e in counted(events, spec).values())
    assert periods[0] <= first < periods[0] + pd.Timedelta(days=7)
    units = frame.groupby(["a", "b"])["period"].apply(list)
    assert all(list(p) == periods for p in units)
    assert len(frame) == len(units) * len(periods)
    quiet = frame[frame["total"] == 0]
    assert len(quiet) > 0
    assert (quiet["goldstein_sum"] == 0).all() and quiet["goldstein_mean"].isna().all()
    type_columns = [t.lower() for t in PLOVER_TYPES]
    assert (frame[type_columns].sum(axis=1) == frame["total"]).all()
    assert (frame[list(quad_columns().values())].sum(axis=1) == frame["total"]).all()


def test_a_cluster_is_dated_by_its_earliest_member_the_panel_can_place(con, events):
    members = sorted((e for e in events if e["cluster_id"] == "accusations"),
                     key=lambda e: e["date"])
    assert members[0]["date"] == "2025-11"
    month = panel(con, PanelSpec(by="month", unit="country"))
    november = month[month["period"] == pd.Timestamp("2025-11-01").date()]
    assert november["accuse"].sum() == 2  # KOR and JPN, once each, for the whole cluster
    day = panel(con, PanelSpec(by="day", unit="country"))
    first_day = date.fromisoformat(members[1]["date"])
    assert day["period"].min() == first_day
    assert day[day["period"] == first_day]["accuse"].sum() == len(unit_of(
        members[1], PanelSpec(unit="country")))


def test_start_and_end_bound_the_periods_and_the_events(con):
    spec = PanelSpec(by="day", unit="actor", start="2026-01-01", end="2026-01-31")
    frame = panel(con, spec)
    assert frame["period"].min() == date(2026, 1, 1)
    assert frame["period"].max() == date(2026, 1, 31)
    assert panel_summary(con, spec).left_out["outside --start/--end"] > 0


def test_parquet_and_csv_hold_the_same_rows_and_the_same_bytes_each_time(corpus, tmp_path):
    spec = PanelSpec(by="week", unit="dyad")
    with duckdb.connect(str(corpus), read_only=True) as con:
        paths = [tmp_path / f"{n}.parquet" for n in range(2)]
        for path in paths:
            write_panel(con, spec, "parquet", path)
        csvs = [tmp_path / f"{n}.csv" for n in range(2)]
        for path in csvs:
            write_panel(con, spec, "csv", path)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert csvs[0].read_bytes() == csvs[1].read_bytes()
    frame = pd.read_parquet(paths[0])
    assert list(frame["total"]) == list(pd.read_csv(csvs[0])["total"])
    with duckdb.connect() as fresh:
        total, rows = fresh.execute("SELECT sum(total), count(*) FROM read_parquet(?)",
                                    [str(paths[0])]).fetchall()[0]
    assert (total, rows) == (frame["total"].sum(), len(frame))


def test_the_command_writes_the_panel_and_says_what_it_left_out(corpus, tmp_path):
    out = tmp_path / "dyads.csv"
    result = CliRunner().invoke(app, ["panel", "--db", str(corpus), "--by", "day", "--unit",
                                      "dyad", "--directed", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "clusters counted" in result.output
    assert "dated only to the month or year" in result.output
    assert "without both sides coded" in result.output
    assert out.read_text("utf-8").startswith("a,b,period,total,agree,")


@pytest.mark.parametrize("extra", [["--unit", "actor", "--directed"],
                                   ["--unit", "dyad", "--start", "2026-13-01"],
                                   ["--unit", "dyad", "--start", "2026-02-01", "--end",
                                    "2026-01-01"]])
def test_bad_options_are_usage_errors(corpus, tmp_path, extra):
    result = CliRunner().invoke(app, ["panel", "--db", str(corpus), "--by", "month",
                                      "--format", "csv", "-o", str(tmp_path / "p.csv"), *extra])
    assert result.exit_code == 2

