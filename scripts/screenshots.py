"""Screenshots of every dashboard page, for the README and docs/server.md.

Codes the sample stories into a temporary corpus, serves it on 127.0.0.1 and
drives headless Chromium (Debian packages ``chromium`` and ``chromium-driver``)
through each page:

    python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = (ROOT / "bench" / "sample_stories.jsonl", ROOT / "tests" / "server" / "stories.jsonl")
PASTED = ("Japan's foreign minister met his Chinese counterpart in Tokyo on Monday. "
          "China accused Japan of stirring tension in the East China Sea, and Japan "
          "rejected the charge. \"We will defend our waters,\" the minister said.")


def build_corpus(path: Path, coder: object) -> None:
    """Ingest and code the sample stories with the real store API."""
    from eventwire.ingest import InputDoc
    from eventwire.store import open_store

    stories = [json.loads(line) for file in STORIES for line in file.read_text("utf-8").splitlines()
               if line.strip()]
    with open_store(path) as store:
        store.add_documents([{"doc_id": s["id"], "text": s["text"], "date": s.get("date"),
                              "title": s.get("title"), "status": "pending", "seq": n,
                              "source": "sample"} for n, s in enumerate(stories)], [], [])
        items = [InputDoc(doc_id=s["id"], text=s["text"], date=s.get("date"),
                          title=s.get("title"), source="sample") for s in stories]
        store.commit_batch(list(coder.pipe(items)), run_id=1)  # type: ignore[attr-defined]


def start_server(app: object) -> tuple[str, object]:
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,  # type: ignore
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def open_browser(profile: Path) -> object:
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--hide-scrollbars",
                 "--window-size=1400,900", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def shoot(driver: object, base: str, out: Path) -> list[Path]:
    """Visit each page, wait for its content, save a PNG; RETURNS the files."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, 30)
    saved = []

    def visit(name: str, hash_: str, selector: str, then: object = None) -> None:
        driver.get(f"{base}/dashboard/index.html#{hash_}")  # type: ignore[attr-defined]
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, selector)))
        if then:
            then()  # type: ignore[operator]
        time.sleep(1.2)  # chart animations
        path = out / f"{name}.png"
        driver.save_screenshot(str(path))  # type: ignore[attr-defined]
        saved.append(path)

    def open_first_row() -> None:
        driver.find_element(By.CSS_SELECTOR, "#events-table tbody tr").click()  # type: ignore
        wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, "#event-detail mark")))

    def code_story() -> None:
        driver.find_element(By.ID, "code-text").send_keys(PASTED)  # type: ignore
        driver.execute_script(  # type: ignore[attr-defined]
            "document.getElementById('code-date').value = '2026-01-12'")
        driver.find_element(By.ID, "code-submit").click()  # type: ignore[attr-defined]
        WebDriverWait(driver, 90).until(
            ready.presence_of_element_located((By.CSS_SELECTOR, "#code-body mark.trigger")))

    visit("timeline", "timeline", "#chart-timeline canvas")
    visit("dyad", "dyad", "#chart-dyad canvas")
    visit("network", "network", "#chart-network canvas")
    visit("map", "map", "#chart-map canvas")
    visit("events", "events", "#events-table tbody tr", open_first_row)
    visit("document", "doc=jp-cn-02", "#doc-text mark.trigger")
    visit("code", "code", "#code-text", code_story)
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from eventwire.coder import Coder
    from eventwire.server import create_app

    args.out.mkdir(parents=True, exist_ok=True)
    coder = Coder()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.duckdb"
        build_corpus(corpus, coder)
        base, server = start_server(create_app(corpus, coder=coder))
        driver = open_browser(Path(tmp) / "profile")
        try:
            for path in shoot(driver, base, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            driver.quit()  # type: ignore[attr-defined]
            server.should_exit = True  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
