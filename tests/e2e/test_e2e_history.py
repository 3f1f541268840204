"""Back and Forward in a real browser: each page visit is one history entry that keeps the
page's full address, and the page shows what the address it lands on says
(softlse_app.common.history_entries and softlse_app.common.url_state)."""

from __future__ import annotations

import pytest
from app_page import AppPage

pytestmark = pytest.mark.e2e


def test_back_returns_to_the_vector_the_student_had(app: AppPage) -> None:
    app.open("/vector_lab", charts=1)
    app.type_into("v", "10, 20, 30", charts=1)
    app.press_on_slider("lam", "ArrowRight", charts=1)  # λ 1 → 1.5
    app.expect_query("v", "10, 20, 30")
    app.click_nav("Home")
    app.expect_path("")
    app.page.go_back()
    app.expect_path("vector_lab")
    app.expect_input_value("v", "10, 20, 30")  # not the default 1, 2, 3
    app.expect_slider_value("lam", "1.5")
    app.expect_query("v", "10, 20, 30")
    app.expect_query("lam", "1.5")
    app.wait_settled(charts=1)
    app.assert_healthy(charts=1)


def test_one_back_step_returns_to_a_page_with_its_parameters(app: AppPage) -> None:
    app.open("/", charts=0)
    app.click_nav("LSE vs max", charts=1)
    app.press_on_slider("lam", "ArrowRight", charts=1)
    app.press_on_slider("extent", "ArrowRight", charts=1)
    app.expect_query("extent", "2")
    app.click_nav("Home")
    app.expect_path("")
    app.page.go_back()
    app.expect_path("lse_vs_max")
    app.expect_slider_value("lam", "1.5")
    app.expect_slider_value("extent", "2")
    app.expect_query("extent", "2")
    app.page.go_back()  # one step more is the page before: Home
    app.expect_path("")
