"""Log-sum-exp with an inverse temperature λ, computed accurately, and the naive formula.

    lse(x, λ) = (1/λ) · log Σ_j exp(λ·x_j)

:func:`lse` uses Algorithm 4.1 of Blanchard, Higham & Higham (2021), shifted by the max (min
for λ < 0); :func:`naive_lse` is the unshifted formula of the exercise sheet, kept to show
where it overflows. The loops are in :mod:`softlse_core.logsumexp_kernels`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from softlse_core.array_input import Axis, along_axis, as_real_array, check_lam, widened
from softlse_core.logsumexp_kernels import lse_along_axis, lse_pairs
from softlse_core.wide_spread import doubled, halved_for_tiny_lam

__all__ = ["lse", "naive_lse"]


def lse(x: ArrayLike, lam: float = 1.0, axis: Axis = -1, keepdims: bool = False) -> Any:
    r"""Log-sum-exp with inverse temperature λ along ``axis``, computed accurately.

    .. math::

        \operatorname{lse}(x, λ) = \frac{1}{λ} \log \sum_j e^{λ x_j}

    For λ > 0 it is a smooth maximum: max(x) ≤ lse(x, λ) ≤ max(x) + log(n)/λ, and it tends
    to max(x) as λ → ∞; for λ < 0 it is a smooth minimum. Its gradient is
    :func:`softlse_core.softmax`.

    Parameters
    ----------
    x : array_like
        Real numbers: ints, bools or floats of any precision.
    lam : float, optional
        The inverse temperature λ: nonzero and not NaN; ±inf allowed. Default 1.
    axis : int, tuple of ints or None, optional
        The axis to reduce (several are taken together as one, None takes the whole
        array). Default: the last one (scipy's default is None).
    keepdims : bool, optional
        Keep the reduced axes in the result with length 1. Default False.

    Returns
    -------
    numpy.floating or numpy.ndarray
        A NumPy scalar for a 1-D (or scalar) ``x``, otherwise an array of the shape of ``x``
        without ``axis``. Float64 for int and bool input, otherwise the input's float dtype.

    Raises
    ------
    ValueError
        If λ is 0 (lse diverges like log(n)/λ as λ → 0) or NaN, or not a real number.
    TypeError
        If ``x`` is not real numbers (complex, text, dates, ``None`` entries, a masked
        array) or ``axis`` is not an int, a tuple of ints or None.
    numpy.exceptions.AxisError
        If ``axis`` is out of range (``ValueError`` if a tuple names one twice).

    See Also
    --------
    lse_gap : lse(x, λ) − max(x), computed without cancellation.
    naive_lse : the unshifted textbook formula, which overflows.
    scipy.special.logsumexp : lse at λ = 1, summing over all axes by default.

    Notes
    -----
    Edge cases:

    - λ < 0 is the soft minimum: lse(x, λ) = −lse(−x, −λ), bit for bit.
    - λ = +inf gives max(x), λ = −inf gives min(x).
    - A NaN in a slice makes that slice NaN. For λ > 0 a +inf entry gives +inf and a slice of
      only −inf gives −inf (mirrored for λ < 0: a −inf entry gives −inf, all +inf gives
      +inf).
    - An empty slice gives −inf for λ > 0, as scipy does (the log of an empty sum), and +inf
      for λ < 0 (the mirror image).
    - ints and bools are computed as float64; float32 (and float16) input is computed in
      float64 and the result is rounded once to the input's dtype.
    - float64 entries more than 1.8e308 apart, whose difference overflows, at a tiny |λ|
      (below 2⁻¹⁰⁰⁰ ≈ 9.3e−302): computed as 2·lse(x/2, 2λ), the same function, so
      lse([1e308, −1e308], 1e−308) is 1.127e308, as scipy gives, not 1e308.
    - No RuntimeWarning is emitted.

    The algorithm is Algorithm 4.1 of [1]_: with the pivot a = max(x) (min(x) for λ < 0)
    it forms t_j = λ·(x_j − a) ≤ 0 — never λ·x, which overflows for λ = 1e6 and x near
    1e300 —, leaves the m entries with t_j = 0 out of the sum s = Σ exp(t_j) and returns
    a + (log(m) + log1p(s/m))/λ. Keeping the maxima out of s is what makes
    lse([0, −40]) = 4.248354255291589e-18 instead of 0, and the computed
    log(m) + log1p(s/m) is clamped to [0, log(n)], so that for λ > 0 and finite x the bounds
    max(x) ≤ lse(x, λ) ≤ max(x) + log(n)/λ hold exactly in floating point.

    References
    ----------
    .. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the
       log-sum-exp and softmax functions", IMA J. Numer. Anal. 41(4), 2021,
       doi:10.1093/imanum/draa038.

    Examples
    --------
    >>> import numpy as np
    >>> from softlse_core import lse
    >>> float(lse([1, 2, 3]))
    3.40760596444438
    >>> float(lse([1, 2, 3], 10.0)), float(lse([1, 2, 3], 100.0))
    (3.0000045400960276, 3.0)
    >>> float(lse([1, 2, 3], -1.0))  # the soft minimum
    0.5923940355556196

    A shift moves lse by the same amount, and nothing overflows:

    >>> print(lse(np.array([[1, 2, 3], [11, 12, 13]])))
    [ 3.40760596 13.40760596]
    >>> float(lse([1e300, -1e300], 1e6))  # λ·x would be inf; λ·(x − max) is not
    1e+300
    >>> float(lse([0.0, -40.0]))  # 1 + exp(-40) would round to 1
    4.248354255291589e-18

    Infinities, the empty slice and float32:

    >>> float(lse([np.inf, 1.0])), float(lse([-np.inf, -np.inf])), float(lse([]))
    (inf, -inf, -inf)
    >>> print(lse(np.float32([1, 2, 3])).dtype)
    float32
    """
    lam = check_lam(lam)
    if lam == 0.0:
        raise ValueError(
            "lse is undefined at λ = 0: (1/λ)·log Σ exp(λ·x_j) diverges like log(n)/λ as "
            "λ → 0; use a nonzero λ (softmax at λ = 0 is the uniform distribution)"
        )
    given = along_axis(x, axis)
    arr, out_dtype, ax = given.arr, given.out_dtype, given.axis
    arr, lam, halved = halved_for_tiny_lam(arr, lam, arr.shape[ax])  # lse = 2·lse(x/2, 2λ)
    if arr.shape[ax] == 2 and math.isfinite(lam) and arr.dtype.itemsize <= 8:
        pairs = lse_pairs(arr, lam, ax, out_dtype)
        return given.reduced(doubled(pairs) if halved else pairs, keepdims)
    work = widened(arr)
    reduced_shape = work.shape[:ax] + work.shape[ax + 1 :]
    if work.shape[ax] == 0:
        result: NDArray[Any] = np.full(reduced_shape, -math.inf if lam > 0 else math.inf)
    elif math.isinf(lam):
        with np.errstate(invalid="ignore"):
            result = np.max(work, axis=ax) if lam > 0 else np.min(work, axis=ax)
    else:
        result = lse_along_axis(work, lam, ax)
        if halved:
            result = doubled(result)
    return given.reduced(result, keepdims)


def naive_lse(x: ArrayLike, lam: float = 1.0, axis: int = -1) -> Any:
    r"""The textbook formula for lse, computed literally as the sheet did: for teaching only.

    .. math::

        \frac{1}{λ} \log \sum_j e^{λ x_j}, \quad \text{with no shift}

    Parameters
    ----------
    x : array_like
        Real numbers.
    lam : float, optional
        The inverse temperature λ (not NaN). Default 1.
    axis : int, optional
        The axis to reduce. Default: the last one.

    Returns
    -------
    numpy.floating or numpy.ndarray
        In the input's floating dtype (float32 stays float32, ints become float64).

    Raises
    ------
    ValueError
        If λ is NaN or not a real number.

    See Also
    --------
    lse : the accurate computation.

    Notes
    -----
    Edge cases, which are the point of this function: exp(λ·x_j) overflows to inf once
    λ·x_j > 709.78 (88.72 in float32) and the result becomes inf; if every term underflows
    the result is −inf; λ·x = inf − inf gives NaN; λ = 0 gives log(n)/0 = inf. It is computed
    quietly: no RuntimeWarning is emitted.

    Examples
    --------
    >>> from softlse_core import lse, naive_lse
    >>> float(naive_lse([1, 2, 3]))
    3.40760596444438
    >>> float(naive_lse([1, 2, 3], 1000.0)), float(lse([1, 2, 3], 1000.0))
    (inf, 3.0)
    """
    lam = check_lam(lam)
    arr, dtype = as_real_array(x)  # float16/32 stay as they are: computed literally
    lam_t = dtype.type(lam)
    with np.errstate(all="ignore"):
        total = np.sum(np.exp(lam_t * arr), axis=axis)
        result = np.log(total) / lam_t
    return np.asarray(result, dtype=dtype)[()]
