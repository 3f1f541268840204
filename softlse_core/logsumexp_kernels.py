"""The loops behind :func:`softlse_core.lse`: Algorithm 4.1 for a finite, nonzero λ.

Three kernels compute the same numbers (Algorithm 4.1 of Blanchard, Higham & Higham) with
different memory traffic:

- ``_blocked_row``: one long contiguous slice, in cache-sized chunks, reusing one exp
  buffer (no temporary of the slice's size);
- :func:`lse_pairs` (``_pair`` per block): a reduction axis of length 2, elementwise:
  a + log1p(exp(−|λ|·|x₀ − x₁|))/λ with a the max (min for λ < 0) — for two entries this
  *is* Algorithm 4.1: m = 1, s = exp(λ·(x_other − a)), or m = 2, s = 0 and log1p(1) = log 2.
  It runs block by block (:mod:`softlse_core.pair_blocks`) and has no data-dependent branch;
- ``_slab``: the vectorised algorithm along any axis.

Each computes the pivot a and the gap L/λ = lse − a with L = log(m) + log1p(s/m); lse adds
them (and is the pivot itself where the pivot is infinite), :func:`softlse_core.lse_gap` keeps
only the gap, so it does not round to 0 when it is far below the pivot's last bit.

All kernels expect a float array and a finite λ ≠ 0; they never emit RuntimeWarnings.

Exact bounds: the computed L = log(m) + log1p(s/m) is clamped to [0, fl(log n)] (it can only
leave that interval by a last-bit rounding of log/log1p), and rounding is monotone, so for
λ > 0 the result a + L/λ satisfies max ≤ lse ≤ max + log(n)/λ exactly in floating point.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from softlse_core.pair_blocks import (
    PAIR_BLOCK,
    Float64Blocks,
    block_buffer,
    pair_blocks,
    pair_plane,
    scratch,
    split_pair_axis,
)

__all__ = ["CHUNK", "gap_along_axis", "lse_along_axis", "lse_pairs"]

#: What a kernel returns: lse itself, or only the gap L/λ = lse − pivot.
Want = Literal["lse", "gap"]

#: Elements per chunk of the blocked pass: 32768 float64 = 256 KiB, which stays in L2 cache.
CHUNK = 32_768
_LOG2 = math.log(2.0)


def _blocked_row(row: NDArray[np.float64], lam: float) -> tuple[float, float]:
    """(pivot, L/λ) of Algorithm 4.1 over one long 1-D float64 slice, chunk by chunk."""
    pivot = float(row.max() if lam > 0 else row.min())
    if math.isnan(pivot):
        return pivot, pivot
    if math.isinf(pivot):
        # Every entry that is not this infinity contributes exp(−inf) = 0 (see lse_gap).
        return pivot, math.log(int(np.count_nonzero(row == pivot))) / lam
    with np.errstate(all="ignore"):
        return pivot, _blocked_gap(row, pivot, lam) / lam


def _blocked_gap(row: NDArray[np.float64], pivot: float, lam: float) -> float:
    """L = log(m) + log1p(s/m), clamped to log(n), for a finite pivot."""
    buf = np.empty(min(CHUNK, row.size))
    is_top = np.empty(buf.size, dtype=bool)
    partial_sums: list[float] = []
    m = 0
    for start in range(0, row.size, CHUNK):
        chunk = row[start : start + CHUNK]
        b = buf[: chunk.size]
        top = is_top[: chunk.size]
        np.subtract(chunk, pivot, out=b)
        if lam != 1.0:  # multiplying by 1 changes nothing
            np.multiply(b, lam, out=b)
        np.equal(b, 0.0, out=top)
        k = int(np.count_nonzero(top))
        np.exp(b, out=b)
        if k:
            m += k
            np.copyto(b, 0.0, where=top)
        partial_sums.append(float(b.sum()))
    s = math.fsum(partial_sums)
    return min(math.log(m) + math.log1p(s / m), math.log(row.size))


def lse_pairs(
    x: NDArray[Any], lam: float, axis: int, out_dtype: np.dtype[Any], want: Want = "lse"
) -> NDArray[Any]:
    """Algorithm 4.1 over ``axis`` of length 2, block by block, in float64, returned in
    ``out_dtype`` with ``axis`` removed: lse, or only the gap L/λ if ``want="gap"``.
    ``x`` must be float16, float32 or float64."""
    out = np.empty(x.shape[:axis] + x.shape[axis + 1 :], dtype=out_dtype)
    first_plane, second_plane = split_pair_axis(x, axis)
    out_plane = pair_plane(x.shape, axis, out)
    size = min(PAIR_BLOCK, first_plane.size)
    first = Float64Blocks(first_plane, size, "lse x0")
    second = Float64Blocks(second_plane, size, "lse x1")
    result_buffer = scratch("lse result", size)
    pivot_buffer = scratch("lse pivot", size)
    with np.errstate(all="ignore"):
        for rows, cols in pair_blocks(first_plane.shape, size):
            a, b = first[rows, cols], second[rows, cols]
            result = block_buffer(result_buffer, rows, cols)
            pivot = block_buffer(pivot_buffer, rows, cols)
            _pair(a, b, lam, result, pivot, want)
            np.copyto(out_plane[rows, cols], result, casting="same_kind")
    return out


def _pair(
    a: NDArray[Any],
    b: NDArray[Any],
    lam: float,
    result: NDArray[Any],
    pivot: NDArray[Any],
    want: Want,
) -> None:
    """Algorithm 4.1 for two entries, elementwise, into ``result``: the gap L/λ with
    L = min(log1p(E), log 2) and E = exp(−|λ|·|a − b|), plus the pivot (max for λ > 0, min
    for λ < 0) if ``want="lse"``. ``pivot`` is scratch space."""
    np.subtract(a, b, out=result)
    np.abs(result, out=result)
    np.multiply(result, -abs(lam), out=result)
    np.exp(result, out=result)
    np.log1p(result, out=result)
    np.minimum(result, _LOG2, out=result)
    np.divide(result, lam, out=result)
    if want == "lse":
        (np.maximum if lam > 0 else np.minimum)(a, b, out=pivot)
        np.add(pivot, result, out=result)
    if math.isnan(np.maximum.reduce(result, axis=None)):
        # inf − inf: both entries are the same infinity. lse is that infinity; the gap is
        # log(2)/λ, two equal maxima (see lse_gap).
        same_inf = np.isnan(result) & np.isinf(a) & (a == b)
        if want == "lse":
            result[same_inf] = a[same_inf]
        else:
            result[same_inf] = _LOG2 / lam


def _slab(x: NDArray[Any], lam: float, axis: int) -> tuple[NDArray[Any], NDArray[Any]]:
    """(pivot, L/λ) of Algorithm 4.1, vectorised along ``axis`` of ``x`` (any float dtype,
    any layout)."""
    with np.errstate(all="ignore"):
        pivot = (
            np.max(x, axis=axis, keepdims=True) if lam > 0 else np.min(x, axis=axis, keepdims=True)
        )
        t = np.subtract(x, pivot)
        np.multiply(t, lam, out=t)
        is_top = t == 0
        m = np.count_nonzero(is_top, axis=axis)
        np.exp(t, out=t)
        np.copyto(t, 0, where=is_top)
        s = np.sum(t, axis=axis)
        gap = np.log(m.astype(t.dtype)) + np.log1p(s / m)
        gap = np.minimum(gap, np.log(t.dtype.type(x.shape[axis])))
        gap = gap / t.dtype.type(lam)
        infinite = np.isinf(pivot)
        if infinite.any():
            # an infinite pivot: the m entries equal to it are the maxima, the others add
            # exp(−inf) = 0 (t is NaN at the maxima: inf − inf)
            m_inf = np.count_nonzero(x == pivot, axis=axis).astype(t.dtype)
            gap = np.where(np.squeeze(infinite, axis=axis), np.log(m_inf) / lam, gap)
        return np.squeeze(pivot, axis=axis), np.asarray(gap)


def _lse_slab(x: NDArray[Any], lam: float, axis: int) -> NDArray[Any]:
    """lse by Algorithm 4.1 along ``axis``: the pivot itself where it is infinite."""
    pivot, gap = _slab(x, lam, axis)
    with np.errstate(all="ignore"):
        return np.asarray(np.where(np.isinf(pivot), pivot, pivot + gap))


def _along_axis(x: NDArray[Any], lam: float, axis: int, want: Want) -> NDArray[Any]:
    """Dispatch to the kernel with the least memory traffic; ``x.shape[axis] > 0``."""
    n = x.shape[axis]
    last = axis == x.ndim - 1
    if x.dtype == np.float64 and last and n >= CHUNK:
        rows = x.reshape(-1, n)
        pairs = [_blocked_row(row, lam) for row in rows]
        if want == "lse":
            out = np.array([p if math.isinf(p) else p + g for p, g in pairs])
        else:
            out = np.array([g for _, g in pairs])
        return out.reshape(x.shape[:-1])
    if n == 2 and not last:  # longdouble: float16/32/64 pairs go to lse_pairs before this
        a, b = np.moveaxis(x, axis, 0)
        result = np.empty(a.shape, dtype=x.dtype)
        with np.errstate(all="ignore"):
            _pair(a, b, lam, result, np.empty_like(result), want)
        return result
    kernel = _lse_slab if want == "lse" else _gap_slab
    if last and x.ndim > 1 and x.size > CHUNK:
        rows = x.reshape(-1, n)
        step = max(1, CHUNK // n)
        out = np.empty(rows.shape[0], dtype=x.dtype)
        for start in range(0, rows.shape[0], step):
            out[start : start + step] = kernel(rows[start : start + step], lam, 1)
        return out.reshape(x.shape[:-1])
    return kernel(x, lam, axis)


def _gap_slab(x: NDArray[Any], lam: float, axis: int) -> NDArray[Any]:
    return _slab(x, lam, axis)[1]


def lse_along_axis(x: NDArray[Any], lam: float, axis: int) -> NDArray[Any]:
    """lse(x, λ) along ``axis`` (``x.shape[axis] > 0``, finite λ ≠ 0)."""
    return _along_axis(x, lam, axis, "lse")


def gap_along_axis(x: NDArray[Any], lam: float, axis: int) -> NDArray[Any]:
    """L/λ = lse(x, λ) − pivot along ``axis``, computed directly (``x.shape[axis] > 0``,
    finite λ ≠ 0)."""
    return _along_axis(x, lam, axis, "gap")
