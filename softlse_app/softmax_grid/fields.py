"""Softmax and log-sum-exp of the pair (x, y) on a square grid, and the gradient connection.

For σ = (x, y) the two components of softmax(σ, λ) are

    σ₁ = 1 / (1 + exp(−λ(x − y))),    σ₂ = 1 − σ₁,

a logistic function of λ(x − y): the boundary σ₁ = σ₂ = 1/2 is the diagonal x = y, λ sets how
sharp it is, and as λ → +∞ softmax tends to ``onehot_argmax`` (1/2 each on the diagonal, the
true limit, under ``ties="split"``). For λ < 0 the roles swap (soft minimum).

Sheet 7, 1(c): ∇_σ lse(σ, λ) = softmax(σ, λ). :func:`lse_gradient_field` samples lse on a fine
grid and its gradient — the softmax vector, non-negative and summing to 1 — on a coarse grid
of arrow positions; :func:`gradient_check` compares central finite differences of lse with
softmax at one point. All values come from :mod:`softlse_core` (``lse``, ``softmax``,
``onehot_argmax``, ``lse_gradient_fd``); nothing here re-implements them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from softlse_app.common.square_grid import square_grid
from softlse_core import lse, lse_gradient_fd, onehot_argmax, softmax
from softlse_core.array_input import check_finite_nonzero_lam

TieRule = Literal["split", "first"]


@dataclass(frozen=True)
class SoftmaxPanels:
    """softmax((x, y), λ) for several λ and the one-hot argmax, on one grid.

    ``axis`` (float64, shape (res,)) holds the x and y coordinates; ``values`` (float32, shape
    (len(lams) + 1, 2, res, res)) holds ``values[c, k, i, j]`` = σ_{k+1} at
    (x, y) = (axis[j], axis[i]) for column c: one column per λ in the ``lams`` given to
    :func:`softmax_panels`, in that order, then the one-hot argmax under its ``ties`` rule.
    Row i = 0 is y = −extent (origin bottom-left, as plotly draws heatmaps).
    """

    axis: NDArray[np.float64]
    values: NDArray[np.float32]


def softmax_panels(
    extent: float, resolution: int, lams: Sequence[float], ties: TieRule = "split"
) -> SoftmaxPanels:
    """softmax of the pair (x, y) on [−extent, extent]² (``resolution`` points per axis) for
    each λ in ``lams`` (any nonzero values; λ < 0 is the soft minimum), followed by
    ``onehot_argmax`` with the tie rule ``ties`` ("split": 1/2 each on x = y; "first": numpy's
    argmax, σ₁ = 1 on x = y, as the sheet did). Returned as float32 to keep the page light."""
    grid = square_grid(extent, resolution)
    values = np.empty((len(lams) + 1, 2, resolution, resolution), dtype=np.float32)
    for column, lam in enumerate(lams):
        values[column] = softmax(grid.stacked, lam, axis=0)
    values[-1] = onehot_argmax(grid.stacked, axis=0, ties=ties)
    return SoftmaxPanels(axis=grid.axis, values=values)


@dataclass(frozen=True)
class GradientField:
    """lse((x, y), λ) on a fine grid and its gradient on a coarse grid of arrow positions, for
    the λ given to :func:`lse_gradient_field`.

    ``lse_values[i, j]`` (float32) is lse at (axis[j], axis[i]); ``arrows[:, i, j]`` is
    softmax((arrow_axis[j], arrow_axis[i]), λ) = ∇lse there: both components in [0, 1],
    summing to 1 (for λ < 0, the gradient of the soft minimum, the weight sits on the smaller
    coordinate).
    """

    axis: NDArray[np.float64]
    lse_values: NDArray[np.float32]
    arrow_axis: NDArray[np.float64]
    arrows: NDArray[np.float64]


def lse_gradient_field(
    extent: float, resolution: int, lam: float, arrows_per_axis: int = 15
) -> GradientField:
    """lse of the pair (x, y) on [−extent, extent]² with ``resolution`` points per axis, and
    its gradient softmax((x, y), λ) on a coarser grid of ``arrows_per_axis`` points per axis
    over the same square. λ must be finite and nonzero (lse diverges at λ = 0)."""
    check_finite_nonzero_lam(lam, "the gradient field")
    grid = square_grid(extent, resolution)
    coarse = square_grid(extent, arrows_per_axis)
    return GradientField(
        axis=grid.axis,
        lse_values=np.asarray(lse(grid.stacked, lam, axis=0), dtype=np.float32),
        arrow_axis=coarse.axis,
        arrows=np.asarray(softmax(coarse.stacked, lam, axis=0), dtype=np.float64),
    )


@dataclass(frozen=True)
class GradientCheck:
    """∇lse by central finite differences next to softmax at one point σ = (x, y).

    ``difference`` = ``finite_difference`` − ``softmax`` componentwise; ``max_abs_difference``
    is its largest magnitude (≈ 1e-10 or smaller where the sheet's identity holds).
    """

    point: tuple[float, float]
    lam: float
    lse_value: float
    finite_difference: NDArray[np.float64]
    softmax: NDArray[np.float64]

    @property
    def difference(self) -> NDArray[np.float64]:
        return self.finite_difference - self.softmax

    @property
    def max_abs_difference(self) -> float:
        return float(np.max(np.abs(self.difference)))


def gradient_check(x: float, y: float, lam: float) -> GradientCheck:
    """Compare ``lse_gradient_fd((x, y), λ)`` (central differences, step scaled by 1/|λ|) with
    ``softmax((x, y), λ)``. λ must be finite and nonzero; x and y finite."""
    point = np.array([x, y], dtype=np.float64)
    if not np.all(np.isfinite(point)):
        raise ValueError(f"the check point must be finite, got ({x!r}, {y!r})")
    return GradientCheck(
        point=(float(x), float(y)),
        lam=float(lam),
        lse_value=float(lse(point, lam)),
        finite_difference=np.asarray(lse_gradient_fd(point, lam), dtype=np.float64),
        softmax=np.asarray(softmax(point, lam), dtype=np.float64),
    )
