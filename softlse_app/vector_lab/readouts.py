"""Pure summaries for the "vector lab" page: offset and rescaling verdicts, lse read-outs,
stable-versus-textbook comparison, top-k selection and the λ grid of the temperature sweep.

Every number here comes from :mod:`softlse_core`'s ``lse``, ``softmax``, ``naive_lse``,
``naive_softmax``, ``lse_gap_bounds``, ``entropy`` and ``onehot_argmax``; this module only
combines them. Inputs are 1-D float arrays as :func:`softlse_core.parse_vector` returns them
(finite or ±inf, never NaN) and a nonzero λ.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from softlse_core import (
    entropy,
    entropy_identity,
    lse,
    lse_gap_bounds,
    naive_lse,
    naive_softmax,
)

FloatArray = NDArray[np.float64]

#: The sheet's three vectors (question a), as the text a person would type.
PRESETS: dict[str, str] = {"s1": "1, 2, 3", "s2": "11, 12, 13", "s3": "10, 20, 30"}

#: Unit roundoff of float64.
UNIT_ROUNDOFF = 2.0**-53

#: ln of the largest float64: exp(t) overflows to inf for t above this.
EXP_OVERFLOW = math.log(np.finfo(np.float64).max)


def _max_abs_diff(p: FloatArray, q: FloatArray) -> float:
    """max_j |p_j − q_j|, NaN if either side has a NaN (never a warning)."""
    with np.errstate(all="ignore"):
        diff = np.abs(np.asarray(p, dtype=np.float64) - np.asarray(q, dtype=np.float64))
    if diff.size == 0:
        return 0.0
    return float(np.max(diff))


def _finite_scale(*vectors: FloatArray) -> float:
    """The largest finite |entry| over the vectors (0 when there is none)."""
    best = 0.0
    for vec in vectors:
        finite = np.abs(vec[np.isfinite(vec)])
        if finite.size:
            best = max(best, float(finite.max()))
    return best


@dataclass(frozen=True)
class EffectVerdicts:
    """What an offset c and a scale a do to p = softmax(σ, λ).

    - ``offset_diff`` = max_j |softmax(σ + c, λ)_j − softmax(σ, λ)_j|; mathematically 0,
      in floating point a few roundings of λ·(σ_j + c − max): ``offset_tol`` = 8u·(|λ|·s + n)
      with s the largest finite |σ_j| or |σ_j + c| and u = 2⁻⁵³.
    - ``scale_diff`` = max_j |softmax(a·σ, λ)_j − softmax(σ, a·λ)_j|; mathematically 0
      (rescaling σ by a is replacing λ by a·λ), with ``scale_tol`` the same estimate for
      a·σ. With infinite entries and a = 0, a·σ has NaN entries and both are NaN.
    - ``entropy_p`` = H(softmax(σ, λ)) and ``entropy_scaled`` = H(softmax(a·σ, λ)): |a| > 1
      sharpens (lower entropy), |a| < 1 flattens, a < 0 moves the mass to the other end
      (max ↔ min), a = 0 gives the uniform distribution.
    """

    offset_diff: float
    offset_tol: float
    scale_diff: float
    scale_tol: float
    entropy_p: float
    entropy_scaled: float
    a: float

    @property
    def offset_unchanged(self) -> bool:
        """True when the offset changed nothing beyond rounding."""
        return self.offset_diff <= self.offset_tol

    @property
    def scale_matches(self) -> bool:
        """True when softmax(a·σ, λ) equals softmax(σ, a·λ) up to rounding."""
        return self.scale_diff <= self.scale_tol

    @property
    def sharpness(self) -> str:
        """'sharpens', 'flattens', 'unchanged' or 'uniform' (a = 0), by |a| against 1."""
        if self.a == 0:
            return "uniform"
        if abs(self.a) > 1:
            return "sharpens"
        if abs(self.a) < 1:
            return "flattens"
        return "unchanged"


def effect_verdicts(
    sigma: FloatArray,
    lam: float,
    c: float,
    a: float,
    p: FloatArray,
    p_offset: FloatArray,
    p_scaled: FloatArray,
    p_scaled_lam: FloatArray,
) -> EffectVerdicts:
    """The offset and rescaling verdicts from the four softmax vectors already computed:
    p = softmax(σ, λ), p_offset = softmax(σ + c, λ), p_scaled = softmax(a·σ, λ) and
    p_scaled_lam = softmax(σ, a·λ). See :class:`EffectVerdicts` for the tolerances."""
    n = sigma.size
    with np.errstate(all="ignore"):
        shifted = sigma + c
        scaled = a * sigma
        scaled_abs = abs(a) * sigma
    offset_tol = 8 * UNIT_ROUNDOFF * (abs(lam) * _finite_scale(sigma, shifted) + n)
    scale_tol = 8 * UNIT_ROUNDOFF * (abs(lam) * _finite_scale(scaled, scaled_abs) + n)
    return EffectVerdicts(
        offset_diff=_max_abs_diff(p_offset, p),
        offset_tol=offset_tol,
        scale_diff=_max_abs_diff(p_scaled, p_scaled_lam),
        scale_tol=scale_tol,
        entropy_p=float(entropy(p)),
        entropy_scaled=float(entropy(p_scaled)),
        a=float(a),
    )


@dataclass(frozen=True)
class LseReadout:
    """lse(σ, λ) beside max(σ) (min for λ < 0), its tight gap bounds and the entropy identity.

    ``extreme`` is max(σ) for λ > 0 and min(σ) for λ < 0; ``gap_low ≤ value − extreme ≤
    gap_high`` (from ``lse_gap_bounds``). The identity lse(σ, λ) = ⟨p, σ⟩ + H(p)/λ with
    p = softmax(σ, λ) holds for every λ ≠ 0 (log p_k = λ·σ_k − λ·lse); ``inner`` is ⟨p, σ⟩
    summed over the entries with p_k > 0 (so −inf entries, where p_k = 0, do not give
    0·(−inf) = NaN), ``identity_rhs`` = inner + H/λ and ``identity_residual`` = lse − rhs
    (NaN when lse is infinite: the identity then reads inf = inf).
    """

    value: float
    extreme: float
    gap_low: float
    gap_high: float
    entropy: float
    inner: float
    identity_rhs: float
    identity_residual: float
    lam: float

    @property
    def gap(self) -> float:
        """lse(σ, λ) − max(σ) (− min(σ) for λ < 0), between ``gap_low`` and ``gap_high``."""
        return self.value - self.extreme

    @property
    def extreme_name(self) -> str:
        """'max' for λ > 0, 'min' for λ < 0."""
        return "max" if self.lam > 0 else "min"


def lse_readout(sigma: FloatArray, lam: float, p: FloatArray) -> LseReadout:
    """lse(σ, λ), max or min, the gap bounds, H(p) and the entropy identity (from
    :func:`softlse_core.entropy_identity`) for p = softmax(σ, λ), passed in. λ must be finite
    and nonzero."""
    value, inner, h_over_lam = (float(v) for v in entropy_identity(sigma, lam))
    extreme = float(np.max(sigma) if lam > 0 else np.min(sigma))
    low, high = lse_gap_bounds(sigma, lam)
    with np.errstate(all="ignore"):
        rhs = inner + h_over_lam
        residual = value - rhs if math.isfinite(value) else math.nan
    return LseReadout(
        value=value,
        extreme=extreme,
        gap_low=float(low),
        gap_high=float(high),
        entropy=float(entropy(p)),
        inner=inner,
        identity_rhs=rhs,
        identity_residual=residual,
        lam=float(lam),
    )


@dataclass(frozen=True)
class StabilityReport:
    """The stable lse/softmax next to the textbook formulas (``naive_lse``/``naive_softmax``).

    ``largest_exponent`` is max_j λ·σ_j, the largest argument the textbook formula passes to
    exp; above ``EXP_OVERFLOW`` ≈ 709.78 exp gives inf, the sum is inf, so the textbook lse is
    inf and each softmax entry is inf/inf = NaN (or a finite/inf = 0). The stable algorithm
    exponentiates λ·(σ_j − max) ≤ 0 instead, which never overflows.
    """

    stable_lse: float
    naive_lse: float
    stable_softmax: FloatArray
    naive_softmax: FloatArray
    largest_exponent: float

    @property
    def naive_failed(self) -> bool:
        """True when the textbook lse or softmax is not finite while the stable lse is."""
        if not math.isfinite(self.stable_lse):
            return False
        if not math.isfinite(self.naive_lse):
            return True
        return not bool(np.all(np.isfinite(self.naive_softmax)))

    @property
    def overflowed(self) -> bool:
        """True when exp(λ·σ_j) overflows float64 for some j."""
        return self.largest_exponent > EXP_OVERFLOW


def stability_report(sigma: FloatArray, lam: float, p: FloatArray) -> StabilityReport:
    """Stable versus textbook lse and softmax of σ at λ (p = softmax(σ, λ), passed in)."""
    with np.errstate(all="ignore"):
        exponents = lam * sigma
        largest = float(np.max(exponents)) if sigma.size else -math.inf
    return StabilityReport(
        stable_lse=float(lse(sigma, lam)),
        naive_lse=float(naive_lse(sigma, lam)),
        stable_softmax=np.asarray(p, dtype=np.float64),
        naive_softmax=np.asarray(naive_softmax(sigma, lam), dtype=np.float64),
        largest_exponent=largest,
    )


def format_full(value: Any) -> str:
    """A float at full precision: Python's shortest repr that reads back to the same double
    (``0.09003057317038046``, ``2.0610600462090622e-09``, ``inf``, ``nan``; −0.0 as 0.0)."""
    return repr(float(value) + 0.0)  # + 0.0 turns −0.0 into 0.0
