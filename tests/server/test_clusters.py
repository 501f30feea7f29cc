"""Clusters, panels and cluster counts in the API, over the coded stories with reports linked
by hand (an UPDATE, as linking would set them) and URLs of two outlets."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from eventwire.panel import PanelSpec, panel_reader
from eventwire.server.clusters import outlet

pytestmark = pytest.mark.model

@pytest.fixture(scope="module")
def api(linked, coder, local):
    from eventwire.server import Limits, create_app

    with local(create_app(linked, coder=coder, limits=Limits(max_panel_rows=2_000))) as opened:
        yield opened


def test_a_linked_cluster_counts_its_reports_documents_and_outlets(api, linked):
    with duckdb.connect(str(linked), read_only=True) as con:
        members = con.execute("SELECT id, doc_id, date FROM events "
                              "WHERE cluster_id = 'accusations' ORDER BY date, id").fetchall()
        clusters = con.execute("SELECT count(DISTINCT coalesce(cluster_id, id)) FROM events"
                               ).fetchall()[0][0]
    body = api.get("/api/clusters", params={"event": "ACCUSE", "limit": 100}).json()
    found = {c["cluster_id"]: c for c in body["clusters"]}
    accusations = found["accusations"]
    assert accusations["n_mentions"] == len(members)
    assert accusations["n_documents"] == 2 and accusations["n_sources"] == 2
    assert accusations["doc_ids"] == ["jp-cn-01", "jp-cn-03"]
    assert accusations["date"] == members[0][2] and accusations["event"] == "ACCUSE"
    assert api.get("/api/clusters").json()["total"] == clusters

    detail = api.get("/api/clusters/accusations").json()
    assert [r["id"] for r in detail["reports"]] == [m[0] for m in members]
    outlets = {r["doc_id"]: r["outlet"] for r in detail["reports"]}
    assert outlets == {"jp-cn-01": "kyodonews.net", "jp-cn-03": "english.news.cn"}
    first = detail["reports"][0]
    assert first["url"].startswith("https://www.kyodonews.net/")
    assert first["title"] and "protest" in first["sentence"]


def test_an_unlinked_event_is_a_cluster_of_its_own(api):
    event = api.get("/api/events", params={"event": "CONSULT", "limit": 1}).json()["events"][0]
    detail = api.get(f"/api/clusters/{event['id']}").json()
    assert detail["n_mentions"] == 1 and [r["id"] for r in detail["reports"]] == [event["id"]]
    assert api.get("/api/clusters/no-such-cluster").status_code == 404


def test_cluster_pages_follow_their_cursor_to_every_cluster_once(api):
    total = api.get("/api/clusters").json()["total"]
    seen, cursor = [], None
    while True:
        page = api.get("/api/clusters", params={"limit": 4, "cursor": cursor}).json()
        seen += [c["cluster_id"] for c in page["clusters"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == total
    dates = [c["date"] or "" for c in api.get("/api/clusters", params={"limit": 500})
             .json()["clusters"]]
    assert dates == sorted(dates, reverse=True)


def test_outlets_come_from_the_outlet_column_else_the_url(linked, tmp_path):
    path = tmp_path / "outlets.duckdb"
    shutil.copy(linked, path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE documents SET outlet = NULL")  # a store from before outlets
        sql = f"SELECT d.doc_id, {outlet(con)} FROM documents d ORDER BY d.doc_id"
        by_url = dict(con.execute(sql).fetchall())
        con.execute("UPDATE documents SET outlet = 'Kyodo' WHERE doc_id = 'jp-cn-01'")
        by_column = dict(con.execute(f"SELECT d.doc_id, {outlet(con)} FROM documents d")
                         .fetchall())
    assert by_url["jp-cn-02"] == "kyodonews.net" and by_url["kr-jp-01"] is None
    assert by_column == {**by_url, "jp-cn-01": "Kyodo"}


def test_series_and_rankings_count_clusters_by_default_and_reports_on_request(api, linked):
    with duckdb.connect(str(linked), read_only=True) as con:
        extra = con.execute("SELECT count(*) - 1 FROM events WHERE cluster_id = 'accusations'"
                            ).fetchall()[0][0]
    params = {"interval": "year", "event": "ACCUSE"}
    clusters = api.get("/api/series", params=params).json()
    reports = api.get("/api/series", params={**params, "count": "reports"}).json()
    assert clusters["count"] == "clusters" and reports["count"] == "reports"
    assert (sum(r["events"] for r in reports["rows"])
            - sum(r["events"] for r in clusters["rows"])) == extra
    dyads = {(d["a"], d["b"]): d["events"] for d in api.get(
        "/api/rankings/dyads", params={"event": "ACCUSE"}).json()["dyads"]}
    dyad_reports = {(d["a"], d["b"]): d["events"] for d in api.get(
        "/api/rankings/dyads", params={"event": "ACCUSE", "count": "reports"}).json()["dyads"]}
    assert dyads[("CHN", "JPN")] < dyad_reports[("CHN", "JPN")]
    actors, actor_reports = ({a["key"]: a["events"] for a in api.get(
        "/api/rankings/actors", params={"event": "ACCUSE", "count": count}).json()["actors"]}
        for count in ("clusters", "reports"))
    assert actors["JPN"] < actor_reports["JPN"]


def test_the_panel_endpoint_gives_the_command_s_rows(api, linked):
    body = api.get("/api/panel", params={"by": "week", "unit": "dyad",
                                         "directed": True}).json()
    with duckdb.connect(str(linked), read_only=True) as con:
        expected = panel_reader(con, PanelSpec(by="week", unit="dyad", directed=True)
                                ).read_all().to_pylist()
    assert [r["total"] for r in body["rows"]] == [r["total"] for r in expected]
    assert [(r["a"], r["b"], r["period"]) for r in body["rows"]] == [
        (r["a"], r["b"], r["period"].isoformat()) for r in expected]
    assert sum(r["total"] for r in body["rows"]) == body["counted"]


@pytest.mark.parametrize("params, parameter", [
    ({"by": "day", "start": "2020-01-01"}, "by"),
    ({"unit": "actor", "directed": True}, "directed"),
    ({"start": "2026-13"}, "start"),
    ({"start": "2026-02", "end": "2026-01-31"}, "start"),
    ({"count": "mentions"}, "count"),
])
def test_panel_requests_too_large_or_wrong_are_400(api, params, parameter):
    response = api.get("/api/panel", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["parameter"] == parameter


def test_the_new_endpoints_are_in_the_api_docs(api):
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/api/clusters", "/api/clusters/{cluster_id}", "/api/panel"):
        assert paths[path]["get"]["summary"]
