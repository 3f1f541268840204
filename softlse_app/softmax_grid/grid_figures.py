"""The grid of the "softmax and one-hot" page, one chart per column of the sheet's 2 × 4 grid.

:func:`softmax_panel_figure` draws σ₁ above σ₂ for one λ (or for the one-hot limit) as two
square heatmaps with real x/y coordinates, origin bottom-left, the colour scale fixed to
[0, 1] (Cividis, shared by every chart of the page) and a horizontal colour bar underneath.

Each chart has a fixed pixel size (:data:`CHART_WIDTH` × :data:`CHART_HEIGHT`) with square
plot areas of :data:`PANEL_PX`: the page lays the charts out in a wrapping row, so the browser
puts four side by side on a desktop and one per row on a phone, without the panels ever
shrinking or leaving empty bands — the server cannot know the viewport's width.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray
from plotly.colors import sample_colorscale

from softlse_app.common.plot_style import (
    AXIS_LOOK,
    OKABE_ITO,
    SEQUENTIAL_SCALE,
    layout_style,
    readable_text,
)

#: Side of each square plot area, in pixels.
PANEL_PX = 170
#: Space for the y tick labels and title (left), and a little air on the right.
MARGIN_LEFT, MARGIN_RIGHT = 44, 6
#: Chart title (top), the σ₂ panel's label between the panels, x axis and colour bar (bottom).
MARGIN_TOP, PANEL_GAP, MARGIN_BOTTOM = 64, 30, 96
CHART_WIDTH = MARGIN_LEFT + PANEL_PX + MARGIN_RIGHT
CHART_HEIGHT = MARGIN_TOP + 2 * PANEL_PX + PANEL_GAP + MARGIN_BOTTOM

_PLOT_HEIGHT = 2 * PANEL_PX + PANEL_GAP
#: y domains (fractions of the plot height) of the σ₁ panel (top) and the σ₂ panel (bottom).
TOP_DOMAIN = ((PANEL_PX + PANEL_GAP) / _PLOT_HEIGHT, 1.0)
BOTTOM_DOMAIN = (0.0, PANEL_PX / _PLOT_HEIGHT)

COMPONENT_LABELS = ("σ₁ (weight on x)", "σ₂ (weight on y)")
COLOURBAR_TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
TEXT_COLOUR = "#1B1F24"


def softmax_panel_figure(
    axis: NDArray[np.floating],
    sigma: NDArray[np.floating],
    title: str,
    *,
    name: str,
    tie_weights: tuple[float, float] | None = None,
) -> go.Figure:
    """σ₁ (top) and σ₂ (bottom) over ``axis`` (shape (res,)): ``sigma[k, i, j]`` is σ_{k+1}
    at (axis[j], axis[i]), sent as float32. ``title`` heads the chart; ``name`` labels the
    traces (``σ₁, λ = 10``). With ``tie_weights`` (the one-hot limit), the diagonal x = y is
    drawn on each panel in the colour of its weight, outlined, so the tie rule shows even where
    the diagonal is one grid cell wide.

    Hover shows x, y and the panel's own component; the other one is 1 minus it.
    """
    sigma = np.asarray(sigma, dtype=np.float32)
    if sigma.ndim != 3 or sigma.shape[0] != 2:
        raise ValueError("sigma must have shape (2, res, res)")
    axis64 = np.asarray(axis, dtype=np.float64)
    extent = float(np.max(np.abs(axis64)))
    traces: list[go.Heatmap] = []
    for component, y_axis in ((0, "y"), (1, "y2")):
        label = "₁₂"[component]
        traces.append(
            go.Heatmap(
                x=axis64,
                y=axis64,
                z=sigma[component],
                yaxis=y_axis,
                coloraxis="coloraxis",
                name=f"σ{label}, {name}",
                hovertemplate=(
                    f"x = %{{x:.3f}}<br>y = %{{y:.3f}}<br>σ{label} = %{{z:.4f}}<extra></extra>"
                ),
            )
        )
    shapes: list[dict[str, object]] = []
    if tie_weights is not None:
        for weight, y_axis in zip(tie_weights, ("y", "y2"), strict=True):
            shapes.extend(_tie_diagonal(extent, weight, y_axis))
    ticks = {
        **AXIS_LOOK,
        "tick0": 0.0,
        "dtick": extent / 2,
        "range": [-extent, extent],
        "ticks": "outside",
        "ticklen": 4,
        # The margins are sized for the labels: plotly must not shrink the square panels.
        "automargin": False,
    }
    layout = layout_style(height=CHART_HEIGHT)
    layout.update(
        width=CHART_WIDTH,
        showlegend=False,
        margin={"l": MARGIN_LEFT, "r": MARGIN_RIGHT, "t": MARGIN_TOP, "b": MARGIN_BOTTOM},
        title={
            "text": title,
            "x": 0.5,
            "xanchor": "center",
            "y": 1.0,
            "yanchor": "top",
            "pad": {"t": 14},
        },
        xaxis={**ticks, "anchor": "y2", "title": {"text": "x", "standoff": 4}},
        yaxis={**ticks, "domain": TOP_DOMAIN, "title": {"text": "y", "standoff": 2}},
        yaxis2={**ticks, "domain": BOTTOM_DOMAIN, "title": {"text": "y", "standoff": 2}},
        coloraxis={
            "colorscale": SEQUENTIAL_SCALE,
            "cmin": 0.0,
            "cmax": 1.0,
            "colorbar": {
                "orientation": "h",
                "lenmode": "pixels",
                "len": PANEL_PX,
                "thickness": 10,
                "x": 0.5,
                "xanchor": "center",
                "yref": "container",
                "y": 0.0,
                "yanchor": "bottom",
                "ypad": 6,
                "tickvals": list(COLOURBAR_TICKS),
            },
        },
        shapes=shapes,
        annotations=[
            _panel_label(COMPONENT_LABELS[0], TOP_DOMAIN[1]),
            _panel_label(COMPONENT_LABELS[1], BOTTOM_DOMAIN[1]),
        ],
    )
    return go.Figure(data=traces, layout=readable_text(layout))


def _panel_label(text: str, top: float) -> dict[str, object]:
    """The label above a panel whose domain ends at ``top`` (paper units)."""
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0.0,
        "y": top,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 13, "color": TEXT_COLOUR},
    }


def _tie_diagonal(extent: float, weight: float, y_axis: str) -> list[dict[str, object]]:
    """The diagonal x = y across a panel as two line shapes: the colour of ``weight`` on the
    shared scale over a vermillion outline, which stands apart from the dark and the light side
    of the boundary and from the line's own colour at any weight.
    (Shapes, not traces: plotly draws a shape for far less than a trace.)"""
    colour = sample_colorscale(SEQUENTIAL_SCALE, [weight])[0]
    line = {"type": "line", "xref": "x", "yref": y_axis, "layer": "above"}
    ends = {"x0": -extent, "y0": -extent, "x1": extent, "y1": extent}
    return [
        {**line, **ends, "line": {"color": OKABE_ITO[5], "width": 7}},
        {**line, **ends, "line": {"color": colour, "width": 3.5}},
    ]
