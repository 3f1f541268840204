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

from softlse_core.array_input import along_axis, check_lam, reduced_result, widened
from softlse_core.logsumexp_kernels import lse_along_axis, lse_pairs

__all__ = ["lse", "naive_lse"]


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
    arr, out_dtype, ax, _ = along_axis(x, axis)
    if arr.shape[ax] == 2 and math.isfinite(lam) and arr.dtype.itemsize <= 8:
        return reduced_result(lse_pairs(arr, lam, ax, out_dtype), out_dtype, ax, keepdims)
    work = widened(arr)
    reduced_shape = work.shape[:ax] + work.shape[ax + 1 :]
    if work.shape[ax] == 0:
        result: NDArray[Any] = np.full(reduced_shape, -math.inf if lam > 0 else math.inf)
    elif math.isinf(lam):
        with np.errstate(invalid="ignore"):
            result = np.max(work, axis=ax) if lam > 0 else np.min(work, axis=ax)
    else:
        result = lse_along_axis(work, lam, ax)
    return reduced_result(result, out_dtype, ax, keepdims)


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
