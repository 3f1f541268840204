"""The temperature sweep of the "vector lab" page: which components to follow (top-k), the
λ grid from nearly uniform to nearly one-hot, softmax along it and its limits.

Softmax comes from :func:`softlse_core.softmax` (whole vector normalised at every λ) and the
limits from :func:`softlse_core.onehot_argmax`; nothing here re-implements them.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from softlse_core import onehot_argmax, softmax_lambda_sweep

FloatArray = NDArray[np.float64]


def top_k_indices(p: FloatArray, k: int) -> NDArray[np.intp]:
    """Indices of the k largest entries of p, largest first; ties keep the smaller index
    first. k larger than len(p) gives all indices. O(n) selection, then a sort of k."""
    n = p.size
    k = max(0, min(int(k), n))
    if k == 0:
        return np.empty(0, dtype=np.intp)
    key = np.nan_to_num(np.asarray(p, dtype=np.float64), nan=-math.inf)
    if k < n:
        candidates = np.argpartition(-key, k - 1)[:k]
        # argpartition may cut a tie arbitrarily: take every entry tied with the k-th value
        # below the cut by index so the result is deterministic.
        kth = key[candidates].min()
        above = np.flatnonzero(key > kth)
        tied = np.flatnonzero(key == kth)[: k - above.size]
        candidates = np.concatenate([above, tied])
    else:
        candidates = np.arange(n)
    order = np.lexsort((candidates, -key[candidates]))
    return candidates[order].astype(np.intp)


def sweep_magnitudes(
    sigma: FloatArray, lam: float, *, per_decade: int = 24, max_points: int = 400
) -> FloatArray:
    """Log-spaced λ magnitudes for the temperature sweep, always containing |λ|.

    The range starts where softmax is nearly uniform and ends where it is nearly one-hot:
    from min(0.01, 0.01/spread) to max(1000, 30/gap), where spread = max − min of the finite
    entries and gap = the smallest distance between the largest (or smallest) value and the
    next distinct one; both ends are kept within [1e-12, 1e12] and the grid has at most
    ``max_points`` points.
    """
    finite = np.unique(sigma[np.isfinite(sigma)])
    low, high = 0.01, 1000.0
    if finite.size >= 2:
        # Python floats: max − min of ±1e308 is inf with no RuntimeWarning (low then clamps).
        top, second, bottom, next_up = (
            float(v) for v in (finite[-1], finite[-2], finite[0], finite[1])
        )
        spread = top - bottom
        gap = min(top - second, next_up - bottom)
        if spread > 0:
            low = min(low, 0.01 / spread)
        if gap > 0:
            high = max(high, 30.0 / gap)
    low = max(low, 1e-12)
    high = min(high, 1e12)
    decades = math.log10(high) - math.log10(low)
    points = int(min(max_points, max(2, round(decades * per_decade) + 1)))
    grid = np.logspace(math.log10(low), math.log10(high), points)
    return np.unique(np.append(grid, abs(lam)))


def softmax_sweep(sigma: FloatArray, lams: FloatArray, indices: NDArray[np.intp]) -> FloatArray:
    """softmax(σ, λ)[indices] for each λ in ``lams``: shape (len(lams), len(indices)), from
    :func:`softlse_core.softmax_lambda_sweep` (the whole vector is normalised at each λ, so
    the tail still counts; λ = 0 gives the uniform distribution, ±inf the one-hot limit)."""
    rows = np.asarray(softmax_lambda_sweep(sigma, lams), dtype=np.float64)
    return rows[:, indices]


def softmax_limits(sigma: FloatArray, indices: NDArray[np.intp]) -> dict[str, FloatArray]:
    """The limits of softmax(σ, λ)[indices]: ``"zero"`` the uniform 1/n (λ → 0), ``"plus"``
    one-hot on the maxima split over ties (λ → +∞), ``"minus"`` on the minima (λ → −∞)."""
    n = sigma.size
    return {
        "zero": np.full(len(indices), 1.0 / n),
        "plus": np.asarray(onehot_argmax(sigma), dtype=np.float64)[indices],
        "minus": np.asarray(onehot_argmax(-sigma), dtype=np.float64)[indices],
    }
