"""The numbers behind the sheet's answers, computed live with :mod:`softlse_core` (no Streamlit).

Each function returns one question's results; the page caches them (they depend on nothing the
person types). Inputs are the sheet's own: s1 = (1, 2, 3), s2 = (11, 12, 13), s3 = (10, 20, 30),
λ = 1, 10, 100 and the square [−1, 1]².
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from softlse_core import (
    FloatArray,
    lse,
    lse_gap,
    lse_gradient_fd,
    naive_lse,
    naive_softmax,
    onehot_argmax,
    softmax,
)

#: The sheet's three vectors of question (a).
SHEET_VECTORS: dict[str, tuple[float, ...]] = {
    "s1": (1.0, 2.0, 3.0),
    "s2": (11.0, 12.0, 13.0),
    "s3": (10.0, 20.0, 30.0),
}
#: The sheet's inverse temperatures of questions (b) and (c).
SHEET_LAMBDAS: tuple[float, ...] = (1.0, 10.0, 100.0)
#: Grid points per axis on [−1, 1]²: odd, so the origin and the diagonal's points are on it.
GRID_POINTS = 201
#: λ of the sheet's code failing: exp(λ·1) overflows beyond λ ≈ 709.78.
OVERFLOW_LAMBDA = 1000.0


def format_like_numpy(values: FloatArray) -> str:
    """A vector as numpy prints it by default (8 digits after the point, scientific notation
    when the entries span many orders of magnitude), whatever the global print options say.

    >>> format_like_numpy(np.array([0.1, 0.25]))
    '[0.1  0.25]'
    """
    return np.array2string(
        np.asarray(values, dtype=np.float64),
        precision=8,
        floatmode="maxprec",
        suppress_small=False,
        separator=" ",
        max_line_width=75,
    )


@dataclass(frozen=True)
class SoftmaxResults:
    """Question (a): softmax of s1, s2, s3 at λ = 1 and the two invariance checks."""

    probabilities: dict[str, FloatArray]
    offset_difference: float  # max |softmax(s2) − softmax(s1)|
    scale_difference: float  # max |softmax(s3, 1) − softmax(s1, 10)|


def softmax_results() -> SoftmaxResults:
    """softmax(s, 1) for the sheet's vectors; s2 = s1 + 10 and s3 = 10·s1 checked against
    softmax(s1, 1) and softmax(s1, 10)."""
    probabilities = {name: softmax(np.array(vector), 1.0) for name, vector in SHEET_VECTORS.items()}
    s1 = np.array(SHEET_VECTORS["s1"])
    return SoftmaxResults(
        probabilities=probabilities,
        offset_difference=float(np.max(np.abs(probabilities["s2"] - probabilities["s1"]))),
        scale_difference=float(np.max(np.abs(probabilities["s3"] - softmax(s1, 10.0)))),
    )


@dataclass(frozen=True)
class GapResults:
    """Question (b): the gap lse − max on the grid over [−1, 1]² for each sheet λ."""

    axis: FloatArray  # the grid's coordinates, GRID_POINTS values from −1 to 1
    gap_at_10: FloatArray  # gap[i, j] at (x = axis[j], y = axis[i]) for λ = 10
    largest: dict[float, float]  # λ -> largest gap on the grid
    bound: dict[float, float]  # λ -> log(2)/λ
    points_at_largest: dict[float, int]  # λ -> grid points within rounding of the largest gap
    on_diagonal: dict[float, bool]  # λ -> all those points have x = y
    far_corner_gap: float  # the gap at (1, −1) for λ = 10
    naive_at_overflow: float  # the sheet's unshifted formula at (1, 1), λ = 1000
    stable_at_overflow: float  # lse((1, 1), 1000)


def gap_results() -> GapResults:
    """The gap lse((x, y), λ) − max(x, y) on a GRID_POINTS² grid for λ = 1, 10, 100 (computed
    directly with ``lse_gap``, so the tiny gaps far from the diagonal keep their digits),
    where it is largest, and the sheet's unshifted formula beside the stable one at
    λ = 1000."""
    axis = np.linspace(-1.0, 1.0, GRID_POINTS)
    x, y = np.meshgrid(axis, axis)
    pair = np.stack([x, y])
    largest: dict[float, float] = {}
    bound: dict[float, float] = {}
    points: dict[float, int] = {}
    diagonal: dict[float, bool] = {}
    gap_at_10 = np.zeros_like(x)
    for lam in SHEET_LAMBDAS:
        gap = lse_gap(pair, lam, axis=0)
        top = float(gap.max())
        at_top = gap >= top - 8 * np.finfo(np.float64).eps
        largest[lam], bound[lam] = top, math.log(2.0) / lam
        points[lam] = int(at_top.sum())
        diagonal[lam] = bool(np.all(x[at_top] == y[at_top]))
        if lam == 10.0:
            gap_at_10 = gap
    corner = np.array([1.0, -1.0])
    return GapResults(
        axis=axis,
        gap_at_10=gap_at_10,
        largest=largest,
        bound=bound,
        points_at_largest=points,
        on_diagonal=diagonal,
        far_corner_gap=float(lse_gap(corner, 10.0)),
        naive_at_overflow=float(naive_lse(np.array([1.0, 1.0]), OVERFLOW_LAMBDA)),
        stable_at_overflow=float(lse(np.array([1.0, 1.0]), OVERFLOW_LAMBDA)),
    )


#: The point and λ of question (c)'s number prediction.
GRADIENT_POINT = (0.1, 0.0)
GRADIENT_LAMBDA = 10.0


@dataclass(frozen=True)
class GradientResults:
    """Question (c): softmax along the line y = 0, the gradient check at GRADIENT_POINT, the
    tie rule on the diagonal and the sheet's unshifted softmax at λ = 1000."""

    slice_x: FloatArray  # x along the line y = 0
    sigma1_slices: dict[float, FloatArray]  # λ -> σ₁(x, 0)
    softmax_at_point: FloatArray  # softmax(GRADIENT_POINT, GRADIENT_LAMBDA)
    gradient_at_point: FloatArray  # finite-difference ∇lse there
    tie_split: FloatArray  # one-hot limit at (0.3, 0.3), ties split
    tie_first: FloatArray  # numpy's argmax rule there
    naive_at_overflow: FloatArray  # the sheet's unshifted softmax of (1, 1) at λ = 1000
    stable_at_overflow: FloatArray  # softmax((1, 1), 1000)


def gradient_results() -> GradientResults:
    """σ₁ along y = 0 for the sheet's λ, ∇lse by central differences against softmax at
    GRADIENT_POINT, the one-hot rules at a tie and the overflow of the unshifted formula."""
    slice_x = np.linspace(-1.0, 1.0, 401)
    pair = np.stack([slice_x, np.zeros_like(slice_x)])
    point = np.array(GRADIENT_POINT)
    tie = np.array([0.3, 0.3])
    ones = np.array([1.0, 1.0])
    return GradientResults(
        slice_x=slice_x,
        sigma1_slices={lam: softmax(pair, lam, axis=0)[0] for lam in SHEET_LAMBDAS},
        softmax_at_point=softmax(point, GRADIENT_LAMBDA),
        gradient_at_point=lse_gradient_fd(point, GRADIENT_LAMBDA),
        tie_split=onehot_argmax(tie, ties="split"),
        tie_first=onehot_argmax(tie, ties="first"),
        naive_at_overflow=naive_softmax(ones, OVERFLOW_LAMBDA),
        stable_at_overflow=softmax(ones, OVERFLOW_LAMBDA),
    )


#: λ values of question (d)'s table.
LIMIT_LAMBDAS: tuple[float, ...] = (1.0, 10.0, 100.0)


@dataclass(frozen=True)
class LimitResults:
    """Question (d): lse(s1, λ) approaching max(s1) = 3, with the bound max + log(n)/λ."""

    table: dict[float, float]  # λ -> lse(s1, λ) for LIMIT_LAMBDAS
    gaps: dict[float, float]  # λ -> lse(s1, λ) − max(s1), computed directly
    sweep_lambdas: FloatArray  # λ from 0.5 to 100, log-spaced
    sweep_lse: FloatArray  # lse(s1, λ) along the sweep
    sweep_upper: FloatArray  # max(s1) + log(3)/λ along the sweep
    largest: float  # max(s1)


def limit_results() -> LimitResults:
    """lse(s1, λ) at the table's λ and along a log-spaced sweep, with its upper bound."""
    s1 = np.array(SHEET_VECTORS["s1"])
    lambdas = np.logspace(math.log10(0.5), 2.0, 61)
    values = np.array([lse(s1, float(lam)) for lam in lambdas])
    largest = float(s1.max())
    return LimitResults(
        table={lam: float(lse(s1, lam)) for lam in LIMIT_LAMBDAS},
        gaps={lam: float(lse_gap(s1, lam)) for lam in LIMIT_LAMBDAS},
        sweep_lambdas=lambdas,
        sweep_lse=values,
        sweep_upper=largest + math.log(s1.size) / lambdas,
        largest=largest,
    )
