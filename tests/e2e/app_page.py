"""One browser tab on the running app, with the waits and read-outs the e2e tests share.

Everything is read from the page a person sees: Streamlit's run state on
``[data-testid="stApp"]`` (attribute ``data-test-script-state``: ``initial`` → ``running`` →
``notRunning``, checked against Streamlit 1.67's DOM), the plotly charts' ``data`` as plotly.js
holds it (numpy arrays arrive base64-encoded; plotly decodes them into ``_inputArray``), the
sidebar navigation, and JavaScript errors raised in the page.
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
from streamlit_server import ROOT

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS_DOCS = ROOT / "docs" / "screenshots"

#: Run-state selector: the script of this session has finished its latest run.
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHART = '[data-testid="stPlotlyChart"]'

#: Installed before any page script: counts every switch of the run state to ``notRunning``
#: and Streamlit's WebSocket messages, so a test can wait for "the rerun my action caused has
#: been answered" without sleeping. (A fast run can go running → notRunning within one React
#: render, leaving no attribute change behind; the message count still sees it.)
RUN_COUNTER_JS = """
window.__softlseRuns = 0;
window.__softlseSent = 0;
window.__softlseLastSent = 0;
window.__softlseLastIn = 0;
new MutationObserver((records) => {
  for (const record of records) {
    if (record.target.getAttribute('data-test-script-state') === 'notRunning') {
      window.__softlseRuns += 1;
    }
  }
}).observe(document, {subtree: true, attributes: true,
                      attributeFilter: ['data-test-script-state']});
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', () => { window.__softlseLastIn = performance.now(); });
  }
  send(data) {
    window.__softlseSent += 1;
    window.__softlseLastSent = performance.now();
    return super.send(data);
  }
};
"""

#: True when the script is idle and every plotly chart on the page is drawn.
SETTLED_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const charts = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'));
  return charts.every((c) => c.querySelector('.main-svg') && c.querySelector('.js-plotly-plot')
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

    def open(self, path: str, *, charts: int = 0) -> None:
        """Go to ``base_url + path`` and wait until the script is idle and at least ``charts``
        plotly charts are drawn."""
        self.page.goto(self.base_url + path)
        self.page.wait_for_selector(IDLE)
        self.wait_settled(charts=charts)

    def wait_settled(self, *, charts: int = 0) -> None:
        """Wait until the script is idle, ``charts`` or more charts exist and all are drawn."""
        self.page.wait_for_function(
            f"() => document.querySelectorAll('{CHART}').length >= {charts} && ({SETTLED_JS})()"
        )

    def rerun(self, action: Callable[[], Any], *, charts: int = 0) -> None:
        """Do ``action`` (which makes Streamlit rerun) and wait until that run has finished
        and the charts are drawn again."""
        runs, sent = self.page.evaluate("() => [window.__softlseRuns, window.__softlseSent]")
        action()
        self.page.wait_for_function(
            f"() => window.__softlseRuns > {runs} || (window.__softlseSent > {sent}"
            " && window.__softlseLastIn > window.__softlseLastSent)"
        )
        self.wait_settled(charts=charts)

    def wait_for_data(
        self, predicate: Callable[[list[list[dict[str, Any]]]], bool], *, what: str
    ) -> list[list[dict[str, Any]]]:
        """Poll the charts' data until ``predicate`` holds (bounded by the page timeout)."""
        deadline = time.monotonic() + self.timeout_ms / 1000
        data = self.plot_data()
        while not predicate(data):
            if time.monotonic() > deadline:
                raise AssertionError(f"charts never showed {what}; last data: {summary(data)}")
            self.page.wait_for_timeout(100)
            data = self.plot_data()
        return data

    # -- reading ---------------------------------------------------------------------------

    def plot_data(self) -> list[list[dict[str, Any]]]:
        """Every chart's traces, page order, arrays as (nested) lists of numbers."""
        return self.page.evaluate(PLOT_DATA_JS)

    def chart_traces(self, key: str) -> list[dict[str, Any]]:
        """Traces of the chart created with ``key=`` (Streamlit marks its container with the
        class ``st-key-<key>``)."""
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
        """Poll the traces (by name) of chart ``key`` until ``predicate`` holds."""
        deadline = time.monotonic() + self.timeout_ms / 1000
        while True:
            named = {t.get("name", ""): t for t in self.chart_traces(key)}
            if predicate(named):
                return named
            if time.monotonic() > deadline:
                raise AssertionError(f"chart {key!r} never showed {what}; traces: {list(named)}")
            self.page.wait_for_timeout(100)

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

    def press_on_slider(self, key: str, keys: str, *, charts: int = 0) -> None:
        """Focus the thumb of slider ``key``, press ``keys`` (e.g. ``ArrowRight``) as a person
        on a keyboard does, and wait for the rerun."""
        # Streamlit 1.67's slider is react-aria's: the thumb is a visually hidden
        # <input type="range"> (implicit role "slider"), which takes the focus and the keys.
        thumb = self.page.locator(f".st-key-{key}").get_by_role("slider")
        thumb.focus()
        self.rerun(lambda: thumb.press(keys), charts=charts)

    def type_into(self, key: str, text: str, *, charts: int = 0) -> None:
        """Replace the text of text box ``key``, press Enter and wait for the rerun."""
        box = self.page.locator(f".st-key-{key} input")
        box.fill(text)
        self.rerun(lambda: box.press("Enter"), charts=charts)

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

    def click_tab(self, label: str, *, charts: int = 0) -> None:
        """Click the tab ``label`` (tabs bound to a query parameter rerun the page) and wait
        until the run has finished and ``charts`` charts are drawn."""
        tab = self.page.get_by_role("tab", name=label, exact=True)
        self.rerun(tab.click, charts=charts)
        expect(tab).to_have_attribute("aria-selected", "true", timeout=self.timeout_ms)

    def click_nav(self, title: str, *, charts: int = 0) -> None:
        """Click the sidebar link ``title`` and wait until that page has run and drawn."""
        link = self.page.locator('[data-testid="stSidebarNavLink"]').filter(has_text=title)
        self.rerun(link.click, charts=charts)

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
        """Wait (bounded) until the address bar's ``name`` is ``value`` (``None``: absent)."""
        deadline = time.monotonic() + self.timeout_ms / 1000
        while self.query(name) != value:
            if time.monotonic() > deadline:
                raise AssertionError(f"URL never had {name}={value!r}: {self.page.url}")
            self.page.wait_for_timeout(50)

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
