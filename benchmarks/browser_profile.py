"""Where the browser's time goes during an edit: a CPU profile of the page's main thread.

Starts ``streamlit run`` for one script, opens ``path`` in Debian's Chromium, makes a few
warm-up edits (type a new vector into the ``v`` box, press Enter, wait until redrawn, as
``benchmarks/browser.py`` does), then records a sampling CPU profile (Chrome DevTools
protocol, 0.1 ms interval) over ``--edits`` more and prints the CPU time per edit by script
file (``PlotlyChart…js``, ``react-dom…js``, … and ``(native)`` for layout, style, paint and
idle) and by function.

Usage::

    python benchmarks/browser_profile.py [--script app.py] [--path /vector_lab] [--edits 10]
    python benchmarks/browser_profile.py --script benchmarks/bare_app_frozen.py --path /

Compare two runs by difference: the profile also holds the benchmark's own polling and the
time between edits, which both runs share. CPU time here overlaps with the server's work.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.browser import (  # noqa: E402
    CHROMIUM_ARGS,
    StreamlitServer,
    Target,
    find_chromium,
    measure_edit,
    new_vector,
    open_for_edits,
)

WARM_UP_EDITS = 3


def profile_edits(script: Path, path: str, edits: int) -> tuple[list[float], dict]:
    """Edit times (ms) and the DevTools CPU profile recorded over ``edits`` edits."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("no Chromium found: apt-get install chromium (or set SOFTLSE_CHROMIUM)")
    with StreamlitServer(script) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
        )
        target = Target(script.stem, server.url, path)
        page = open_for_edits(browser, target)
        for index in range(WARM_UP_EDITS):
            measure_edit(page, target, new_vector(index))
        devtools = page.context.new_cdp_session(page)
        devtools.send("Profiler.enable")
        devtools.send("Profiler.setSamplingInterval", {"interval": 100})
        devtools.send("Profiler.start")
        times = [
            measure_edit(page, target, new_vector(index)).total_ms
            for index in range(WARM_UP_EDITS, WARM_UP_EDITS + edits)
        ]
        profile = devtools.send("Profiler.stop")["profile"]
        browser.close()
    return times, profile


def cpu_by(profile: dict, edits: int) -> tuple[collections.Counter, collections.Counter]:
    """CPU ms per edit by script file and by "function @ file"."""
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    by_file: collections.Counter = collections.Counter()
    by_function: collections.Counter = collections.Counter()
    for node_id, delta_us in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node_id]
        file = frame["url"].rsplit("/", 1)[-1] or "(native)"
        ms = delta_us / 1000 / edits
        by_file[file] += ms
        by_function[f"{frame['functionName'] or '(anonymous)'} @ {file}"] += ms
    return by_file, by_function


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--script", type=Path, default=ROOT / "app.py")
    parser.add_argument("--path", default="/vector_lab")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    times, profile = profile_edits(args.script.resolve(), args.path, args.edits)
    by_file, by_function = cpu_by(profile, args.edits)
    print(f"{args.script} {args.path}: edit → redraw ms {sorted(round(t) for t in times)}")
    print("CPU ms per edit by script file:")
    for name, ms in by_file.most_common(args.top):
        print(f"  {ms:7.1f}  {name}")
    print("CPU ms per edit by function:")
    for name, ms in by_function.most_common(args.top):
        print(f"  {ms:7.1f}  {name}")


if __name__ == "__main__":
    main()
