"""The loops behind :func:`softlse_core.lse`: Algorithm 4.1 for a finite, nonzero λ.

Three kernels compute the same numbers (Algorithm 4.1 of Blanchard, Higham & Higham) with
different memory traffic:

- ``_lse_blocked_row``: one long contiguous slice, in cache-sized chunks, reusing one exp
  buffer (no temporary of the slice's size);
- :func:`lse_pairs` (``_lse_pair`` per block): a reduction axis of length 2, elementwise:
  a + log1p(exp(−|λ|·|x₀ − x₁|))/λ with a the max (min for λ < 0) — for two entries this
  *is* Algorithm 4.1: m = 1, s = exp(λ·(x_other − a)), or m = 2, s = 0 and log1p(1) = log 2.
  It runs block by block (:mod:`softlse_core.pair_blocks`) and has no data-dependent branch;
- ``_lse_slab``: the vectorised algorithm along any axis.

All kernels expect a float array and a finite λ ≠ 0; they never emit RuntimeWarnings.

Exact bounds: the computed L = log(m) + log1p(s/m) is clamped to [0, fl(log n)] (it can only
leave that interval by a last-bit rounding of log/log1p), and rounding is monotone, so for
λ > 0 the result a + L/λ satisfies max ≤ lse ≤ max + log(n)/λ exactly in floating point.
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
    pair_plane,
    split_pair_axis,
)

__all__ = ["CHUNK", "lse_along_axis", "lse_pairs"]

#: Elements per chunk of the blocked pass: 32768 float64 = 256 KiB, which stays in L2 cache.
CHUNK = 32_768
_LOG2 = math.log(2.0)


def _lse_blocked_row(row: NDArray[np.float64], lam: float) -> float:
    """Algorithm 4.1 over one long 1-D float64 slice, chunk by chunk."""
    pivot = float(row.max() if lam > 0 else row.min())
    if not math.isfinite(pivot):
        # NaN anywhere → NaN; an infinite pivot is the answer (see lse's docstring).
        return pivot
    with np.errstate(all="ignore"):
        return _blocked_sum(row, pivot, lam)


def _blocked_sum(row: NDArray[np.float64], pivot: float, lam: float) -> float:
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
    gap = min(math.log(m) + math.log1p(s / m), math.log(row.size))
    return pivot + gap / lam


def lse_pairs(x: NDArray[Any], lam: float, axis: int, out_dtype: np.dtype[Any]) -> NDArray[Any]:
    """Algorithm 4.1 over ``axis`` of length 2, block by block, in float64, returned in
    ``out_dtype`` with ``axis`` removed. ``x`` must be float16, float32 or float64."""
    out = np.empty(x.shape[:axis] + x.shape[axis + 1 :], dtype=out_dtype)
    first_plane, second_plane = split_pair_axis(x, axis)
    out_plane = pair_plane(x.shape, axis, out)
    size = min(PAIR_BLOCK, first_plane.size)
    first, second = Float64Blocks(first_plane, size), Float64Blocks(second_plane, size)
    gap_buffer = np.empty(size)
    pivot_buffer = np.empty(size)
    with np.errstate(all="ignore"):
        for rows, cols in pair_blocks(first_plane.shape, size):
            a, b = first[rows, cols], second[rows, cols]
            gap = block_buffer(gap_buffer, rows, cols)
            pivot = block_buffer(pivot_buffer, rows, cols)
            _lse_pair(a, b, lam, gap, pivot)
            np.copyto(out_plane[rows, cols], gap, casting="same_kind")
    return out


def _lse_pair(
    a: NDArray[Any], b: NDArray[Any], lam: float, result: NDArray[Any], pivot: NDArray[Any]
) -> None:
    """Algorithm 4.1 for two entries, elementwise: ``result`` = a + log1p(E)/λ with
    E = exp(−|λ|·|a − b|) and a the max (min for λ < 0); ``pivot`` is scratch space."""
    np.subtract(a, b, out=result)
    np.abs(result, out=result)
    np.multiply(result, -abs(lam), out=result)
    np.exp(result, out=result)
    np.log1p(result, out=result)
    np.minimum(result, _LOG2, out=result)
    np.divide(result, lam, out=result)
    (np.maximum if lam > 0 else np.minimum)(a, b, out=pivot)
    np.add(pivot, result, out=result)
    if math.isnan(np.maximum.reduce(result, axis=None)):
        # inf − inf: both entries are the same infinity, which is then the answer.
        fix = np.isnan(result) & np.isinf(pivot) & (a == b)
        result[fix] = pivot[fix]


def _lse_slab(x: NDArray[Any], lam: float, axis: int) -> NDArray[Any]:
    """Algorithm 4.1, vectorised along ``axis`` of ``x`` (any dtype, any layout)."""
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
        pivot = np.squeeze(pivot, axis=axis)
        gap = np.log(m.astype(t.dtype)) + np.log1p(s / m)
        gap = np.minimum(gap, np.log(t.dtype.type(x.shape[axis])))
        result = pivot + gap / t.dtype.type(lam)
        infinite = np.isinf(pivot)
        if infinite.any():
            # +inf pivot (λ > 0): +inf wins; −inf pivot (λ > 0): the slice is all −inf.
            result = np.where(infinite, pivot, result)
    return np.asarray(result)


def lse_along_axis(x: NDArray[Any], lam: float, axis: int) -> NDArray[Any]:
    """Dispatch to the kernel with the least memory traffic; ``x.shape[axis] > 0``."""
    n = x.shape[axis]
    last = axis == x.ndim - 1
    if x.dtype == np.float64 and last and n >= CHUNK:
        rows = x.reshape(-1, n)
        out = np.array([_lse_blocked_row(row, lam) for row in rows])
        return out.reshape(x.shape[:-1])
    if n == 2 and not last:  # longdouble: float16/32/64 pairs go to lse_pairs before this
        a, b = np.moveaxis(x, axis, 0)
        result = np.empty(a.shape, dtype=x.dtype)
        with np.errstate(all="ignore"):
            _lse_pair(a, b, lam, result, np.empty_like(result))
        return result
    if last and x.ndim > 1 and x.size > CHUNK:
        rows = x.reshape(-1, n)
        step = max(1, CHUNK // n)
        out = np.empty(rows.shape[0], dtype=x.dtype)
        for start in range(0, rows.shape[0], step):
            out[start : start + step] = _lse_slab(rows[start : start + step], lam, 1)
        return out.reshape(x.shape[:-1])
    return _lse_slab(x, lam, axis)
