""" "Softmax and one-hot" in a real browser: the λ list of the deep link is drawn, typing a new
list redraws the grid, and the tie rule changes the one-hot panel (sheet question c)."""

from __future__ import annotations

import math

import pytest
from app_page import AppPage
from page_registry import registered_page

pytestmark = pytest.mark.e2e


def sigma1(lam: float, x: float, y: float) -> float:
    """σ₁ of softmax((x, y), λ) = 1 / (1 + exp(−λ(x − y)))."""
    return 1.0 / (1.0 + math.exp(-lam * (x - y)))


def value_at(trace: dict, x: float, y: float) -> float:
    """The heatmap's z at the grid point nearest to (x, y)."""
    column = min(range(len(trace["x"])), key=lambda j: abs(trace["x"][j] - x))
    row = min(range(len(trace["y"])), key=lambda i: abs(trace["y"][i] - y))
    return trace["z"][row][column]


def sigma1_panels(traces: dict[str, dict]) -> dict[str, dict]:
    return {name: t for name, t in traces.items() if name.startswith("σ₁")}


def test_deep_link_lambdas_are_drawn_then_typing_and_ties_redraw(app: AppPage) -> None:
    registered_page("softmax_grid")
    app.open("/softmax_grid?lams=0.5,2,50", charts=2)
    app.assert_healthy(charts=2)
    assert app.input_value("lams") in {"0.5,2,50", "0.5, 2, 50"}
    panels = sigma1_panels({t["name"]: t for t in app.chart_traces("softmax_grid")})
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

    app.type_into("lams", "1, 10", charts=2)
    panels = sigma1_panels(
        app.wait_for_traces(
            "softmax_grid", lambda t: "σ₁, λ = 10" in t and len(t) == 6, what="λ = 1, 10"
        )
    )
    # The check: at λ = 1, σ₁(1, −1) = 1 / (1 + e^(−2)).
    assert value_at(panels["σ₁, λ = 1"], 1.0, -1.0) == pytest.approx(
        1 / (1 + math.exp(-2)), abs=1e-6
    )
    assert "lams=1" in app.page.url

    first = app.page.locator(".st-key-ties").get_by_text("first", exact=True)
    app.rerun(first.click, charts=2)
    panels = sigma1_panels(
        app.wait_for_traces(
            "softmax_grid",
            lambda t: "σ₁, one-hot argmax (ties: first)" in t,
            what="the one-hot panel with ties: first",
        )
    )
    # numpy's argmax gives a tie on the diagonal wholly to σ₁.
    assert value_at(panels["σ₁, one-hot argmax (ties: first)"], 0.0, 0.0) == 1.0
    app.assert_healthy(charts=2)
