"""The loops behind :func:`softlse_core.softmax` for a finite, nonzero λ.

- :func:`softmax_shifted`: exp(λ·(x_k − a)) / Σ_j exp(λ·(x_j − a)) along any axis, with
  a = max(x) for λ > 0 and a = min(x) for λ < 0 (Blanchard, Higham & Higham 2021, §4).
- :func:`softmax_pairs`: for an axis of length 2, the logistic form 1/(1 + e^v),
  e^v/(1 + e^v) with v = λ·(x₀ − x₁), block by block (:mod:`softlse_core.pair_blocks`) and
  without branching on which entry is larger, so that its speed does not depend on the
  data's layout: one exp per pair instead of two (in float64 never of an exponent below
  −700, where NumPy's exp is slow), and half the passes over memory. Within
  softmax's documented bound, like the shifted formula (not the same bits). float32 input
  is computed in float32 arithmetic, as scipy does, for speed — all but the exponent, which
  is formed in float64 and rounded once to float32 so that the errors (several float32 ulps
  instead of one rounding of the float64 result) stay within that bound.

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

_FLOAT64 = np.dtype(np.float64)
_FLOAT32 = np.dtype(np.float32)

#: The largest exponent v = λ·(x₀ − x₁) of a block that the pair kernel's logistic form
#: takes, per working dtype: below it E = e^v and 1/(1 + E) stay finite and normal (e^700 ≈
#: 1.0e304 of float64's 1.8e308, e^80 ≈ 5.5e34 of float32's 3.4e38).
_PAIR_LIMIT = {_FLOAT64: 700.0, _FLOAT32: 80.0}

#: NumPy's float64 exp leaves its vector path for inputs below about −708, where e^v is
#: subnormal or 0, and is then 5–40 times slower per entry (float32 exp has no such path).
#: :func:`_exp_in_fast_range` keeps every input at or above this floor.
_FAST_EXP_FLOOR = -700.0

#: The floor of the second factor there: e^(−700)·e^(−46) ≈ 1.0e−324 rounds to 0, as e^v does
#: for every v below about −745.13.
_FAST_EXP_REST_FLOOR = -46.0


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


#: The most pairs a C-contiguous float64 grid may have to be computed as one block, in its own
#: layout (:func:`_softmax_pairs_in_one_block`): two of the blocked path's blocks, so the LSE
#: page's 201 × 201 and 251 × 251 grids are one block too. With the exponents formed in the
#: result, the one block's working set is its input and its result (plus two buffers where
#: exponents lie beyond ±700 both ways). Whole calls against scipy's, alternately, as
#: ``benchmarks/core.py`` times them (2026-12-02): at n = 201–351 and λ = 10 one block took
#: 0.50–0.55× scipy's time where the blocks took 0.58–0.71×; but at n = 301–351 and λ = 1000
#: on the meshgrid, where those two buffers join in, 0.76–0.81× against 0.70–0.77×, hence
#: the limit.
ONE_BLOCK_FLOAT64 = 2 * PAIR_BLOCK


def softmax_pairs(x: NDArray[Any], lam: float, axis: int, out_dtype: np.dtype[Any]) -> NDArray[Any]:
    r"""Softmax over ``axis`` of length 2, returned in ``out_dtype``.

    With v = λ·(x₀ − x₁) and E = exp(v), each block of pairs whose v are all at most
    :data:`_PAIR_LIMIT` of the working precision (700 in float64, 80 in float32) takes the
    logistic form of the pair's softmax,

    .. math::

        p_1 = \frac{1}{1 + E}, \qquad p_0 = E \cdot p_1 = \frac{E}{1 + E},

    the shifted formula divided through by x₁'s term: four passes after v and one ``exp``
    per pair, where the shifted formula takes a maximum, a sum and an ``exp`` per entry.
    Below the limit E and 1/(1 + E) stay finite and normal; a very negative v breaks nothing
    either (E is subnormal or 0, p₁ = 1 and p₀ = E). E's relative error reaches p₁ damped by
    E/(1 + E) and p₀ by 1/(1 + E); 1 + E, the division and the product add one rounding each.

    A block whose v are all at least minus that limit takes the same form with the roles of
    x₀ and x₁ swapped (exponents −v; sorted data at λ < 0). A block holding v beyond the
    limit both ways (E would overflow either way) or a NaN takes the shifted formula's
    operations instead (:func:`_shifted_pair_block`, about three times as many passes), so
    the speed depends on the data only through how many blocks need that.

    In float64 exp never gets an exponent below −700: below about −708, where E is
    subnormal or 0, NumPy's exp is 5–40 times slower per entry.
    Where a block's exponents reach below −700 (the logistic form checks each block's
    minimum; the shifted formula's e^(−|v|) always may), E is taken in two factors that are
    both in exp's fast range (:func:`_exp_in_fast_range`), at the cost of two maxima, a
    subtraction, a second exp and a product. (Squaring e^(−|v|/2) instead is cheaper, but
    doubles exp's error in E, and where |v| is a few units and the roundings of v line up
    that exceeds the bound.)

    v is formed in float64, where x₀ − x₁ of float32 or float16 entries rounds by at most
    float64's u. float16 and float64 input is then computed in float64 (float16 rounded once
    at the end), float32 input in float32: v is rounded once to float32 (its only rounding
    that counts, where the shifted formula in float32 has two, in x₀ − x₁ and in the
    product), then exp, 1 + E, the division and the product are float32 operations.
    float32 runs in blocks of :data:`FLOAT32_PAIR_BLOCK` pairs, others of
    :data:`~softlse_core.pair_blocks.PAIR_BLOCK`; a C-contiguous float32 grid of at most
    one block, or float64 grid of at most :data:`ONE_BLOCK_FLOAT64` pairs, is one block
    (:func:`_softmax_pairs_in_one_block`).
    """
    if x.dtype == out_dtype and x.flags.c_contiguous and x.size:
        # at most one block: in the input's own layout, without the blocks' set-up
        if x.dtype == _FLOAT64:
            if x.size <= 2 * ONE_BLOCK_FLOAT64:
                return _softmax_pairs_in_one_block(x, lam, axis, ONE_BLOCK_FLOAT64)
        elif x.dtype == _FLOAT32 and x.size <= 2 * FLOAT32_PAIR_BLOCK:
            return _softmax_pairs_in_one_block(x, lam, axis, FLOAT32_PAIR_BLOCK)
    work = _FLOAT32 if x.dtype == _FLOAT32 else _FLOAT64
    block_size = PAIR_BLOCK if work == _FLOAT64 else FLOAT32_PAIR_BLOCK
    out = np.empty(x.shape, dtype=out_dtype)
    first_plane, second_plane = split_pair_axis(x, axis)
    out_first, out_second = split_pair_axis(out, axis)
    size = min(block_size, first_plane.size)
    first = Float64Blocks(first_plane, size, "softmax x0")
    second = Float64Blocks(second_plane, size, "softmax x1")
    # v in float64: x₀ − x₁ is taken in place in x₀'s widened copy when there is one
    exponent = scratch("softmax v", size) if first.buffer is None else first.buffer
    rounded = None if work == _FLOAT64 else scratch("softmax v32", size, work)
    # p₀ and p₁ go straight into the result when it has the working dtype (float64,
    # float32); float16 results are rounded from float64 buffers at the end of each block
    shares = None
    if out_dtype != work:
        shares = (scratch("softmax p0", size), scratch("softmax p1", size))
    with np.errstate(all="ignore"):
        for rows, cols in pair_blocks(first_plane.shape, size):
            v = block_buffer(exponent, rows, cols)
            np.subtract(first[rows, cols], second[rows, cols], out=v)
            if lam != 1.0:  # multiplying by 1 changes nothing
                np.multiply(v, lam, out=v)
            if rounded is not None:
                w = block_buffer(rounded, rows, cols)
                np.copyto(w, v, casting="same_kind")  # v rounded once to float32
                v = w
            result_first, result_second = out_first[rows, cols], out_second[rows, cols]
            if shares is None:
                p0, p1 = result_first, result_second
            else:
                p0, p1 = (block_buffer(share, rows, cols) for share in shares)
            entries = (first_plane[rows, cols], second_plane[rows, cols])
            _finish_block(v, p0, p1, entries, lam, size)
            if shares is not None:
                np.copyto(result_first, p0, casting="same_kind")
                np.copyto(result_second, p1, casting="same_kind")
    return out


def _softmax_pairs_in_one_block(x: NDArray[Any], lam: float, axis: int, size: int) -> NDArray[Any]:
    """:func:`softmax_pairs` of C-contiguous float64 or float32 ``x`` of at most ``size``
    pairs (:data:`ONE_BLOCK_FLOAT64` or :data:`FLOAT32_PAIR_BLOCK`): the operations of one
    block on all the pairs, in the input's own layout. A sheet-sized grid is one block, and
    for it the set-up of blocks (the widened copies, the block slices) was a fifth of the
    float64 time and an eighth of the float32 time. The exponents v are formed in p₀'s place in the
    result (in float32 rounded into it from a float64 buffer), which the kernel writes last,
    so the grid's call touches the input and the result only (about 0.07 of scipy's time
    less at n = 100) — where p₀ is contiguous, the pair axis first; otherwise in a buffer."""
    first, second, out, p0, p1 = _halves_with_result(x, axis)
    n = first.size
    in_float32 = x.dtype == _FLOAT32
    # v in p₀'s place only where p₀ is contiguous (the pair axis first): with the pairs
    # last or in the middle p₀ is strided, and every pass on strided data is slower (float32
    # exp with underflowing results by two orders of magnitude), so v gets a buffer there
    in_result = p0.flags.c_contiguous
    with np.errstate(all="ignore"):
        if in_float32:  # x₀ − x₁ formed in float64, as in the blocks of softmax_pairs
            v = _buffer("softmax v", size, n, first)
            np.subtract(first, second, out=v, dtype=_FLOAT64)
            if lam != 1.0:  # multiplying by 1 changes nothing
                np.multiply(v, lam, out=v)
            rounded = p0 if in_result else _buffer("softmax v32", size, n, first, _FLOAT32)
            np.copyto(rounded, v, casting="same_kind")  # v rounded once to float32
            v = rounded
        else:
            v = p0 if in_result else _buffer("softmax v", size, n, first)
            np.subtract(first, second, out=v)
            if lam != 1.0:
                np.multiply(v, lam, out=v)
        _finish_block(v, p0, p1, (first, second), lam, size)
    return out


def _halves_with_result(
    x: NDArray[Any], axis: int
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any], NDArray[Any], NDArray[Any]]:
    """x₀ and x₁ of C-contiguous ``x`` along ``axis``, the new result array and its two
    halves, as views: 1-D where the pair axis is the first or the last one (the grid's and
    the list of pairs' cases), so that the kernel's buffers need no reshaping, else 2-D."""
    rows = math.prod(x.shape[:axis])
    cols = x.size // (2 * rows) if rows else 0
    out = np.empty_like(x)
    if rows == 1:
        triple, out_triple = x.reshape(2, cols), out.reshape(2, cols)
        return triple[0], triple[1], out, out_triple[0], out_triple[1]
    if cols == 1:
        triple, out_triple = x.reshape(rows, 2), out.reshape(rows, 2)
        return triple[:, 0], triple[:, 1], out, out_triple[:, 0], out_triple[:, 1]
    triple, out_triple = x.reshape(rows, 2, cols), out.reshape(rows, 2, cols)
    return triple[:, 0], triple[:, 1], out, out_triple[:, 0], out_triple[:, 1]


def _buffer(
    name: str, size: int, count: int, like: NDArray[Any], dtype: np.dtype[Any] = _FLOAT64
) -> NDArray[Any]:
    """The thread's :func:`scratch` buffer ``name`` cut to ``count`` entries and shaped like
    ``like`` (no reshaping for 1-D ``like``: it costs a call on every buffer)."""
    buffer = scratch(name, size, dtype)[:count]
    return buffer if like.ndim == 1 else buffer.reshape(like.shape)


def _finish_block(
    v: NDArray[Any],
    p0: NDArray[Any],
    p1: NDArray[Any],
    entries: tuple[NDArray[Any], NDArray[Any]],
    lam: float,
    size: int,
) -> None:
    """p₀, p₁ of one block of pairs from their exponents ``v`` = λ·(x₀ − x₁) in the working
    dtype (``v`` is overwritten): the logistic form when every v is at most the dtype's
    :data:`_PAIR_LIMIT`; the same with the entries' roles swapped (exponents −v) when every v
    is at least minus that limit, as on sorted data at λ < 0; else
    :func:`_shifted_pair_block`, and where x₀ = x₁ = the winning infinity (``entries`` are
    the block's x₀ and x₁), 1/2 each, the limit of softmax. ``size`` is the block size the
    thread's buffers are kept for."""
    limit = _PAIR_LIMIT[v.dtype]
    top = np.maximum.reduce(v, axis=None)  # NaN if a v is
    if top <= limit:
        _logistic_pair_block(v, p0, p1, size, None)
        return
    if not math.isnan(top) and np.minimum.reduce(v, axis=None) >= -limit:
        np.negative(v, out=v)  # x₁'s exponents against x₀: all at most the limit
        _logistic_pair_block(v, p1, p0, size, -top)
        return
    _shifted_pair_block(v, p0, p1, size)
    if math.isnan(top):
        # inf − inf: both entries are the winning infinity, the limit splits evenly
        first, second = entries
        split = (first == second) & (first == math.copysign(math.inf, lam))
        p0[split] = 0.5
        p1[split] = 0.5


def _logistic_pair_block(
    v: NDArray[Any], p_top: NDArray[Any], p_other: NDArray[Any], size: int, lowest: float | None
) -> None:
    """The logistic form for exponents ``v`` ≤ the dtype's :data:`_PAIR_LIMIT`:
    ``p_other`` = 1/(1 + E) and ``p_top`` = E·``p_other`` with E = e^v (p₀ and p₁ for
    v = λ·(x₀ − x₁); p₁ and p₀ for its negative). ``lowest`` is the least v if known (else
    None): in float64, exponents below −700 take E in two factors
    (:func:`_exp_in_fast_range`). ``size`` is the block size the thread's buffers are kept
    for."""
    if v.dtype == _FLOAT64 and lowest is None:
        lowest = np.minimum.reduce(v, axis=None)
    if v.dtype == _FLOAT64 and lowest < _FAST_EXP_FLOOR:
        # E, some of it subnormal or 0; p_other, written next, holds the high factor
        spare = _spare(p_other, v)
        _exp_in_fast_range(v, p_top, size, spare)
    else:
        np.exp(v, out=p_top)  # E
    np.add(p_top, 1.0, out=p_other)
    np.divide(1.0, p_other, out=p_other)  # 1/(1 + E)
    np.multiply(p_top, p_other, out=p_top)  # E/(1 + E)


#: Per working dtype, for the shifted formula's branch-free choice: the integer type of the
#: same width, the bits of −0.0 (the sign bit) and the shift that spreads the sign bit over
#: the whole integer.
_SIGN_BITS = {
    _FLOAT64: (np.dtype(np.int64), np.array(-(2**63), np.int64), 63),
    _FLOAT32: (np.dtype(np.int32), np.array(-(2**31), np.int32), 31),
}


def _shifted_pair_block(v: NDArray[Any], p0: NDArray[Any], p1: NDArray[Any], size: int) -> None:
    """p₀, p₁ of one block from its exponents ``v`` (overwritten) by the shifted formula's
    operations, for any v: with E = exp(−|v|) ≤ 1 and R = 1/(1 + E), the entry that wins (x₀
    where v > 0, x₁ where v < 0) gets R and the other L = E·R, as in the logistic form (one
    division, not two); a NaN v gives NaN.

    Which is which is chosen without a branch: the sign bit of v (set exactly where x₁
    wins; at a tie E = 1 and either way gives 1/2), spread over the integer of the same
    width, masks R's bits to T₁ = R where x₁ wins and 0 elsewhere; then p₁ = max(L, T₁) and
    p₀ = max(L, R − T₁), both exact selections since L ≤ R (np.maximum carries a NaN
    through). ``size`` is the block size the thread's buffers are kept for."""
    work = v.dtype
    ints, sign_bit, shift = _SIGN_BITS[work]
    n = v.size
    bits = _buffer("softmax mask", size, n, v, ints)
    share = _buffer("softmax 1/(1 + E)", size, n, v, work)
    v_bits = v.view(ints)
    np.right_shift(v_bits, shift, out=bits)  # all ones where x₁ wins, else 0
    np.bitwise_or(v_bits, sign_bit, out=v_bits)  # −|v|, exactly
    if work == _FLOAT64:  # a v > 700 (or a NaN): e^−|v| may be slow for NumPy's exp
        _exp_in_fast_range(v, v, size, _spare(p1, v))
    else:
        np.exp(v, out=v)  # E
    np.add(v, 1.0, out=share)
    np.divide(1.0, share, out=share)  # R, the winner's share
    np.multiply(v, share, out=v)  # L = E·R, the loser's
    np.bitwise_and(share.view(ints), bits, out=bits)  # T₁: R where x₁ wins, else 0.0
    masked = bits.view(work)
    np.maximum(v, masked, out=p1)
    np.subtract(share, masked, out=share)  # R where x₀ wins, else 0.0
    np.maximum(v, share, out=p0)


def _spare(candidate: NDArray[Any], v: NDArray[Any]) -> NDArray[Any] | None:
    """``candidate`` as :func:`_exp_in_fast_range`'s ``spare`` if it may serve: contiguous
    (a strided one makes its passes slower than a buffer of the thread's) and apart from
    ``v``; else None."""
    if candidate.flags.c_contiguous and not np.may_share_memory(candidate, v):
        return candidate
    return None


def _exp_in_fast_range(
    v: NDArray[np.float64],
    out: NDArray[np.float64],
    size: int,
    spare: NDArray[np.float64] | None = None,
) -> None:
    r"""``out`` = e^v for float64 ``v`` ≤ 700 (``out`` may be ``v``), without handing exp an
    input below :data:`_FAST_EXP_FLOOR` (f = −700), where NumPy's exp is slow:

    .. math::

        e^v = e^{h} \cdot e^{d}, \qquad h = \max(v, f), \quad d = \max(v - h, -46).

    Where v ≥ f, d = 0 and e^d = 1, so ``out`` has the bits of ``np.exp(v)``. Where
    f − 46 ≤ v < f, v − h = v − f is exact (Sterbenz: v and f within a factor of 2), and the
    product has three roundings: the two factors' (NumPy's exp is within about 1.2u, not
    correctly rounded) and its own. Between e^−708.4 and e^−700, where the product is still
    normal, that is within about 2.2u of e^v; below, within about one smallest subnormal
    (at most 0.89 of one in 12 million samples). Below f − 46 the product rounds to 0, as
    e^v does. −inf gives 0 and NaN gives NaN. ``size`` is the block size the thread's
    buffers are kept for; ``spare``, if given, is an array of v's shape that the caller
    overwrites afterwards (and that is neither ``v`` nor ``out``), used for the first factor
    instead of a buffer of the thread's: one array fewer brought into the cache."""
    high = _buffer("softmax exp high", size, v.size, v) if spare is None else spare
    np.maximum(v, _filled(_FAST_EXP_FLOOR, v), out=high)
    np.subtract(v, high, out=out)
    np.maximum(out, _filled(_FAST_EXP_REST_FLOOR, v), out=out)
    np.exp(out, out=out)
    np.exp(high, out=high)
    np.multiply(out, high, out=out)


_FILLED: dict[float, NDArray[np.float64]] = {}


def _filled(value: float, like: NDArray[Any]) -> NDArray[np.float64]:
    """A read-only float64 array shaped like ``like``, filled with ``value`` and shared by
    every thread: np.maximum of two arrays takes NumPy's vector loop, and of an array and a
    scalar a loop about half as fast. One array per value, regrown when a longer one is
    asked for; the kernels ask for at most :data:`ONE_BLOCK_FLOAT64` entries (2 × 512 KiB
    in all)."""
    count = like.size
    filled = _FILLED.get(value)
    if filled is None or filled.size < count:
        filled = np.full(max(count, 1), value)
        filled.flags.writeable = False
        _FILLED[value] = filled
    return filled[:count] if like.ndim == 1 else filled[:count].reshape(like.shape)
