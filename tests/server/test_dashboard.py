"""The dashboard in headless Chromium: pages load cleanly, filters work, stories get coded,
events show the other reports of their cluster."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PAGES = [
    ("timeline", "#chart-timeline canvas"),
    ("dyad", "#chart-dyad canvas"),
    ("network", "#chart-network canvas"),
    ("map", "#chart-map canvas"),
    ("events", "#events-table tbody tr"),
    ("doc=jp-cn-01", "#doc-text mark.trigger"),
    ("code", "#code-text"),
]


@pytest.fixture
def page(browser, live_server):
    """Open a dashboard view and wait for ``selector``; fails on any console error."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get_log("browser")  # drop what earlier tests left

    def open_view(view: str, selector: str):
        browser.get(f"{live_server}/dashboard/index.html#{view}")
        browser.refresh()  # a new hash alone would not reload the page
        wait(selector)
        return browser

    def wait(selector: str, timeout: float = 20):
        return WebDriverWait(browser, timeout).until(
            ready.presence_of_element_located((By.CSS_SELECTOR, selector)))

    open_view.wait = wait
    yield open_view
    problems = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not problems, problems
    assert not browser.find_element(By.ID, "status").text


def series_total(browser, chart_id: str) -> int:
    """Sum of every data point the chart shows."""
    return browser.execute_script("""
        const option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
        return option.series.reduce((n, s) => n + s.data.reduce(
            (m, d) => m + Math.abs(typeof d === 'object' ? d.value : d), 0), 0);""", chart_id)


@pytest.mark.parametrize("view, selector", PAGES, ids=[p[0] for p in PAGES])
def test_every_page_loads_without_console_errors(page, view, selector):
    browser = page(view, selector)
    assert "eventwire" in browser.title
    assert "events" in browser.find_element("id", "corpus-info").text


def test_filters_change_the_timeline(page):
    from selenium.webdriver.support.ui import WebDriverWait

    browser = page("timeline", "#chart-timeline canvas")
    before = series_total(browser, "chart-timeline")
    browser.find_element("name", "actor").send_keys("PRK")
    WebDriverWait(browser, 10).until(lambda b: series_total(b, "chart-timeline") < before)
    assert series_total(browser, "chart-timeline") >= 1


def test_filters_change_the_table_and_rows_open_their_sentence(page):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser = page("events", "#events-table tbody tr")
    total = browser.find_element("id", "events-total").text
    Select(browser.find_element("name", "event")).select_by_visible_text("CONSULT")

    def filtered(b) -> bool:  # the count and the re-rendered rows both follow the filter
        rows = b.find_elements("css selector", "#events-table tbody tr")
        return (b.find_element("id", "events-total").text != total
                and bool(rows) and all("CONSULT" in row.text for row in rows))

    WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException,)).until(
        filtered)
    rows = browser.find_elements("css selector", "#events-table tbody tr")
    assert rows and all("CONSULT" in row.text for row in rows)
    assert "event=CONSULT" in browser.find_element("id", "download-csv").get_attribute("href")
    rows[0].click()
    detail = page.wait("#event-detail .event-card")
    assert detail.find_element("css selector", "mark.trigger").text == "met"
    assert detail.find_elements("css selector", "mark.actor")
    assert detail.find_elements("css selector", "mark.recipient")
    browser.find_element("css selector", "#filters button[type=reset]").click()
    WebDriverWait(browser, 10).until(lambda b: b.find_element("id", "events-total").text == total)


def test_dyad_view_starts_with_the_busiest_dyad(page):
    browser = page("dyad", "#chart-dyad canvas")
    pair = {browser.find_element("id", i).get_attribute("value") for i in ("dyad-a", "dyad-b")}
    assert pair == {"CHN", "JPN"}
    assert series_total(browser, "chart-dyad") > 0


def test_document_view_highlights_events_quotes_and_actors(page):
    browser = page("doc=jp-cn-02", "#doc-text mark.trigger")
    text = browser.find_element("id", "doc-text")
    assert "met" in [m.text for m in text.find_elements("css selector", "mark.trigger")]
    assert text.find_elements("css selector", "mark.quote")
    assert text.find_elements("css selector", "mark.mention")
    browser.find_element("css selector", ".doc-side .event-card").click()
    focused = page.wait("#doc-text mark.sentence")
    assert "Takaichi" in focused.text
    assert browser.find_elements("css selector", "#doc-text mark.actor")


def test_a_pasted_article_is_coded_and_highlighted(page):
    browser = page("code", "#code-text")
    browser.find_element("id", "code-text").send_keys(
        "China accused Japan of provocation on Monday. Japan rejected the charge.")
    browser.find_element("id", "code-submit").click()
    page.wait("#code-body mark.trigger", timeout=60)
    triggers = [m.text for m in browser.find_elements("css selector", "#code-body mark.trigger")]
    assert "accused" in triggers
    cards = browser.find_elements("css selector", "#code-body .event-card")
    assert any("ACCUSE" in card.text and "China" in card.text for card in cards)


HOSTILE = '<img src=x onerror="window.pwned=1">'


@pytest.fixture(scope="module")
def hostile_server(corpus, coder, tmp_path_factory, serving):
    """The corpus with markup for every place name and actor name, served."""
    import shutil

    import duckdb

    from eventwire.server import create_app

    path = tmp_path_factory.mktemp("hostile") / "corpus.duckdb"
    shutil.copy(corpus, path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE events SET event_loc = struct_update(event_loc, name := ?) "
                "WHERE event_loc IS NOT NULL", [HOSTILE])
    con.execute("UPDATE events SET actor = list_transform(actor, lambda x: "
                "struct_update(x, name := ?))", [HOSTILE])
    con.close()
    with serving(create_app(path, coder=coder)) as url:
        yield url


def test_markup_in_place_and_actor_names_shows_as_text(browser, hostile_server):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{hostile_server}/dashboard/index.html#map")
    browser.refresh()
    WebDriverWait(browser, 20).until(lambda b: b.execute_script(
        "const el = document.getElementById('chart-map'); const c = echarts.getInstanceByDom(el);"
        "return c && c.getOption().series[0].data.length > 0;"))
    shown = browser.execute_script("""
        const c = echarts.getInstanceByDom(document.getElementById('chart-map'));
        c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
        const tip = [...document.querySelectorAll('#chart-map div')]
            .find((d) => d.textContent.includes('onerror'));
        return tip ? [tip.textContent, tip.querySelectorAll('img').length] : null;""")
    assert shown is not None, "the map tooltip did not show"
    assert HOSTILE in shown[0] and shown[1] == 0

    browser.get(f"{hostile_server}/dashboard/index.html#events")
    browser.refresh()
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(
        "css selector", "#events-table tbody tr"))
    browser.find_elements("css selector", "#events-table tbody tr")[0].click()
    card = WebDriverWait(browser, 10).until(lambda b: b.find_elements(
        "css selector", "#event-detail .event-card"))[0]
    assert HOSTILE in card.text
    assert not browser.find_elements("css selector", "#events-table img, #event-detail img")
    assert browser.execute_script("return window.pwned") is None


@pytest.mark.parametrize("page, selector", [("/docs", ".swagger-ui .info .title"),
                                            ("/redoc", ".api-info h1")])
def test_api_docs_render_from_packaged_files_only(browser, live_server, page, selector):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get_log("browser")
    browser.get(f"{live_server}{page}")
    title = WebDriverWait(browser, 30).until(
        ready.presence_of_element_located((By.CSS_SELECTOR, selector)))
    assert "eventwire" in title.text
    fetched = browser.execute_script(
        "return performance.getEntriesByType('resource').map((e) => e.name);")
    assert any(url.startswith(f"{live_server}/dashboard/vendor/") for url in fetched), fetched
    refused = "\n".join(e["message"] for e in browser.get_log("browser")
                        if "has been blocked" in e["message"])
    for url in fetched:  # ReDoc asks a CDN for its logo: the page's policy refuses it
        assert url.startswith(live_server) or f"{url}' violates" in refused, url


@pytest.fixture(scope="module")
def linked_server(linked, coder, serving):
    from eventwire.server import create_app

    with serving(create_app(linked, coder=coder)) as url:
        yield url


def open_linked(browser, url: str, view: str, selector: str):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get_log("browser")
    browser.get(f"{url}/dashboard/index.html#{view}")
    browser.refresh()
    return WebDriverWait(browser, 20).until(
        lambda b: b.find_elements("css selector", selector))


def test_an_event_shows_the_other_reports_of_its_cluster(browser, linked_server):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import Select, WebDriverWait

    open_linked(browser, linked_server, "events", "#events-table tbody tr")
    Select(browser.find_element("name", "event")).select_by_visible_text("ACCUSE")
    browser.find_element("name", "q").send_keys("provocation")

    def one_row(b):
        rows = b.find_elements("css selector", "#events-table tbody tr")
        return rows[0] if len(rows) == 1 and "ACCUSE" in rows[0].text else None

    row = WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException,)
                        ).until(one_row)
    row.click()
    reports = WebDriverWait(browser, 20).until(lambda b: b.find_elements(
        "css selector", "#event-detail .cluster .report"))
    assert "source" in browser.find_element("css selector", "#event-detail .cluster .meta").text
    text = " ".join(r.text for r in reports)
    assert "kyodonews.net" in text or "english.news.cn" in text
    links = [a.get_attribute("href") for r in reports
             for a in r.find_elements("css selector", "a")]
    assert any(link.endswith("#doc=jp-cn-03") or link.endswith("#doc=jp-cn-01")
               for link in links)
    problems = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not problems, problems


def test_the_timeline_counts_clusters_until_told_to_count_reports(browser, linked_server):
    from selenium.webdriver.support.ui import Select, WebDriverWait

    open_linked(browser, linked_server, "timeline", "#chart-timeline canvas")
    WebDriverWait(browser, 20).until(lambda b: series_total(b, "chart-timeline") > 0)
    clusters = series_total(browser, "chart-timeline")
    Select(browser.find_element("name", "count")).select_by_value("reports")
    WebDriverWait(browser, 20).until(lambda b: series_total(b, "chart-timeline") > clusters)
    assert not browser.find_element("id", "status").text


def test_an_event_chosen_in_a_document_shows_its_cluster(browser, linked_server):
    from selenium.webdriver.support.ui import WebDriverWait

    open_linked(browser, linked_server, "doc=jp-cn-01", ".doc-side .event-card")
    card = next(c for c in browser.find_elements("css selector", ".doc-side .event-card")
                if "ACCUSE" in c.text and "provocation" in c.text)
    card.click()
    reports = WebDriverWait(browser, 20).until(lambda b: b.find_elements(
        "css selector", ".doc-side .cluster .report"))
    links = [a.get_attribute("href") for r in reports
             for a in r.find_elements("css selector", "a")]
    assert any(link.endswith("#doc=jp-cn-03") for link in links)
    assert "english.news.cn" in " ".join(r.text for r in reports)
    problems = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not problems, problems
