"""Accessibility in a real browser: axe-core (the engine behind Lighthouse's accessibility
audit, bundled by the ``axe-playwright-python`` package, so nothing is downloaded) finds no
serious or critical WCAG 2.1 A/AA violation on any page, at desktop and at phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from app_page import AppPage
from streamlit_server import StreamlitServer

from softlse_app.common.navigation import PAGES

pytestmark = pytest.mark.e2e

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
PATHS = [
    "/",
    *(f"/{entry.url_path}" for entry in PAGES),
    "/lse_vs_max?view=sheet",
    "/sheet?reveal=all&pa1=sharper&pb1=0.07&pc2=abc",
]


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on ``page``, one line each."""
    page.evaluate(AXE_JS)
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return [
        f"{violation['impact']} {violation['id']}: {node['target']} — "
        f"{node.get('failureSummary', '').splitlines()[-1:]}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_serious_accessibility_violations_on_any_page(
    browser: Any, app_server: StreamlitServer, viewport: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        app = AppPage(context.new_page(), app_server.url)
        found: dict[str, list[str]] = {}
        for path in PATHS:
            app.open(path)
            app.assert_healthy()
            # the focusable-scroller script runs after layout: wait for it on wide boxes
            app.page.wait_for_function(
                "() => Array.from(document.querySelectorAll("
                "'.katex-display, [data-testid=\"stMarkdownContainer\"]:has(> table)'))"
                ".every(box => box.scrollWidth <= box.clientWidth + 1"
                " || box.getAttribute('tabindex') === '0')"
            )
            violations = serious_violations(app.page)
            if violations:
                found[path] = violations
        assert found == {}, found
    finally:
        context.close()
