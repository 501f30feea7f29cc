"""A small coded corpus, built once per session with the real coder and store."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

STORIES = Path(__file__).with_name("stories.jsonl")


@pytest.fixture(scope="session")
def local():
    """Make a test client that calls the server by a loopback name, as a browser on this
    machine does (any other Host is refused)."""
    from fastapi.testclient import TestClient

    def make(app, **kwargs):
        return TestClient(app, base_url="http://127.0.0.1:8000", **kwargs)

    return make


@pytest.fixture(scope="module")
def client(corpus, coder, local):
    """A client of the corpus's app with default limits."""
    from eventwire.server import create_app

    with local(create_app(corpus, coder=coder)) as opened:
        yield opened


@pytest.fixture(scope="session")
def coder():
    """One loaded Coder, shared by the corpus and ``POST /api/code``."""
    from eventwire.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, coder) -> Path:
    """A DuckDB corpus of the stories in stories.jsonl, ingested and coded."""
    from eventwire.ingest import InputDoc
    from eventwire.store import open_store

    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    stories = [json.loads(line) for line in STORIES.read_text("utf-8").splitlines()]
    with open_store(path) as store:
        store.add_documents([{"doc_id": s["id"], "text": s["text"], "date": s["date"],
                              "title": s["title"], "status": "pending", "seq": n,
                              "source": STORIES.name} for n, s in enumerate(stories)], [], [])
        items = [InputDoc(doc_id=s["id"], text=s["text"], date=s["date"], title=s["title"],
                          source=STORIES.name) for s in stories]
        store.commit_batch(list(coder.pipe(items)), run_id=1)
    return path


LINKED_URLS = {"jp-cn-01": "https://www.kyodonews.net/news/2026/01/a",
               "jp-cn-02": "http://kyodonews.net/c?x=1", "jp-cn-03": "https://english.news.cn/b"}


@pytest.fixture(scope="session")
def linked(corpus, tmp_path_factory) -> Path:
    """A copy of the corpus where China's and Japan's accusations in two stories are one
    cluster, as linking would mark them, and three stories have URLs of two outlets."""
    import duckdb

    path = tmp_path_factory.mktemp("linked") / "corpus.duckdb"
    shutil.copy(corpus, path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE events SET cluster_id = 'accusations' WHERE event = 'ACCUSE' "
                    "AND doc_id IN ('jp-cn-01', 'jp-cn-03')")
        for doc_id, url in LINKED_URLS.items():
            con.execute("UPDATE documents SET url = ? WHERE doc_id = ?", [url, doc_id])
        members = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM events "
                              "WHERE cluster_id = 'accusations'").fetchall()[0]
    assert members[0] >= 2 and members[1] == 2
    return path


@pytest.fixture(scope="session")
def live_server(corpus, coder):
    """The application served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    from eventwire.server import create_app

    with serve_in_thread(create_app(corpus, coder=coder)) as url:
        yield url


@pytest.fixture(scope="session")
def serving():
    """``serve_in_thread``, for tests that need real concurrent connections."""
    return serve_in_thread


@contextmanager
def serve_in_thread(app) -> Iterator[str]:
    """Run ``app`` on a free port of 127.0.0.1 until the block ends."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def find_chromium() -> tuple[str, str] | None:
    """Paths of the Chromium browser and its driver, or None when either is missing."""
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                   "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Chromium through Selenium, kept off the network, with console logs on."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    found = find_chromium()
    if found is None:
        pytest.skip("Chromium or chromedriver not found: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options,
                              service=webdriver.ChromeService(executable_path=found[1]))
    yield driver
    driver.quit()
