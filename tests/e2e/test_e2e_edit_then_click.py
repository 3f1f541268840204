"""A box left by clicking a control of another fragment: both edits are drawn.

A text box commits its text when it loses focus; the browser then sends that value and the
click's in one message, which reruns only one fragment (softlse_app.common.fragment_sync).
Each test types without pressing Enter and clicks a control elsewhere, then checks that the
page shows both edits and that the link holds them.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from app_page import AppPage
from playwright.sync_api import expect

from softlse_core import lse

pytestmark = pytest.mark.e2e


def _type_without_enter(app: AppPage, key: str, text: str) -> None:
    box = app.page.locator(f".st-key-{key} input")
    box.click()
    box.fill(text)


def test_vector_lab_tab_clicked_after_typing_shows_the_new_vector(app: AppPage) -> None:
    app.open("/vector_lab", charts=1)
    for vector, tab, largest in [("2, 4, 6", "lse vs max", 6.0), ("9, 1", "Offset and scale", 9.0)]:
        _type_without_enter(app, "v", vector)
        app.page.get_by_role("tab", name=tab, exact=True).click()
        app.expect_query("v", vector)
        panel = app.page.locator('[role="tabpanel"]:visible')
        if tab == "lse vs max":
            # lse(2, 4, 6) = 6.14293163 at numpy's 8 digits, max 6.0 (not 3.40760596 and 3.0)
            expect(panel).to_contain_text(f"{lse([2.0, 4.0, 6.0]):.8f}"[:10], timeout=30_000)
            expect(panel).to_contain_text(f"{largest}")
        else:
            expect(panel.locator("table").first).to_contain_text("9.0", timeout=30_000)
        app.wait_settled()
        assert app.input_value("v") == vector
    app.assert_healthy(charts=1)


def test_softmax_page_switch_clicked_after_typing_a_lambda_list_takes_both(app: AppPage) -> None:
    app.open("/softmax_grid", charts=4)
    _type_without_enter(app, "lams", "3, 30")
    app.page.locator(".st-key-gneg label").click()
    app.expect_query("gneg", "true")
    app.expect_query("lams", "3, 30")
    # the gradient section draws λ = −1 (the switch), the grid the two new λ
    expect(
        app.page.get_by_text(re.compile(r"At σ = \(0\.5, 0\.25\), λ = −1 \(soft-min\):"))
    ).to_be_visible(timeout=30_000)
    app.wait_for_data(
        lambda data: {"σ₁, λ = 3", "σ₁, λ = 30"} <= {t.get("name") for c in data for t in c},
        what="the grid for λ = 3, 30",
    )
    app.assert_healthy(charts=3)


def test_lse_slice_moved_after_typing_lambda_draws_the_typed_lambda(app: AppPage) -> None:
    app.open("/lse_vs_max?slice=true", charts=4)
    _type_without_enter(app, "lam_typed", "7")
    thumb = app.page.locator(".st-key-y").get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowRight")
    app.expect_query("lam", "7")
    # settled first: while a run replaces the panels, the old title can be on the page too
    app.wait_settled(charts=4)
    expect(app.page.locator(".st-key-explore_lse .gtitle")).to_have_text("lse((x, y), λ = 7)")
    app.expect_slider_value("lam", "7")
    app.assert_healthy(charts=4)


class HeldReplies:
    """The app's websocket, routed through Playwright: the browser's messages go straight to
    the server, the server's can be held back (a slow network), so that the browser sends its
    next message without having the results of the one before."""

    def __init__(self, page: Any) -> None:
        self.held = False
        self.queue: list[str | bytes] = []
        self.sent = 0
        self.browser_side: Any = None
        page.route_web_socket(re.compile(r"/_stcore/stream$"), self._route)

    def _route(self, browser_side: Any) -> None:
        server_side = browser_side.connect_to_server()
        self.browser_side = browser_side

        def to_server(message: str | bytes) -> None:
            self.sent += 1
            server_side.send(message)

        def to_browser(message: str | bytes) -> None:
            if self.held:
                self.queue.append(message)
            else:
                browser_side.send(message)

        browser_side.on_message(to_server)
        server_side.on_message(to_browser)

    def hold(self) -> int:
        """Hold the server's messages from now on; returns how many the browser has sent."""
        self.held = True
        return self.sent

    def wait_until_sent(self, page: Any, count: int) -> None:
        """Wait (bounded) until the browser has sent ``count`` messages in all."""
        deadline = time.monotonic() + 30
        while self.sent < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"the browser sent {self.sent} messages, not {count}")
            page.wait_for_timeout(10)  # lets Playwright deliver the routed messages

    def release(self) -> None:
        """Deliver what was held, in order, and stop holding."""
        self.held = False
        for message in self.queue:
            self.browser_side.send(message)
        self.queue.clear()


def test_lse_extent_moved_after_typing_lambda_draws_both(app: AppPage) -> None:
    """The λ box is in the explore view, the extent slider in the page's body around it: the
    box's blur and the slider's move are two messages. With the server's replies held back,
    the second leaves the browser before it has the typed λ, so it still carries the old λ
    (softlse_app.common.lambda_control keeps the typed one)."""
    replies = HeldReplies(app.page)
    app.open("/lse_vs_max", charts=3)
    _type_without_enter(app, "lam_typed", "7")
    sent = replies.hold()
    thumb = app.page.locator(".st-key-extent").get_by_role("slider")
    thumb.focus()  # the box loses focus: it sends 7
    thumb.press("ArrowRight")  # extent 1 → 2, sent with the slider's λ still at 1
    replies.wait_until_sent(app.page, sent + 2)
    assert replies.queue, "the server's reply to the typed 7 was not held back"
    replies.release()
    app.expect_query("extent", "2")
    app.expect_query("lam", "7")
    app.wait_settled(charts=3)
    expect(app.page.locator(".st-key-explore_lse .gtitle")).to_have_text("lse((x, y), λ = 7)")
    app.expect_slider_value("lam", "7")
    app.expect_input_value("lam_typed", "7")
    # the lse panel covers the new square [−2, 2]²
    x = app.chart_traces("explore_lse")[0]["x"]
    assert (x[0], x[-1]) == (-2.0, 2.0)
    app.assert_healthy(charts=3)
