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


#: Pages and views whose charts hold every kind of chart text: axes, second axes, colour bars
#: of a colour axis and of a trace, legends.
CHART_PATHS = {
    "/lse_vs_max?lam=1000&slice=true": 4,
    "/lse_vs_max?view=sheet": 9,
    "/softmax_grid": 2,
    "/vector_lab?section=Temperature+sweep": 1,
    "/sheet?reveal=all": 4,
}

#: Every text a chart draws around its plot area, with its computed fill (as the browser
#: paints it, after Streamlit's theme): axes' ticks and titles, colour bars, legends, titles.
#: Text drawn on the data (a text trace, an annotation) is left out: its background is the
#: data's colour, not the white paper.
CHART_TEXT_JS = """
() => Array.from(document.querySelectorAll('.js-plotly-plot .main-svg text'))
  .filter((t) => t.textContent.trim() && !t.closest('.textpoint, .annotation'))
  .map((t) => ({text: t.textContent, fill: getComputedStyle(t).fill,
                group: (t.closest('g[class]') || t).getAttribute('class')}))
"""


def contrast_on_white(fill: str) -> float:
    """WCAG 2.1 contrast ratio of the CSS colour ``rgb(r, g, b)`` on white."""
    channels = [int(c) / 255 for c in fill[fill.index("(") + 1 : fill.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_chart_text_reaches_aa_contrast(app: AppPage) -> None:
    """axe-core does not check SVG text, so the charts' text is checked here: every tick
    label, axis title, colour-bar title and legend entry is painted at 4.5:1 or more on the
    charts' white paper (Streamlit's plotly theme greys it to 3.7:1 unless the figure says
    otherwise)."""
    assert contrast_on_white("rgb(128, 132, 149)") == pytest.approx(3.7, abs=0.05)
    low: dict[str, set[str]] = {}
    for path, charts in CHART_PATHS.items():
        app.open(path, charts=charts)
        app.assert_healthy(charts=charts)
        texts = app.page.evaluate(CHART_TEXT_JS)
        groups = {t["group"] for t in texts}
        assert {"xtick", "ytick", "g-xtitle"} <= groups, (path, groups)
        for text in texts:
            if contrast_on_white(text["fill"]) < 4.5:
                low.setdefault(path, set()).add(f"{text['group']}: {text['fill']}")
    assert low == {}, low
