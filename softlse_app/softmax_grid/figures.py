"""Figures of the "softmax and one-hot" page: the σ₁/σ₂ grid and lse's gradient field.

- :func:`softmax_grid_figure`: a 2 × C grid of heatmaps — rows σ₁ and σ₂ of softmax((x, y), λ),
  one column per λ plus the one-hot argmax — with real x/y coordinates (1-D axes), origin
  bottom-left, equal aspect, shared axes and ONE colour scale fixed to [0, 1] with a single
  colour bar (Cividis). Hover shows x, y, σ₁ and σ₂ (the other component rides in
  ``customdata``, float32).
- :func:`gradient_field_figure`: contours of lse((x, y), λ) with its gradient softmax((x, y), λ)
  drawn as arrows (one line trace with ``None`` breaks: shaft and two head strokes per arrow),
  hover on each arrow's foot, and the checked point marked.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray
from plotly.subplots import make_subplots

from softlse_app.common.plot_style import OKABE_ITO, SEQUENTIAL_SCALE, base_layout

#: Arrow length (for a unit-length vector) as a fraction of the spacing between arrow feet.
ARROW_FILL = 0.85
#: Arrowhead stroke length as a fraction of the arrow length, and its half-angle in radians.
HEAD_FRACTION = 0.3
HEAD_ANGLE = np.deg2rad(25.0)


def format_lambda_title(lam: float) -> str:
    """Column title of one λ: ``λ = 10``; a negative λ is labelled as the soft minimum."""
    text = f"λ = {lam:g}".replace("-", "−")
    return f"{text} (soft-min)" if lam < 0 else text


def column_titles(lams: Sequence[float], ties: str) -> list[str]:
    """Titles of the grid's columns: one per λ, then the one-hot argmax with its tie rule."""
    return [*(format_lambda_title(lam) for lam in lams), f"one-hot argmax (ties: {ties})"]


def softmax_grid_figure(
    axis: NDArray[np.floating],
    values: NDArray[np.floating],
    titles: Sequence[str],
    *,
    width_hint: int = 1100,
) -> go.Figure:
    """Heatmap grid of ``values`` (shape (C, 2, res, res): column c, component k, row i = y
    index from the bottom, column j = x index) over ``axis`` (shape (res,)), with ``titles``
    naming the C columns. Rows: σ₁ on top, σ₂ below. Values are sent as float32. The height
    keeps square panels when the figure is about ``width_hint`` pixels wide."""
    n_columns = values.shape[0]
    if len(titles) != n_columns or values.shape[1] != 2:
        raise ValueError("values must have shape (len(titles), 2, res, res)")
    fig = make_subplots(
        rows=2,
        cols=n_columns,
        shared_xaxes=True,
        shared_yaxes=True,
        horizontal_spacing=0.015,
        vertical_spacing=0.06,
        subplot_titles=[_wrap_title(t) for t in titles] + [""] * n_columns,
    )
    axis64 = np.asarray(axis, dtype=np.float64)
    for column in range(n_columns):
        sigma = np.asarray(values[column], dtype=np.float32)
        for component in (0, 1):
            first, second = ("z", "customdata") if component == 0 else ("customdata", "z")
            fig.add_trace(
                go.Heatmap(
                    x=axis64,
                    y=axis64,
                    z=sigma[component],
                    customdata=sigma[1 - component],
                    coloraxis="coloraxis",
                    hovertemplate=(
                        "x = %{x:.3f}<br>y = %{y:.3f}<br>"
                        f"σ₁ = %{{{first}:.4f}}<br>σ₂ = %{{{second}:.4f}}"
                        f"<extra>{titles[column]}</extra>"
                    ),
                    name=f"σ{'₁₂'[component]}, {titles[column]}",
                ),
                row=component + 1,
                col=column + 1,
            )
    fig.update_layout(
        coloraxis={
            "colorscale": SEQUENTIAL_SCALE,
            "cmin": 0.0,
            "cmax": 1.0,
            "colorbar": {"title": {"text": "σₖ"}, "tickvals": [0, 0.25, 0.5, 0.75, 1]},
        }
    )
    for row in (1, 2):
        for column in range(1, n_columns + 1):
            index = (row - 1) * n_columns + column
            fig.update_xaxes(
                title_text="x" if row == 2 else None, constrain="domain", row=row, col=column
            )
            fig.update_yaxes(
                title_text=f"<b>σ{'₁₂'[row - 1]}</b>   y" if column == 1 else None,
                scaleanchor="x" if index == 1 else f"x{index}",
                constrain="domain",
                row=row,
                col=column,
            )
    panel = min(320, (width_hint - 120) // n_columns)
    return base_layout(fig, height=2 * panel + 130)


def _wrap_title(title: str) -> str:
    """Column title on two short lines where it has a parenthesis: ``λ = −5<br>(soft-min)``."""
    return title.replace(" (", "<br>(", 1)


def _arrow_paths(
    feet_x: NDArray[np.float64],
    feet_y: NDArray[np.float64],
    vectors: NDArray[np.float64],
    scale: float,
) -> tuple[list[float | None], list[float | None]]:
    """x and y lists of one line trace drawing every arrow: shaft, then both head strokes,
    each arrow separated by ``None``."""
    u, v = vectors[0] * scale, vectors[1] * scale
    tip_x, tip_y = feet_x + u, feet_y + v
    length = np.hypot(u, v)
    angle = np.arctan2(v, u)
    head = HEAD_FRACTION * length
    xs: list[float | None] = []
    ys: list[float | None] = []
    for k in range(feet_x.size):
        left = angle[k] + np.pi - HEAD_ANGLE
        right = angle[k] + np.pi + HEAD_ANGLE
        xs += [feet_x[k], tip_x[k], None]
        ys += [feet_y[k], tip_y[k], None]
        xs += [tip_x[k] + head[k] * np.cos(left), tip_x[k], tip_x[k] + head[k] * np.cos(right)]
        ys += [tip_y[k] + head[k] * np.sin(left), tip_y[k], tip_y[k] + head[k] * np.sin(right)]
        xs.append(None)
        ys.append(None)
    return [None if p is None else float(p) for p in xs], [
        None if p is None else float(p) for p in ys
    ]


def gradient_field_figure(
    axis: NDArray[np.floating],
    lse_values: NDArray[np.floating],
    arrow_axis: NDArray[np.floating],
    arrows: NDArray[np.floating],
    lam: float,
    *,
    point: tuple[float, float] | None = None,
    point_gradient: Sequence[float] | None = None,
    height: int = 520,
) -> go.Figure:
    """Contours of lse (``lse_values[i, j]`` at (axis[j], axis[i])) with arrows
    ``arrows[:, i, j]`` = ∇lse = softmax at (arrow_axis[j], arrow_axis[i]), scaled so a unit
    vector spans ``ARROW_FILL`` of the arrow spacing. ``point`` (with its ``point_gradient``)
    is marked and its arrow drawn in a contrasting colour when inside the plotted square."""
    arrow_axis = np.asarray(arrow_axis, dtype=np.float64)
    spacing = float(arrow_axis[1] - arrow_axis[0]) if arrow_axis.size > 1 else 1.0
    scale = ARROW_FILL * spacing
    feet_x, feet_y = (m.ravel() for m in np.meshgrid(arrow_axis, arrow_axis))
    vectors = np.asarray(arrows, dtype=np.float64).reshape(2, -1)
    fig = go.Figure()
    fig.add_trace(
        go.Contour(
            x=np.asarray(axis, dtype=np.float64),
            y=np.asarray(axis, dtype=np.float64),
            z=np.asarray(lse_values, dtype=np.float32),
            colorscale=SEQUENTIAL_SCALE,
            contours={"coloring": "heatmap", "showlabels": True},
            colorbar={"title": {"text": "lse"}},
            hovertemplate="x = %{x:.3f}<br>y = %{y:.3f}<br>lse = %{z:.4f}<extra></extra>",
            name="lse",
        )
    )
    path_x, path_y = _arrow_paths(feet_x, feet_y, vectors, scale)
    fig.add_trace(
        go.Scatter(
            x=path_x,
            y=path_y,
            mode="lines",
            line={"color": "white", "width": 1.5},
            hoverinfo="skip",
            name="∇lse = softmax",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=feet_x,
            y=feet_y,
            mode="markers",
            marker={"size": 4, "color": "white"},
            customdata=vectors.T,
            hovertemplate=(
                "x = %{x:.3f}<br>y = %{y:.3f}<br>∇lse = softmax = "
                "(%{customdata[0]:.4f}, %{customdata[1]:.4f})<extra></extra>"
            ),
            showlegend=False,
        )
    )
    extent = float(np.max(np.abs(axis)))
    if point is not None and max(abs(point[0]), abs(point[1])) <= extent:
        gradient = np.asarray(point_gradient if point_gradient is not None else (0.0, 0.0))
        shaft_x, shaft_y = _arrow_paths(
            np.array([point[0]]), np.array([point[1]]), gradient.reshape(2, 1), scale
        )
        fig.add_trace(
            go.Scatter(
                x=shaft_x,
                y=shaft_y,
                mode="lines",
                line={"color": OKABE_ITO[5], "width": 4},
                hoverinfo="skip",
                name="softmax at the checked point",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[point[0]],
                y=[point[1]],
                mode="markers",
                marker={
                    "size": 11,
                    "color": OKABE_ITO[5],
                    "line": {"color": "white", "width": 1.5},
                },
                hovertemplate="checked point (%{x:.3f}, %{y:.3f})<extra></extra>",
                name="checked point",
            )
        )
    fig.update_xaxes(title_text="x", constrain="domain")
    fig.update_yaxes(title_text="y", scaleanchor="x", constrain="domain")
    fig.update_layout(legend={"orientation": "h", "y": -0.15})
    return base_layout(fig, height=height, title=f"lse((x, y), {format_lambda_title(lam)})")
