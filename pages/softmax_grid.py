"""Page "Softmax and one-hot" (sheet 7, question c): σ₁ and σ₂ of softmax((x, y), λ) for a list
of λ next to the one-hot argmax, and the gradient connection ∇lse = softmax.

Widgets → validated state (:mod:`softlse_app.common.url_state`) →
:mod:`softlse_app.softmax_grid.fields` → :mod:`softlse_app.softmax_grid.figures` →
``st.plotly_chart``; no math here.
"""

from __future__ import annotations

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

from functools import partial

import plotly.graph_objects as go
import streamlit as st

from softlse_app.common.controls import int_grid_control, lambda_control, log_choice_control
from softlse_app.common.inert_text import show_message
from softlse_app.common.number_list import format_number_list, read_number_list
from softlse_app.common.shell import require_app_navigation
from softlse_app.common.url_params import ParamReading, read_choice, read_float_range
from softlse_app.common.url_state import adopt_query_param, show_url_notes
from softlse_app.softmax_grid.fields import (
    GradientCheck,
    gradient_check,
    lse_gradient_field,
    softmax_panels,
)
from softlse_app.softmax_grid.figures import (
    column_titles,
    format_lambda_title,
    gradient_field_figure,
    softmax_grid_figure,
)

require_app_navigation()

PAGE = "softmax_grid"
DEFAULT_LAMS = (1.0, 10.0, 100.0)
MAX_LAMS = 6
LAM_RANGE = (0.01, 1000.0)
# Odd counts keep the origin and the diagonal x = y on the grid. Capped at 401 (not 801 as on
# "LSE vs max"): 2·(C + 1) panels of ~250 px cannot show more, and at 801 the grid figure alone
# is ~55 MB of base64 (z and hover customdata), which stalls the browser.
RES_RANGE = (21, 401, 20)
# Default 101: each panel is ~150–250 px wide, so 101 points per axis already fill it, and the
# 8 default panels (z and hover customdata, float32) send ~1.2 MB instead of ~4.8 MB at 201.
RES_DEFAULT = 101
EXTENTS = (0.5, 1.0, 2.0, 5.0, 10.0)
TIE_RULES = ("split", "first")
POINT_RANGE = 10.0
ARROWS_PER_AXIS = 15

read_lams = partial(
    read_number_list,
    name="lams",
    lo=LAM_RANGE[0],
    hi=LAM_RANGE[1],
    max_count=MAX_LAMS,
)


def read_lams_text(raw: str) -> ParamReading[str]:
    """``?lams=…`` read as a list, handed to the text box in its tidy form."""
    reading = read_lams(raw)
    tidy = None if reading.value is None else format_number_list(reading.value)
    return ParamReading(tidy, reading.note)


# A cached grid figure holds 4·(len(lams) + 1) float32 res² arrays (≈ 18 MB at res = 401, 6 λ).
@st.cache_data(max_entries=8, show_spinner=False)
def grid_figure(extent: float, res: int, lams: tuple[float, ...], ties: str) -> go.Figure:
    panels = softmax_panels(extent, res, lams, ties)  # type: ignore[arg-type]
    return softmax_grid_figure(panels.axis, panels.values, column_titles(lams, ties))


@st.cache_data(max_entries=32, show_spinner=False)
def field_figure(extent: float, res: int, lam: float, px: float, py: float) -> go.Figure:
    field = lse_gradient_field(extent, res, lam, ARROWS_PER_AXIS)
    check = check_at(px, py, lam)
    return gradient_field_figure(
        field.axis,
        field.lse_values,
        field.arrow_axis,
        field.arrows,
        lam,
        point=check.point,
        point_gradient=check.softmax,
    )


@st.cache_data(max_entries=32, show_spinner=False)
def check_at(px: float, py: float, lam: float) -> GradientCheck:
    return gradient_check(px, py, lam)


st.title("Softmax and one-hot")
st.markdown(
    "The two components of softmax((x, y), λ) over the square [−a, a]², for several λ, next to "
    "the one-hot argmax they approach as λ → ∞ — the sheet's 2 × 4 grid (question c) with "
    "real coordinates, origin bottom-left and one colour scale."
)

controls = st.columns([3, 2, 2, 2])
notes_box = st.container()  # URL notes of every control, filled once all are read
adopt_query_param(
    PAGE, "lams", read_lams_text, format_number_list(DEFAULT_LAMS), lambda v: isinstance(v, str)
)
lams_text = controls[0].text_input(
    "λ values (comma-separated, up to 6; negative = soft-min)",
    key="lams",
    bind="query-params",
    max_chars=120,
    help="Each λ between 0.01 and 1000 in size, e.g. 0.5, 2, 50 or 1, -10.",
)
res = int_grid_control(
    PAGE, "res", RES_RANGE, RES_DEFAULT, "Grid points per axis", container=controls[1]
)
extent = log_choice_control(
    PAGE, "extent", EXTENTS, 1.0, "Extent a of the square [−a, a]²", container=controls[2]
)
adopt_query_param(
    PAGE,
    "ties",
    partial(read_choice, options=TIE_RULES, name="ties"),
    "split",
    TIE_RULES.__contains__,
)
ties = controls[3].radio(
    "One-hot ties on x = y",
    TIE_RULES,
    key="ties",
    bind="query-params",
    horizontal=True,
    help="split: 1/2 each, the true limit of softmax. first: numpy's argmax, as the sheet did.",
)
typed = read_lams(lams_text, subject="The λ list")
lams = typed.value if typed.value is not None else DEFAULT_LAMS
# On a first visit Streamlit shows the raw ?lams= text in the box; its URL note covers it.
if typed.note is not None and lams_text != st.query_params.get("lams"):
    fallback = "" if typed.value is not None else f" Showing {format_number_list(DEFAULT_LAMS)}."
    show_message("warning", typed.note + fallback, icon=":material/edit_note:")

grid_column, reading_column = st.columns([3, 1])
grid_column.plotly_chart(
    grid_figure(float(extent), int(res), tuple(lams), str(ties)), key="softmax_grid"
)
grid_column.caption(
    "Hover a cell for x, y, σ₁ and σ₂. The last column is the λ → +∞ limit (argmax); a "
    "soft-min column (λ < 0) tends to the one-hot argmin instead — the same panels with σ₁ "
    "and σ₂ swapped."
)
with reading_column:
    st.markdown("**Reading the grid**")
    st.markdown("With two entries, softmax depends only on the difference x − y:")
    st.latex(
        r"\begin{aligned}\sigma_1 &= \frac{e^{\lambda x}}{e^{\lambda x}+e^{\lambda y}}\\"
        r" &= \frac{1}{1+e^{-\lambda(x-y)}}\\ \sigma_2 &= 1-\sigma_1\end{aligned}"
    )
    st.markdown(
        "a logistic function of λ(x − y). So the boundary σ₁ = σ₂ = ½ is the diagonal x = y for "
        "every λ, and λ only sets how sharp the transition across it is (width ≈ 1/|λ|). "
        "A negative λ flips the picture: the weight goes to the smaller entry (soft-min)."
    )
    st.latex(
        r"\begin{aligned}&\lim_{\lambda\to\infty}\operatorname{softmax}(\sigma,\lambda)_k\\"
        r"&\quad= \tfrac{1}{m}\,\bigl[\sigma_k = \max_j \sigma_j\bigr]\end{aligned}"
    )
    st.markdown(
        "with m the number of maxima ([·] is 1 when true, else 0): one-hot off the diagonal, "
        "½ each on it — the `split` rule. "
        "numpy's argmax (`first`) puts all weight on σ₁ there, which no λ produces."
    )

st.header("The gradient connection: ∇lse = softmax")
field_column, check_column = st.columns([3, 2])
with check_column:
    glam = lambda_control(
        PAGE, key="glam", sign_key="gneg", label="λ of the lse plot and the check"
    )
    point_reader = partial(read_float_range, lo=-POINT_RANGE, hi=POINT_RANGE)
    point_columns = st.columns(2)
    for column, key, axis_name, default in ((0, "px", "x", 0.5), (1, "py", "y", 0.25)):
        adopt_query_param(
            PAGE,
            key,
            partial(point_reader, name=key),
            default,
            lambda v: isinstance(v, float) and -POINT_RANGE <= v <= POINT_RANGE,
        )
        point_columns[column].number_input(
            f"Check point {axis_name}",
            min_value=-POINT_RANGE,
            max_value=POINT_RANGE,
            step=0.05,
            format="%.3f",
            key=key,
            bind="query-params",
        )
    px, py = float(st.session_state["px"]), float(st.session_state["py"])
    check = check_at(px, py, glam)
    st.markdown(f"At σ = ({px:g}, {py:g}), {format_lambda_title(glam)}:")
    st.dataframe(
        {
            "component": ["∂lse/∂x vs σ₁", "∂lse/∂y vs σ₂"],
            "finite difference": check.finite_difference.tolist(),
            "softmax": check.softmax.tolist(),
            "difference": check.difference.tolist(),
        },
        hide_index=True,
        column_config={
            "finite difference": st.column_config.NumberColumn(format="%.10f"),
            "softmax": st.column_config.NumberColumn(format="%.10f"),
            "difference": st.column_config.NumberColumn(format="%.2e"),
        },
        key="gradient_check",
    )
    st.metric("largest |difference|", f"{check.max_abs_difference:.2e}")
    st.markdown("The sheet's derivation, term by term:")
    st.latex(
        r"\begin{aligned}\frac{\partial}{\partial\sigma_i}\operatorname{lse}(\sigma,\lambda)"
        r" &= \frac{\partial}{\partial\sigma_i}\,\frac{1}{\lambda}\log\sum_j e^{\lambda\sigma_j}\\"
        r" &= \frac{1}{\lambda}\,\frac{1}{\sum_j e^{\lambda\sigma_j}}"
        r"\,\frac{\partial}{\partial\sigma_i}\sum_j e^{\lambda\sigma_j}\\"
        r" &= \frac{1}{\lambda}\,\frac{\lambda\, e^{\lambda\sigma_i}}{\sum_j e^{\lambda\sigma_j}}"
        r" = \operatorname{softmax}(\sigma,\lambda)_i\end{aligned}"
    )
    st.caption(
        "Finite difference: (lse(σ + h·eᵢ, λ) − lse(σ − h·eᵢ, λ)) / 2h with "
        "h = ∛ε · max(1, |σ|) / max(1, |λ|), so its error stays near 1e-10 even at λ = 1000."
    )
with field_column:
    st.plotly_chart(field_figure(float(extent), int(res), glam, px, py), key="gradient_field")
    st.caption(
        "Each arrow is softmax at its foot: non-negative components summing to 1, so every "
        "arrow points into the upper-right quarter, perpendicular to the lse contours. For "
        "λ > 0 it turns from +x below the diagonal (x > y) to +y above it; for λ < 0 the "
        "other way round. The vermillion arrow is at the checked point (when inside the square)."
    )
with notes_box:
    show_url_notes(PAGE)
