"""Which pages the app registers, for tests that need a particular page."""

from __future__ import annotations

import pytest

from softlse_app.common.navigation import PAGES, PageEntry

#: Plotly charts a page draws when opened without query parameters, where it is not one: the
#: exercise sheet draws a chart only with a revealed answer.
CHARTS_ON_OPEN: dict[str, int] = {"sheet": 0}


def charts_on_open(entry: PageEntry) -> int:
    """How many charts ``entry`` draws when opened without query parameters."""
    return CHARTS_ON_OPEN.get(entry.url_path, 1)


def registered_page(url_path: str) -> PageEntry:
    """The registry entry of ``url_path``; skips (with the reason printed) when the page is not
    in :data:`softlse_app.common.navigation.PAGES` yet."""
    for entry in PAGES:
        if entry.url_path == url_path:
            return entry
    pytest.skip(f"page /{url_path} is not registered in softlse_app.common.navigation.PAGES")
