"""The page's sections: the explore row (lse, max and gap for one λ, with read-outs), the
sheet's rows (λ = 1, 10, 100) and the slice.

Every chart is its own chart in a column: side by side on a wide screen, one under the other
below 640 px, so each plot keeps a readable width on a phone. Each is shown with
:func:`softlse_app.common.chart_output.show_chart`: alt text, and a CSV of its numbers made
only when its button is pressed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import streamlit as st

from softlse_app.common.chart_output import show_chart
from softlse_app.common.controls import open_section
from softlse_app.common.fragment_sync import record_fragment_inputs, rerun_page_if_fragment_missed
from softlse_app.common.lambda_control import lambda_control, lambda_keys
from softlse_app.common.lambda_text import hard_name
from softlse_app.common.number_format import format_short, format_signed
from softlse_app.common.url_state import show_url_notes
from softlse_app.lse_vs_max.controls import LAMBDA_KEYS, fixed_gap_scale_control, slice_y_control
from softlse_app.lse_vs_max.explanations import gap_explanation
from softlse_app.lse_vs_max.gap_figure import FIXED_LOG_RANGE, fitted_log_range
from softlse_app.lse_vs_max.panel_scales import scale_note
from softlse_app.lse_vs_max.readouts import (
    fixed_scale_note,
    gap_alt,
    gap_caption,
    gap_metrics,
    hard_alt,
    lse_alt,
    picture_note,
    sheet_table,
    slice_alt,
)
from softlse_app.lse_vs_max.surface import GapSummary
from softlse_app.lse_vs_max.views import (
    PanelNumbers,
    Panels,
    explore_panels,
    panel_csv,
    panel_numbers,
    sheet_panels,
    sheet_summaries,
    slice_csv,
    slice_panel,
)
from softlse_app.sheet.numbers import SHEET_LAMBDAS

#: The page's body (pages/lse_vs_max.py) and the explore view, fragments one inside the other,
#: and their controls' keys: a fragment inside reruns the page when a control of the one around
#: it changed without that one running (softlse_app.common.fragment_sync).
BODY_FRAGMENT = "lse_vs_max body"
BODY_KEYS = ("view", "extent", "res")
EXPLORE_FRAGMENT = "lse_vs_max explore"
EXPLORE_KEYS = (*lambda_keys(), "fixgap")


def _chart_row(panels: Panels, lam: float, extent: float, res: int, *, key: str) -> None:
    """lse, max and the gap of one λ, one column each."""
    numbers = panel_numbers(lam, extent, res)
    summary = numbers.summary
    alts = {
        "lse": lse_alt(summary, panels.scales),
        "hard": hard_alt(lam, panels.scales),
        "gap": gap_alt(summary, panels.gap_range),
    }
    figures = {"lse": panels.lse, "hard": panels.hard, "gap": panels.gap}
    # the files say what they hold: max (or min), which no λ changes, is named by itself
    hard = f"{hard_name(lam)}_extent_{format_short(extent)}"
    files = {
        "lse": f"lse_vs_max_lse_lambda_{format_short(lam)}.csv",
        "hard": f"lse_vs_max_{hard}.csv",
        "gap": f"lse_vs_max_gap_lambda_{format_short(lam)}.csv",
    }
    for column, panel in zip(st.columns(3), ("lse", "hard", "gap"), strict=True):
        with column:
            show_chart(
                figures[panel],
                key=f"{key}_{panel}",
                alt=alts[panel],
                csv_text=partial(panel_csv, lam, extent, res, panel),
                file_name=files[panel],
            )


def _captions(summaries: Sequence[GapSummary], res: int, numbers: PanelNumbers) -> None:
    """The gap panels' key, and a note when the lse panels draw fewer points than the grid."""
    axis = numbers.gap_axis
    step = float(axis[1] - axis[0]) if axis.size > 1 else None
    st.caption(gap_caption(summaries, res, axis.size, step))
    note = picture_note(res, numbers.lse_axis.size, "lse panel")
    if note:
        st.caption(note.strip())


def _flat_on_fixed_scale(numbers: PanelNumbers, view: str) -> None:
    """Under a gap panel on the fixed scale, the note saying its gaps come out in nearly one
    colour, if they do (:func:`fixed_scale_note`)."""
    shown = fitted_log_range(numbers.log_gap, numbers.lam)
    if note := fixed_scale_note(shown, FIXED_LOG_RANGE, view):
        st.caption(note)


def explore_section(lam: float, extent: float, res: int, fixed_gap_scale: bool) -> None:
    """lse, max and the gap for one λ and the gap read-outs."""
    panels = explore_panels(lam, extent, res, fixed_gap_scale)
    _chart_row(panels, lam, extent, res, key="explore")
    numbers = panel_numbers(lam, extent, res)
    if note := scale_note(lam, panels.scales):
        st.caption(note)  # first: it says how to read the two panels just above
    _captions([numbers.summary], res, numbers)
    if fixed_gap_scale:
        _flat_on_fixed_scale(numbers, "explore")
    gap_metrics(numbers.summary, extent)
    gap_explanation(numbers.summary)


@st.fragment
def explore_view(page: str, extent: float, res: int) -> None:
    """λ (with its sign and the gap's colour scale), then everything that depends on it: the
    panels, the read-outs and the slice. A fragment inside the page's body: moving λ reruns
    only this, so the view, extent and resolution controls are neither sent again nor
    redrawn; a new extent or resolution reruns the body, which reruns this with them."""
    rerun_page_if_fragment_missed(BODY_FRAGMENT)
    lam_column, scale_column = st.columns([2, 1], vertical_alignment="bottom")
    lam = lambda_control(page, container=lam_column)
    fixed_gap_scale = fixed_gap_scale_control(page, container=scale_column)
    record_fragment_inputs(EXPLORE_FRAGMENT, EXPLORE_KEYS)
    show_url_notes(page, LAMBDA_KEYS)
    explore_section(lam, extent, res, fixed_gap_scale)
    slice_section(page, lam, extent, res)


def sheet_section(page: str, extent: float, res: int) -> None:
    """The sheet's plots: one row of lse, max and gap per λ = 1, 10, 100, all lse and max
    panels on one colour scale, each gap on its own log scale (or, with the switch, all on
    the fixed one)."""
    fixed_gap_scale = fixed_gap_scale_control(page, container=st.container())
    show_url_notes(page, ("fixgap",))  # the explore view shows it with λ's notes
    gaps = (
        "every gap on the same fixed log scale, so the rows compare colour for colour"
        if fixed_gap_scale
        else "each gap on its own log scale, fitted to its λ (its colour bar gives the numbers)"
    )
    rows = sheet_panels(extent, res, fixed_gap_scale)
    own = [
        format_short(lam) for lam, p in zip(SHEET_LAMBDAS, rows, strict=True) if not p.scales.shared
    ]
    shared = (
        "All lse and max panels share one colour scale"
        if not own
        else f"The max panels share one colour scale with the lse panels but those of λ = "
        f"{', '.join(own)}, which lie too far above max for it and have their own (the note "
        "under the row says where)"
    )
    st.caption(
        "The sheet's plots for λ = 1, 10, 100, one row each (the λ control applies to the "
        f"Explore view). {shared}; {gaps}."
    )
    for lam, panels in zip(SHEET_LAMBDAS, rows, strict=True):
        st.markdown(f"**λ = {format_signed(lam)}**")
        _chart_row(panels, lam, extent, res, key=f"sheet_{format_short(lam)}")
        if note := scale_note(lam, panels.scales):
            st.caption(note)
        if fixed_gap_scale:
            _flat_on_fixed_scale(panel_numbers(lam, extent, res), "sheet")
    summaries = sheet_summaries(extent, res)
    _captions(summaries, res, panel_numbers(SHEET_LAMBDAS[0], extent, res))
    sheet_table(summaries)


def slice_label(lam: float) -> str:
    """The slice section's label, named as the chart inside draws it: between max and
    max + log(2)/λ for λ > 0, between min and min − log(2)/|λ| for λ < 0 (as
    :func:`softlse_app.lse_vs_max.slice_figure.slice_lines` names its lines)."""
    hard = hard_name(lam)
    far = f"{hard} + log(2)/λ" if lam > 0 else f"{hard} − log(2)/|λ|"
    return f"A slice at fixed y: lse between {hard} and {far} along one line"


@st.fragment
def slice_section(page: str, lam: float, extent: float, res: int) -> None:
    """The 1-D slice at the chosen y, in a section that is drawn only while it is open (its
    state is the link's ``slice``). Closed by default: a λ step then redraws the three panels
    only, and opening it is one click. A fragment: moving y reruns this section only."""
    rerun_page_if_fragment_missed(EXPLORE_FRAGMENT)
    section = open_section(
        slice_label(lam),
        key="slice",
        icon=":material/show_chart:",
    )
    if section is None:
        return
    with section:
        y = slice_y_control(page, extent)
        show_chart(
            slice_panel(lam, extent, res, y),
            key="slice_chart",
            alt=slice_alt(lam, y),
            csv_text=partial(slice_csv, lam, extent, res, y),
            file_name=f"lse_vs_max_slice_lambda_{format_short(lam)}.csv",
        )
