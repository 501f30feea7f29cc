"""Corpus runs: batches committed atomically, resumed after SIGKILL, local and Ray agree."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.coder import Coder
from eventwire.corpus import ingest
from eventwire.scale import kb_version, run_corpus
from eventwire.store import open_store

pytestmark = pytest.mark.model

STORIES = [
    "Russian troops attacked Ukrainian villages.",
    "Japan and South Korea agreed to expand trade.",
    "China accused the United States of spying.",
    "Iran threatened to close the Strait of Hormuz.",
    "Protesters marched against the government in Nairobi.",
    "The European Union imposed sanctions on Belarus.",
    "India sent aid to Sri Lanka after the cyclone.",
    "Turkish police arrested opposition leaders in Ankara.",
]


def make_corpus(folder: Path, stories: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(stories):
        (folder / f"s{n}.txt").write_text(text, encoding="utf-8")
    return folder


def ingested(tmp_path: Path, name: str, stories: list[str]) -> Path:
    db = tmp_path / f"{name}.duckdb"
    with open_store(db) as store:
        ingest(store, [make_corpus(tmp_path / name, stories)], date="2026-01-13")
    return db


def stored(db: Path) -> tuple[dict[str, str], list]:
    with open_store(db, read_only=True) as store:
        statuses = dict(store.sql("SELECT doc_id, status FROM documents").fetchall())
        return statuses, list(store.records("event"))


def test_a_run_killed_mid_way_and_resumed_codes_each_document_once(tmp_path, nlp):
    db = ingested(tmp_path, "kill", STORIES)
    command = [sys.executable, "-m", "eventwire", "run", "--db", str(db), "--batch-size", "1"]
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    assert first.stderr is not None
    for line in first.stderr:
        if line.startswith("committed 2/") or time.monotonic() > deadline:
            break
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    statuses, _ = stored(db)
    assert 2 <= sum(s == "ok" for s in statuses.values()) < len(STORIES)

    second = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr
    statuses, events = stored(db)
    assert set(statuses.values()) == {"ok"}
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    coder = Coder(nlp=nlp)
    expected = [e for n, text in enumerate(STORIES)
                for e in coder.code(text, date="2026-01-13", doc_id=f"s{n}").events]
    assert all(e.cluster_id for e in events)  # each committed batch was linked
    unlinked = [dataclasses.replace(e, cluster_id=None) for e in events]
    assert sorted(unlinked, key=lambda e: e.id) == sorted(expected, key=lambda e: e.id)
    assert any(e.doc_id == "s0" for e in events)


def test_local_and_ray_engines_agree_and_bad_documents_fail_alone(tmp_path):
    pytest.importorskip("ray")
    huge = "Officials met in Geneva to discuss the ceasefire. " * 200_000  # about 10 MB
    stories = [*STORIES[:3], huge]
    local_db = ingested(tmp_path, "local", stories)
    ray_db = ingested(tmp_path, "ray", stories)
    with open_store(local_db) as store:
        local = run_corpus(store, workers=2, engine="local", batch_size=2)
        run = store.sql("SELECT model, kb_version, engine FROM runs").fetchall()[0]
    with open_store(ray_db) as store:
        remote = run_corpus(store, workers=1, engine="ray", batch_size=2)

    assert (local.docs_ok, local.docs_failed) == (remote.docs_ok, remote.docs_failed) == (3, 1)
    assert "[E006]" in local.errors[0] and "exceeds the limit" in local.errors[0]
    assert stored(local_db) == stored(ray_db)
    statuses, events = stored(local_db)
    assert statuses["s3"] == "failed"
    assert any(e.doc_id == "s0" and e.event == "ASSAULT" for e in events)
    assert run[1] == kb_version() and run[2] == "local" and run[0]
    # the 1 GB per-worker target is measured by bench/corpus.py, not asserted here
    assert local.peak_rss_mb and all(mb > 0 for mb in local.peak_rss_mb.values())


def test_limit_codes_only_that_many_and_leaves_the_rest_pending(tmp_path):
    db = ingested(tmp_path, "limit", STORIES[:3])
    with open_store(db) as store:
        report = run_corpus(store, limit=2, batch_size=1)
        assert report.docs == 2
        assert store.status_counts()["pending"] == 1
