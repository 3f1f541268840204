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

from softlse_core.array_input import as_float_array, check_finite_nonzero_lam
from softlse_core.logsumexp import lse
from softlse_core.softmax import softmax

__all__ = ["entropy", "entropy_identity"]


def entropy(p: ArrayLike, axis: int = -1) -> Any:
    """Shannon entropy in nats, H(p) = −Σ_k p_k·log(p_k) along ``axis``, with 0·log 0 = 0.

    ``p`` is not renormalised. A negative or NaN entry makes its slice NaN; an empty slice
    has entropy 0. The uniform distribution on n points has entropy log(n). float32 input is
    computed in float64 and returned as float32.
    """
    work, out_dtype = as_float_array(p)
    with np.errstate(all="ignore"):
        terms = np.zeros(work.shape, dtype=work.dtype)
        positive = work > 0
        np.multiply(work, np.log(work, where=positive, out=np.zeros_like(terms)), out=terms)
        terms = np.where(positive | (work == 0), terms, math.nan)
        h = -np.sum(terms, axis=axis)
    return np.asarray(h).astype(out_dtype, copy=False)[()]


def entropy_identity(x: ArrayLike, lam: float) -> tuple[Any, Any, Any]:
    """Return ``(lse(x, λ), ⟨p, x⟩, H(p)/λ)`` with p = softmax(x, λ), along the last axis.

    The three satisfy lse(x, λ) = ⟨p, x⟩ + H(p)/λ up to rounding, for λ > 0 and λ < 0 (see
    the module docstring for the derivation). λ must be finite and nonzero (``ValueError``
    otherwise). Entries with p_k = 0 do not contribute to ⟨p, x⟩ (so −inf entries are fine).
    """
    lam = check_finite_nonzero_lam(lam, "the entropy identity")
    work, _ = as_float_array(x)
    total = lse(x, lam)
    p = softmax(work, lam)
    with np.errstate(all="ignore"):
        weighted = np.sum(np.where(p > 0, p * work, 0.0), axis=-1)
        weighted = np.where(np.isnan(p).any(axis=-1), math.nan, weighted)
    h_over_lam = entropy(p) / lam
    out_dtype = np.asarray(total).dtype
    return total, np.asarray(weighted).astype(out_dtype)[()], np.asarray(h_over_lam)[()]
