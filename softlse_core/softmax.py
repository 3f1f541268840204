"""Softmax with an inverse temperature λ, its λ → ±∞ limit and the naive formula.

    softmax(x, λ)_k = exp(λ·x_k) / Σ_j exp(λ·x_j)

:func:`softmax` computes the shifted formula exp(λ·(x_k − a)) / Σ_j exp(λ·(x_j − a)) with
a = max(x) (min(x) for λ < 0), analysed by Blanchard, Higham & Higham (2021, §4);
:func:`onehot_argmax` is its λ → ∞ limit; :func:`naive_softmax` is the unshifted formula of
the exercise sheet. The loops are in :mod:`softlse_core.softmax_kernels`.
"""

from __future__ import annotations

import math
from typing import Any, Literal, get_args

import numpy as np
from numpy.typing import ArrayLike, NDArray

from softlse_core.array_input import Axis, along_axis, as_real_array, check_lam, widened
from softlse_core.softmax_kernels import softmax_pairs, softmax_shifted
from softlse_core.wide_spread import halved_for_tiny_lam

__all__ = ["TIE_RULES", "TieRule", "naive_softmax", "onehot_argmax", "softmax"]

#: How :func:`onehot_argmax` shares the mass among tied maxima: "split" (1/m each, the limit of
#: softmax) or "first" (all on numpy's ``argmax``).
TieRule = Literal["split", "first"]
#: The tie rules, in the order above.
TIE_RULES: tuple[TieRule, ...] = get_args(TieRule)


def onehot_argmax(x: ArrayLike, axis: Axis = -1, ties: TieRule = "split") -> NDArray[Any]:
    r"""One-hot argmax along ``axis``: the λ → ∞ limit of softmax(x, λ).

    .. math::

        \lim_{λ \to \infty} \operatorname{softmax}(x, λ)_k =
        \begin{cases} 1/m & \text{if } x_k = \max(x) \\ 0 & \text{otherwise} \end{cases}

    with m the number of entries equal to the max.

    Parameters
    ----------
    x : array_like
        Real numbers.
    axis : int, tuple of ints or None, optional
        The axis along which one entry (or the tied maxima) gets the mass (several are
        taken together as one, None takes the whole array). Default: the last.
    ties : {"split", "first"}, optional
        "split" (default): 1/m on each of the m maxima — the actual limit of softmax.
        "first": 1 at numpy's ``argmax`` (the first maximum), as the sheet did.

    Returns
    -------
    numpy.ndarray
        The shape of ``x``, float64 for int and bool input, otherwise the input's float dtype.

    Raises
    ------
    ValueError
        If ``ties`` is neither "split" nor "first".
    TypeError
        If ``x`` is not real numbers or ``axis`` is not an int, a tuple of ints or None.
    numpy.exceptions.AxisError
        If ``axis`` is out of range (``ValueError`` if a tuple names one twice).

    See Also
    --------
    softmax : which tends to this as λ → ∞ (and equals it at λ = inf).

    Notes
    -----
    Edge cases:

    - A slice containing NaN is NaN.
    - +inf entries are maxima like any other; −inf entries get 0 unless all are −inf.
    - An empty slice gives an empty result.

    Examples
    --------
    >>> from softlse_core import onehot_argmax
    >>> print(onehot_argmax([1, 3, 3, 2]))
    [0.  0.5 0.5 0. ]
    >>> print(onehot_argmax([1, 3, 3, 2], ties="first"))
    [0. 1. 0. 0.]
    >>> print(onehot_argmax([[1, 5], [2, 0]], axis=0))
    [[0. 1.]
     [1. 0.]]
    >>> print(onehot_argmax([1.0, float("nan")]))
    [nan nan]
    """
    if ties not in TIE_RULES:
        raise ValueError(f"ties must be 'split' or 'first', got {ties!r}")
    given = along_axis(x, axis)
    work, ax = widened(given.arr), given.axis
    if work.shape[ax] == 0:
        return np.zeros(given.shape, dtype=given.out_dtype)
    with np.errstate(all="ignore"):
        top = np.max(work, axis=ax, keepdims=True)
        if ties == "split":
            is_top = work == top
            p = is_top / np.count_nonzero(is_top, axis=ax, keepdims=True)
        else:
            p = np.zeros(work.shape)
            np.put_along_axis(p, np.argmax(work, axis=ax, keepdims=True), 1.0, axis=ax)
            p = np.where(np.isnan(top), math.nan, p)
    return given.spread(p.astype(given.out_dtype, copy=False))


def softmax(x: ArrayLike, lam: float = 1.0, axis: Axis = -1) -> NDArray[Any]:
    r"""Softmax with inverse temperature λ along ``axis``, computed accurately.

    .. math::

        \operatorname{softmax}(x, λ)_k = \frac{e^{λ x_k}}{\sum_j e^{λ x_j}}
            = \frac{e^{λ (x_k - a)}}{\sum_j e^{λ (x_j - a)}}

    with a = max(x) for λ > 0 and a = min(x) for λ < 0: λ multiplies differences, so
    nothing overflows. The result is a probability vector along ``axis``, the gradient of
    :func:`softlse_core.lse`, invariant under x → x + c (but not under x → c·x, which is
    the same as λ → c·λ).

    Parameters
    ----------
    x : array_like
        Real numbers: ints, bools or floats of any precision.
    lam : float, optional
        The inverse temperature λ: any real number but NaN, ±inf included. Default 1.
    axis : int, tuple of ints or None, optional
        The axis to normalise along (several are taken together as one, None takes the
        whole array). Default: the last one, as in torch and JAX
        (``scipy.special.softmax`` normalises over the whole array by default).

    Returns
    -------
    numpy.ndarray
        The shape of ``x``; float64 for int and bool input, otherwise the input's float
        dtype.

    Raises
    ------
    ValueError
        If λ is NaN or not a real number.
    TypeError
        If ``x`` is not real numbers (complex, text, dates, ``None`` entries, a masked
        array) or ``axis`` is not an int, a tuple of ints or None.
    numpy.exceptions.AxisError
        If ``axis`` is out of range (``ValueError`` if a tuple names one twice).

    See Also
    --------
    onehot_argmax : the λ → ∞ limit.
    naive_softmax : the unshifted textbook formula, which overflows.
    scipy.special.softmax : softmax at λ = 1.

    Notes
    -----
    Edge cases:

    - λ < 0 concentrates on the minima: softmax(x, λ) = softmax(−x, −λ).
    - λ = 0 gives the uniform distribution 1/n, ±inf entries included (e^{0·x} is taken
      as 1; a NaN still gives NaN). With infinite entries that is not the limit λ → 0: at
      every λ > 0 the +inf entries share all the mass and −inf entries get none, so
      softmax([inf, 1], 0) is [0.5, 0.5] while softmax([inf, 1], 1e-300) is [1, 0].
      λ = +inf gives ``onehot_argmax(x)`` and λ = −inf ``onehot_argmax(−x)`` (ties split).
    - A NaN in a slice makes that slice NaN. A +inf entry (λ > 0) gives the uniform
      distribution over the +inf entries — the limit of softmax; scipy, torch and JAX return
      NaN there. A slice of all −inf is NaN (0/0; there is no limit). For λ < 0 the roles of
      +inf and −inf swap.
    - An empty slice gives an empty result.
    - float64 entries more than 1.8e308 apart, whose difference overflows, at a tiny |λ|
      (below 2⁻¹⁰⁰⁰ ≈ 9.3e−302, where λ times that difference can be a moderate number):
      computed as softmax(x/2, 2λ), which is the same function, so softmax([1e308, −1e308],
      1e−308) is [0.881, 0.119], as scipy gives, not [1, 0].
    - ints and bools are computed as float64; float16 is computed in float64 and rounded
      once to float16, and so is float32 — except over an axis of length 2 (a grid of
      pairs), where float32 is computed in float32 arithmetic, as scipy does, for speed:
      the exponent λ·(x₀ − x₁) is formed in float64 and rounded once to float32, then exp,
      the sum and the divisions are float32 operations. The trade: errors like scipy's,
      growing with |λ·(x₀ − x₁)| up to the bound below (which assumes numpy's float32 exp
      is within 4 units of roundoff, as it is in the numpy builds tested), instead of one
      rounding. No RuntimeWarning is emitted.

    Accuracy: by §4 of [1]_ each computed entry is within (n + 2 + 2|λ|·(max − min))·u of
    itself, relatively (u the unit roundoff of the result's dtype; plus one smallest
    subnormal for results below its normal range), and the entries sum to 1 within n·u.
    Over an axis of length 2 (the case of a grid of pairs) the pair's softmax is computed in
    its logistic form, p₁ = 1/(1 + e^v) and p₀ = e^v·p₁ with v = λ·(x₀ − x₁), block by
    block, without a branch on which entry is larger: within the same bound, though not
    bit for bit the shifted formula's numbers. A block whose exponents could overflow there
    takes the same form with the entries' roles swapped, or, if they could overflow either
    way, the shifted formula's operations, so a pair's last bit may depend on the order of
    its two entries and on the other pairs of its block. In float32 there the bound needs
    float32 exp within 4u relatively instead of the u that [1] assumes: rounding the exponent
    once rather than twice leaves that room, and the tests check NumPy's exp for it.

    References
    ----------
    .. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the
       log-sum-exp and softmax functions", IMA J. Numer. Anal. 41(4), 2021,
       doi:10.1093/imanum/draa038.

    Examples
    --------
    The sheet's three vectors: an offset changes nothing, a factor 10 sharpens.

    >>> import numpy as np
    >>> from softlse_core import softmax
    >>> print(softmax([1, 2, 3]))
    [0.09003057 0.24472847 0.66524096]
    >>> print(softmax([10, 20, 30]))
    [2.06106005e-09 4.53978686e-05 9.99954600e-01]
    >>> bool(np.all(softmax([11, 12, 13]) == softmax([1, 2, 3])))
    True
    >>> bool(np.allclose(softmax([1, 2, 3], 10.0), softmax([10, 20, 30])))
    True

    The soft minimum, the uniform distribution and the one-hot limit:

    >>> print(softmax([1, 2, 3], -1.0))
    [0.66524096 0.24472847 0.09003057]
    >>> print(softmax([1, 2, 3], 0.0))
    [0.33333333 0.33333333 0.33333333]
    >>> print(softmax([3, 1, 3], np.inf))
    [0.5 0.  0.5]

    Along an axis, huge values, infinities and the empty vector:

    >>> print(softmax([[1, 2], [3, 5]], axis=0))
    [[0.11920292 0.04742587]
     [0.88079708 0.95257413]]
    >>> print(softmax([1e300, -1e300], 1e6))
    [1. 0.]
    >>> print(softmax([np.inf, 1.0, np.inf]))
    [0.5 0.  0.5]
    >>> print(softmax([-np.inf, -np.inf]))
    [nan nan]
    >>> print(softmax([]))
    []
    """
    lam = check_lam(lam)
    given = along_axis(x, axis)
    arr, out_dtype, ax = given.arr, given.out_dtype, given.axis
    n = arr.shape[ax]
    if n == 0:
        return np.empty(given.shape, dtype=out_dtype)
    arr, lam, _ = halved_for_tiny_lam(arr, lam)  # softmax(x, λ) = softmax(x/2, 2λ)
    if n == 2 and math.isfinite(lam) and lam != 0.0 and arr.dtype.itemsize <= 8:
        return given.spread(softmax_pairs(arr, lam, ax, out_dtype))
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
    return given.spread(np.asarray(p).astype(out_dtype, copy=False))


def naive_softmax(x: ArrayLike, lam: float = 1.0, axis: int = -1) -> NDArray[Any]:
    r"""The textbook formula for softmax, computed literally as the sheet did: for teaching.

    .. math::

        \frac{e^{λ x_k}}{\sum_j e^{λ x_j}}, \quad \text{with no shift}

    Parameters
    ----------
    x : array_like
        Real numbers.
    lam : float, optional
        The inverse temperature λ (not NaN). Default 1.
    axis : int, optional
        The axis to normalise along. Default: the last one.

    Returns
    -------
    numpy.ndarray
        The shape of ``x``, in the input's floating dtype (ints become float64).

    Raises
    ------
    ValueError
        If λ is NaN or not a real number.

    See Also
    --------
    softmax : the accurate computation.

    Notes
    -----
    Edge cases, which are the point of this function: once some λ·x_j > 709.78 (88.72 in
    float32) exp overflows and the result contains inf/inf = NaN; when every term underflows
    it is 0/0 = NaN. Computed quietly: no RuntimeWarning.

    Examples
    --------
    >>> import numpy as np
    >>> from softlse_core import naive_softmax, softmax
    >>> print(naive_softmax([1, 2, 3]))
    [0.09003057 0.24472847 0.66524096]
    >>> print(naive_softmax([1000.0, 1.0]), softmax([1000.0, 1.0]))
    [nan  0.] [1. 0.]
    >>> print(naive_softmax(np.float32([100.0, 1.0])))  # exp(100) overflows float32
    [nan  0.]
    """
    lam = check_lam(lam)
    arr, dtype = as_real_array(x)  # float16/32 stay as they are: computed literally
    with np.errstate(all="ignore"):
        e = np.exp(dtype.type(lam) * arr)
        return e / np.sum(e, axis=axis, keepdims=True)
