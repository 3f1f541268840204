"""lse((x, y), λ) beside max(x, y) on a square grid, their gap, and a 1-D slice.

For two numbers the gap has a closed form and explicit bounds (n = 2 terms, m of them tied
for the maximum):

    λ > 0:  lse − max = log(1 + e^(−λ·|x − y|))/λ  ∈  [log(m)/λ, log(2)/λ]
    λ < 0:  lse − min = log(1 + e^(−|λ|·|x − y|))/λ ∈ [−log(2)/|λ|, −log(m)/|λ|]

so the gap depends on the distance |x − y| only: it is log(2)/λ along the whole diagonal
x = y (a tie, m = 2) and falls off like e^(−|λ|·|x − y|)/|λ| away from it. The gap comes
from :func:`softlse_core.lse_gap`, computed directly — not as lse − max, which rounds to 0
once the gap is below the spacing of floating-point numbers near max —, lse from
:func:`softlse_core.lse`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from softlse_app.common.square_grid import square_grid
from softlse_core import lse, lse_gap, lse_gap_bounds
from softlse_core.array_input import check_finite_nonzero_lam

#: Rounding slack, in units of roundoff of |hard| + |log(2)/λ|, allowed when checking lse
#: against its bounds (lse − max is a difference of two rounded numbers).
_ROUNDOFF_UNITS = 4.0

#: The smallest normal float64 (≈ 2.2e-308). Below it a gap is a subnormal with fewer
#: significant digits, or exactly 0: rounding, not a value to colour.
FLOAT64_TINY = float(np.finfo(np.float64).tiny)


@dataclass(frozen=True)
class LseSurface:
    """lse, its hard limit (max for λ > 0, min for λ < 0) and their gap on a square grid.

    ``axis`` holds the coordinates along x and y; ``lse``, ``hard`` and ``gap`` have shape
    (res, res) with row i at y = axis[i] and column j at x = axis[j]. ``gap`` is signed like
    lse − hard (≥ 0 for λ > 0, ≤ 0 for λ < 0).
    """

    lam: float
    axis: NDArray[np.float64]
    lse: NDArray[np.float64]
    hard: NDArray[np.float64]
    gap: NDArray[np.float64]


def lse_surface(extent: float, resolution: int, lam: float) -> LseSurface:
    """Evaluate lse((x, y), λ), max(x, y) (min for λ < 0) and the gap on [−extent, extent]².

    Raises ValueError for λ = 0, NaN or ±inf (the page offers finite non-zero λ only) and for
    an extent or resolution that :func:`softlse_app.common.square_grid.square_grid` refuses.
    """
    check_finite_nonzero_lam(lam, "the lse surface")
    grid = square_grid(extent, resolution)
    soft = np.asarray(lse(grid.stacked, lam, axis=0), dtype=np.float64)
    hard = grid.stacked.max(axis=0) if lam > 0 else grid.stacked.min(axis=0)
    gap = np.asarray(lse_gap(grid.stacked, lam, axis=0), dtype=np.float64)
    return LseSurface(lam=lam, axis=grid.axis, lse=soft, hard=hard, gap=gap)


def log10_gap(gap: NDArray[np.float64]) -> NDArray[np.float64]:
    """log10 |gap|, NaN where |gap| is below :data:`FLOAT64_TINY` (a subnormal or exactly 0:
    the gap has underflowed, so its digits are rounding, not the gap)."""
    size = np.abs(gap)
    out = np.full(size.shape, np.nan)
    shown = size >= FLOAT64_TINY
    np.log10(size, out=out, where=shown)
    return out


@dataclass(frozen=True)
class GapSummary:
    """What the read-outs say about a surface (all gaps signed like lse − hard).

    - ``bound``: log(2)/λ, the largest gap two numbers can have (signed);
    - ``diagonal_gap``: the gap on the diagonal x = y, ``diagonal_points`` grid points, all
      equal to it up to ``diagonal_spread`` (largest |gap − bound| there);
    - ``corner_gap``: the gap nearest 0 on the grid, at the corners (−extent, extent) and
      (extent, −extent), where |x − y| is largest;
    - ``points`` grid points; ``outside_bounds``: at how many lse leaves its bounds
      [max + log(m)/λ, max + log(2)/λ] by more than rounding (should be 0);
    - ``rounds_to_hard``: at how many lse, as a float, equals max (min) exactly — the gap is
      below the spacing of floats there, so lse − max would say 0;
    - ``underflows``: at how many the gap itself is below :data:`FLOAT64_TINY`.
    """

    lam: float
    bound: float
    diagonal_gap: float
    diagonal_points: int
    diagonal_spread: float
    corner_gap: float
    points: int
    outside_bounds: int
    rounds_to_hard: int
    underflows: int


def gap_summary(surface: LseSurface) -> GapSummary:
    """Summarise ``surface``: see :class:`GapSummary`."""
    lam = surface.lam
    bound = math.log(2.0) / lam
    diagonal = np.diagonal(surface.gap)
    stacked = np.stack(np.meshgrid(surface.axis, surface.axis))
    lower, upper = lse_gap_bounds(stacked, lam, axis=0)
    above_hard = surface.lse - surface.hard
    slack = _ROUNDOFF_UNITS * np.finfo(np.float64).eps * (np.abs(surface.hard) + abs(bound))
    outside = (above_hard < lower - slack) | (above_hard > upper + slack)
    size = np.abs(surface.gap)
    return GapSummary(
        lam=lam,
        bound=bound,
        diagonal_gap=float(diagonal[0]),
        diagonal_points=int(diagonal.size),
        diagonal_spread=float(np.max(np.abs(diagonal - bound))),
        corner_gap=float(surface.gap[np.unravel_index(int(np.argmin(size)), size.shape)]),
        points=int(surface.gap.size),
        outside_bounds=int(np.count_nonzero(outside)),
        rounds_to_hard=int(np.count_nonzero(surface.lse == surface.hard)),
        underflows=int(np.count_nonzero(size < FLOAT64_TINY)),
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
