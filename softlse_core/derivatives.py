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
from softlse_core.wide_spread import TINY_LAM

__all__ = ["lse_gradient_fd", "lse_hessian", "softmax_lambda_sweep"]

_FD_BLOCK = 1 << 20  # elements per block of perturbed copies
_EPS = float(np.finfo(np.float64).eps)
#: The largest default step (2¹⁰⁰⁰): at a λ so small that ∛ε/|λ| overflows, lse overflows too.
_LARGEST_STEP = 2.0**1000


def _vector(x: ArrayLike) -> NDArray[np.float64]:
    arr = as_float_array(x)[0].astype(np.float64, copy=False)  # refuses what is not real
    if arr.ndim != 1:
        raise ValueError(f"expected a 1-D vector, got shape {arr.shape}")
    return arr


def lse_gradient_fd(x: ArrayLike, lam: float = 1.0, h: float | None = None) -> NDArray[np.float64]:
    r"""Central finite differences of lse(·, λ) at the vector ``x``: approximately softmax.

    .. math::

        g_i = \frac{\operatorname{lse}(x + h e_i, λ) - \operatorname{lse}(x - h e_i, λ)}
                   {(x_i + h) - (x_i - h)}
            \approx \frac{\partial \operatorname{lse}}{\partial x_i}(x, λ)
            = \operatorname{softmax}(x, λ)_i

    (sheet 7, 1(c)), where the denominator is the step as represented in floating point.

    Parameters
    ----------
    x : array_like
        A 1-D vector of real numbers.
    lam : float, optional
        The inverse temperature λ: finite and nonzero. Default 1.
    h : float, optional
        The step, positive and finite. Default ∛(ε·max(1, log n))/|λ|, for each entry at
        least 4 units in the last place of it (after the shift below): the differences are
        taken at x − a with a = max(x) for λ > 0 (min(x) for λ < 0), which has the same
        gradient, so each lse there is at most log(n)/|λ| in size and rounds by about
        ε·log(n)/|λ|; the truncation error is about h²·λ²/6, and this step balances the two.
        An entry far below the others (λ·(x_i − a) < −745) gets its own larger step, over which
        lse does not change: its difference is 0, as its softmax entry is.

    Returns
    -------
    numpy.ndarray
        The n differences, float64.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D, λ is 0, ±inf or NaN, or ``h`` is not positive and finite.

    See Also
    --------
    softmax : the exact gradient.

    Notes
    -----
    Edge cases: an empty vector gives an empty result; an infinite or NaN entry gives NaN
    differences where lse(x ± h·e_i) is infinite on both sides or NaN (the shift uses the
    finite entries); where lse itself overflows (|λ| below about log(n)/1.8e308) the
    differences are NaN; no RuntimeWarning is emitted. The vectors x ± h·e_i are evaluated
    in blocks, so a long ``x`` does not need n² memory at once.

    Examples
    --------
    >>> from softlse_core import lse_gradient_fd, softmax
    >>> print(lse_gradient_fd([1, 2, 3], 1.0))
    [0.09003057 0.24472847 0.66524096]
    >>> print(softmax([1, 2, 3], 1.0))
    [0.09003057 0.24472847 0.66524096]
    """
    lam = check_finite_nonzero_lam(lam, "the gradient of lse")
    vec = _vector(x)
    n = vec.size
    default_step = h is None
    if h is None:
        h = min(float(np.cbrt(_EPS * max(1.0, math.log(max(n, 1))))) / abs(lam), _LARGEST_STEP)
    if not (math.isfinite(h) and h > 0):
        raise ValueError(f"the step h must be a positive finite number, got {h!r}")
    finite = vec[np.isfinite(vec)]
    shift = float(finite.max() if lam > 0 else finite.min()) if finite.size else 0.0
    with np.errstate(all="ignore"):
        centred = vec - shift  # the same gradient; lse of it is at most log(n)/|λ| in size
        steps = np.full(n, h)
        if default_step:  # at least 4 ulps of each entry: x_i ± h must differ from x_i
            np.maximum(steps, 4 * np.spacing(np.abs(np.nan_to_num(centred))), out=steps)
        grad = np.empty(n)
        rows_per_block = max(1, _FD_BLOCK // max(n, 1))
        for start in range(0, n, rows_per_block):
            idx = np.arange(start, min(n, start + rows_per_block))
            rows = np.arange(idx.size)
            plus = np.tile(centred, (idx.size, 1))
            minus = plus.copy()
            plus[rows, idx] += steps[idx]
            minus[rows, idx] -= steps[idx]
            step = plus[rows, idx] - minus[rows, idx]
            grad[idx] = (lse(plus, lam, axis=-1) - lse(minus, lam, axis=-1)) / step
    return grad


def lse_hessian(x: ArrayLike, lam: float = 1.0) -> NDArray[np.float64]:
    r"""Hessian of lse(·, λ) at the vector ``x``.

    .. math::

        \nabla^2_x \operatorname{lse}(x, λ) = λ \left(\operatorname{diag}(p) - p p^T\right),
        \qquad p = \operatorname{softmax}(x, λ)

    Symmetric, with rows summing to 0 (lse(x + c·1) = lse(x) + c), positive semidefinite
    for λ > 0 (lse is convex) and negative semidefinite for λ < 0.

    Parameters
    ----------
    x : array_like
        A 1-D vector of n real numbers.
    lam : float, optional
        The inverse temperature λ: finite, any sign. Default 1.

    Returns
    -------
    numpy.ndarray
        The (n, n) matrix, float64.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D, or λ is ±inf (the limit max is not twice differentiable at
        ties) or NaN.

    Notes
    -----
    Edge cases: at λ = 0 it is the zero matrix (the limit); the entries inherit softmax's
    edge cases (NaN in x gives NaN).

    Examples
    --------
    >>> from softlse_core import lse_hessian
    >>> print(lse_hessian([1.0, 2.0], 1.0))
    [[ 0.19661193 -0.19661193]
     [-0.19661193  0.19661193]]
    """
    lam = check_lam(lam)
    if math.isinf(lam):
        raise ValueError("the Hessian of lse needs a finite λ")
    p = softmax(_vector(x), lam)
    return lam * (np.diag(p) - np.outer(p, p)) + 0.0  # + 0.0: no −0.0 entries at λ = 0


def softmax_lambda_sweep(x: ArrayLike, lams: ArrayLike) -> NDArray[Any]:
    r"""softmax(x, λ) for every λ in ``lams``, one row per λ.

    .. math::

        S_{r k} = \operatorname{softmax}(x, λ_r)_k

    Parameters
    ----------
    x : array_like
        A 1-D vector of n real numbers.
    lams : array_like
        The inverse temperatures, any real numbers but NaN (0 and ±inf included).

    Returns
    -------
    numpy.ndarray
        Shape (len(lams), n). Row r is ``softmax(x, lams[r])``, computed in float64 and
        rounded once to the dtype of :func:`softmax`'s result (float32 stays float32). For
        float64 input the rows agree with :func:`softmax`'s to a unit or two in the last place;
        for a float32 pair (n = 2), which :func:`softmax` computes in float32, they may
        differ from it by up to :func:`softmax`'s float32 error bound.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or some λ is NaN.

    Notes
    -----
    Edge cases: every row has all of softmax's (λ = 0 uniform, ±inf one-hot with ties split,
    λ < 0 the soft minimum, infinities in x). Finite λ and finite x are computed in one
    vectorised pass, the others row by row.

    Examples
    --------
    >>> import numpy as np
    >>> from softlse_core import softmax_lambda_sweep
    >>> print(softmax_lambda_sweep([1, 2, 3], [0.0, 1.0, 10.0, np.inf, -1.0]))
    [[3.33333333e-01 3.33333333e-01 3.33333333e-01]
     [9.00305732e-02 2.44728471e-01 6.65240956e-01]
     [2.06106005e-09 4.53978686e-05 9.99954600e-01]
     [0.00000000e+00 0.00000000e+00 1.00000000e+00]
     [6.65240956e-01 2.44728471e-01 9.00305732e-02]]
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
    fast &= np.abs(lam_arr) >= TINY_LAM  # a tiny λ may need softmax's halving (wide_spread)
    if fast.any():
        lam_f = lam_arr[fast][:, None]
        pivot = np.where(lam_f > 0, work.max(), work.min())
        with np.errstate(all="ignore"):
            e = np.exp((work[None, :] - pivot) * lam_f)
            out[fast] = e / np.sum(e, axis=-1, keepdims=True)
    for r in np.flatnonzero(~fast):
        out[r] = softmax(vec, float(lam_arr[r]))
    return out
