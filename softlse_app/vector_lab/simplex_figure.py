"""The "Simplex" tab's figure: the path of softmax(σ, λ) on the probability triangle
p1 + p2 + p3 = 1 for a vector of length 3. Pure: arrays in, ``go.Figure`` out.

The corner names are text drawn outside the corners (not plotly's axis titles, which sit on
the corner tick labels), the tick labels stop short of the corners, and the current point is
drawn last, large and outlined (with its λ written above it away from the corners): at large
|λ| it sits on a corner, where a small marker would vanish into the corner's lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from softlse_app.common.number_format import format_signed
from softlse_app.common.plot_style import OKABE_ITO, styled_figure
from softlse_core import FloatArray

#: Inner tick values of each side: 0 and 1 are the corners, which carry the corner names.
TICKS = (0.2, 0.4, 0.6, 0.8)

#: Where each corner's name goes, seen from the corner (a: top, b: bottom left, c: bottom
#: right): above the top corner, below the bottom ones, so it never covers the triangle.
CORNER_TEXT_POSITIONS = ("top center", "bottom center", "bottom center")

#: A current point with a component above this is near that corner: it gets no λ label
#: beside it (the corner's name is there; the legend names the point).
NEAR_CORNER = 0.8

SIMPLEX_HEIGHT = 520
#: Room for the corner names and, below, the legend: what automargin settles on
#: (see :mod:`softlse_app.common.plot_style`: margins).
MARGIN = {"l": 40, "r": 40, "t": 50, "b": 94}


def _path_trace(path: FloatArray, name: str, colour: str) -> dict[str, Any]:
    return {
        "type": "scatterternary",
        "a": path[:, 0],
        "b": path[:, 1],
        "c": path[:, 2],
        "mode": "lines",
        "name": name,
        "line": {"color": colour, "width": 3},
        "hovertemplate": "p = (%{a:.4f}, %{b:.4f}, %{c:.4f})<extra>" + name + "</extra>",
        "cliponaxis": False,
    }


def _corner_names(labels: Sequence[str]) -> dict[str, Any]:
    """The three corner names as one text trace, outside the corners. Its markers are
    invisible and as large as the current point's, which moves the names clear of a current
    point sitting on a corner."""
    return {
        "type": "scatterternary",
        "a": [1.0, 0.0, 0.0],
        "b": [0.0, 1.0, 0.0],
        "c": [0.0, 0.0, 1.0],
        "mode": "markers+text",
        "marker": {"size": 18, "opacity": 0},
        "text": list(labels),
        "textposition": list(CORNER_TEXT_POSITIONS),
        "textfont": {"size": 14, "color": "#1B1F24"},
        "hoverinfo": "skip",
        "showlegend": False,
        "cliponaxis": False,
        "name": "corners",
    }


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
    towards the corner of the maximum (λ → +∞); ``path_neg`` likewise for λ < 0, towards the
    minimum. The centre (1/3, 1/3, 1/3) and the current softmax ``current`` are marked; the
    corners (a, b, c = components 1, 2, 3) are named with ``labels``. Every trace carries the
    name a legend shows; the current point is the last trace.
    """
    traces = [_path_trace(path_pos, "λ from 0 to +∞", OKABE_ITO[0])]
    if path_neg is not None:
        traces.append(_path_trace(path_neg, "λ from 0 to −∞", OKABE_ITO[5]))
    third = 1.0 / 3.0
    traces.append(
        {
            "type": "scatterternary",
            "a": [third],
            "b": [third],
            "c": [third],
            "mode": "markers",
            "name": "λ = 0 (uniform)",
            "marker": {"color": "#6B6E72", "size": 10, "symbol": "circle-open"},
            "hovertemplate": "λ = 0: uniform<extra></extra>",
        }
    )
    traces.append(_corner_names(labels))
    lam_text = format_signed(current_lam)
    point = np.asarray(current, dtype=np.float64)
    traces.append(
        {
            "type": "scatterternary",
            "a": [point[0]],
            "b": [point[1]],
            "c": [point[2]],
            "mode": "markers" if _near_corner(point) else "markers+text",
            "name": f"current λ = {lam_text}",
            "text": [f"λ = {lam_text}"],
            "textposition": "top center",
            "textfont": {"size": 13, "color": "#1B1F24"},
            "marker": {
                "color": OKABE_ITO[7],
                "size": 15,
                "symbol": "diamond",
                "line": {"color": "white", "width": 2},
            },
            "cliponaxis": False,
            "hovertemplate": "p = (%{a:.6f}, %{b:.6f}, %{c:.6f})<extra>current λ</extra>",
        }
    )
    axis = {
        "tickvals": list(TICKS),
        "ticks": "outside",
        "title": {"text": ""},
        "tickfont": {"size": 11},
    }
    layout = {
        "ternary": {
            "sum": 1,
            "aaxis": axis,
            "baxis": axis,
            "caxis": axis,
            "domain": {"x": [0.0, 1.0], "y": [0.0, 1.0]},
        },
        # Below the bottom corners' two-line names, about 50 px under the plot area.
        "legend": {
            "orientation": "h",
            "y": -50 / (SIMPLEX_HEIGHT - MARGIN["t"] - MARGIN["b"]),
            "yanchor": "top",
            "x": 0.5,
            "xanchor": "center",
        },
        "margin": MARGIN,
    }
    return styled_figure(traces, layout, height=SIMPLEX_HEIGHT)


def _near_corner(point: FloatArray) -> bool:
    """True when a component of ``point`` exceeds ``NEAR_CORNER`` (NaN counts as not)."""
    return bool(np.any(np.nan_to_num(point, nan=0.0) > NEAR_CORNER))
