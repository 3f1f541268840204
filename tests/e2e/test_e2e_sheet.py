""" "Exercise sheet" in a real browser: nothing of an answer before its reveal; predict, then
reveal all four questions (the URL records reveals and predictions); Back and Forward move
through the reveals; a copied link restores the page; every figure is readable at 390 px."""

from __future__ import annotations

import pytest
from app_page import CHART, AppPage
from page_registry import registered_page
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

#: Per question, strings of its answer the page prints once it is revealed (and never before).
ANSWER_TEXT: dict[str, tuple[str, ...]] = {
    "a": ("[0.09003057 0.24472847 0.66524096]", "[2.06106005e-09 4.53978686e-05 9.99954600e-01]"),
    "b": ("0.0693147", "log 2/λ"),
    "c": ("[0.73105858 0.26894142]",),
    "d": ("3.40760596", "lim lse = max"),
}

#: The plot area of every figure stays at least this wide and high on a phone.
MIN_PLOT_AREA_PX = 150

PLOT_AREAS_JS = f"""
() => Array.from(document.querySelectorAll('{CHART} .js-plotly-plot')).map((gd) => {{
  const area = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const outer = gd.getBoundingClientRect();
  return [outer.width, area.width, area.height];
}})
"""


def main_text(app: AppPage) -> str:
    return app.page.locator('[data-testid="stMain"]').inner_text()


def reveal(app: AppPage, letter: str, charts: int) -> None:
    """Press "Reveal (letter)" and wait until the answer's text and ``charts`` charts are
    drawn."""
    button = app.page.get_by_role("button", name=f"Reveal ({letter})", exact=True)
    app.rerun(button.click, charts=charts)
    main = app.page.locator('[data-testid="stMain"]')
    for text in ANSWER_TEXT[letter]:
        expect(main).to_contain_text(text, timeout=app.timeout_ms)
    # the question's predictions are locked with its answer shown, and its button says so
    done = app.page.get_by_role("button", name=f"Revealed ({letter})", exact=True)
    expect(done).to_be_disabled(timeout=app.timeout_ms)
    # the disabled button lost the focus: it went to the answer, a region named for it
    answer = app.page.get_by_role("region", name=f"Answer ({letter})", exact=True)
    expect(answer).to_be_focused(timeout=app.timeout_ms)
    expect(answer).to_contain_text(ANSWER_TEXT[letter][0])
    boxes = app.page.locator(f".st-key-p{letter}1 input, .st-key-p{letter}2 input")
    expect(boxes.first).to_be_attached(timeout=app.timeout_ms)  # never an empty check
    count = boxes.count()  # a radio's options and a text box: at least 2 inputs
    assert count >= 2, count
    for index in range(count):
        expect(boxes.nth(index)).to_be_disabled(timeout=app.timeout_ms)


def pick(app: AppPage, key: str, option: str) -> None:
    """Pick ``option`` of the radio ``key`` as a person clicks it, and wait for the rerun."""
    label = app.page.locator(f".st-key-{key}").get_by_text(option, exact=True)
    app.rerun(label.click)


def bottom_of(app: AppPage, selector: str) -> int:
    """The bottom of the element ``selector`` in the page's content (px from its top)."""
    return int(
        app.page.evaluate(
            "(selector) => document.querySelector(selector).getBoundingClientRect().bottom"
            " + document.querySelector('[data-testid=\"stMain\"]').scrollTop",
            selector,
        )
    )


def wait_for_chart_count(app: AppPage, count: int) -> None:
    app.page.wait_for_function(f"() => document.querySelectorAll('{CHART}').length === {count}")
    app.wait_settled(charts=count)


def test_predict_reveal_all_four_then_back_forward_and_reload(app: AppPage) -> None:
    registered_page("sheet")
    app.open("/sheet")
    app.assert_healthy()
    text = main_text(app)
    for letter, strings in ANSWER_TEXT.items():
        assert [s for s in strings if s in text] == [], letter
    assert app.chart_count() == 0

    pick(app, "pa1", "the same")
    app.type_into("pa2", "0.9999")
    reveal(app, "a", charts=1)
    app.expect_query("reveal", "a")
    app.expect_query("pa1", "the same")
    app.expect_query("pa2", "0.9999")
    successes = app.page.locator('[data-testid="stAlertContentSuccess"]').all_inner_texts()
    assert any("Right: the same." in s for s in successes), successes
    assert any("Very close: you said 0.9999" in s for s in successes), successes
    assert "0.0693147" not in main_text(app)  # (b) still hidden
    # the pointer leaves the greyed button, so its tooltip does not cover the screenshot
    app.page.mouse.move(0, 0)
    expect(app.page.get_by_text("Your prediction is locked")).to_be_hidden(timeout=app.timeout_ms)
    app.screenshot("sheet", max_height=bottom_of(app, ".st-key-answer_a") + 24)

    app.type_into("pb1", "0.07")
    pick(app, "pb2", "corners")
    reveal(app, "b", charts=2)
    app.expect_query("reveal", "a,b")

    reveal(app, "c", charts=3)
    assert "3.40760596" not in main_text(app)
    reveal(app, "d", charts=4)
    app.expect_query("reveal", "a,b,c,d")
    app.assert_healthy(charts=4)

    main = app.page.locator('[data-testid="stMain"]')
    app.rerun(app.page.go_back)
    app.expect_query("reveal", "a,b,c")
    wait_for_chart_count(app, 3)
    expect(app.page.locator(".st-key-pd2 input")).to_be_enabled(timeout=app.timeout_ms)
    expect(main).not_to_contain_text("3.40760596", timeout=app.timeout_ms)
    expect(main).to_contain_text("[0.73105858 0.26894142]", timeout=app.timeout_ms)

    app.rerun(app.page.go_forward)
    app.expect_query("reveal", "a,b,c,d")
    wait_for_chart_count(app, 4)
    expect(main).to_contain_text("3.40760596", timeout=app.timeout_ms)

    # The link, opened again in a new session, restores predictions and reveals.
    link = app.page.url.removeprefix(app.base_url)
    app.open(link, charts=4)
    app.expect_input_value("pa2", "0.9999")
    app.expect_input_value("pb1", "0.07")
    checked = app.page.locator(".st-key-pb2 input:checked")
    expect(checked).to_have_count(1)
    for strings in ANSWER_TEXT.values():
        for string in strings:
            expect(main).to_contain_text(string, timeout=app.timeout_ms)
    app.assert_healthy(charts=4)


def test_reveals_are_kept_after_a_visit_to_another_page(app: AppPage) -> None:
    """The answers' links send students to other pages: coming back through the sidebar, the
    revealed answers are still shown and the address bar says so again."""
    registered_page("sheet")
    app.open("/sheet")
    reveal(app, "a", charts=1)
    app.expect_query("reveal", "a")
    app.click_nav("Vector lab", charts=1)
    app.expect_path("vector_lab")
    app.click_nav("Exercise sheet", charts=1)
    app.expect_path("sheet")
    app.expect_query("reveal", "a")
    main = app.page.locator('[data-testid="stMain"]')
    for text in ANSWER_TEXT["a"]:
        expect(main).to_contain_text(text, timeout=app.timeout_ms)
    assert "0.0693147" not in main_text(app)  # (b) was never revealed
    app.assert_healthy(charts=1)


def test_figures_are_readable_at_phone_width(app: AppPage) -> None:
    registered_page("sheet")
    app.open("/sheet?reveal=all", charts=4)
    app.page.set_viewport_size({"width": 390, "height": 844})
    app.page.wait_for_function(
        f"() => ({PLOT_AREAS_JS})().every(([outer]) => outer > 0 && outer <= 390)"
    )
    app.wait_settled(charts=4)
    for outer, width, height in app.page.evaluate(PLOT_AREAS_JS):
        assert outer <= 390
        assert width >= MIN_PLOT_AREA_PX, (outer, width, height)
        assert height >= MIN_PLOT_AREA_PX, (outer, width, height)
    # every equation fits its column: none hides a part behind a sideways scroll
    equations = app.page.evaluate(EQUATION_WIDTHS_JS)
    assert len(equations) >= 10, equations
    for text, reach, box in equations:
        # up to 3 px: a glyph's overhang (an italic s or j), not a hidden part
        assert reach <= box + 3, (text, reach, box)
    # every link's label shows in full: none is cut off with "…" (the sheet's longest, "The
    # same grid with numpy's argmax rule on the diagonal", was, at 390 px)
    labels = app.page.evaluate(LINK_LABELS_JS)
    assert len(labels) >= 8, labels
    for text, overflow in labels:
        assert overflow <= 1, (text, overflow)
    app.assert_healthy(charts=4)


#: Per page link: its label and how many px of the label its box hides (scroll width beyond
#: client width, the largest over the label's boxes).
LINK_LABELS_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stPageLink-NavLink"]')).map((a) => {
  let hidden = 0;
  for (const e of a.querySelectorAll('span, div, p')) {
    hidden = Math.max(hidden, e.scrollWidth - e.clientWidth);
  }
  return [a.textContent, hidden];
})
"""


#: Per displayed equation: its start, how far its glyphs reach from the box's left edge and
#: the box's width (the box scrolls sideways when the glyphs reach further; the rendering's
#: own box does not grow with them, so the glyphs are measured).
EQUATION_WIDTHS_JS = """
() => Array.from(document.querySelectorAll('.katex-display')).map((d) => {
  const left = d.getBoundingClientRect().left;
  let reach = 0;
  for (const e of d.querySelectorAll('.katex-html *')) {
    reach = Math.max(reach, e.getBoundingClientRect().right - left);
  }
  return [d.textContent.slice(0, 40), reach, d.clientWidth];
})
"""


def test_bad_prediction_gets_a_note_and_keeps_the_text(app: AppPage) -> None:
    registered_page("sheet")
    app.open("/sheet")
    app.type_into("pd2", "1e999")
    warning = app.page.locator('[data-testid="stAlertContentWarning"]')
    expect(warning).to_contain_text("infinity", timeout=app.timeout_ms)
    app.expect_input_value("pd2", "1e999")
    reveal(app, "d", charts=1)
    app.expect_input_value("pd2", "1e999")
    info = app.page.locator('[data-testid="stAlertContentInfo"]').all_inner_texts()
    assert any("was not judged" in text for text in info), info
    app.assert_healthy(charts=1)


def test_the_class_link_has_the_reveals_only_and_warns_about_this_machines_address(
    app: AppPage,
) -> None:
    """The teacher's address bar holds their own predictions; the class link holds only the
    reveals. Opened by a loopback address (as here, 127.0.0.1), the link would send every
    student to their own computer, and the page says so under it."""
    registered_page("sheet")
    app.open("/sheet?reveal=a&pa1=the+same&pa2=0.99", charts=1)
    app.page.get_by_text("Share these reveals with a class", exact=True).click()
    section = app.page.locator('[data-testid="stExpander"]').filter(
        has_text="Share these reveals with a class"
    )
    link = section.locator('[data-testid="stCode"]')
    expect(link).to_have_text(f"{app.base_url}/sheet?reveal=a", timeout=app.timeout_ms)
    expect(section).to_contain_text("points every student at their own computer")
    app.assert_healthy(charts=1)
