"""The numbers of the "Stable vs textbook" tab: the stable lse and softmax (shift by the
maximum first) next to the textbook formulas exp(λσ_j)/Σ exp(λσ_i), and why the textbook
formulas fail when they do.

The formulas are :func:`softlse_core.lse`/:func:`~softlse_core.softmax` and
:func:`~softlse_core.naive_lse`/:func:`~softlse_core.naive_softmax`; this module compares them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
    naive_softmax_finite: bool
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


def stability_report(sigma: FloatArray, lam: float) -> StabilityReport:
    """Stable versus textbook lse and softmax of σ (1-D) at λ ≠ 0."""
    with np.errstate(all="ignore"):
        exponents = lam * sigma
        largest = float(np.max(exponents)) if sigma.size else -math.inf
    p = np.asarray(softmax(sigma, lam), dtype=np.float64)
    naive = np.asarray(naive_softmax(sigma, lam), dtype=np.float64)
    shown = leading_components(p, TABLE_COMPONENTS)
    return StabilityReport(
        stable_lse=float(lse(sigma, lam)),
        naive_lse=float(naive_lse(sigma, lam)),
        shown=shown,
        stable_softmax=p[shown],
        naive_softmax=naive[shown],
        largest_exponent=largest,
        naive_softmax_finite=bool(np.all(np.isfinite(naive))),
        n=int(sigma.size),
    )


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
