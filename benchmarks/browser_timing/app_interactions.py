"""The app's interactions the benchmark times: the main controls of each page.

Each starts from its own link (query string) so that its states are its own: the caches are
shared by all sessions of the server, and two interactions walking through the same states
would hand each other cache hits. The walks (``interaction.py``) keep every step new; the
runner also checks the address after each step and counts any state seen before.

Widgets are found by key, then by label (``controls.py``), so a page that gains a widget or
moves one keeps working; an optional control that is not on the page (the typed λ box) is
reported as skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from benchmarks.browser_timing.controls import (
    TEXT_INPUTS,
    ControlRef,
    click,
    find,
    tab_panel_selector,
    tabs,
)
from benchmarks.browser_timing.interaction import (
    STEP_TIMEOUT_S,
    Input,
    Interaction,
    SliderWalk,
    Stepper,
    TypedValues,
    UntimedSliderWalk,
    number_list,
)
from benchmarks.browser_timing.probed_page import ChartRef, ProbedPage

# -- LSE vs max ---------------------------------------------------------------------------

LAM = ControlRef("λ slider", keys=("lam",), label="λ")
LAM_BOX = ControlRef(
    "typed λ box", keys=("lam_typed", "lam_text", "lam_box"), label="λ", exclude="(?i)values|list"
)
EXTENT = ControlRef("extent slider", keys=("extent",), label="(?i)extent")
RES = ControlRef("resolution slider", keys=("res",), label="(?i)grid points|resolution")
VIEW = ControlRef("view switch", keys=("view",), label="(?i)view")
CONTOUR = ChartRef(keys=("contour_chart",), index=0)
SHEET = ChartRef(keys=("sheet_chart",), index=0)


def typed_lambda(index: int, first: float = 1.23) -> str:
    """λ values between the slider's stops (1.23, 1.59, 2.05, …), new at every step."""
    return f"{first * 1.29**index:.3g}"


class ViewSwitch:
    """Click the view not shown (explore ↔ sheet). Before each click the extent moves one stop
    (untimed; at its ends the resolution moves too), so both views meet a new grid."""

    def __init__(self) -> None:
        self.extent_walk = UntimedSliderWalk(EXTENT, on_turn=UntimedSliderWalk(RES))

    def __call__(self, app: ProbedPage, index: int) -> Input:
        self.extent_walk(app)
        group = find(app.page, VIEW, '[role="radiogroup"]')
        target = group.locator('[role="radio"][aria-checked="false"]').first
        to_sheet = "sheet" in target.inner_text().lower()
        return Input(click(target), SHEET if to_sheet else CONTOUR)


def _lse(
    slug: str,
    control: str,
    query: str,
    make_stepper: Callable[[], Stepper],
    **extra: float | ControlRef | str,
) -> Interaction:
    return Interaction(
        "lse_vs_max", "LSE vs max", control, slug, query, "contour", make_stepper, **extra
    )


LSE_VS_MAX = (
    _lse(
        "lam",
        "λ slider, one key step (res 201)",
        "?lam=1.5",
        lambda: SliderWalk(LAM, CONTOUR, lane_change=UntimedSliderWalk(EXTENT)),
    ),
    _lse(
        "lam-slice",
        "λ slider, one key step, slice open (res 201)",
        "?lam=1.5&slice=true",
        lambda: SliderWalk(LAM, CONTOUR, lane_change=UntimedSliderWalk(EXTENT)),
    ),
    _lse(
        "lam-801",
        "λ slider, one key step (res 801)",
        "?lam=1.5&res=801",
        lambda: SliderWalk(LAM, CONTOUR, lane_change=UntimedSliderWalk(EXTENT)),
        step_timeout_s=180.0,
    ),
    _lse(
        "lam-typed",
        "typed λ + Enter (res 201)",
        "?extent=2",
        lambda: TypedValues(LAM_BOX, typed_lambda, CONTOUR),
        needs=LAM_BOX,
        needs_inner=TEXT_INPUTS,
    ),
    _lse(
        "extent",
        "extent slider, one key step",
        "?lam=0.7&extent=0.1",
        lambda: SliderWalk(EXTENT, CONTOUR, lane_change=UntimedSliderWalk(LAM)),
    ),
    _lse(
        "res",
        "resolution slider, one key step (201 ↔ 251)",
        "?lam=-0.3",
        lambda: SliderWalk(RES, CONTOUR, lane_change=UntimedSliderWalk(LAM), bounds=(201, 251)),
    ),
    _lse("view", "sheet ↔ explore switch (click)", "?lam=0.05&extent=0.1", ViewSwitch),
)

# -- Softmax and one-hot ------------------------------------------------------------------

LAMS = ControlRef("λ list box", keys=("lams",), label="(?i)λ values")
GLAM = ControlRef("gradient λ slider", keys=("glam",), label="λ")
GLAM_BOX = ControlRef(
    "typed gradient λ box", keys=("glam_typed", "glam_text", "glam_box"), label="(?i)exact λ"
)
PX = ControlRef("check point x box", keys=("px",), label="(?i)check point x")
GRID = ChartRef(keys=("softmax_grid",), index=0)
FIELD = ChartRef(keys=("gradient_field",), index=1)


def lambda_list(index: int) -> str:
    """Three λ like the default 1, 10, 100, new at every step: 0.51, 5.1, 51, …"""
    step = index + 1
    return number_list((0.5 + 0.01 * step, 5 + 0.1 * step, 50 + step))


def _softmax(
    slug: str, control: str, query: str, make_stepper: Callable[[], Stepper]
) -> Interaction:
    return Interaction(
        "softmax_grid", "Softmax and one-hot", control, slug, query, "contour", make_stepper
    )


SOFTMAX_GRID = (
    _softmax(
        "lams", "λ list typed + Enter (3 values)", "", lambda: TypedValues(LAMS, lambda_list, GRID)
    ),
    _softmax(
        "glam",
        "gradient λ slider, one key step",
        "?glam=1.5",
        lambda: SliderWalk(
            GLAM, FIELD, lane_change=TypedValues(PX, lambda k: f"{0.2 + 0.041 * k:.3f}").lane_change
        ),
    ),
    Interaction(
        "softmax_grid",
        "Softmax and one-hot",
        "typed gradient λ + Enter",
        "glam-typed",
        "",
        "contour",
        lambda: TypedValues(GLAM_BOX, lambda i: typed_lambda(i, first=1.17), FIELD),
        needs=GLAM_BOX,
        needs_inner=TEXT_INPUTS,
    ),
    _softmax(
        "point",
        "check point x typed + Enter",
        "",
        lambda: TypedValues(PX, lambda i: f"{0.5 - 0.037 * (i + 1):.3f}", FIELD),
    ),
)

# -- Vector lab ---------------------------------------------------------------------------

VECTOR = ControlRef("vector box", keys=("v",), label="(?i)vector")
VLAM = ControlRef("λ slider", keys=("lam",), label="λ")
VLAM_BOX = ControlRef("typed λ box", keys=("lam_typed", "lam_text", "lam_box"), label="(?i)exact λ")
OFFSET = ControlRef("offset c box", keys=("c",), label="(?i)offset")
SCALE = ControlRef("scale a box", keys=("a",), label="(?i)scale")
SECTIONS = ControlRef("section tabs", keys=("section",))
BARS = ChartRef(keys=("bars",), index=0)
#: The tabs switched between (by label; the first two tabs if these labels are gone).
TAB_PAIR = ("Offset and scale", "Temperature sweep")


def new_vector(index: int) -> str:
    """A length-3 vector not typed before in this run (so no cached result is reused)."""
    return f"{index % 7 + 0.5:g}, {2 + index * 0.37:.2f}, {3 - index * 0.11:.2f}"


def open_panel(tab: Any) -> ChartRef:
    """The panel ``tab`` opens: its first chart, or for a tab of tables (:data:`TABLE_TABS`)
    its text (a chart tab is never taken as drawn by its caption's text alone)."""
    label = tab.inner_text().strip()
    return ChartRef(selectors=(tab_panel_selector(tab),), text=label in TABLE_TABS)


class TabSwitch:
    """Click a tab; before each click a new vector is typed (untimed), so the tab opened
    draws numbers it has not drawn before. Without ``target`` it clicks the other tab of
    ``TAB_PAIR`` each step; with one, it opens the tab labelled ``target`` every step (first
    opening another tab, untimed, if the target is open)."""

    def __init__(self, target: str | None = None, lane: int = 0) -> None:
        self.target = target
        # the third entry carries the walk's ``lane``, so no two walks type the same vector
        self.vectors = TypedValues(
            VECTOR,
            lambda k: (
                f"{0.7 + 0.013 * k:.3f}, {2.1 + 0.017 * k:.3f}, {3.4 - 0.011 * k + 0.5 * lane:.3f}"
            ),
        )

    def __call__(self, app: ProbedPage, index: int) -> Input:
        every_tab = tabs(app.page, SECTIONS)
        by_label = {tab.inner_text().strip(): tab for tab in every_tab}
        if self.target is not None:
            target = by_label[self.target]
            if target.get_attribute("aria-selected") == "true":
                away = next(tab for label, tab in by_label.items() if label != self.target)
                app.untimed(click(away), timeout_s=STEP_TIMEOUT_S)
            self.vectors.lane_change(app)
            return Input(click(target), open_panel(target))
        self.vectors.lane_change(app)
        pair = [by_label[label] for label in TAB_PAIR if label in by_label]
        if len(pair) < 2:
            pair = every_tab[:2]
        open_now = [tab.get_attribute("aria-selected") == "true" for tab in pair]
        target = pair[1] if open_now[0] else pair[0]
        return Input(click(target), open_panel(target))


class InOpenTab:
    """A walk whose timed input redraws the open tab (not a fixed chart): the step ends when
    that tab's panel shows new data."""

    def __init__(self, walk: Stepper) -> None:
        self.walk = walk

    def __call__(self, app: ProbedPage, index: int) -> Input:
        step = self.walk(app, index)
        open_tab = next(
            tab for tab in tabs(app.page, SECTIONS) if tab.get_attribute("aria-selected") == "true"
        )
        return Input(step.action, open_panel(open_tab))


def _lab(slug: str, control: str, query: str, make_stepper: Callable[[], Stepper]) -> Interaction:
    return Interaction("vector_lab", "Vector lab", control, slug, query, "one_input", make_stepper)


VECTOR_LAB = (
    _lab("vector", "new vector typed + Enter", "", lambda: TypedValues(VECTOR, new_vector, BARS)),
    _lab(
        "lam",
        "λ slider, one key step",
        "?v=0.3,1.7,2.9&lam=1.5",
        lambda: SliderWalk(
            VLAM,
            BARS,
            lane_change=TypedValues(OFFSET, lambda k: f"{-0.5 - 0.61 * k:g}").lane_change,
        ),
    ),
    Interaction(
        "vector_lab",
        "Vector lab",
        "typed λ + Enter",
        "lam-typed",
        "?v=0.5,1.6,2.8",
        "one_input",
        lambda: TypedValues(VLAM_BOX, lambda i: typed_lambda(i, first=1.11), BARS),
        needs=VLAM_BOX,
        needs_inner=TEXT_INPUTS,
    ),
    _lab(
        "c",
        "offset c typed + Enter",
        "?v=0.4,1.8,3.1",
        lambda: TypedValues(OFFSET, lambda i: f"{0.25 + 0.73 * i:g}", BARS),
    ),
    _lab(
        "a",
        "scale a typed + Enter",
        "?v=0.6,1.9,3.3",
        lambda: TypedValues(SCALE, lambda i: f"{1.5 + 0.37 * i:g}", BARS),
    ),
    _lab("tab", "tab switch (click), new vector before each", "?v=0.7,2.1,3.4", TabSwitch),
)

#: Every tab: opening it (a click, new vector before each) and a λ step while it is open.
#: (label, short name, a start vector of its own so no two walks share cached states)
LAB_TABS = (
    ("Offset and scale", "offset", "0.61,2.2,3.3"),
    ("lse vs max", "lse", "0.62,2.3,3.2"),
    ("Temperature sweep", "sweep", "0.63,2.4,3.1"),
    ("Simplex", "simplex", "0.64,2.5,3.0"),
    ("Stable vs textbook", "stability", "0.65,2.6,2.9"),
)
#: The tabs without a chart: their start page draws none.
TABLE_TABS = ("lse vs max", "Stable vs textbook")


def lane_vector(lane: int) -> Callable[[int], str]:
    """The ``k``-th vector of ``lane``'s λ walk: length 3 (the simplex needs it), its third
    entry the lane's own, unlike any that :class:`TabSwitch` types."""
    return lambda k: f"{0.31 + 0.017 * k:.3f}, {1.7 + 0.013 * k:.3f}, {2.95 + 0.5 * lane:.3f}"


def _tab_interactions(lane: int, label: str, name: str, vector: str) -> tuple[Interaction, ...]:
    charts = 0 if label in TABLE_TABS else 1
    opened = Interaction(
        "vector_lab",
        "Vector lab",
        f"open the {label!r} tab (click), new vector before each",
        f"tab-{name}",
        f"?v={vector}",
        "one_input",
        lambda: TabSwitch(label, lane),
    )
    stepped = Interaction(
        "vector_lab",
        "Vector lab",
        f"λ slider, one key step, {label!r} tab open",
        f"lam-{name}",
        f"?v={vector}&lam=1.5&section={quote(label)}",
        "one_input",
        # these tabs do not depend on c: the lane change is a new vector of this lane's own
        lambda: InOpenTab(
            SliderWalk(VLAM, BARS, lane_change=TypedValues(VECTOR, lane_vector(lane)).lane_change)
        ),
        min_charts=charts,
        # the slider's code loads lazily: on a tab without charts it can come last
        ready=('.st-key-lam input[type="range"]',)
        + (() if charts else ('[role="tabpanel"] table',)),
    )
    return opened, stepped


#: (the λ step with the first tab open is ``vector_lab/lam`` above)
VECTOR_LAB_TABS = tuple(
    interaction
    for lane, tab in enumerate(LAB_TABS, start=1)
    for interaction in _tab_interactions(lane, *tab)
    if interaction.slug != f"lam-{LAB_TABS[0][1]}"
)

INTERACTIONS: tuple[Interaction, ...] = (
    *LSE_VS_MAX,
    *SOFTMAX_GRID,
    *VECTOR_LAB,
    *VECTOR_LAB_TABS,
)
