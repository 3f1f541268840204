"""Fixtures for the real-browser tests: one ``streamlit run app.py`` server and one Chromium
for the whole session, a fresh browser context (a fresh Streamlit session) per test.

Without a Chromium (or without the ``playwright`` package) these tests skip with the reason
printed in pytest's summary; when the environment variable ``CI`` is set they fail instead,
so CI can never pass without having run them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # softlse_app, for bare `pytest`
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared test modules

from app_page import ARTIFACTS, AppPage
from streamlit_server import CHROMIUM_ARGS, ROOT, StreamlitServer, find_chromium

VIEWPORT = {"width": 1400, "height": 900}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so the browser tests must run, but: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    """Keep each phase's report on the item, so fixtures can see whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (never Playwright's own download)."""
    executable = find_chromium()
    if executable is None:
        _unavailable(
            "no Chromium found (looked for $SOFTLSE_CHROMIUM, /usr/bin/chromium, chromium, "
            "chromium-browser); install it with `apt-get install chromium`"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing: pip install -r requirements-dev.txt")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """One context for the session, so the app's scripts (plotly.js is ~4 MB) are fetched and
    compiled once; every test still opens its own tab, i.e. its own Streamlit session."""
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


@pytest.fixture(scope="session")
def app_server(browser: Any) -> Iterator[StreamlitServer]:
    """``streamlit run app.py`` on a free loopback port for the whole session."""
    with StreamlitServer(ROOT / "app.py") as server:
        yield server


@pytest.fixture
def app(
    browser_context: Any, app_server: StreamlitServer, request: pytest.FixtureRequest
) -> Iterator[AppPage]:
    """A new tab (and so a new Streamlit session) on the app; on failure its screenshot goes to
    ``test-artifacts/failures/``."""
    page = AppPage(browser_context.new_page(), app_server.url)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        target = ARTIFACTS / "failures" / f"{request.node.name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.page.screenshot(path=str(target), full_page=True)
        except Exception as error:
            print(f"could not save failure screenshot: {error}")
    page.page.close()
