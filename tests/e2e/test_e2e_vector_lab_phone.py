""" "Vector lab" on a 390 × 844 phone screen in a real browser: every plot area at least 150 px
wide, no chart text (titles, labels, legend entries, tick labels, corner names) overlapping
another (a tick label neither) or cut off at the chart's edge, equations that fit the width,
a page that never scrolls sideways (a wide table scrolls inside its own box), and the
simplex's current point inside the picture."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from app_page import AppPage
from page_registry import registered_page
from scipy.special import softmax
from streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}

#: Smallest width of a plot area (the axes' drawing area, or the triangle) on a phone.
MIN_PLOT_WIDTH = 150

#: Per chart on the page: the widths of its plot areas (each cartesian x axis, each ternary
#: triangle), its texts' boxes (annotations, legend entries, axis titles, tick labels, text
#: points) grouped so that texts of one group must not overlap, and the chart's own box.
CHART_LAYOUT_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]')).map((chart) => {
  const gd = chart.querySelector('.js-plotly-plot');
  const fl = gd._fullLayout;
  const widths = [];
  for (const [name, axis] of Object.entries(fl)) {
    if (/^xaxis\\d*$/.test(name) && axis && axis._length) widths.push([name, axis._length]);
  }
  for (const [name, sub] of Object.entries(fl)) {
    if (/^ternary\\d*$/.test(name) && sub && sub._subplot) widths.push([name, sub._subplot.w]);
  }
  const box = (e) => { const r = e.getBoundingClientRect();
                       return [e.textContent.trim(), r.left, r.top, r.right, r.bottom]; };
  const visible = (e) => { const r = e.getBoundingClientRect();
                           return r.width > 0 && r.height > 0 && e.textContent.trim(); };
  const group = (selector) => Array.from(gd.querySelectorAll(selector)).filter(visible).map(box);
  const ticks = {};
  for (const axis of gd.querySelectorAll('.xaxislayer-above, .yaxislayer-above')) {
    for (const t of axis.querySelectorAll('.xtick text, .ytick text')) {
      if (!visible(t)) continue;
      const key = t.closest('g[class*="tick"]').parentNode.getAttribute('class')
                  + ':' + axis.getAttribute('class');
      const turned = /rotate\\((?!0[,)])/.test(t.getAttribute('transform') || '');
      (ticks[key] ??= []).push([...box(t), turned]);
    }
  }
  const r = gd.getBoundingClientRect();
  return {
    key: (chart.closest('[class*="st-key-"]').className.match(/st-key-(\\S+)/) || [])[1],
    widths,
    labels: [...group('.annotation-text'), ...group('.legend .traces'), ...group('.g-xtitle'),
             ...group('.g-ytitle'), ...group('.textpoint text'), ...group('.g-gtitle')],
    ticks: Object.values(ticks),
    chart: [r.left, r.top, r.right, r.bottom],
  };
})
"""

PAGE_FITS_JS = """
() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const style = getComputedStyle(main), box = main.getBoundingClientRect();
  const left = box.left + parseFloat(style.paddingLeft);
  const right = box.right - parseFloat(style.paddingRight);
  return {
    page: [document.documentElement.scrollWidth, window.innerWidth],
    column: [left, right],
    equations: Array.from(document.querySelectorAll('.katex-display > .katex')).map((e) => {
      const r = e.getBoundingClientRect();
      return [e.textContent.slice(0, 40), r.left, r.right];
    }),
    tables: Array.from(document.querySelectorAll(
      '[data-testid="stMarkdownContainer"]:has(> table)')).map((box) => {
        const r = box.getBoundingClientRect();
        const style = getComputedStyle(box);
        return [r.left, r.right, style.overflowX,
                style.backgroundImage.includes('radial-gradient')];
      }),
  };
}
"""


def overlaps(a: list[Any], b: list[Any], slack: float = 1.0) -> bool:
    """Whether two boxes [text, left, top, right, bottom, …] overlap by more than ``slack``
    px."""
    return min(a[3], b[3]) - max(a[1], b[1]) > slack and min(a[4], b[4]) - max(a[2], b[2]) > slack


def check_charts(app: AppPage, expected_keys: set[str]) -> None:
    """Every chart: plot areas ≥ MIN_PLOT_WIDTH, no two texts overlapping, none outside."""
    charts = app.page.evaluate(CHART_LAYOUT_JS)
    assert {chart["key"] for chart in charts} == expected_keys
    for chart in charts:
        assert chart["widths"], chart
        for name, width in chart["widths"]:
            assert width >= MIN_PLOT_WIDTH, (chart["key"], name, width)
        left, _, right, _ = chart["chart"]
        labels = chart["labels"]
        for label in labels:
            assert left - 1 <= label[1], (chart["key"], label, left)
            assert label[3] <= right + 1, (chart["key"], label, right)
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                assert not overlaps(a, b), (chart["key"], a, b)
        for axis_ticks in chart["ticks"]:
            for i, a in enumerate(axis_ticks):
                for b in axis_ticks[i + 1 :]:
                    # slanted labels' upright bounding boxes overlap by construction (plotly
                    # slants them so that the glyphs clear each other): upright ones only
                    if not (a[5] or b[5]):
                        assert not overlaps(a, b), (chart["key"], a, b)
            # tick labels turned sideways must push the axis title and the legend down
            for tick in axis_ticks:
                for label in labels:
                    assert not overlaps(tick, label), (chart["key"], tick, label)


def check_page_fits(app: AppPage) -> None:
    """No sideways scrolling of the page; every equation inside the page's column (nothing
    hidden in a scroll box); every table's box inside the column, scrolling sideways itself
    when the table is wider."""
    fits = app.page.evaluate(PAGE_FITS_JS)
    scroll_width, viewport = fits["page"]
    assert scroll_width <= viewport, fits["page"]
    left, right = fits["column"]
    for text, eq_left, eq_right in fits["equations"]:
        assert left - 1 <= eq_left, (text, eq_left, left)
        assert eq_right <= right + 1, (text, eq_right, right)
    for box_left, box_right, overflow, edge_shadows in fits["tables"]:
        assert left - 1 <= box_left, (box_left, left)
        assert box_right <= right + 1, (box_right, right)
        assert overflow == "auto"
        assert edge_shadows  # the edge where more of the table is hidden is shaded


@pytest.fixture
def phone(browser: Any, app_server: StreamlitServer) -> Iterator[AppPage]:
    """A tab on the app in a phone-sized context of its own (a new Streamlit session)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, has_touch=True)
    try:
        yield AppPage(context.new_page(), app_server.url)
    finally:
        context.close()


@pytest.mark.parametrize(
    ("query", "charts", "drawn"),
    [
        ("v=1,2,3&lam=10&c=5&a=-2&proof=true", {"bars"}, ".katex-display"),
        # 200 entries: the bars show the ten largest, σ200 … σ191, labels turned sideways
        pytest.param(
            f"v={','.join(map(str, range(200)))}&lam=1",
            {"bars"},
            ".st-key-bars .main-svg",
            id="200 entries",
        ),
        ("v=1,2,3&lam=100&section=lse+vs+max", set(), ".katex-display"),
        ("v=3,3,1&lam=-10&section=Temperature+sweep", {"sweep"}, ".st-key-sweep .main-svg"),
        ("v=1,2,3&lam=10&section=Simplex", {"simplex"}, ".st-key-simplex .main-svg"),
        ("v=1,2,3&lam=0.01&section=Simplex", {"simplex"}, ".st-key-simplex .main-svg"),
        ("v=10,20,30&lam=100&section=Stable+vs+textbook", set(), "table"),
    ],
)
def test_every_tab_fits_a_phone(phone: AppPage, query: str, charts: set[str], drawn: str) -> None:
    registered_page("vector_lab")
    phone.open(f"/vector_lab?{query}", charts=len(charts), chart=next(iter(charts), None))
    phone.page.locator(drawn).first.wait_for()  # the open tab's content, not just an idle page
    phone.wait_settled(charts=len(charts))
    phone.assert_healthy(charts=len(charts))
    check_page_fits(phone)
    if drawn == "table":  # the table check above must have had a table to check
        assert phone.page.evaluate(PAGE_FITS_JS)["tables"]
    if charts:
        check_charts(phone, charts)


def test_sweep_for_negative_lambda_stacks_its_panels_full_width(phone: AppPage) -> None:
    registered_page("vector_lab")
    phone.open("/vector_lab?v=3,3,1&lam=-10&section=Temperature+sweep", chart="sweep")
    (chart,) = phone.page.evaluate(CHART_LAYOUT_JS)
    widths = dict(chart["widths"])
    assert set(widths) == {"xaxis", "xaxis2"}
    assert widths["xaxis"] == widths["xaxis2"] >= 250  # one above the other, not side by side
    lines = [t for t in phone.chart_traces("sweep") if t["mode"] == "lines"]
    ends = {(t.get("xaxis", "x"), t["name"]): t["y"][-1] for t in lines}
    # λ → +∞: the tied maxima σ1 = σ2 = 3 share; λ → −∞: all on the minimum σ3
    assert [ends["x", f"σ{k}"] for k in (1, 2, 3)] == pytest.approx([0.5, 0.5, 0], abs=1e-9)
    assert [ends["x2", f"σ{k}"] for k in (1, 2, 3)] == pytest.approx([0, 0, 1], abs=1e-9)


def test_simplex_current_point_is_drawn_inside_the_picture(phone: AppPage) -> None:
    registered_page("vector_lab")
    phone.open("/vector_lab?v=1,2,3&lam=100&section=Simplex", chart="simplex")
    point = phone.page.evaluate(
        """() => {
          const gd = document.querySelector('.st-key-simplex .js-plotly-plot');
          const traces = gd.querySelectorAll('.scatterlayer .trace');
          const last = traces[traces.length - 1].querySelector('.point');
          const r = last.getBoundingClientRect(), c = gd.getBoundingClientRect();
          return {point: [r.left, r.top, r.right, r.bottom, r.width],
                  chart: [c.left, c.top, c.right, c.bottom], data: gd.data[gd.data.length - 1]};
        }"""
    )
    left, top, right, bottom, width = point["point"]
    c_left, c_top, c_right, c_bottom = point["chart"]
    assert width >= 12  # large enough to see on a corner
    assert c_left <= left
    assert right <= c_right
    assert c_top <= top
    assert bottom <= c_bottom
    expected = softmax(100 * np.array([1.0, 2.0, 3.0]))
    assert [point["data"][k][0] for k in "abc"] == pytest.approx(expected, abs=1e-15)
    assert point["data"]["name"] == "current λ = 100"


def test_phone_screenshot_of_the_default_view(phone: AppPage) -> None:
    registered_page("vector_lab")
    phone.open("/vector_lab", chart="bars")
    check_charts(phone, {"bars"})
    phone.screenshot("vector_lab_phone")


#: The current-λ label's box, the chart's box and the top of each plot area, in CSS px.
CURRENT_LABEL_JS = """
() => {
  const chart = document.querySelector('.st-key-sweep [data-testid="stPlotlyChart"]');
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  const label = Array.from(chart.querySelectorAll('.annotation'))
    .find((a) => a.textContent.startsWith('current λ'));
  return {
    label: box(label.querySelector('.annotation-text') || label),
    chart: box(chart),
    plotTops: Array.from(chart.querySelectorAll('.nsewdrag')).map((e) => box(e)[1]),
  };
}
"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("lam", ["0.01", "1", "-10", "1000"])
def test_current_lambda_label_is_above_the_curves(
    app: AppPage, phone: AppPage, size: str, lam: str
) -> None:
    """The label of the current λ stands in its own row above its panel, where no curve,
    limit marker or dotted line is drawn, and inside the chart at any λ."""
    registered_page("vector_lab")
    tab = phone if size == "phone" else app
    tab.open(f"/vector_lab?v=1,2,3&lam={lam}&section=Temperature+sweep", chart="sweep")
    found = tab.page.evaluate(CURRENT_LABEL_JS)
    left, _top, right, bottom = found["label"]
    chart_left, _, chart_right, _ = found["chart"]
    panel_top = found["plotTops"][0 if not lam.startswith("-") else 1]
    assert bottom <= panel_top + 1, found  # above the plot area, not on it
    assert chart_left - 1 <= left, found
    assert right <= chart_right + 1, found
