"""The numbers of the "lse vs max" tab: lse(σ, λ) beside max(σ) (min for λ < 0), the gap
between them and its bounds, H(p) and the entropy identity.

Every number comes from :mod:`softlse_core` (``entropy_identity``, ``lse_gap``,
``lse_gap_bounds``, ``entropy``, ``softmax``); this module combines them. The gap is
``lse_gap``'s, computed directly, not lse − max: at s1 and λ = 100 it is 3.7e-46 while lse
itself rounds to max.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from softlse_app.common.lambda_text import hard_name
from softlse_app.common.number_format import format_short
from softlse_core import FloatArray, entropy_identity, lse_gap, lse_gap_bounds, softmax_entropy


@dataclass(frozen=True)
class LseReadout:
    """lse(σ, λ) beside max(σ) (min for λ < 0), its tight gap bounds and the entropy identity.

    ``extreme`` is max(σ) for λ > 0 and min(σ) for λ < 0; ``gap`` = lse − extreme computed
    directly (:func:`softlse_core.lse_gap`), with ``gap_low ≤ gap ≤ gap_high`` (from
    ``lse_gap_bounds``). ``spacing`` is the distance from
    |extreme| to the next double: a gap smaller than half of it cannot show in lse itself,
    which then equals the extreme in float64 although the gap is not 0.

    The identity lse(σ, λ) = ⟨p, σ⟩ + H(p)/λ with p = softmax(σ, λ) holds for every λ ≠ 0
    (log p_k = λ·σ_k − λ·lse); ``inner`` is ⟨p, σ⟩ summed over the entries with p_k > 0 (so
    −inf entries, where p_k = 0, do not give 0·(−inf) = NaN), ``identity_rhs`` = inner + H/λ
    and ``identity_residual`` = lse − rhs (NaN when lse is infinite: the identity then reads
    inf = inf).
    """

    value: float
    extreme: float
    gap: float
    gap_low: float
    gap_high: float
    spacing: float
    entropy: float
    inner: float
    identity_rhs: float
    identity_residual: float
    lam: float
    #: whether the gap and H(p) are positive in truth (two finite entries or more, none at
    #: the winning infinity), so that a 0 of theirs is a positive number that underflowed
    spread_is_positive: bool

    @property
    def extreme_name(self) -> str:
        """'max' for λ > 0, 'min' for λ < 0 (:func:`softlse_app.common.lambda_text.hard_name`)."""
        return hard_name(self.lam)

    @property
    def residual_in_ulps(self) -> float:
        """The identity's residual lse − (⟨p, σ⟩ + H(p)/λ) in units in the last place of the
        largest of |lse|, |⟨p, σ⟩| and |H(p)/λ|: a few of them are the rounding of the three
        computations, not a failure of the identity. NaN when the residual is."""
        largest = max(abs(self.value), abs(self.inner), abs(self.identity_rhs - self.inner))
        if not (math.isfinite(self.identity_residual) and math.isfinite(largest)):
            return math.nan
        return abs(self.identity_residual) / math.ulp(largest) if largest else 0.0

    @property
    def gap_hidden_by_rounding(self) -> bool:
        """True when lse equals max (min) in float64 although the gap is not 0: the gap is
        below the rounding of numbers of the size of max."""
        return (
            self.value == self.extreme
            and math.isfinite(self.extreme)
            and math.isfinite(self.gap)
            and self.gap != 0
        )


def lse_readout(sigma: FloatArray, lam: float) -> LseReadout:
    """lse(σ, λ), max or min, the gap and its bounds, H(p) and the entropy identity (from
    :func:`softlse_core.entropy_identity`) for σ (1-D) and p = softmax(σ, λ). λ must be
    finite and nonzero."""
    value, inner, h_over_lam = (float(v) for v in entropy_identity(sigma, lam))
    extreme = float(np.max(sigma) if lam > 0 else np.min(sigma))
    low, high = lse_gap_bounds(sigma, lam)
    with np.errstate(all="ignore"):
        rhs = inner + h_over_lam
        residual = value - rhs if math.isfinite(value) else math.nan
    return LseReadout(
        value=value,
        extreme=extreme,
        gap=float(lse_gap(sigma, lam)),
        gap_low=float(low),
        gap_high=float(high),
        # math.ulp, not np.spacing: at the largest double np.spacing overflows to inf
        spacing=math.ulp(abs(extreme)) if math.isfinite(extreme) else math.nan,
        entropy=float(softmax_entropy(sigma, lam)),
        inner=inner,
        identity_rhs=rhs,
        identity_residual=residual,
        lam=float(lam),
        spread_is_positive=bool(
            np.count_nonzero(np.isfinite(sigma)) >= 2
            and not np.any(sigma == math.copysign(math.inf, lam))
        ),
    )


#: A residual of the entropy identity up to this many units in the last place is called
#: rounding; the three computations round a few times each.
ROUNDING_ULPS = 64


def residual_note(residual: float, ulps: float) -> str:
    """What a nonzero residual of the identity is, when it is rounding ("" otherwise)."""
    if residual == 0 or not ulps <= ROUNDING_ULPS:
        return ""
    size = format_short(ulps, 2)
    count = f"{size} unit" if size == "1" else f"{size} units"
    return (
        f" The last row is not 0 only through rounding: {format_short(residual, 3)} is "
        f"{count} in the last place of the largest of the three numbers."
    )
