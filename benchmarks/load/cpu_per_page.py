"""Server CPU per script run of each page, two checkouts alternately in one run:
``python -m benchmarks.load.cpu_per_page --before DIR [--edits N] [--rounds R]``.

For every page, one simulated student (``run_class`` with one session, no think time) opens
the page and makes ``--edits`` actions with new values each time, against a fresh
``streamlit run`` of this checkout and of ``--before`` (another checkout, e.g. a
``git worktree`` of an older commit), alternating ``--rounds`` times so both see the same
machine. Prints the median CPU seconds per script run of the server process (editing runs,
first load excluded) per page and checkout, and their ratio. Asserts nothing.

Example (the README's before/after table)::

    git worktree add --detach /tmp/before 5e98ff5
    python -m benchmarks.load.cpu_per_page --before /tmp/before
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from pathlib import Path

from benchmarks.load.__main__ import app_pages, bounded
from benchmarks.load.run import run_class
from benchmarks.load.server import ROOT, ProcessTree, ServerProcess


def cpu_per_run(app_dir: Path, page: str, edits: int, seed: int) -> float:
    """CPU seconds per editing script run of ``page`` served from ``app_dir``."""
    with ServerProcess(app_dir=app_dir, ttl=5) as server:
        report = asyncio.run(
            run_class(
                server.url,
                (page,),
                sessions=1,
                edits=edits,
                think=0.0,
                tree=ProcessTree(server.pid),
                seed=seed,
                settle=0.0,
            )
        )
    if report.error_count():
        return float("nan")
    return report.edits.cpu_per_run


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load.cpu_per_page")
    parser.add_argument("--before", type=Path, required=True, help="the older checkout")
    parser.add_argument("--edits", type=bounded(int, 1, 1000), default=40)
    parser.add_argument("--rounds", type=bounded(int, 1, 20), default=2)
    args = parser.parse_args()
    before = args.before.resolve()
    # home has no controls to move; a page the older checkout lacks is measured now only
    pages = [page for page in app_pages(ROOT) if page]
    old_pages = set(app_pages(before))
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at start; {args.edits} actions per run, {args.rounds} "
        f"rounds, before = {before}\n"
    )
    print("| page | CPU s per run, before | now | now / before |")
    print("|---|---:|---:|---:|")
    for page in pages:
        runs: dict[str, list[float]] = {"before": [], "now": []}
        for round_index in range(args.rounds):
            for name, app_dir in (("before", before), ("now", ROOT)):
                if name == "now" or page in old_pages:
                    runs[name].append(cpu_per_run(app_dir, page, args.edits, seed=round_index))
        old, new = (statistics.median(runs[name]) if runs[name] else None for name in runs)
        cells = [f"{value:.3f}" if value is not None else "—" for value in (old, new)]
        ratio = f"{new / old:.2f}" if old and new else "—"
        print(f"| /{page} | {cells[0]} | {cells[1]} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
