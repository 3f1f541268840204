"""The gap between log-sum-exp and the maximum, computed directly, and its tight bounds.

For λ > 0, lse(x, λ) − max(x) = log(m + Σ_{x_j < max} exp(−λ·(max − x_j)))/λ with m the
number of maxima (for λ < 0 the same with the minimum, and the gap is ≤ 0). Computed as a
difference of two floats it is rounding noise as soon as it falls below the last bit of
max(x): lse([1, 2, 3], 100) − 3 is exactly 0.0, while the gap is 3.72e-46. Computed
directly, as the L/λ of Algorithm 4.1 (Blanchard, Higham & Higham 2021), it keeps its full
relative accuracy down to the smallest subnormal.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from softlse_core.array_input import Axis, along_axis, check_lam, widened
from softlse_core.logsumexp_kernels import gap_along_axis, lse_pairs
from softlse_core.wide_spread import doubled, halved_for_tiny_lam

__all__ = ["lse_gap", "lse_gap_bounds"]


def _check_gap_lam(lam: float) -> float:
    lam = check_lam(lam)
    if lam == 0.0:
        raise ValueError("the gap lse − max is unbounded at λ = 0: it grows like log(n)/λ as λ → 0")
    return lam


def lse_gap(x: ArrayLike, lam: float = 1.0, axis: Axis = -1, keepdims: bool = False) -> Any:
    r"""The gap lse(x, λ) − max(x) along ``axis``, computed directly (lse − min for λ < 0).

    .. math::

        \operatorname{gap}(x, λ) = \frac{1}{λ}
            \log\Bigl(m + \sum_{x_j \ne a} e^{λ (x_j - a)}\Bigr)
          = \frac{1}{λ} \Bigl(\log m + \operatorname{log1p}\bigl(\tfrac{s}{m}\bigr)\Bigr)

    with a = max(x) for λ > 0 (min(x) for λ < 0), m the number of entries equal to a and
    s = Σ_{x_j ≠ a} exp(λ·(x_j − a)) the sum over the others. This is the term L/λ that
    Algorithm 4.1 adds to the pivot a; returning it instead of subtracting two nearly equal
    floats keeps its relative accuracy however small it is: for x = [1, 2, 3] and λ = 100
    it is 3.720075976020836e-46, where ``lse(x, 100) - 3`` is 0.0 because lse itself
    rounds to 3.

    Parameters
    ----------
    x : array_like
        Real numbers (ints, bools and floats of any precision).
    lam : float, optional
        The inverse temperature λ, nonzero and not NaN; ±inf allowed. Default 1.
    axis : int, tuple of ints or None, optional
        The axis to reduce (several are taken together as one, None takes the whole
        array). Default: the last.
    keepdims : bool, optional
        Keep the reduced axes with length 1 in the result. Default False.

    Returns
    -------
    numpy.floating or numpy.ndarray
        The gap, of the dtype rules of :func:`softlse_core.lse`: a NumPy scalar for a 1-D
        ``x``, otherwise an array without ``axis``. For λ > 0 it lies in
        [log(m)/λ, log(n)/λ], for λ < 0 in [log(n)/λ, log(m)/λ] — exactly in floating
        point, the bounds :func:`lse_gap_bounds` returns.

    Raises
    ------
    ValueError
        If λ is 0 (the gap grows like log(n)/λ) or NaN.
    TypeError
        If ``x`` is not real numbers (complex, text, dates, ``None`` entries, a masked
        array) or ``axis`` is not an int, a tuple of ints or None.
    numpy.exceptions.AxisError
        If ``axis`` is out of range (``ValueError`` if a tuple names one twice).

    See Also
    --------
    lse_gap_bounds : the interval the gap lies in.
    lse : lse itself, which rounds to max(x) once the gap is below max(x)'s last bit.

    Notes
    -----
    Edge cases:

    - λ < 0: the gap to the minimum, ≤ 0; lse_gap(x, λ) = −lse_gap(−x, −λ). A zero gap is
      returned as 0.0, never −0.0.
    - λ = ±inf: 0 (lse is then the max or the min), NaN for a slice containing NaN.
    - A NaN in a slice makes its gap NaN.
    - Infinite entries: the pivot's infinity counts like any maximum. For λ > 0 a slice with
      m entries equal to +inf has the gap log(m)/λ (the other entries add exp(−inf) = 0):
      the limit of lse − max as those entries grow together, where lse − max itself is
      inf − inf. A slice of only −inf is n equal entries: log(n)/λ. Mirrored for λ < 0.
    - Ties: m maxima give at least log(m)/λ; n equal entries give exactly log(n)/λ.
    - An empty slice has no maximum: NaN.
    - ints and bools are computed as float64; float32 (and float16) are computed in float64
      and rounded once, so a gap below float32's smallest subnormal (1.4e-45), like the
      3.7e-46 above, is 0 in float32.
    - float64 entries more than 1.8e308 apart at a tiny |λ| (below 2⁻¹⁰⁰⁰): computed as
      2·lse_gap(x/2, 2λ), as :func:`softlse_core.lse` does.
    - No RuntimeWarning is emitted.

    The gap is the term L/λ of Algorithm 4.1 of [1]_, computed by the same kernels as
    :func:`softlse_core.lse`. Its relative error is a few units of roundoff u plus
    2u·|λ·(x_j − a)| from rounding the exponents, down to gaps of the order of the smallest
    subnormal (checked against mpmath).

    References
    ----------
    .. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the
       log-sum-exp and softmax functions", IMA J. Numer. Anal. 41(4), 2021,
       doi:10.1093/imanum/draa038.

    Examples
    --------
    >>> import math
    >>> from softlse_core import lse, lse_gap
    >>> float(lse_gap([1, 2, 3], 100.0))
    3.720075976020836e-46
    >>> float(lse([1, 2, 3], 100.0) - 3.0)
    0.0
    >>> float(lse_gap([1, 2, 3], 1.0))
    0.4076059644443803
    >>> float(lse_gap([0.0, 0.0], 2.0)), math.log(2) / 2
    (0.34657359027997264, 0.34657359027997264)
    >>> float(lse_gap([1, 2, 3], -100.0))
    -3.720075976020836e-46
    >>> float(lse_gap([5.0, math.inf, math.inf], 1.0)), float(lse_gap([], 1.0))
    (0.6931471805599453, nan)
    """
    lam = _check_gap_lam(lam)
    given = along_axis(x, axis)
    arr, out_dtype, ax = given.arr, given.out_dtype, given.axis
    arr, lam, halved = halved_for_tiny_lam(arr, lam, arr.shape[ax])  # gap: twice x/2's at 2λ
    n = arr.shape[ax]
    if n == 0:
        result: Any = np.full(arr.shape[:ax] + arr.shape[ax + 1 :], math.nan)
    elif math.isinf(lam):
        result = np.where(np.isnan(arr).any(axis=ax), math.nan, 0.0)
    elif n == 2 and arr.dtype.itemsize <= 8:
        result = lse_pairs(arr, lam, ax, out_dtype, want="gap")
    else:
        result = gap_along_axis(widened(arr), lam, ax)
    result = np.asarray(result)
    if halved:  # the gap of x/2 at 2λ, back to x at λ
        result = doubled(result)
    # + 0: −0.0 (λ < 0, no gap, or a gap that rounds to 0 in float32) becomes 0.0
    return given.reduced(result, keepdims) + out_dtype.type(0.0)


def lse_gap_bounds(x: ArrayLike, lam: float = 1.0, axis: Axis = -1) -> tuple[Any, Any]:
    r"""The tight bounds ``(low, high)`` of the gap lse(x, λ) − max(x) (lse − min for λ < 0).

    .. math::

        λ > 0: \quad \frac{\log m}{λ} \le \operatorname{lse}(x, λ) - \max(x)
            \le \frac{\log n}{λ}, \qquad
        λ < 0: \quad \frac{\log n}{λ} \le \operatorname{lse}(x, λ) - \min(x)
            \le \frac{\log m}{λ}

    with n the length of the slice and m the number of entries equal to its max (its min
    for λ < 0). The lower bound (for λ > 0) is attained when all other entries are −inf,
    the upper when all entries are equal.

    Parameters
    ----------
    x : array_like
        Real numbers.
    lam : float, optional
        The inverse temperature λ, nonzero and not NaN; ±inf allowed. Default 1.
    axis : int, tuple of ints or None, optional
        The axis of the slices (several are taken together as one, None takes the whole
        array). Default: the last one.

    Returns
    -------
    low, high : numpy.floating or numpy.ndarray
        The bounds, each shaped like ``x`` without ``axis`` (NumPy scalars for 1-D ``x``),
        in the dtype rules of :func:`softlse_core.lse`. :func:`lse_gap` lies in
        [low, high] exactly in floating point.

    Raises
    ------
    ValueError
        If λ is 0 (the gap is unbounded: it grows like log(n)/λ) or NaN.

    See Also
    --------
    lse_gap : the gap itself, computed directly.

    Notes
    -----
    Edge cases:

    - λ = ±inf: (0, 0).
    - A slice containing NaN gets NaN bounds; an empty slice gets (NaN, NaN).
    - Infinite entries count as in :func:`lse_gap`: m is the number of entries equal to the
      pivot, even when the pivot is infinite.

    Examples
    --------
    >>> from softlse_core import lse_gap, lse_gap_bounds
    >>> low, high = lse_gap_bounds([1.0, 1.0, 0.0], 2.0)  # m = 2, n = 3
    >>> float(low), float(high)
    (0.34657359027997264, 0.5493061443340549)
    >>> low, high = lse_gap_bounds([1, 2, 3], 100.0)
    >>> float(low) <= float(lse_gap([1, 2, 3], 100.0)) <= float(high)
    True
    >>> [float(bound) for bound in lse_gap_bounds([1, 2, 3], -1.0)]
    [-1.0986122886681098, 0.0]
    >>> [float(bound) for bound in lse_gap_bounds([], 1.0)]
    [nan, nan]
    """
    lam = _check_gap_lam(lam)
    given = along_axis(x, axis)
    work, ax = widened(given.arr), given.axis
    n = work.shape[ax]
    reduced_shape = work.shape[:ax] + work.shape[ax + 1 :]
    if n == 0:
        empty = np.full(reduced_shape, math.nan)
        return given.reduced(empty), given.reduced(empty)
    with np.errstate(all="ignore"):
        if n == 2:  # a grid of pairs: m is 2 where the two entries tie, else 1
            first, second = np.moveaxis(work, ax, 0)
            log_m = (first == second) * np.log(2.0)
            has_nan = np.isnan(first)
            has_nan |= np.isnan(second)
        else:
            reduce = np.max if lam > 0 else np.min
            pivot = reduce(work, axis=ax, keepdims=True)
            log_m = np.log(np.count_nonzero(work == pivot, axis=ax).astype(np.float64))
            has_nan = np.isnan(np.squeeze(pivot, axis=ax))
        if math.isinf(lam):
            m_term = np.zeros(reduced_shape)
            n_term = np.zeros(reduced_shape)
        else:
            m_term = np.asarray(log_m / lam)
            m_term += 0.0  # log(1)/λ is −0.0 for λ < 0
            n_term = np.full(reduced_shape, math.log(n) / lam)
        if np.any(has_nan):
            m_term[has_nan] = math.nan
            n_term[has_nan] = math.nan
    low, high = (m_term, n_term) if lam > 0 else (n_term, m_term)
    return given.reduced(low), given.reduced(high)
