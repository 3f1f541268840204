"""An axis of length 2, walked as pairs (x₀, x₁) in cache-sized blocks.

A reduction axis of length 2 is the grid's case: the sheet stacks ``np.meshgrid``'s x and y
along axis 0, and lse or softmax of the pair is wanted at every point. Both are elementwise
in (x₀, x₁), so their kernels (:mod:`softlse_core.logsumexp_kernels`,
:mod:`softlse_core.softmax_kernels`) run block by block: each intermediate lives in a few
reused buffers small enough to stay in cache, instead of a temporary array of the grid's
size, and float16/float32 input is widened to float64 one block at a time (both kernels
form x₀ − x₁ in float64; the softmax kernel then rounds its exponent to float32 for float32
input and finishes in float32, see :func:`softlse_core.softmax_kernels.softmax_pairs`).

The two halves are presented as 2-D views (rows, columns) whose columns are the inner,
long direction, whatever the axis: for ``x`` of shape (2, 1001, 1001) and axis 0 they are
(1, 1002001) views, for shape (n, 2) and the last axis (1, n) views with stride 2.

The block buffers come from :func:`scratch`: each thread keeps its own, from one call to the
next. A buffer allocated afresh on every call is, at these sizes, new memory from the
operating system each time, and its first touch costs a page fault per 4 KiB — as much time
as the block's arithmetic.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "FLOAT32_PAIR_BLOCK",
    "PAIR_BLOCK",
    "Float64Blocks",
    "block_buffer",
    "pair_blocks",
    "pair_plane",
    "scratch",
    "split_pair_axis",
]

#: Pairs per block: the softmax kernel's working set of a float64 block (its exponents and
#: its two results, 24 bytes a pair; 40 where it falls back to the shifted formula) is then
#: 0.75–1.25 MiB, so a block's intermediates stay in a core's L2 cache instead of going out
#: to memory. The lse kernel uses it for every dtype.
PAIR_BLOCK = 32_768

#: Pairs per block of the softmax kernel for float32 input. Its passes are float32 (half the
#: bytes of float64) while each block makes as many NumPy calls as a float64 block, so the
#: fixed cost of a call weighs more: larger blocks (their buffers, about 28 bytes a pair, then
#: sit in the shared L3 cache instead of L2) make it faster overall. benchmarks/core.py
#: measures it.
FLOAT32_PAIR_BLOCK = 4 * PAIR_BLOCK


def _plane(arr: NDArray[Any], rows: int, cols: int) -> NDArray[Any]:
    """``arr`` (already of shape (rows, cols)) with the long direction last."""
    if cols == 1:  # the pair axis was the last one: walk along the axes before it
        return arr.T
    return arr


def split_pair_axis(x: NDArray[Any], axis: int) -> tuple[NDArray[Any], NDArray[Any]]:
    """The entries x₀ and x₁ along ``axis`` (of length 2) as two 2-D views.

    Both have the shape of :func:`pair_plane` for ``x.shape`` and ``axis``. They are views
    of ``x`` when ``x`` is C-contiguous (of a contiguous copy otherwise), so writing into
    them writes into ``x``.
    """
    rows = math.prod(x.shape[:axis])
    cols = math.prod(x.shape[axis + 1 :])
    triple = np.ascontiguousarray(x).reshape(rows, 2, cols)
    return _plane(triple[:, 0, :], rows, cols), _plane(triple[:, 1, :], rows, cols)


def pair_plane(shape: tuple[int, ...], axis: int, arr: NDArray[Any]) -> NDArray[Any]:
    """``arr``, a C-contiguous array of ``shape`` without ``axis``, as the 2-D view that lines
    up with the halves :func:`split_pair_axis` gives for ``shape`` and ``axis``."""
    rows = math.prod(shape[:axis])
    cols = math.prod(shape[axis + 1 :])
    return _plane(arr.reshape(rows, cols), rows, cols)


def pair_blocks(shape: tuple[int, int], size: int) -> Iterator[tuple[slice, slice]]:
    """(row slice, column slice) of consecutive blocks of at most ``size`` pairs covering a
    plane of ``shape``: whole rows when they are short, pieces of one row when they are long."""
    rows, cols = shape
    if rows == 0 or cols == 0:
        return
    rows_per_block = max(1, size // cols)
    cols_per_block = min(cols, size)
    for row in range(0, rows, rows_per_block):
        row_slice = slice(row, min(row + rows_per_block, rows))
        for col in range(0, cols, cols_per_block):
            yield row_slice, slice(col, min(col + cols_per_block, cols))


def block_buffer(buffer: NDArray[Any], rows: slice, cols: slice) -> NDArray[Any]:
    """The first (rows × columns) entries of the 1-D ``buffer`` shaped like that block."""
    shape = (rows.stop - rows.start, cols.stop - cols.start)
    return buffer[: shape[0] * shape[1]].reshape(shape)


_THREAD_SCRATCH = threading.local()


def scratch(name: str, size: int, dtype: np.dtype[Any] | type[Any] = np.float64) -> NDArray[Any]:
    """A 1-D work buffer of ``size`` entries of ``dtype`` for the kernels' buffer ``name``,
    kept by the calling thread and handed out again on its next call: contents undefined.

    Each thread holds one buffer per (name, dtype), no larger than the largest size asked
    for — at most :data:`FLOAT32_PAIR_BLOCK` entries, since the kernels ask for one block —
    and it goes when the thread ends. Two buffers in use at once need two names; a kernel
    must not call another kernel while it holds one (none does: they are leaf functions)."""
    buffers: dict[tuple[str, np.dtype[Any]], NDArray[Any]] | None = getattr(
        _THREAD_SCRATCH, "buffers", None
    )
    if buffers is None:
        buffers = _THREAD_SCRATCH.buffers = {}
    key = (name, np.dtype(dtype))
    buffer = buffers.get(key)
    if buffer is None or buffer.size < size:
        buffer = buffers[key] = np.empty(size, dtype=dtype)
    return buffer[:size]


class Float64Blocks:
    """Blocks of a plane in float64: views of it if it is float64, otherwise copies into one
    reused buffer, the thread's :func:`scratch` ``name`` (on a block of this size a cast copy
    is much faster than a ufunc casting its inputs on the fly; on a small grid in one block,
    the softmax kernel's one-block path, the two cost about the same)."""

    def __init__(self, plane: NDArray[Any], size: int, name: str) -> None:
        self.plane = plane
        self.buffer = None if plane.dtype == np.float64 else scratch(name, size)

    def __getitem__(self, block: tuple[slice, slice]) -> NDArray[np.float64]:
        rows, cols = block
        if self.buffer is None:
            return self.plane[rows, cols]
        widened = block_buffer(self.buffer, rows, cols)
        np.copyto(widened, self.plane[rows, cols])
        return widened
