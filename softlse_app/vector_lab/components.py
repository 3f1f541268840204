"""Which components of a long σ the vector lab shows: every one for a short vector, the most
probable under softmax(σ, λ) for a long one (the summaries — lse, entropy, verdicts — always
use the whole vector), and their names σ1, σ2, …"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from softlse_core import FloatArray

#: Vectors up to this length get every component in the tables and the bars; longer ones
#: their most probable components.
TABLE_COMPONENTS = 20

#: Components followed in the temperature sweep (one Okabe–Ito colour each).
SWEEP_COMPONENTS = 8


def top_k_indices(p: FloatArray, k: int) -> NDArray[np.intp]:
    """Indices of the k largest entries of p, largest first; ties keep the smaller index
    first; NaN counts as smallest. k larger than len(p) gives all indices. O(n) selection,
    then a sort of k."""
    n = p.size
    k = max(0, min(int(k), n))
    if k == 0:
        return np.empty(0, dtype=np.intp)
    key = np.nan_to_num(np.asarray(p, dtype=np.float64), nan=-math.inf)
    if k < n:
        candidates = np.argpartition(-key, k - 1)[:k]
        # argpartition may cut a tie arbitrarily: take every entry tied with the k-th value
        # below the cut by index so the result is deterministic.
        kth = key[candidates].min()
        above = np.flatnonzero(key > kth)
        tied = np.flatnonzero(key == kth)[: k - above.size]
        candidates = np.concatenate([above, tied])
    else:
        candidates = np.arange(n)
    order = np.lexsort((candidates, -key[candidates]))
    return candidates[order].astype(np.intp)


def leading_components(p: FloatArray, limit: int) -> NDArray[np.intp]:
    """Every index, in order, for a vector of at most ``limit`` entries; else the ``limit``
    most probable under ``p``, most probable first."""
    if p.size <= limit:
        return np.arange(p.size, dtype=np.intp)
    return top_k_indices(p, limit)


def component_labels(indices: NDArray[np.intp] | list[int]) -> list[str]:
    """1-based component names: σ1, σ2, …"""
    return [f"σ{int(j) + 1}" for j in indices]
