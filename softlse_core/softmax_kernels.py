"""The loops behind :func:`softlse_core.softmax` for a finite, nonzero λ.

- :func:`softmax_shifted`: exp(λ·(x_k − a)) / Σ_j exp(λ·(x_j − a)) along any axis, with
  a = max(x) for λ > 0 and a = min(x) for λ < 0 (Blanchard, Higham & Higham 2021, §4).
- :func:`softmax_pairs`: the same operations for an axis of length 2, block by block
  (:mod:`softlse_core.pair_blocks`) and without branching on which entry is larger, so that
  its speed does not depend on the data's layout. For float64 and float16 input (computed
  in float64) the same numbers, bit for bit. float32 input is computed in float32
  arithmetic, as scipy does, for speed — all but the exponent λ·(x₀ − x₁), which is formed
  in float64 and rounded once to float32 so that the errors (several float32 ulps instead of
  one rounding of the float64 result) stay within softmax's documented bound.

Both expect a finite λ ≠ 0 and never emit RuntimeWarnings.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

from softlse_core.pair_blocks import (
    FLOAT32_PAIR_BLOCK,
    PAIR_BLOCK,
    Float64Blocks,
    block_buffer,
    pair_blocks,
    scratch,
    split_pair_axis,
)

__all__ = ["softmax_pairs", "softmax_shifted"]

#: The integer type of each float's width, for the sign-bit mask: the bits of 1.0 ANDed with an
#: all-ones or all-zeros integer give 1.0 or 0.0 without a branch.
_MASK_INTS = {np.dtype(np.float64): np.dtype(np.int64), np.dtype(np.float32): np.dtype(np.int32)}
_FLOAT64 = np.dtype(np.float64)


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
    """Softmax over ``axis`` of length 2, returned in ``out_dtype``.

    With E = exp(−|v|), v = λ·(x₀ − x₁), the entry that wins (the larger for λ > 0, the
    smaller for λ < 0) gets 1/(1 + E) and the other E/(1 + E): the operations of the shifted
    formula (the winner's term is exp(0) = 1). Which numerator is 1 and which is E is chosen
    without a branch: the sign bit of v (set exactly where x₁ wins, whatever the sign of λ;
    at a tie E = 1 and either way gives 1/2) becomes a 0.0/1.0 mask M through integer
    operations, and max(E, M) is 1 where M = 1 and E where M = 0 (E ≤ 1; a NaN E stays NaN).

    v is formed in float64, where x₀ − x₁ of float32 or float16 entries rounds by at most
    float64's u. float16 and float64 input is then computed in float64 — the shifted
    formula's numbers, bit for bit — and float32 input in float32: v is rounded once to
    float32 (its only rounding that counts, where the shifted formula in float32 has two, in
    x₀ − x₁ and in the product), then exp, 1 + E and the divisions are float32 operations.
    float32 runs in blocks of :data:`FLOAT32_PAIR_BLOCK` pairs, others of
    :data:`~softlse_core.pair_blocks.PAIR_BLOCK`.
    """
    work = np.dtype(np.float32) if x.dtype == np.float32 else _FLOAT64
    ints = _MASK_INTS[work]
    one_bits = work.type(1.0).view(ints)
    sign_bit = work.type(-0.0).view(ints)
    sign_shift = 8 * ints.itemsize - 1
    out = np.empty(x.shape, dtype=out_dtype)
    first_plane, second_plane = split_pair_axis(x, axis)
    out_first, out_second = split_pair_axis(out, axis)
    size = min(FLOAT32_PAIR_BLOCK if work != _FLOAT64 else PAIR_BLOCK, first_plane.size)
    first = Float64Blocks(first_plane, size, "softmax x0")
    second = Float64Blocks(second_plane, size, "softmax x1")
    winning_inf = math.copysign(math.inf, lam)
    # v in float64: x₀ − x₁ is taken in place in x₀'s widened copy when there is one
    exponent = scratch("softmax v", size) if first.buffer is None else first.buffer
    term = exponent if work == _FLOAT64 else scratch("softmax E", size, work)  # v, then E
    rounds_to_work = term is not exponent  # (compare the buffers: block views are new objects)
    denominator = scratch("softmax 1 + E", size, work)
    # float32: the numerators max(E, M) go straight into the result, which is then divided in
    # place (one buffer less in the larger float32 blocks). float64 keeps a numerator buffer:
    # its blocks are sized for L2 with it, and dividing into the result from there is faster.
    numerator = None if work == np.float32 else scratch("softmax numerator", size, work)
    mask = scratch("softmax mask", size, ints)
    with np.errstate(all="ignore"):
        for rows, cols in pair_blocks(first_plane.shape, size):
            v = block_buffer(exponent, rows, cols)
            e = block_buffer(term, rows, cols)
            d = block_buffer(denominator, rows, cols)
            bits = block_buffer(mask, rows, cols)
            result_first, result_second = out_first[rows, cols], out_second[rows, cols]
            if numerator is None:
                num_first, num_second = result_first, result_second
            else:
                num_first = num_second = block_buffer(numerator, rows, cols)
            np.subtract(first[rows, cols], second[rows, cols], out=v)
            if lam != 1.0:  # multiplying by 1 changes nothing
                np.multiply(v, lam, out=v)
            if rounds_to_work:
                np.copyto(e, v, casting="same_kind")  # v rounded once to float32
            # v's sign bit, which rounding keeps, is set exactly where x₁ wins
            e_bits = e.view(ints)
            np.right_shift(e_bits, sign_shift, out=bits)  # −1 where x₁ wins, else 0
            np.bitwise_or(e_bits, sign_bit, out=e_bits)  # −|v|, exactly
            np.exp(e, out=e)
            np.add(e, 1.0, out=d)
            np.bitwise_and(bits, one_bits, out=bits)  # 1.0 where x₁ wins, else 0.0
            np.maximum(e, bits.view(work), out=num_second)
            np.divide(num_second, d, out=result_second)
            np.bitwise_xor(bits, one_bits, out=bits)  # 1.0 where x₀ wins, else 0.0
            np.maximum(e, bits.view(work), out=num_first)
            np.divide(num_first, d, out=result_first)
            if math.isnan(np.maximum.reduce(d, axis=None)):
                # inf − inf: both entries are the winning infinity, the limit splits evenly.
                a, b = first_plane[rows, cols], second_plane[rows, cols]
                split = np.isnan(d) & (a == b) & (a == winning_inf)
                result_first[split] = 0.5
                result_second[split] = 0.5
    return out
