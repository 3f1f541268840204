"""The two runs: a class (many students at once) and a memory soak (one student, many edits)."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Callable, Sequence

from benchmarks.load.client import BrowserTab
from benchmarks.load.report import LoadReport, Phase
from benchmarks.load.run_elements import RunResult
from benchmarks.load.scenarios import Student
from benchmarks.load.server import ProcessTree


async def _sample_peak(tree: ProcessTree | None, peak: list[int], stop: asyncio.Event) -> None:
    while tree is not None and not stop.is_set():
        peak[0] = max(peak[0], tree.rss_bytes())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=0.25)


async def run_class(
    url: str,
    pages: tuple[str, ...],
    *,
    sessions: int,
    edits: int,
    think: float,
    tree: ProcessTree | None,
    ttl: float | None = None,
    seed: int = 0,
    run_timeout: float = 120.0,
    max_seconds: float = 1800.0,
    title: str = "",
    warm_up: bool = False,
    settle: float = 20.0,
) -> LoadReport:
    """``sessions`` students open their pages at the same moment (pages dealt round-robin),
    then each makes ``edits`` actions with ``think`` seconds between them. After all close,
    waits ``ttl`` + 2 s (the server's ``disconnectedSessionTTL``, if known) and opens one more
    session, which makes the server drop the expired ones, then ``settle`` seconds (the app
    returns freed memory to the system every 15 s) before the last memory reading.
    ``warm_up``: before any of this, one unmeasured session opens every page once."""
    if warm_up:
        await warm_up_pages(url, pages, run_timeout)
    now = time.monotonic
    deadline = now() + max_seconds
    cpu: Callable[[], float] = tree.cpu_seconds if tree else (lambda: 0.0)
    rss: dict[str, int] = {}
    if tree:
        rss["at start"] = tree.rss_bytes()
    peak, stop = [rss.get("at start", 0)], asyncio.Event()
    sampler = asyncio.create_task(_sample_peak(tree, peak, stop))
    students = [
        Student(url, pages[i % len(pages)], random.Random(seed * 100_003 + i), run_timeout, pages)
        for i in range(sessions)
    ]
    cpu0, t0 = cpu(), now()
    await asyncio.gather(*(student.open_page() for student in students))
    cpu1, t1 = cpu(), now()
    loads = Phase([s.results[0] for s in students], t1 - t0, cpu1 - cpu0)
    await asyncio.gather(
        *(student.keep_acting(edits, think, deadline, now) for student in students)
    )
    cpu2, t2 = cpu(), now()
    edit_results = [r for s in students for r in s.results[1:]]
    stop.set()
    await sampler
    await asyncio.gather(*(student.close() for student in students))
    if tree:
        rss["peak"] = peak[0]
        await asyncio.sleep(1.0)
        rss["all closed"] = tree.rss_bytes()
        if ttl is not None:
            await asyncio.sleep(ttl + 2.0)
            probe = BrowserTab(url, run_timeout=run_timeout)
            await probe.connect()
            await probe.close()
            await asyncio.sleep(settle)
            rss[f"{ttl + 2 + settle:g} s after closing (TTL {ttl:g} s)"] = tree.rss_bytes()
    return LoadReport(title, loads, Phase(edit_results, t2 - t1, cpu2 - cpu1), rss)


async def warm_up_pages(url: str, pages: Sequence[str], run_timeout: float) -> None:
    """Open every page once in one session that is then closed (nothing measured)."""
    tab = BrowserTab(url, run_timeout=run_timeout)
    await tab.connect()
    for page in pages:
        await tab.load(page)
    await tab.close()


#: The soak: actions on the vector lab, then λ moves on every page that has a λ.
SOAK_LAMBDA_MOVES = (("lse_vs_max", "lam"), ("softmax_grid", "lams"), ("vector_lab", "lam"))


async def run_soak(
    url: str,
    tree: ProcessTree,
    *,
    lab_edits: int = 500,
    lambda_moves: int = 300,
    seed: int = 0,
    run_timeout: float = 120.0,
    max_seconds: float = 3600.0,
) -> tuple[list[tuple[int, str, int]], list[RunResult]]:
    """One session: ``lab_edits`` vector-lab actions, then ``lambda_moves`` λ moves spread over
    :data:`SOAK_LAMBDA_MOVES`, each to a new value where the control has one left. Returns
    the RSS after each action (index, what, bytes) and every result."""
    deadline = time.monotonic() + max_seconds
    pages = tuple(page for page, _ in SOAK_LAMBDA_MOVES)
    student = Student(url, "vector_lab", random.Random(seed), run_timeout, pages)
    await student.open_page("")
    curve: list[tuple[int, str, int]] = []

    def record(what: str) -> None:
        curve.append((len(curve) + 1, what, tree.rss_bytes()))

    for _ in range(lab_edits):
        if time.monotonic() > deadline or await student.act() is None:
            break
        record("vector lab edit")
    per_page = lambda_moves // len(SOAK_LAMBDA_MOVES)
    for page, key in SOAK_LAMBDA_MOVES:
        if student.page != page:
            student.page = page
            student.results.append(await student.tab.navigate(page))
        for _ in range(per_page):
            if time.monotonic() > deadline or await student.act(only=key) is None:
                break
            record(f"{key} on {page}")
    await student.close()
    return curve, student.results
