""" "LSE vs max" in a real browser: the deep link's λ is the one drawn, and the λ slider moved
from the keyboard and the soft-min switch redraw the contours (sheet questions b and d)."""

from __future__ import annotations

import math

import pytest
from app_page import AppPage, flat_numbers
from page_registry import registered_page

pytestmark = pytest.mark.e2e


def peak(trace: dict) -> float:
    return max(flat_numbers(trace["z"]))


def test_deep_link_lambda_is_drawn_and_keyboard_moves_it(app: AppPage) -> None:
    registered_page("lse_vs_max")
    app.open("/lse_vs_max?lam=10", charts=2)
    app.assert_healthy(charts=2)
    app.expect_slider_value("lam", "10")
    traces = {t["name"]: t for t in app.chart_traces("contour_chart")}
    # On [-1, 1]² lse peaks at the corner (1, 1): 1 + log(2)/λ; the gap's maximum is on the
    # diagonal, exactly log(2)/λ; lse ≥ max everywhere.
    assert peak(traces["lse"]) == pytest.approx(1 + math.log(2) / 10, abs=1e-5)
    assert peak(traces["max"]) == pytest.approx(1.0, abs=1e-6)
    assert peak(traces["lse − max"]) == pytest.approx(math.log(2) / 10, abs=1e-5)
    assert min(flat_numbers(traces["lse − max"]["z"])) >= -1e-6
    app.screenshot("lse_vs_max")

    app.press_on_slider("lam", "ArrowRight", charts=2)
    app.expect_slider_value("lam", "15")
    app.wait_for_traces(
        "contour_chart",
        lambda t: abs(peak(t["lse − max"]) - math.log(2) / 15) < 1e-5,
        what="the gap log(2)/15 of λ = 15",
    )
    assert "lam=15" in app.page.url

    # The switch for negative λ: lse becomes a soft minimum, compared against min, below it
    # by at most log(2)/15 (on the diagonal).
    switch = app.page.locator(".st-key-neg label")
    app.rerun(switch.click, charts=2)
    traces = app.wait_for_traces(
        "contour_chart", lambda t: "lse − min" in t, what="the soft-min comparison"
    )
    gap = flat_numbers(traces["lse − min"]["z"])
    assert min(gap) == pytest.approx(-math.log(2) / 15, abs=1e-5)
    assert max(gap) <= 1e-6
    app.assert_healthy(charts=2)


def test_a_link_keeps_every_value_the_person_picks_even_the_minimum(app: AppPage) -> None:
    registered_page("lse_vs_max")
    app.open("/lse_vs_max?lam=10.0&neg=yes", charts=2)  # read as λ = −10, not in our own form
    app.expect_slider_value("lam", "10")
    app.press_on_slider("lam", "Home", charts=2)  # the slider's minimum, 0.01
    app.expect_slider_value("lam", "0.01")
    app.expect_query("lam", "0.01")
    app.expect_query("neg", "true")
    app.open(app.page.url.removeprefix(app.base_url), charts=2)  # the copied link, reopened
    app.expect_slider_value("lam", "0.01")
    assert app.page.locator(".st-key-neg input").is_checked()
    traces = app.wait_for_traces(
        "contour_chart", lambda t: "lse − min" in t, what="the soft-min comparison at λ = −0.01"
    )
    # At λ = −0.01 on [−1, 1]², lse − min reaches −log(2)/0.01 on the diagonal.
    assert min(flat_numbers(traces["lse − min"]["z"])) == pytest.approx(
        -math.log(2) / 0.01, rel=1e-4
    )
    app.assert_healthy(charts=2)
