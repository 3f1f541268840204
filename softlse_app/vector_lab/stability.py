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

from softlse_app.vector_lab.components import TABLE_COMPONENTS, leading_components
from softlse_core import FloatArray, lse, naive_lse, naive_softmax, softmax

#: ln of the largest float64: exp(t) overflows to inf for t above this.
EXP_OVERFLOW = math.log(np.finfo(np.float64).max)


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
