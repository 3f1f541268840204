"""Entries so far apart that their difference overflows, at a λ so small that it matters.

The algorithms form λ·(x_j − a) with a pivot a = max(x) (min(x) for λ < 0). For float64
entries of magnitude 2¹⁰²³ or more, x_j − a can exceed the largest double (1.8e308) and
round to ±inf, though λ·(x_j − a) is a moderate number when |λ| is tiny:
x = [1e308, −1e308] at λ = 1e−308 has λ·(x₀ − x₁) = 2, so softmax is [0.881, 0.119], but
x₀ − x₁ = inf would give [1, 0]. :func:`halved_for_tiny_lam` avoids the overflow by the
identities

    softmax(x, λ) = softmax(x/2, 2λ),   lse(x, λ) = 2·lse(x/2, 2λ),

whose halved entries are at most 1.8e308 apart. The same identity serves lse at a λ so small
that its gap L/λ = lse − max (up to log(n)/λ) overflows although lse does not:
lse([−8.5e307, −7.2e307], 3.2e−309) is 1.4e308, but its gap, 2.1e308, is not a double.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["TINY_LAM", "doubled", "halved_for_tiny_lam"]

#: |λ| below 2⁻¹⁰⁰⁰ ≈ 9.3e−302 is tiny. For a larger |λ| an overflowing difference
#: (|x_j − a| ≥ 1.8e308) has λ·(x_j − a) below −745, where exp is 0 whether the difference
#: is rounded to inf or not, so the overflow changes nothing.
TINY_LAM = 2.0**-1000

#: A difference of two doubles can overflow only if one of them has at least this magnitude.
_HUGE = 2.0**1023


def halved_for_tiny_lam(
    arr: NDArray[Any], lam: float, n: int = 1
) -> tuple[NDArray[Any], float, bool]:
    """``(arr / 2, 2·lam, True)`` when a difference of ``arr``'s entries, or the gap
    log(n)/|λ| of lse over ``n`` entries, could overflow while the result does not; else
    ``(arr, lam, False)`` unchanged.

    That is: ``arr`` is float64 (float16 and float32 entries are compared in float64, where
    their differences cannot overflow; int entries are below 2⁶⁴), 0 < |λ| <
    :data:`TINY_LAM`, and an entry has magnitude 2¹⁰²³ or more (or is NaN), or log(n)/|λ| is
    2¹⁰²³ or more (lse and lse_gap pass their axis length ``n``; softmax forms no gap). The
    caller then
    computes with the halved entries and 2λ, and doubles lse and its gap (softmax needs
    nothing more): softmax(x, λ) = softmax(x/2, 2λ) and lse(x, λ) = 2·lse(x/2, 2λ).

    Halving and doubling are exact in binary floating point except for subnormal entries,
    which may move by half the smallest subnormal (5e−324) — far below what such a λ makes
    of them. Infinities and NaN stay what they are. Costs one pass over ``arr`` only for a
    tiny λ; otherwise a comparison.

    Examples
    --------
    >>> import numpy as np
    >>> from softlse_core.wide_spread import halved_for_tiny_lam
    >>> halved_for_tiny_lam(np.array([1e308, -1e308]), 1e-308)
    (array([ 5.e+307, -5.e+307]), 2e-308, True)
    >>> halved_for_tiny_lam(np.array([1e308, -1e308]), 1e-300)[2]  # exp(−2e8) is 0 anyway
    False
    >>> halved_for_tiny_lam(np.array([1.0, -1.0]), 1e-308)[2]  # no difference can overflow
    False
    >>> halved_for_tiny_lam(np.array([1.0, -1.0]), 3e-309, n=2)[2]  # log(2)/λ = 2.3e308
    True
    """
    if not 0.0 < abs(lam) < TINY_LAM or arr.dtype != np.float64:
        return arr, lam, False
    if math.log(max(n, 1)) / abs(lam) < _HUGE and bool(np.all(np.abs(arr) < _HUGE)):
        return arr, lam, False
    return arr * 0.5, lam * 2.0, True


def doubled(result: Any) -> NDArray[Any]:
    """2·``result`` as an array, quietly: lse or its gap of the halved entries at 2λ, back to
    x at λ (:func:`halved_for_tiny_lam`), which may overflow to ±inf as lse itself does when it
    exceeds 1.8e308."""
    with np.errstate(over="ignore"):
        return np.asarray(np.multiply(result, 2.0))
