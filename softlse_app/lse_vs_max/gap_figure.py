"""The gap between lse and max on a log colour scale, with the diagonal drawn on top.

Why a log scale: the gap log(1 + e^(−|λ|·|x − y|))/|λ| falls from log(2)/|λ| on the diagonal to
e^(−2·|λ|·extent)/|λ| at the corners — about 90 orders of magnitude at λ = 100 — so a linear
scale shows one colour everywhere but a sliver at the diagonal. On a log scale the fall is a
straight slope in |x − y|, its true shape.

Why a heatmap: each cell is coloured by its own value; a filled contour would interpolate
between levels and its lines would crowd into a black smear where the gap changes fast.

What is not a value: where the gap is below the smallest normal float64 (≈ 2.2e-308) it has
underflowed to a subnormal or to exactly 0, so those cells are left empty and the plot's
background — a grey that is not on the colour scale — shows through.

The diagonal: on x = y the gap is exactly log(2)/|λ|, its largest value. At λ = 100 and 1000
the peak is narrower (1/|λ|) than one grid step, so the diagonal is also drawn as a line in the
colour of that value, which keeps it visible at any resolution and width.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray
from plotly.colors import sample_colorscale

from softlse_app.common.lambda_control import LAMBDA_MIN
from softlse_app.common.number_format import format_short, format_signed
from softlse_app.common.plot_style import GAP_SCALE, styled_figure
from softlse_app.lse_vs_max.colour_ticks import (
    decade_ticks,
    log_ticks,
    spaced_on_bar,
)
from softlse_app.lse_vs_max.panel_layout import (
    PANEL_HEIGHT,
    PANEL_MARGIN,
    colour_bar,
    square_axes,
)
from softlse_app.lse_vs_max.surface import FLOAT64_TINY

#: Colour of cells whose gap underflowed (plot background): a mid grey, not on Viridis.
UNDERFLOW_GREY = "#BDBDBD"

#: The colour range (log10 of the gap) that holds every gap on any grid for every λ the page
#: takes (0.01 ≤ |λ| ≤ 1000): from the smallest normal float64 up to log(2)/0.01.
FIXED_LOG_RANGE = (math.log10(FLOAT64_TINY), math.log10(math.log(2.0) / LAMBDA_MIN))


def gap_title(lam: float) -> str:
    """``gap lse − max`` for λ > 0, ``gap min − lse`` for λ < 0: the positive difference."""
    return "gap lse − max" if lam > 0 else "gap min − lse"


def fitted_log_range(log_gap: NDArray[Any], lam: float) -> tuple[float, float]:
    """The colour range fitted to one grid: from the smallest shown log10 gap up to
    log10(log(2)/|λ|), the value on the diagonal (one decade when nothing else is shown)."""
    top = math.log10(math.log(2.0) / abs(lam))
    finite = np.asarray(log_gap)[np.isfinite(log_gap)]
    bottom = float(finite.min()) if finite.size else top - 1.0
    return (bottom, top) if bottom < top else (top - 1.0, top)


def diagonal_colour(log_range: tuple[float, float], lam: float) -> str:
    """The colour the scale gives log10(log(2)/|λ|), the gap on the diagonal."""
    lo, hi = log_range
    where = (math.log10(math.log(2.0) / abs(lam)) - lo) / (hi - lo)
    return str(sample_colorscale(GAP_SCALE, [min(max(where, 0.0), 1.0)])[0])


#: Decade steps tried when a gap bar's round ticks that fit are only two: at λ = 10 on
#: [−1, 1]² (10^−9.7 … 0.069) 1e−8 1e−6 1e−4 0.01 is a character too wide for the bar,
#: and the ticks every five decades read only 1e−5 and 0.069, half the range unlabelled;
#: every fourth decade gives 1e−8, 1e−4, 0.069. Over tens of decades (λ = 100: 10^−88.9 …
#: 0.0069) no third label fits beside the top's, and the bar keeps 1e−50 and 0.0069.
SPARSE_DECADE_STEPS = (4, 3)

#: Colour-bar ticks: positions (log10 units) and their labels.
_Ticks = tuple[list[float], list[str]]


def bar_ticks(log_range: tuple[float, float], lam: float) -> tuple[list[float], list[str]]:
    """Round ticks over ``log_range`` and, unless a tick is already close, one more at the
    diagonal's value log(2)/|λ| labelled with it, so the bar names the top of the gap: as
    many as fit side by side under the bar without overlapping (:func:`spaced_on_bar`;
    plotly turns crowded labels), the fewest round ones if none do. Where only two fit over
    three decades or more, ticks every 4 or 3 decades (:data:`SPARSE_DECADE_STEPS`) if more
    of them fit and they still name the diagonal's value where the two did (those naming it
    first)."""
    lo, hi = log_range
    diagonal = math.log10(math.log(2.0) / abs(lam))
    top = format_short(math.log(2.0) / abs(lam), 2)

    def with_diagonal(tickvals: list[float], ticktext: list[str]) -> tuple[bool, _Ticks]:
        """The ticks with the diagonal's added where no tick is close, and whether they name
        its value."""
        named = top in ticktext
        far = all(abs(diagonal - v) > 0.25 * (hi - lo) for v in tickvals)
        if lo <= diagonal <= hi and far and not named:
            tickvals, ticktext, named = [*tickvals, diagonal], [*ticktext, top], True
        return named, (tickvals, [text.replace("-", "−") for text in ticktext])

    def fits(ticks: _Ticks) -> bool:
        return spaced_on_bar(*ticks, lo, hi)

    ticks: _Ticks = ([], [])
    names_top = False
    for most in (6, 5, 4, 3, 2):
        names_top, ticks = with_diagonal(*log_ticks(lo, hi, most))
        if fits(ticks):
            break
    if hi - lo >= 3 and len(ticks[1]) <= 2 and fits(ticks):
        denser = [with_diagonal(*decade_ticks(lo, hi, step)) for step in SPARSE_DECADE_STEPS]
        fitting = [  # more labels, and the top's value still among them if it was
            ((len(found[1]), named), found)
            for named, found in denser
            if len(found[1]) > len(ticks[1]) and fits(found) and (named or not names_top)
        ]
        if fitting:  # max keeps the first of equals: every fourth decade
            return max(fitting, key=lambda candidate: candidate[0])[1]
    return ticks


def gap_panel(
    axis: NDArray[np.float64],
    log_gap: NDArray[Any],
    lam: float,
    log_range: tuple[float, float],
) -> go.Figure:
    """Heatmap of log10 |gap| over ``axis`` × ``axis`` (row i at y = axis[i]; NaN where the
    gap underflowed) on the colour range ``log_range`` (log10 units), ticks on round values,
    and the diagonal x = y as a line in its colour, hover giving its exact value."""
    lo, hi = float(axis[0]), float(axis[-1])
    bound = math.log(2.0) / abs(lam)
    title = gap_title(lam)
    heat = {
        "type": "heatmap",
        "x": np.asarray(axis, dtype=np.float64),
        "y": np.asarray(axis, dtype=np.float64),
        "z": np.asarray(log_gap, dtype=np.float32),
        "coloraxis": "coloraxis",
        "hoverongaps": False,
        "name": title,
        "hovertemplate": "x = %{x:.4g}<br>y = %{y:.4g}<br>gap = 10<sup>%{z:.2f}</sup>"
        "<extra></extra>",
    }
    diagonal = {
        "type": "scatter",
        "x": [lo, hi],
        "y": [lo, hi],
        "mode": "lines",
        "line": {"color": diagonal_colour(log_range, lam), "width": 3},
        "name": "x = y",
        "showlegend": False,
        "hovertemplate": f"on x = y: gap = log(2)/{format_short(abs(lam))} = {bound:.6g}"
        "<extra></extra>",
    }
    tickvals, ticktext = bar_ticks(log_range, lam)
    layout = {
        **square_axes(lo, hi),
        "margin": PANEL_MARGIN,
        "plot_bgcolor": UNDERFLOW_GREY,
        "coloraxis": {
            "colorscale": GAP_SCALE,
            "cmin": log_range[0],
            "cmax": log_range[1],
            "colorbar": colour_bar("gap (log scale)", tickvals=tickvals, ticktext=ticktext),
        },
    }
    return styled_figure(
        [heat, diagonal],
        layout,
        height=PANEL_HEIGHT,
        title=f"{title}, λ = {format_signed(lam)}",
    )
