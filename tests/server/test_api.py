"""The HTTP API on a small coded corpus: every endpoint, the token, bad parameters, limits."""

from __future__ import annotations

import io
import json
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2; httpx still works

from eventwire.server import Limits, create_app

pytestmark = pytest.mark.model



def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def codes(parties) -> set[str]:
    return {p["code"] for p in parties}


def test_health_and_meta(client):
    assert client.get("/api/health").json() == {"status": "ok"}
    meta = client.get("/api/meta").json()
    assert meta["events"] > 0 and meta["documents"]["ok"] == 6
    assert {"JPN", "CHN"} <= {c["code"] for c in meta["countries"]}
    assert {meta["busiest_dyad"]["a"], meta["busiest_dyad"]["b"]} == {"CHN", "JPN"}
    assert "ASSAULT" in meta["event_types"]


def test_openapi_docs_list_every_endpoint(client):
    assert client.get("/docs").status_code == 200
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/events", "/api/events/download", "/api/series", "/api/rankings/actors",
            "/api/rankings/dyads", "/api/places", "/api/documents/{doc_id}", "/api/code",
            "/api/meta"} <= paths


def test_events_are_records_newest_first(client):
    body = client.get("/api/events").json()
    assert body["total"] == len(body["events"])
    first = body["events"][0]
    assert {"id", "doc_id", "event", "actor", "recipient", "text_info", "quad_code"} <= set(first)
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)


def test_cursor_pages_cover_every_event_once(client):
    every = ids(client.get("/api/events"))
    seen, cursor = [], None
    while True:
        body = client.get("/api/events", params={"limit": 4, "cursor": cursor}).json()
        seen += [e["id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == every


@pytest.mark.parametrize("params, check", [
    ({"actor": "JPN"}, lambda e: "JPN" in codes(e["actor"])),
    ({"recipient": "chn"}, lambda e: "CHN" in codes(e["recipient"])),
    ({"party": "PRK"}, lambda e: "PRK" in codes(e["actor"]) | codes(e["recipient"])),
    ({"actor_sector": "GOV"}, lambda e: "GOV" in {p["sector"] for p in e["actor"]}),
    ({"actor_name": "takaichi"}, lambda e: any("Takaichi" in (p["name"] or "")
                                               for p in e["actor"])),
    ({"event": "ACCUSE,sanction"}, lambda e: e["event"] in ("ACCUSE", "SANCTION")),
    ({"quad": "3,4"}, lambda e: e["quad_code"] in (3, 4)),
    ({"start": "2026-02", "end": "2026-02-15"},
     lambda e: "2026-02-01" <= (e["date"] or "") <= "2026-02-15"),
    ({"place": "Beijing"}, lambda e: (e["event_loc"] or {}).get("name") == "Beijing"),
    ({"q": "SENKAKU"}, lambda e: "Senkaku" in e["text"]),
    ({"doc_id": "kr-jp-01"}, lambda e: e["doc_id"] == "kr-jp-01"),
    ({"context": "military"}, lambda e: "military" in e["context"]),
])
def test_filters_narrow_the_events(client, params, check):
    every = client.get("/api/events").json()["events"]
    found = client.get("/api/events", params=params).json()["events"]
    assert found, params
    assert all(check(e) for e in found)
    assert [e for e in every if check(e)] == found


def test_dyad_series_counts_both_directions_and_joint_acts(client):
    body = client.get("/api/series", params={"a": "JPN", "b": "CHN", "interval": "month"}).json()
    assert body["dyad"] == {"a": "JPN", "b": "CHN", "directed": False}
    rows = body["rows"]
    assert [r["period"] for r in rows] == sorted(r["period"] for r in rows)
    assert all(r["period"].endswith("-01") for r in rows)
    both = sum(r["events"] for r in rows)
    one_way = client.get("/api/series", params={"a": "CHN", "b": "JPN", "directed": True,
                                                "interval": "month"}).json()["rows"]
    assert 0 < sum(r["events"] for r in one_way) < both
    for r in rows:
        assert r["intensity_mean"] == pytest.approx(r["intensity_sum"] / r["events"], abs=1e-3)


def test_timeline_by_quad_adds_up_to_the_events(client):
    rows = client.get("/api/series", params={"interval": "week", "by": "quad"}).json()["rows"]
    assert {r["key"] for r in rows} <= {"1", "2", "3", "4"}
    assert sum(r["events"] for r in rows) == client.get("/api/meta").json()["events"]


def test_rankings(client):
    actors = client.get("/api/rankings/actors", params={"limit": 3}).json()["actors"]
    assert len(actors) == 3 and actors[0]["key"] in ("CHN", "JPN")
    assert actors[0]["events"] >= actors[1]["events"] >= actors[2]["events"]
    names = client.get("/api/rankings/actors", params={"by": "name"}).json()["actors"]
    assert "Sanae Takaichi" in {a["key"] for a in names}
    dyads = client.get("/api/rankings/dyads").json()["dyads"]
    assert (dyads[0]["a"], dyads[0]["b"]) == ("CHN", "JPN")
    assert dyads[0]["cooperation"] + dyads[0]["conflict"] == dyads[0]["events"]
    directed = client.get("/api/rankings/dyads", params={"directed": True}).json()["dyads"]
    assert {("JPN", "CHN"), ("CHN", "JPN")} <= {(d["a"], d["b"]) for d in directed}


def test_places(client):
    places = client.get("/api/places").json()["places"]
    assert "Beijing" in {p["name"] for p in places}
    assert all(p["lat"] is not None and p["lon"] is not None for p in places)
    assert client.get("/api/places", params={"actor": "PRK"}).json()["places"] == []


def test_document_with_events_quotes_and_actor_offsets(client):
    doc = client.get("/api/documents/jp-cn-02").json()
    assert doc["title"] == "Leaders meet in Beijing"
    text = doc["text"]
    for event in doc["events"]:
        span = event["text_info"]
        assert text[span["start"]:span["end"]] == event["text"]
    assert any(text[q["start"]:q["end"]].strip('"') in q["quote"] or
               q["quote"] in text[q["start"]:q["end"]] for q in doc["quotes"])
    takaichi = next(a for a in doc["actors"] if a["name"] == "Sanae Takaichi")
    assert "Takaichi" in text[slice(*takaichi["mentions"][0])]
    assert all(0 <= s < e <= len(text) for s, e in takaichi["mentions"])
    missing = client.get("/api/documents/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_code_pasted_text_without_storing_it(client):
    before = client.get("/api/meta").json()["events"]
    body = client.post("/api/code", json={
        "text": "China accused Japan of provocation on Monday.", "date": "2026-01-13",
        "doc_id": "mine"}).json()
    event = body["events"][0]
    assert (event["event"], event["doc_id"]) == ("ACCUSE", "mine")
    assert codes(event["actor"]) == {"CHN"} and codes(event["recipient"]) == {"JPN"}
    assert body["text"][event["text_info"]["start"]:event["text_info"]["end"]] == event["text"]
    assert client.get("/api/meta").json()["events"] == before


def test_downloads_follow_the_filters(client):
    import pyarrow.parquet as pq

    wanted = ids(client.get("/api/events", params={"actor": "JPN"}))
    csv_text = client.get("/api/events/download", params={"actor": "JPN"})
    assert csv_text.headers["content-type"].startswith("text/csv")
    lines = csv_text.text.splitlines()
    assert lines[0].startswith("id,doc_id,date")
    assert [line.split(",")[0] for line in lines[1:]] == wanted
    parquet = client.get("/api/events/download", params={"actor": "JPN", "format": "parquet"})
    assert pq.read_table(io.BytesIO(parquet.content)).column("id").to_pylist() == wanted


@pytest.mark.parametrize("path, parameter", [
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=100000", "limit"),
    ("/api/events?limit=abc", "limit"),
    ("/api/events?cursor=not-a-cursor", "cursor"),
    ("/api/events?quad=5", "quad"),
    ("/api/events?quad=x", "quad"),
    ("/api/events?event=WAR", "event"),
    ("/api/events?actor=JAPAN", "actor"),
    ("/api/events?start=2026-02-30", "start"),
    ("/api/events?start=yesterday", "start"),
    ("/api/events?start=2026-03&end=2026-01", "start"),
    ("/api/events/download?format=xlsx", "format"),
    ("/api/series?interval=hour", "interval"),
    ("/api/series?a=JPN", "b"),
    ("/api/series?a=JPN,CHN&b=KOR", "a"),
    ("/api/series?by=actor", "by"),
    ("/api/rankings/actors?by=sector", "by"),
    ("/api/rankings/dyads?directed=maybe", "directed"),
    ("/api/places?limit=-1", "limit"),
    ("/api/events?q=" + "x" * 600, "q"),
    ("/api/events?actor=J'P", "actor"),
])
def test_bad_parameters_are_400_with_a_clear_json_error(client, path, parameter):
    response = client.get(path)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "bad_parameter" and error["parameter"] == parameter
    assert error["message"]


def test_sql_in_values_is_only_a_value(client):
    hostile = "x' OR 1=1; DROP TABLE events; --"
    for name in ("q", "place", "actor_name", "doc_id"):
        assert client.get("/api/events", params={name: hostile}).json()["total"] == 0
    assert client.get("/api/meta").json()["events"] > 0


@pytest.mark.parametrize("body, status", [
    ({"text": ""}, 400),
    ({"text": "Japan met China.", "date": "13/01/2026"}, 400),
    ({"text": "Japan met China.", "doc_id": "../etc"}, 400),
    ({"texts": "Japan met China."}, 400),
])
def test_bad_code_requests(client, body, status):
    response = client.post("/api/code", json=body)
    assert response.status_code == status and "error" in response.json()


def test_malformed_json_is_400(client):
    response = client.post("/api/code", content=b"{not json",
                           headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_oversized_bodies_are_refused(local, corpus, coder):
    limits = Limits(max_body_bytes=2_000, max_code_chars=500)
    with local(create_app(corpus, coder=coder, limits=limits)) as small:
        big = small.post("/api/code", json={"text": "Japan met China. " * 200})
        assert big.status_code == 413 and big.json()["error"]["code"] == "body_too_large"

        def chunks():
            for _ in range(10):
                yield json.dumps({"text": "x" * 300}).encode()

        chunked = small.post("/api/code", content=chunks(),
                             headers={"content-type": "application/json"})
        assert chunked.status_code == 413
        long_text = small.post("/api/code", json={"text": "Japan met China. " * 40})
        assert long_text.status_code == 413 and long_text.json()["error"]["code"] == "too_large"


def test_download_row_limit(local, corpus, coder):
    with local(create_app(corpus, coder=coder, limits=Limits(max_download_rows=2))) as c:
        response = c.get("/api/events/download")
        assert response.status_code == 400 and "narrow" in response.json()["error"]["message"]


def test_token_is_needed_on_every_request(local, corpus, coder):
    with local(create_app(corpus, token="s3cret", coder=coder)) as guarded:
        for path in ("/api/events", "/api/meta", "/docs", "/openapi.json",
                     "/dashboard/index.html", "/"):
            response = guarded.get(path)
            assert response.status_code == 401, path
            assert response.json()["error"]["code"] == "unauthorized"
        assert guarded.post("/api/code", json={"text": "x"}).status_code == 401
        assert guarded.get("/api/events", headers={"Authorization": "Bearer nope"}
                           ).status_code == 401
        assert guarded.get("/api/health").status_code == 200
        assert guarded.get("/api/events", headers={"Authorization": "Bearer s3cret"}
                           ).status_code == 200
        page = guarded.get("/dashboard/index.html", params={"token": "s3cret"})
        assert page.status_code == 200 and "eventwire_token" in page.headers["set-cookie"]
        assert guarded.get("/api/events").status_code == 200  # the cookie now


def test_store_is_opened_read_only(client):
    con = client.app.state.ctx.cursor()
    with pytest.raises(Exception, match="read-only"):
        con.execute("DELETE FROM events")


def test_an_unexpected_failure_is_a_json_500(local, corpus, coder, monkeypatch):
    from eventwire.server import queries

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(queries, "places", broken)
    with local(create_app(corpus, coder=coder), raise_server_exceptions=False) as c:
        response = c.get("/api/places")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal"
    assert "fire" not in response.text
