"""The vector lab's numbers for the screen: one cached function per tab, so an edit computes
only what the open tab shows (the sweep and the simplex path are not computed while their tab
is closed).

Each is cached by the app's rule for numbers (:func:`softlse_app.common.caching.cache_numbers`)
on a pure function of hashable inputs — σ as the bytes of its float64 array, λ, c, a — so reruns
that change nothing, and other sessions with the same inputs, reuse the result. Entries are
small (a long σ keeps only its shown components), and bounded.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from softlse_app.common.caching import cache_numbers
from softlse_app.vector_lab import lse_readout as lse_module
from softlse_app.vector_lab import offset_scale, stability, sweep
from softlse_core import FloatArray

#: Results kept per tab: a session moving λ back and forth finds its recent numbers again.
NUMBER_CACHE_ENTRIES = 32


@dataclass(frozen=True)
class LabState:
    """What the page's controls say: σ (the bytes of its float64 array, the cache key), λ ≠ 0,
    the offset c, the scale a, and the digits of the tables (``None``: full precision)."""

    sigma: bytes
    lam: float
    c: float
    a: float
    digits: int | None

    @classmethod
    def of(cls, sigma: FloatArray, lam: float, c: float, a: float, digits: int | None) -> LabState:
        """The state for the array σ."""
        return cls(np.ascontiguousarray(sigma, dtype=np.float64).tobytes(), lam, c, a, digits)

    @property
    def n(self) -> int:
        """Length of σ."""
        return len(self.sigma) // np.dtype(np.float64).itemsize


def vector(sigma: bytes) -> FloatArray:
    """σ back from its bytes (a read-only view)."""
    return np.frombuffer(sigma, dtype=np.float64)


@cache_numbers(max_entries=NUMBER_CACHE_ENTRIES)
def offset_scale_numbers(
    sigma: bytes, lam: float, c: float, a: float
) -> offset_scale.OffsetScaleNumbers:
    """The "Offset and scale" tab:
    :func:`softlse_app.vector_lab.offset_scale.offset_scale_numbers`."""
    return offset_scale.offset_scale_numbers(vector(sigma), lam, c, a)


@cache_numbers(max_entries=NUMBER_CACHE_ENTRIES)
def lse_numbers(sigma: bytes, lam: float) -> lse_module.LseReadout:
    """The "lse vs max" tab: :func:`softlse_app.vector_lab.lse_readout.lse_readout`."""
    return lse_module.lse_readout(vector(sigma), lam)


@cache_numbers(max_entries=NUMBER_CACHE_ENTRIES)
def sweep_numbers(sigma: bytes, lam: float) -> sweep.SweepNumbers:
    """The "Temperature sweep" tab: :func:`softlse_app.vector_lab.sweep.sweep_numbers`."""
    return sweep.sweep_numbers(vector(sigma), lam)


@cache_numbers(max_entries=NUMBER_CACHE_ENTRIES)
def simplex_numbers(sigma: bytes, lam: float) -> sweep.SimplexNumbers | None:
    """The "Simplex" tab: :func:`softlse_app.vector_lab.sweep.simplex_numbers` (``None``
    unless n = 3)."""
    return sweep.simplex_numbers(vector(sigma), lam)


@cache_numbers(max_entries=NUMBER_CACHE_ENTRIES)
def stability_numbers(sigma: bytes, lam: float) -> stability.StabilityReport:
    """The "Stable vs textbook" tab: :func:`softlse_app.vector_lab.stability.stability_report`."""
    return stability.stability_report(vector(sigma), lam)
