"""The numbers of the "Offset and scale" tab (the sheet's question a): σ, σ + c and a·σ with
their softmax, softmax(σ, a·λ), and the verdicts on what c and a did.

Every softmax comes from :func:`softlse_core.softmax` and every entropy from
:func:`softlse_core.softmax_entropy`; this module combines them. σ is a 1-D float64 array as
:func:`softlse_core.parse_vector` returns it (finite or ±inf, never NaN) and λ is nonzero.
For a long σ only the ``TABLE_COMPONENTS`` most probable components are kept for the table
and the bars; the verdicts use the whole vector.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from softlse_app.vector_lab.components import TABLE_COMPONENTS, leading_components
from softlse_core import FloatArray, softmax, softmax_entropy

#: Unit roundoff of float64.
UNIT_ROUNDOFF = 2.0**-53


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


#: A probability difference is at most 1: a rounding estimate this large bounds nothing.
UNINFORMATIVE_TOLERANCE = 1.0


@dataclass(frozen=True)
class EffectVerdicts:
    """What an offset c and a scale a do to p = softmax(σ, λ).

    - ``offset_diff`` = max_j |softmax(σ + c, λ)_j − softmax(σ, λ)_j|; mathematically 0,
      in floating point a few roundings of λ·(σ_j + c − max): ``offset_tol`` = 8u·(|λ|·s + n)
      with s the largest finite |σ_j| or |σ_j + c| and u = 2⁻⁵³; ``offset_exponent`` = |λ|·s,
      the size of the exponents (inf when it overflows). ``offset_tol`` is 0 when σ + c
      equals σ entry for entry (``offset_identical``: c = 0, or c below the entries' last
      bits): then nothing is rounded differently.
    - ``scale_diff`` = max_j |softmax(a·σ, λ)_j − softmax(σ, a·λ)_j|; mathematically 0
      (rescaling σ by a is replacing λ by a·λ), with ``scale_tol`` and ``scale_exponent`` the
      same estimates for a·σ. ``scale_overflow``: a·σ has an infinite entry where σ's is
      finite (|a·σ_j| beyond the largest double), so softmax(a·σ, λ) is not softmax(σ, a·λ).
      With infinite entries and a = 0, a·σ has NaN entries and both are NaN.
    - A tolerance of ``UNINFORMATIVE_TOLERANCE`` or more bounds nothing (no two probabilities
      differ by more than 1): that check is not informative (:attr:`offset_informative`,
      :attr:`scale_informative`).
    - ``entropy_p`` = H(softmax(σ, λ)); ``entropy_scaled`` = H(softmax(σ, a·λ)), the entropy
      of softmax(a·σ, λ) computed without forming a·σ (so without its overflow);
      ``entropy_reference`` = H(softmax(σ, sign(a)·λ)), what |a| sharpens or flattens:
      entropy_p for a > 0 and H(softmax(−σ, λ)) for a < 0. |a| > 1 sharpens (lower entropy),
      |a| < 1 flattens, a < 0 moves the mass to the other end (max ↔ min), a = 0 gives the
      uniform distribution. ``all_equal``: σ's entries are all equal (softmax is uniform for
      every λ, so no a changes it).
    """

    offset_diff: float
    offset_tol: float
    offset_identical: bool
    scale_diff: float
    scale_tol: float
    entropy_p: float
    entropy_scaled: float
    entropy_reference: float
    a: float
    lam: float
    offset_exponent: float
    scale_exponent: float
    scale_overflow: bool
    all_equal: bool

    @property
    def offset_informative(self) -> bool:
        """False when the rounding estimate of the offset check exceeds any probability
        difference (σ or λ so large that rounding could swamp the comparison)."""
        return self.offset_tol < UNINFORMATIVE_TOLERANCE

    @property
    def scale_informative(self) -> bool:
        """False when the rounding estimate of the scale check bounds nothing, or a·σ
        overflowed."""
        return self.scale_tol < UNINFORMATIVE_TOLERANCE and not self.scale_overflow

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
        offset_exponent = abs(lam) * _finite_scale(sigma, shifted)
        scale_exponent = abs(lam) * _finite_scale(scaled, scaled_abs)
    # σ + c equal to σ entry for entry (c = 0, or c below their last bits): the two softmax
    # are computed from the same numbers, so nothing may differ at all
    identical = bool(np.array_equal(shifted, sigma))
    offset_tol = 0.0 if identical else 8 * UNIT_ROUNDOFF * (offset_exponent + n)
    return EffectVerdicts(
        offset_diff=_max_abs_diff(p_offset, p),
        offset_tol=offset_tol,
        offset_identical=identical,
        scale_diff=_max_abs_diff(p_scaled, p_scaled_lam),
        scale_tol=8 * UNIT_ROUNDOFF * (scale_exponent + n),
        # from σ and λ, not from p: once p's largest entry rounds to 1, entropy(p) is off
        entropy_p=float(softmax_entropy(sigma, lam)),
        entropy_scaled=float(softmax_entropy(sigma, a * lam)),
        a=float(a),
        lam=float(lam),
        offset_exponent=float(offset_exponent),
        scale_exponent=float(scale_exponent),
        scale_overflow=bool(np.any(np.isinf(scaled) & np.isfinite(sigma))),
        entropy_reference=float(softmax_entropy(sigma, lam if a >= 0 else -lam)),
        all_equal=bool(sigma.size > 0 and np.all(sigma == sigma[0])),
    )


@dataclass(frozen=True)
class OffsetScaleNumbers:
    """The tab's numbers for one (σ, λ, c, a). ``shown`` are the 0-based component indices
    of the table and the bars (all of them for n ≤ ``TABLE_COMPONENTS``, else the most
    probable under softmax(σ, λ), most probable first); every array holds those components
    only, in that order. ``n`` is the length of σ."""

    lam: float
    c: float
    a: float
    n: int
    shown: NDArray[np.intp]
    sigma: FloatArray
    shifted: FloatArray
    scaled: FloatArray
    p: FloatArray
    p_offset: FloatArray
    p_scaled: FloatArray
    p_scaled_lam: FloatArray
    verdicts: EffectVerdicts


def offset_scale_numbers(sigma: FloatArray, lam: float, c: float, a: float) -> OffsetScaleNumbers:
    """σ, σ + c, a·σ, softmax(σ, λ), softmax(σ + c, λ), softmax(a·σ, λ), softmax(σ, a·λ) and
    the verdicts, for σ (1-D), λ ≠ 0, offset c and scale a.

    a = 0 is allowed: a·σ = 0 and softmax(a·σ, λ) = softmax(σ, 0) = uniform (with ±inf
    entries 0·inf = NaN, and those softmax values are NaN, shown as such)."""
    with np.errstate(all="ignore"):
        shifted = sigma + c
        scaled = a * sigma
    p = np.asarray(softmax(sigma, lam), dtype=np.float64)
    p_offset = np.asarray(softmax(shifted, lam), dtype=np.float64)
    p_scaled = np.asarray(softmax(scaled, lam), dtype=np.float64)
    p_scaled_lam = np.asarray(softmax(sigma, a * lam), dtype=np.float64)
    shown = leading_components(p, TABLE_COMPONENTS)
    return OffsetScaleNumbers(
        lam=lam,
        c=c,
        a=a,
        n=int(sigma.size),
        shown=shown,
        sigma=sigma[shown],
        shifted=shifted[shown],
        scaled=scaled[shown],
        p=p[shown],
        p_offset=p_offset[shown],
        p_scaled=p_scaled[shown],
        p_scaled_lam=p_scaled_lam[shown],
        verdicts=effect_verdicts(sigma, lam, c, a, p, p_offset, p_scaled, p_scaled_lam),
    )
