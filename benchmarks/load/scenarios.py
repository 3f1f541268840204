"""What a simulated student does: open a page from a link, then change one control at a time.

Each page has a :class:`PagePlan`: links a teacher might hand out (query strings) and how
often each control is moved (weights by widget key; λ most, since the app is about λ). A key a
page no longer has is skipped; a page without a plan (a page added later) gets every widget
it shows, each as likely. On a page with no widgets (home) a student's next action is to open
a page from the navigation instead.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.load.client import BrowserTab
from benchmarks.load.run_elements import RunResult, Widget
from benchmarks.load.values import ValuePicker


@dataclass(frozen=True)
class PagePlan:
    """Links into a page and how often each control (widget key) is moved."""

    links: tuple[str, ...] = ("",)
    weights: dict[str, float] = field(default_factory=dict)


PLANS: dict[str, PagePlan] = {
    "": PagePlan(),  # home: no controls
    "lse_vs_max": PagePlan(
        links=("", "lam=10", "lam=100&extent=2", "view=sheet", "lam=0.5&slice=true&y=0.3"),
        weights={"lam": 5, "y": 3, "neg": 1, "extent": 1, "res": 1, "view": 1},
    ),
    "softmax_grid": PagePlan(
        links=("", "lams=0.5,2,50", "lams=1,-10&res=151", "glam=10&px=0.2&py=0.1"),
        weights={"lams": 5, "glam": 2, "px": 1, "py": 1, "res": 1, "extent": 1, "ties": 1},
    ),
    "vector_lab": PagePlan(
        links=("", "v=10,20,30&lam=100", "v=1,2,3&section=Temperature+sweep", "c=5&a=2"),
        weights={"v": 4, "lam": 4, "c": 1, "a": 1, "neg": 1, "section": 2},
    ),
    "sheet": PagePlan(),
}


def plan_for(page: str) -> PagePlan:
    return PLANS.get(page, PagePlan())


def choose_widget(
    widgets: dict[str, Widget], plan: PagePlan, rng: random.Random, only: str | None = None
) -> Widget | None:
    """A widget to move: by the plan's weights among the keys on the page, else any widget
    (``only``: just that key)."""
    by_key = {widget.key: widget for widget in widgets.values()}
    if only is not None:
        return by_key.get(only)
    weighted = [(by_key[key], weight) for key, weight in plan.weights.items() if key in by_key]
    if not weighted:
        weighted = [(widget, 1.0) for widget in by_key.values()]
    if not weighted:
        return None
    choices, weights = zip(*weighted, strict=True)
    return rng.choices(choices, weights=weights)[0]


class Student:
    """One simulated student: a browser tab, a page and a source of new values; ``pages`` are
    the app's pages (URL paths), for a student on a page without controls to open one."""

    def __init__(
        self,
        url: str,
        page: str,
        rng: random.Random,
        run_timeout: float,
        pages: tuple[str, ...] = (),
    ) -> None:
        self.tab = BrowserTab(url, run_timeout=run_timeout)
        self.page = page
        self.pages = pages  # where a student on a page without controls goes next
        self.rng = rng
        self.picker = ValuePicker(rng)
        self.results: list[RunResult] = []

    @property
    def connected(self) -> bool:
        return self.tab._ws is not None

    async def open_page(self, link: str | None = None) -> RunResult:
        """Connect and load the page with one of its plan's links."""
        try:
            await self.tab.connect()
        except Exception as exc:
            result = RunResult(self.page, "load", 0.0, 0, error=f"disconnected: {exc}")
        else:
            query = link if link is not None else self.rng.choice(plan_for(self.page).links)
            result = await self.tab.load(self.page, query)
            result.what = f"open /{self.page}?{query}"
        self.results.append(result)
        return result

    async def act(self, only: str | None = None) -> RunResult | None:
        """One action: move a control to a new value, or on a page without controls open
        another page of the app. ``None`` if there is nothing to do."""
        widget = choose_widget(self.tab.widgets, plan_for(self.page), self.rng, only)
        if widget is None and only is None:
            others = [page for page in self.pages if page and page != self.page]
            if not others:
                return None
            self.page = self.rng.choice(sorted(others))
            result = await self.tab.navigate(self.page)
            result.what = f"navigate to /{self.page}"
        elif widget is None:
            return None
        else:
            new = self.picker.new_value(widget)
            if new is None:
                return None
            result = await self.tab.set_widget(widget, new.state, new.url_value)
            result.what = f"{widget.key}={new.text[:40]}"
        self.results.append(result)
        return result

    async def keep_acting(
        self, edits: int, think: float, deadline: float, now: Callable[[], float]
    ) -> None:
        """``edits`` actions, a random pause of 0.5–1.5 × ``think`` before each (the first
        pause 0–1 ×, so a class does not move in step); stops at ``deadline`` or on a lost
        connection."""
        for index in range(edits):
            pause = think * (
                self.rng.uniform(0.0, 1.0) if index == 0 else self.rng.uniform(0.5, 1.5)
            )
            if now() + pause >= deadline or not self.connected:
                return
            await asyncio.sleep(pause)
            if await self.act() is None:
                return

    async def close(self) -> None:
        await self.tab.close()
