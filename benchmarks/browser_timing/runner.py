"""Run the browser benchmark: start the servers, open the pages, step every selected
interaction against its bare pages (interleaved: app step, frozen bare step, unfrozen bare
step, …), time first loads, all inside one time budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from benchmarks.browser_timing.app_interactions import INTERACTIONS
from benchmarks.browser_timing.bare_pages import BARE_PAGES, BarePage, partners
from benchmarks.browser_timing.controls import ControlNotFoundError, exists
from benchmarks.browser_timing.interaction import Interaction, Stepper
from benchmarks.browser_timing.probed_page import ProbedPage, Received, StepFailedError, StepTiming
from benchmarks.streamlit_server import CHROMIUM_ARGS, ROOT, StreamlitServer, find_chromium

VIEWPORT = {"width": 1400, "height": 1000}
#: The app's pages timed on a first load, with the charts each must show.
LOAD_PAGES: tuple[tuple[str, int], ...] = (
    ("", 0),
    ("lse_vs_max", 1),
    ("softmax_grid", 2),
    ("vector_lab", 1),
)
PAGE_LOAD_TIMEOUT_S = 180.0


class BudgetExhaustedError(RuntimeError):
    """The run's time budget is spent."""


class Budget:
    """The run's wall-clock budget: every wait is bounded by what is left of it."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def timeout(self, wanted_s: float) -> float:
        left = self.left()
        if left <= 0:
            raise BudgetExhaustedError("the time budget is spent")
        return min(wanted_s, left)


@dataclass
class Options:
    steps: int = 9
    warmup: int = 2
    loads: int = 2
    budget_s: float = 3600.0
    cdp_check: bool = False  # count each step's bytes with DevTools events too
    interactions: tuple[Interaction, ...] = INTERACTIONS


@dataclass
class InteractionResult:
    """The timed steps of one interaction and of its bare pages, measured interleaved."""

    name: str
    label: str
    partner_kind: str
    app: list[StepTiming] = field(default_factory=list)
    bare: dict[str, list[StepTiming]] = field(default_factory=dict)
    repeated_states: int = 0
    status: str = "ok"


@dataclass
class LoadTiming:
    ms: float
    ws_bytes: int
    http_bytes: int


@dataclass
class RunResults:
    options: Options
    interactions: list[InteractionResult] = field(default_factory=list)
    loads: dict[str, list[LoadTiming]] = field(default_factory=dict)
    seconds: float = 0.0


def state_of(url: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A page's state as its address shows it: path and sorted query parameters."""
    parts = urlsplit(url)
    return parts.path.rstrip("/"), tuple(sorted(parse_qsl(parts.query)))


class StateLog:
    """The app states (addresses) any session has been shown: a step that ends in one of
    them may have been a cache hit, and is counted."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()

    def visit(self, url: str) -> bool:
        """Note ``url``; return whether it was seen before."""
        state = state_of(url)
        repeated = state in self.seen
        self.seen.add(state)
        return repeated


class Runner:
    def __init__(self, options: Options, log: Callable[[str], None]) -> None:
        self.options = options
        self.log = log
        self.budget = Budget(options.budget_s)
        self.results = RunResults(options)
        self.states = StateLog()

    # -- servers and pages -------------------------------------------------------------

    def run(self) -> RunResults:
        from playwright.sync_api import sync_playwright

        executable = find_chromium()
        if executable is None:
            raise SystemExit(
                "no Chromium found: apt-get install chromium (or set SOFTLSE_CHROMIUM)"
            )
        started = time.monotonic()
        kinds = {interaction.partner for interaction in self.options.interactions}
        if self.options.loads:
            kinds.add("contour")
        bare_pages = [page for page in BARE_PAGES if page.kind in kinds]
        with ExitStack() as stack:
            app_server = StreamlitServer(ROOT / "app.py")
            bare_servers = {
                page.name: StreamlitServer(page.script, script_args=page.script_args)
                for page in bare_pages
            }
            for server in (app_server, *bare_servers.values()):
                stack.enter_context(server)
            playwright = stack.enter_context(sync_playwright())
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
            )
            stack.callback(browser.close)
            try:
                self._warm_up(browser, app_server, bare_servers)
                self._interactions(browser, app_server, bare_pages, bare_servers)
                self._loads(browser, app_server, bare_servers)
            except BudgetExhaustedError:
                self.log("time budget spent: stopping; what was measured is reported")
        self.results.seconds = time.monotonic() - started
        return self.results

    def _open(self, browser: Any, name: str, url: str, min_charts: int = 1) -> ProbedPage:
        page = ProbedPage(browser, name, viewport=VIEWPORT, cdp_check=self.options.cdp_check)
        try:
            page.open(
                url, timeout_s=self.budget.timeout(PAGE_LOAD_TIMEOUT_S), min_charts=min_charts
            )
        except Exception:
            page.close()
            raise
        return page

    def _warm_up(
        self, browser: Any, app_server: StreamlitServer, bare_servers: dict[str, StreamlitServer]
    ) -> None:
        """Each server's first run imports numpy, plotly, pandas: load every page once."""
        for path, charts in LOAD_PAGES:
            page = self._open(browser, f"warm-up /{path}", f"{app_server.url}/{path}", charts)
            self.states.visit(page.page.url)
            page.close()
        for server in bare_servers.values():
            self._open(browser, "warm-up bare", server.url).close()

    # -- interactions ------------------------------------------------------------------

    def _interactions(
        self,
        browser: Any,
        app_server: StreamlitServer,
        bare_pages: list[BarePage],
        bare_servers: dict[str, StreamlitServer],
    ) -> None:
        bare_tabs: dict[str, ProbedPage] = {}
        bare_steppers: dict[str, Stepper] = {}
        bare_counts: dict[str, int] = {}
        for page in bare_pages:
            bare_tabs[page.name] = self._open(browser, page.name, bare_servers[page.name].url)
            bare_steppers[page.name] = page.make_stepper()
            bare_counts[page.name] = 0
        try:
            for interaction in self.options.interactions:
                result = InteractionResult(interaction.name, interaction.label, interaction.partner)
                self.results.interactions.append(result)
                if self.budget.left() <= 0:
                    result.status = "skipped: time budget spent"
                    continue
                try:
                    self._interaction(
                        browser,
                        app_server,
                        interaction,
                        partners(interaction.partner),
                        (bare_tabs, bare_steppers, bare_counts),
                        result,
                    )
                except BudgetExhaustedError:
                    result.status = f"stopped after {len(result.app)} steps: time budget spent"
                except (ControlNotFoundError, StepFailedError) as problem:
                    result.status = f"failed after {len(result.app)} steps: {problem}"
                    self.log(f"{interaction.name}: {result.status}")
        finally:
            for tab in bare_tabs.values():
                tab.close()

    def _interaction(
        self,
        browser: Any,
        app_server: StreamlitServer,
        interaction: Interaction,
        bare: tuple[BarePage, BarePage],
        bare_state: tuple[dict[str, ProbedPage], dict[str, Stepper], dict[str, int]],
        result: InteractionResult,
    ) -> None:
        bare_tabs, bare_steppers, bare_counts = bare_state
        url = f"{app_server.url}/{interaction.page}{interaction.query}"
        app = self._open(browser, interaction.name, url, interaction.min_charts)
        if interaction.ready:
            # idle with no chart is also the state before the first run: wait for the page
            for selector in interaction.ready:
                app.page.wait_for_selector(
                    selector, timeout=self.budget.timeout(PAGE_LOAD_TIMEOUT_S) * 1000
                )
            app.wait_settled(timeout_s=self.budget.timeout(PAGE_LOAD_TIMEOUT_S), min_charts=0)
        app.state_log = self.states
        try:
            self.states.visit(app.page.url)
            if interaction.needs is not None and not exists(
                app.page, interaction.needs, interaction.needs_inner
            ):
                result.status = f"skipped: no {interaction.needs.what} on the page"
                self.log(f"{interaction.name}: {result.status}")
                return
            stepper = interaction.make_stepper()
            total = self.options.warmup + self.options.steps
            for index in range(total):
                timed = index >= self.options.warmup
                timing = self._step(app, stepper, index, interaction.step_timeout_s)
                if timed:
                    result.app.append(timing)
                line = [
                    f"{interaction.name} {index + 1 - self.options.warmup}: {timing.total_ms:.0f}"
                ]
                for page in bare:
                    tab = bare_tabs[page.name]
                    count = bare_counts[page.name]
                    bare_timing = self._step(tab, bare_steppers[page.name], count, 60.0)
                    bare_counts[page.name] = count + 1
                    tab.close_step()
                    if timed:
                        result.bare.setdefault(page.name, []).append(bare_timing)
                    line.append(f"{page.name}: {bare_timing.total_ms:.0f}")
                if timed:
                    self.log(" ms, ".join(line) + " ms")
        finally:
            app.close_step()
            app.close()
            result.repeated_states = sum(timing.repeated for timing in result.app)

    def _step(self, page: ProbedPage, stepper: Stepper, index: int, timeout_s: float) -> StepTiming:
        step_input = stepper(page, index)
        return page.measure(
            step_input.chart, step_input.action, timeout_s=self.budget.timeout(timeout_s)
        )

    # -- first loads -------------------------------------------------------------------

    def _loads(
        self, browser: Any, app_server: StreamlitServer, bare_servers: dict[str, StreamlitServer]
    ) -> None:
        if not self.options.loads:
            return
        targets = [
            (name, server.url + "/", 1)
            for name, server in bare_servers.items()
            if name in ("bare contour page", "bare one-input page, no GC freeze")
        ]
        targets += [(f"/{path}", f"{app_server.url}/{path}", charts) for path, charts in LOAD_PAGES]
        for round_index in range(self.options.loads):
            for name, url, charts in targets:
                page = ProbedPage(browser, name, viewport=VIEWPORT)
                try:
                    ms = page.open(
                        url, timeout_s=self.budget.timeout(PAGE_LOAD_TIMEOUT_S), min_charts=charts
                    )
                    received: Received = page.received_since(0.0)
                finally:
                    page.close()
                load = LoadTiming(ms, received.ws, received.stcore_message + received.other_http)
                self.results.loads.setdefault(name, []).append(load)
                self.log(f"first load {round_index + 1}/{self.options.loads} {name}: {ms:.0f} ms")
