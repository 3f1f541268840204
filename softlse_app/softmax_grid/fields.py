"""Softmax and log-sum-exp of the pair (x, y) on a square grid, and the gradient connection.

For σ = (x, y) the two components of softmax(σ, λ) are

    σ₁ = 1 / (1 + exp(−λ(x − y))),    σ₂ = 1 − σ₁,

a logistic function of λ(x − y): the boundary σ₁ = σ₂ = 1/2 is the diagonal x = y, λ sets how
sharp it is, and as λ → +∞ softmax tends to ``onehot_argmax``. For λ < 0 the roles swap (soft
minimum).

Sheet 7, 1(c): ∇_σ lse(σ, λ) = softmax(σ, λ). :func:`lse_gradient_field` samples lse on a fine
grid and its gradient — the softmax vector, non-negative and summing to 1 — on a coarse grid
of arrow positions; :func:`gradient_check` compares central finite differences of lse with
softmax at one point. All values come from :mod:`softlse_core` (``lse``, ``softmax``,
``onehot_argmax``, ``lse_gradient_fd``); nothing here re-implements them, the tie rule
included.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from softlse_app.common.square_grid import square_grid
from softlse_core import TieRule, lse, lse_gradient_fd, onehot_argmax, softmax
from softlse_core.array_input import check_finite_nonzero_lam

#: σ₁ goes from 0.1 to 0.9 across the band |λ(x − y)| < log 9 around the diagonal.
LOGISTIC_10_90 = math.log(9.0)


@dataclass(frozen=True)
class SoftmaxPanel:
    """σ₁ and σ₂ of softmax((x, y), λ) — or of its one-hot limit — on one square grid.

    ``axis`` (float64, shape (res,)) holds the x and y coordinates; ``sigma`` (float32, shape
    (2, res, res)) holds ``sigma[k, i, j]`` = σ_{k+1} at (x, y) = (axis[j], axis[i]). Row i = 0
    is y = −extent (origin bottom-left, as plotly draws heatmaps).
    """

    axis: NDArray[np.float64]
    sigma: NDArray[np.float32]


def softmax_panel(extent: float, resolution: int, lam: float) -> SoftmaxPanel:
    """softmax((x, y), λ) on [−extent, extent]² with ``resolution`` points per axis, for any
    nonzero λ (λ < 0 is the soft minimum). Sent to the screen as float32: it resolves σ to
    6e-8, far below what a colour shows."""
    grid = square_grid(extent, resolution)
    sigma = np.asarray(softmax(grid.stacked, lam, axis=0), dtype=np.float32)
    return SoftmaxPanel(axis=grid.axis, sigma=sigma)


def onehot_panel(extent: float, resolution: int, ties: TieRule) -> SoftmaxPanel:
    """``onehot_argmax((x, y), ties)`` on the same grid: the λ → +∞ limit of softmax, with the
    weights on the diagonal x = y set by the tie rule (see :func:`tie_weights`)."""
    grid = square_grid(extent, resolution)
    sigma = np.asarray(onehot_argmax(grid.stacked, axis=0, ties=ties), dtype=np.float32)
    return SoftmaxPanel(axis=grid.axis, sigma=sigma)


def tie_weights(ties: TieRule) -> tuple[float, float]:
    """(σ₁, σ₂) of the one-hot argmax on the diagonal x = y, from the core's rule:
    (0.5, 0.5) for "split" (the true limit of softmax), (1.0, 0.0) for "first" (numpy's
    argmax, as the sheet did)."""
    first, second = onehot_argmax(np.zeros(2), ties=ties)
    return float(first), float(second)


def transition_halfwidth(lam: float) -> float:
    """Half-width in x − y of the band around the diagonal where σ₁ lies between 0.1 and 0.9:
    log 9 / |λ|."""
    return LOGISTIC_10_90 / abs(lam)


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


def lse_and_gradient_table(extent: float, resolution: int, lam: float) -> NDArray[np.float64]:
    """Rows (x, y, lse, ∂lse/∂x, ∂lse/∂y) at every point of the grid, float64, the gradient
    being softmax((x, y), λ): what the gradient-field chart shows, at full precision."""
    check_finite_nonzero_lam(lam, "the gradient field")
    grid = square_grid(extent, resolution)
    gradient = softmax(grid.stacked, lam, axis=0)
    columns = (*grid.stacked, lse(grid.stacked, lam, axis=0), *gradient)
    return np.column_stack([np.ravel(c) for c in columns])


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
