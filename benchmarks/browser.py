"""Browser benchmark of every interaction: time and bytes per step against bare pages, in one run.

Starts ``streamlit run app.py`` and the bare pages (``benchmarks/bare_contour_app.py`` and
``benchmarks/bare_app.py``, each with and without the app's garbage-collector freeze) on free
loopback ports and drives Debian's Chromium (headless, through Playwright):

- every interaction of ``benchmarks/browser_timing/app_interactions.py``: on each page its
  main controls (LSE vs max: λ slider at resolution 201 and 801, a typed λ, extent,
  resolution, the sheet/explore switch; Softmax and one-hot: the λ list, the gradient λ by
  slider and typed, the check point; Vector lab: a new vector, λ by slider and typed, c, a, a
  tab switch; a typed λ is skipped on a page without a box for it), each
  stepped to values not shown before (no cache hits), timed from the input (keydown or
  pointerdown) until the chart shows the new data and the script is idle, with the bytes
  received per step (WebSocket messages and HTTP responses, ``/_stcore/message`` included).
  After each app step the bare page of its kind takes a step (frozen, then unfrozen), so
  noise hits all alike; "× bare" is against the frozen bare page of the same rounds;
- first loads: a new browser context (cold cache) per load, until every chart is drawn.

Every wait is for a condition (see ``benchmarks/browser_timing/probe.js``), bounded by a step
timeout and by the whole run's ``--budget``; when the budget is spent, what was measured is
reported. Only ratios measured in the same run mean anything on a shared machine.

Usage::

    python benchmarks/browser.py                       # everything, 9 steps each
    python benchmarks/browser.py --pages vector_lab --steps 3 --loads 0   # a quick look
    python benchmarks/browser.py --controls lse_vs_max/lam,glam --json run.json
    python benchmarks/browser.py --list

Needs Chromium (``apt-get install chromium``) and ``playwright`` (requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.browser_timing.app_interactions import INTERACTIONS  # noqa: E402
from benchmarks.browser_timing.interaction import Interaction  # noqa: E402


def select(
    interactions: tuple[Interaction, ...], pages: str | None, controls: str | None
) -> tuple[Interaction, ...]:
    """The interactions on ``pages`` (comma-separated page names) whose slug or
    ``page/slug`` name is in ``controls`` (comma-separated); ``None`` selects all."""
    chosen = interactions
    if pages:
        wanted_pages = {name.strip().strip("/") for name in pages.split(",")}
        unknown = wanted_pages - {i.page for i in interactions}
        if unknown:
            raise SystemExit(f"unknown page(s): {', '.join(sorted(unknown))}")
        chosen = tuple(i for i in chosen if i.page in wanted_pages)
    if controls:
        wanted = {name.strip() for name in controls.split(",")}
        unknown = wanted - {i.slug for i in interactions} - {i.name for i in interactions}
        if unknown:
            raise SystemExit(f"unknown control(s): {', '.join(sorted(unknown))} (see --list)")
        chosen = tuple(i for i in chosen if i.slug in wanted or i.name in wanted)
    return chosen


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help="comma-separated pages (lse_vs_max, softmax_grid, …)")
    parser.add_argument("--controls", help="comma-separated controls: slug or page/slug")
    parser.add_argument("--steps", type=int, default=9, help="timed steps per interaction")
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps first")
    parser.add_argument("--loads", type=int, default=2, help="first-load rounds (0: none)")
    parser.add_argument(
        "--budget", type=float, default=3600.0, help="seconds the whole run may take"
    )
    parser.add_argument("--json", type=Path, help="also write every step to this JSON file")
    parser.add_argument(
        "--check-bytes-with-cdp",
        action="store_true",
        help="count every step's bytes with DevTools network events too (slows the browser)",
    )
    parser.add_argument("--list", action="store_true", help="list the interactions and exit")
    parser.add_argument("--quiet", action="store_true", help="print only the tables")
    args = parser.parse_args(argv)
    if args.steps < 1 or args.warmup < 0 or args.loads < 0 or args.budget <= 0:
        parser.error("--steps must be ≥ 1, --warmup and --loads ≥ 0, --budget > 0")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    chosen = select(INTERACTIONS, args.pages, args.controls)
    if args.list:
        for interaction in chosen:
            partner = interaction.partner.replace("_", "-")
            print(f"{interaction.name:<22} {interaction.label} (against the bare {partner} page)")
        return
    from benchmarks.browser_timing.report import as_json, report
    from benchmarks.browser_timing.runner import Options, Runner

    options = Options(
        steps=args.steps,
        warmup=args.warmup,
        loads=args.loads,
        budget_s=args.budget,
        cdp_check=args.check_bytes_with_cdp,
        interactions=chosen,
    )
    results = Runner(options, (lambda _line: None) if args.quiet else print).run()
    print()
    print(report(results))
    if args.json:
        args.json.write_text(as_json(results), encoding="utf-8")
        print(f"\nEvery step: {args.json}")


if __name__ == "__main__":
    main()
