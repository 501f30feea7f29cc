"""The dashboard in headless Chromium: pages load cleanly, filters work, stories get coded."""

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
