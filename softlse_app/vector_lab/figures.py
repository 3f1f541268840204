"""Figures of the "vector lab" page: grouped softmax bars, the temperature sweep and the
softmax path on the probability simplex. Pure: arrays in, ``go.Figure`` out.

Colours: Okabe–Ito (colour-blind safe) from :mod:`softlse_app.common.plot_style`.

Speed: the page redraws on every edit, so each figure is built in one ``go.Figure(data=[…],
layout={…})`` call from plain dicts (plotly validates the whole figure once). ``add_trace``,
``make_subplots``, ``add_hline``/``add_vline`` and ``update_layout``/``update_xaxes`` calls each
re-validate and copy the figure, which made the sweep ~10× slower to build. The panels, the
reference lines and their labels are the same layout entries those helpers would write, and
the common look is :func:`~softlse_app.common.plot_style.base_layout`'s, taken once per
(axes, height, title) from an empty figure and merged into the layout dict (:func:`_figure`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from softlse_app.common.plot_style import OKABE_ITO, base_layout

FloatArray = NDArray[np.float64]

#: Gap between the two sweep panels, as a fraction of the plot width.
PANEL_SPACING = 0.06

SWEEP_TITLES = ("λ > 0 (soft maximum)", "λ < 0 (soft minimum), x = |λ|")


@lru_cache(maxsize=32)
def _look(axes: tuple[str, ...], height: int, title: str | None) -> dict[str, Any]:
    """The layout :func:`base_layout` gives a figure with these axes (e.g. ``("xaxis",
    "yaxis2")``), height and title, as a plain dict. Read-only: it is shared between calls."""
    skeleton = go.Figure(layout={name: {} for name in axes})
    return base_layout(skeleton, height=height, title=title).layout.to_plotly_json()


def _merged(under: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``under`` updated with ``over`` recursively (nested dicts merged, other values of
    ``over`` win), as ``update_layout(over)`` would do; new dicts, the inputs stay unchanged."""
    out = dict(under)
    for key, value in over.items():
        old = out.get(key)
        out[key] = (
            _merged(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return out


def _figure(
    data: list[dict[str, Any]], layout: dict[str, Any], *, height: int, title: str | None = None
) -> go.Figure:
    """``base_layout(go.Figure(data=data, layout=layout), height=height, title=title)`` in one
    construction: the common look is merged into the layout dict before plotly validates it."""
    axes = tuple(name for name in layout if name.startswith(("xaxis", "yaxis")))
    return go.Figure(data=data, layout=_merged(layout, _look(axes, height, title)))


def softmax_bars(
    labels: Sequence[str], series: Sequence[tuple[str, FloatArray]], *, title: str | None = None
) -> go.Figure:
    """Grouped bars: one group per component (``labels``), one bar per named series
    (e.g. softmax(σ, λ), softmax(σ + c, λ), softmax(a·σ, λ)). y is a probability in [0, 1];
    NaN entries are drawn as gaps. Hover shows the component, the series and the value."""
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
        "legend": {"orientation": "h", "y": -0.2},
        "xaxis": {"title": {"text": "component"}, "type": "category"},
        "yaxis": {"title": {"text": "probability"}, "range": [0, 1.05]},
    }
    return _figure(bars, layout, height=380, title=title)


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
    axes = {"xaxis": "x", "yaxis": "y"} if panel == 1 else {"xaxis": "x2", "yaxis": "y2"}
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
                "line": {"color": colour, "width": 2},
                "hovertemplate": f"{label}<br>λ = {sign}%{{x:.4g}}<br>p = %{{y:.8g}}"
                "<extra></extra>",
                **axes,
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
                **axes,
            }
        )
    return traces


def _sweep_axes(panels: int, log_range: list[float]) -> dict[str, Any]:
    """x and y axes of one or two side-by-side panels sharing the y axis (the layout
    ``make_subplots(cols=panels, shared_yaxes=True)`` writes), and the panel titles."""
    width = (1.0 - PANEL_SPACING * (panels - 1)) / panels
    layout: dict[str, Any] = {}
    titles = []
    for panel in range(1, panels + 1):
        start = (panel - 1) * (width + PANEL_SPACING)
        domain = [start, 1.0 if panel == panels else start + width]
        suffix = "" if panel == 1 else str(panel)
        layout[f"xaxis{suffix}"] = {
            "anchor": f"y{suffix}",
            "domain": domain,
            "type": "log",
            "range": log_range,
            "title": {"text": "λ" if panel == 1 else "|λ|"},
        }
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "domain": [0.0, 1.0]}
        if panel > 1:
            layout[f"yaxis{suffix}"] |= {"matches": "y", "showticklabels": False}
        titles.append(
            {
                "text": SWEEP_TITLES[panel - 1],
                "font": {"size": 16},
                "showarrow": False,
                "x": (domain[0] + domain[1]) / 2,
                "xanchor": "center",
                "xref": "paper",
                "y": 1.0,
                "yanchor": "bottom",
                "yref": "paper",
            }
        )
    layout["yaxis"] |= {"title": {"text": "softmax(σ, λ)ₖ"}, "range": [-0.02, 1.02]}
    layout["annotations"] = titles
    return layout


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
    traces = _sweep_traces(1, magnitudes, probs_pos, labels, limit_pos)
    panels = 1
    if probs_neg is not None and limit_neg is not None:
        traces += _sweep_traces(2, magnitudes, probs_neg, labels, limit_neg)
        panels = 2
    log_range = [float(np.log10(magnitudes[0])), float(np.log10(magnitudes[-1])) + 0.15]
    layout = _sweep_axes(panels, log_range)
    shapes: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    if uniform is not None:
        for panel in range(1, panels + 1):
            x, y = ("x", "y") if panel == 1 else (f"x{panel}", f"y{panel}")
            shapes.append(
                {
                    "type": "line",
                    "line": {"dash": "dot", "color": "#777777"},
                    "x0": 0,
                    "x1": 1,
                    "xref": f"{x} domain",
                    "y0": uniform,
                    "y1": uniform,
                    "yref": y,
                }
            )
        notes.append(
            {
                "text": "uniform 1/n (λ → 0)",
                "showarrow": False,
                "x": 1,
                "xanchor": "right",
                "xref": "x domain",
                "y": uniform,
                "yanchor": "bottom",
                "yref": "y",
            }
        )
    current_panel = 1 if current_lam > 0 else 2
    if current_panel <= panels:
        x, y = ("x", "y") if current_panel == 1 else ("x2", "y2")
        shapes.append(
            {
                "type": "line",
                "line": {"dash": "dash", "color": OKABE_ITO[7]},
                "x0": abs(current_lam),
                "x1": abs(current_lam),
                "xref": x,
                "y0": 0,
                "y1": 1,
                "yref": f"{y} domain",
            }
        )
        notes.append(
            {
                "text": f"current λ = {current_lam:g}",
                "showarrow": False,
                "x": abs(current_lam),
                "xanchor": "right",
                "xref": x,
                "y": 0,
                "yanchor": "bottom",
                "yref": f"{y} domain",
            }
        )
    layout["annotations"] += notes
    layout["shapes"] = shapes
    layout["legend"] = {"orientation": "h", "y": -0.25}
    return _figure(traces, layout, height=420)


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

    def path_trace(path: FloatArray, name: str, colour: str) -> dict[str, Any]:
        return {
            "type": "scatterternary",
            "a": path[:, 0],
            "b": path[:, 1],
            "c": path[:, 2],
            "mode": "lines",
            "name": name,
            "line": {"color": colour, "width": 3},
            "hovertemplate": "p = (%{a:.4f}, %{b:.4f}, %{c:.4f})<extra>" + name + "</extra>",
        }

    traces = [path_trace(path_pos, "λ from 0 to +∞", OKABE_ITO[0])]
    if path_neg is not None:
        traces.append(path_trace(path_neg, "λ from 0 to −∞", OKABE_ITO[5]))
    third = 1.0 / 3.0
    traces.append(
        {
            "type": "scatterternary",
            "a": [third],
            "b": [third],
            "c": [third],
            "mode": "markers",
            "name": "λ = 0 (uniform)",
            "marker": {"color": "#777777", "size": 10, "symbol": "circle-open"},
            "hovertemplate": "λ = 0: uniform<extra></extra>",
        }
    )
    traces.append(
        {
            "type": "scatterternary",
            "a": [current[0]],
            "b": [current[1]],
            "c": [current[2]],
            "mode": "markers",
            "name": f"current λ = {current_lam:g}",
            "marker": {"color": OKABE_ITO[7], "size": 13, "symbol": "x"},
            "hovertemplate": "p = (%{a:.6f}, %{b:.6f}, %{c:.6f})<extra>current λ</extra>",
        }
    )
    layout = {
        "ternary": {
            "sum": 1,
            "aaxis": {"title": {"text": labels[0]}},
            "baxis": {"title": {"text": labels[1]}},
            "caxis": {"title": {"text": labels[2]}},
        },
        "legend": {"orientation": "h", "y": -0.1},
    }
    return _figure(traces, layout, height=460)
