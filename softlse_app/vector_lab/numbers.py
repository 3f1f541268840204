"""Everything the "vector lab" page shows for one (σ, λ, c, a), computed in one pure call so
the page can cache it: the three vectors σ, σ + c and a·σ with their softmax, the verdicts,
the lse read-out, the stable-versus-textbook comparison, the sweep and the simplex path.

For long vectors only the ``BAR_COMPONENTS`` most probable components are drawn as bars and
listed in the table, and only the ``SWEEP_COMPONENTS`` most probable are followed in the
sweep; the summaries (lse, entropy, verdicts) always use the whole vector.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from softlse_app.vector_lab.readouts import (
    EffectVerdicts,
    LseReadout,
    StabilityReport,
    effect_verdicts,
    lse_readout,
    stability_report,
)
from softlse_app.vector_lab.sweep import (
    softmax_limits,
    softmax_sweep,
    sweep_magnitudes,
    top_k_indices,
)
from softlse_core import softmax

FloatArray = NDArray[np.float64]

#: Vectors up to this length get every component in the bars and the table; longer ones
#: their most probable components.
BAR_COMPONENTS = 20

#: Components followed in the temperature sweep (one Okabe–Ito colour each).
SWEEP_COMPONENTS = 8


@dataclass(frozen=True)
class LabNumbers:
    """The page's numbers. ``shown`` are the component indices drawn and tabulated (all of
    them for n ≤ ``BAR_COMPONENTS``, else the most probable under p = softmax(σ, λ), most
    probable first); ``swept`` those followed in the sweep. ``sweep_neg`` and ``limit_neg``
    are set only when λ < 0; ``simplex_pos``/``simplex_neg`` only for n = 3. ``lam``, ``c``
    and ``a`` are the inputs the numbers were computed for."""

    lam: float
    c: float
    a: float
    sigma: FloatArray
    shifted: FloatArray
    scaled: FloatArray
    p: FloatArray
    p_offset: FloatArray
    p_scaled: FloatArray
    p_scaled_lam: FloatArray
    verdicts: EffectVerdicts
    readout: LseReadout
    stability: StabilityReport
    shown: NDArray[np.intp]
    swept: NDArray[np.intp]
    magnitudes: FloatArray
    sweep_pos: FloatArray
    limit_pos: FloatArray
    sweep_neg: FloatArray | None
    limit_neg: FloatArray | None
    simplex_pos: FloatArray | None
    simplex_neg: FloatArray | None

    @property
    def n(self) -> int:
        """Length of σ."""
        return int(self.sigma.size)


def lab_numbers(sigma: FloatArray, lam: float, c: float, a: float) -> LabNumbers:
    """All numbers of the page for σ (1-D, from ``parse_vector``), λ ≠ 0, offset c and scale a.

    a = 0 is allowed: a·σ = 0 and softmax(a·σ, λ) = softmax(σ, 0) = uniform (with ±inf
    entries 0·inf = NaN, and those softmax values are NaN, shown as such)."""
    sigma = np.asarray(sigma, dtype=np.float64)
    with np.errstate(all="ignore"):
        shifted = sigma + c
        scaled = a * sigma
    p = np.asarray(softmax(sigma, lam), dtype=np.float64)
    p_offset = np.asarray(softmax(shifted, lam), dtype=np.float64)
    p_scaled = np.asarray(softmax(scaled, lam), dtype=np.float64)
    p_scaled_lam = np.asarray(softmax(sigma, a * lam), dtype=np.float64)

    shown = top_k_indices(p, BAR_COMPONENTS)
    if sigma.size <= BAR_COMPONENTS:
        shown = np.arange(sigma.size, dtype=np.intp)
    swept = top_k_indices(p, SWEEP_COMPONENTS)
    if sigma.size <= SWEEP_COMPONENTS:
        swept = np.arange(sigma.size, dtype=np.intp)

    magnitudes = sweep_magnitudes(sigma, lam)
    limits = softmax_limits(sigma, swept)
    sweep_neg = softmax_sweep(sigma, -magnitudes, swept) if lam < 0 else None
    simplex_pos = simplex_neg = None
    if sigma.size == 3:
        everything = np.arange(3, dtype=np.intp)
        simplex_pos = softmax_sweep(sigma, magnitudes, everything)
        simplex_neg = softmax_sweep(sigma, -magnitudes, everything)
    return LabNumbers(
        lam=lam,
        c=c,
        a=a,
        sigma=sigma,
        shifted=shifted,
        scaled=scaled,
        p=p,
        p_offset=p_offset,
        p_scaled=p_scaled,
        p_scaled_lam=p_scaled_lam,
        verdicts=effect_verdicts(sigma, lam, c, a, p, p_offset, p_scaled, p_scaled_lam),
        readout=lse_readout(sigma, lam, p),
        stability=stability_report(sigma, lam, p),
        shown=shown,
        swept=swept,
        magnitudes=magnitudes,
        sweep_pos=softmax_sweep(sigma, magnitudes, swept),
        limit_pos=limits["plus"],
        sweep_neg=sweep_neg,
        limit_neg=limits["minus"] if lam < 0 else None,
        simplex_pos=simplex_pos,
        simplex_neg=simplex_neg,
    )
