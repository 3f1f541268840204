"""What one benchmarked interaction is, and the walks that give every step a state not seen
before.

A step is an untimed preparation (anything that must happen first: focusing a thumb, typing
the text before Enter, changing another control so the next value is new) followed by one
timed input. Streamlit's caches are per server process and shared by sessions, so a step that
returns to a state any session has shown is a cache hit, not what a user meets when trying
something new. Each walk below moves through fresh states: a slider steps one stop at a
time; at the end of its range (or of ``bounds``) another control is changed untimed (a "lane
change") and the slider walks back, now through states with the other control's new value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.browser_timing.controls import (
    ControlRef,
    key_press,
    slider_position,
    slider_thumb,
    text_box,
    typed,
)
from benchmarks.browser_timing.probed_page import ChartRef, ProbedPage

#: Seconds an ordinary step may take before the benchmark gives up on the interaction.
STEP_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Input:
    """The timed input of a step and the chart it must redraw."""

    action: Callable[[], None]
    chart: ChartRef


#: Prepares step ``index`` on the page (untimed) and returns its timed input.
Stepper = Callable[[ProbedPage, int], Input]
#: An untimed change made between steps (waits for its rerun).
LaneChange = Callable[[ProbedPage], None]


@dataclass(frozen=True)
class Interaction:
    """One control of one page, stepped to new values and timed against a bare page."""

    page: str  # URL path of the page, "" for the bare pages' root
    title: str  # page title as the table shows it
    control: str  # what is moved, as the table shows it
    slug: str  # short name for --controls
    query: str  # start URL's query string ("?lam=1.5"), chosen so every step is new
    partner: str  # which bare page it is measured against (see bare_pages.PARTNERS)
    make_stepper: Callable[[], Stepper]  # a fresh walk per run
    step_timeout_s: float = STEP_TIMEOUT_S
    needs: ControlRef | None = None  # skipped unless this widget is on the page
    needs_inner: str = "input"
    min_charts: int = 1  # charts the start page draws (0: the open tab shows tables only)
    #: CSS selectors of elements the start page must show before the first step (a widget
    #: whose code loads lazily can appear after the rest of the page is drawn and idle)
    ready: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.page}/{self.slug}"

    @property
    def label(self) -> str:
        return f"{self.title}: {self.control}"


class SliderWalk:
    """Steps a slider one stop per step with the arrow keys (the timed input). At an end of
    its range, or of ``bounds`` (shown values, inclusive), it makes ``lane_change`` (untimed;
    ``None``: none, for pages without caches) and walks back."""

    def __init__(
        self,
        slider: ControlRef,
        chart: ChartRef,
        *,
        lane_change: LaneChange | None,
        bounds: tuple[float, float] | None = None,
    ) -> None:
        self.slider = slider
        self.chart = chart
        self.lane_change = lane_change
        self.bounds = bounds
        self.direction = 1

    def _at_end(self, app: ProbedPage) -> bool:
        position = slider_position(slider_thumb(app.page, self.slider))
        if self.direction > 0:
            at_bound = self.bounds is not None and (position.number or 0) >= self.bounds[1]
            return at_bound or position.index >= position.count - 1
        at_bound = self.bounds is not None and (position.number or 0) <= self.bounds[0]
        return at_bound or position.index <= 0

    def __call__(self, app: ProbedPage, index: int) -> Input:
        if self._at_end(app):
            if self.lane_change is not None:
                self.lane_change(app)
            self.direction = -self.direction
        key = "ArrowRight" if self.direction > 0 else "ArrowLeft"
        return Input(key_press(slider_thumb(app.page, self.slider), key), self.chart)


class UntimedSliderWalk:
    """A lane change: one slider stop per call, walking back at the ends; at each turn it
    first makes its own lane change ``on_turn`` (if any), so the states stay new."""

    def __init__(self, slider: ControlRef, *, on_turn: LaneChange | None = None) -> None:
        self.slider = slider
        self.on_turn = on_turn
        self.direction = 1

    def __call__(self, app: ProbedPage) -> None:
        position = slider_position(slider_thumb(app.page, self.slider))
        at_end = position.index >= position.count - 1 if self.direction > 0 else position.index <= 0
        if at_end:
            if self.on_turn is not None:
                self.on_turn(app)
            self.direction = -self.direction
        key = "ArrowRight" if self.direction > 0 else "ArrowLeft"
        thumb = slider_thumb(app.page, self.slider)
        app.untimed(key_press(thumb, key), timeout_s=STEP_TIMEOUT_S)


class TypedValues:
    """Types ``texts(index)`` into a box and presses Enter: as a timed step (``__call__``) or,
    with :meth:`lane_change`, as an untimed change with its own counter."""

    def __init__(
        self, box: ControlRef, texts: Callable[[int], str], chart: ChartRef | None = None
    ) -> None:
        self.box = box
        self.texts = texts
        self.chart = chart if chart is not None else ChartRef()
        self.untimed_count = 0

    def __call__(self, app: ProbedPage, index: int) -> Input:
        return Input(typed(text_box(app.page, self.box), self.texts(index)), self.chart)

    def lane_change(self, app: ProbedPage) -> None:
        action = typed(text_box(app.page, self.box), self.texts(self.untimed_count))
        self.untimed_count += 1
        app.untimed(action, timeout_s=STEP_TIMEOUT_S)


def number_list(values: Sequence[float]) -> str:
    """``1.5, 20, 300``: how a person types a list."""
    return ", ".join(f"{value:g}" for value in values)
