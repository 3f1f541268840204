"""The loops behind :func:`softlse_core.softmax` for a finite, nonzero λ.

- :func:`softmax_shifted`: exp(λ·(x_k − a)) / Σ_j exp(λ·(x_j − a)) along any axis, with
  a = max(x) for λ > 0 and a = min(x) for λ < 0 (Blanchard, Higham & Higham 2021, §4).
- :func:`softmax_pairs`: the same numbers, bit for bit, for an axis of length 2, block by
  block (:mod:`softlse_core.pair_blocks`) and without branching on which entry is larger,
  so that its speed does not depend on the data's layout.

Both expect a finite λ ≠ 0 and never emit RuntimeWarnings.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

from softlse_core.pair_blocks import (
    PAIR_BLOCK,
    Float64Blocks,
    block_buffer,
    pair_blocks,
    split_pair_axis,
)

__all__ = ["softmax_pairs", "softmax_shifted"]

#: The bit pattern of the float64 1.0: ANDed with an all-ones or all-zeros int64 it gives
#: 1.0 or 0.0 without a branch.
_ONE_BITS = np.float64(1.0).view(np.int64)


def softmax_shifted(x: NDArray[Any], lam: float, axis: int) -> NDArray[Any]:
    """Softmax along ``axis`` by the shifted formula, in ``x``'s own precision."""
    with np.errstate(all="ignore"):
        reduce = np.max if lam > 0 else np.min
        pivot = reduce(x, axis=axis, keepdims=True)
        p = np.subtract(x, pivot)
        np.multiply(p, lam, out=p)
        np.exp(p, out=p)
        p /= np.sum(p, axis=axis, keepdims=True)
        winning_inf = pivot == math.copysign(math.inf, lam)
        if winning_inf.any():
            is_top = x == pivot
            uniform = is_top / np.count_nonzero(is_top, axis=axis, keepdims=True)
            p = np.where(winning_inf, uniform, p)
    return p


def softmax_pairs(x: NDArray[Any], lam: float, axis: int, out_dtype: np.dtype[Any]) -> NDArray[Any]:
    """Softmax over ``axis`` of length 2, computed in float64, returned in ``out_dtype``.

    With E = exp(−|λ|·|x₀ − x₁|) the entry that wins (the larger for λ > 0, the smaller for
    λ < 0) gets 1/(1 + E) and the other E/(1 + E): the operations of the shifted formula
    (the winner's term is exp(0) = 1), so the same numbers bit for bit. Which numerator is 1
    and which is E is chosen without a branch: the sign bit of x₀ − x₁ becomes a 0.0/1.0
    mask M through integer operations, and max(E, M) is 1 where M = 1 and E where M = 0
    (E ≤ 1; a NaN E stays NaN).

    ``x`` must be float16, float32 or float64 (float16/32 are widened block by block).
    """
    out = np.empty(x.shape, dtype=out_dtype)
    first_plane, second_plane = split_pair_axis(x, axis)
    out_first, out_second = split_pair_axis(out, axis)
    size = min(PAIR_BLOCK, first_plane.size)
    first, second = Float64Blocks(first_plane, size), Float64Blocks(second_plane, size)
    winning_inf = math.copysign(math.inf, lam)
    term = np.empty(size)  # t, then E
    denominator = np.empty(size)  # 1 + E
    numerator = np.empty(size)
    mask = np.empty(size, dtype=np.int64)
    neg_abs_lam = -abs(lam)
    with np.errstate(all="ignore"):
        for rows, cols in pair_blocks(first_plane.shape, size):
            e = block_buffer(term, rows, cols)
            d = block_buffer(denominator, rows, cols)
            num = block_buffer(numerator, rows, cols)
            bits = block_buffer(mask, rows, cols)
            a, b = first[rows, cols], second[rows, cols]
            if lam > 0:
                np.subtract(a, b, out=e)
            else:
                np.subtract(b, a, out=e)
            # the sign bit of t = a − b (b − a for λ < 0) is set exactly where b wins
            np.right_shift(e.view(np.int64), 63, out=bits)  # −1 where b wins, else 0
            np.abs(e, out=e)
            np.multiply(e, neg_abs_lam, out=e)  # −|λ·(x₀ − x₁)|, bit for bit
            np.exp(e, out=e)
            np.add(e, 1.0, out=d)
            np.bitwise_and(bits, _ONE_BITS, out=bits)  # 1.0 where the second wins, else 0.0
            np.maximum(e, bits.view(np.float64), out=num)
            np.divide(num, d, out=out_second[rows, cols])
            np.bitwise_xor(bits, _ONE_BITS, out=bits)  # 1.0 where the first wins, else 0.0
            np.maximum(e, bits.view(np.float64), out=num)
            np.divide(num, d, out=out_first[rows, cols])
            if math.isnan(np.maximum.reduce(d, axis=None)):
                # inf − inf: both entries are the winning infinity, the limit splits evenly.
                split = np.isnan(d) & (a == b) & (a == winning_inf)
                out_first[rows, cols][split] = 0.5
                out_second[rows, cols][split] = 0.5
    return out
