"""The vector lab's charts: each figure (cached), its text for screen readers and its numbers
as CSV. The figures are drawn by :mod:`.bars_figure`, :mod:`.sweep_figure` and
:mod:`.simplex_figure` from the numbers of :mod:`.numbers`.

Figures are cached by the app's rule for figures (:func:`softlse_app.common.caching.cache_figure`:
one shared object, never modified after it is returned; ``st.plotly_chart`` only reads it).
The cache key is σ as bytes plus the scalars the figure depends on (bars: λ, c, a; sweep and
simplex: λ), so changing c or a rebuilds only the bars; the ``_numbers`` argument (not hashed)
is determined by the key.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from softlse_app.common.caching import cache_figure
from softlse_app.common.chart_output import csv_table
from softlse_app.common.number_format import format_short
from softlse_app.vector_lab.bars_figure import softmax_bars
from softlse_app.vector_lab.components import component_labels
from softlse_app.vector_lab.offset_scale import OffsetScaleNumbers
from softlse_app.vector_lab.simplex_figure import simplex_path
from softlse_app.vector_lab.sweep import SimplexNumbers, SweepNumbers
from softlse_app.vector_lab.sweep_figure import lambda_sweep
from softlse_core import FloatArray

#: Figures kept per kind; a session moving λ back and forth finds its recent figures again.
FIGURE_CACHE_ENTRIES = 16


# -- Offset and scale: grouped bars ---------------------------------------------------------


def bar_series_names(lam: float, c: float, a: float) -> tuple[str, str, str, str]:
    """The four series of the bars (and of their CSV), with the current λ, c and a."""
    lam_text, c_text, a_text = (format_short(value) for value in (lam, c, a))
    return (
        f"softmax(σ, λ={lam_text})",
        f"softmax(σ + {c_text}, λ)",
        f"softmax({a_text}·σ, λ)",
        f"softmax(σ, {a_text}·λ)",
    )


@cache_figure(max_entries=FIGURE_CACHE_ENTRIES)
def _bars(sigma: bytes, lam: float, c: float, a: float, _numbers: OffsetScaleNumbers) -> go.Figure:
    values = (_numbers.p, _numbers.p_offset, _numbers.p_scaled, _numbers.p_scaled_lam)
    return softmax_bars(
        component_labels(_numbers.shown),
        list(zip(bar_series_names(lam, c, a), values, strict=True)),
    )


def bars_chart(sigma: bytes, numbers: OffsetScaleNumbers) -> go.Figure:
    """Grouped bars of softmax(σ, λ), softmax(σ + c, λ), softmax(a·σ, λ) and softmax(σ, a·λ)
    for the shown components."""
    return _bars(sigma, numbers.lam, numbers.c, numbers.a, numbers)


def bars_alt(numbers: OffsetScaleNumbers) -> str:
    """What the bars show, in one sentence for a screen reader."""
    names = bar_series_names(numbers.lam, numbers.c, numbers.a)
    best = int(max(range(len(numbers.shown)), key=lambda i: numbers.p[i]))
    top = int(numbers.shown[best])
    return (
        f"Grouped bar chart of {len(numbers.shown)} components: {names[0]} beside "
        f"{names[1]}, {names[2]} and {names[3]}. Largest under {names[0]}: σ{top + 1} with "
        f"probability {format_short(numbers.p[best])}."
    )


def bars_csv(numbers: OffsetScaleNumbers) -> str:
    """The bars' numbers: one row per shown component."""
    names = bar_series_names(numbers.lam, numbers.c, numbers.a)
    values = (numbers.p, numbers.p_offset, numbers.p_scaled, numbers.p_scaled_lam)
    return csv_table(
        {
            "k": [int(j) + 1 for j in numbers.shown],
            "σ_k": list(numbers.sigma),
            **{name: list(column) for name, column in zip(names, values, strict=True)},
        }
    )


# -- Temperature sweep ----------------------------------------------------------------------


@cache_figure(max_entries=FIGURE_CACHE_ENTRIES)
def _sweep(sigma: bytes, lam: float, _numbers: SweepNumbers) -> go.Figure:
    return lambda_sweep(
        _numbers.magnitudes,
        _numbers.positive,
        component_labels(_numbers.swept),
        _numbers.limit_pos,
        lam,
        probs_neg=_numbers.negative,
        limit_neg=_numbers.limit_neg,
        uniform=1.0 / _numbers.n,
    )


def sweep_chart(sigma: bytes, numbers: SweepNumbers) -> go.Figure:
    """Each followed softmax component against |λ| (a second panel for λ < 0)."""
    return _sweep(sigma, numbers.lam, numbers)


#: At the sweep's first λ the followed components are "near 1/n" within this.
UNIFORM_AT_START = 0.01


def sweep_alt(numbers: SweepNumbers) -> str:
    """What the sweep shows, in one sentence for a screen reader."""
    labels = component_labels(numbers.swept)
    winners = [label for label, end in zip(labels, numbers.limit_pos, strict=True) if end > 0]
    lo, hi = (format_short(value, 3) for value in (numbers.magnitudes[0], numbers.magnitudes[-1]))
    uniform = format_short(1 / numbers.n, 3)
    # entries up to 1e308 apart are far from uniform even at the axis's first λ (1e-12)
    near_uniform = bool(np.max(np.abs(numbers.positive[0] - 1 / numbers.n)) <= UNIFORM_AT_START)
    start = (
        f"near λ = 0 every component is 1/n = {uniform}"
        if near_uniform
        else f"even at λ = {lo} the components are far from 1/n = {uniform}, which they reach "
        "only as λ → 0 (the entries are so far apart that the axis cannot start low enough)"
    )
    text = (
        f"Line chart of softmax(σ, λ) for {len(labels)} components against λ from {lo} to {hi} "
        f"on a log scale: {start}; as λ grows the probability goes to "
        f"{', '.join(winners) or 'the largest entries'}. The current λ = "
        f"{format_short(numbers.lam)} is marked."
    )
    if numbers.negative is not None and numbers.limit_neg is not None:
        losers = [label for label, end in zip(labels, numbers.limit_neg, strict=True) if end > 0]
        text += (
            " A second panel below shows negative λ against |λ|: the probability goes to "
            f"{', '.join(losers) or 'the smallest entries'}."
        )
    return text


def sweep_csv(numbers: SweepNumbers) -> str:
    """The sweep's numbers: one row per λ (negative λ first when drawn), one column per
    followed component."""
    lams = list(numbers.magnitudes)
    rows = numbers.positive
    if numbers.negative is not None:
        lams = [-value for value in reversed(lams)] + lams
        rows = [*numbers.negative[::-1], *numbers.positive]
    columns: dict[str, list[float]] = {"λ": lams}
    for index, j in enumerate(numbers.swept):
        columns[f"softmax(σ, λ)_{int(j) + 1}"] = [float(row[index]) for row in rows]
    return csv_table(columns)


# -- Simplex ----------------------------------------------------------------------------------


def corner_names(numbers: SimplexNumbers) -> list[str]:
    """The triangle's corner names on two lines (narrow enough for a phone): p1, (σ1 = 1), …"""
    return [f"p{j + 1}<br>(σ{j + 1} = {format_short(numbers.sigma[j])})" for j in range(3)]


@cache_figure(max_entries=FIGURE_CACHE_ENTRIES)
def _simplex(sigma: bytes, lam: float, _numbers: SimplexNumbers) -> go.Figure:
    return simplex_path(
        _numbers.positive,
        _numbers.current,
        corner_names(_numbers),
        lam,
        path_neg=_numbers.negative,
    )


def simplex_chart(sigma: bytes, numbers: SimplexNumbers) -> go.Figure:
    """The softmax path on the probability triangle."""
    return _simplex(sigma, numbers.lam, numbers)


def simplex_alt(numbers: SimplexNumbers) -> str:
    """What the triangle shows, in one sentence for a screen reader."""
    point = ", ".join(format_short(value) for value in numbers.current)
    return (
        "Triangle of the probabilities (p1, p2, p3) with the path of softmax(σ, λ): from the "
        f"centre at λ = 0 towards {_path_end(numbers.positive[-1])} as λ → +∞ and towards "
        f"{_path_end(numbers.negative[-1])} as λ → −∞. Current λ = "
        f"{format_short(numbers.lam)} at p = ({point})."
    )


def _path_end(end: FloatArray) -> str:
    """Where a path ends, in words: a corner, or the middle of the side between tied
    corners, or the centre."""
    corners = [f"p{k + 1}" for k in range(3) if end[k] > 0.1]
    if len(corners) == 1:
        return f"the corner {corners[0]}"
    if len(corners) == 2:
        return f"the middle of the side between {corners[0]} and {corners[1]}"
    return "the centre"


def simplex_csv(numbers: SimplexNumbers) -> str:
    """The path's numbers: one row per λ, from the most negative to the largest."""
    lams = [-value for value in reversed(list(numbers.magnitudes))] + list(numbers.magnitudes)
    rows = [*numbers.negative[::-1], *numbers.positive]
    return csv_table(
        {"λ": lams, **{f"p{k + 1}": [float(row[k]) for row in rows] for k in range(3)}}
    )
