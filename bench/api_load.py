"""A bounded load test of ``eventwire serve`` on 127.0.0.1.

Builds (once) a synthetic corpus of 100,000 events written through the store
API, starts ``eventwire serve`` on it in its own process, and sends a fixed
mix of read requests (event pages with filters and cursors, dyad series,
timelines, rankings, places, documents, small CSV downloads) from
``--concurrency`` clients. Reports throughput, p50/p99 latency per endpoint
and overall, and errors (any status but 200; there must be none).

    python bench/api_load.py [--requests 5000] [--concurrency 32] [--events 100000] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from eventwire.records import Document, Entity, Event, Place, TextInfo
from eventwire.store import open_store

COUNTRIES = {  # code: (name, capital, lat, lon)
    "JPN": ("Japan", "Tokyo", 35.69, 139.69), "CHN": ("China", "Beijing", 39.91, 116.39),
    "KOR": ("South Korea", "Seoul", 37.57, 126.98), "PRK": ("North Korea", "Pyongyang", 39.03,
                                                            125.75),
    "USA": ("United States", "Washington", 38.9, -77.04), "RUS": ("Russia", "Moscow", 55.75,
                                                                  37.62),
    "UKR": ("Ukraine", "Kyiv", 50.45, 30.52), "IND": ("India", "New Delhi", 28.61, 77.21),
    "PAK": ("Pakistan", "Islamabad", 33.69, 73.06), "IRN": ("Iran", "Tehran", 35.69, 51.39),
    "ISR": ("Israel", "Jerusalem", 31.77, 35.21), "FRA": ("France", "Paris", 48.86, 2.35),
    "DEU": ("Germany", "Berlin", 52.52, 13.4), "BRA": ("Brazil", "Brasilia", -15.79, -47.88),
    "ZAF": ("South Africa", "Pretoria", -25.75, 28.19), "KEN": ("Kenya", "Nairobi", -1.29,
                                                                36.82),
}
KINDS = [  # event, quad, intensity, cameo, goldstein, trigger
    ("CONSULT", 1, 1.0, "040", 1.0, "met"), ("AGREE", 1, 3.0, "057", 8.0, "signed"),
    ("REQUEST", 1, -1.0, "020", 3.0, "urged"), ("SUPPORT", 1, 3.0, "051", 3.4, "praised"),
    ("AID", 2, 7.0, "070", 7.0, "sent aid to"), ("COOPERATE", 2, 6.0, "061", 6.4, "traded with"),
    ("ACCUSE", 3, -2.0, "112", -2.0, "accused"), ("REJECT", 3, -4.0, "120", -4.0, "rejected"),
    ("THREATEN", 3, -6.0, "138", -7.0, "threatened"), ("PROTEST", 3, -5.0, "141", -6.5,
                                                       "protested to"),
    ("SANCTION", 4, -7.0, "163", -8.0, "sanctioned"), ("ASSAULT", 4, -9.0, "190", -10.0,
                                                       "attacked"),
]
SECTORS = ["GOV", "MIL", None, "GOV", "BUS"]


def build_corpus(path: Path, events: int, per_doc: int = 4, seed: int = 7) -> None:
    """Write ``events`` synthetic events (``per_doc`` a document) through the store API."""
    rng = random.Random(seed)
    codes = list(COUNTRIES)
    weights = [30, 28, 12, 8, 25, 18, 15, 8, 6, 7, 6, 5, 5, 3, 3, 2]
    first = date(2024, 1, 1)
    with open_store(path) as store:
        for start in range(0, events // per_doc, 2_000):
            rows, docs = [], []
            for n in range(start, min(start + 2_000, events // per_doc)):
                doc_id = f"doc-{n:06d}"
                day = (first + timedelta(days=rng.randrange(730))).isoformat()
                text, records = "", []
                for k in range(per_doc):
                    a, b = rng.choices(codes, weights, k=2)
                    while b == a:
                        b = rng.choice(codes)
                    kind = rng.choices(KINDS, [9, 4, 5, 3, 1, 2, 6, 3, 2, 2, 1, 2])[0]
                    where = rng.choice((a, b))
                    sentence = (f"{COUNTRIES[a][0]} {kind[5]} {COUNTRIES[b][0]} in "
                                f"{COUNTRIES[where][1]} on Tuesday.")
                    begin = len(text)
                    text += sentence + " "
                    name, capital, lat, lon = COUNTRIES[where]
                    records.append(Event(
                        id=f"{doc_id}-{k + 1:04d}", doc_id=doc_id, date=day,
                        date_precision="day", event=kind[0], mode=[], context=["diplomatic"],
                        actor=[Entity(COUNTRIES[a][0], COUNTRIES[a][0], a, rng.choice(SECTORS))],
                        recipient=[Entity(COUNTRIES[b][0], COUNTRIES[b][0], b, None)],
                        event_text=kind[5], text=sentence,
                        text_info=TextInfo(k, begin, begin + len(sentence)), quad_code=kind[1],
                        intensity=kind[2], cameo=kind[3], goldstein=kind[4],
                        event_loc=Place(capital, where, None, lat, lon, None, "PPLC"),
                        confidence=0.8))
                rows.append({"doc_id": doc_id, "text": text, "date": day, "status": "pending",
                             "seq": n, "source": "synthetic"})
                docs.append(Document(doc_id, text, day, events=records))
            store.add_documents(rows, [], [])
            store.commit_batch(docs, run_id=1, inputs={d.doc_id: d.text for d in docs})


def request_mix(rng: random.Random, n: int, docs: int, page_two: str) -> list[tuple[str, str]]:
    """``n`` (endpoint name, path) pairs in a fixed, seeded order; ``page_two`` is a cursor."""
    codes = list(COUNTRIES)
    kinds = [k[0] for k in KINDS]

    def pick() -> str:
        return rng.choice(codes)

    makers = [
        ("events", lambda: "/api/events?limit=50"),
        ("events filtered", lambda: f"/api/events?actor={pick()}&recipient={pick()}"
                                    f"&event={rng.choice(kinds)}&start=2024-06"),
        ("events text", lambda: f"/api/events?q={rng.choice(['Tokyo', 'aid', 'Paris'])}"
                                f"&quad={rng.randint(1, 4)}"),
        ("events page 2", lambda: "/api/events?limit=100&party=JPN&cursor=" + page_two),
        ("series dyad", lambda: f"/api/series?a={pick()}&b={pick()}&interval=week&by=quad"),
        ("series timeline", lambda: f"/api/series?interval={rng.choice(['week', 'month'])}"
                                    f"&by={rng.choice(['quad', 'event'])}"),
        ("rank actors", lambda: "/api/rankings/actors?limit=20&start="
                                f"2025-{rng.randint(1, 12):02d}"),
        ("rank dyads", lambda: f"/api/rankings/dyads?limit=80&party={pick()}"),
        ("places", lambda: f"/api/places?party={pick()}"),
        ("document", lambda: f"/api/documents/doc-{rng.randrange(docs):06d}"),
        ("download", lambda: f"/api/events/download?doc_id=doc-{rng.randrange(docs):06d}"),
        ("meta", lambda: "/api/meta"),
    ]
    weights = [12, 14, 8, 6, 12, 8, 8, 8, 8, 10, 3, 3]
    return [(name, make()) for name, make in rng.choices(makers, weights, k=n)]



async def run_load(base: str, mix: list[tuple[str, str]], concurrency: int) -> dict[str, Any]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    queue = iter(mix)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker() -> None:
            for name, path in queue:
                began = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path}")
                except httpx.HTTPError as err:
                    errors.append(f"{type(err).__name__} {path}")
                timings[name].append(time.perf_counter() - began)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    every = sorted(t for ts in timings.values() for t in ts)
    return {
        "requests": len(every), "concurrency": concurrency, "seconds": round(elapsed, 2),
        "throughput_rps": round(len(every) / elapsed, 1),
        "p50_ms": round(percentile(every, 50) * 1000, 1),
        "p99_ms": round(percentile(every, 99) * 1000, 1),
        "errors": len(errors), "error_examples": errors[:5],
        "endpoints": {name: {"requests": len(ts),
                             "p50_ms": round(percentile(sorted(ts), 50) * 1000, 1),
                             "p99_ms": round(percentile(sorted(ts), 99) * 1000, 1)}
                      for name, ts in sorted(timings.items())},
    }


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def serve(db: Path, log: Any) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db),
                                "--host", "127.0.0.1", "--port", str(port)],
                               stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None,
                        help="corpus to build or reuse (default: a file in the temp folder)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    db = args.db or Path(tempfile.gettempdir()) / f"eventwire-load-{args.events}.duckdb"
    if not db.exists():
        began = time.perf_counter()
        build_corpus(db, args.events)
        print(f"built {db} ({args.events} events) in {time.perf_counter() - began:.0f} s",
              file=sys.stderr)
    log_path = Path(tempfile.gettempdir()) / "eventwire-api-load-server.log"
    with log_path.open("wb") as log:
        process, base = serve(db, log)
        try:
            page_two = httpx.get(f"{base}/api/events?limit=100&party=JPN").json()["next_cursor"]
            mix = request_mix(random.Random(11), args.requests, args.events // 4, page_two)
            report = asyncio.run(run_load(base, mix, args.concurrency))
        finally:
            os.kill(process.pid, signal.SIGTERM)
            process.wait(10)
    report.update(events=args.events, cpus=os.cpu_count())
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['requests']} requests, {report['concurrency']} concurrent, "
              f"{report['events']} events: {report['throughput_rps']} req/s, "
              f"p50 {report['p50_ms']} ms, p99 {report['p99_ms']} ms, "
              f"errors {report['errors']}")
        for name, figures in report["endpoints"].items():
            print(f"  {name:16} {figures['requests']:5}  p50 {figures['p50_ms']:7.1f} ms"
                  f"  p99 {figures['p99_ms']:7.1f} ms")
    if report["errors"]:
        raise SystemExit(f"errors: {report['error_examples']}; server log: {log_path}")


if __name__ == "__main__":
    main()
