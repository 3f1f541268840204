"""The app with no internet at all: every request a tour of the pages makes goes to the app's
own server (no remote icons, fonts or scripts), and the browser tab shows the app's own icon."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from app_page import AppPage
from streamlit_server import StreamlitServer

from softlse_app.common.navigation import HOME, PAGES

pytestmark = pytest.mark.e2e


def test_every_page_works_offline_with_a_local_favicon(
    browser: Any, app_server: StreamlitServer
) -> None:
    own = urlsplit(app_server.url).netloc
    elsewhere: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def only_own_server(route: Any) -> None:
        # the machine is offline: anything for another host is refused, and remembered
        if urlsplit(route.request.url).netloc in (own, ""):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_own_server)
    try:
        app = AppPage(context.new_page(), app_server.url)
        for entry in (HOME, *PAGES):
            path = "/" if entry is HOME else f"/{entry.url_path}"
            app.open(path)
            app.assert_healthy()
            icon = app.page.locator('link[rel~="icon"]').first
            href = icon.get_attribute("href") or ""
            assert urlsplit(href).netloc in ("", own), f"favicon from elsewhere: {href}"
            # in the page itself: a file icon would be fetched again at every address change
            assert href.startswith("data:image/png;base64,"), f"{path}: favicon {href[:60]}"
            loaded = app.page.evaluate(
                """async (href) => {
                    const response = await fetch(href);
                    const type = response.headers.get('content-type') || '';
                    return [response.status, type];
                }""",
                href,
            )
            assert loaded[0] == 200, f"{path}: favicon {href} answered {loaded[0]}"
            assert loaded[1].startswith("image/"), f"{path}: favicon {href} is {loaded[1]}"
        assert elsewhere == [], f"requests for other hosts: {sorted(set(elsewhere))}"
    finally:
        context.close()
