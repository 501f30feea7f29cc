"""How ``eventwire panel`` grows with the corpus.

Builds synthetic stores of ``--events`` and of four times as many events (30
countries, 16 types, dates over three years, a twentieth dated only to the
month, every third event linked into a cluster of three), then times
``write_panel`` for a few panels on each and reports events per second and
the ratio of the two times: linear growth gives about 4.

    python bench/panel.py [--events 250000] [--json]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from eventwire.kb.ontology import PLOVER_TYPES
from eventwire.panel import PanelSpec, write_panel
from eventwire.store import open_store

SPECS = [PanelSpec(by="month", unit="dyad"), PanelSpec(by="week", unit="dyad", directed=True),
         PanelSpec(by="day", unit="country", count="reports"), PanelSpec(by="week", unit="actor")]
COUNTRIES = 30
DAYS = 3 * 365


def build(path: Path, events: int) -> None:
    """A store whose ``events`` rows are made by DuckDB from their row number alone."""
    types = list(PLOVER_TYPES)
    with open_store(path) as store:
        store.con.execute(f"""
            INSERT INTO events BY NAME
            SELECT 'd' || (i // 8) || '-' || lpad((i % 8)::VARCHAR, 4, '0') AS id,
                   'd' || (i // 8) AS doc_id,
                   CASE WHEN i % 20 = 0 THEN strftime(day, '%Y-%m') ELSE day::VARCHAR END AS date,
                   ?[1 + (i * 31) % 16] AS event,
                   1 + (i * 31) % 16 // 4 AS quad_code,
                   ((i * 13) % 21 - 10)::DOUBLE AS intensity,
                   ((i * 17) % 21 - 10)::DOUBLE AS goldstein,
                   [struct_pack(entity_text := 'x', name := 'x',
                                code := 'C' || lpad((hash(i) % {COUNTRIES})::VARCHAR, 2, '0'),
                                sector := CASE WHEN i % 3 = 0 THEN 'GOV' END,
                                wikidata_id := NULL::VARCHAR)] AS actor,
                   CASE WHEN i % 10 = 0 THEN [] ELSE
                   [struct_pack(entity_text := 'y', name := 'y',
                                code := 'C' || lpad((hash(i + 1) % {COUNTRIES})::VARCHAR, 2, '0'),
                                sector := NULL::VARCHAR, wikidata_id := NULL::VARCHAR)] END
                     AS recipient,
                   CASE WHEN i % 3 = 0 THEN 'k' || (i // 9) END AS cluster_id
            FROM (SELECT i, DATE '2023-01-01' + ((i * 7919) % {DAYS})::INTEGER AS day
                  FROM range(?) t(i))""", [types, events])


def measure(events: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="eventwire-panel-") as folder:
        path = Path(folder) / "corpus.duckdb"
        build(path, events)
        timings = {}
        with open_store(path, read_only=True) as store:
            for spec in SPECS:
                name = f"{spec.by}-{spec.unit}{'-directed' if spec.directed else ''}-{spec.count}"
                started = time.perf_counter()
                summary = write_panel(store.con, spec, "parquet", Path(folder) / "p.parquet")
                seconds = time.perf_counter() - started
                timings[name] = {"seconds": round(seconds, 3), "rows": summary.rows,
                                 "events_per_s": round(events / seconds)}
        return {"events": events, "panels": timings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=250_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    small, large = measure(args.events), measure(4 * args.events)
    ratios = {name: round(large["panels"][name]["seconds"] / small["panels"][name]["seconds"], 2)
              for name in small["panels"]}
    result = {"small": small, "large": large, "time_ratio_for_4x_events": ratios}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for run in (small, large):
        for name, t in run["panels"].items():
            print(f"{run['events']:>9} events  {name:<32} {t['seconds']:>7.2f} s  "
                  f"{t['rows']:>9} rows  {t['events_per_s']:>9} events/s")
    print("time ratio for 4x the events:", ratios)


if __name__ == "__main__":
    main()
