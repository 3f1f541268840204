"""Filled contour panels of lse((x, y), λ) and of max(x, y) (min for λ < 0).

max's panel has levels and a colour range that no λ changes, and lse's panel shares them
while lse fits on them — equal colours then mean equal values from panel to panel — or has
a range of its own on the same spacing (:mod:`softlse_app.lse_vs_max.panel_scales`).

max(x, y) is piecewise linear, with its kink on the diagonal x = y; its level sets are
L-shapes with the corner on the diagonal. Linear interpolation between grid points, which is
how a contour plot is drawn, is exact for it wherever a grid cell does not contain a corner.
So its panel is drawn from a grid that has two coordinates a hair's breadth either side of
every contour level (:data:`CORNER_WIDTH` of the extent apart): each corner lies in a cell far
smaller than a pixel, and the picture is exact, from a fraction of the numbers the full grid
would send.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from softlse_app.common.lambda_text import hard_name
from softlse_app.common.number_format import format_signed
from softlse_app.common.plot_style import SEQUENTIAL_SCALE, styled_figure
from softlse_app.common.square_grid import evenly_spaced
from softlse_app.lse_vs_max.colour_ticks import LinearLevels, linear_bar_ticks
from softlse_app.lse_vs_max.panel_layout import (
    PANEL_HEIGHT,
    PANEL_MARGIN,
    colour_bar,
    square_axes,
)
from softlse_app.lse_vs_max.panel_scales import PanelScales, hard_levels, lse_range_text

#: Evenly spaced points per axis of the max panel (before the contour levels are added):
#: hover read-outs every 10 % of the extent.
MAX_PANEL_POINTS = 21

#: Width of the grid cell around each L-corner of the max panel, as a fraction of the extent.
CORNER_WIDTH = 1e-4


def contour_panel(
    axis: NDArray[np.float64],
    z: NDArray[Any],
    levels: LinearLevels,
    *,
    name: str,
    title: str,
    bar_title: str,
    labelled: tuple[float, float] | None = None,
) -> go.Figure:
    """One filled contour of ``z`` over the grid ``axis`` × ``axis`` (row i at y = axis[i]),
    with the given levels and colour range, its colour bar below; hover shows x, y and the
    value. ``z`` is sent in its own dtype. ``labelled`` (lo, hi), if given, keeps the bar's
    labels to the values the panel takes: the rest of the bar is room kept for another
    panel's values, and a label there would read as one of this panel's."""
    trace = {
        "type": "contour",
        "x": np.asarray(axis, dtype=np.float64),
        "y": np.asarray(axis, dtype=np.float64),
        "z": np.asarray(z),
        "name": name,
        "coloraxis": "coloraxis",
        "autocontour": False,
        "contours": {
            "start": levels.start,
            "end": levels.end,
            "size": levels.size,
            "coloring": "fill",
            "showlines": True,
        },
        # no smoothing: it would round the corners of max's L-shaped contours, and lse's
        # rounding is exactly what the panels compare
        "line": {"width": 0.5, "smoothing": 0},
        "hovertemplate": f"x = %{{x:.4g}}<br>y = %{{y:.4g}}<br>{name} = %{{z:.6g}}<extra></extra>",
    }
    lo, hi = float(axis[0]), float(axis[-1])
    tickvals, ticktext = linear_bar_ticks(levels)
    if labelled is not None:
        slack = 1e-9 * (levels.end - levels.start)
        kept = [
            (value, text)
            for value, text in zip(tickvals, ticktext, strict=True)
            if labelled[0] - slack <= value <= labelled[1] + slack
        ]
        tickvals, ticktext = [value for value, _ in kept], [text for _, text in kept]
    layout = {
        **square_axes(lo, hi),
        "margin": PANEL_MARGIN,
        "coloraxis": {
            "colorscale": SEQUENTIAL_SCALE,
            "cmin": levels.start,
            "cmax": levels.end,
            "colorbar": colour_bar(bar_title, tickvals=tickvals, ticktext=ticktext),
        },
    }
    return styled_figure([trace], layout, height=PANEL_HEIGHT, title=title)


def lse_panel(
    axis: NDArray[np.float64], lse_values: NDArray[Any], lam: float, scales: PanelScales
) -> go.Figure:
    """The contour panel of lse((x, y), λ) on the grid ``axis`` × ``axis``, sent as float32:
    seven digits, more than a colour or the hover shows, in half the bytes of float64. On
    max's colour scale or on its own (``scales``), as its bar's title says, with the range
    lse covers; the bar's labels stay within that range, since on max's scale the rest of the
    bar is max's and a label such as −1 or 1.5 would read as a value of lse's."""
    whose = f"{hard_name(lam)}'s" if scales.shared else "its own"
    low, high = lse_range_text(scales)
    # a label at an end that lse reaches only to within rounding still names that end
    slack = 0.005 * (scales.lse_range[1] - scales.lse_range[0])
    return contour_panel(
        axis,
        np.asarray(lse_values, dtype=np.float32),
        scales.lse,
        name="lse",
        title=f"lse((x, y), λ = {format_signed(lam)})",
        bar_title=f"lse, on {whose} scale: {low} to {high}",
        labelled=(scales.lse_range[0] - slack, scales.lse_range[1] + slack),
    )


def hard_panel_axis(extent: float, levels: LinearLevels) -> NDArray[np.float64]:
    """Coordinates on which the contour plot of max(x, y) is exact to far below a pixel:
    :data:`MAX_PANEL_POINTS` evenly spaced points on [−extent, extent] and a pair of points
    :data:`CORNER_WIDTH` × extent apart around every contour level inside it."""
    even = evenly_spaced(extent, MAX_PANEL_POINTS)
    count = round((levels.end - levels.start) / levels.size)
    level_values = levels.start + levels.size * np.arange(count + 1)
    half = CORNER_WIDTH * extent / 2
    pairs = np.concatenate([level_values - half, level_values + half])
    return np.unique(np.concatenate([even, pairs[(pairs > -extent) & (pairs < extent)]]))


def hard_panel(extent: float, lam: float) -> go.Figure:
    """The contour panel of max(x, y) (min for λ < 0) over [−extent, extent]², drawn exactly
    from :func:`hard_panel_axis` (see the module doc), on its levels, which no λ changes
    (:func:`~softlse_app.lse_vs_max.panel_scales.hard_levels`): one figure per extent and
    sign."""
    levels = hard_levels(extent, lam)
    axis = hard_panel_axis(extent, levels)
    x, y = np.meshgrid(axis, axis)
    hard = hard_name(lam)
    values = np.maximum(x, y) if lam > 0 else np.minimum(x, y)
    return contour_panel(
        axis,
        values.astype(np.float32),
        levels,
        name=hard,
        title=f"{hard}(x, y)",
        # max's values end at ±extent; the bar runs on into the room kept for lse (up to
        # extent + 0.8 at extent 1), where a label such as 1.5 read as "max reaches 1.5"
        bar_title=f"{hard}: {format_signed(-extent)} to {format_signed(extent)}",
        labelled=(-extent, extent),
    )
