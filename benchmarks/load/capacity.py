"""How many students a machine holds: ``python -m benchmarks.load.capacity``.

For each worker count (``scripts/serve_class.sh --workers N``, started fresh for every run)
and each class size, a class of simulated students opens its pages at once and then makes
``--edits`` actions each with ``--think`` seconds between them (:func:`run_class`). Prints one
markdown row per run and, per worker count, the largest class served with an edit p95 within
``--p95`` seconds and no error, and that class per core used (a worker uses at most one core;
the load client runs on the same machine and is not counted). Asserts nothing.

Example (the README's capacity table; the default --sessions adds classes of 20 and 40)::

    python -m benchmarks.load.capacity --workers 1,2 --sessions 10,30,60

``--pages softmax_grid`` puts the whole class on one page (a class that follows the teacher's
link there, the page whose runs cost the most CPU) instead of dealing the pages round-robin.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

from benchmarks.load.__main__ import app_pages, bounded
from benchmarks.load.report import MB, percentile
from benchmarks.load.run import run_class
from benchmarks.load.server import ROOT, ProcessTree, ServerProcess


def _numbers(text: str, kind: type) -> list:
    return [kind(part) for part in text.split(",") if part]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load.capacity")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--sessions", default="10,20,30,40,60", help="comma-separated classes")
    parser.add_argument("--edits", type=bounded(int, 1, 1000), default=10)
    parser.add_argument("--think", type=bounded(float, 0, 60), default=2.0)
    parser.add_argument("--p95", type=bounded(float, 0.01, 60), default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pages", help="comma-separated URL paths (home = ''), default: all")
    args = parser.parse_args()
    workers_list = _numbers(args.workers, int)
    classes = sorted(_numbers(args.sessions, int))
    if not all(1 <= w <= 64 for w in workers_list) or not all(1 <= s <= 500 for s in classes):
        parser.error("workers must be 1..64 and sessions 1..500")
    pages = tuple(args.pages.split(",") if args.pages is not None else app_pages(ROOT))
    if not all(page in app_pages(ROOT) for page in pages):
        parser.error(f"--pages: each of {pages} must be one of {app_pages(ROOT)}")
    cores = os.cpu_count() or 1
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}, {cores} cores, load average "
        f"{os.getloadavg()[0]:.1f} at start; think {args.think:g} s, {args.edits} actions "
        f"per student, pages {', '.join(p or 'home' for p in pages)}\n"
    )
    print(
        "| workers | students | edit p50 | edit p95 | max | errors | script runs/s "
        "| CPU s per run | RSS peak |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    best: dict[int, int] = {}
    for workers in workers_list:
        for sessions in classes:
            with ServerProcess(workers=workers, ttl=5) as server:
                report = asyncio.run(
                    run_class(
                        server.url,
                        pages,
                        sessions=sessions,
                        edits=args.edits,
                        think=args.think,
                        tree=ProcessTree(server.pid),
                        seed=args.seed,
                    )
                )
            ms = [r.seconds * 1000 for r in report.edits.results if r.error is None]
            p95 = percentile(ms, 0.95)
            errors = report.error_count()
            edits = report.edits
            print(
                f"| {workers} | {sessions} | {percentile(ms, 0.5):.0f} ms | {p95:.0f} ms "
                f"| {max(ms, default=0):.0f} ms | {errors} "
                f"| {edits.script_runs / edits.seconds:.1f} | {edits.cpu_per_run:.3f} "
                f"| {report.rss.get('peak', 0) / MB:.0f} MB |",
                flush=True,
            )
            if errors == 0 and p95 <= args.p95 * 1000:
                best[workers] = max(best.get(workers, 0), sessions)
    print()
    for workers in workers_list:
        served = best.get(workers, 0)
        used = min(workers, cores)
        print(
            f"{workers} worker(s): largest class with edit p95 ≤ {args.p95:g} s and no error: "
            f"{served or f'none of {classes}'}"
            + (f" ({served / used:.0f} students per core used)" if served else "")
        )


if __name__ == "__main__":
    main()
