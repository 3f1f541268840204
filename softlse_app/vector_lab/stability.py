"""The numbers of the "Stable vs textbook" tab: the stable lse and softmax (shift by the
maximum first) next to the textbook formulas exp(λσ_j)/Σ exp(λσ_i), and why the textbook
formulas fail when they do.

The formulas are :func:`softlse_core.lse`/:func:`~softlse_core.softmax` and
:func:`~softlse_core.naive_lse`/:func:`~softlse_core.naive_softmax`; this module compares them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from softlse_app.common.lambda_control import LAMBDA_MAX
from softlse_app.common.number_format import format_short
from softlse_app.vector_lab.components import TABLE_COMPONENTS, leading_components
from softlse_core import FloatArray, lse, naive_lse, naive_softmax, softmax

#: ln of the largest float64: exp(t) overflows to inf for t above this.
EXP_OVERFLOW = math.log(np.finfo(np.float64).max)

#: exp(t) underflows to exactly 0 for t below this (half the smallest subnormal, 2⁻¹⁰⁷⁵).
EXP_UNDERFLOW = -1075 * math.log(2)

#: exp(t) is subnormal (below 2.2e−308, fewer than 16 significant digits) for t below this.
EXP_SUBNORMAL = math.log(np.finfo(np.float64).smallest_normal)

#: The textbook and the stable numbers "agree" when every one differs by at most this
#: relative amount; their rounding errors are far smaller, while digits lost to subnormal or
#: underflowing exponentials, or to log of a sum near 1, are far larger.
AGREE_RTOL = 1e-10


@dataclass(frozen=True)
class StabilityReport:
    """The stable lse/softmax next to the textbook formulas.

    ``largest_exponent`` is max_j λ·σ_j, the largest argument the textbook formula passes to
    exp; above ``EXP_OVERFLOW`` ≈ 709.78 exp gives inf, the sum is inf, so the textbook lse is
    inf and each softmax entry is inf/inf = NaN (or a finite/inf = 0). The stable algorithm
    exponentiates λ·(σ_j − max) ≤ 0 instead, which never overflows. ``shown`` are the
    components in the table (as for the "Offset and scale" table); the softmax arrays hold
    those components only, while ``naive_failed`` looks at every component.
    """

    stable_lse: float
    naive_lse: float
    shown: NDArray[np.intp]
    stable_softmax: FloatArray
    naive_softmax: FloatArray
    largest_exponent: float
    smallest_exponent: float
    naive_softmax_finite: bool
    lse_agree: bool
    softmax_agree: bool
    lam: float
    n: int

    @property
    def naive_failed(self) -> bool:
        """True when the textbook lse or softmax is not finite while the stable lse is."""
        if not math.isfinite(self.stable_lse):
            return False
        return not math.isfinite(self.naive_lse) or not self.naive_softmax_finite

    @property
    def overflowed(self) -> bool:
        """True when exp(λ·σ_j) overflows float64 for some j."""
        return self.largest_exponent > EXP_OVERFLOW

    @property
    def agree(self) -> bool:
        """True when the textbook lse and every softmax entry equal the stable ones within
        :data:`AGREE_RTOL` (so not where a term is subnormal or 0 where the stable one is not,
        nor where the textbook log of a sum near 1 lost lse's digits)."""
        return self.lse_agree and self.softmax_agree

    @property
    def sum_overflowed(self) -> bool:
        """True when every exp(λ·σ_j) is finite but their sum overflows float64 (three entries
        709 at λ = 1: each exp is 8.2e307, the sum 2.5e308): the textbook lse is then inf
        with λ's sign, as when an exp overflows, not the other infinity of an empty sum."""
        if self.overflowed or not math.isfinite(self.stable_lse):
            return False
        return math.isinf(self.naive_lse) and (self.naive_lse > 0) == (self.lam > 0)


def stability_report(sigma: FloatArray, lam: float) -> StabilityReport:
    """Stable versus textbook lse and softmax of σ (1-D) at λ ≠ 0."""
    with np.errstate(all="ignore"):
        exponents = lam * sigma
        largest = float(np.max(exponents)) if sigma.size else -math.inf
        smallest = float(np.min(exponents)) if sigma.size else -math.inf
    p = np.asarray(softmax(sigma, lam), dtype=np.float64)
    naive = np.asarray(naive_softmax(sigma, lam), dtype=np.float64)
    shown = leading_components(p, TABLE_COMPONENTS)
    stable_lse, textbook_lse = float(lse(sigma, lam)), float(naive_lse(sigma, lam))
    return StabilityReport(
        stable_lse=stable_lse,
        naive_lse=textbook_lse,
        shown=shown,
        stable_softmax=p[shown],
        naive_softmax=naive[shown],
        largest_exponent=largest,
        smallest_exponent=smallest,
        naive_softmax_finite=bool(np.all(np.isfinite(naive))),
        lse_agree=_close(textbook_lse, stable_lse),
        softmax_agree=bool(np.all(_close(naive, p))),
        lam=lam,
        n=int(sigma.size),
    )


def _close(textbook: Any, stable: Any) -> Any:
    """Whether textbook numbers equal stable ones within :data:`AGREE_RTOL` relatively, as
    one bool or elementwise (infinite or NaN textbook numbers never do). Relative to the
    stable number itself: 4.2e−18 against 0.0 (lse of σ = −40, 0) are two different numbers."""
    with np.errstate(all="ignore"):
        return np.isfinite(textbook) & (np.abs(textbook - stable) <= AGREE_RTOL * np.abs(stable))


def subnormal_precision(exponent: float) -> str:
    """How much of exp(``exponent``) a float64 keeps, in words, below exp(−708.4) ≈ 2.2e−308
    where it is subnormal: a subnormal m·2⁻¹⁰⁷⁴ has as many significant bits as m, from 52
    down to 1 just above exp(−745.1) (below, it is 0).

    >>> subnormal_precision(-720.0), subnormal_precision(-740.0), subnormal_precision(-744.5)
    ('about 11 significant digits', 'only 7 significant bits', 'only 1 significant bit')
    """
    bits = max(1, min(53, math.floor(exponent / math.log(2) + 1074) + 1))
    if bits >= 10:
        return f"about {round(bits * math.log10(2))} significant digits"
    return f"only {bits} significant bit{'' if bits == 1 else 's'}"


def textbook_failure_hint(largest_exponent: float, lam: float) -> str:
    """What to change so that the textbook formula fails, for a σ where it currently works:
    ``largest_exponent`` = |λ|·m with m the largest entry of sign(λ)·σ, so the textbook lse
    overflows once |λ| > ``EXP_OVERFLOW``/m (m > 0) and underflows to log(0) once
    |λ| > ``EXP_UNDERFLOW``/m (m < 0). A size of λ beyond the control's ``LAMBDA_MAX`` (or
    m = 0) cannot be reached: then the sheet's s3 at λ = 100 is suggested, whose largest
    exponent 3000 overflows.
    """
    m = largest_exponent / abs(lam)
    direction = "Raise λ above" if lam > 0 else "Make λ more negative than"
    sign = "" if lam > 0 else "−"
    if m > 0 and EXP_OVERFLOW / m <= LAMBDA_MAX:
        size = format_short(EXP_OVERFLOW / m, 3)
        return f"{direction} about {sign}{size} and the textbook formula's exp overflows."
    if m < 0 and EXP_UNDERFLOW / m <= LAMBDA_MAX:
        size = format_short(EXP_UNDERFLOW / m, 3)
        return (
            f"{direction} about {sign}{size} and every exponential of the textbook formula "
            "underflows to 0."
        )
    return (
        f"With entries this close to 0, no λ up to {format_short(LAMBDA_MAX)} in size makes the "
        "textbook formula fail: try the preset s3 (10, 20, 30) with λ = 100."
    )
