"""Softmax with an inverse temperature λ, its λ → ±∞ limit and the naive formula.

    softmax(x, λ)_k = exp(λ·x_k) / Σ_j exp(λ·x_j)

computed as exp(λ·(x_k − a)) / Σ_j exp(λ·(x_j − a)) with a = max(x) (min(x) for λ < 0),
the shifted division formula analysed by Blanchard, Higham & Higham (2021, §4).
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from softlse_core.array_input import (
    as_float_array,
    as_real_array,
    check_lam,
    normalize_axis,
    widened,
)
from softlse_core.softmax_kernels import softmax_pairs, softmax_shifted

__all__ = ["naive_softmax", "onehot_argmax", "softmax"]


def _prepare(x: ArrayLike, axis: int) -> tuple[NDArray[Any], np.dtype[Any], int, tuple[int, ...]]:
    work, out_dtype = as_float_array(x)
    shape = work.shape
    if work.ndim == 0:
        work = work.reshape(1)
    return work, out_dtype, normalize_axis(axis, work.ndim), shape


def onehot_argmax(
    x: ArrayLike, axis: int = -1, ties: Literal["split", "first"] = "split"
) -> NDArray[Any]:
    """One-hot argmax along ``axis``: the λ → ∞ limit of softmax(x, λ).

    - ``ties="split"`` (default): 1/m on each of the m entries equal to the max, 0 elsewhere —
      the actual limit of softmax.
    - ``ties="first"``: 1 at numpy's ``argmax`` (the first maximum), as the sheet did.

    A slice containing NaN is NaN. +inf entries are maxima like any other. The result has the
    shape of ``x`` and a float dtype (float64 for int/bool input, float32 for float32).
    """
    if ties not in ("split", "first"):
        raise ValueError(f"ties must be 'split' or 'first', got {ties!r}")
    work, out_dtype, ax, shape = _prepare(x, axis)
    if work.shape[ax] == 0:
        return np.zeros(shape, dtype=out_dtype)
    with np.errstate(all="ignore"):
        top = np.max(work, axis=ax, keepdims=True)
        if ties == "split":
            is_top = work == top
            p = is_top / np.count_nonzero(is_top, axis=ax, keepdims=True)
        else:
            p = np.zeros(work.shape)
            np.put_along_axis(p, np.argmax(work, axis=ax, keepdims=True), 1.0, axis=ax)
            p = np.where(np.isnan(top), math.nan, p)
    return p.astype(out_dtype, copy=False).reshape(shape)


def softmax(x: ArrayLike, lam: float = 1.0, axis: int = -1) -> NDArray[Any]:
    """Softmax with inverse temperature λ: exp(λ·x_k) / Σ_j exp(λ·x_j) along ``axis``.

    The default axis is the last one, as in torch and JAX (``scipy.special.softmax``
    normalises over the whole array by default).

    Computed as exp(λ·(x_k − a)) / Σ_j exp(λ·(x_j − a)) with a = max(x) for λ > 0 and
    a = min(x) for λ < 0 (Blanchard, Higham & Higham 2021, §4): λ multiplies differences, so
    nothing overflows, each entry is accurate to (n + 2 + 2|λ|·(max − min))·u relative to
    itself and the entries sum to 1 within n·u. The result is invariant under x → x + c
    (softmax([1, 2, 3]) = softmax([11, 12, 13]) = [0.09003057, 0.24472847, 0.66524096]).

    Edge cases:

    - λ < 0 concentrates on the minima: softmax(x, λ) = softmax(−x, −λ).
    - λ = 0 gives the uniform distribution 1/n. λ = +inf gives ``onehot_argmax(x)`` and
      λ = −inf ``onehot_argmax(−x)`` (ties split). λ = NaN raises ``ValueError``.
    - A NaN in a slice makes that slice NaN. A +inf entry (λ > 0) gives the uniform
      distribution over the +inf entries — the limit of softmax; scipy, torch and JAX return
      NaN there. A slice of all −inf is NaN (0/0; there is no limit). For λ < 0 the roles of
      +inf and −inf swap.
    - An empty slice gives an empty result.
    - ints and bools are computed as float64; float32 is computed in float64 and returned as
      float32. No RuntimeWarning is emitted.
    """
    lam = check_lam(lam)
    arr, out_dtype = as_real_array(x)
    shape = arr.shape
    if arr.ndim == 0:
        arr = arr.reshape(1)
    ax = normalize_axis(axis, arr.ndim)
    n = arr.shape[ax]
    if n == 0:
        return np.empty(shape, dtype=out_dtype)
    if n == 2 and math.isfinite(lam) and lam != 0.0 and arr.dtype.itemsize <= 8:
        return softmax_pairs(arr, lam, ax, out_dtype).reshape(shape)
    work = widened(arr)
    with np.errstate(all="ignore"):
        if lam == 0.0:
            p = np.full(work.shape, 1.0 / n)
            has_nan = np.any(np.isnan(work), axis=ax, keepdims=True)
            p = np.where(has_nan, math.nan, p)
        elif math.isinf(lam):
            p = onehot_argmax(work if lam > 0 else -work, axis=ax)
            losing_inf = np.all(work == -math.copysign(math.inf, lam), axis=ax, keepdims=True)
            p = np.where(losing_inf, math.nan, p)
        else:
            p = softmax_shifted(work, lam, ax)
    return np.asarray(p).astype(out_dtype, copy=False).reshape(shape)


def naive_softmax(x: ArrayLike, lam: float = 1.0, axis: int = -1) -> NDArray[Any]:
    """The textbook formula exp(λ·x_k) / Σ_j exp(λ·x_j), computed literally as the sheet did.

    No shift: once some λ·x_j > 709.78 (88.72 in float32) exp overflows and the result
    contains inf/inf = NaN; when every term underflows it is 0/0 = NaN. Computed in the input's
    floating dtype (ints become float64), quietly: no RuntimeWarning. For teaching only — use
    :func:`softmax`.
    """
    lam = check_lam(lam)
    arr = np.asarray(x)
    dtype = arr.dtype if arr.dtype.kind == "f" else np.dtype(np.float64)
    arr = arr.astype(dtype, copy=False)
    with np.errstate(all="ignore"):
        e = np.exp(dtype.type(lam) * arr)
        return e / np.sum(e, axis=axis, keepdims=True)
