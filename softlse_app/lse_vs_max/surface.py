"""lse((x, y), λ) beside max(x, y) on a square grid, their gap, and a 1-D slice.

For two numbers the bounds of the gap are explicit (n = 2 terms, m of them maximal):

    λ > 0:  log(m)/λ ≤ lse((x, y), λ) − max(x, y) ≤ log(2)/λ
    λ < 0:  −log(2)/|λ| ≤ lse((x, y), λ) − min(x, y) ≤ −log(m)/|λ|

so off the diagonal (m = 1) the gap lies in (0, log(2)/λ], and on the diagonal x = y (a tie,
m = 2) both bounds meet: the gap is exactly log(2)/λ. All values come from
:func:`softlse_core.lse` (the stable algorithm) over axis 0 of the stacked grid, shape
(2, res, res); the bounds come from :func:`softlse_core.lse_gap_bounds`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from softlse_app.common.square_grid import square_grid
from softlse_core import lse, lse_gap_bounds
from softlse_core.array_input import check_finite_nonzero_lam

#: Rounding slack, in units of roundoff of |hard| + |log(2)/λ|, allowed when checking the
#: computed gap (lse − max is a difference of two rounded numbers) against its bounds.
_ROUNDOFF_UNITS = 4.0


def hard_name(lam: float) -> str:
    """``"max"`` for λ > 0 and ``"min"`` for λ < 0: what lse tends to as |λ| → ∞."""
    return "max" if lam > 0 else "min"


@dataclass(frozen=True)
class LseSurface:
    """lse, its hard limit (max for λ > 0, min for λ < 0) and their gap on a square grid.

    ``axis`` holds the coordinates along x and y; ``lse``, ``hard`` and ``gap`` have shape
    (res, res) with row i at y = axis[i] and column j at x = axis[j]. ``lower`` and ``upper``
    are the bounds of the gap at every point (from :func:`softlse_core.lse_gap_bounds`).
    """

    lam: float
    axis: NDArray[np.float64]
    lse: NDArray[np.float64]
    hard: NDArray[np.float64]
    gap: NDArray[np.float64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]


def lse_surface(extent: float, resolution: int, lam: float) -> LseSurface:
    """Evaluate lse((x, y), λ), max(x, y) (min for λ < 0) and the gap on [−extent, extent]².

    Raises ValueError for λ = 0, NaN or ±inf (the page offers finite non-zero λ only) and for
    an extent or resolution that :func:`softlse_app.common.square_grid.square_grid` refuses.
    """
    check_finite_nonzero_lam(lam, "the lse surface")
    grid = square_grid(extent, resolution)
    soft = np.asarray(lse(grid.stacked, lam, axis=0), dtype=np.float64)
    hard = grid.stacked.max(axis=0) if lam > 0 else grid.stacked.min(axis=0)
    lower, upper = lse_gap_bounds(grid.stacked, lam, axis=0)
    return LseSurface(
        lam=lam,
        axis=grid.axis,
        lse=soft,
        hard=hard,
        gap=soft - hard,
        lower=np.asarray(lower, dtype=np.float64),
        upper=np.asarray(upper, dtype=np.float64),
    )


@dataclass(frozen=True)
class GapSummary:
    """What the read-outs say about a surface.

    - ``extreme_gap``: the gap farthest from 0 on the grid (largest for λ > 0, most negative
      for λ < 0) and where it is (``at_x``, ``at_y``; rounding decides which diagonal point);
    - ``least_gap``: the gap nearest 0 on the grid (at the corners (−extent, extent) and
      (extent, −extent), where m = 1 and the lower bound log(1)/λ = 0 is approached);
    - ``bound``: log(2)/λ (signed), the extreme value the gap can take for two numbers;
    - ``tie_points``: grid points where the two numbers tie (m = 2: the diagonal), where the
      bounds meet and the gap must equal log(2)/λ; ``tie_gap_error``: the largest
      |gap − log(2)/λ| over them;
    - ``points`` and ``outside_bounds``: how many grid points there are and at how many the
      computed gap leaves [lower, upper] by more than rounding (should be 0).
    """

    extreme_gap: float
    least_gap: float
    at_x: float
    at_y: float
    bound: float
    tie_points: int
    tie_gap_error: float
    points: int
    outside_bounds: int


def gap_summary(surface: LseSurface) -> GapSummary:
    """Summarise ``surface``: see :class:`GapSummary`."""
    gap = surface.gap
    flat = int(np.argmax(gap)) if surface.lam > 0 else int(np.argmin(gap))
    row, col = np.unravel_index(flat, gap.shape)
    bound = math.log(2.0) / surface.lam
    slack = _ROUNDOFF_UNITS * np.finfo(np.float64).eps * (np.abs(surface.hard) + abs(bound))
    outside = (gap < surface.lower - slack) | (gap > surface.upper + slack)
    ties = surface.lower == surface.upper
    tie_error = float(np.max(np.abs(gap[ties] - bound))) if ties.any() else math.nan
    return GapSummary(
        extreme_gap=float(gap[row, col]),
        least_gap=float(gap.min() if surface.lam > 0 else gap.max()),
        at_x=float(surface.axis[col]),
        at_y=float(surface.axis[row]),
        bound=bound,
        tie_points=int(np.count_nonzero(ties)),
        tie_gap_error=tie_error,
        points=int(gap.size),
        outside_bounds=int(np.count_nonzero(outside)),
    )


@dataclass(frozen=True)
class LseSlice:
    """lse((x, y), λ) along x at a fixed y, with max(x, y) (min for λ < 0); lse lies between
    ``hard`` and ``hard + log(2)/λ``."""

    lam: float
    y: float
    x: NDArray[np.float64]
    lse: NDArray[np.float64]
    hard: NDArray[np.float64]


def lse_slice(extent: float, resolution: int, y: float, lam: float) -> LseSlice:
    """Evaluate the slice at the grid's x coordinates (``resolution`` points on
    [−extent, extent], as :func:`softlse_app.common.square_grid.square_grid`) and the fixed ``y``.

    Raises ValueError for λ = 0, NaN or ±inf, a non-finite ``y``, extent ≤ 0 or
    resolution < 2.
    """
    check_finite_nonzero_lam(lam, "the lse surface")
    if not math.isfinite(y):
        raise ValueError(f"y must be finite, got {y!r}")
    xs = square_grid(extent, resolution).axis
    pairs = np.stack([xs, np.full_like(xs, y)])
    hard = pairs.max(axis=0) if lam > 0 else pairs.min(axis=0)
    soft = np.asarray(lse(pairs, lam, axis=0), dtype=np.float64)
    return LseSlice(lam=lam, y=y, x=xs, lse=soft, hard=hard)
