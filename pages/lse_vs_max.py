"""Page "LSE vs max": contours of lse((x, y), λ) beside max(x, y) and their gap, the sheet's
three plots for λ = 1, 10, 100, the gap read-outs and a 1-D slice (sheet questions b and d).

Layout and widgets only: the math is :mod:`softlse_app.lse_vs_max.surface`, the figures are
:mod:`softlse_app.lse_vs_max.contour_figures` and :mod:`softlse_app.lse_vs_max.slice_figure`. Every
control's key is its query parameter: ``lam``, ``neg``, ``extent``, ``res``, ``view``, ``y``.
"""

from __future__ import annotations

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

from functools import partial

import plotly.graph_objects as go
import streamlit as st

from softlse_app.common.controls import int_grid_control, lambda_control, log_choice_control
from softlse_app.common.shell import require_app_navigation
from softlse_app.common.url_params import clamp_to_range, read_choice, read_float_range
from softlse_app.common.url_state import adopt_query_param, mark_query_param_read, show_url_notes
from softlse_app.lse_vs_max.contour_figures import lse_max_gap_figure, sheet_figure
from softlse_app.lse_vs_max.slice_figure import lse_slice_figure
from softlse_app.lse_vs_max.surface import (
    GapSummary,
    gap_summary,
    hard_name,
    lse_slice,
    lse_surface,
)

require_app_navigation()

PAGE = "lse_vs_max"
VIEWS: tuple[str, ...] = ("explore", "sheet")
SHEET_LAMBDAS: tuple[float, ...] = (1.0, 10.0, 100.0)
EXTENT_OPTIONS: tuple[float, ...] = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)
RES_MIN, RES_MAX, RES_STEP, RES_DEFAULT = 51, 801, 50, 201


# Bounded caches: an entry at res = 801 holds about 10 MB of figure, so at most
# 16 + 8 such entries (≈ 250 MB) live in the process, shared by all sessions.
@st.cache_data(max_entries=16, show_spinner=False)
def explore_view(lam: float, extent: float, res: int) -> tuple[go.Figure, GapSummary]:
    """The three-panel figure and the gap read-outs for one (λ, extent, resolution)."""
    surface = lse_surface(extent, res, lam)
    figure = lse_max_gap_figure(surface.axis, surface.lse, surface.hard, lam)
    return figure, gap_summary(surface)


@st.cache_data(max_entries=8, show_spinner=False)
def sheet_view(extent: float, res: int) -> tuple[go.Figure, tuple[GapSummary, ...]]:
    """The sheet's three panels (λ = 1, 10, 100) on one colour scale, with their read-outs."""
    surfaces = [lse_surface(extent, res, lam) for lam in SHEET_LAMBDAS]
    figure = sheet_figure(surfaces[0].axis, [(s.lam, s.lse) for s in surfaces])
    return figure, tuple(gap_summary(s) for s in surfaces)


@st.cache_data(max_entries=64, show_spinner=False)
def slice_view(lam: float, extent: float, res: int, y: float) -> go.Figure:
    """The 1-D slice at height ``y`` along the grid's x coordinates."""
    cut = lse_slice(extent, res, y, lam)
    return lse_slice_figure(cut.x, cut.lse, cut.hard, y, lam)


def gap_readouts(summary: GapSummary, lam: float) -> None:
    """The largest gap on the grid next to its bound log(2)/λ, and what happens on ties."""
    hard = hard_name(lam)
    largest = "Largest" if lam > 0 else "Most negative"
    bound_text = "log(2)/λ" if lam > 0 else "−log(2)/|λ|"
    where = f"({summary.at_x:.3g}, {summary.at_y:.3g})"
    first, second, third, fourth = st.columns(4)
    first.metric(f"{largest} gap lse − {hard}", f"{summary.extreme_gap:.6g}")
    side = "Upper" if lam > 0 else "Lower"
    second.metric(f"{side} bound {bound_text}", f"{summary.bound:.6g}")
    third.metric("Where (on x = y)" if summary.at_x == summary.at_y else "Where", where)
    fourth.metric("Gap nearest 0 (bound log(1)/λ = 0)", f"{summary.least_gap:.3g}")
    st.markdown(
        f"On the diagonal x = y the two entries tie (m = 2), so the gap's two bounds log(m)/λ "
        f"and log(2)/λ meet, and the gap is exactly {bound_text} = "
        f"{summary.bound:.6g} at all {summary.tie_points} diagonal grid points (largest "
        f"deviation {summary.tie_gap_error:.1e}, rounding). Off the diagonal m = 1 and the gap "
        f"shrinks towards 0. The computed gap leaves the bounds of `lse_gap_bounds` at "
        f"{summary.outside_bounds} of {summary.points} grid points."
    )


def sheet_conclusion() -> None:
    """Sheet question (d): as λ → ∞ the largest term dominates, so lse → max."""
    st.subheader("Why lse → max as λ → ∞ (sheet question d)")
    st.markdown("Factor the largest term, exp(λ·σ_max), out of the sum (m of the n terms tie):")
    st.latex(
        r"\operatorname{lse}(\sigma,\lambda)"
        r" = \frac{1}{\lambda}\log\sum_{j=1}^{n} e^{\lambda\sigma_j}"
        r" = \sigma_{\max} + \frac{1}{\lambda}\log\Bigl(m + \sum_{\sigma_j<\sigma_{\max}}"
        r" e^{-\lambda(\sigma_{\max}-\sigma_j)}\Bigr)."
    )
    st.markdown(
        "Each remaining term is below 1 and vanishes as λ → ∞, so the logarithm stays between "
        "log m and log n, and dividing by λ sends it to 0:"
    )
    st.latex(
        r"\sigma_{\max} + \frac{\log m}{\lambda} \;\le\; \operatorname{lse}(\sigma,\lambda)"
        r" \;\le\; \sigma_{\max} + \frac{\log n}{\lambda}"
        r" \quad\Longrightarrow\quad \lim_{\lambda\to\infty}\operatorname{lse}(\sigma,\lambda)"
        r" = \sigma_{\max}."
    )
    st.markdown(
        "For two numbers (n = 2) the gap lse − max lies in [0, log(2)/λ]; for λ < 0 the same "
        "argument with the smallest term gives lse → min, from below."
    )


st.title("LSE vs max")
st.markdown(
    "Log-sum-exp of the two numbers (x, y) is a smooth maximum. The contours show lse beside "
    "max on **one colour scale** and the gap between them: as λ grows the gap shrinks like "
    "log(2)/λ, largest on the diagonal where x and y tie."
)

adopt_query_param(
    PAGE, "view", partial(read_choice, options=VIEWS, name="view"), "explore", lambda v: v in VIEWS
)
view = st.segmented_control(
    "View: explore any λ, or the sheet's three plots (λ = 1, 10, 100)",
    options=VIEWS,
    key="view",
    required=True,
    bind="query-params",
)
lam_column, extent_column, res_column = st.columns(3)
lam = lambda_control(PAGE, container=lam_column)
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
    help="The read-outs use every grid point; 801 × 801 takes a moment to draw.",
)
# A new extent keeps the slice's y where it still fits and clamps it to ±extent otherwise.
adopt_query_param(
    PAGE,
    "y",
    partial(read_float_range, lo=-extent, hi=extent, name="y"),
    0.0,
    lambda v: isinstance(v, float) and -extent <= v <= extent,
    repair=partial(clamp_to_range, lo=-extent, hi=extent),
)
show_url_notes(PAGE)

if view == "sheet":
    st.caption("The sheet's plots: λ = 1, 10, 100 (the λ control applies to the Explore view).")
    figure, summaries = sheet_view(extent, res)
    st.plotly_chart(figure, width="stretch", key="sheet_chart")
    st.dataframe(
        {
            "λ": [f"{lam_k:g}" for lam_k in SHEET_LAMBDAS],
            "largest gap lse − max on the grid": [s.extreme_gap for s in summaries],
            "bound log(2)/λ": [s.bound for s in summaries],
        },
        hide_index=True,
        column_config={
            name: st.column_config.NumberColumn(format="%.6f")
            for name in ("largest gap lse − max on the grid", "bound log(2)/λ")
        },
    )
else:
    figure, summary = explore_view(lam, extent, res)
    st.plotly_chart(figure, width="stretch", key="contour_chart")
    gap_readouts(summary, lam)
    st.subheader("A slice at fixed y")
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
    st.plotly_chart(slice_view(lam, extent, res, float(y)), width="stretch", key="slice_chart")

sheet_conclusion()
