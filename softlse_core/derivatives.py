"""Derivatives of log-sum-exp and sweeps of softmax over λ.

- ∇_x lse(x, λ) = softmax(x, λ) (sheet 7, 1(c)); :func:`lse_gradient_fd` checks it with
  central finite differences.
- ∇²_x lse(x, λ) = λ·(diag(p) − p·pᵀ) with p = softmax(x, λ) (:func:`lse_hessian`): symmetric,
  rows summing to 0 (lse(x + c·1) = lse(x) + c), positive semidefinite for λ > 0.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from softlse_core.array_input import as_float_array, check_finite_nonzero_lam, check_lam
from softlse_core.logsumexp import lse
from softlse_core.softmax import softmax

__all__ = ["lse_gradient_fd", "lse_hessian", "softmax_lambda_sweep"]

_FD_BLOCK = 1 << 20  # elements per block of perturbed copies


def _vector(x: ArrayLike) -> NDArray[np.float64]:
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"expected a 1-D vector, got shape {arr.shape}")
    return arr


def lse_gradient_fd(x: ArrayLike, lam: float = 1.0, h: float | None = None) -> NDArray[np.float64]:
    """Central finite differences of lse(·, λ) at the vector ``x``, in float64.

    g_i = (lse(x + h·e_i, λ) − lse(x − h·e_i, λ)) / (actual step), where the actual step is
    (x_i + h) − (x_i − h) as represented in floating point. The truncation error is
    O(h²·λ²); the default h = ∛ε·max(1, max|x|)/max(1, |λ|) balances it against rounding.
    The result approximates softmax(x, λ) (the exact gradient). λ must be finite and nonzero.
    """
    lam = check_finite_nonzero_lam(lam, "the gradient of lse")
    vec = _vector(x)
    n = vec.size
    if h is None:
        scale = max(1.0, float(np.max(np.abs(vec)))) if n else 1.0
        h = np.cbrt(np.finfo(np.float64).eps) * scale / max(1.0, abs(lam))
    if not (math.isfinite(h) and h > 0):
        raise ValueError(f"the step h must be a positive finite number, got {h!r}")
    grad = np.empty(n)
    rows_per_block = max(1, _FD_BLOCK // max(n, 1))
    for start in range(0, n, rows_per_block):
        idx = np.arange(start, min(n, start + rows_per_block))
        plus = np.tile(vec, (idx.size, 1))
        minus = plus.copy()
        plus[np.arange(idx.size), idx] += h
        minus[np.arange(idx.size), idx] -= h
        step = plus[np.arange(idx.size), idx] - minus[np.arange(idx.size), idx]
        grad[idx] = (lse(plus, lam, axis=-1) - lse(minus, lam, axis=-1)) / step
    return grad


def lse_hessian(x: ArrayLike, lam: float = 1.0) -> NDArray[np.float64]:
    """Hessian of lse(·, λ) at the vector ``x``: λ·(diag(p) − p·pᵀ) with p = softmax(x, λ).

    Returns an (n, n) float64 matrix. At λ = 0 it is the zero matrix (the limit). λ = ±inf
    raises ``ValueError``: the limit max is not twice differentiable at ties.
    """
    lam = check_lam(lam)
    if math.isinf(lam):
        raise ValueError("the Hessian of lse needs a finite λ")
    p = softmax(_vector(x), lam)
    return lam * (np.diag(p) - np.outer(p, p))


def softmax_lambda_sweep(x: ArrayLike, lams: ArrayLike) -> NDArray[Any]:
    """softmax(x, λ) for every λ in ``lams``: an array of shape (len(lams), n).

    Row r equals ``softmax(x, lams[r])`` with all of its edge cases (λ = 0 uniform, ±inf
    one-hot, λ < 0 soft minimum). Finite λ and finite x are computed in one vectorised pass;
    the float dtype follows :func:`softmax` (float32 stays float32).
    """
    vec = np.asarray(x)
    if vec.ndim != 1:
        raise ValueError(f"expected a 1-D vector, got shape {vec.shape}")
    lam_arr = np.asarray(lams, dtype=np.float64).reshape(-1)
    for lam in lam_arr:
        check_lam(float(lam))
    _, out_dtype = as_float_array(vec)
    out = np.empty((lam_arr.size, vec.size), dtype=out_dtype)
    work = vec.astype(np.float64)
    if vec.size == 0:
        return out
    fast = np.isfinite(lam_arr) if np.all(np.isfinite(work)) else np.zeros(lam_arr.size, bool)
    if fast.any():
        lam_f = lam_arr[fast][:, None]
        pivot = np.where(lam_f > 0, work.max(), work.min())
        with np.errstate(all="ignore"):
            e = np.exp((work[None, :] - pivot) * lam_f)
            out[fast] = e / np.sum(e, axis=-1, keepdims=True)
    for r in np.flatnonzero(~fast):
        out[r] = softmax(vec, float(lam_arr[r]))
    return out
