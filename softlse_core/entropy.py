"""Shannon entropy and the entropy identity of log-sum-exp.

For p = softmax(x, λ) one has log p_k = λ·x_k − λ·lse(x, λ), hence
H(p) = −Σ p_k log p_k = −λ·⟨p, x⟩ + λ·lse(x, λ), i.e.

    lse(x, λ) = ⟨p, x⟩ + H(p)/λ        (for every λ ≠ 0, either sign).

For λ > 0 the entropy term is ≥ 0 (lse lies above the softmax-weighted mean), for λ < 0 it
is ≤ 0.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from softlse_core.array_input import (
    Axis,
    along_axis,
    as_float_array,
    check_finite_nonzero_lam,
    check_lam,
    widened,
)
from softlse_core.logsumexp import lse
from softlse_core.softmax import softmax

__all__ = ["entropy", "entropy_identity", "softmax_entropy"]


def entropy(p: ArrayLike, axis: Axis = -1) -> Any:
    r"""Shannon entropy in nats along ``axis``, with 0·log 0 = 0.

    .. math::

        H(p) = -\sum_k p_k \log p_k

    Parameters
    ----------
    p : array_like
        Probabilities (not renormalised: pass a distribution).
    axis : int, tuple of ints or None, optional
        The axis to sum over (several are taken together, None takes the whole array).
        Default: the last one.

    Returns
    -------
    numpy.floating or numpy.ndarray
        A NumPy scalar for 1-D ``p``, otherwise an array without ``axis``; float64, or the
        input's float dtype (float32 is computed in float64 and rounded once).

    Raises
    ------
    TypeError
        If ``p`` is not real numbers (complex, text, dates, ``None`` entries, a masked
        array).

    Notes
    -----
    Edge cases:

    - A negative or NaN entry makes its slice NaN.
    - Entries equal to 0 contribute 0; a one-hot vector has entropy 0 (returned as 0.0,
      never −0.0).
    - An empty slice has entropy 0.
    - The uniform distribution on n points has the largest entropy, log(n).

    Examples
    --------
    >>> import numpy as np
    >>> from softlse_core import entropy, softmax
    >>> float(entropy([0.5, 0.5])), float(np.log(2))
    (0.6931471805599453, 0.6931471805599453)
    >>> float(entropy([1.0, 0.0])), float(entropy([]))
    (0.0, 0.0)
    >>> print(entropy([[0.25, 0.25, 0.25, 0.25], [0.5, 0.5, 0.0, 0.0]]))
    [1.38629436 0.69314718]
    >>> float(entropy(softmax([1, 2, 3])))
    0.8323955818399389
    >>> float(entropy([0.5, -0.1]))
    nan
    """
    given = along_axis(p, axis)  # the axis rules of lse and softmax: tuples, None
    work = widened(given.arr)
    with np.errstate(all="ignore"):
        terms = np.zeros(work.shape, dtype=work.dtype)
        positive = work > 0
        np.multiply(work, np.log(work, where=positive, out=np.zeros_like(terms)), out=terms)
        terms = np.where(positive | (work == 0), terms, math.nan)
        h = 0.0 - np.sum(terms, axis=given.axis)  # 0.0 − 0.0 is 0.0, not −0.0 ("-0")
    return given.reduced(h)


def softmax_entropy(x: ArrayLike, lam: float = 1.0, axis: Axis = -1) -> Any:
    r"""The entropy H(softmax(x, λ)) in nats along ``axis``, computed from x and λ.

    .. math::

        H = -\sum_k p_k \log p_k = L - \sum_k p_k z_k, \qquad
        z_k = λ (x_k - a) \le 0, \quad L = λ \cdot \operatorname{gap}(x, λ)
            = \log \sum_k e^{z_k} \ge 0

    with p = softmax(x, λ) and a = max(x) for λ > 0 (min(x) for λ < 0); L = log(m) +
    log1p(s/m) with m the entries at a and s the sum of the others' e^{z_k}, which is λ
    times the gap of :func:`softlse_core.lse_gap` (log p_k = z_k − L). Both terms are ≥ 0,
    so nothing cancels, and the result keeps its relative accuracy however sharp p is.
    ``entropy(softmax(x, λ))`` loses it there: once the largest p_k rounds to 1 its term
    −p_k·log p_k ≈ Σ_{j≠k} p_j is dropped — for x = [1, 2, 3] and λ = 100, 1 % of the
    entropy (3.7201e−42 instead of 3.7573e−42).

    Parameters
    ----------
    x : array_like
        Real numbers (ints, bools and floats of any precision).
    lam : float, optional
        The inverse temperature λ: any real number but NaN, ±inf included. Default 1.
    axis : int, tuple of ints or None, optional
        The axis of the distribution (several are taken together as one, None takes the
        whole array). Default: the last one.

    Returns
    -------
    numpy.floating or numpy.ndarray
        A NumPy scalar for 1-D ``x``, otherwise an array without ``axis``; float64 for int
        and bool input, otherwise the input's float dtype (computed in float64 and rounded
        once).

    Raises
    ------
    ValueError
        If λ is NaN or not a real number.
    TypeError
        If ``x`` is not real numbers or ``axis`` is not an int, a tuple of ints or None.

    See Also
    --------
    entropy : the entropy of given probabilities.

    Notes
    -----
    Edge cases, those of :func:`softlse_core.softmax`: λ = 0 gives log(n) (uniform);
    λ = ±inf and infinite winning entries give log(m) for m tied winners (one-hot: 0); losing
    infinite entries (−inf for λ > 0) have p = 0 and add nothing; a NaN in a slice gives
    NaN, and so does a slice of only losing infinities (softmax is 0/0 there); an empty slice
    gives 0. The uniform cases are exactly log(m); slices whose entries are more than 1.8e308
    apart (x_k − a overflows) are taken as ``entropy(softmax(x, λ))``. An entropy below
    float64's normal range (2.2e-308) keeps only absolute accuracy.

    Examples
    --------
    >>> import math
    >>> from softlse_core import entropy, softmax, softmax_entropy
    >>> float(softmax_entropy([1, 2, 3], 100.0))
    3.757276735781045e-42
    >>> float(entropy(softmax([1, 2, 3], 100.0)))
    3.7200759760208363e-42
    >>> float(softmax_entropy([1, 2, 3])), float(entropy(softmax([1, 2, 3])))
    (0.8323955818399389, 0.8323955818399389)
    >>> float(softmax_entropy([1, 2, 3], 0.0)) == math.log(3)
    True
    >>> float(softmax_entropy([1, 3, 3], math.inf)) == math.log(2)
    True
    """
    lam = check_lam(lam)
    given = along_axis(x, axis)
    work, ax = widened(given.arr), given.axis
    p = softmax(work, lam, axis=ax)
    if work.shape[ax] == 0:
        return given.reduced(entropy(p, axis=ax))
    with np.errstate(all="ignore"):
        # p uniform over m entries (λ = 0, ties at λ = ±inf, equal entries, infinite
        # winners): log(m) itself, which −Σ (1/m)·log(1/m) may miss by an ulp
        positive = p > 0
        top = np.max(p, axis=ax, keepdims=True)
        uniform = np.all(~positive | (p == top), axis=ax)
        plain = np.where(uniform, np.log(np.count_nonzero(positive, axis=ax)), entropy(p, axis=ax))
        plain = np.where(np.isnan(p).any(axis=ax), math.nan, plain)
        if lam == 0.0 or math.isinf(lam):
            return given.reduced(plain)
        pivot = (np.max if lam > 0 else np.min)(work, axis=ax, keepdims=True)
        difference = work - pivot
        z = lam * difference  # ≤ 0; −inf for losing infinite entries (their p is 0)
        # L = log Σ e^z = log(m) + log1p(s/m): m entries at the pivot (z = 0), s the sum of
        # the others, taken from z directly (λ·gap would underflow at |λ| ≈ 1e280)
        at_pivot = np.count_nonzero(z == 0, axis=ax)
        rest = np.sum(np.where(z < 0, np.exp(z), 0.0), axis=ax)
        log_total = np.log(at_pivot) + np.log1p(rest / at_pivot)
        weighted = np.sum(np.where(positive, p * z, 0.0), axis=ax)
        accurate = log_total - weighted
        # the formula needs a finite pivot and x − pivot without overflow (entries more than
        # 1.8e308 apart, where softmax halves x); elsewhere entropy(p) is taken
        spread_ok = ~np.any(np.isinf(difference) & np.isfinite(work), axis=ax)
        finite_pivot = np.isfinite(np.squeeze(pivot, axis=ax))
        usable = finite_pivot & spread_ok & np.isfinite(accurate) & ~uniform
        result = np.where(usable, accurate, plain) + 0.0  # 0.0, never −0.0
    return given.reduced(result)


def entropy_identity(x: ArrayLike, lam: float) -> tuple[Any, Any, Any]:
    r"""The three terms of the entropy identity of log-sum-exp, along the last axis.

    .. math::

        \operatorname{lse}(x, λ) = \langle p, x \rangle + \frac{H(p)}{λ},
        \qquad p = \operatorname{softmax}(x, λ)

    (from log p_k = λ·x_k − λ·lse(x, λ); see the module docstring).

    Parameters
    ----------
    x : array_like
        Real numbers; the identity is taken along the last axis.
    lam : float
        The inverse temperature λ: finite and nonzero, either sign.

    Returns
    -------
    total, mean, entropy_term : numpy.floating or numpy.ndarray
        lse(x, λ), ⟨p, x⟩ and H(p)/λ, each shaped like ``x`` without its last axis and
        in lse's dtype (float64 for ints, else ``x``'s). They satisfy
        total = mean + entropy_term up to rounding.

    Raises
    ------
    ValueError
        If λ is 0, ±inf or NaN.

    Notes
    -----
    Edge cases:

    - For λ > 0 the entropy term is ≥ 0 (lse lies above the softmax-weighted mean), for
      λ < 0 it is ≤ 0.
    - Entries with p_k = 0 do not contribute to ⟨p, x⟩, so −inf entries are fine.
    - A NaN in x makes all three terms NaN.

    Examples
    --------
    >>> from softlse_core import entropy_identity
    >>> total, mean, entropy_term = entropy_identity([1, 2, 3], 1.0)
    >>> float(total), float(mean), float(entropy_term)
    (3.40760596444438, 2.5752103826044412, 0.8323955818399389)
    >>> float(mean + entropy_term)
    3.40760596444438
    >>> [round(float(term), 12) for term in entropy_identity([1, 2, 3], -2.0)]
    [0.92853418575, 1.149062907779, -0.220528722029]
    """
    lam = check_finite_nonzero_lam(lam, "the entropy identity")
    work, _ = as_float_array(x)
    total = lse(x, lam)
    p = softmax(work, lam)
    with np.errstate(all="ignore"):
        weighted = np.sum(np.where(p > 0, p * work, 0.0), axis=-1)
        weighted = np.where(np.isnan(p).any(axis=-1), math.nan, weighted)
    h_over_lam = softmax_entropy(work, lam) / lam
    out_dtype = np.asarray(total).dtype
    with np.errstate(over="ignore"):  # too large for float16/32: inf, quietly, as lse's
        return (
            total,
            np.asarray(weighted).astype(out_dtype)[()],
            np.asarray(h_over_lam).astype(out_dtype)[()],
        )
