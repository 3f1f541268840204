"""Line plot of lse((x, y), λ) along x at a fixed y, with max(x, y) and max + log(2)/λ.

For λ < 0 the hard limit is min(x, y) and the far bound min − log(2)/|λ|. lse lies between
the two lines, touches the far one where x = y and approaches max (min) away from it.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from softlse_app.common.lambda_text import hard_name
from softlse_app.common.number_format import format_signed
from softlse_app.common.plot_style import OKABE_ITO, styled_figure


def slice_lines(
    hard_values: NDArray[np.float64], lse_values: NDArray[np.float64], lam: float
) -> list[tuple[str, NDArray[np.float64]]]:
    """The slice's three named lines: lse, max (min for λ < 0) and the far bound
    max + log(2)/λ (min − log(2)/|λ|)."""
    hard = hard_name(lam)
    far = f"{hard} + log(2)/λ" if lam > 0 else f"{hard} − log(2)/|λ|"
    hard_line = np.asarray(hard_values, dtype=np.float64)
    return [
        ("lse", np.asarray(lse_values, dtype=np.float64)),
        (hard, hard_line),
        (far, hard_line + math.log(2.0) / lam),
    ]


def lse_slice_figure(
    x: NDArray[np.float64],
    lse_values: NDArray[np.float64],
    hard_values: NDArray[np.float64],
    y: float,
    lam: float,
) -> go.Figure:
    """Three lines along the evenly spaced ``x``: lse (solid), max (min for λ < 0, dashed)
    and max + log(2)/λ (dotted), at the fixed ``y``; hover shows x and each value. The x
    values go as their start and step (``x0``, ``dx``), not as an array per line."""
    xs = np.asarray(x, dtype=np.float64)
    step = float(xs[-1] - xs[0]) / (xs.size - 1) if xs.size > 1 else 1.0
    looks = ((OKABE_ITO[0], "solid", 2.5), (OKABE_ITO[1], "dash", 2), (OKABE_ITO[2], "dot", 2))
    traces = [
        {
            "type": "scatter",
            "x0": float(xs[0]),
            "dx": step,
            "y": values,
            "mode": "lines",
            "name": name,
            "line": {"color": colour, "dash": dash, "width": width},
            "hovertemplate": f"{name} = %{{y:.6g}}<extra></extra>",
        }
        for (name, values), (colour, dash, width) in zip(
            slice_lines(hard_values, lse_values, lam), looks, strict=True
        )
    ]
    layout = {
        "xaxis": {"title": {"text": "x"}},
        "yaxis": {"title": {"text": "value"}},
        # under the plot, where wrapping onto a second line on a phone overlaps nothing
        "legend": {
            "orientation": "h",
            "yref": "container",
            "y": 0.0,
            "yanchor": "bottom",
            "x": 0.0,
            "xanchor": "left",
        },
        "hovermode": "x unified",
        "margin": {"l": 76, "r": 20, "t": 50, "b": 110},  # see plot_style: margins
    }
    title = f"Slice at y = {format_signed(y, 4)}, λ = {format_signed(lam)}"
    return styled_figure(traces, layout, height=380, title=title)
