"""Page "LSE vs max": lse((x, y), λ) beside max(x, y) and their gap, the sheet's plots for
λ = 1, 10, 100, the gap read-outs and a 1-D slice (sheet questions b and d).

Layout only: the sections are :mod:`softlse_app.lse_vs_max.sections`, the page's own controls
:mod:`softlse_app.lse_vs_max.controls`. Every control's key is its query parameter: ``lam``,
``neg``, ``extent``, ``res``, ``view``, ``fixgap``, ``y``.

Below the introduction the page is one fragment (a new view, extent or resolution reruns only
it, not the title, the introduction or the derivation), and the explore view's λ a fragment
inside it (a λ step reruns only that).
"""

from __future__ import annotations

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

import streamlit as st

from softlse_app.common.controls import int_grid_control, log_choice_control
from softlse_app.common.fragment_sync import record_fragment_inputs
from softlse_app.common.shell import require_app_navigation
from softlse_app.common.url_state import show_url_notes, write_corrected_link_values
from softlse_app.lse_vs_max.controls import PAGE_KEYS, adopt_slice_open, view_control
from softlse_app.lse_vs_max.explanations import derivation
from softlse_app.lse_vs_max.sections import (
    BODY_FRAGMENT,
    BODY_KEYS,
    explore_view,
    sheet_section,
)

require_app_navigation()

PAGE = "lse_vs_max"
EXTENT_OPTIONS: tuple[float, ...] = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)
RES_MIN, RES_MAX, RES_STEP, RES_DEFAULT = 51, 801, 50, 201

st.title("LSE vs max")
st.markdown(
    "Log-sum-exp of the two numbers (x, y) is a smooth maximum. Its contours sit beside those "
    "of max on **one colour scale** (while lse is close enough to max to share it; the page "
    "says when it is not), and the gap between them on a log scale. Move λ: where "
    "is the gap largest, and how does it shrink? (Sheet questions b and d; predict them on the "
    "Exercise sheet page first.)"
)


@st.fragment
def page_body() -> None:
    """The view, the grid's extent and resolution, and what they show, as one fragment: a
    change reruns and redraws this part only, while the title, the introduction and the
    derivation below stay as they are. The explore view is a fragment inside it."""
    view = view_control(PAGE)
    extent_column, res_column = st.columns(2)
    extent = log_choice_control(
        PAGE,
        "extent",
        EXTENT_OPTIONS,
        1.0,
        "Extent: the grid covers [−extent, extent]²",
        container=extent_column,
    )
    res = int_grid_control(
        PAGE,
        "res",
        (RES_MIN, RES_MAX, RES_STEP),
        RES_DEFAULT,
        "Grid points per axis",
        container=res_column,
        help="The charts and read-outs use every grid point; 801 × 801 takes a moment to draw.",
    )
    record_fragment_inputs(BODY_FRAGMENT, BODY_KEYS)
    adopt_slice_open(PAGE)
    show_url_notes(PAGE, PAGE_KEYS)

    # The sheet view fixes λ to the sheet's three values, so it shows no λ control; the
    # explore view's λ lives in a fragment with everything that depends on it.
    if view == "sheet":
        sheet_section(PAGE, extent, res)
    else:
        explore_view(PAGE, extent, res)


page_body()
derivation()

write_corrected_link_values()  # a link's corrected values reach the address bar now
