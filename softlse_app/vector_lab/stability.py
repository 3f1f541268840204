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
    components in the table (as for the "Offset and scale" table); the softmax arrays and
    ``shown_entries`` (their σ_k) hold those components only, while ``naive_failed`` looks
    at every component.
    """

    stable_lse: float
    naive_lse: float
    shown: NDArray[np.intp]
    stable_softmax: FloatArray
    naive_softmax: FloatArray
    shown_entries: FloatArray
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
        shown_entries=sigma[shown],
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


def textbook_failure_hint(
    largest_exponent: float, lam: float, smallest_exponent: float | None = None
) -> str:
    """What to change so that the textbook formula fails, for a σ where it currently works:
    ``largest_exponent`` = |λ|·m with m the largest entry of sign(λ)·σ, so the textbook lse
    overflows once |λ| > ``EXP_OVERFLOW``/m (m > 0) and underflows to log(0) once
    |λ| > ``EXP_UNDERFLOW``/m (m < 0). Where no size of λ up to the control's ``LAMBDA_MAX``
    does it with λ's sign, the other sign may (``smallest_exponent`` = min λ·σ, so the largest
    entry of −sign(λ)·σ is −``smallest_exponent``/|λ|): σ = (−1000, 0) at λ = 1 is safe for
    every λ > 0 but overflows at λ = −1. Only where neither sign can (entries close to 0) is
    the sheet's s3 at λ = 100 suggested, whose largest exponent 3000 overflows.
    """
    same = _failing_size(largest_exponent / abs(lam))
    if same is not None:
        direction = "Raise λ above" if lam > 0 else "Make λ more negative than"
        sign = "" if lam > 0 else "−"
        return f"{direction} about {sign}{format_short(same[0], 3)} and {same[1]}."
    if smallest_exponent is not None:
        other = _failing_size(-smallest_exponent / abs(lam))
        if other is not None:
            limit = format_short(LAMBDA_MAX)
            if lam > 0:
                return (
                    f"No λ > 0 up to {limit} makes the textbook formula fail here, but a "
                    f"negative one does: below about −{format_short(other[0], 3)} (switch on "
                    f"Negative λ) {other[1]}."
                )
            return (
                f"No λ < 0 down to −{limit} makes the textbook formula fail here, but a "
                f"positive one does: above about {format_short(other[0], 3)} (switch off "
                f"Negative λ) {other[1]}."
            )
    return (
        f"With entries this close to 0, no λ up to {format_short(LAMBDA_MAX)} in size makes the "
        "textbook formula fail: try the preset s3 (10, 20, 30) with λ = 100."
    )


def _failing_size(m: float) -> tuple[float, str] | None:
    """The size of λ beyond which the textbook formula fails when the largest entry of
    sign(λ)·σ is ``m``, and how (its exp overflows, or every exponential underflows); None
    where that size is beyond the control's ``LAMBDA_MAX`` or m = 0."""
    if m > 0 and EXP_OVERFLOW / m <= LAMBDA_MAX:
        return EXP_OVERFLOW / m, "the textbook formula's exp overflows"
    if m < 0 and EXP_UNDERFLOW / m <= LAMBDA_MAX:
        return EXP_UNDERFLOW / m, "every exponential of the textbook formula underflows to 0"
    return None


def textbook_verdict(s: StabilityReport) -> tuple[bool, str]:
    """``(agree, text)``: whether the textbook numbers agree with the stable ones, and the
    tab's explanation: why the textbook formula fails or lost digits where it does, or what to
    change to make it fail."""
    if s.overflowed and s.naive_failed:
        return False, (
            "**Why the textbook formula gives inf and nan here:** its largest exponent, λ "
            f"times an entry of σ, {_overflow_clause(s.largest_exponent)}, the sum is inf, "
            "its log is inf and each softmax entry is inf/inf = nan (or finite/inf = 0). The "
            "stable algorithm first subtracts the maximum of σ (the minimum for λ < 0) from "
            "every entry, so no exponent it passes to exp is above 0, and exp never overflows."
        )
    if s.sum_overflowed:
        return False, (
            "**Why the textbook formula gives inf here:** every exponential exp(λ·σⱼ) is "
            f"finite (the largest is exp({format_short(s.largest_exponent)})), but their sum "
            "is above the largest double, 1.8e308, and rounds to inf: lse = log(inf)/λ is "
            "infinite and each softmax entry is finite/inf = 0. The stable algorithm first "
            "subtracts the maximum of σ (the minimum for λ < 0), so its terms are at most "
            "exp(0) = 1 and their sum at most n."
        )
    if s.naive_failed:
        return False, (
            "**Why the textbook formula fails here:** the exponential of λ times each entry of "
            "σ underflows to 0 (below about exp(−745)), so the sum is 0, lse = log(0)/λ is "
            "infinite and softmax = 0/0 = nan. Shifting by the maximum (the minimum for λ < 0) "
            "first keeps the largest term at exp(0) = 1."
        )
    if not s.agree:
        return False, _lost_digits(s)
    hint = textbook_failure_hint(s.largest_exponent, s.lam, s.smallest_exponent)
    return True, (
        "Here both agree (to 10 significant digits at least): the largest exponent, λ "
        "times an entry of σ, is "
        f"{format_short(s.largest_exponent)}, below ln(largest double) ≈ "
        f"{EXP_OVERFLOW:.2f}. {hint}"
    )


def _lost_digits(s: StabilityReport) -> str:
    """Why the textbook numbers are finite but differ from the stable ones: exponentials
    exp(λ·σⱼ) that are subnormal (fewer digits) or 0 (the largest of them, or the small ones
    behind softmax entries); and an lse close to 0, the log of a sum close to 1."""
    causes: list[str] = []
    if s.largest_exponent < EXP_SUBNORMAL:
        causes.append(
            f"even its largest term, exp({format_short(s.largest_exponent)}) ≈ "
            f"{format_short(math.exp(s.largest_exponent), 2)}, is below 2.2e−308, where a "
            f"double is subnormal and keeps {subnormal_precision(s.largest_exponent)}"
            + (", and terms below exp(−745) are 0" if s.smallest_exponent < EXP_UNDERFLOW else "")
            + ". Shifting by the maximum (the minimum for λ < 0) makes the largest term "
            "exp(0) = 1, and the sum and lse keep all their digits"
        )
    else:
        if not s.lse_agree:
            causes.append(
                f"lse is {format_short(s.stable_lse, 3)}, close to 0, so the textbook sum "
                "Σⱼ exp(λ·σⱼ) is close to 1, and a double near 1 keeps only about 16 "
                "significant digits: little or nothing of the sum's difference from 1 is left "
                "for log to return. The stable algorithm takes log(1 + s) as log1p(s), which "
                "keeps all of s's digits"
            )
        if not s.softmax_agree:
            smallest = f"its smallest term, exp({format_short(s.smallest_exponent)}),"
            causes.append(
                (
                    f"{smallest} is 0 as a double (every exp below exp(−745) is, and below "
                    "exp(−708) they are subnormal and keep fewer digits)"
                    if s.smallest_exponent < EXP_UNDERFLOW
                    else f"{smallest} is below 2.2e−308, where a double is subnormal and keeps "
                    f"{subnormal_precision(s.smallest_exponent)}"
                )
                + ". Shifting by the maximum (the minimum for λ < 0) first, a softmax entry "
                "loses digits only where it is itself below 2.2e−308"
            )
    return (
        "**Why the textbook numbers differ here:** they are finite but have lost digits: "
        + "; and ".join(causes)
        + "."
    )


def _overflow_clause(exponent: float) -> str:
    """Why exp of the largest exponent λ·σⱼ is inf: above ln(largest double), or the product
    itself already beyond the largest double."""
    if math.isinf(exponent):
        return "is already beyond the largest double (inf), so exp of it is inf"
    return (
        f"is {format_short(exponent)}, above ln(largest double) ≈ {EXP_OVERFLOW:.2f}, so exp "
        "overflows to inf"
    )
