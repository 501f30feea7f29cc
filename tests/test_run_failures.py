"""Runs survive documents that raise, kill their worker, hang or give unsendable results:
each fails alone, and no rerun tries it again."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from eventwire.corpus import ingest
from eventwire.store import open_store

STORIES = [
    "Russian troops attacked Ukrainian villages near Kharkiv.",
    "Japan and South Korea agreed to expand trade in Nara.",
    "China accused the United States of spying on its ships.",
    "Iran threatened to close the Strait of Hormuz to tankers.",
    "Protesters marched against the government in Nairobi.",
    "The European Union imposed sanctions on Belarus again.",
    "India sent aid to Sri Lanka after the cyclone hit.",
]


@pytest.fixture
def markers(monkeypatch):
    """The test worker module, importable by spawned workers too."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    import run_markers

    yield run_markers
    sys.modules.pop("run_markers", None)


def corpus(tmp_path: Path, stories: list[str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(stories):
        (folder / f"s{n}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "corpus.duckdb"
    with open_store(db) as store:
        ingest(store, [folder], date="2026-01-13")
    return db


def statuses(store) -> dict[str, tuple[str, str | None]]:
    return {doc_id: (status, error) for doc_id, status, error in
            store.sql("SELECT doc_id, status, error FROM documents").fetchall()}


def test_documents_that_raise_kill_their_worker_hang_or_cannot_be_sent_fail_alone(
        tmp_path, markers):
    from eventwire.scale import run_corpus

    stories = list(STORIES)
    stories[1] = f"{markers.RAISES} {stories[1]}"
    stories[3] = f"{markers.UNSENDABLE} {stories[3]}"
    stories[4] = f"{markers.DIES} {stories[4]}"
    stories[5] = f"{markers.HANGS} {stories[5]}"
    db = corpus(tmp_path, stories)
    with open_store(db) as store:
        report = run_corpus(store, workers=2, batch_size=3, batch_timeout=3,
                            worker_class=markers.MarkerWorker)
        found = statuses(store)
        assert (report.docs_ok, report.docs_failed) == (3, 4)
        assert {d for d, (status, _) in found.items() if status == "ok"} == {"s0", "s2", "s6"}
        raised, unsent, died, hung = found["s1"], found["s3"], found["s4"], found["s5"]
        assert unsent[0] == "failed" and "could not be sent back" in unsent[1]
        assert raised[0] == "failed" and "stage failed on purpose" in raised[1]
        assert died[0] == "failed" and "[E014]" in died[1] and "s4.txt" in died[1]
        assert "failed 2 times: its worker died (signal SIGKILL)" in died[1]
        assert hung[0] == "failed" and "ran past the batch time limit of 3 s" in hung[1]
        again = run_corpus(store, workers=1, worker_class=markers.MarkerWorker)
        assert again.docs == 0 and statuses(store) == found


def test_the_ray_engine_replaces_a_dead_actor_and_fails_only_its_document(tmp_path, markers,
                                                                          monkeypatch):
    pytest.importorskip("ray")
    from eventwire.scale import run_corpus

    # Ray's workers import the marker module through the environment they inherit
    paths = [str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in paths if p))
    db = corpus(tmp_path, [STORIES[0], f"{markers.DIES} {STORIES[1]}", STORIES[2]])
    with open_store(db) as store:
        report = run_corpus(store, workers=1, engine="ray", batch_size=3,
                            worker_class=markers.MarkerWorker)
        found = statuses(store)
    assert (report.docs_ok, report.docs_failed) == (2, 1)
    status, error = found["s1"]
    assert status == "failed" and "[E014]" in error and "its worker died" in error
