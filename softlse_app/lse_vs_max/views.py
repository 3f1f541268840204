"""What the page shows, cached by the exact inputs under the app's caching rule
(:mod:`softlse_app.common.caching`): numbers with :func:`cache_numbers`, the figures built from
them with :func:`cache_figure` (shared, never mutated after they are returned), and the CSV
files of what the charts show.

Entry sizes bound the caches: one λ's panel numbers and figures hold at most 201² + 101²
float32 values each, whatever the resolution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from softlse_app.common.caching import cache_figure, cache_numbers
from softlse_app.common.chart_output import csv_table
from softlse_app.common.lambda_text import hard_name
from softlse_app.lse_vs_max.contour_figures import hard_panel, lse_panel
from softlse_app.lse_vs_max.gap_figure import FIXED_LOG_RANGE, fitted_log_range, gap_panel
from softlse_app.lse_vs_max.panel_scales import PanelScales, panel_scales
from softlse_app.lse_vs_max.slice_figure import lse_slice_figure, slice_lines
from softlse_app.lse_vs_max.surface import (
    GapSummary,
    LseSlice,
    gap_summary,
    log10_gap,
    lse_slice,
    lse_surface,
)
from softlse_app.sheet.numbers import SHEET_LAMBDAS

#: A CSV holds at most this many grid points per axis (every k-th point of a finer grid, the
#: ends and the diagonal included), so a download does not grow with the resolution.
CSV_MAX_POINTS = 201

#: The most grid points per axis a panel draws. A panel's plot is about 250–300 px wide, so
#: finer pictures only add cells smaller than a pixel: the lse contours are drawn from at most
#: 201 points per axis, and the gap heatmap — a function of |x − y| alone, whose one sharp
#: feature, the diagonal, is drawn as a line — from at most 101. The read-outs and the CSV
#: use every grid point.
LSE_PICTURE_POINTS = 201
GAP_PICTURE_POINTS = 101


def every_kth(res: int, most: int) -> NDArray[np.intp]:
    """Indices 0, k, 2k, … of a grid of ``res`` points, and the last one, with k the smallest
    stride that keeps at most about ``most`` of them (k = 1: all). The same indices along x
    and y keep the diagonal's points."""
    stride = max(1, math.ceil((res - 1) / (most - 1)))
    return np.unique(np.append(np.arange(0, res, stride), res - 1))


@dataclass(frozen=True)
class PanelNumbers:
    """The numbers the panels of one λ draw: lse as float32 on the grid points ``lse_axis``,
    log10 |gap| as float32 (NaN where the gap underflowed) on ``gap_axis`` (both every k-th
    point of the grid: :func:`every_kth`) and the read-outs' summary of the whole grid."""

    lam: float
    res: int
    lse_axis: NDArray[np.float64]
    lse: NDArray[np.float32]
    gap_axis: NDArray[np.float64]
    log_gap: NDArray[np.float32]
    summary: GapSummary


@cache_numbers(max_entries=16)
def panel_numbers(lam: float, extent: float, res: int) -> PanelNumbers:
    """Evaluate one λ on the grid [−extent, extent]² with ``res`` points per axis."""
    surface = lse_surface(extent, res, lam)
    lse_keep = every_kth(res, LSE_PICTURE_POINTS)
    gap_keep = every_kth(res, GAP_PICTURE_POINTS)
    return PanelNumbers(
        lam=lam,
        res=res,
        lse_axis=surface.axis[lse_keep],
        lse=surface.lse[np.ix_(lse_keep, lse_keep)].astype(np.float32),
        gap_axis=surface.axis[gap_keep],
        log_gap=log10_gap(surface.gap[np.ix_(gap_keep, gap_keep)]).astype(np.float32),
        summary=gap_summary(surface),
    )


@dataclass(frozen=True)
class Panels:
    """The three charts of one λ: lse, max (min for λ < 0) and the gap, with the lse and max
    panels' scales and the gap's colour range (log10 units)."""

    lse: go.Figure
    hard: go.Figure
    gap: go.Figure
    scales: PanelScales
    gap_range: tuple[float, float]


@cache_figure(max_entries=4)
def hard_figure(extent: float, positive: bool) -> go.Figure:
    """The max panel (min for ``positive`` False) of one extent: no λ changes it, so a λ
    step and the sheet's three rows take the one built figure instead of building it again."""
    return hard_panel(extent, 1.0 if positive else -1.0)


def _panels(numbers: PanelNumbers, extent: float, log_range: tuple[float, float]) -> Panels:
    scales = panel_scales(extent, numbers.lam)
    return Panels(
        lse=lse_panel(numbers.lse_axis, numbers.lse, numbers.lam, scales),
        hard=hard_figure(extent, numbers.lam > 0),
        gap=gap_panel(numbers.gap_axis, numbers.log_gap, numbers.lam, log_range),
        scales=scales,
        gap_range=log_range,
    )


def gap_log_range(numbers: PanelNumbers, fixed_gap_scale: bool) -> tuple[float, float]:
    """The gap's colour range (log10 units) for one λ: the fixed one, the same for every λ,
    or fitted to this λ's grid."""
    return FIXED_LOG_RANGE if fixed_gap_scale else fitted_log_range(numbers.log_gap, numbers.lam)


@cache_figure(max_entries=8)
def explore_panels(lam: float, extent: float, res: int, fixed_gap_scale: bool) -> Panels:
    """max on its own scale, which no λ changes, lse on it or (far from max) on its own
    (:mod:`softlse_app.lse_vs_max.panel_scales`); the gap on its own log scale, fitted to
    this λ or, with ``fixed_gap_scale``, the same for every λ."""
    numbers = panel_numbers(lam, extent, res)
    return _panels(numbers, extent, gap_log_range(numbers, fixed_gap_scale))


@cache_figure(max_entries=4)
def sheet_panels(extent: float, res: int, fixed_gap_scale: bool) -> tuple[Panels, ...]:
    """The sheet's λ = 1, 10, 100, one row each: every max panel on the explore view's scale
    for max, and every lse panel on it too where lse fits (on [−1, 1]² all three), so the rows
    compare colour for colour; each gap on its own log scale fitted to its λ (on
    one scale for all three, the gaps of λ = 1 span less than one of the λ = 100 gaps' 85
    powers of ten and come out in one flat colour), or, with ``fixed_gap_scale``, every gap
    on the explore view's fixed scale."""
    rows = [panel_numbers(lam, extent, res) for lam in SHEET_LAMBDAS]
    return tuple(_panels(n, extent, gap_log_range(n, fixed_gap_scale)) for n in rows)


def sheet_summaries(extent: float, res: int) -> tuple[GapSummary, ...]:
    """The read-outs of the sheet's three λ."""
    return tuple(panel_numbers(lam, extent, res).summary for lam in SHEET_LAMBDAS)


@cache_numbers(max_entries=32)
def slice_numbers(lam: float, extent: float, res: int, y: float) -> LseSlice:
    """The slice at height ``y`` along the grid's x coordinates."""
    return lse_slice(extent, res, y, lam)


@cache_figure(max_entries=16)
def slice_panel(lam: float, extent: float, res: int, y: float) -> go.Figure:
    """The slice's line chart."""
    cut = slice_numbers(lam, extent, res, y)
    return lse_slice_figure(cut.x, cut.lse, cut.hard, y, lam)


#: The gap CSV's column of what the chart colours, named so that its nan need no caption.
DRAWN_LOG_GAP = "log10 |gap| as drawn (nan where the gap is below 2.2e-308 and greyed)"


def panel_csv(lam: float, extent: float, res: int, panel: str) -> str:
    """The numbers of one grid panel as CSV, on the grid points (at most
    :data:`CSV_MAX_POINTS` per axis: :func:`every_kth`), every value at full precision:
    ``panel`` "lse" (x, y, lse), "hard" (x, y, max or min) or "gap" (x, y, the gap lse − max
    or lse − min, and log10 of its size as the chart colours it: ``nan`` where the gap is
    below 2.2e−308, subnormal or 0, which the chart greys; its header says so, since the gap
    column beside it still holds such a gap's digits)."""
    surface = lse_surface(extent, res, lam)
    keep = every_kth(res, CSV_MAX_POINTS)
    x, y = np.meshgrid(surface.axis[keep], surface.axis[keep])
    on_grid = np.ix_(keep, keep)
    columns: dict[str, NDArray[np.float64]] = {"x": x.ravel(), "y": y.ravel()}
    hard = hard_name(lam)
    if panel == "lse":
        columns["lse"] = surface.lse[on_grid].ravel()
    elif panel == "hard":
        columns[hard] = surface.hard[on_grid].ravel()
    else:
        gap = surface.gap[on_grid]
        columns[f"lse - {hard}"] = gap.ravel()
        columns[DRAWN_LOG_GAP] = log10_gap(gap).ravel()
    return csv_table(columns)


def slice_csv(lam: float, extent: float, res: int, y: float) -> str:
    """The slice's lines as CSV: x and the value of each line at it, full precision."""
    cut = slice_numbers(lam, extent, res, y)
    return csv_table({"x": cut.x, **dict(slice_lines(cut.hard, cut.lse, lam))})
