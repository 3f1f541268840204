""" "Softmax and one-hot" in a real browser: the λ list of the deep link is drawn, typing a new
list redraws the grid, and the tie rule changes the one-hot panel (sheet question c); the
gradient section's λ redraws the gradient chart alone; at desktop and phone sizes every plot
area is large enough and nothing overlaps."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest
from app_page import AppPage
from page_registry import registered_page

pytestmark = pytest.mark.e2e

#: Grid charts are keyed softmax_grid_0, softmax_grid_1, … and softmax_grid_onehot.
GRID_CHARTS = '[class*="st-key-softmax_grid_"] [data-testid="stPlotlyChart"]'
PHONE = {"width": 390, "height": 844}

#: Per chart: its key, its box, the boxes of its plot areas and of its texts (title, panel
#: labels, legend), in CSS pixels.
LAYOUT_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]')).map((c) => {
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  const holder = c.closest('[class*="st-key-"]');
  const key = holder ? holder.className.match(/st-key-([\\w-]+)/)[1] : null;
  return {
    key,
    box: box(c),
    plots: Array.from(c.querySelectorAll('.nsewdrag')).map(box),
    texts: [
      ...Array.from(c.querySelectorAll('.gtitle, .annotation-text'))
        .filter((t) => t.textContent.trim()).map((t) => [t.textContent, box(t)]),
      ...Array.from(c.querySelectorAll('.legend .bg')).map((t) => ['(legend)', box(t)]),
    ],
  };
})
"""

#: Counts Streamlit's incoming WebSocket messages (one per element sent, at least), so a test
#: can tell a rerun of one section from a rerun of the whole page.
COUNT_MESSAGES_JS = """
window.__softmaxIn = 0;
const CountedWebSocket = window.WebSocket;
window.WebSocket = class extends CountedWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', () => { window.__softmaxIn += 1; });
  }
};
"""


def sigma1(lam: float, x: float, y: float) -> float:
    """σ₁ of softmax((x, y), λ) = 1 / (1 + exp(−λ(x − y)))."""
    return 1.0 / (1.0 + math.exp(-lam * (x - y)))


def value_at(trace: dict, x: float, y: float) -> float:
    """The heatmap's z at the grid point nearest to (x, y)."""
    column = min(range(len(trace["x"])), key=lambda j: abs(trace["x"][j] - x))
    row = min(range(len(trace["y"])), key=lambda i: abs(trace["y"][i] - y))
    return trace["z"][row][column]


def grid_traces(app: AppPage) -> dict[str, dict]:
    """The σ₁ heatmaps of every grid chart, by trace name."""
    data = app.page.evaluate(
        "(selector) => Array.from(document.querySelectorAll(selector)).map((c) => c.closest("
        "'[class*=\"st-key-\"]').className.match(/st-key-([\\w-]+)/)[1])",
        GRID_CHARTS,
    )
    named: dict[str, dict] = {}
    for key in data:
        for trace in app.chart_traces(key):
            if trace.get("name", "").startswith("σ₁"):
                named[trace["name"]] = trace
    return named


def sigma1_traces(charts: list[list[dict]]) -> dict[str, dict]:
    """The σ₁ heatmaps among every chart's traces, by trace name."""
    return {t["name"]: t for chart in charts for t in chart if t.get("name", "").startswith("σ₁")}


def wait_for_grid(app: AppPage, predicate: Any, what: str) -> dict[str, dict]:
    """Wait until the page is settled and the grid's σ₁ heatmaps satisfy ``predicate``:
    each check waits for a figure not seen before (see AppPage.wait_for_data)."""
    charts = app.wait_for_data(lambda data: predicate(sigma1_traces(data)), what=what)
    return sigma1_traces(charts)


def overlaps(a: list[float], b: list[float]) -> bool:
    """Whether two boxes [left, top, right, bottom] share more than a pixel's sliver."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1


def test_deep_link_lambdas_are_drawn_then_typing_and_ties_redraw(app: AppPage) -> None:
    registered_page("softmax_grid")
    app.open("/softmax_grid?lams=0.5,2,50", charts=5)
    app.assert_healthy(charts=5)
    assert app.input_value("lams") in {"0.5,2,50", "0.5, 2, 50"}
    panels = grid_traces(app)
    assert list(panels) == [
        "σ₁, λ = 0.5",
        "σ₁, λ = 2",
        "σ₁, λ = 50",
        "σ₁, one-hot argmax (ties: split)",
    ]
    for lam in (0.5, 2, 50):
        shown = value_at(panels[f"σ₁, λ = {lam:g}"], 1.0, -1.0)
        assert shown == pytest.approx(sigma1(lam, 1.0, -1.0), abs=1e-6)
    assert value_at(panels["σ₁, one-hot argmax (ties: split)"], 0.0, 0.0) == 0.5
    app.screenshot("softmax_grid")

    app.type_into("lams", "1, 10", charts=4)
    panels = wait_for_grid(app, lambda t: "σ₁, λ = 10" in t and len(t) == 3, "λ = 1, 10")
    # The check: at λ = 1, σ₁(1, −1) = 1 / (1 + e^(−2)).
    assert value_at(panels["σ₁, λ = 1"], 1.0, -1.0) == pytest.approx(
        1 / (1 + math.exp(-2)), abs=1e-6
    )
    assert "lams=1" in app.page.url

    first = app.page.locator(".st-key-ties").get_by_text("first", exact=True)
    app.rerun(first.click, charts=4)
    panels = wait_for_grid(
        app, lambda t: "σ₁, one-hot argmax (ties: first)" in t, "the one-hot panel, ties: first"
    )
    # numpy's argmax gives a tie on the diagonal wholly to σ₁.
    assert value_at(panels["σ₁, one-hot argmax (ties: first)"], 0.0, 0.0) == 1.0
    app.expect_query("ties", "first")
    app.assert_healthy(charts=4)


def test_gradient_lambda_redraws_the_gradient_chart_alone(app: AppPage) -> None:
    registered_page("softmax_grid")
    app.page.add_init_script(COUNT_MESSAGES_JS)
    app.open("/softmax_grid?glam=1&px=0.5&py=0.25", charts=5)
    # A whole-page run (the extent is the page's own control), counted for comparison.
    before = app.page.evaluate("() => window.__softmaxIn")
    app.press_on_slider("extent", "ArrowRight", charts=5)
    app.expect_slider_value("extent", "2")
    whole_page = app.page.evaluate("() => window.__softmaxIn") - before

    before = app.page.evaluate("() => window.__softmaxIn")
    app.press_on_slider("glam", "ArrowRight", charts=5)
    app.expect_slider_value("glam", "1.5")
    app.expect_query("glam", "1.5")
    app.page.wait_for_function(
        "() => document.querySelector('.st-key-gradient_field .gtitle')"
        ".textContent.includes('λ = 1.5')"
    )
    named = app.wait_for_traces(
        "gradient_field",
        lambda t: _arrow_lambda(t.get("∇lse = softmax", {})) == pytest.approx(1.5, rel=1e-4),
        what="arrows of λ = 1.5",
    )
    # The arrow at (2, −2) on the square [−2, 2]² is softmax((2, −2), 1.5).
    assert _arrow_at(named["∇lse = softmax"], 2.0, -2.0) == pytest.approx(
        sigma1(1.5, 2.0, -2.0), abs=1e-6
    )
    # The check follows λ (the table's numbers: AppTest reads them).
    app.page.get_by_text("At σ = (0.5, 0.25), λ = 1.5:").wait_for()
    # Only the gradient section ran: far fewer messages than a run of the whole page, which
    # also sends the grid's charts, controls and text.
    section = app.page.evaluate("() => window.__softmaxIn") - before
    assert section < 0.7 * whole_page, (section, whole_page)
    app.assert_healthy(charts=5)


def _arrow_at(trace: dict, x: float, y: float) -> float:
    """σ₁ of the arrow whose foot is (x, y), from the arrows' hover data."""
    for foot_x, foot_y, s1, _s2 in trace["customdata"]:
        if abs(foot_x - x) < 1e-6 and abs(foot_y - y) < 1e-6:
            return s1
    raise AssertionError(f"no arrow at ({x}, {y})")


def _arrow_lambda(trace: dict) -> float | None:
    """λ recovered from an arrow off the diagonal: its σ₁ = 1 / (1 + e^(−λ(x − y)))."""
    for foot_x, foot_y, s1, _s2 in trace.get("customdata") or []:
        if abs(foot_x - foot_y) > 0.3 and 0.01 < s1 < 0.99:
            return math.log(s1 / (1 - s1)) / (foot_x - foot_y)
    return None


@pytest.fixture
def phone(browser: Any, app_server: Any) -> Iterator[AppPage]:
    """A tab in a phone-sized window (390 × 844 CSS pixels), a new Streamlit session."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = AppPage(context.new_page(), app_server.url)
    yield page
    context.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_plot_area_is_large_enough_and_nothing_overlaps(
    size: str, request: pytest.FixtureRequest
) -> None:
    registered_page("softmax_grid")
    tab: AppPage = request.getfixturevalue("phone" if size == "phone" else "app")
    tab.open("/softmax_grid?lams=1,10,100,-5,0.5,1000", charts=8)
    tab.assert_healthy(charts=8)
    width = tab.page.viewport_size["width"]
    charts = tab.page.evaluate(LAYOUT_JS)
    assert len(charts) == 8
    grid = [c for c in charts if c["key"].startswith("softmax_grid_")]
    assert len(grid) == 7
    for chart in charts:
        left, _top, right, _bottom = chart["box"]
        assert left >= 0, f"{chart['key']} starts off the screen: {chart['box']}"
        assert right <= width, f"{chart['key']} runs off the screen: {chart['box']}"
        assert chart["plots"], chart["key"]
        for plot in chart["plots"]:
            assert plot[2] - plot[0] >= 150, f"{chart['key']}: plot area {plot} under 150 px wide"
            assert plot[3] - plot[1] >= 150, f"{chart['key']}: plot area {plot} under 150 px tall"
        texts = chart["texts"]
        for i, (text_a, box_a) in enumerate(texts):
            for text_b, box_b in texts[i + 1 :]:
                assert not overlaps(box_a, box_b), f"{chart['key']}: {text_a!r} on {text_b!r}"
            for plot in chart["plots"]:
                assert not overlaps(box_a, plot), f"{chart['key']}: {text_a!r} on the plot"
    for i, a in enumerate(charts):
        for b in charts[i + 1 :]:
            assert not overlaps(a["box"], b["box"]), f"{a['key']} overlaps {b['key']}"
    tops = sorted({round(c["box"][1]) for c in grid})
    if size == "desktop":
        assert len(tops) == 2  # the sheet's grid: a row of four charts, then the rest
    else:
        assert len(tops) == 7  # one chart per row
    tab.screenshot(f"softmax_grid_{size}")


def test_typed_lambda_list_notes_name_the_box_and_keep_the_text(app: AppPage) -> None:
    """Text typed into the box is written into the address bar too (the box is bound to
    ``?lams=``); its note must still name the box, not a link's parameter, and the box must
    keep what was typed rather than its corrected form."""
    registered_page("softmax_grid")
    app.open("/softmax_grid", charts=5)
    app.type_into("lams", "1, zz, 5000", charts=3)
    wait_for_grid(app, lambda t: "σ₁, λ = 1000" in t and len(t) == 3, "λ = 1, 1000")
    notes = app.page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert any(
        "The λ list 1, zz, 5000: left out zz (not a nonzero number); clamped 5000 into "
        "[0.01, 1000] in size; using 1, 1000." in note
        for note in notes
    ), notes
    assert not any("URL parameter" in note for note in notes), notes
    assert app.input_value("lams") == "1, zz, 5000"
    # a link with the same text is a link: its note names the parameter
    app.open("/softmax_grid?lams=abc", charts=4)
    notes = app.page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert any("URL parameter lams=abc holds no usable value" in note for note in notes), notes


#: The gradient check's tables: each one's box, the column's edges, and the cells' text.
CHECK_TABLE_JS = """
() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const style = getComputedStyle(main), column = main.getBoundingClientRect();
  const boxes = document.querySelectorAll('[data-testid="stMarkdownContainer"]:has(> table)');
  return {
    page: [document.documentElement.scrollWidth, window.innerWidth],
    column: [column.left + parseFloat(style.paddingLeft),
             column.right - parseFloat(style.paddingRight)],
    tables: Array.from(boxes).map((box) => {
      const r = box.getBoundingClientRect();
      return {
        box: [r.left, r.top, r.right, r.bottom],
        scrolls: box.scrollWidth > box.clientWidth,
        rows: Array.from(box.querySelectorAll('tr')).map(
          (tr) => Array.from(tr.children).map((c) => c.textContent)),
        lines: Array.from(box.querySelectorAll('td')).map((td) => {
          const text = document.createRange();
          text.selectNodeContents(td);
          return new Set(Array.from(text.getClientRects()).map((l) => Math.round(l.top))).size;
        }),
        // the left edges of the value cells' text: the numbers line up from the left
        starts: Array.from(box.querySelectorAll('tr > :nth-child(2)')).map((cell) => {
          const text = document.createRange();
          text.selectNodeContents(cell);
          return Math.round(text.getBoundingClientRect().left);
        }),
      };
    }),
    stTables: document.querySelectorAll('[data-testid="stTable"]').length,
  };
}
"""


def check_tables(app: AppPage) -> dict[str, Any]:
    """The check's two tables once both are drawn, as :data:`CHECK_TABLE_JS` reads them."""
    app.page.wait_for_function(
        "document.querySelectorAll('[data-testid=\"stMarkdownContainer\"] > table').length >= 2"
    )
    return app.page.evaluate(CHECK_TABLE_JS)


def assert_check_numbers(tables: list[dict[str, Any]], lam: float, x: float, y: float) -> None:
    """The two tables hold the check at (x, y) and λ: finite difference, softmax and their
    difference per component, softmax to the last digits, the finite difference within 1e-6."""
    sigma = sigma1(lam, x, y)
    shares = (sigma, 1 - sigma)
    for k, table in enumerate(tables):
        header, *rows = table["rows"]
        assert header == [("∂lse/∂x vs σ₁", "∂lse/∂y vs σ₂")[k], "value"]
        names = ["finite difference", f"softmax σ{'₁₂'[k]}", "difference"]
        assert [row[0] for row in rows] == names
        fd, share, difference = (float(row[1]) for row in rows)
        assert share == pytest.approx(shares[k], rel=1e-12)
        assert abs(fd - shares[k]) < 1e-6
        assert abs(difference - (fd - share)) <= 1e-2 * abs(fd - share) + 1e-300


def test_the_check_tables_read_whole_on_a_phone(phone: AppPage) -> None:
    """At 390 px the check's two tables stand one above the other, each inside the page's
    column without scrolling sideways, every number on one line and the numbers lined up
    from the left; the page itself does not scroll sideways."""
    registered_page("softmax_grid")
    phone.open("/softmax_grid?res=41&glam=10&px=0.3&py=-0.2", charts=5)
    phone.assert_healthy(charts=5)
    found = check_tables(phone)
    assert found["stTables"] == 0
    scroll_width, viewport = found["page"]
    assert scroll_width <= viewport, found["page"]
    left, right = found["column"]
    first, second = found["tables"]
    for table in (first, second):
        assert left - 1 <= table["box"][0]
        assert table["box"][2] <= right + 1
        assert not table["scrolls"], table  # all of it in view, softmax's digits too
        assert table["lines"] == [1] * 6  # no number broken over two lines
        assert len(set(table["starts"][1:])) == 1, table["starts"]  # one left edge
    assert first["box"][3] <= second["box"][1]  # stacked
    assert_check_numbers([first, second], 10.0, 0.3, -0.2)


def test_the_check_tables_stand_side_by_side_on_a_desktop(app: AppPage) -> None:
    registered_page("softmax_grid")
    app.open("/softmax_grid?res=41&glam=-10&px=-0.5&py=0.25", charts=5)
    first, second = check_tables(app)["tables"]
    assert first["box"][2] < second["box"][0]  # side by side
    assert abs(first["box"][1] - second["box"][1]) <= 1
    assert not first["scrolls"]
    assert not second["scrolls"]
    assert_check_numbers([first, second], -10.0, -0.5, 0.25)


def test_a_long_pasted_lambda_list_is_kept_and_read(app: AppPage) -> None:
    """Six λ pasted at full precision (127 characters, as copied from a table or a script):
    the box once had a 120-character limit, and the browser dropped the whole paste without
    a word, the box still showing 1, 10, 100. A list of eight gets the note that only the
    first six are used."""
    registered_page("softmax_grid")
    app.open("/softmax_grid", charts=5)
    six = ", ".join(
        f"{v:.17g}"
        for v in (
            0.123456789012345,
            2.34567890123456,
            34.5678901234567,
            -4.56789012345678,
            567.890123456789,
            -0.0678901234567891,
        )
    )
    assert len(six) > 120
    app.type_into("lams", six, charts=8)
    assert app.input_value("lams") == six
    wait_for_grid(
        app,
        # six λ and the one-hot panel, the last λ as it was pasted, rounded for the title
        lambda t: len(t) == 7 and "σ₁, λ = −0.0678901 (soft-min)" in t,
        "the six pasted λ",
    )
    eight = six + ", 1, 2"
    app.type_into("lams", eight, charts=8)
    assert app.input_value("lams") == eight
    notes = app.page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert any("used only the first 6 of 8 values" in note for note in notes), notes
    app.assert_healthy(charts=8)
