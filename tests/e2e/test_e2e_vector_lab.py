""" "Vector lab" in a real browser: the deep link's vector and λ are the ones drawn; typing a
vector, moving λ and pressing a preset each redraw the softmax bars (sheet question a)."""

from __future__ import annotations

import numpy as np
import pytest
from app_page import AppPage
from page_registry import registered_page
from scipy.special import softmax

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
    app.open("/vector_lab?v=10,20,30&lam=100", charts=3)
    app.assert_healthy(charts=3)
    app.expect_input_value("v", "10,20,30")
    app.expect_slider_value("lam", "100")
    shows(app, [10, 20, 30], 100)
    app.screenshot("vector_lab")

    # Typed: σ = 0.01·s1 at λ = 100 is the sheet's softmax([1, 2, 3]).
    app.type_into("v", "0.01, 0.02, 0.03", charts=3)
    shows(app, [0.01, 0.02, 0.03], 100)
    bars = app.chart_traces("bars")[0]["y"]
    assert bars == pytest.approx([0.09003057, 0.24472847, 0.66524096], abs=1e-8)

    app.press_on_slider("lam", "ArrowLeft", charts=3)
    app.expect_slider_value("lam", "70")
    shows(app, [0.01, 0.02, 0.03], 70)

    preset = app.page.locator(".st-key-preset_s1").get_by_role("button", name="s1", exact=True)
    app.rerun(preset.click, charts=3)
    app.expect_input_value("v", "1, 2, 3")
    shows(app, [1, 2, 3], 70)
    app.assert_healthy(charts=3)


def test_unreadable_vector_shows_an_error_and_keeps_the_text(app: AppPage) -> None:
    registered_page("vector_lab")
    app.open("/vector_lab", charts=3)
    app.type_into("v", "1, foo, 3")
    error = app.page.locator('[data-testid="stAlertContentError"]')
    assert "foo" in error.inner_text()
    app.expect_input_value("v", "1, foo, 3")
    assert app.exceptions() == []
    assert app.errors == []
