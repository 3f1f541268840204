"""Log-sum-exp with an inverse temperature λ, computed exactly and fast.

    lse(x, λ) = (1/λ) · log Σ_j exp(λ·x_j)

The algorithm is Algorithm 4.1 of Blanchard, Higham & Higham, "Accurately computing the
log-sum-exp and softmax functions", IMA J. Numer. Anal. 41 (2021): with the pivot
a = max(x) (a = min(x) for λ < 0), form t_j = λ·(x_j − a) ≤ 0 — never λ·x, which would
overflow for λ = 1e6 and x near 1e300 —, leave the m entries with t_j = 0 out of the sum
s = Σ exp(t_j), and return a + (log(m) + log1p(s/m))/λ. Keeping the maxima out of s is
what makes lse([0, −40]) = 4.248354255291589e-18 instead of 0.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from softlse_core.array_input import (
    as_float_array,
    as_real_array,
    check_lam,
    normalize_axis,
    widened,
)
from softlse_core.logsumexp_kernels import lse_along_axis, lse_pairs

__all__ = ["lse", "lse_gap_bounds", "naive_lse"]


def _prepare(x: ArrayLike, axis: int) -> tuple[NDArray[Any], np.dtype[Any], int]:
    work, out_dtype = as_float_array(x)
    if work.ndim == 0:
        work = work.reshape(1)
    return work, out_dtype, normalize_axis(axis, work.ndim)


def _finish(result: NDArray[Any], out_dtype: np.dtype[Any], axis: int, keepdims: bool) -> Any:
    result = np.asarray(result)
    if keepdims:
        result = np.expand_dims(result, axis)
    return result.astype(out_dtype, copy=False)[()]


def lse(x: ArrayLike, lam: float = 1.0, axis: int = -1, keepdims: bool = False) -> Any:
    """Log-sum-exp with inverse temperature λ: (1/λ)·log Σ_j exp(λ·x_j) along ``axis``.

    Computed by Algorithm 4.1 of Blanchard, Higham & Higham (2021): shift by the max
    (the min for λ < 0), apply λ to the differences λ·(x_j − x_max), keep the m maxima out of
    the sum s and return x_max + (log(m) + log1p(s/m))/λ. So lse([0, −40]) is
    4.248354255291589e-18 (not 0), and for λ > 0 and finite x the bounds
    max(x) ≤ lse(x, λ) ≤ max(x) + log(n)/λ hold exactly in floating point.

    Edge cases:

    - λ < 0 is the soft minimum: lse(x, λ) = −lse(−x, −λ) (bit for bit).
    - λ = 0 raises ``ValueError``: lse(x, λ) diverges like log(n)/λ as λ → 0.
    - λ = +inf gives max(x), λ = −inf gives min(x). λ = NaN raises ``ValueError``.
    - A NaN in a slice makes that slice NaN. For λ > 0 a +inf entry gives +inf and a slice of
      only −inf gives −inf (mirrored for λ < 0: −inf entry → −inf, all +inf → +inf).
    - An empty slice gives −inf for λ > 0, as scipy does (the log of an empty sum), and +inf
      for λ < 0 (the mirror image).
    - ints and bools are computed as float64; float32 (and float16) input is computed in
      float64 and the result is rounded once to the input's dtype.
    - No RuntimeWarning is emitted.

    Returns a NumPy scalar for 1-D input, otherwise an array without ``axis`` (kept with
    length 1 if ``keepdims``).
    """
    lam = check_lam(lam)
    if lam == 0.0:
        raise ValueError(
            "lse is undefined at λ = 0: (1/λ)·log Σ exp(λ·x_j) diverges like log(n)/λ as "
            "λ → 0; use a nonzero λ (softmax at λ = 0 is the uniform distribution)"
        )
    arr, out_dtype = as_real_array(x)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    ax = normalize_axis(axis, arr.ndim)
    if arr.shape[ax] == 2 and math.isfinite(lam) and arr.dtype.itemsize <= 8:
        return _finish(lse_pairs(arr, lam, ax, out_dtype), out_dtype, ax, keepdims)
    work = widened(arr)
    reduced_shape = work.shape[:ax] + work.shape[ax + 1 :]
    if work.shape[ax] == 0:
        result: NDArray[Any] = np.full(reduced_shape, -math.inf if lam > 0 else math.inf)
    elif math.isinf(lam):
        with np.errstate(invalid="ignore"):
            result = np.max(work, axis=ax) if lam > 0 else np.min(work, axis=ax)
    else:
        result = lse_along_axis(work, lam, ax)
    return _finish(result, out_dtype, ax, keepdims)


def naive_lse(x: ArrayLike, lam: float = 1.0, axis: int = -1) -> Any:
    """The textbook formula (1/λ)·log(Σ_j exp(λ·x_j)), computed literally as the sheet did.

    No shift: exp(λ·x_j) overflows to inf once λ·x_j > 709.78 (88.72 in float32) and the
    result becomes inf; if every term underflows the result is −inf; λ·x = inf − inf gives
    NaN. It is computed in the input's floating dtype (float32 stays float32, ints become
    float64), quietly: no RuntimeWarning is emitted. For teaching only — use :func:`lse`.
    """
    lam = check_lam(lam)
    arr = np.asarray(x)
    dtype = arr.dtype if arr.dtype.kind == "f" else np.dtype(np.float64)
    arr = arr.astype(dtype, copy=False)
    lam_t = dtype.type(lam)
    with np.errstate(all="ignore"):
        total = np.sum(np.exp(lam_t * arr), axis=axis)
        result = np.log(total) / lam_t
    return np.asarray(result, dtype=dtype)[()]


def lse_gap_bounds(x: ArrayLike, lam: float = 1.0, axis: int = -1) -> tuple[Any, Any]:
    """The tight bounds ``(low, high)`` of lse(x, λ) − max(x) (of lse − min for λ < 0).

    With n the length of the slice and m the number of entries equal to its max:

    - λ > 0: log(m)/λ ≤ lse(x, λ) − max(x) ≤ log(n)/λ (low when all but the maxima are −inf,
      high when all entries are equal);
    - λ < 0: −log(n)/|λ| ≤ lse(x, λ) − min(x) ≤ −log(m)/|λ|, with m the number of minima;
    - λ = ±inf: (0, 0). λ = 0 or NaN raises ``ValueError`` (the gap is unbounded).

    A slice containing NaN gets NaN bounds; an empty slice gets (NaN, NaN).
    """
    lam = check_lam(lam)
    if lam == 0.0:
        raise ValueError("the gap lse − max is unbounded at λ = 0 (it grows like log(n)/λ)")
    work, out_dtype, ax = _prepare(x, axis)
    n = work.shape[ax]
    if n == 0:
        empty = np.full(work.shape[:ax] + work.shape[ax + 1 :], math.nan)
        return _finish(empty, out_dtype, ax, False), _finish(empty, out_dtype, ax, False)
    with np.errstate(all="ignore"):
        pivot = np.max(work, axis=ax, keepdims=True)
        if lam < 0:
            pivot = np.min(work, axis=ax, keepdims=True)
        m = np.count_nonzero(work == pivot, axis=ax).astype(np.float64)
        pivot = np.squeeze(pivot, axis=ax) if n else np.full(m.shape, math.nan)
        m_term = np.log(m) / lam + 0.0 if math.isfinite(lam) else np.zeros_like(m)
        n_term = np.full_like(m, math.log(n) / lam if math.isfinite(lam) and n else 0.0)
        bad = np.isnan(pivot) | (m == 0)
        m_term = np.where(bad, math.nan, m_term)
        n_term = np.where(bad, math.nan, n_term)
    low, high = (m_term, n_term) if lam > 0 else (n_term, m_term)
    return _finish(low, out_dtype, ax, False), _finish(high, out_dtype, ax, False)
