"""A prediction typed on the sheet without Enter, then a click on another page in the sidebar:
the student lands on that page and stays there, and the prediction is still in its box when
they come back to the sheet (softlse_app.common.commit_before_navigation).

The box commits its text when it loses focus, and Streamlit's frontend sends that commit a
moment after the click's page change: without the app's script the server ran the sheet
again after the other page, which showed for a moment before the sheet came back.
Playwright's click presses and releases at once, which is when the commit came second every
time. The script holds the click until the commit's run has ended: the last tests serve the
app so that every run starts a second after its first message (tests/e2e/slow_start_app.py),
where a click let go at that first message lost the prediction every time.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from app_page import AppPage
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit_server import StreamlitServer

from softlse_app.common.commit_before_navigation import RUN_MARK_JS

pytestmark = pytest.mark.e2e

#: How long the address bar and the title are watched after the page has settled: a page
#: brought back by a late message changes them well within this (about 0.2 s in the report).
WATCH_MS = 1500

#: ``({path, title}) => bool``, polled through the watch: true as soon as the address bar's
#: path or the page's title is no longer ``path``/``title`` (the page left).
LEFT_PAGE_JS = """
({path, title}) => {
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return location.pathname !== path || !h1 || h1.textContent.trim() !== title;
}
"""


#: Installed before the page's scripts: every server message of the tab (``data``, an
#: ArrayBuffer) and every message it sends (``rerun``: whether it is a rerun request, which a
#: page change is too), in order.
WIRE_LOG_JS = """
window.__softlseWire = [];
const LoggedSocket = window.WebSocket;
window.WebSocket = class extends LoggedSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (event) => {
      if (event.data instanceof ArrayBuffer) window.__softlseWire.push({data: event.data});
    });
  }
  send(data) {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    window.__softlseWire.push({rerun: bytes[0] === 0x5a});
    return super.send(data);
  }
};
"""


def _wire(app: AppPage) -> list[str | int | None]:
    """The tab's traffic so far, as the app's script reads it: ``"sent rerun"`` for a rerun
    request (a page change is one too), and for each server message what
    :data:`RUN_MARK_JS` finds in it (``"started"``, a run's end status, or None)."""
    return app.page.evaluate(
        f"""() => {{
          const runMark = {RUN_MARK_JS};
          return window.__softlseWire
            .filter((m) => m.data || m.rerun)
            .map((m) => (m.data ? runMark(m.data) : 'sent rerun'));
        }}"""
    )


def _type_without_enter(app: AppPage, key: str, text: str) -> None:
    box = app.page.locator(f".st-key-{key} input")
    box.click()
    box.fill(text)


def _active_nav_title(app: AppPage) -> str:
    link = app.page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]')
    return link.locator('[data-testid="stMarkdownContainer"]').inner_text().strip()


def _expect_on_page(app: AppPage, url_path: str, title: str, *, charts: int) -> None:
    """The page ``url_path`` titled ``title`` has run, is drawn and idle, and stays: its path
    and title do not change for :data:`WATCH_MS` after that."""
    app.expect_path(url_path)
    main = app.page.locator('[data-testid="stMain"]')
    expect(main.locator("h1").first).to_have_text(title, timeout=app.timeout_ms)
    app.wait_settled(charts=charts)
    try:
        app.page.wait_for_function(
            LEFT_PAGE_JS,
            arg={"path": f"/{url_path}", "title": title},
            polling=50,
            timeout=WATCH_MS,
        )
    except PlaywrightTimeoutError:
        pass  # stayed on the page for the whole watch: what the test wants
    else:
        raise AssertionError(
            f"left /{url_path} after it had settled: now at {app.page.url}, "
            f"title {main.locator('h1').first.inner_text()!r}"
        )
    app.wait_settled(charts=charts)
    app.expect_path(url_path)
    expect(main.locator("h1").first).to_have_text(title, timeout=app.timeout_ms)


@pytest.mark.parametrize(
    ("title", "url_path", "charts"),
    [("Vector lab", "vector_lab", 1), ("LSE vs max", "lse_vs_max", 1)],
)
def test_prediction_typed_without_enter_then_sidebar_click_lands_and_is_kept(
    app: AppPage, title: str, url_path: str, charts: int
) -> None:
    app.open("/sheet")
    _type_without_enter(app, "pb1", "0.05")
    before = app.finished_runs()
    app.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text=title).click()
    app.wait_settled(after=before)
    _expect_on_page(app, url_path, title, charts=charts)
    assert _active_nav_title(app) == title
    app.assert_healthy(charts=charts)

    app.click_nav("Exercise sheet")
    _expect_on_page(app, "sheet", "Exercise sheet 7: predict, then reveal", charts=0)
    app.expect_input_value("pb1", "0.05")
    app.expect_query("pb1", "0.05")
    app.assert_healthy()


# -- a loaded server ------------------------------------------------------------------------

#: The app served so that each run waits a second after its first message before it takes the
#: browser's values: what a busy machine does now and then (tests/e2e/slow_start_app.py).
SLOW_START_APP = Path(__file__).resolve().parent / "slow_start_app.py"

#: The longest hold for the tests on the slow server: far beyond their waits (30 s).
LONGEST_HOLD_MS = 600_000


@pytest.fixture(scope="module")
def slow_start_app(browser_context: Any) -> Iterator[AppPage]:
    with StreamlitServer(SLOW_START_APP) as server:
        app = AppPage(browser_context.new_page(), server.url)
        # the script holds a click at most 10 s and then gives it anyway: here only the
        # run's end can give it, so a script that missed that end fails the test's waits
        app.page.add_init_script(f"window.__softlseMaxHoldMs = {LONGEST_HOLD_MS};")
        yield app
        app.page.close()


@pytest.mark.parametrize("press", ["click", "slow press"])
def test_prediction_typed_then_sidebar_click_is_kept_when_the_server_is_slow(
    slow_start_app: AppPage, press: str
) -> None:
    """The click is held until the run that takes the typed prediction has ended. Released at
    that run's first message, the page change reached a slow server before the run had taken
    the prediction and stopped it there: the prediction was gone on coming back. A slow press
    (the box's text has left before the button comes up) is held the same way."""
    app = slow_start_app
    app.open("/sheet")
    text = {"click": "0.05", "slow press": "1/4"}[press]
    _type_without_enter(app, "pb1", text)
    before = app.finished_runs()
    link = app.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Vector lab")
    if press == "click":
        link.click()
    else:
        box = link.bounding_box()
        assert box is not None
        app.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        app.page.mouse.down()
        app.expect_query("pb1", text)  # the box has committed: Streamlit writes it at once
        app.page.mouse.up()
    app.wait_settled(after=before)
    _expect_on_page(app, "vector_lab", "Vector lab", charts=1)

    app.click_nav("Exercise sheet")
    _expect_on_page(app, "sheet", "Exercise sheet 7: predict, then reveal", charts=0)
    app.expect_input_value("pb1", text)
    app.expect_query("pb1", text)
    app.assert_healthy()


def test_the_scripts_reader_finds_each_runs_start_and_end_in_streamlits_own_messages(
    app: AppPage,
) -> None:
    """RUN_MARK_JS, run in Chromium on every message the server sent to a tab through full
    runs, fragment runs and a run stopped for another, says what protobuf's own parser finds
    in the same bytes: a run's start, its end status, or neither (a field's length read after
    the skip began left it one byte short, and it found neither start nor end)."""
    app.page.add_init_script(WIRE_LOG_JS)
    app.open("/vector_lab", charts=1)
    app.type_into("v", "4, 5, 9", charts=1)
    app.press_on_slider("lam", "ArrowRight", charts=1)
    thumb = app.page.locator(".st-key-lam").get_by_role("slider")
    app.rerun(lambda: thumb.press("ArrowRight+ArrowRight+ArrowRight"), charts=1)
    app.click_tab("Temperature sweep", chart="sweep")
    marks = app.page.evaluate(
        f"() => window.__softlseWire.filter((m) => m.data).map((m) => ({RUN_MARK_JS})(m.data))"
    )
    raw = app.page.evaluate(
        """() => window.__softlseWire.filter((m) => m.data).map((m) => {
          const bytes = new Uint8Array(m.data);
          let text = '';
          for (let i = 0; i < bytes.length; i += 8192) {
            text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
          }
          return btoa(text);
        })"""
    )
    expected: list[str | int | None] = []
    for encoded in raw:
        message = ForwardMsg.FromString(base64.b64decode(encoded))
        kind = message.WhichOneof("type")
        if kind == "new_session":
            expected.append("started")
        elif kind == "script_finished":
            expected.append(int(message.script_finished))
        else:
            expected.append(None)
    assert marks == expected
    ends = [mark for mark in expected if isinstance(mark, int)]
    assert expected.count("started") >= 5
    assert len(ends) >= 5
    # the first load is a full run; the vector lab's controls rerun their fragments
    assert ForwardMsg.FINISHED_SUCCESSFULLY in ends
    assert ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY in ends
    assert len(expected) > 3 * expected.count("started")  # deltas, read as neither
    app.assert_healthy(charts=1)


def test_the_page_change_leaves_after_the_typed_texts_run_has_ended(
    slow_start_app: AppPage,
) -> None:
    """On the wire: the box's commit (a rerun request), that run's start and end, and only
    then the page change (the next rerun request). The script's longest hold is set far
    beyond the test's waits, so the click can only have been given by that run's end."""
    app = slow_start_app
    app.page.add_init_script(WIRE_LOG_JS)
    app.open("/sheet")
    app.page.evaluate("() => { window.__softlseWire.length = 0; }")
    _type_without_enter(app, "pb1", "0.3")
    before = app.finished_runs()
    app.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="LSE vs max").click()
    app.wait_settled(after=before)
    _expect_on_page(app, "lse_vs_max", "LSE vs max", charts=1)
    wire = _wire(app)
    commit = wire.index("sent rerun")
    page_change = wire.index("sent rerun", commit + 1)
    between = wire[commit + 1 : page_change]
    assert between[-1] == ForwardMsg.FINISHED_SUCCESSFULLY, wire
    assert "started" in between
    app.click_nav("Exercise sheet")
    _expect_on_page(app, "sheet", "Exercise sheet 7: predict, then reveal", charts=0)
    app.expect_input_value("pb1", "0.3")


@pytest.mark.parametrize("click", ["double click", "Ctrl-click"])
def test_a_double_or_ctrl_click_after_typing_lands_once_and_keeps_the_text(
    app: AppPage, click: str
) -> None:
    """A double click (or a double tap) on a page link after typing changes the page once,
    after the typed text's run: the second click no longer went through at once, ahead of
    the box's commit, which then reran the old page's fragment on the new page and left it
    blank. Streamlit's links change the page in the same tab even with Ctrl held, so a
    Ctrl-click is held as well: it used to bring the old page back."""
    app.open("/softmax_grid", charts=4)
    _type_without_enter(app, "lams", "2, 7")
    link = app.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="LSE vs max")
    before = app.finished_runs()
    if click == "double click":
        link.dblclick()
    else:
        link.click(modifiers=["Control"])
    app.wait_settled(after=before)
    _expect_on_page(app, "lse_vs_max", "LSE vs max", charts=1)
    app.assert_healthy(charts=1)
    app.click_nav("Softmax and one-hot", charts=4)
    app.expect_input_value("lams", "2, 7")
    app.expect_query("lams", "2, 7")
    app.assert_healthy(charts=4)


def test_enter_then_a_quick_click_waits_for_the_run_that_takes_the_text(
    slow_start_app: AppPage,
) -> None:
    """After Enter the focus stays in the box and the text has left already: the click commits
    nothing, but the run Enter asked for is still going on a slow server, and it is the one
    that takes the prediction. The click waits for it, as for a commit."""
    app = slow_start_app
    app.open("/sheet")
    box = app.page.locator(".st-key-pb1 input")
    box.click()
    box.fill("0.125")
    before = app.finished_runs()
    box.press("Enter")
    app.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text="Vector lab").click()
    app.wait_settled(after=before)
    _expect_on_page(app, "vector_lab", "Vector lab", charts=1)
    app.click_nav("Exercise sheet")
    _expect_on_page(app, "sheet", "Exercise sheet 7: predict, then reveal", charts=0)
    app.expect_input_value("pb1", "0.125")
    app.expect_query("pb1", "0.125")
    app.assert_healthy()
