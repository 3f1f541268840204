"""Contour figures of lse((x, y), λ), max(x, y) and their gap on a square grid.

Panels that are compared share one colour axis (``coloraxis``) and the same contour levels,
so equal colours mean equal values across panels; the gap has its own axis (``coloraxis2``)
from 0 to its bound log(2)/λ. Every panel has equal aspect, axis titles and hover text with
x, y and the value. z values are sent as float32 and x/y as 1-D axes to keep the payload small.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray
from plotly.subplots import make_subplots

from softlse_app.common.plot_style import GAP_SCALE, SEQUENTIAL_SCALE, base_layout

#: Number of contour levels drawn across a colour axis.
CONTOUR_LEVELS = 20


def format_lam(lam: float) -> str:
    """λ as shown in titles: ``1``, ``0.01``, ``-10``."""
    return f"{lam:g}"


def _levels(lo: float, hi: float) -> dict[str, float]:
    """Contour levels from ``lo`` to ``hi`` (a degenerate range gets a tiny positive size)."""
    size = (hi - lo) / CONTOUR_LEVELS
    if not size > 0:
        size = max(abs(hi), 1.0) * 1e-9
    return {"start": lo, "end": hi, "size": size}


def _contour(
    axis: NDArray[np.float64], z: NDArray[np.float64], *, name: str, coloraxis: str, levels: dict
) -> go.Contour:
    return go.Contour(
        x=np.asarray(axis, dtype=np.float64),
        y=np.asarray(axis, dtype=np.float64),
        z=np.asarray(z, dtype=np.float32),
        name=name,
        coloraxis=coloraxis,
        autocontour=False,
        contours={**levels, "coloring": "fill", "showlines": True},
        line={"width": 0.5},
        hovertemplate=f"x = %{{x:.4g}}<br>y = %{{y:.4g}}<br>{name} = %{{z:.6g}}<extra></extra>",
    )


def _bar(title: str, *, x: float, length: float) -> dict:
    """A horizontal colour bar centred at paper ``x`` below the panels."""
    return {
        "title": {"text": title, "side": "top"},
        "orientation": "h",
        "x": x,
        "xanchor": "center",
        "len": length,
        "y": -0.2,
        "yanchor": "top",
        "thickness": 14,
        "tickmode": "auto",
        "nticks": 8,
        "tickformat": ".3~g",
    }


def _square_axes(fig: go.Figure, panels: int) -> None:
    """Axis titles on every panel and equal aspect (x scale anchored to y) in each."""
    for k in range(1, panels + 1):
        suffix = "" if k == 1 else str(k)
        fig.update_layout(
            {
                f"xaxis{suffix}": {
                    "title": {"text": "x"},
                    "scaleanchor": f"y{suffix}",
                    "scaleratio": 1,
                    "constrain": "domain",
                },
                f"yaxis{suffix}": {"title": {"text": "y"}, "constrain": "domain"},
            }
        )


def lse_max_gap_figure(
    axis: NDArray[np.float64],
    lse_values: NDArray[np.float64],
    hard_values: NDArray[np.float64],
    lam: float,
) -> go.Figure:
    """Three contour panels over the grid ``axis`` × ``axis``: lse((x, y), λ), max(x, y) (min
    for λ < 0, passed in ``hard_values``) on one shared colour axis with the same levels, and
    the gap lse − max on a second colour axis spanning [0, log(2)/λ] ([−log(2)/|λ|, 0] for
    λ < 0) — the exact range of the gap for two numbers.

    ``lse_values`` and ``hard_values`` have shape (len(axis), len(axis)), row i at y = axis[i].
    """
    hard = "max" if lam > 0 else "min"
    gap = np.asarray(lse_values, dtype=np.float64) - np.asarray(hard_values, dtype=np.float64)
    lo = float(min(np.min(lse_values), np.min(hard_values)))
    hi = float(max(np.max(lse_values), np.max(hard_values)))
    bound = math.log(2.0) / lam
    gap_lo, gap_hi = (0.0, bound) if lam > 0 else (bound, 0.0)
    lam_text = format_lam(lam)
    fig = make_subplots(
        rows=1,
        cols=3,
        horizontal_spacing=0.09,
        subplot_titles=(
            f"lse((x, y), λ = {lam_text})",
            f"{hard}(x, y)",
            f"gap lse − {hard}",
        ),
    )
    shared = _levels(lo, hi)
    fig.add_trace(
        _contour(axis, lse_values, name="lse", coloraxis="coloraxis", levels=shared), 1, 1
    )
    fig.add_trace(
        _contour(axis, hard_values, name=hard, coloraxis="coloraxis", levels=shared), 1, 2
    )
    fig.add_trace(
        _contour(
            axis, gap, name=f"lse − {hard}", coloraxis="coloraxis2", levels=_levels(gap_lo, gap_hi)
        ),
        1,
        3,
    )
    _square_axes(fig, 3)
    # horizontal colour bars under the panels they belong to: one under lse and max, one
    # under the gap, so neither overlaps a panel however narrow the figure is
    fig.update_layout(
        coloraxis={
            "colorscale": SEQUENTIAL_SCALE,
            "cmin": lo,
            "cmax": hi,
            "colorbar": _bar(f"lse and {hard}", x=0.32, length=0.6),
        },
        coloraxis2={
            # reversed for λ < 0 so that a gap far from 0 has the same colour for both signs
            "colorscale": GAP_SCALE if lam > 0 else f"{GAP_SCALE}_r",
            "cmin": gap_lo,
            "cmax": gap_hi,
            "colorbar": {**_bar(f"lse − {hard}", x=0.865, length=0.27), "nticks": 4},
        },
    )
    fig = base_layout(fig, height=480)
    fig.update_layout(margin={"b": 110})
    return fig


def sheet_figure(
    axis: NDArray[np.float64], panels: Sequence[tuple[float, NDArray[np.float64]]]
) -> go.Figure:
    """The sheet's contour plots side by side: one panel of lse((x, y), λ) per ``(λ, values)``
    in ``panels``, all on one colour axis with the same levels, so the panels for λ = 1, 10,
    100 show lse sinking onto max(x, y) as λ grows."""
    if not panels:
        raise ValueError("sheet_figure needs at least one panel")
    lo = float(min(np.min(values) for _, values in panels))
    hi = float(max(np.max(values) for _, values in panels))
    levels = _levels(lo, hi)
    fig = make_subplots(
        rows=1,
        cols=len(panels),
        horizontal_spacing=0.08,
        subplot_titles=tuple(f"λ = {format_lam(lam)}" for lam, _ in panels),
    )
    for k, (lam, values) in enumerate(panels, start=1):
        fig.add_trace(
            _contour(
                axis, values, name=f"lse(λ={format_lam(lam)})", coloraxis="coloraxis", levels=levels
            ),
            1,
            k,
        )
    _square_axes(fig, len(panels))
    fig.update_layout(
        coloraxis={
            "colorscale": SEQUENTIAL_SCALE,
            "cmin": lo,
            "cmax": hi,
            "colorbar": _bar("lse((x, y), λ), one scale for all panels", x=0.5, length=0.6),
        }
    )
    fig = base_layout(fig, height=470, title="lse((x, y), λ) on one colour scale")
    fig.update_layout(margin={"b": 110})
    return fig
