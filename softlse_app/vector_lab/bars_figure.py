"""The grouped softmax bars of the "Offset and scale" tab: one group per component, one bar per
series (softmax(σ, λ), softmax(σ + c, λ), softmax(a·σ, λ), softmax(σ, a·λ)). Pure: arrays in,
``go.Figure`` out. Colours: Okabe–Ito (colour-blind safe)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from softlse_app.common.plot_style import OKABE_ITO, styled_figure
from softlse_core import FloatArray


def softmax_bars(
    labels: Sequence[str], series: Sequence[tuple[str, FloatArray]], *, title: str | None = None
) -> go.Figure:
    """Grouped bars: one group per component (``labels``), one bar per named series. y is a
    probability in [0, 1]; NaN entries are drawn as gaps. Hover shows the component, the series
    and the value. The legend sits under the plot, so on a narrow screen it wraps instead of
    taking plot width, below the component labels and the axis title however much room they
    take."""
    x = list(labels)
    bars = [
        {
            "type": "bar",
            "x": x,
            "y": np.asarray(values, dtype=np.float64),
            "name": name,
            "marker": {"color": OKABE_ITO[i % len(OKABE_ITO)]},
            "hovertemplate": "%{x}<br>" + name + " = %{y:.10g}<extra></extra>",
        }
        for i, (name, values) in enumerate(series)
    ]
    layout = {
        "barmode": "group",
        # at the figure's bottom edge, not a fixed distance under the plot: long or many
        # component labels turn sideways on a phone and push the axis title down (automargin),
        # and the legend moves with them instead of covering them
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom"},
        "xaxis": {"title": {"text": "component"}, "type": "category", "automargin": True},
        "yaxis": {"title": {"text": "probability"}, "range": [0, 1.05]},
        # what automargin settles on with three to twelve components on a desktop
        # (see plot_style: margins)
        "margin": {"l": 76, "r": 12, "b": 100},
    }
    return styled_figure(bars, layout, height=400, title=title)
