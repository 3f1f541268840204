"""A page stays usable when its server process dies and the browser reconnects to a new one
(softlse_app.common.reconnect): a worker killed by the out-of-memory killer, killed as hung
by ``scripts/serve_class.sh``, or a pod replaced. The new process has a new session that has
not run the page; the vector lab's λ, c, a and tabs rerun fragments of the page, and a
fragment rerun in a session that never ran the page was dropped: the slider moved, the page
never redrew (with the server's log saying the fragment "does not exist anymore").
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from app_page import AppPage
from scipy.special import softmax
from streamlit_server import ROOT, StreamlitServer

pytestmark = pytest.mark.e2e


def _shows(app: AppPage, vector: list[float], lam: float) -> None:
    """Wait until the bars show softmax(vector, λ) (scipy's numbers) for ``lam``."""
    name = f"softmax(σ, λ={lam:g})"
    expected = softmax(lam * np.asarray(vector, dtype=np.float64))
    app.wait_for_traces(
        "bars",
        lambda t: name in t and np.allclose(t[name]["y"], expected, rtol=1e-6, atol=1e-12),
        what=f"softmax({vector}, λ={lam:g}) = {expected}",
    )


def test_the_vector_lab_keeps_working_after_its_server_is_killed_and_replaced(
    browser_context: Any,
) -> None:
    with StreamlitServer(ROOT / "app.py") as server:
        app = AppPage(browser_context.new_page(), server.url)
        try:
            app.open("/vector_lab?v=10,20,30&lam=100", charts=1)
            _shows(app, [10, 20, 30], 100)
            runs = app.finished_runs()

            server.kill()  # no goodbye to the browser: its socket just drops
            server.start()  # a new process on the same address: a new session
            # the browser reconnects and reruns the whole page there, with its controls
            app.wait_settled(after=runs, charts=1)
            app.expect_input_value("v", "10,20,30")
            app.expect_slider_value("lam", "100")

            # controls inside the page's fragments redraw in the new session
            app.press_on_slider("lam", "ArrowLeft", charts=1)
            app.expect_slider_value("lam", "70")
            _shows(app, [10, 20, 30], 70)
            app.expect_query("lam", "70")
            app.type_into("c", "5", charts=1)
            app.expect_query("c", "5.0")
            _shows(app, [10, 20, 30], 70)  # softmax does not move with c
            app.assert_healthy(charts=1)
            assert "does not exist anymore" not in server.log()
        finally:
            app.page.close()


def test_the_reconnect_fragment_takes_no_room(app: AppPage) -> None:
    """The fragment draws nothing, and its container and the wrapper Streamlit puts around it
    are out of the layout: no gap of the page's column stands for it."""
    app.open("/vector_lab", charts=1)
    shown = app.page.evaluate(
        """() => {
          const box = document.querySelector('.st-key-softlse_rerun_on_reconnect');
          return box && [getComputedStyle(box).display,
                         getComputedStyle(box.parentElement).display,
                         box.parentElement.getAttribute('data-testid')];
        }"""
    )
    assert shown == ["none", "none", "stLayoutWrapper"]
