"""The temperature sweep of the "Temperature sweep" tab: softmax(σ, λ)_k of each followed
component against λ on a log axis, with the λ → 0 and λ → ±∞ limits and the current λ. Pure:
arrays in, ``go.Figure`` out.

With λ < 0 a second panel shows the soft-minimum side (x = |λ|) *below* the first, over the
same x range: stacked panels keep their full width on a phone, and one |λ| reads the same in
both.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go

from softlse_app.common.number_format import format_signed
from softlse_app.common.plot_style import OKABE_ITO, styled_figure
from softlse_core import FloatArray

#: Gap between the two stacked panels, as a fraction of the plot height: room for the x
#: axis of the upper panel, then the lower panel's title and its current-λ row.
PANEL_GAP = 0.2

SWEEP_TITLES = ("λ > 0: soft maximum", "λ < 0: soft minimum, x = |λ|")

#: Line styles of the components, in turn: tied entries have identical curves, and with
#: different dashes the one drawn first still shows through the one drawn over it (colour
#: alone would hide it, and tells nothing to a reader who cannot tell the colours apart).
LINE_DASHES = ("solid", "dash", "dot", "dashdot")

#: Height of one panel's figure, and of the figure with both panels.
ONE_PANEL_HEIGHT = 440
TWO_PANEL_HEIGHT = 760

#: The row above a panel's plot area that holds the current λ's label; a panel's title (two
#: panels) sits above that row.
LABEL_ROW_PX = 22


def _panel_axes(panel: int) -> tuple[str, str]:
    """The x and y axis names of a panel as traces name them: ("x", "y") or ("x2", "y2")."""
    return ("x", "y") if panel == 1 else (f"x{panel}", f"y{panel}")


def _sweep_traces(
    panel: int,
    magnitudes: FloatArray,
    probs: FloatArray,
    labels: Sequence[str],
    limit: FloatArray,
) -> list[dict[str, Any]]:
    """One panel of the sweep (1: λ > 0, 2: λ < 0): each component against |λ| and its
    λ → ±∞ limit marker at the right edge. The legend entries come from panel 1."""
    sign = "" if panel == 1 else "−"
    x_axis, y_axis = _panel_axes(panel)
    traces: list[dict[str, Any]] = []
    for j, label in enumerate(labels):
        colour = OKABE_ITO[j % len(OKABE_ITO)]
        traces.append(
            {
                "type": "scatter",
                "x": magnitudes,
                "y": probs[:, j],
                "mode": "lines",
                "name": label,
                "legendgroup": label,
                "showlegend": panel == 1,
                "line": {"color": colour, "width": 2, "dash": LINE_DASHES[j % len(LINE_DASHES)]},
                "hovertemplate": f"{label}<br>λ = {sign}%{{x:.4g}}<br>p = %{{y:.8g}}"
                "<extra></extra>",
                "xaxis": x_axis,
                "yaxis": y_axis,
            }
        )
        traces.append(
            {
                "type": "scatter",
                "x": [magnitudes[-1]],
                "y": [limit[j]],
                "mode": "markers",
                "name": f"{label}: limit λ → {sign}∞",
                "legendgroup": label,
                "showlegend": False,
                "marker": {"color": colour, "symbol": "triangle-right", "size": 11},
                "hovertemplate": f"{label}<br>limit λ → {sign}∞: p = %{{y:.6g}}<extra></extra>",
                "xaxis": x_axis,
                "yaxis": y_axis,
            }
        )
    return traces


def _sweep_axes(panels: int, log_range: list[float]) -> dict[str, Any]:
    """x and y axes of one panel, or of two stacked panels over the same x range (the second
    panel's axes match the first's), and the panel titles above each panel."""
    height = (1.0 - PANEL_GAP * (panels - 1)) / panels
    layout: dict[str, Any] = {"annotations": []}
    for panel in range(1, panels + 1):
        top = 1.0 - (panel - 1) * (height + PANEL_GAP)
        domain = [max(0.0, top - height), top]
        suffix = "" if panel == 1 else str(panel)
        layout[f"xaxis{suffix}"] = {
            "anchor": f"y{suffix}",
            "domain": [0.0, 1.0],
            "type": "log",
            "range": log_range,
            "dtick": 1,  # a label per decade: minor labels (2, 5) crowd a phone's axis
            # 10⁻¹², 10⁶: plotly's default SI suffixes read 1p, 1M, meaningless to a student
            "exponentformat": "power",
            "title": {"text": "λ" if panel == 1 else "|λ|"},
        }
        layout[f"yaxis{suffix}"] = {
            "anchor": f"x{suffix}",
            "domain": domain,
            "range": [-0.02, 1.02],
            "title": {"text": "softmax(σ, λ)ₖ"},
        }
        if panel > 1:
            layout[f"xaxis{suffix}"]["matches"] = "x"
            layout[f"yaxis{suffix}"]["matches"] = "y"
        if panels > 1:
            layout["annotations"].append(
                {
                    "text": SWEEP_TITLES[panel - 1],
                    "font": {"size": 15},
                    "showarrow": False,
                    "x": 0.0,
                    "xanchor": "left",
                    "xref": "paper",
                    "y": top,
                    "yanchor": "bottom",
                    "yref": "paper",
                    "yshift": LABEL_ROW_PX,  # above the row of the current λ's label
                }
            )
    return layout


def _uniform_line(panel: int, uniform: float) -> tuple[dict[str, Any], dict[str, Any]]:
    """The dotted line at 1/n (the λ → 0 limit) across a panel, and its label."""
    x_axis, y_axis = _panel_axes(panel)
    line = {
        "type": "line",
        "line": {"dash": "dot", "color": "#6B6E72"},
        "x0": 0,
        "x1": 1,
        "xref": f"{x_axis} domain",
        "y0": uniform,
        "y1": uniform,
        "yref": y_axis,
    }
    label = {
        "text": "uniform 1/n (λ → 0)",
        "showarrow": False,
        "x": 1,
        "xanchor": "right",
        "xref": f"{x_axis} domain",
        "y": uniform,
        "yanchor": "bottom",
        "yref": y_axis,
        # the current λ's dashed line may cross here: it passes under the words
        "bgcolor": "rgba(255, 255, 255, 0.85)",
    }
    return line, label


def _current_line(
    panel: int, current_lam: float, log_range: list[float]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The dashed vertical line at the current |λ| in its panel, and its label.

    The label sits just above the panel's plot area, over the line (:data:`LABEL_ROW_PX`
    high, a row of its own): inside the plot it would lie on the curves, the limit markers or
    the uniform line wherever λ is. Centred on the line, it is anchored left or right instead
    near an end of the axis, so that it stays inside the figure on a phone."""
    x_axis, y_axis = _panel_axes(panel)
    log_lam = math.log10(abs(current_lam))
    where = (log_lam - log_range[0]) / (log_range[1] - log_range[0])
    anchor = "left" if where < 0.2 else "right" if where > 0.8 else "center"
    line = {
        "type": "line",
        "line": {"dash": "dash", "color": OKABE_ITO[7]},
        "x0": abs(current_lam),
        "x1": abs(current_lam),
        "xref": x_axis,
        "y0": 0,
        "y1": 1,
        "yref": f"{y_axis} domain",
    }
    label = {
        "text": f"current λ = {format_signed(current_lam)}",
        "showarrow": False,
        # an annotation on a log axis is placed by log10 of the value (a shape by the value)
        "x": log_lam,
        "xanchor": anchor,
        "xref": x_axis,
        "y": 1,
        "yanchor": "bottom",
        "yref": f"{y_axis} domain",
    }
    return line, label


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
    λ = −magnitudes[i]) a second panel below shows the soft-minimum side with x = |λ|.
    Triangles at the right edge mark the limits (one-hot on the maxima, split over ties, for
    λ → +∞; on the minima for λ → −∞), a dotted line the uniform value 1/n of λ → 0, and a
    dashed vertical line the current λ in its panel (none when its panel is not drawn).
    """
    traces = _sweep_traces(1, magnitudes, probs_pos, labels, limit_pos)
    panels = 1
    if probs_neg is not None and limit_neg is not None:
        traces += _sweep_traces(2, magnitudes, probs_neg, labels, limit_neg)
        panels = 2
    log_range = [float(np.log10(magnitudes[0])), float(np.log10(magnitudes[-1])) + 0.15]
    layout = _sweep_axes(panels, log_range)
    shapes: list[dict[str, Any]] = []
    if uniform is not None:
        for panel in range(1, panels + 1):
            line, label = _uniform_line(panel, uniform)
            shapes.append(line)
            layout["annotations"].append(label)
    current_panel = 1 if current_lam > 0 else 2
    if current_panel <= panels:
        line, label = _current_line(current_panel, current_lam, log_range)
        shapes.append(line)
        layout["annotations"].append(label)
    height = ONE_PANEL_HEIGHT if panels == 1 else TWO_PANEL_HEIGHT
    layout["shapes"] = shapes
    # The margins are what automargin settles on (see plot_style: margins); the legend
    # sits below the last x-axis title, 80 px under the plot area.
    margin = {"l": 76, "r": 12, "t": LABEL_ROW_PX + (24 if panels > 1 else 4), "b": 124}
    plot_height = height - margin["t"] - margin["b"]
    layout["legend"] = {"orientation": "h", "y": -80 / plot_height, "yanchor": "top"}
    layout["margin"] = margin
    return styled_figure(traces, layout, height=height)
