"""One browser tab on the running app, with the waits and read-outs the e2e tests share.

Everything is read from the page a person sees: Streamlit's run state on
``[data-testid="stApp"]`` (attribute ``data-test-script-state``: ``initial`` → ``running`` →
``notRunning``, checked against Streamlit 1.67's DOM), the plotly charts' ``data`` as plotly.js
holds it (numpy arrays arrive base64-encoded; plotly decodes them into ``_inputArray``), the
sidebar navigation, and JavaScript errors raised in the page.

Every wait is for a condition, never for a moment: an action waits for the run it caused to
be reported finished by the server (a count of ``script_finished`` messages), the script to
be idle and the charts of that run to be drawn — a named chart (``chart=<key>``) when the
action creates one; a read of chart data waits for a chart holding a figure it has not seen
yet that satisfies the test's predicate. All waits are bounded by the page timeout.
"""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit_server import ROOT

from softlse_app.common.commit_before_navigation import RUN_MARK_JS

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS_DOCS = ROOT / "docs" / "screenshots"

#: Run-state selector: the script of this session is not running.
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHART = '[data-testid="stPlotlyChart"]'

#: Installed before any page script: counts the script runs the server reports finished.
#: Streamlit ends each run with a ForwardMsg whose field 6 (``script_finished``) is a status:
#: 0 finished, 1 compile error, 3 fragment run finished (2, "stopped early for a rerun", is
#: followed by another run, so it is not counted). The messages are protobuf, read with the
#: app's own reader of their top-level field tags (``RUN_MARK_JS``, which
#: ``test_e2e_sheet_typed_then_nav.py`` checks against protobuf's parse). A test waits for
#: "the run my action caused has finished" as "one more finished run than before the
#: action", never for a moment, and never for a change of the run-state attribute, which a
#: fast run can skip within one React render.
RUN_COUNTER_JS = (
    """
window.__softlseFinished = 0;
const runMark = """
    + RUN_MARK_JS.strip()
    + """;
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (event) => {
      const status = runMark(event.data);
      if (status === 0 || status === 1 || status === 3) window.__softlseFinished += 1;
    });
  }
};
"""
)

#: ``(args) => bool`` with ``args = {runs, charts, key}``: more than ``runs`` runs have
#: finished, the script is idle, no element is still loading (Streamlit shows a skeleton
#: while an element's code or a Markdown plugin loads, after the run has finished) or stale,
#: at least ``charts`` plotly charts are on the page, the chart keyed ``key`` (if given) is
#: among them, and every chart is drawn.
SETTLED_JS = """
({runs, charts, key}) => {
  if (window.__softlseFinished <= runs) return false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  // elements whose code or Markdown plugins are still loading show a skeleton; elements of
  // an earlier run not yet replaced are marked stale
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  const all = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'));
  if (all.length < charts) return false;
  if (key && !document.querySelector('.st-key-' + key + ' [data-testid="stPlotlyChart"]')) {
    return false;
  }
  return all.every((c) => c.querySelector('.main-svg') && c.querySelector('.js-plotly-plot')
                          && c.querySelector('.js-plotly-plot')._fullLayout);
}
"""

#: The data of every plotly chart, in page order, as plain nested arrays.
PLOT_DATA_JS = """
() => {
  const TYPES = {f8: Float64Array, f4: Float32Array, i1: Int8Array, u1: Uint8Array,
                 i2: Int16Array, u2: Uint16Array, i4: Int32Array, u4: Uint32Array};
  const decode = (v) => {
    const bytes = Uint8Array.from(atob(v.bdata), (ch) => ch.charCodeAt(0));
    const flat = Array.from(new TYPES[v.dtype](bytes.buffer));
    const shape = String(v.shape || flat.length).split(',').map((s) => parseInt(s, 10));
    if (shape.length < 2) return flat;
    const rows = [];
    for (let i = 0; i < shape[0]; i++) rows.push(flat.slice(i * shape[1], (i + 1) * shape[1]));
    return rows;
  };
  const plain = (v) => {
    if (v === null || v === undefined) return v;
    if (ArrayBuffer.isView(v)) return Array.from(v);
    if (Array.isArray(v)) return v.map(plain);
    if (typeof v === 'object') {
      if ('bdata' in v) return v._inputArray ? plain(v._inputArray) : decode(v);
      const out = {};
      for (const [key, value] of Object.entries(v)) {
        if (!key.startsWith('_')) out[key] = plain(value);
      }
      return out;
    }
    return v;
  };
  return Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot'))
    .map((gd) => (gd.data || []).map(plain));
}
"""


#: ``({key, settled}) => traces | null``: the traces of the chart keyed ``key`` when the page
#: is settled (``settled``: the arguments of SETTLED_JS) and the chart holds data this function
#: has not returned before (plotly replaces ``gd.data`` with each new figure), else ``null``.
#: ``key`` ``null``: every chart's traces, once any chart holds new data.
NEW_TRACES_JS = """
({key, settled}) => {
  if (!(SETTLED)(settled)) return null;
  const plots = Array.from(document.querySelectorAll(
    (key ? '.st-key-' + key + ' ' : '') + '[data-testid="stPlotlyChart"] .js-plotly-plot'));
  if (plots.length === 0) return null;
  const seen = (window.__softlseSeenData ??= new Map());
  const name = key ?? '';
  const current = plots.map((gd) => gd.data);
  const before = seen.get(name);
  if (before && before.length === current.length && before.every((d, i) => d === current[i])) {
    return null;
  }
  seen.set(name, current);
  const data = (PLOT_DATA)().filter((_, i) => plots.includes(document.querySelectorAll(
    '[data-testid="stPlotlyChart"] .js-plotly-plot')[i]));
  return key ? data[0] : data;
}
""".replace("(SETTLED)", f"({SETTLED_JS.strip()})").replace(
    "(PLOT_DATA)", f"({PLOT_DATA_JS.strip()})"
)


class AppPage:
    """A Playwright page on the app at ``base_url`` that records JavaScript errors."""

    def __init__(self, page: Page, base_url: str, *, timeout_ms: float = 30_000) -> None:
        self.page = page
        self.base_url = base_url
        self.timeout_ms = timeout_ms
        self.errors: list[str] = []
        page.set_default_timeout(timeout_ms)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.add_init_script(RUN_COUNTER_JS)

    # -- waiting ---------------------------------------------------------------------------

    def finished_runs(self) -> int:
        """How many script runs of this tab the server has reported finished."""
        return int(self.page.evaluate("() => window.__softlseFinished"))

    def open(self, path: str, *, charts: int = 0, chart: str | None = None) -> None:
        """Go to ``base_url + path`` and wait until its first run has finished, the script is
        idle and the charts are drawn: at least ``charts`` of them, the one keyed ``chart``
        among them (see :meth:`wait_settled`)."""
        self.page.goto(self.base_url + path)
        self.wait_settled(after=0, charts=charts, chart=chart)

    def wait_settled(self, *, after: int = -1, charts: int = 0, chart: str | None = None) -> None:
        """Wait until more than ``after`` runs have finished (``-1``: whatever has run), the
        script is idle, at least ``charts`` plotly charts are on the page — the one created
        with ``key=chart`` among them — and every chart is drawn. A run's last message
        clears the previous run's elements, so these are the charts of the latest run."""
        self.page.wait_for_function(SETTLED_JS, arg={"runs": after, "charts": charts, "key": chart})

    def rerun(
        self, action: Callable[[], Any], *, charts: int = 0, chart: str | None = None
    ) -> None:
        """Do ``action`` (which makes Streamlit rerun) and wait until that run has finished,
        the script is idle and the charts are drawn (as :meth:`wait_settled`)."""
        before = self.finished_runs()
        action()
        self.wait_settled(after=before, charts=charts, chart=chart)

    def _wait_for_new_data(
        self, key: str | None, accept: Callable[[Any], bool], *, what: str
    ) -> Any:
        """Wait until the page is settled and chart ``key`` (every chart: ``None``) holds data
        not seen at an earlier check of this call, and ``accept`` takes it; bounded by the
        page timeout. Each check waits for a new figure, never for a moment."""
        deadline = time.monotonic() + self.timeout_ms / 1000
        settled = {"runs": -1, "charts": 0, "key": key}
        last: Any = None
        self.page.evaluate("(name) => window.__softlseSeenData?.delete(name)", key or "")
        while True:
            remaining_ms = (deadline - time.monotonic()) * 1000
            try:
                handle = self.page.wait_for_function(
                    NEW_TRACES_JS,
                    arg={"key": key, "settled": settled},
                    timeout=max(remaining_ms, 1),
                )
            except PlaywrightTimeoutError:
                shown = summary(last) if key is None else [t.get("name", "") for t in last or []]
                raise AssertionError(
                    f"chart {key or '(any)'} never showed {what}; last data: {shown}"
                ) from None
            last = handle.json_value()
            if accept(last):
                return last

    def wait_for_data(
        self, predicate: Callable[[list[list[dict[str, Any]]]], bool], *, what: str
    ) -> list[list[dict[str, Any]]]:
        """Wait until the charts' data (every chart, page order) satisfies ``predicate``."""
        return self._wait_for_new_data(None, predicate, what=what)

    # -- reading ---------------------------------------------------------------------------

    def plot_data(self) -> list[list[dict[str, Any]]]:
        """Every chart's traces, page order, arrays as (nested) lists of numbers."""
        return self.page.evaluate(PLOT_DATA_JS)

    def chart_traces(self, key: str) -> list[dict[str, Any]]:
        """Traces of the chart created with ``key=`` (Streamlit marks its container with the
        class ``st-key-<key>``), read now: use it after :meth:`wait_for_traces`, or after an
        :meth:`open` that waited for that chart."""
        data = self.page.evaluate(
            f"(key) => ({PLOT_DATA_JS})().filter((_, i) => document.querySelectorAll("
            f"'{CHART} .js-plotly-plot')[i].closest('.st-key-' + key))",
            key,
        )
        assert data, f"no plotly chart with key {key!r} on the page"
        return data[0]

    def wait_for_traces(
        self, key: str, predicate: Callable[[dict[str, dict[str, Any]]], bool], *, what: str
    ) -> dict[str, dict[str, Any]]:
        """Wait until chart ``key`` exists and is drawn, the script is idle and the chart's
        traces (by name) satisfy ``predicate``; returns them. A chart that a click's run
        creates (a tab's) is waited for, then each new figure it shows is checked, bounded
        by the page timeout."""
        traces = self._wait_for_new_data(
            key, lambda data: predicate({t.get("name", ""): t for t in data}), what=what
        )
        return {t.get("name", ""): t for t in traces}

    def slider_value(self, key: str) -> str:
        """The value label on the thumb of the slider ``key``."""
        return self.page.locator(f'.st-key-{key} [data-testid="stSliderThumbValue"]').inner_text()

    def expect_slider_value(self, key: str, text: str) -> None:
        """Wait (bounded) until the thumb of slider ``key`` shows ``text``."""
        thumb = self.page.locator(f'.st-key-{key} [data-testid="stSliderThumbValue"]')
        expect(thumb).to_have_text(text, timeout=self.timeout_ms)

    def expect_input_value(self, key: str, text: str) -> None:
        """Wait (bounded) until text box ``key`` holds ``text``."""
        expect(self.page.locator(f".st-key-{key} input")).to_have_value(
            text, timeout=self.timeout_ms
        )

    def press_on_slider(
        self, key: str, keys: str, *, charts: int = 0, chart: str | None = None
    ) -> None:
        """Focus the thumb of slider ``key``, press ``keys`` (e.g. ``ArrowRight``) as a person
        on a keyboard does, and wait for the rerun (as :meth:`rerun`)."""
        # Streamlit 1.67's slider is react-aria's: the thumb is a visually hidden
        # <input type="range"> (implicit role "slider"), which takes the focus and the keys.
        thumb = self.page.locator(f".st-key-{key}").get_by_role("slider")
        thumb.focus()
        self.rerun(lambda: thumb.press(keys), charts=charts, chart=chart)

    def type_into(self, key: str, text: str, *, charts: int = 0, chart: str | None = None) -> None:
        """Replace the text of text box ``key``, press Enter and wait for the rerun (as
        :meth:`rerun`)."""
        box = self.page.locator(f".st-key-{key} input")
        box.fill(text)
        self.rerun(lambda: box.press("Enter"), charts=charts, chart=chart)

    def input_value(self, key: str) -> str:
        return self.page.locator(f".st-key-{key} input").input_value()

    def chart_count(self) -> int:
        return self.page.locator(CHART).count()

    def nav_titles(self) -> list[str]:
        """Titles of the sidebar navigation links, in order."""
        labels = self.page.locator(
            '[data-testid="stSidebarNavLink"] [data-testid="stMarkdownContainer"]'
        )
        return [text.strip() for text in labels.all_inner_texts()]

    def click_tab(self, label: str, *, charts: int = 0, chart: str | None = None) -> None:
        """Click the tab ``label`` (tabs bound to a query parameter rerun the page) and wait
        until the run it caused has finished and the tab's chart ``chart`` (and ``charts``
        charts in all) is drawn: not the previous tab's chart, which that run removes."""
        tab = self.page.get_by_role("tab", name=label, exact=True)
        self.rerun(tab.click, charts=charts, chart=chart)
        expect(tab).to_have_attribute("aria-selected", "true", timeout=self.timeout_ms)

    def click_nav(self, title: str, *, charts: int = 0, chart: str | None = None) -> None:
        """Click the sidebar link ``title`` and wait until that page has run and drawn."""
        link = self.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text=title)
        self.rerun(link.click, charts=charts, chart=chart)

    def expect_path(self, url_path: str) -> None:
        """Wait (bounded) until the address bar shows the page ``url_path`` ("" for the home
        page at ``/``), with any query string: the frontend updates the URL after the run, so
        reading it once right after a click races with that update."""
        tail = f"/{re.escape(url_path)}" if url_path else "/?"
        expect(self.page).to_have_url(
            re.compile(re.escape(self.base_url) + tail + r"(\?.*)?$"), timeout=self.timeout_ms
        )

    def query(self, name: str) -> str | None:
        """The last value of query parameter ``name`` in the address bar (``None`` if absent)."""
        values = parse_qs(urlsplit(self.page.url).query).get(name)
        return values[-1] if values else None

    def expect_query(self, name: str, value: str | None) -> None:
        """Wait (bounded) until the address bar's last ``name`` is ``value`` (``None``:
        absent)."""
        try:
            self.page.wait_for_function(
                "([name, value]) => { const all = new URLSearchParams(location.search)"
                ".getAll(name); return value === null ? all.length === 0"
                " : all[all.length - 1] === value; }",
                arg=[name, value],
            )
        except PlaywrightTimeoutError:
            raise AssertionError(f"URL never had {name}={value!r}: {self.page.url}") from None

    def exceptions(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def page_not_found(self) -> bool:
        return self.page.get_by_text("Page not found", exact=False).count() > 0

    def assert_healthy(self, *, charts: int = 0) -> None:
        """No Streamlit exception, no "Page not found" dialog, no JavaScript error, and at least
        ``charts`` plotly charts, each drawn (``.main-svg``)."""
        assert self.exceptions() == [], self.exceptions()
        assert not self.page_not_found(), "Streamlit showed the 'Page not found' dialog"
        assert self.errors == [], f"JavaScript errors in the page: {self.errors}"
        total = self.chart_count()
        assert total >= charts, f"expected at least {charts} charts, found {total}"
        drawn = self.page.locator(f"{CHART} .main-svg").count()
        undrawn = self.page.evaluate(
            f"() => Array.from(document.querySelectorAll('{CHART}'))"
            ".filter((c) => !c.querySelector('.main-svg')).length"
        )
        assert undrawn == 0, f"{undrawn} of {total} charts not drawn ({drawn} svg layers)"

    # -- artifacts -------------------------------------------------------------------------

    def screenshot(self, name: str, *, max_height: int = 6000) -> Path:
        """Save the whole page (the main area scrolls inside the app, so the viewport is
        grown to the content first, up to ``max_height`` px: a lower value keeps the top of a
        long page) to ``test-artifacts/screenshots/<name>.png`` and, with
        ``SOFTLSE_UPDATE_SCREENSHOTS=1``, to ``docs/screenshots/<name>.png`` as well."""
        viewport = self.page.viewport_size or {"width": 1400, "height": 900}
        height = self.page.evaluate(
            "() => Math.max(document.documentElement.scrollHeight,"
            ' ...Array.from(document.querySelectorAll(\'[data-testid="stMain"],'
            ' [data-testid="stAppViewContainer"]\')).map((e) => e.scrollHeight))'
        )
        self.page.set_viewport_size(
            {
                "width": viewport["width"],
                "height": min(max(int(height), viewport["height"]), max_height),
            }
        )
        self.wait_settled()
        # from the top: a click (a reveal) may have scrolled the main area down, and a page
        # taller than max_height then showed its middle
        self.page.evaluate(
            "() => { window.scrollTo(0, 0); document.querySelectorAll("
            '\'[data-testid="stMain"], [data-testid="stAppViewContainer"]\')'
            ".forEach((e) => e.scrollTo(0, 0)); }"
        )
        self.page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
        target = ARTIFACTS / "screenshots" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        png = self.page.screenshot(path=str(target), full_page=True)
        if os.environ.get("SOFTLSE_UPDATE_SCREENSHOTS") == "1":
            SCREENSHOTS_DOCS.mkdir(parents=True, exist_ok=True)
            (SCREENSHOTS_DOCS / f"{name}.png").write_bytes(png)
        self.page.set_viewport_size(viewport)
        return target


# -- helpers on chart data ----------------------------------------------------------------


def summary(data: list[list[dict[str, Any]]]) -> str:
    """Short description of chart data for assertion messages."""
    parts = []
    for index, traces in enumerate(data):
        kinds = ", ".join(f"{t.get('type', 'scatter')}:{t.get('name', '')}" for t in traces)
        parts.append(f"chart {index}: [{kinds}]")
    return "; ".join(parts)


def flat_numbers(values: Any) -> list[float]:
    """All finite numbers in a (nested) list."""
    if isinstance(values, list):
        return [x for item in values for x in flat_numbers(item)]
    if isinstance(values, int | float) and not isinstance(values, bool):
        return [float(values)] if math.isfinite(values) else []
    return []


def traces(data: list[list[dict[str, Any]]], *types: str) -> list[dict[str, Any]]:
    """All traces of the given plotly types (all traces if none given), page order."""
    return [t for chart in data for t in chart if not types or t.get("type", "scatter") in types]


def close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol


def numbers_in_text(text: str) -> list[float]:
    """Numbers written in ``text`` (``1, 2.5, -3e2``)."""
    return [float(m) for m in re.findall(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", text)]
