"""One browser tab with the probe (``probe.js``) installed: open a page, time one interaction,
wait for an untimed rerun, and count the bytes each step received.

A step's bytes are everything received from just before its input until the page is next used
(the next step's preparation or input, or the end of the interaction), so messages that arrive
after the chart is drawn (a second run, a URL update) still count for the step that caused them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from benchmarks.browser_timing.cdp_bytes import CdpByteCounter

PROBE_JS = (Path(__file__).with_name("probe.js")).read_text(encoding="utf-8")

#: How often Python asks the page whether a step is over (ms). The step's times are taken in
#: the page, per animation frame, so this only bounds how soon the benchmark moves on.
POLL_MS = 50

#: True once the script is idle and at least ``min`` charts exist, each drawn.
SETTLED_JS = """
(min) => {
  if (!window.__bench.idle()) return false;
  const charts = Array.from(
    document.querySelectorAll('[data-testid="stPlotlyChart"]'));
  return charts.length >= min && charts.every((c) => {
    const gd = c.querySelector('.js-plotly-plot');
    return gd && gd._fullData && c.querySelector('.main-svg');
  });
}
"""


class StepFailedError(RuntimeError):
    """The page did not reach the end condition of a step in time (the message says which
    condition was missing)."""


@dataclass(frozen=True)
class ChartRef:
    """Where the chart an interaction redraws is found: the Streamlit keys of its element
    (class ``st-key-<key>``) tried in order, then CSS selectors, then the ``index``-th plotly
    chart of the page (``-1``: no fallback)."""

    keys: tuple[str, ...] = ()
    selectors: tuple[str, ...] = ()
    index: int = -1
    #: Where no chart is found, watch the text of the first element the selectors match (a
    #: tab of tables and formulas): new text is new data.
    text: bool = False

    def as_js(self) -> dict[str, Any]:
        return {
            "selectors": [f".st-key-{key}" for key in self.keys] + list(self.selectors),
            "index": self.index,
            "text": self.text,
        }


@dataclass
class Received:
    """Bytes a step received: WebSocket payloads, ``/_stcore/message`` responses, other HTTP
    responses (Resource Timing ``transferSize``), and how many script runs finished."""

    ws: int = 0
    ws_messages: int = 0
    stcore_message: int = 0
    other_http: int = 0
    runs: int = 0

    @property
    def total(self) -> int:
        """What the table reports: WebSocket plus every HTTP response of the step."""
        return self.ws + self.stcore_message + self.other_http


@dataclass
class StepTiming:
    """One timed step, in ms from the input (keydown or pointerdown)."""

    total_ms: float  # until the new data is drawn and the script is idle
    chart_ms: float  # until the new data is drawn
    server_ms: float  # until the last message received before the end
    browser_ms: float  # from that message until the end
    received: Received = field(default_factory=Received)
    url: str = ""  # the address after the step: the app's state (query parameters)
    repeated: bool = False  # the address had been shown before: possibly a cache hit
    cdp_bytes: int | None = None  # the same window counted by DevTools events, if asked


class StateLog(Protocol):
    def visit(self, url: str) -> bool:
        """Note a state; return whether it was seen before."""


class ProbedPage:
    """A page in its own browser context (its own Streamlit session) with the probe."""

    def __init__(
        self, browser: Any, name: str, *, viewport: dict[str, int], cdp_check: bool = False
    ) -> None:
        self.name = name
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.page.add_init_script(PROBE_JS)
        self.cdp = CdpByteCounter(self.context, self.page) if cdp_check else None
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self._open_step: tuple[StepTiming, float, int] | None = None
        #: Where the app states this page shows are noted (``None``: not checked).
        self.state_log: StateLog | None = None

    def open(self, url: str, *, timeout_s: float, min_charts: int = 1) -> float:
        """Go to ``url`` and wait until the script is idle and ``min_charts`` charts are drawn;
        returns that moment in ms since navigation start."""
        self.page.goto(url, timeout=timeout_s * 1000)
        return self.wait_settled(timeout_s=timeout_s, min_charts=min_charts)

    def wait_settled(self, *, timeout_s: float, min_charts: int = 1) -> float:
        self.page.wait_for_function(
            "(min) => { if ((" + SETTLED_JS + ")(min)) { window.__settledAt ??= "
            "performance.now(); return true; } return false; }",
            arg=min_charts,
            timeout=timeout_s * 1000,
            polling=POLL_MS,
        )
        return float(self.page.evaluate("() => window.__settledAt"))

    def received_since(self, start_ms: float) -> Received:
        counts = self.page.evaluate(
            "(from) => window.__bench.received(from, performance.now() + 1)", start_ms
        )
        return Received(**counts)

    def close_step(self) -> None:
        """Attribute the bytes received since the last step's input to it, and note the
        address it left the page at."""
        if self._open_step is None:
            return
        timing, start, cdp_start = self._open_step
        self._open_step = None
        timing.received = self.received_since(start)  # (a round trip: CDP events are in)
        if self.cdp is not None:
            timing.cdp_bytes = self.cdp.total - cdp_start
        timing.url = self.page.url
        if self.state_log is not None:
            timing.repeated = self.state_log.visit(timing.url)

    def untimed(self, action: Callable[[], None], *, timeout_s: float) -> None:
        """Do ``action`` (which reruns the script) and wait until that run has finished
        successfully and every chart is drawn: a preparation, not measured."""
        self.close_step()
        self.page.bring_to_front()
        self.page.evaluate(
            "([timeout]) => window.__bench.arm("
            "{selectors: [], index: -1, text: false}, timeout, false)",
            [timeout_s * 1000],
        )
        action()
        self._wait_step(timeout_s)
        self.wait_settled(timeout_s=timeout_s, min_charts=0)
        if self.state_log is not None:
            self.state_log.visit(self.page.url)

    def measure(
        self, chart: ChartRef, action: Callable[[], None], *, timeout_s: float
    ) -> StepTiming:
        """Do ``action`` (one input: a key press, a click, Enter in a box) and time it until
        ``chart`` is drawn with new data and the script is idle (see ``probe.js``)."""
        self.close_step()
        self.page.bring_to_front()
        cdp_start = self.cdp.total if self.cdp is not None else 0
        armed_at = float(
            self.page.evaluate(
                "([chart, timeout]) => { window.__bench.arm(chart, timeout, true);"
                " return window.__bench.step.armedAt; }",
                [chart.as_js(), timeout_s * 1000],
            )
        )
        action()
        step = self._wait_step(timeout_s)
        last_in = step["lastIn"] if step["lastIn"] is not None else step["t0"]
        timing = StepTiming(
            total_ms=step["end"] - step["t0"],
            chart_ms=step["changed"] - step["t0"],
            server_ms=last_in - step["t0"],
            browser_ms=step["end"] - last_in,
        )
        self._open_step = (timing, armed_at, cdp_start)
        return timing

    def _wait_step(self, timeout_s: float) -> dict[str, Any]:
        self.page.wait_for_function(
            "() => window.__bench.step.end !== null || window.__bench.step.failed !== null",
            timeout=(timeout_s + 5) * 1000,
            polling=POLL_MS,
        )
        step = self.page.evaluate("() => window.__bench.step")
        if step["failed"] is not None:
            waited = (step["failedAt"] - step["armedAt"]) / 1000
            raise StepFailedError(f"{self.name}: {step['failed']} ({waited:.0f} s after arming)")
        return step

    def close(self) -> None:
        self.context.close()
