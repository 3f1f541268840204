""" "Vector lab" in a real browser (desktop size): the deep link's vector and λ are the ones
drawn; typing a vector, moving λ and pressing a preset each redraw the softmax bars (sheet
question a); each tab, clicked or linked, draws its own section for the current inputs; Back
and Forward restore the vectors typed; the tables print the sheet's numbers by default, with
full precision one choice away; every chart has a name for screen readers and a CSV of its
numbers. Phone size: ``test_e2e_vector_lab_phone.py``."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pytest
from app_page import AppPage
from page_registry import registered_page
from playwright.sync_api import expect
from scipy.special import softmax

from softlse_core import softmax as core_softmax

pytestmark = pytest.mark.e2e


def bars_for(lam: float) -> str:
    return f"softmax(σ, λ={lam:g})"


def shows(app: AppPage, vector: list[float], lam: float) -> None:
    """Wait until the bars show softmax(vector, λ) (scipy's value) for the current λ."""
    expected = softmax(lam * np.asarray(vector, dtype=np.float64))
    app.wait_for_traces(
        "bars",
        lambda t: (
            bars_for(lam) in t
            and np.allclose(t[bars_for(lam)]["y"], expected, rtol=1e-6, atol=1e-12)
        ),
        what=f"softmax({vector}, λ={lam:g}) = {expected}",
    )


def test_deep_link_vector_and_lambda_then_type_move_and_preset(app: AppPage) -> None:
    registered_page("vector_lab")
    app.open("/vector_lab?v=10,20,30&lam=100", charts=1)
    app.assert_healthy(charts=1)
    app.expect_input_value("v", "10,20,30")
    app.expect_slider_value("lam", "100")
    shows(app, [10, 20, 30], 100)
    app.screenshot("vector_lab")

    # Typed: σ = 0.01·s1 at λ = 100 is the sheet's softmax([1, 2, 3]).
    app.type_into("v", "0.01, 0.02, 0.03", charts=1)
    shows(app, [0.01, 0.02, 0.03], 100)
    bars = app.chart_traces("bars")[0]["y"]
    assert bars == pytest.approx([0.09003057, 0.24472847, 0.66524096], abs=1e-8)

    app.press_on_slider("lam", "ArrowLeft", charts=1)
    app.expect_slider_value("lam", "70")
    shows(app, [0.01, 0.02, 0.03], 70)

    preset = app.page.locator(".st-key-preset_s1").get_by_role("button", name="s1", exact=True)
    app.rerun(preset.click, charts=1)
    app.expect_input_value("v", "1, 2, 3")
    shows(app, [1, 2, 3], 70)
    app.assert_healthy(charts=1)


def test_unreadable_vector_shows_an_error_and_keeps_the_text(app: AppPage) -> None:
    registered_page("vector_lab")
    app.open("/vector_lab", charts=1)
    app.type_into("v", "1, foo, 3")
    error = app.page.locator('[data-testid="stAlertContentError"]')
    assert "foo" in error.inner_text()
    app.expect_input_value("v", "1, foo, 3")
    assert app.exceptions() == []
    assert app.errors == []


def test_tabs_draw_their_section_and_are_kept_in_the_link(app: AppPage) -> None:
    registered_page("vector_lab")
    app.open("/vector_lab?v=3,3,1&lam=10", chart="bars")
    assert app.chart_count() == 1  # only the open tab is drawn

    app.click_tab("Temperature sweep", chart="sweep")
    app.expect_query("section", "Temperature sweep")
    named = app.wait_for_traces(
        "sweep", lambda t: {"σ1", "σ2", "σ3"} <= set(t), what="the three components"
    )
    # λ → ∞: one-hot split over the tied maxima σ1 = σ2 = 3
    assert [named[f"σ{k}"]["y"][-1] for k in (1, 2, 3)] == pytest.approx([0.5, 0.5, 0], abs=1e-9)
    assert app.chart_count() == 1
    app.assert_healthy(charts=1)

    app.click_tab("Simplex", chart="simplex")
    app.expect_query("section", "Simplex")
    expected = softmax(10 * np.array([3.0, 3.0, 1.0]))
    current = app.wait_for_traces(
        "simplex", lambda t: any(name.startswith("current") for name in t), what="the point"
    )
    point = next(trace for name, trace in current.items() if name.startswith("current"))
    assert [point[k][0] for k in "abc"] == pytest.approx(expected, rel=1e-9)

    # The textbook formula overflows for s3 at λ = 100; the link keeps the open tab.
    app.open("/vector_lab?v=10,20,30&lam=100&section=Stable+vs+textbook")
    assert app.chart_count() == 0
    # the explanation is a neutral box: nothing failed but the textbook formula
    why = app.page.locator('[data-testid="stAlertContentInfo"]')
    assert "overflows" in why.inner_text()
    assert app.page.locator('[data-testid="stAlertContentError"]').count() == 0
    app.click_tab("Offset and scale", chart="bars")
    app.expect_query("section", None)  # the default tab leaves the link clean
    shows(app, [10, 20, 30], 100)
    app.assert_healthy(charts=1)
    assert re.search(r"[?&]v=10%2C20%2C30|[?&]v=10,20,30", app.page.url), app.page.url


def test_corrected_link_values_reach_the_address_bar(app: AppPage) -> None:
    registered_page("vector_lab")
    app.open("/vector_lab?c=5000&lam=-10&section=simplex", charts=1)
    assert "outside" in app.page.locator('[data-testid="stAlertContentWarning"]').inner_text()
    assert app.input_value("c") == "1000"
    app.expect_query("c", "1000.0")  # written in the link's own run, before any interaction
    app.expect_query("lam", "10")
    app.expect_query("neg", "true")
    app.expect_query("section", "Simplex")

    app.open(app.page.url.removeprefix(app.base_url), charts=1)  # the copied link, reopened
    assert app.page.locator('[data-testid="stAlertContentWarning"]').count() == 0
    assert app.input_value("c") == "1000"
    app.expect_slider_value("lam", "10")
    assert app.page.locator(".st-key-neg input").is_checked()
    tab = app.page.get_by_role("tab", name="Simplex", exact=True)
    assert tab.get_attribute("aria-selected") == "true"
    app.assert_healthy(charts=1)


def table_column(app: AppPage, header: str) -> list[str] | None:
    """The cells under ``header`` in the first table that has it, as shown."""
    return app.page.evaluate(TABLE_COLUMN_JS, header)


def expect_table_column(app: AppPage, header: str, cells: list[str]) -> None:
    """Wait (bounded) until the column ``header`` shows ``cells``."""
    app.page.wait_for_function(
        "([header, cells]) => JSON.stringify(("
        + TABLE_COLUMN_JS
        + ")(header)) === JSON.stringify(cells)",
        arg=[header, cells],
    )


TABLE_COLUMN_JS = """(header) => {
  for (const table of document.querySelectorAll('[data-testid="stMarkdownContainer"] > table')) {
    const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.innerText.trim());
    const index = heads.indexOf(header);
    if (index < 0) continue;
    return Array.from(table.querySelectorAll('tbody tr'))
      .map((tr) => tr.querySelectorAll('th, td')[index].innerText.trim());
  }
  return null;
}"""


def test_back_and_forward_restore_each_committed_vector(app: AppPage) -> None:
    registered_page("vector_lab")
    app.open("/vector_lab", chart="bars")
    app.type_into("v", "4, 5, 6", chart="bars")
    app.expect_query("v", "4, 5, 6")
    app.type_into("v", "7, 8, 9", chart="bars")
    app.expect_query("v", "7, 8, 9")
    app.click_nav("LSE vs max", charts=1)
    app.expect_path("lse_vs_max")

    for vector in ([7, 8, 9], [4, 5, 6], [1, 2, 3]):
        app.page.go_back()
        app.expect_input_value("v", ", ".join(str(x) for x in vector))
        shows(app, vector, 1)
    app.expect_query("v", None)  # the first entry: the default vector, a clean link

    app.page.go_forward()
    app.expect_input_value("v", "4, 5, 6")
    shows(app, [4, 5, 6], 1)
    app.expect_query("v", "4, 5, 6")
    app.assert_healthy(charts=1)


def test_a_vector_is_kept_through_a_trip_to_another_page_and_back(app: AppPage) -> None:
    """Streamlit drops ``?v=`` (not a widget-bound parameter) when the page is left: coming
    back through the sidebar, the box showed the default vector (1, 2, 3) again. It shows the
    vector it showed last, in the box, the tables and the link, and the offset and scale boxes
    their numbers; a vector typed after coming back is kept as typed; the default comes back
    as a clean link."""
    app.open("/vector_lab", chart="bars")
    app.type_into("v", "4, 5, 9", chart="bars")
    # the offset and the scale too (boxes that write the link themselves): they went back to
    # 0 and 1, while λ, a bound control, was kept
    app.type_into("c", "-7.5", chart="bars")
    app.type_into("a", "3", chart="bars")
    app.expect_query("a", "3.0")
    app.click_nav("LSE vs max", charts=1)
    app.click_nav("Vector lab", chart="bars")
    app.expect_input_value("v", "4, 5, 9")
    shows(app, [4, 5, 9], 1)
    app.expect_query("v", "4, 5, 9")
    app.expect_input_value("c", "-7.5")
    app.expect_input_value("a", "3")
    app.expect_query("c", "-7.5")
    app.expect_query("a", "3.0")

    app.type_into("v", "2, 3", chart="bars")
    shows(app, [2, 3], 1)
    app.click_nav("Home")
    app.click_nav("Vector lab", chart="bars")
    app.expect_input_value("v", "2, 3")
    shows(app, [2, 3], 1)

    app.type_into("v", "1, 2, 3", chart="bars")
    app.expect_query("v", None)
    app.click_nav("Exercise sheet")
    app.click_nav("Vector lab", chart="bars")
    app.expect_input_value("v", "1, 2, 3")
    app.expect_query("v", None)
    app.assert_healthy(charts=1)


def test_a_jump_back_to_an_entry_without_a_vector_shows_the_default(app: AppPage) -> None:
    """Back or Forward from another page to an address without ``v`` means the default
    vector, which that address had: it is not the vector the page showed last, and the jump
    adds no history entry."""
    app.open("/vector_lab", chart="bars")
    app.type_into("v", "4, 5, 6", chart="bars")
    app.expect_query("v", "4, 5, 6")
    app.click_nav("Exercise sheet")
    app.expect_path("sheet")
    length = app.page.evaluate("() => history.length")
    app.page.evaluate("() => history.go(-2)")
    app.expect_path("vector_lab")
    app.expect_input_value("v", "1, 2, 3")
    shows(app, [1, 2, 3], 1)
    app.expect_query("v", None)
    assert app.page.evaluate("() => history.length") == length
    app.page.go_forward()
    app.expect_input_value("v", "4, 5, 6")
    shows(app, [4, 5, 6], 1)
    app.assert_healthy(charts=1)


def choose_digits(app: AppPage, option: str) -> None:
    """Pick ``option`` in the digits select box and wait for the run it causes."""
    app.page.locator(".st-key-digits").click()
    choice = app.page.get_by_role("option", name=option, exact=True)
    app.rerun(choice.click, chart="bars")


def test_digits_reproduce_the_sheet_and_full_precision_is_one_choice_away(app: AppPage) -> None:
    registered_page("vector_lab")
    app.open("/vector_lab?v=10,20,30", chart="bars")
    s3_printed = ["2.06106005e-09", "4.53978686e-05", "9.99954600e-01"]
    expect_table_column(app, "softmax(σ, λ)", s3_printed)  # by default as the sheet prints it
    app.expect_query("digits", None)

    choose_digits(app, "full precision")
    app.expect_query("digits", "full precision")
    exact = core_softmax(np.array([10.0, 20.0, 30.0]))
    expect_table_column(app, "softmax(σ, λ)", [repr(float(p)) for p in exact])
    cells = table_column(app, "softmax(σ, λ)") or []
    assert cells[0] == "2.061060046209062e-09"
    np.testing.assert_array_equal([float(cell) for cell in cells], exact)  # the same doubles

    choose_digits(app, "8")  # the default again: the link is clean again
    app.expect_query("digits", None)
    expect_table_column(app, "softmax(σ, λ)", s3_printed)
    app.type_into("v", "1, 2, 3", chart="bars")  # the sheet's s1, printed as the sheet prints it
    expect_table_column(app, "softmax(σ, λ)", ["0.09003057", "0.24472847", "0.66524096"])
    app.expect_query("digits", None)
    app.assert_healthy(charts=1)

    app.open("/vector_lab?v=1,2,3&digits=full+precision", chart="bars")  # a link with it
    expect_table_column(
        app, "softmax(σ, λ)", ["0.09003057317038046", "0.24472847105479764", "0.6652409557748218"]
    )
    assert app.page.locator('[data-testid="stAlertContentWarning"]').count() == 0


@pytest.mark.parametrize(
    ("section", "key"),
    [("Offset+and+scale", "bars"), ("Temperature+sweep", "sweep"), ("Simplex", "simplex")],
)
def test_each_chart_is_named_for_screen_readers_and_downloads_its_numbers(
    app: AppPage, section: str, key: str
) -> None:
    registered_page("vector_lab")
    app.open(f"/vector_lab?v=3,1,2&lam=2&section={section}", chart=key)
    chart = app.page.locator(f".st-key-{key} [data-testid='stPlotlyChart']")
    assert chart.get_attribute("role") == "figure"
    assert "softmax" in (chart.get_attribute("aria-label") or "")
    with app.page.expect_download() as download:
        app.page.locator(f".st-key-{key}_csv button").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    expected = softmax(2 * np.array([3.0, 1.0, 2.0]))
    numbers = np.array([[float(cell) for cell in row] for row in rows[1:]])
    if key == "bars":
        assert rows[0][2] == "softmax(σ, λ=2)"
        np.testing.assert_allclose(numbers[:, 2], expected, rtol=1e-15)
    else:
        at_two = numbers[numbers[:, 0] == 2.0][0]
        np.testing.assert_allclose(at_two[1:], expected, rtol=1e-14)
    assert app.exceptions() == []


def test_offset_typed_out_of_range_is_kept_and_the_correction_said(app: AppPage) -> None:
    """The browser itself refuses a number box's text outside its min/max with a red error
    and keeps the old value without saying so; the box has no such limits, so what was typed
    stays, and a warning (not an error) says which value is used instead."""
    registered_page("vector_lab")
    app.open("/vector_lab", charts=1)
    app.type_into("c", "5000", charts=1)
    warning = app.page.locator('[data-testid="stAlertContentWarning"]').filter(has_text="c = ")
    # the text after the icon's name
    assert warning.inner_text().split("\n")[-1] == (
        "c = 5000 is outside −1000 to 1000; using c = 1000."
    )
    app.expect_input_value("c", "5000")
    # at the default 8 digits σ, σ + c and a·σ share numpy's notation: e-notation, since
    # together they span more than three orders of magnitude
    expect_table_column(app, "σ + c", ["1.001e+03", "1.002e+03", "1.003e+03"])
    assert app.page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert not app.page.get_by_text("outside the allowed range").count()


def test_an_emptied_offset_box_keeps_its_number_and_says_so(app: AppPage) -> None:
    """Emptying the box and pressing Enter once set c to 0 without a word and took it out of
    the link: the box keeps 7, with a note, and the link still says c = 7."""
    registered_page("vector_lab")
    app.open("/vector_lab?c=7", charts=1)
    app.expect_input_value("c", "7")
    app.type_into("c", "", charts=1)
    note = app.page.get_by_text("The box c was empty or held no number; c stays 7.")
    expect(note).to_be_visible(timeout=app.timeout_ms)
    app.expect_input_value("c", "7")
    app.expect_query("c", "7.0")
    app.assert_healthy(charts=1)
