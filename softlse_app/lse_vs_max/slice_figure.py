"""Line plot of lse((x, y), λ) along x at a fixed y, with max(x, y) and max + log(2)/λ.

For λ < 0 the hard limit is min(x, y) and the far bound min − log(2)/|λ|. lse lies between
the two lines, touches the far one where x = y and approaches max (min) away from it.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from softlse_app.common.plot_style import OKABE_ITO, base_layout
from softlse_app.lse_vs_max.contour_figures import format_lam


def lse_slice_figure(
    x: NDArray[np.float64],
    lse_values: NDArray[np.float64],
    hard_values: NDArray[np.float64],
    y: float,
    lam: float,
) -> go.Figure:
    """Three lines along ``x``: lse (solid), max (min for λ < 0, dashed) and
    max + log(2)/λ (dotted), at the fixed ``y``; hover shows x and each value."""
    hard = "max" if lam > 0 else "min"
    bound = math.log(2.0) / lam
    bound_name = f"{hard} + log(2)/λ" if lam > 0 else f"{hard} − log(2)/|λ|"
    xs = np.asarray(x, dtype=np.float64)
    hard_line = np.asarray(hard_values, dtype=np.float64)
    lines = (
        ("lse", np.asarray(lse_values, dtype=np.float64), OKABE_ITO[0], "solid"),
        (hard, hard_line, OKABE_ITO[1], "dash"),
        (bound_name, hard_line + bound, OKABE_ITO[2], "dot"),
    )
    fig = go.Figure()
    for name, values, colour, dash in lines:
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=values,
                mode="lines",
                name=name,
                line={"color": colour, "dash": dash, "width": 2.5 if name == "lse" else 2},
                hovertemplate=f"x = %{{x:.4g}}<br>{name} = %{{y:.6g}}<extra></extra>",
            )
        )
    fig.update_layout(
        xaxis={"title": {"text": "x"}},
        yaxis={"title": {"text": "value"}},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        hovermode="x unified",
    )
    return base_layout(fig, height=360, title=f"Slice at y = {y:.4g}, λ = {format_lam(lam)}")
