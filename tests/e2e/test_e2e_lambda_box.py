"""The exact-λ box in a real browser: typed values one after another are each taken, move the
slider and reach the address bar (softlse_app.common.lambda_control.lambda_control)."""

from __future__ import annotations

import pytest
from app_page import AppPage

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("path", "key"), [("/vector_lab", "lam"), ("/softmax_grid", "glam"), ("/lse_vs_max", "lam")]
)
def test_typed_lambdas_one_after_another_are_each_taken(app: AppPage, path: str, key: str) -> None:
    app.open(path, charts=1)
    for text, thumb in [("1.23", "1.23"), ("1.43", "1.43"), ("2.71", "2.71"), ("-37", "37")]:
        app.type_into(f"{key}_typed", text, charts=1)
        app.expect_slider_value(key, thumb)
        app.expect_input_value(f"{key}_typed", text)
        app.expect_query(key, thumb)
    app.assert_healthy(charts=1)
