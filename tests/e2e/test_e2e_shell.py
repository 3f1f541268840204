"""The app shell in a real browser: home page, sidebar navigation, every registered page by
deep link, and a deep link as the very first request to a fresh server."""

from __future__ import annotations

from typing import Any

import pytest
from app_page import AppPage
from page_registry import charts_on_open
from playwright.sync_api import expect
from streamlit_server import ROOT, StreamlitServer

from softlse_app.common.navigation import HOME, PAGES

pytestmark = pytest.mark.e2e

NAV_TITLES = [HOME.title, *(entry.title for entry in PAGES)]


def test_home_page_shows_formulas_and_links_every_page(app: AppPage) -> None:
    app.open("/")
    app.assert_healthy()
    assert app.nav_titles() == NAV_TITLES
    assert app.page.locator('[data-testid="stHeading"]').first.inner_text().startswith("softlse")
    assert app.page.locator(".katex").count() >= 2, "the lse/softmax formulas are not rendered"
    links = app.page.locator('[data-testid="stPageLink-NavLink"]')
    assert [link.get_attribute("href") for link in links.all()] == [
        entry.url_path for entry in PAGES
    ]
    app.screenshot("home")


def test_home_page_links_open_every_page(app: AppPage) -> None:
    app.open("/")
    for entry in PAGES:
        link = app.page.locator(f'[data-testid="stPageLink-NavLink"][href="{entry.url_path}"]')
        app.rerun(link.click, charts=charts_on_open(entry))
        app.expect_path(entry.url_path)
        app.assert_healthy(charts=charts_on_open(entry))
        app.click_nav(HOME.title)


def test_sidebar_navigation_walks_through_all_pages(app: AppPage) -> None:
    app.open("/")
    for entry in PAGES:
        app.click_nav(entry.title, charts=charts_on_open(entry))
        app.expect_path(entry.url_path)
        app.assert_healthy(charts=charts_on_open(entry))
    app.click_nav(HOME.title)
    app.expect_path("")
    app.assert_healthy()


def test_deep_link_as_first_request_to_a_fresh_server(browser: Any) -> None:
    """Streamlit runs a ``pages/`` folder next to the main script the legacy (v1) way until
    some session has executed ``st.navigation``: the first visitor of a fresh server who
    arrives by deep link gets the bare page script without app.py (no page config, a sidebar
    listing "app", and "Page not found" for URL paths that differ from file stems). The shared
    session server has already served "/", so this needs its own server."""
    # a page that draws a chart: waiting for it waits for the run through app.py
    entry = next(entry for entry in PAGES if charts_on_open(entry) > 0)
    with StreamlitServer(ROOT / "app.py") as server:
        context = browser.new_context()
        try:
            app = AppPage(context.new_page(), server.url)
            app.open(f"/{entry.url_path}", charts=1)
            app.assert_healthy(charts=1)
            assert app.nav_titles() == NAV_TITLES
        finally:
            context.close()


def test_an_address_no_page_has_is_named_on_the_home_page(app: AppPage) -> None:
    """Streamlit runs the home page for an unknown path and says only that the page "does not
    seem to exist"; the home page names the path asked for and where the pages are."""
    app.open("/nonexistent?lam=5")
    note = app.page.locator('[data-testid="stAlertContentInfo"]')
    expect(note).to_contain_text(
        "There is no page named nonexistent. This is the home page; the pages (Exercise "
        "sheet, LSE vs max, Softmax and one-hot, Vector lab) are linked under Pages below.",
        timeout=app.timeout_ms,
    )
    app.open("/")
    assert app.page.locator('[data-testid="stAlertContentInfo"]').count() == 0
