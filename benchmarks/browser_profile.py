"""Where the browser's time goes during an interaction: a CPU profile of the page's main thread.

Starts ``streamlit run`` for the app (or one bare page), opens the interaction's page in
Debian's Chromium, makes a few warm-up steps exactly as ``benchmarks/browser.py`` does (same
interactions, same waits), then records a sampling CPU profile (Chrome DevTools protocol,
0.1 ms interval) over ``--steps`` more and prints the CPU time per step by script file
(``PlotlyChart…js``, ``react-dom…js``, … and ``(native)`` for layout, style, paint and idle)
and by function.

Usage::

    python benchmarks/browser_profile.py [--interaction vector_lab/vector] [--steps 10]
    python benchmarks/browser_profile.py --bare "bare one-input page"
    python benchmarks/browser_profile.py --list

Compare two runs by difference: the profile also holds the benchmark's own polling and the
time between steps, which both runs share. CPU time here overlaps with the server's work.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.browser_timing.app_interactions import INTERACTIONS  # noqa: E402
from benchmarks.browser_timing.bare_pages import BARE_PAGES  # noqa: E402
from benchmarks.browser_timing.interaction import Stepper  # noqa: E402
from benchmarks.browser_timing.probed_page import ProbedPage  # noqa: E402
from benchmarks.browser_timing.runner import VIEWPORT  # noqa: E402
from benchmarks.streamlit_server import (  # noqa: E402
    CHROMIUM_ARGS,
    StreamlitServer,
    find_chromium,
)

WARM_UP_STEPS = 3
TIMEOUT_S = 180.0


def profile_steps(
    server: StreamlitServer, url_tail: str, stepper: Stepper, steps: int
) -> tuple[list[float], dict[str, Any]]:
    """Step times (ms) and the DevTools CPU profile recorded over ``steps`` steps."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("no Chromium found: apt-get install chromium (or set SOFTLSE_CHROMIUM)")
    with server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
        )
        page = ProbedPage(browser, url_tail, viewport=VIEWPORT)
        page.open(server.url + url_tail, timeout_s=TIMEOUT_S)

        def step(index: int) -> float:
            step_input = stepper(page, index)
            return page.measure(step_input.chart, step_input.action, timeout_s=TIMEOUT_S).total_ms

        for index in range(WARM_UP_STEPS):
            step(index)
        devtools = page.context.new_cdp_session(page.page)
        devtools.send("Profiler.enable")
        devtools.send("Profiler.setSamplingInterval", {"interval": 100})
        devtools.send("Profiler.start")
        times = [step(index) for index in range(WARM_UP_STEPS, WARM_UP_STEPS + steps)]
        profile = devtools.send("Profiler.stop")["profile"]
        browser.close()
    return times, profile


def cpu_by(
    profile: dict[str, Any], steps: int
) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """CPU ms per step by script file and by "function @ file"."""
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    by_file: collections.Counter[str] = collections.Counter()
    by_function: collections.Counter[str] = collections.Counter()
    for node_id, delta_us in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node_id]
        file = frame["url"].rsplit("/", 1)[-1] or "(native)"
        ms = delta_us / 1000 / steps
        by_file[file] += ms
        by_function[f"{frame['functionName'] or '(anonymous)'} @ {file}"] += ms
    return by_file, by_function


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--interaction", default="vector_lab/vector", help="page/slug (--list)")
    which.add_argument("--bare", help="profile a bare page's steps instead (--list)")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--list", action="store_true", help="list what can be profiled")
    args = parser.parse_args()
    if args.list:
        print("interactions:", ", ".join(i.name for i in INTERACTIONS))
        print("bare pages:", ", ".join(repr(p.name) for p in BARE_PAGES))
        return
    if args.bare:
        bare = {p.name: p for p in BARE_PAGES}.get(args.bare)
        if bare is None:
            raise SystemExit(f"no bare page {args.bare!r} (see --list)")
        server = StreamlitServer(bare.script, script_args=bare.script_args)
        what, url_tail, stepper = bare.name, "/", bare.make_stepper()
    else:
        interaction = {i.name: i for i in INTERACTIONS}.get(args.interaction)
        if interaction is None:
            raise SystemExit(f"no interaction {args.interaction!r} (see --list)")
        server = StreamlitServer(ROOT / "app.py")
        what = interaction.label
        url_tail = f"/{interaction.page}{interaction.query}"
        stepper = interaction.make_stepper()
    times, profile = profile_steps(server, url_tail, stepper, args.steps)
    by_file, by_function = cpu_by(profile, args.steps)
    print(f"{what}: ms per step {sorted(round(t) for t in times)}")
    print("CPU ms per step by script file:")
    for name, ms in by_file.most_common(args.top):
        print(f"  {ms:7.1f}  {name}")
    print("CPU ms per step by function:")
    for name, ms in by_function.most_common(args.top):
        print(f"  {ms:7.1f}  {name}")


if __name__ == "__main__":
    main()
