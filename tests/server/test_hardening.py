"""The server against hostile pages, crafted stores and texts that make the coder hang."""

from __future__ import annotations

import json
import re
import shutil
import socket
import tempfile
import threading
import time
import warnings
from pathlib import Path

import httpx
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2; httpx still works
    from fastapi.testclient import TestClient

from eventwire.server import Limits, create_app
from eventwire.server.guard import host_name

pytestmark = pytest.mark.model

PATHOLOGICAL = "<!---->" * 40



@pytest.mark.parametrize("header, name", [
    ("127.0.0.1:8000", "127.0.0.1"), ("LOCALHOST", "localhost"), ("[::1]:8000", "::1"),
    ("[::1]", "::1"), ("evil.example:80", "evil.example"), ("", ""),
])
def test_host_name_drops_port_and_brackets(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:1234", "[::1]:8000"])
def test_loopback_names_are_answered(client, host):
    assert client.get("/api/meta", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "testserver", "[::2]:8000"])
def test_a_foreign_host_header_is_refused(client, host):
    """A page on another name rebound to 127.0.0.1 sends its own name: it gets nothing."""
    for path in ("/api/events", "/api/health", "/dashboard/index.html", "/docs"):
        response = client.get(path, headers={"host": host})
        assert response.status_code == 400, (path, host)
        assert response.json()["error"]["code"] == "bad_host"
        assert "events" not in response.json()


def test_allowed_hosts_add_names(corpus, coder):
    app = create_app(corpus, coder=coder, allowed_hosts=["corpus.lan"])
    with TestClient(app, base_url="http://corpus.lan:8000") as named:
        assert named.get("/api/meta").status_code == 200
        assert named.get("/api/meta", headers={"host": "localhost"}).status_code == 200
        assert named.get("/api/meta", headers={"host": "other.lan"}).status_code == 400


def test_the_cli_passes_allowed_hosts_and_the_code_limit(local, corpus, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from eventwire.cli import app as cli

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    result = CliRunner().invoke(cli, ["serve", "--db", str(corpus), "--allow-host", "a.lan",
                                      "--allow-host", "b.lan", "--code-timeout", "7"])
    assert result.exit_code == 0, result.output
    with local(served["app"]) as c:
        assert c.get("/api/health", headers={"host": "b.lan:8000"}).status_code == 200
        assert c.get("/api/health", headers={"host": "c.lan"}).status_code == 400
        assert c.app.state.ctx.limits.code_seconds == 7


def _same_origin_urls(html: str) -> list[str]:
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    urls += re.findall(r"""url: ["']([^"']+)["']""", html)
    urls += re.findall(r"""spec-url=["']([^"']+)["']""", html)
    return urls


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_only_packaged_files(client, page):
    response = client.get(page)
    assert response.status_code == 200
    urls = _same_origin_urls(response.text)
    assert len(urls) >= 3, urls
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert client.get(url).status_code == 200, url
    assert "http" not in response.text.replace("http-equiv", "")


def test_api_docs_need_the_token(local, corpus, coder):
    with local(create_app(corpus, token="s3cret", coder=coder)) as guarded:
        assert guarded.get("/docs").status_code == 401
        assert guarded.get("/docs", params={"token": "s3cret"}).status_code == 200


def _crafted(corpus: Path, folder: Path, table: str, column: str) -> tuple[Path, Path]:
    """A copy of the corpus whose ``table`` is a view putting a local file into ``column``."""
    import duckdb

    secret = folder / "secret.txt"
    secret.write_text("the-secret-is-4711\n")
    crafted = folder / "crafted.duckdb"
    shutil.copy(corpus, crafted)
    con = duckdb.connect(str(crafted))
    con.execute(f"ALTER TABLE {table} RENAME TO {table}_stored")
    con.execute(f"CREATE VIEW {table} AS SELECT t.* REPLACE ((SELECT content FROM "
                f"read_text('{secret}')) AS {column}) FROM {table}_stored t")
    assert "4711" in con.execute(f"SELECT {column} FROM {table} LIMIT 1").fetchone()[0]
    con.close()
    return crafted, secret


def test_a_crafted_store_cannot_read_local_files(local, corpus, coder, tmp_path):
    """A view in the database that reads a local file fails instead of leaking it."""
    crafted, secret = _crafted(corpus, tmp_path, "quotes", "quote")
    with local(create_app(crafted, coder=coder), raise_server_exceptions=False) as c:
        assert c.get("/api/meta").status_code == 200
        response = c.get("/api/documents/jp-cn-02")
        assert response.status_code == 500
        assert "4711" not in response.text
        with pytest.raises(Exception, match="disabled by configuration"):
            c.app.state.ctx.cursor().execute(f"SELECT * FROM read_csv('{secret}')")
        with pytest.raises(Exception, match="locked"):
            c.app.state.ctx.cursor().execute("SET enable_external_access = true")


def test_a_crafted_store_read_at_start_up_is_refused(corpus, coder, tmp_path):
    crafted, _ = _crafted(corpus, tmp_path, "documents", "status")
    with pytest.raises(Exception, match="disabled by configuration"):
        create_app(crafted, coder=coder)


class SlowCoder:
    """The real coder, except that a run of HTML comments makes it hang, as it once did."""

    def __init__(self, coder) -> None:
        self.coder = coder

    def code(self, text, **kwargs):
        if text.startswith("<!---->"):
            time.sleep(600)
        return self.coder.code(text, **kwargs)


def test_a_hanging_paste_is_stopped_and_the_server_keeps_answering(corpus, coder, serving):
    app = create_app(corpus, limits=Limits(code_seconds=3), make_coder=lambda: SlowCoder(coder))
    with serving(app) as url, httpx.Client(base_url=url, timeout=60) as http:
        assert http.post("/api/code", json={"text": "Japan met China."}).status_code == 200
        answers: dict[str, httpx.Response] = {}
        started = time.monotonic()
        hanging = threading.Thread(target=lambda: answers.update(
            slow=http.post("/api/code", json={"text": PATHOLOGICAL})))
        hanging.start()
        time.sleep(0.5)
        assert http.get("/api/meta").status_code == 200  # other requests are answered meanwhile
        assert hanging.is_alive()
        hanging.join(30)
        took = time.monotonic() - started
        slow = answers["slow"]
        assert slow.status_code == 503 and slow.json()["error"]["code"] == "timeout", slow.text
        assert "3 s" in slow.json()["error"]["message"]
        assert took < 15  # the limit is 3 s; generous for a loaded machine
        after = http.post("/api/code", json={"text": "China accused Japan of provocation."})
        assert after.status_code == 200
        assert after.json()["events"][0]["event"] == "ACCUSE"


def test_a_paste_behind_a_hanging_one_waits_no_longer_than_the_limit(corpus, coder, serving):
    app = create_app(corpus, limits=Limits(code_seconds=2), make_coder=lambda: SlowCoder(coder))
    with serving(app) as url, httpx.Client(base_url=url, timeout=60) as http:
        assert http.post("/api/code", json={"text": "Japan met China."}).status_code == 200
        answers: dict[str, httpx.Response] = {}
        first = threading.Thread(target=lambda: answers.update(
            slow=http.post("/api/code", json={"text": PATHOLOGICAL})))
        first.start()
        time.sleep(0.5)  # the first now holds the coding process
        started = time.monotonic()
        waiting = http.post("/api/code", json={"text": "Japan met China."})
        took = time.monotonic() - started
        first.join(30)
        assert answers["slow"].status_code == 503
        # it gets the process once the hanging one is stopped, or is told the server is busy
        assert waiting.status_code == 200 or waiting.json()["error"]["code"] == "busy"
        assert took < 12


def test_the_connection_of_the_first_paste_closes(corpus, coder, serving):
    """The coding process is forked during a request: it must not keep that connection open."""
    body = json.dumps({"text": "Japan met China."}).encode()
    request = (b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
               b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body))
    with serving(create_app(corpus, coder=coder)) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as conn:
            conn.sendall(request + body)
            answer = b""
            while chunk := conn.recv(65536):  # times out if the server's close never arrives
                answer += chunk
    assert answer.startswith(b"HTTP/1.1 200") and b"CONSULT" in answer


def test_a_coder_that_dies_fails_that_text_only(local, corpus, coder):
    class Dying:
        def code(self, text, **kwargs):
            if "die" in text:
                import os

                os._exit(3)
            return coder.code(text, **kwargs)

    with local(create_app(corpus, make_coder=Dying)) as c:
        response = c.post("/api/code", json={"text": "please die"})
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "coder_failed"
        assert c.post("/api/code", json={"text": "Japan met China."}).status_code == 200


def _leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("eventwire-*")}


def test_a_parquet_download_leaves_no_temporary_file(client):
    before = _leftovers()
    response = client.get("/api/events/download", params={"format": "parquet"})
    assert response.status_code == 200 and response.content.startswith(b"PAR1")
    assert _leftovers() == before


def test_a_failed_parquet_download_leaves_no_temporary_file(local, corpus, coder, monkeypatch):
    from eventwire.server import routes

    def broken(batches):
        for records in routes_records(batches):
            yield records
            raise OSError("disk full")

    routes_records = routes._records
    monkeypatch.setattr(routes, "_records", broken)
    before = _leftovers()
    with local(create_app(corpus, coder=coder), raise_server_exceptions=False) as c:
        response = c.get("/api/events/download", params={"format": "parquet"})
    assert response.status_code == 500
    assert _leftovers() == before
