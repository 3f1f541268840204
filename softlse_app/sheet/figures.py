"""Small figures of the revealed answers, one per question, readable at 390 px phone width
(one panel, short margins, horizontal legends, 330 px high) in the app's colour-blind-safe
style (:mod:`softlse_app.common.plot_style`). Each builder also returns its alt text, a plain
description of what the figure shows.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from softlse_app.common.lambda_text import format_lambda
from softlse_app.common.plot_style import GAP_SCALE, OKABE_ITO, base_layout
from softlse_app.sheet.numbers import (
    SHEET_LAMBDAS,
    GapResults,
    GradientResults,
    LimitResults,
    SoftmaxResults,
)
from softlse_core import FloatArray

HEIGHT = 330
#: Room for the y ticks and title, the legend above the plot and the x title below: what
#: automargin settles on (see :mod:`softlse_app.common.plot_style`: margins); the figures
#: that need more on one side say so.
MARGIN = {"l": 76, "r": 16, "t": 43, "b": 70}
LEGEND = {"orientation": "h", "x": 0.0, "y": 1.0, "yanchor": "bottom"}


def _small(
    fig: go.Figure, *, height: int = HEIGHT, margin: dict[str, int] | None = None
) -> go.Figure:
    base_layout(fig, height=height)
    fig.update_layout(margin={**MARGIN, **(margin or {})}, legend=LEGEND)
    return fig


def softmax_bars_figure(r: SoftmaxResults) -> tuple[go.Figure, str]:
    """Question (a): softmax of s1, s2, s3 at λ = 1 as grouped bars, one colour per
    component."""
    names = list(r.probabilities)
    fig = go.Figure()
    for k in range(3):
        values = [float(r.probabilities[name][k]) for name in names]
        fig.add_bar(
            x=names,
            y=values,
            name=f"component {k + 1}",
            marker_color=OKABE_ITO[k],
            hovertemplate="%{x}, component " + str(k + 1) + ": %{y:.9g}<extra></extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="softmax", range=[0, 1.05])
    fig.update_xaxes(title_text="vector (λ = 1)")
    alt = (
        "Grouped bars of softmax at λ = 1 for s1, s2 and s3, three components each: the bars "
        "of s1 and s2 are identical, rising from about 0.09 to 0.67; for s3 the third "
        "component is almost 1 and the other two are invisible."
    )
    return _small(fig), alt


def gap_heatmap_figure(r: GapResults) -> tuple[go.Figure, str]:
    """Question (b): the gap lse − max over [−1, 1]² for λ = 10 (every other grid point:
    the figure is ~120 px per unit on a phone, finer points would not show)."""
    axis = r.axis[::2]
    gap = np.asarray(r.gap_at_10[::2, ::2], dtype=np.float32)
    fig = go.Figure(
        go.Heatmap(
            x=axis,
            y=axis,
            z=gap,
            zmin=0.0,
            zmax=r.bound[10.0],
            colorscale=GAP_SCALE,
            # below the square: beside it, the bar would take a third of a phone's width
            colorbar={
                "title": {"text": "gap lse − max", "side": "top"},
                "orientation": "h",
                "thickness": 10,
                "y": -0.28,
                "yanchor": "top",
                "len": 1.0,
            },
            hovertemplate="x = %{x:.3g}<br>y = %{y:.3g}<br>lse − max = %{z:.4g}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="x", range=[-1, 1], constrain="domain")
    fig.update_yaxes(title_text="y", range=[-1, 1], scaleanchor="x", constrain="domain")
    fig.update_layout(title={"text": "λ = 10", "x": 0})
    alt = (
        "Heat map of the gap lse − max over the square from −1 to 1 for λ = 10: a bright band "
        "along the diagonal from the lower-left to the upper-right corner, dark elsewhere, "
        "darkest at the corners (1, −1) and (−1, 1)."
    )
    # no legend above and short y ticks; the colour bar below
    _small(fig, height=400, margin={"l": 57, "t": 38, "b": 140})
    return fig, alt


def sigma1_slice_figure(r: GradientResults) -> tuple[go.Figure, str]:
    """Question (c): σ₁(x, 0) along the line y = 0 for λ = 1, 10, 100 and the λ → ∞ step."""
    fig = go.Figure()
    for index, lam in enumerate(SHEET_LAMBDAS):
        fig.add_scatter(
            x=r.slice_x,
            y=r.sigma1_slices[lam],
            mode="lines",
            name=format_lambda(lam),
            line={"color": OKABE_ITO[index], "width": 2},
            hovertemplate="x = %{x:.3g}<br>σ₁ = %{y:.6g}<extra>" + format_lambda(lam) + "</extra>",
        )
    fig.add_scatter(
        x=[-1.0, 0.0, None, 0.0, 1.0],
        y=[0.0, 0.0, None, 1.0, 1.0],
        mode="lines",
        name="λ → ∞",
        line={"color": OKABE_ITO[7], "width": 1.5, "dash": "dot"},
        hoverinfo="skip",
    )
    fig.add_scatter(
        x=[0.0],
        y=[0.5],
        mode="markers",
        name="on x = y: 1/2",
        marker={"color": OKABE_ITO[7], "size": 8},
        hovertemplate="x = y = 0: σ₁ = 1/2 for every λ<extra></extra>",
    )
    fig.update_xaxes(title_text="x (with y = 0)", range=[-1, 1])
    fig.update_yaxes(title_text="σ₁", range=[-0.03, 1.03])
    alt = (
        "σ₁ along the line y = 0 for x from −1 to 1: an S-shaped curve through 1/2 at x = 0, "
        "gentle for λ = 1, steep for λ = 10 and almost a step for λ = 100; the dotted λ → ∞ "
        "limit jumps from 0 to 1 at x = 0, with the value 1/2 marked there."
    )
    return _small(fig, margin={"t": 62}), alt  # its legend takes two lines


#: The λ axis's ticks: 1, 2 and 5 per decade.
LOG_AXIS_TICKS: tuple[float, ...] = tuple(
    float(f"{m * 10.0**e:g}") for e in range(-2, 4) for m in (1, 2, 5)
)


def lse_limit_figure(r: LimitResults) -> tuple[go.Figure, str]:
    """Question (d): lse(s1, λ) against λ (log scale) between max(s1) and max(s1) + log(3)/λ."""
    lambdas: FloatArray = r.sweep_lambdas
    fig = go.Figure()
    fig.add_scatter(
        x=lambdas,
        y=r.sweep_upper,
        mode="lines",
        name="max + log(3)/λ",
        line={"color": OKABE_ITO[1], "width": 1.5, "dash": "dash"},
        hovertemplate="λ = %{x:.3g}<br>bound = %{y:.6g}<extra></extra>",
    )
    fig.add_scatter(
        x=lambdas,
        y=r.sweep_lse,
        mode="lines",
        name="lse(s1, λ)",
        line={"color": OKABE_ITO[0], "width": 2.5},
        hovertemplate="λ = %{x:.3g}<br>lse = %{y:.9g}<extra></extra>",
    )
    fig.add_scatter(
        x=[lambdas[0], lambdas[-1]],
        y=[r.largest, r.largest],
        mode="lines",
        name="max(s1) = 3",
        line={"color": OKABE_ITO[7], "width": 1.5, "dash": "dot"},
        hoverinfo="skip",
    )
    # Round 1-2-5 ticks with their own labels: plotly's default log axis labels its minor
    # ticks with the bare digit ("5, 1, 2, 5, 10"), which reads as a broken axis.
    ticks = [t for t in LOG_AXIS_TICKS if lambdas[0] <= t <= lambdas[-1]]
    fig.update_xaxes(
        title_text="λ (log scale)",
        type="log",
        tickmode="array",
        tickvals=ticks,
        ticktext=[f"{t:g}" for t in ticks],
        exponentformat="power",  # not SI suffixes (1k, 1M) should plotly label other ticks
    )
    fig.update_yaxes(title_text="value")
    alt = (
        "lse(s1, λ) for λ from 0.5 to 100 on a log axis: it falls from about 4.4 towards the "
        "dotted line max(s1) = 3 and is on it from about λ = 10; the dashed bound "
        "max + log(3)/λ stays above it and meets the line as λ grows."
    )
    return _small(fig, margin={"r": 24}), alt  # room for the last tick label, 100
