"""A prediction typed on the sheet without Enter, then a click on another page in the sidebar:
the student lands on that page and stays there, and the prediction is still in its box when
they come back to the sheet (softlse_app.common.commit_before_navigation).

The box commits its text when it loses focus, and Streamlit's frontend sends that commit a
moment after the click's page change: without the app's script the server ran the sheet
again after the other page, which showed for a moment before the sheet came back.
Playwright's click presses and releases at once, which is when the commit came second every
time. The script holds the click until the commit's run has ended: the last tests serve the
app so that every run starts a second after its first message (tests/e2e/slow_start_app.py),
where a click let go at that first message lost the prediction every time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_page import AppPage
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

#: How long the address bar and the title are watched after the page has settled: a page
#: brought back by a late message changes them well within this (about 0.2 s in the report).
WATCH_MS = 1500

#: ``({path, title}) => bool``, polled through the watch: true as soon as the address bar's
#: path or the page's title is no longer ``path``/``title`` (the page left).
LEFT_PAGE_JS = """
({path, title}) => {
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return location.pathname !== path || !h1 || h1.textContent.trim() !== title;
}
"""


def _type_without_enter(app: AppPage, key: str, text: str) -> None:
    box = app.page.locator(f".st-key-{key} input")
    box.click()
    box.fill(text)


def _active_nav_title(app: AppPage) -> str:
    link = app.page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]')
    return link.locator('[data-testid="stMarkdownContainer"]').inner_text().strip()


def _expect_on_page(app: AppPage, url_path: str, title: str, *, charts: int) -> None:
    """The page ``url_path`` titled ``title`` has run, is drawn and idle, and stays: its path
    and title do not change for :data:`WATCH_MS` after that."""
    app.expect_path(url_path)
    main = app.page.locator('[data-testid="stMain"]')
    expect(main.locator("h1").first).to_have_text(title, timeout=app.timeout_ms)
    app.wait_settled(charts=charts)
    try:
        app.page.wait_for_function(
            LEFT_PAGE_JS,
            arg={"path": f"/{url_path}", "title": title},
            polling=50,
            timeout=WATCH_MS,
        )
    except PlaywrightTimeoutError:
        pass  # stayed on the page for the whole watch: what the test wants
    else:
        raise AssertionError(
            f"left /{url_path} after it had settled: now at {app.page.url}, "
            f"title {main.locator('h1').first.inner_text()!r}"
        )
    app.wait_settled(charts=charts)
    app.expect_path(url_path)
    expect(main.locator("h1").first).to_have_text(title, timeout=app.timeout_ms)


@pytest.mark.parametrize(
    ("title", "url_path", "charts"),
    [("Vector lab", "vector_lab", 1), ("LSE vs max", "lse_vs_max", 1)],
)
def test_prediction_typed_without_enter_then_sidebar_click_lands_and_is_kept(
    app: AppPage, title: str, url_path: str, charts: int
) -> None:
    app.open("/sheet")
    _type_without_enter(app, "pb1", "0.05")
    before = app.finished_runs()
    app.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text=title).click()
    app.wait_settled(after=before)
    _expect_on_page(app, url_path, title, charts=charts)
    assert _active_nav_title(app) == title
    app.assert_healthy(charts=charts)

    app.click_nav("Exercise sheet")
    _expect_on_page(app, "sheet", "Exercise sheet 7: predict, then reveal", charts=0)
    app.expect_input_value("pb1", "0.05")
    app.expect_query("pb1", "0.05")
    app.assert_healthy()


# -- a loaded server ------------------------------------------------------------------------

#: The app served so that each run waits a second after its first message before it takes the
#: browser's values: what a busy machine does now and then (tests/e2e/slow_start_app.py).
SLOW_START_APP = Path(__file__).resolve().parent / "slow_start_app.py"


@pytest.fixture(scope="module")
def slow_start_app(browser_context: Any) -> Iterator[AppPage]:
    with StreamlitServer(SLOW_START_APP) as server:
        app = AppPage(browser_context.new_page(), server.url)
        yield app
        app.page.close()


@pytest.mark.parametrize("press", ["click", "slow press"])
def test_prediction_typed_then_sidebar_click_is_kept_when_the_server_is_slow(
    slow_start_app: AppPage, press: str
) -> None:
    """The click is held until the run that takes the typed prediction has ended. Released at
    that run's first message, the page change reached a slow server before the run had taken
    the prediction and stopped it there: the prediction was gone on coming back. A slow press
    (the box's text has left before the button comes up) is held the same way."""
    app = slow_start_app
    app.open("/sheet")
    text = {"click": "0.05", "slow press": "1/4"}[press]
    _type_without_enter(app, "pb1", text)
    before = app.finished_runs()
    link = app.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Vector lab")
    if press == "click":
        link.click()
    else:
        box = link.bounding_box()
        assert box is not None
        app.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        app.page.mouse.down()
        app.expect_query("pb1", text)  # the box has committed: Streamlit writes it at once
        app.page.mouse.up()
    app.wait_settled(after=before)
    _expect_on_page(app, "vector_lab", "Vector lab", charts=1)

    app.click_nav("Exercise sheet")
    _expect_on_page(app, "sheet", "Exercise sheet 7: predict, then reveal", charts=0)
    app.expect_input_value("pb1", text)
    app.expect_query("pb1", text)
    app.assert_healthy()
