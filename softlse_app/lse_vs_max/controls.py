"""The page's own controls, each bound to its query parameter: the view (``view``), the gap's
colour scale (``fixgap``), whether the slice is open (``slice``) and its height (``y``). λ,
the extent and the resolution use the shared controls of
:mod:`softlse_app.common.lambda_control` and :mod:`softlse_app.common.controls`."""

from __future__ import annotations

from functools import partial

import streamlit as st

from softlse_app.common.url_params import clamp_to_range, read_choice, read_float_range
from softlse_app.common.url_state import (
    adopt_flag_query_param,
    adopt_query_param,
    mark_query_param_read,
    show_url_notes,
)

VIEWS: tuple[str, ...] = ("explore", "sheet")

#: The query parameters of the controls inside the explore view's fragment (λ, its sign, the
#: gap's colour scale): that fragment shows their link notes, since only its reruns clear them.
LAMBDA_KEYS: tuple[str, ...] = ("lam", "neg", "fixgap")

#: The query parameters of the page's other controls, whose notes the whole page shows.
PAGE_KEYS: tuple[str, ...] = ("view", "extent", "res", "slice")


def view_control(page: str) -> str:
    """Explore any λ, or the sheet's plots for λ = 1, 10, 100."""
    adopt_query_param(
        page,
        "view",
        partial(read_choice, options=VIEWS, name="view"),
        "explore",
        lambda v: v in VIEWS,
    )
    view = st.segmented_control(
        "View: explore any λ, or the sheet's plots (λ = 1, 10, 100)",
        options=VIEWS,
        default="explore",  # the widget's own default: a link's view=explore leaves the address
        key="view",
        required=True,
        bind="query-params",
    )
    return str(view)


def fixed_gap_scale_control(page: str, *, container: st.delta_generator.DeltaGenerator) -> bool:
    """A switch: the gap's colour scale fitted to each λ (off) or the same for every λ (on)."""
    adopt_flag_query_param(page, "fixgap")
    return bool(
        container.toggle(
            "Same gap colour scale for every λ",
            value=False,
            key="fixgap",
            bind="query-params",
            help="On: the gap's colours mean the same numbers at every λ (1e-308 to 69), so "
            "gaps of different λ compare colour for colour and a larger λ shows the gap "
            "shrink. Off: each λ's gap on a scale fitted to its own grid.",
        )
    )


def adopt_slice_open(page: str) -> None:
    """Read ``slice`` (whether the slice's section is open) from the link before the page
    shows its notes."""
    adopt_flag_query_param(page, "slice")


def slice_y_control(page: str, extent: float) -> float:
    """The slider for the slice's y over [−extent, extent], read from the link's ``y`` (with
    its note, shown here: the slider is on screen only while the slice is open); a new extent
    keeps y where it still fits and clamps it to ±extent otherwise."""
    adopt_query_param(
        page,
        "y",
        partial(read_float_range, lo=-extent, hi=extent, name="y"),
        0.0,
        lambda v: isinstance(v, float) and -extent <= v <= extent,
        repair=partial(clamp_to_range, lo=-extent, hi=extent),
    )
    show_url_notes(page, ("y",))
    y = st.slider(
        "y of the slice",
        min_value=-extent,
        max_value=extent,
        step=extent / 100,
        value=0.0,
        key="y",
        bind="query-params",
    )
    mark_query_param_read("y")  # Streamlit may have written the y set in code into the URL
    return float(y)
