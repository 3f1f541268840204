"""Figures of the "vector lab" page: grouped softmax bars, the temperature sweep and the
softmax path on the probability simplex. Pure: arrays in, ``go.Figure`` out.

Colours: Okabe–Ito (colour-blind safe) from :mod:`softlse_core.figures.style`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray
from plotly.subplots import make_subplots

from softlse_core.figures.style import OKABE_ITO, base_layout

FloatArray = NDArray[np.float64]


def softmax_bars(
    labels: Sequence[str], series: Sequence[tuple[str, FloatArray]], *, title: str | None = None
) -> go.Figure:
    """Grouped bars: one group per component (``labels``), one bar per named series
    (e.g. softmax(σ, λ), softmax(σ + c, λ), softmax(a·σ, λ)). y is a probability in [0, 1];
    NaN entries are drawn as gaps. Hover shows the component, the series and the value."""
    fig = go.Figure()
    for i, (name, values) in enumerate(series):
        fig.add_bar(
            x=list(labels),
            y=np.asarray(values, dtype=np.float64),
            name=name,
            marker_color=OKABE_ITO[i % len(OKABE_ITO)],
            hovertemplate="%{x}<br>" + name + " = %{y:.10g}<extra></extra>",
        )
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.2})
    fig.update_xaxes(title_text="component", type="category")
    fig.update_yaxes(title_text="probability", range=[0, 1.05])
    return base_layout(fig, height=380, title=title)


def _sweep_panel(
    fig: go.Figure,
    col: int,
    magnitudes: FloatArray,
    probs: FloatArray,
    labels: Sequence[str],
    limit: FloatArray,
    *,
    show_legend: bool,
) -> None:
    """One panel of the sweep: each component against |λ| and its λ → ±∞ limit marker."""
    sign = "" if col == 1 else "−"
    for j, label in enumerate(labels):
        colour = OKABE_ITO[j % len(OKABE_ITO)]
        fig.add_scatter(
            x=magnitudes,
            y=probs[:, j],
            mode="lines",
            name=label,
            legendgroup=label,
            showlegend=show_legend,
            line={"color": colour, "width": 2},
            hovertemplate=f"{label}<br>λ = {sign}%{{x:.4g}}<br>p = %{{y:.8g}}<extra></extra>",
            row=1,
            col=col,
        )
        fig.add_scatter(
            x=[magnitudes[-1]],
            y=[limit[j]],
            mode="markers",
            name=f"{label}: limit λ → {sign}∞",
            legendgroup=label,
            showlegend=False,
            marker={"color": colour, "symbol": "triangle-right", "size": 11},
            hovertemplate=f"{label}<br>limit λ → {sign}∞: p = %{{y:.6g}}<extra></extra>",
            row=1,
            col=col,
        )


def lambda_sweep(
    magnitudes: FloatArray,
    probs_pos: FloatArray,
    labels: Sequence[str],
    limit_pos: FloatArray,
    current_lam: float,
    *,
    probs_neg: FloatArray | None = None,
    limit_neg: FloatArray | None = None,
    uniform: float | None = None,
) -> go.Figure:
    """softmax(σ, λ)_k against λ on a log axis, one line per component ``labels[k]``.

    ``probs_pos[i, k]`` is the value at λ = magnitudes[i] > 0; with ``probs_neg`` (values at
    λ = −magnitudes[i]) a second panel shows the soft-minimum side with x = |λ|. Triangles at
    the right edge mark the limits (one-hot on the maxima, split over ties, for λ → +∞;
    on the minima for λ → −∞), a dotted line the uniform value 1/n of λ → 0, and a dashed
    vertical line the current λ in its panel.
    """
    both = probs_neg is not None and limit_neg is not None
    fig = make_subplots(
        rows=1,
        cols=2 if both else 1,
        shared_yaxes=True,
        horizontal_spacing=0.06,
        subplot_titles=("λ > 0 (soft maximum)", "λ < 0 (soft minimum), x = |λ|")
        if both
        else ("λ > 0 (soft maximum)",),
    )
    _sweep_panel(fig, 1, magnitudes, probs_pos, labels, limit_pos, show_legend=True)
    if probs_neg is not None and limit_neg is not None:
        _sweep_panel(fig, 2, magnitudes, probs_neg, labels, limit_neg, show_legend=False)
    panels = 2 if both else 1
    log_range = [float(np.log10(magnitudes[0])), float(np.log10(magnitudes[-1])) + 0.15]
    for col in range(1, panels + 1):
        fig.update_xaxes(
            type="log", range=log_range, title_text="λ" if col == 1 else "|λ|", row=1, col=col
        )
        if uniform is not None:
            label = {"annotation_text": "uniform 1/n (λ → 0)"} if col == 1 else {}
            fig.add_hline(
                y=uniform, line={"dash": "dot", "color": "#777777"}, row=1, col=col, **label
            )
    current_col = 1 if current_lam > 0 else 2
    if current_col <= panels:
        fig.add_vline(
            x=abs(current_lam),
            line={"dash": "dash", "color": OKABE_ITO[7]},
            annotation_text=f"current λ = {current_lam:g}",
            annotation_position="bottom left",
            row=1,
            col=current_col,
        )
    fig.update_yaxes(title_text="softmax(σ, λ)ₖ", range=[-0.02, 1.02], row=1, col=1)
    fig.update_layout(legend={"orientation": "h", "y": -0.25})
    return base_layout(fig, height=420)


def simplex_path(
    path_pos: FloatArray,
    current: FloatArray,
    labels: Sequence[str],
    current_lam: float,
    *,
    path_neg: FloatArray | None = None,
) -> go.Figure:
    """The path of softmax(σ, λ) ∈ Δ² on a ternary plot for a vector of length 3.

    ``path_pos`` (m, 3): softmax at increasing λ > 0, from near the centre (λ → 0, uniform)
    towards the vertex of the maximum (λ → +∞); ``path_neg`` likewise for λ < 0, towards the
    minimum. The centre (1/3, 1/3, 1/3) and the current softmax are marked. Axes a, b, c are
    the three components, labelled with ``labels``.
    """
    fig = go.Figure()

    def add_path(path: FloatArray, name: str, colour: str) -> None:
        fig.add_trace(
            go.Scatterternary(
                a=path[:, 0],
                b=path[:, 1],
                c=path[:, 2],
                mode="lines",
                name=name,
                line={"color": colour, "width": 3},
                hovertemplate="p = (%{a:.4f}, %{b:.4f}, %{c:.4f})<extra>" + name + "</extra>",
            )
        )

    add_path(path_pos, "λ from 0 to +∞", OKABE_ITO[0])
    if path_neg is not None:
        add_path(path_neg, "λ from 0 to −∞", OKABE_ITO[5])
    third = 1.0 / 3.0
    fig.add_trace(
        go.Scatterternary(
            a=[third],
            b=[third],
            c=[third],
            mode="markers",
            name="λ = 0 (uniform)",
            marker={"color": "#777777", "size": 10, "symbol": "circle-open"},
            hovertemplate="λ = 0: uniform<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatterternary(
            a=[current[0]],
            b=[current[1]],
            c=[current[2]],
            mode="markers",
            name=f"current λ = {current_lam:g}",
            marker={"color": OKABE_ITO[7], "size": 13, "symbol": "x"},
            hovertemplate="p = (%{a:.6f}, %{b:.6f}, %{c:.6f})<extra>current λ</extra>",
        )
    )
    fig.update_layout(
        ternary={
            "sum": 1,
            "aaxis": {"title": {"text": labels[0]}},
            "baxis": {"title": {"text": labels[1]}},
            "caxis": {"title": {"text": labels[2]}},
        },
        legend={"orientation": "h", "y": -0.1},
    )
    return base_layout(fig, height=460)
