"""Browser latency of the app against a bare one-widget Streamlit page, in one run.

Starts ``streamlit run app.py`` and ``streamlit run benchmarks/bare_app.py`` on free loopback
ports and drives Debian's Chromium (headless, through Playwright) against both:

(i)  first load: a new browser context (cold cache, a new visitor) per load, from navigation
     start until the script has finished and every plotly chart is drawn; per page.
(ii) edit → redraw: type a new vector into the ``v`` text box, press Enter, and time from the
     Enter keydown to the first animation frame in which the script has finished, the bar
     chart shows the new data and every chart is drawn. Vector lab and bare page are measured
     alternately (same machine state), each edit with a vector not seen before (no cache hit).
     A third page takes part: the bare page with the app's garbage-collector freeze
     (``benchmarks/bare_app_frozen.py``), so the report can separate what the freeze gains
     from what the vector lab page itself costs.
(iii) tab switch: on the vector lab, click the "Temperature sweep" tab (and back to "Offset
     and scale") and time from the click to the tab's chart drawn with the script idle.

All times are taken inside the page (``performance.now()``); a WebSocket hook records when
Streamlit's messages leave and arrive and their size, which splits an edit into server +
transport (Enter → last message in) and browser (last message in → drawn).

Usage::

    python benchmarks/browser.py [--edits 15] [--loads 3]

Needs Chromium (``apt-get install chromium``) and ``playwright`` (requirements-dev.txt).
Only ratios measured in the same run mean anything on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from streamlit_server import CHROMIUM_ARGS, StreamlitServer, find_chromium  # noqa: E402

#: Installed before any page script: records Streamlit's WebSocket traffic, the script's run
#: count, and (when armed by EDIT_JS) the timings of one edit.
PROBE_JS = """
window.__probe = {ws: [], runs: 0};
const NativeWebSocket = window.WebSocket;
const size = (d) => d.byteLength ?? d.size ?? d.length ?? 0;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (e) => {
      window.__probe.ws.push([performance.now(), 1, size(e.data)]);
    });
  }
  send(data) {
    window.__probe.ws.push([performance.now(), 0, size(data)]);
    return super.send(data);
  }
};
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute('data-test-script-state') === 'notRunning') window.__probe.runs++;
  }
}).observe(document, {subtree: true, attributes: true,
                      attributeFilter: ['data-test-script-state']});
"""

#: True when the script is idle and there are ``min`` or more charts, all drawn.
SETTLED_JS = """
(min) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const charts = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'));
  return charts.length >= min && charts.every((c) => {
    const gd = c.querySelector('.js-plotly-plot');
    return gd && gd._fullLayout && c.querySelector('.main-svg');
  });
}
"""

#: Arms the measurement of one edit; resolves nothing, the result lands in __probe.edit.
EDIT_JS = (
    """
([watched]) => {
  const settled = """
    + SETTLED_JS
    + """;
  const chart = () => document.querySelector(watched + ' .js-plotly-plot');
  const before = chart().data;
  const runs = window.__probe.runs;
  const edit = {t0: null, changed: null, end: null};
  window.__probe.edit = edit;
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && edit.t0 === null) edit.t0 = performance.now();
  }, {capture: true, once: true});
  // A fast run can go running -> notRunning within one React render, so the run counter may
  // not move: then the run is over once no message has arrived for QUIET ms, and the end is
  // the first frame after the last message in which everything was drawn.
  const QUIET = 150;
  let candidate = null;
  const frame = (now) => {
    const gd = chart();
    if (edit.changed === null && gd && gd.data !== before && gd.querySelector('.main-svg')) {
      edit.changed = now;
    }
    const incoming = window.__probe.ws.filter((m) => m[1]);
    const lastIn = incoming.length ? incoming[incoming.length - 1][0] : 0;
    const done = edit.changed !== null && settled(1);
    if (done && window.__probe.runs > runs) {
      edit.end = now;
      return;
    }
    if (done && (candidate === null || candidate < lastIn)) candidate = now;
    if (!done) candidate = null;
    if (candidate !== null && edit.t0 !== null && lastIn > edit.t0 && now - lastIn > QUIET) {
      edit.end = candidate;
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
"""
)


#: Arms the measurement of one tab switch; the result lands in __probe.tab.
TAB_JS = (
    """
(watched) => {
  const settled = """
    + SETTLED_JS
    + """;
  const tab = {t0: null, end: null};
  window.__probe.tab = tab;
  document.addEventListener('click', (e) => {
    if (tab.t0 === null && e.target.closest('[role="tab"]')) tab.t0 = performance.now();
  }, {capture: true, once: true});
  const frame = (now) => {
    const drawn = document.querySelector(watched + ' .js-plotly-plot .main-svg');
    if (tab.t0 !== null && drawn && settled(1)) {
      tab.end = now;
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
"""
)

#: The vector lab's tabs switched between, with the key of the chart each one draws.
TAB_SWITCHES = (("Temperature sweep", ".st-key-sweep"), ("Offset and scale", ".st-key-bars"))


@dataclass
class Target:
    """One page to measure: where it is, which text box and bar chart the edit uses."""

    name: str
    base_url: str
    path: str
    box: str = '[data-testid="stTextInput"] input'
    bars: str = ".st-key-bars"
    min_charts: int = 1


@dataclass
class EditTiming:
    total_ms: float
    chart_ms: float
    server_ms: float
    browser_ms: float
    bytes_in: int


@dataclass
class Results:
    loads: dict[str, list[tuple[float, int, int, int]]] = field(default_factory=dict)
    edits: dict[str, list[EditTiming]] = field(default_factory=dict)
    tab_switches: dict[str, list[float]] = field(default_factory=dict)


def _settle_time(page: Any, min_charts: int) -> float:
    """Wait until settled; return the page time (ms since navigation start) it happened."""
    page.wait_for_function(
        "(min) => { if ((" + SETTLED_JS + ")(min)) { window.__settledAt ??= performance.now();"
        " return true; } return false; }",
        arg=min_charts,
        timeout=180_000,
    )
    return float(page.evaluate("() => window.__settledAt"))


def measure_load(browser: Any, target: Target) -> tuple[float, int, int, int]:
    """Cold first load of ``target``: (ms to settled, bytes received over the WebSocket,
    number of charts, number of elements)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(PROBE_JS)
        page.goto(target.base_url + target.path, timeout=180_000)
        settled = _settle_time(page, target.min_charts)
        received = page.evaluate("() => window.__probe.ws.filter((m) => m[1]).map((m) => m[2])")
        charts = page.locator('[data-testid="stPlotlyChart"]').count()
        elements = page.locator('[data-testid="stElementContainer"]').count()
        return settled, sum(received), charts, elements
    finally:
        context.close()


def open_for_edits(browser: Any, target: Target) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.add_init_script(PROBE_JS)
    page.goto(target.base_url + target.path, timeout=180_000)
    _settle_time(page, target.min_charts)
    page.locator(target.bars + " .main-svg").first.wait_for(timeout=60_000)
    return page


def measure_edit(page: Any, target: Target, vector: str) -> EditTiming:
    """Type ``vector``, press Enter, and time it until the page shows it (see module doc)."""
    page.bring_to_front()
    box = page.locator(target.box).first
    box.fill(vector)
    page.evaluate(EDIT_JS, [target.bars])
    box.press("Enter")
    try:
        page.wait_for_function("() => window.__probe.edit.end !== null", timeout=120_000)
    except Exception:
        state = page.evaluate(
            "() => [window.__probe.edit, window.__probe.runs, document.visibilityState,"
            " document.querySelector('[data-testid=\"stApp\"]')"
            ".getAttribute('data-test-script-state')]"
        )
        print(f"{target.name}: edit to {vector!r} never settled: {state}", file=sys.stderr)
        raise
    edit = page.evaluate("() => window.__probe.edit")
    traffic = page.evaluate(
        "([t0, end]) => window.__probe.ws.filter((m) => m[0] >= t0 && m[0] <= end)",
        [edit["t0"], edit["end"]],
    )
    incoming = [m for m in traffic if m[1]]
    last_in = incoming[-1][0] if incoming else edit["t0"]
    return EditTiming(
        total_ms=edit["end"] - edit["t0"],
        chart_ms=edit["changed"] - edit["t0"],
        server_ms=last_in - edit["t0"],
        browser_ms=edit["end"] - last_in,
        bytes_in=int(sum(m[2] for m in incoming)),
    )


def measure_tab_switch(page: Any, label: str, watched: str) -> float:
    """Click the tab ``label`` and time it until the chart ``watched`` is drawn (ms)."""
    page.bring_to_front()
    page.evaluate(TAB_JS, watched)
    page.get_by_role("tab", name=label, exact=True).click()
    page.wait_for_function("() => window.__probe.tab.end !== null", timeout=120_000)
    tab = page.evaluate("() => window.__probe.tab")
    return float(tab["end"] - tab["t0"])


def new_vector(index: int) -> str:
    """A length-3 vector not typed before in this run (so no cached result is reused)."""
    return f"{index % 7 + 0.5:g}, {2 + index * 0.37:.2f}, {3 - index * 0.11:.2f}"


#: The bare page with the app's garbage-collector freeze (benchmarks/bare_app_frozen.py).
FROZEN = "bare + freeze"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def run(edits: int, loads: int, log: Callable[[str], None]) -> Results:
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("no Chromium found: apt-get install chromium (or set SOFTLSE_CHROMIUM)")
    results = Results()
    with (
        StreamlitServer(ROOT / "app.py") as app_server,
        StreamlitServer(ROOT / "benchmarks" / "bare_app.py") as bare_server,
        StreamlitServer(ROOT / "benchmarks" / "bare_app_frozen.py") as frozen_server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
        )
        bare = Target("bare page", bare_server.url, "/")
        frozen = Target(FROZEN, frozen_server.url, "/")
        lab = Target("vector lab", app_server.url, "/vector_lab")
        pages = [
            Target("home", app_server.url, "/", min_charts=0),
            Target("lse_vs_max", app_server.url, "/lse_vs_max"),
            Target("softmax_grid", app_server.url, "/softmax_grid"),
            lab,
        ]
        # Warm-up: the servers' first runs import numpy/plotly and fill caches of defaults.
        for target in (bare, *pages):
            measure_load(browser, target)
        for round_index in range(loads):
            for target in (bare, *pages):
                timing = measure_load(browser, target)
                results.loads.setdefault(target.name, []).append(timing)
                log(f"load {round_index + 1}/{loads} {target.name}: {timing[0]:.0f} ms")
        tabs = {target.name: open_for_edits(browser, target) for target in (bare, frozen, lab)}
        for index in range(edits + 2):
            for target in (bare, frozen, lab):
                timing = measure_edit(tabs[target.name], target, new_vector(index))
                if index >= 2:  # the first two edits warm up both sides
                    results.edits.setdefault(target.name, []).append(timing)
                    log(f"edit {index - 1}/{edits} {target.name}: {timing.total_ms:.0f} ms")
        for index in range(max(edits // 2, 1) + 1):
            for label, watched in TAB_SWITCHES:
                ms = measure_tab_switch(tabs[lab.name], label, watched)
                if index >= 1:  # the first round warms the caches of both tabs
                    results.tab_switches.setdefault(label, []).append(ms)
                    log(f"tab switch to {label!r}: {ms:.0f} ms")
        browser.close()
    return results


def report(results: Results) -> str:
    lines = ["First load (cold browser cache, navigation start → charts drawn), median:"]
    lines.append(f"  {'page':<14}{'ms':>8}{'WS kB':>9}{'charts':>8}{'elements':>10}")
    bare_load = median([t[0] for t in results.loads["bare page"]])
    for name, timings in results.loads.items():
        ms = median([t[0] for t in timings])
        kb = median([t[1] for t in timings]) / 1000
        lines.append(
            f"  {name:<14}{ms:>8.0f}{kb:>9.1f}{timings[0][2]:>8}{timings[0][3]:>10}"
            f"   ×{ms / bare_load:.2f} bare"
        )
    lines.append("")
    lines.append("Edit → redraw (Enter on a new vector → new data drawn, script idle), median:")
    lines.append(
        f"  {'page':<14}{'total ms':>10}{'bars ms':>9}{'server ms':>11}{'browser ms':>12}"
        f"{'kB in':>8}"
    )
    medians = {}
    for name, timings in results.edits.items():
        medians[name] = median([t.total_ms for t in timings])
        lines.append(
            f"  {name:<14}{medians[name]:>10.0f}{median([t.chart_ms for t in timings]):>9.0f}"
            f"{median([t.server_ms for t in timings]):>11.0f}"
            f"{median([t.browser_ms for t in timings]):>12.0f}"
            f"{median([t.bytes_in for t in timings]) / 1000:>8.1f}"
        )
    ratio = medians["vector lab"] / medians["bare page"]
    verdict = "meets" if ratio <= 2 else "MISSES"
    own = medians["vector lab"] / medians[FROZEN]
    lines.append("")
    lines.append(
        f"Edit → redraw ratio vector lab / bare page: {ratio:.2f} ({verdict} the ≤ 2× target; "
        "aim 1.25×). The bare page is a default Streamlit app, without the app's GC freeze."
    )
    lines.append(
        f"Edit → redraw ratio vector lab / {FROZEN}: {own:.2f} (the page's own cost: both "
        "with the GC freeze)"
    )
    if results.tab_switches:
        lines.append("")
        lines.append("Vector lab tab switch (click → the tab's chart drawn, script idle), median:")
        for label, timings in results.tab_switches.items():
            lines.append(f"  to {label!r}: {median(timings):.0f} ms")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=15, help="timed edits per page")
    parser.add_argument("--loads", type=int, default=3, help="timed cold loads per page")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()
    results = run(args.edits, args.loads, (lambda _line: None) if args.quiet else print)
    print()
    print(report(results))


if __name__ == "__main__":
    main()
