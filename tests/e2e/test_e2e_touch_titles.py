"""Chart titles on a touch phone (390 × 844, touch, no hover): plotly keeps its mode bar
shown all the time there, and in a narrow chart — the softmax page's columns, about 220 px
each — its icons covered the title, the one label that says which λ a column shows. Every
chart title must be clear of every visible toolbar button; with a mouse, the bar still
appears on hover."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from app_page import AppPage
from page_registry import registered_page

pytestmark = pytest.mark.e2e

TOUCH_PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}

#: Per chart: its key, its title's text, how many mode-bar and Streamlit toolbar buttons are
#: visible, and how many of those overlap the title.
TITLES_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]')).map((chart) => {
  const shown = (e) => { const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0.05
           && r.width > 0 && r.height > 0; };
  const title = chart.querySelector('.g-gtitle text');
  const box = title ? title.getBoundingClientRect() : null;
  const buttons = [...chart.querySelectorAll('.modebar-btn'),
                   ...(chart.closest('[data-testid="stElementContainer"]') || chart)
                      .querySelectorAll('[data-testid="stElementToolbar"] button')].filter(shown);
  const covers = (r) => box && r.left < box.right && r.right > box.left
                        && r.top < box.bottom && r.bottom > box.top;
  return {
    key: (chart.closest('[class*="st-key-"]').className.match(/st-key-(\\S+)/) || [])[1],
    title: title ? title.textContent : '',
    buttons: buttons.length,
    covering: buttons.filter((b) => covers(b.getBoundingClientRect())).length,
  };
})
"""


@pytest.fixture
def touch_phone(browser: Any, app_server: Any) -> Iterator[AppPage]:
    """A tab on the app as a phone with a touch screen sees it (its own Streamlit session)."""
    context = browser.new_context(**TOUCH_PHONE)
    page = AppPage(context.new_page(), app_server.url)
    yield page
    context.close()


@pytest.mark.parametrize(
    ("path", "charts", "titles"),
    [
        ("/softmax_grid", 5, ["λ = 1", "λ = 10", "λ = 100"]),
        ("/lse_vs_max?lam=1000", 3, ["lse((x, y), λ = 1000)", "gap lse − max, λ = 1000"]),
    ],
)
def test_no_toolbar_covers_a_chart_title_on_a_touch_phone(
    path: str, charts: int, titles: list[str], touch_phone: AppPage
) -> None:
    registered_page(path.split("?")[0].strip("/"))
    assert touch_phone.page.evaluate("() => matchMedia('(hover: none)').matches")
    touch_phone.open(path, charts=charts)
    touch_phone.page.locator('[data-testid="stPlotlyChart"]').first.tap()  # a touch on a chart
    shown = touch_phone.page.evaluate(TITLES_JS)
    assert [c["title"] for c in shown if c["title"] in titles] == titles
    covered = [(c["key"], c["title"]) for c in shown if c["covering"]]
    assert covered == [], f"toolbar buttons over these titles: {covered}"
    touch_phone.assert_healthy(charts=charts)


def test_the_mode_bar_still_appears_on_hover_with_a_mouse(app: AppPage) -> None:
    registered_page("softmax_grid")
    app.open("/softmax_grid", charts=5)
    chart = app.page.locator('[data-testid="stPlotlyChart"]').first
    chart.hover()
    # plotly fades the bar in on hover: wait until its buttons are drawn and opaque
    app.page.wait_for_function(
        """() => {
          const chart = document.querySelector('[data-testid="stPlotlyChart"]');
          const shown = [...chart.querySelectorAll('.modebar-btn')].filter((b) => {
            const r = b.getBoundingClientRect();
            return r.width > 0 && parseFloat(getComputedStyle(b.closest('.modebar')).opacity) > 0.9;
          });
          return shown.length >= 4;
        }"""
    )
