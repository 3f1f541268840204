"""Cached numbers and figures of the "softmax and one-hot" page, and the CSV of each chart.

Per the app's caching rule (:mod:`softlse_app.common.caching`): numbers with
:func:`cache_numbers`, figures built from them with :func:`cache_figure` (shared, never
mutated). Each function takes only what its result depends on, so a new λ list rebuilds only
the charts of the λ values it adds, the tie rule only the one-hot chart, and the gradient
section's controls none of the grid's charts.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray

from softlse_app.common.caching import cache_figure, cache_numbers
from softlse_app.common.square_grid import square_grid
from softlse_app.softmax_grid.descriptions import lambda_title, onehot_heading, onehot_title
from softlse_app.softmax_grid.field_figure import gradient_field_figure
from softlse_app.softmax_grid.fields import (
    GradientCheck,
    GradientField,
    SoftmaxPanel,
    gradient_check,
    lse_and_gradient_table,
    lse_gradient_field,
    onehot_panel,
    softmax_panel,
    tie_weights,
)
from softlse_app.softmax_grid.grid_figures import softmax_panel_figure
from softlse_core import TieRule, softmax

# Odd, so the origin and the diagonal carry arrows; 11 per axis stay legible on a phone.
ARROWS_PER_AXIS = 11

# Bounds: a panel at the largest grid holds 2 · 401² float32 values; one λ list shows up to
# 6 λ charts, so 16 entries hold a few lists of a whole class.


@cache_numbers(max_entries=16)
def panel_numbers(extent: float, res: int, lam: float) -> SoftmaxPanel:
    return softmax_panel(extent, res, lam)


@cache_numbers(max_entries=4)
def onehot_numbers(extent: float, res: int, ties: TieRule) -> SoftmaxPanel:
    return onehot_panel(extent, res, ties)


@cache_numbers(max_entries=16)
def field_numbers(extent: float, res: int, lam: float) -> GradientField:
    return lse_gradient_field(extent, res, lam, ARROWS_PER_AXIS)


@cache_numbers(max_entries=64)
def check_numbers(px: float, py: float, lam: float) -> GradientCheck:
    return gradient_check(px, py, lam)


@cache_figure(max_entries=16)
def softmax_chart(extent: float, res: int, lam: float) -> go.Figure:
    """The chart of one λ (σ₁ above σ₂)."""
    panel = panel_numbers(extent, res, lam)
    title = lambda_title(lam)
    return softmax_panel_figure(panel.axis, panel.sigma, title, name=title)


@cache_figure(max_entries=4)
def onehot_chart(extent: float, res: int, ties: TieRule) -> go.Figure:
    """The chart of the one-hot limit, its diagonal drawn in the tie rule's weights."""
    panel = onehot_numbers(extent, res, ties)
    weights = tie_weights(ties)
    return softmax_panel_figure(
        panel.axis,
        panel.sigma,
        onehot_heading(ties, weights),
        name=onehot_title(ties),
        tie_weights=weights,
    )


@cache_figure(max_entries=16)
def field_chart(extent: float, res: int, lam: float, px: float, py: float) -> go.Figure:
    """The gradient field of λ with the checked point (px, py) and its arrow."""
    field = field_numbers(extent, res, lam)
    check = check_numbers(px, py, lam)
    return gradient_field_figure(
        field.axis,
        field.lse_values,
        field.arrow_axis,
        field.arrows,
        lam,
        f"lse((x, y), {lambda_title(lam)})",
        point=check.point,
        point_gradient=check.softmax,
    )


def _float_csv(columns: dict[str, NDArray[np.floating]]) -> str:
    """CSV text with one column per entry (header = the key), every number at full precision
    as :func:`softlse_app.common.chart_output.csv_table` writes it (the shortest decimal that
    reads back to the same double), but built column-wise: a grid has up to 401² rows."""
    values = [(np.asarray(c, dtype=np.float64).ravel() + 0.0).tolist() for c in columns.values()]
    lines = (",".join(map(repr, row)) for row in zip(*values, strict=True))
    return ",".join(columns) + "\n" + "\n".join(lines) + "\n"


def _panel_csv(axis: NDArray[np.float64], sigma: NDArray[np.floating]) -> str:
    x, y = np.meshgrid(axis, axis)
    return _float_csv({"x": x, "y": y, "sigma1": sigma[0], "sigma2": sigma[1]})


def softmax_csv(extent: float, res: int, lam: float) -> str:
    """x, y, σ₁, σ₂ at every grid point of one λ's chart (res² rows, at most 401²), in float64
    (the chart draws them in float32)."""
    grid = square_grid(extent, res)
    return _panel_csv(grid.axis, softmax(grid.stacked, lam, axis=0))


def onehot_csv(extent: float, res: int, ties: TieRule) -> str:
    """x, y, σ₁, σ₂ at every grid point of the one-hot chart."""
    panel = onehot_numbers(extent, res, ties)
    return _panel_csv(panel.axis, panel.sigma)


def field_csv(extent: float, res: int, lam: float) -> str:
    """x, y, lse and its gradient (= softmax) at every grid point of the gradient-field chart
    (the chart's arrows show the same gradient on a coarser grid)."""
    rows = lse_and_gradient_table(extent, res, lam)
    names = ("x", "y", "lse", "dlse_dx", "dlse_dy")
    return _float_csv({name: rows[:, k] for k, name in enumerate(names)})
