"""The blocked kernels for an axis of length 2 compute what the general kernels compute.

softmax: bit for bit equal to the shifted formula (the pair kernel only reorders which
numerator is 1 and which is E); lse: equal to the slab kernel to the last bit or so, and bit
for bit equal to the pair formula it always used. Cases span several blocks, every layout
of the pair axis (first, middle, last, non-contiguous input), float16/32/64 and the data
layouts of the benchmark (random, sorted, constant ties), plus infinities and NaN.
"""

import itertools
import math

import numpy as np
import pytest

from softlse_core import lse, softmax
from softlse_core.array_input import widened
from softlse_core.logsumexp_kernels import _lse_slab
from softlse_core.pair_blocks import PAIR_BLOCK, pair_blocks
from softlse_core.softmax_kernels import softmax_shifted

INF = math.inf
NAN = math.nan
LAMBDAS = (10.0, -4.0, 1.0, 1e-3, 1e4, -1e6)


def _pairs(kind: str, count: int, rng: np.random.Generator) -> np.ndarray:
    """A (2, count) array of pairs laid out as the benchmark's data kinds."""
    if kind == "random":
        x = rng.uniform(-1, 1, (2, count))
    elif kind == "sorted":
        x = np.sort(rng.uniform(-1, 1, 2 * count)).reshape(2, count)
    elif kind == "constant":
        x = np.full((2, count), 0.5)
    else:  # awkward: huge and tiny magnitudes, ties, infinities and NaN scattered about
        x = rng.standard_normal((2, count)) * 10.0 ** rng.integers(-300, 300, (2, count))
        ties = rng.random(count) < 0.1
        x[1, ties] = x[0, ties]
        specials = [(INF, INF), (-INF, -INF), (INF, 0.0), (0.0, -INF), (NAN, 1.0), (INF, -INF)]
        for k, pair in enumerate(specials * 5):
            x[:, rng.integers(count)] = pair if k % 2 else pair[::-1]
    return x


def _cast(x: np.ndarray, dtype) -> np.ndarray:
    """``x`` in ``dtype``; magnitudes beyond its range become infinities (more edge cases)."""
    with np.errstate(over="ignore"):
        return x.astype(dtype)


def _expected_softmax(x: np.ndarray, lam: float, axis: int) -> np.ndarray:
    work = widened(np.moveaxis(x, axis, -1))
    return np.moveaxis(softmax_shifted(work, lam, -1).astype(x.dtype), -1, axis)


@pytest.mark.parametrize("kind", ["random", "sorted", "constant", "awkward"])
def test_softmax_pairs_equal_the_shifted_formula_bit_for_bit(kind):
    rng = np.random.default_rng(14)
    count = 2 * PAIR_BLOCK + 7  # three blocks, the last one short
    base = _pairs(kind, count, rng)
    for lam, dtype in itertools.product(LAMBDAS, (np.float64, np.float32, np.float16)):
        x = _cast(base, dtype)
        expected = _expected_softmax(x, lam, 0)
        got = softmax(x, lam, axis=0)
        assert got.dtype == dtype
        np.testing.assert_array_equal(got, expected, err_msg=f"λ={lam}, {dtype}")


def test_softmax_pairs_along_every_axis_and_layout():
    rng = np.random.default_rng(15)
    x = _pairs("awkward", 6 * 5 * 7, rng).reshape(2, 6, 5, 7)
    layouts = {
        "axis 0": (x, 0),
        "middle axis": (np.moveaxis(x, 0, 2).copy(), 2),
        "last axis": (np.moveaxis(x, 0, -1).copy(), -1),
        "fortran order": (np.asfortranarray(x), 0),
        "strided view": (np.moveaxis(x, 0, 1)[:, :, ::2], 1),
    }
    for (name, (arr, axis)), lam in itertools.product(layouts.items(), LAMBDAS):
        got = softmax(arr, lam, axis=axis)
        assert got.shape == arr.shape
        np.testing.assert_array_equal(got, _expected_softmax(arr, lam, axis), err_msg=name)


def test_softmax_pairs_edge_values():
    pairs = np.array(
        [[INF, INF], [-INF, -INF], [INF, 0.0], [NAN, 1.0], [2.0, 2.0], [1e300, -1e300]]
    )
    np.testing.assert_array_equal(
        softmax(pairs, 1.0),
        [[0.5, 0.5], [NAN, NAN], [1.0, 0.0], [NAN, NAN], [0.5, 0.5], [1.0, 0.0]],
    )
    np.testing.assert_array_equal(
        softmax(pairs, -1.0),
        [[NAN, NAN], [0.5, 0.5], [0.0, 1.0], [NAN, NAN], [0.5, 0.5], [0.0, 1.0]],
    )
    assert softmax(np.empty((0, 2)), 3.0).shape == (0, 2)
    assert softmax(np.empty((2, 0, 4)), 3.0, axis=0).shape == (2, 0, 4)


@pytest.mark.parametrize("kind", ["random", "sorted", "constant", "awkward"])
def test_lse_pairs_agree_with_the_slab_kernel(kind):
    rng = np.random.default_rng(16)
    base = _pairs(kind, 2 * PAIR_BLOCK + 7, rng)
    for lam, dtype in itertools.product(LAMBDAS, (np.float64, np.float32)):
        x = _cast(base, dtype)
        by_slab = _lse_slab(np.moveaxis(widened(x), 0, -1), lam, -1).astype(dtype)
        got = lse(x, lam, axis=0)
        assert got.dtype == dtype
        np.testing.assert_array_equal(np.isnan(got), np.isnan(by_slab))
        np.testing.assert_allclose(got, by_slab, rtol=2 * np.finfo(dtype).eps, atol=0)
        # the soft minimum mirrors the soft maximum bit for bit
        np.testing.assert_array_equal(lse(x, -lam, axis=0), -lse(-x, lam, axis=0))


def test_lse_pairs_along_every_axis_and_layout():
    rng = np.random.default_rng(17)
    x = _pairs("awkward", 6 * 5 * 7, rng).reshape(2, 6, 5, 7)
    for axis_of_pair, lam in itertools.product(range(4), LAMBDAS):
        arr = np.moveaxis(x, 0, axis_of_pair)
        by_slab = _lse_slab(np.moveaxis(arr, axis_of_pair, -1), lam, -1)
        for layout in (arr, arr.copy(), np.asfortranarray(arr)):
            got = lse(layout, lam, axis=axis_of_pair)
            np.testing.assert_allclose(got, by_slab, rtol=4.5e-16, atol=0)
            assert lse(layout, lam, axis=axis_of_pair, keepdims=True).shape == (
                np.expand_dims(by_slab, axis_of_pair).shape
            )


@pytest.mark.parametrize(("rows", "cols", "size"), [(1, 10, 3), (7, 3, 4), (5, 1, 2), (4, 9, 100)])
def test_pair_blocks_cover_the_plane_once(rows, cols, size):
    seen = np.zeros((rows, cols), dtype=int)
    for row_slice, col_slice in pair_blocks((rows, cols), size):
        block = seen[row_slice, col_slice]
        assert 0 < block.size <= size
        block += 1
    np.testing.assert_array_equal(seen, 1)
    assert list(pair_blocks((0, 5), size)) == []
