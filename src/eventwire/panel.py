"""Panels: counts of events per unit (dyad, actor, country) and period, for time-series analysis.

One DuckDB query builds the whole table: the events are narrowed to those a
panel of the chosen interval can place and whose unit is coded, each cluster
is represented by its earliest such member (or every report counts, with
``count="reports"``), and the units that appear are crossed with every period
from the first to the last, so a unit's quiet periods are rows of zeros
rather than gaps. Counts are grouped once, so the work grows with the events;
the output grows with units times periods. Rows stream out in unit and
period order, so the same store always gives the same bytes.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.errors import UsageError
from eventwire.kb.ontology import PLOVER_TYPES
from eventwire.kb.tables import read_tsv

INTERVALS: tuple[str, ...] = ("day", "week", "month")
UNITS: tuple[str, ...] = ("dyad", "actor", "country")
COUNTS: tuple[str, ...] = ("clusters", "reports")
FORMATS: tuple[str, ...] = ("parquet", "csv")
# Date lengths each interval can place: YYYY-MM-DD in every panel, YYYY-MM in month panels.
PLACEABLE: dict[str, tuple[int, ...]] = {"day": (10,), "week": (10,), "month": (10, 7)}
SCORES: tuple[str, ...] = ("goldstein", "intensity")
BATCH_ROWS = 65_536


def quad_columns() -> dict[int, str]:
    """Quad code -> its panel column (``verbal_coop`` ...), from the packaged table."""
    return {int(row["quad"]): row["column"] for row in read_tsv("formats", "panel_quads.tsv")}


@dataclass(frozen=True)
class PanelSpec:
    """What a panel counts, per what unit and period.

    by (str): day, week (ISO, starting Monday) or month.
    unit (str): dyad, actor (country and sector, ``KORGOV``) or country.
    directed (bool): dyads as (actor, recipient) rather than a sorted pair.
    count (str): clusters (one per real-world event) or reports (one per event row).
    start, end (str | None): YYYY-MM-DD; only events from/up to that day, and the
        periods span exactly those days' periods.
    """

    by: str = "month"
    unit: str = "dyad"
    directed: bool = False
    count: str = "clusters"
    start: str | None = None
    end: str | None = None

    def __post_init__(self) -> None:
        for name, value, allowed in (("--by", self.by, INTERVALS), ("--unit", self.unit, UNITS),
                                     ("--count", self.count, COUNTS)):
            if value not in allowed:
                raise UsageError(f"{name} {value!r}: use one of {', '.join(allowed)}")
        if self.directed and self.unit != "dyad":
            raise UsageError("--directed applies to dyads only")
        days = [_day(name, value) for name, value in (("--start", self.start),
                                                      ("--end", self.end))]
        if days[0] and days[1] and days[0] > days[1]:
            raise UsageError("--start is after --end")

    @property
    def unit_columns(self) -> tuple[str, ...]:
        """The columns that name a row's unit."""
        return {"dyad": ("a", "b"), "actor": ("actor",), "country": ("country",)}[self.unit]


def _day(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise UsageError(f"{name} {value!r} is not a day (YYYY-MM-DD)") from err


@dataclass
class PanelSummary:
    """What went into a panel and what was left out.

    counted: clusters (or reports) in the panel; excluded: those with no member
    the panel can place. ``left_out`` counts reports by reason; a report can
    have more than one.
    """

    count: str
    rows: int = 0
    units: int = 0
    periods: int = 0
    counted: int = 0
    excluded: int = 0
    left_out: dict[str, int] = field(default_factory=dict)

    def message(self) -> str:
        """One line for stderr."""
        reasons = ", ".join(f"{n} {why}" for why, n in self.left_out.items() if n)
        text = (f"{self.rows} rows ({self.units} units x {self.periods} periods), "
                f"{self.counted} {self.count} counted")
        if self.excluded:
            text += f"; {self.excluded} {self.count} left out (reports: {reasons})"
        return text


# The events with what a panel needs: the day they start on (only for dates the
# interval can place), the codes of each side, and each event's dyad.
_BASE = """
base AS (
  SELECT id, coalesce(cluster_id, id) AS cluster, event, quad_code, goldstein, intensity,
         CASE WHEN list_contains(?::INTEGER[], length(date)) THEN
           try_cast(CASE length(date) WHEN 10 THEN date ELSE date || '-01' END AS DATE)
         END AS day,
         date IS NOT NULL AND length(date) IN (4, 7, 10) AS dated,
         [x.code FOR x IN actor IF x.code IS NOT NULL] AS a_codes,
         [x.code FOR x IN recipient IF x.code IS NOT NULL] AS r_codes,
         [x.code || coalesce(x.sector, '') FOR x IN actor IF x.code IS NOT NULL] AS a_labels,
         len(recipient) = 0 AS joint
  FROM events),
sides AS (
  SELECT *, {dyad} FROM base),
units AS (
  SELECT *, {unit_select} FROM sides),
marked AS (
  SELECT *, day IS NOT NULL AND {unit_ok} AS placed_unit,
         coalesce(day >= ?::DATE, TRUE) AND coalesce(day <= ?::DATE, TRUE) AS in_range
  FROM units)"""

_UNIT_SELECT = {
    ("dyad", True): "first_side AS a, second_side AS b",
    # least/greatest skip a NULL, so a pair with an uncoded side stays NULL explicitly
    ("dyad", False): "CASE WHEN second_side IS NOT NULL THEN least(first_side, second_side) "
                     "END AS a, CASE WHEN first_side IS NOT NULL THEN "
                     "greatest(first_side, second_side) END AS b",
    ("actor", False): "a_labels[1] AS actor",
    ("country", False): "list_distinct(list_concat(a_codes, r_codes)) AS countries",
}
_UNIT_OK = {"dyad": "a IS NOT NULL AND b IS NOT NULL", "actor": "actor IS NOT NULL",
            "country": "len(countries) > 0"}


def dyad_sides(a_codes: str = "a_codes", r_codes: str = "r_codes", joint: str = "joint") -> str:
    """SQL for an event's dyad, ``first_side`` and ``second_side``, from its coded sides.

    The first actor's code and the first recipient's; for a joint act (no
    recipient) the first actor's and the next of another country, else the
    second actor's. The panel and the API's clusters share this one definition.
    """
    return (f"{a_codes}[1] AS first_side, CASE WHEN {joint} THEN coalesce("
            f"[c FOR c IN {a_codes} IF c <> {a_codes}[1]][1], {a_codes}[2]) "
            f"ELSE {r_codes}[1] END AS second_side")


def _base(spec: PanelSpec) -> tuple[str, list[Any]]:
    """The ``marked`` events of ``spec`` and the parameters of that SQL."""
    sql = _BASE.format(dyad=dyad_sides(), unit_select=_UNIT_SELECT[spec.unit, spec.directed],
                       unit_ok=_UNIT_OK[spec.unit])
    return sql, [list(PLACEABLE[spec.by]), spec.start, spec.end]


def _panel_ctes(spec: PanelSpec) -> tuple[str, list[Any]]:
    """The WITH clause that ends in ``keys``, ``periods`` and ``counts``, and its parameters."""
    base, params = _base(spec)
    key_list = ", ".join(spec.unit_columns)
    pick = ("QUALIFY row_number() OVER (PARTITION BY cluster ORDER BY day, id) = 1"
            if spec.count == "clusters" else "")
    unit_items = "unnest(countries) AS country" if spec.unit == "country" else key_list
    first = f"date_trunc('{spec.by}', ?::DATE)::DATE" if spec.start else "lo"
    last = f"date_trunc('{spec.by}', ?::DATE)::DATE" if spec.end else "hi"
    bounds = [v for v in (spec.start, spec.end) if v]
    types = ", ".join(f"count(*) FILTER (event = '{t}') AS {t.lower()}" for t in PLOVER_TYPES)
    quads = ", ".join(f"count(*) FILTER (quad_code = {q}) AS {name}"
                      for q, name in quad_columns().items())
    sums = ", ".join(f"sum(round({s}, 4)::DECIMAL(18, 4)) AS {s}_sum, count({s}) AS {s}_n"
                     for s in SCORES)
    sql = f"""WITH {base},
picked AS (SELECT * FROM marked WHERE placed_unit AND in_range {pick}),
items AS MATERIALIZED (SELECT {unit_items}, date_trunc('{spec.by}', day)::DATE AS period,
                 event, quad_code, goldstein, intensity FROM picked),
keys AS (SELECT DISTINCT {key_list} FROM items),
periods AS (SELECT unnest(generate_series({first}, {last}, INTERVAL 1 {spec.by}))::DATE
            AS period FROM (SELECT min(period) AS lo, max(period) AS hi FROM items)),
counts AS (SELECT {key_list}, period, count(*) AS total, {types}, {quads}, {sums}
           FROM items GROUP BY ALL)"""
    return sql, [*params, *bounds]


def panel_query(spec: PanelSpec) -> tuple[str, list[Any]]:
    """The panel's SQL over the ``events`` table, and its parameters.

    RETURNS (tuple[str, list]): one SELECT whose rows are the panel, ordered by
        unit and period.
    """
    ctes, params = _panel_ctes(spec)
    keys = ", ".join(f"k.{k}" for k in spec.unit_columns)
    counted = ", ".join(f"coalesce(c.{name}, 0)::BIGINT AS {name}" for name in
                        ("total", *(t.lower() for t in PLOVER_TYPES), *quad_columns().values()))
    scores = ", ".join(f"coalesce(c.{s}_sum, 0)::DOUBLE AS {s}_sum, "
                       f"round(c.{s}_sum::DOUBLE / nullif(c.{s}_n, 0), 4) AS {s}_mean"
                       for s in SCORES)
    join = " AND ".join(f"c.{k} = k.{k}" for k in spec.unit_columns)
    sql = (f"{ctes}\nSELECT {keys}, p.period, {counted}, {scores} "
           f"FROM keys k CROSS JOIN periods p LEFT JOIN counts c ON {join} "
           f"AND c.period = p.period ORDER BY {keys}, p.period")
    return sql, params


def panel_size(con: duckdb.DuckDBPyConnection, spec: PanelSpec) -> tuple[int, int]:
    """(units, periods) of the panel, without building it: its rows are their product."""
    ctes, params = _panel_ctes(spec)
    found = con.execute(f"{ctes}\nSELECT (SELECT count(*) FROM keys), "
                        "(SELECT count(*) FROM periods)", params).fetchall()[0]
    return int(found[0]), int(found[1])  # type: ignore[index]


def panel_summary(con: duckdb.DuckDBPyConnection, spec: PanelSpec) -> PanelSummary:
    """How many clusters (or reports) the panel counts and leaves out, and why."""
    base, params = _base(spec)
    unit = "cluster" if spec.count == "clusters" else "id"
    found = con.execute(
        f"WITH {base} SELECT count(DISTINCT {unit}) FILTER (placed_unit AND in_range), "
        f"count(DISTINCT {unit}), "
        "count(*) FILTER (NOT dated), count(*) FILTER (dated AND day IS NULL), "
        f"count(*) FILTER (NOT ({_UNIT_OK[spec.unit]})), "
        "count(*) FILTER (day IS NOT NULL AND NOT in_range) FROM marked", params).fetchall()[0]
    counted, every, undated, coarse, uncoded, outside = (int(v) for v in found)  # type: ignore[union-attr]
    sides = {"dyad": "without both sides coded", "actor": "without a coded actor",
             "country": "without a coded country"}[spec.unit]
    return PanelSummary(
        count=spec.count, counted=counted, excluded=every - counted,
        left_out={"without a date": undated,
                  f"dated only to the month or year (not placed in {spec.by} panels)": coarse,
                  sides: uncoded, "outside --start/--end": outside})


def panel_reader(con: duckdb.DuckDBPyConnection, spec: PanelSpec) -> Any:
    """The panel's rows as a pyarrow RecordBatchReader, a batch at a time."""
    sql, params = panel_query(spec)
    return con.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)


def write_panel(con: duckdb.DuckDBPyConnection, spec: PanelSpec, fmt: str,
                output: str | Path) -> PanelSummary:
    """Write the panel of ``spec`` to ``output`` as parquet or CSV.

    con (DuckDBPyConnection): a connection to the corpus store.
    fmt (str): parquet or csv.
    RETURNS (PanelSummary): rows written, what was counted and what left out.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    summary = panel_summary(con, spec)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    reader = panel_reader(con, spec)
    units: set[tuple[Any, ...]] = set()
    with _sink(fmt, path, reader.schema) as write:
        for batch in reader:
            write(batch)
            summary.rows += batch.num_rows
            keys = pa.Table.from_batches([batch]).group_by(list(spec.unit_columns)).aggregate([])
            units.update(zip(*(keys.column(k).to_pylist() for k in spec.unit_columns),
                             strict=True))
    summary.units = len(units)
    summary.periods = summary.rows // summary.units if units else 0
    return summary


@contextmanager
def _sink(fmt: str, path: Path, schema: pa.Schema) -> Iterator[Callable[[pa.RecordBatch], None]]:
    """A function that appends a batch to ``path`` as parquet or CSV, open for the block."""
    if fmt == "parquet":
        with pq.ParquetWriter(path, schema) as writer:
            yield writer.write_batch
        return
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream, lineterminator="\n")
        out.writerow(schema.names)

        def write(batch: pa.RecordBatch) -> None:
            for row in zip(*(column.to_pylist() for column in batch.columns), strict=True):
                out.writerow(["" if v is None else v for v in row])

        yield write
