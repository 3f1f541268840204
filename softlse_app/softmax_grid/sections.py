"""The two interactive sections of the "softmax and one-hot" page, each a Streamlit fragment.

A fragment reruns on its own when one of its controls changes: moving the gradient section's
λ or check point redraws only the gradient chart and the check tables, and a new λ list or tie
rule redraws only the grid — neither sends or redraws the other section. The square's extent
and grid (the page's own controls) rerun the whole page, which reruns both sections with the
new values. Each section shows the link notes of its own controls, since only its reruns can
clear them.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from softlse_app.common.chart_output import show_chart
from softlse_app.common.fragment_sync import record_fragment_inputs, rerun_page_if_fragment_missed
from softlse_app.common.lambda_control import lambda_keys
from softlse_app.common.markdown_table import readout_table
from softlse_app.common.number_format import (
    UNDERFLOW_NOTE,
    UNDERFLOW_TEXT,
    format_full,
    format_signed,
)
from softlse_app.common.url_state import show_url_notes
from softlse_app.softmax_grid.controls import (
    GRADIENT_KEYS,
    GRID_KEYS,
    gradient_controls,
    lambda_list_control,
    tie_control,
)
from softlse_app.softmax_grid.descriptions import (
    field_alt_text,
    lambda_title,
    nearly_uniform_note,
    onehot_alt_text,
    softmax_alt_text,
)
from softlse_app.softmax_grid.field_figure import CHECK_ARROW_MAGNIFY
from softlse_app.softmax_grid.fields import GradientCheck, tie_weights
from softlse_app.softmax_grid.grid_figures import CHART_WIDTH
from softlse_app.softmax_grid.views import (
    check_numbers,
    field_chart,
    field_csv,
    field_numbers,
    onehot_chart,
    onehot_csv,
    softmax_chart,
    softmax_csv,
)

#: The page's two fragments and their controls' keys: one browser message can carry edits
#: for both and run only one (softlse_app.common.fragment_sync).
GRID_FRAGMENT = "softmax_grid grid"
GRID_CONTROL_KEYS = ("lams", "ties")
GRADIENT_FRAGMENT = "softmax_grid gradient"
GRADIENT_CONTROL_KEYS = (*lambda_keys("glam", "gneg"), "px", "py")


@st.fragment
def grid_section(page: str, extent: float, res: int) -> None:
    """The λ list and tie rule, then one chart per λ and the one-hot chart in a row that wraps:
    four side by side on a desktop, one per row on a phone. Reruns the page instead when the
    gradient section's controls changed without it running (see
    :mod:`softlse_app.common.fragment_sync`)."""
    rerun_page_if_fragment_missed(GRADIENT_FRAGMENT)
    list_column, ties_column = st.columns([3, 2])
    lams = lambda_list_control(page, list_column)
    ties = tie_control(page, ties_column)
    record_fragment_inputs(GRID_FRAGMENT, GRID_CONTROL_KEYS)
    show_url_notes(page, GRID_KEYS)
    row = st.container(horizontal=True, horizontal_alignment="center", gap="small")
    for index, lam in enumerate(lams):
        with row.container(width=CHART_WIDTH, gap=None):
            show_chart(
                softmax_chart(extent, res, lam),
                key=f"softmax_grid_{index}",
                alt=softmax_alt_text(lam, extent),
                csv_text=partial(softmax_csv, extent, res, lam),
                file_name=f"softmax_lambda_{lam:g}.csv",
                width="content",
            )
    with row.container(width=CHART_WIDTH, gap=None):
        show_chart(
            onehot_chart(extent, res, ties),
            key="softmax_grid_onehot",
            alt=onehot_alt_text(ties, tie_weights(ties), extent),
            csv_text=partial(onehot_csv, extent, res, ties),
            file_name=f"onehot_{ties}.csv",
            width="content",
        )
    if note := nearly_uniform_note(lams, extent):
        st.caption(note)
    st.caption(
        "Hover a cell for x, y and its σ. The last chart is the λ → +∞ limit (argmax), its "
        "diagonal drawn in the weights of the tie rule; a soft-min chart (λ < 0) tends to the "
        "one-hot argmin instead — the same panels with σ₁ and σ₂ swapped."
    )


@st.fragment
def gradient_section(page: str, extent: float, res: int) -> None:
    """λ and the check point with the finite-difference check, beside the gradient field.
    Reruns the page instead when the grid section's controls changed without it running."""
    rerun_page_if_fragment_missed(GRID_FRAGMENT)
    controls_column, chart_column = st.columns(2, gap="large")
    with controls_column:
        lam, px, py = gradient_controls(page)
        record_fragment_inputs(GRADIENT_FRAGMENT, GRADIENT_CONTROL_KEYS)
        show_url_notes(page, GRADIENT_KEYS)
        check = check_numbers(px, py, lam)
        st.caption(  # under the controls, beside the chart it explains
            "Each arrow is softmax at its foot: non-negative components summing to 1, so every "
            "arrow points into the upper-right quarter, perpendicular to the lse contours. For "
            "λ > 0 it turns from +x below the diagonal (x > y) to +y above it; for λ < 0 the "
            "other way round. The vermillion arrow is softmax at the checked point, drawn "
            f"{CHECK_ARROW_MAGNIFY:g} times longer (when the point is inside the square; less "
            "where that would take it out of the square, as the legend says)."
        )
    with chart_column:
        field = field_numbers(extent, res, lam)
        inside = max(abs(px), abs(py)) <= extent
        lse_range = (float(field.lse_values.min()), float(field.lse_values.max()))
        show_chart(
            field_chart(extent, res, lam, px, py),
            key="gradient_field",
            alt=field_alt_text(lam, extent, lse_range, check if inside else None),
            csv_text=partial(field_csv, extent, res, lam),
            file_name=f"lse_gradient_lambda_{lam:g}.csv",
        )
    # Below both columns, at the page's full width: in the controls' half column a table of
    # 17-digit numbers scrolled the two being compared out of sight.
    st.markdown(f"At σ = ({format_signed(px)}, {format_signed(py)}), {lambda_title(lam)}:")
    # One table per component, side by side on a desktop and stacked on a phone, where one
    # table of both (four columns of 17-digit numbers) scrolled sideways in its box and hid
    # softmax's column at 390 px. The finite difference and softmax stand one above the
    # other, aligned on the left so that their place values line up. Markdown tables, as on
    # the vector lab: every digit visible, and far less work for the browser on each move
    # than st.table (a component per cell) or st.dataframe.
    tables = check_tables(check)
    for column, table in zip(st.columns(2), tables, strict=True):
        with column:
            readout_table(table, left_aligned=("value",))
    if any(UNDERFLOW_TEXT in table["value"] for table in tables):
        st.caption(
            f"{UNDERFLOW_NOTE} The finite difference above it is 0.0 as computed: lse changes "
            "by less than float64 can resolve over the step."
        )
    st.metric("largest |difference|", f"{check.max_abs_difference:.2e}")


#: The check tables' first column: which derivative is checked against which share.
CHECK_COMPONENTS = ("∂lse/∂x vs σ₁", "∂lse/∂y vs σ₂")


def check_tables(check: GradientCheck) -> list[dict[str, list[str]]]:
    """The check's numbers as one table per component: the finite difference and softmax at
    full precision (the shortest text that reads back to the same double) and their
    difference at 3 digits (never −0.00e+00). A softmax share that float64 holds as 0 reads
    :data:`~softlse_app.common.number_format.UNDERFLOW_TEXT`: at a finite point and a
    finite, nonzero λ it is positive (e^(−1750) at σ = (−1.5, 0.25) and λ = −1000)."""
    return [
        {
            component: ["finite difference", f"softmax σ{'₁₂'[k]}", "difference"],
            "value": [
                format_full(check.finite_difference[k]),
                UNDERFLOW_TEXT if check.softmax[k] == 0 else format_full(check.softmax[k]),
                f"{float(check.difference[k]) + 0.0:.2e}",
            ],
        }
        for k, component in enumerate(CHECK_COMPONENTS)
    ]
