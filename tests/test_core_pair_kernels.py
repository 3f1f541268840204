"""The blocked kernels for an axis of length 2 compute what the general kernels compute.

softmax: bit for bit equal to what it computes written out plainly with np.where, block by
block (the logistic form, the same with the roles swapped where a block's exponents are all
too large the other way, or the shifted formula where they are too large both ways; in
float64 for float64 and float16 input, in float32 for float32 with the exponent formed in
float64), and within the accuracy bound of ``softmax``'s docstring against the shifted
formula and mpmath, at the thresholds of the form's special cases too. lse: equal to the
slab kernel to the last bit or so, and bit for bit equal to the pair formula it always used.
Cases span several blocks, every layout of the pair axis (first, middle, last,
non-contiguous input), float16/32/64 and the data layouts of the benchmark (random,
meshgrid, sorted, constant ties), plus infinities and NaN.
"""

import itertools
import math
import threading

import mpmath
import numpy as np
import pytest

from softlse_core import lse, softmax, softmax_kernels
from softlse_core.array_input import widened
from softlse_core.logsumexp_kernels import _lse_slab
from softlse_core.pair_blocks import (
    FLOAT32_PAIR_BLOCK,
    PAIR_BLOCK,
    pair_blocks,
    scratch,
    split_pair_axis,
)
from softlse_core.softmax_kernels import ONE_BLOCK_FLOAT64, softmax_shifted

INF = math.inf
NAN = math.nan
LAMBDAS = (10.0, -4.0, 1.0, 1e-3, 1e4, -1e6)
#: The benchmark's λ, and one that float32 cannot hold exactly.
BENCHMARK_LAMBDAS = (1.0, 10.0, 100.0, -10.0, 1 / 3)
DATA_KINDS = ("random", "meshgrid", "sorted", "constant")
U32 = float(np.finfo(np.float32).eps) / 2
U64 = float(np.finfo(np.float64).eps) / 2
SMALLEST32 = float(np.finfo(np.float32).smallest_subnormal)


def _pairs(kind: str, count: int, rng: np.random.Generator) -> np.ndarray:
    """A (2, count) array of pairs laid out as the benchmark's data kinds."""
    if kind == "random":
        x = rng.uniform(-1, 1, (2, count))
    elif kind == "meshgrid":
        side = math.isqrt(count - 1) + 1
        axis = np.linspace(-1, 1, side)
        x = np.stack(np.meshgrid(axis, axis)).reshape(2, -1)[:, :count]
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


def _exp_plainly(v: np.ndarray) -> np.ndarray:
    """e^v as the pair kernel computes it: float32 by np.exp; float64 as
    e^max(v, −700) · e^max(v − max(v, −700), −46), which is np.exp(v) bit for bit wherever
    v ≥ −700 (the second factor is e^0 = 1 there)."""
    if v.dtype == np.float32:
        return np.exp(v)
    high = np.maximum(v, -700.0)
    return np.exp(np.maximum(v - high, -46.0)) * np.exp(high)


def _block_plainly(a: np.ndarray, b: np.ndarray, lam: float, work: type) -> np.ndarray:
    """softmax of the pairs (a, b) of one block as the pair kernel computes it, written out
    plainly with np.where: v = λ·(a − b) formed in float64 and, for float32, rounded once;
    then in ``work`` the logistic form p₁ = 1/(1 + e^v), p₀ = e^v·p₁ when every v is at
    most the limit (700 in float64, 80 in float32), the same swapped (p₀ = 1/(1 + e^−v),
    p₁ = e^−v·p₀) when every v is at least minus the limit, else the shifted formula:
    E = e^(−|v|), R = 1/(1 + E) for the entry that wins and E·R for the other, NaN for a
    NaN v, and 1/2 each where both entries are the winning infinity (e^ as
    :func:`_exp_plainly`)."""
    limit = 80.0 if work == np.float32 else 700.0
    with np.errstate(all="ignore"):
        v = (lam * (a.astype(np.float64) - b.astype(np.float64))).astype(work)
        if np.max(v) <= limit:
            e = _exp_plainly(v)
            p1 = work(1.0) / (e + work(1.0))
            return np.stack([e * p1, p1])
        if np.min(v) >= -limit:  # the roles swapped: exponents −v
            e = _exp_plainly(-v)
            p0 = work(1.0) / (e + work(1.0))
            return np.stack([p0, e * p0])
        e = _exp_plainly(-np.abs(v))
        winner = work(1.0) / (e + work(1.0))
        loser = e * winner
    x1_wins = np.signbit(v)
    p = np.stack([np.where(x1_wins, loser, winner), np.where(x1_wins, winner, loser)])
    split = (a == b) & (a == math.copysign(INF, lam))
    return np.where(split, work(0.5), p)


def _expected_softmax(x: np.ndarray, lam: float, axis: int) -> np.ndarray:
    """softmax of ``x`` over ``axis`` (of length 2) as the pair kernel computes it: the
    pairs walked in the kernel's planes and blocks (:mod:`softlse_core.pair_blocks`, the
    block size read from the kernel's module, so a test may change it), each block by
    :func:`_block_plainly` in float32 for float32 input, float64 otherwise. C-contiguous
    float64 input of at most ``ONE_BLOCK_FLOAT64`` pairs is one block."""
    work = np.float32 if x.dtype == np.float32 else np.float64
    axis %= x.ndim
    first, second = split_pair_axis(x, axis)
    out = np.empty(x.shape, dtype=x.dtype)
    out_first, out_second = split_pair_axis(out, axis)
    block = softmax_kernels.FLOAT32_PAIR_BLOCK if work == np.float32 else PAIR_BLOCK
    if x.dtype == np.float64 and x.flags.c_contiguous and first.size <= ONE_BLOCK_FLOAT64:
        block = first.size  # the one-block path: up to two blocks' worth as one
    for rows, cols in pair_blocks(first.shape, min(block, first.size)):
        p0, p1 = _block_plainly(first[rows, cols], second[rows, cols], lam, work)
        out_first[rows, cols] = p0
        out_second[rows, cols] = p1
    return out


@pytest.mark.parametrize("kind", [*DATA_KINDS, "awkward"])
def test_softmax_pairs_equal_a_plain_computation_bit_for_bit(kind):
    """Every dtype: :func:`_expected_softmax`, over three blocks."""
    rng = np.random.default_rng(14)
    count = 2 * PAIR_BLOCK + 7  # three blocks, the last one short
    base = _pairs(kind, count, rng)
    lambdas = LAMBDAS + BENCHMARK_LAMBDAS + (1e300, -1e-300)
    for lam, dtype in itertools.product(lambdas, (np.float64, np.float32, np.float16)):
        x = _cast(base, dtype)
        expected = _expected_softmax(x, lam, 0)
        got = softmax(x, lam, axis=0)
        assert got.dtype == dtype
        np.testing.assert_array_equal(got, expected, err_msg=f"λ={lam}, {dtype}")


@pytest.mark.parametrize("kind", ["random", "awkward"])
def test_float32_pairs_over_several_blocks_equal_the_plain_computation(kind, monkeypatch):
    """float32 runs in blocks of FLOAT32_PAIR_BLOCK pairs, larger than PAIR_BLOCK: three of
    them (the last one short), and many small ones of an odd size, give the plain numbers."""
    rng = np.random.default_rng(19)
    x = _cast(_pairs(kind, 2 * FLOAT32_PAIR_BLOCK + 7, rng), np.float32)
    for lam in (10.0, -1 / 3):
        np.testing.assert_array_equal(softmax(x, lam, axis=0), _expected_softmax(x, lam, 0))
    monkeypatch.setattr(softmax_kernels, "FLOAT32_PAIR_BLOCK", 997)
    small = x[:, : 5 * 997 + 3]
    for lam in (1.0, 100.0, -4.0):
        np.testing.assert_array_equal(
            softmax(small, lam, axis=0), _expected_softmax(small, lam, 0), err_msg=f"λ={lam}"
        )
    grid = small[:, : 50 * 60].reshape(2, 50, 60)  # blocks of whole rows, then of part rows
    for axis_of_pair in (0, 1, 2):
        arr = np.moveaxis(grid, 0, axis_of_pair)
        np.testing.assert_array_equal(
            softmax(arr, 10.0, axis=axis_of_pair), _expected_softmax(arr, 10.0, axis_of_pair)
        )


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_softmax_pairs_along_every_axis_and_layout(dtype):
    rng = np.random.default_rng(15)
    x = _cast(_pairs("awkward", 6 * 5 * 7, rng), dtype).reshape(2, 6, 5, 7)
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
        assert got.dtype == dtype
        np.testing.assert_array_equal(got, _expected_softmax(arr, lam, axis), err_msg=name)


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_softmax_pairs_edge_values(dtype):
    pairs = _cast(
        np.array([[INF, INF], [-INF, -INF], [INF, 0.0], [NAN, 1.0], [2.0, 2.0], [1e300, -1e300]]),
        dtype,
    )
    for lam in (1.0, 1e300, 1e-3):
        got = softmax(pairs, lam)
        assert got.dtype == dtype
        np.testing.assert_array_equal(
            got, [[0.5, 0.5], [NAN, NAN], [1.0, 0.0], [NAN, NAN], [0.5, 0.5], [1.0, 0.0]]
        )
        np.testing.assert_array_equal(
            softmax(pairs, -lam),
            [[NAN, NAN], [0.5, 0.5], [0.0, 1.0], [NAN, NAN], [0.5, 0.5], [0.0, 1.0]],
        )
    # huge λ on finite entries: one-hot; tiny λ: 1/2 each (exp of a tiny exponent rounds to 1)
    finite = np.array([[1.0, 1.5], [-3.0, 2.0]], dtype=dtype)
    np.testing.assert_array_equal(softmax(finite, 1e300), [[0.0, 1.0], [0.0, 1.0]])
    np.testing.assert_array_equal(softmax(finite, -1e300), [[1.0, 0.0], [1.0, 0.0]])
    np.testing.assert_array_equal(softmax(finite, 1e-300), [[0.5, 0.5], [0.5, 0.5]])
    for shape, axis in (((0, 2), -1), ((2, 0, 4), 0)):
        empty = softmax(np.empty(shape, dtype=dtype), 3.0, axis=axis)
        assert empty.shape == shape
        assert empty.dtype == dtype


def _bound(x: np.ndarray, lam: float, u: float) -> np.ndarray:
    """(n + 2 + 2|λ|·(max − min))·u for each pair (column) of a (2, n) array, n = 2."""
    x64 = x.astype(np.float64)
    return (4 + 2 * abs(lam) * np.abs(x64[0] - x64[1])) * u


def _mp_pair_softmax(x0: float, x1: float, lam: float) -> tuple[mpmath.mpf, mpmath.mpf]:
    with mpmath.workdps(40):
        e0, e1 = mpmath.exp(lam * mpmath.mpf(x0)), mpmath.exp(lam * mpmath.mpf(x1))
        return e0 / (e0 + e1), e1 / (e0 + e1)


UNIT_ROUNDOFF = {np.float64: U64, np.float32: U32}
SMALLEST = {np.float64: float(np.finfo(np.float64).smallest_subnormal), np.float32: SMALLEST32}


def _assert_within_bound_of_mpmath(x: np.ndarray, got: np.ndarray, lam: float, pairs) -> None:
    """The pairs (columns) ``pairs`` of ``got`` = softmax(x, λ) within the documented bound of
    the exact softmax (mpmath, 40 digits): (4 + 2|λ|·|x₀ − x₁|)·u relatively, plus one
    smallest subnormal."""
    dtype = x.dtype.type
    bound = _bound(x, lam, UNIT_ROUNDOFF[dtype])
    for k in pairs:
        exact = _mp_pair_softmax(float(x[0, k]), float(x[1, k]), lam)
        for p_hat, p in zip(got[:, k], exact, strict=True):
            error = abs(mpmath.mpf(float(p_hat)) - p)
            assert error <= bound[k] * p + SMALLEST[dtype], (lam, x[:, k], p_hat, p)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("kind", DATA_KINDS)
def test_pairs_within_the_accuracy_bound(kind, dtype):
    """softmax's docstring: each entry within (n + 2 + 2|λ|·(max − min))·u relatively, u of
    the dtype (results below its normal range: within one smallest subnormal).

    Every pair against the shifted formula in float64 (the bound widened by that result's
    own error, which is within the float64 bound), then the worst 20 pairs and 100 random
    ones against mpmath with the bound as it stands."""
    rng = np.random.default_rng(18)
    x = _pairs(kind, 2 * PAIR_BLOCK + 7, rng).astype(dtype)
    x64 = x.astype(np.float64)
    for lam in (*BENCHMARK_LAMBDAS, 1e-3, 1e4, -1e6):
        got = softmax(x, lam, axis=0)
        assert got.dtype == dtype
        reference = softmax_shifted(x64, lam, 0)
        allowed = (_bound(x, lam, UNIT_ROUNDOFF[dtype]) + _bound(x, lam, U64)) * reference
        used = np.abs(got - reference) / (allowed + SMALLEST[dtype])  # the share of the bound
        assert np.max(used) <= 1.0, f"λ={lam}"
        worst = np.argsort(np.max(used, axis=0))
        _assert_within_bound_of_mpmath(
            x, got, lam, {*worst[-20:], *rng.integers(x.shape[1], size=100)}
        )


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_pairs_within_the_bound_where_the_logistic_form_changes(dtype):
    """Exponents v = λ·(x₀ − x₁) on both sides of the limit beyond which a block falls back
    to the shifted formula (700 in float64, 80 in float32), where exp(v) would overflow,
    where p₁ leaves the normal range and underflows to 0, and the mirror images, where E is
    subnormal or 0: every result against mpmath, subnormal ones within one smallest
    subnormal. Each pair is its own call, so each is one block whose path its own v
    decides: a limit set too high (E overflowing in the logistic form) gives NaN here."""
    limit = 700.0 if dtype == np.float64 else 80.0
    top = 760.0 if dtype == np.float64 else 110.0
    edges = np.concatenate(
        [
            np.linspace(limit - 2.0, limit + 2.0, 41),
            np.linspace(limit, top, 121),
            np.nextafter(dtype(limit), dtype([-INF, INF])).astype(np.float64),
        ]
    )
    v = np.concatenate([edges, -edges, [0.0]])
    for lam, second in ((1.0, 0.0), (-1.0, 0.0), (2.0, 0.25), (1e3, -0.125)):
        x = np.stack([v / lam + second, np.full_like(v, second)]).astype(dtype)
        got = np.concatenate([softmax(x[:, k : k + 1], lam, axis=0) for k in range(v.size)], 1)
        _assert_within_bound_of_mpmath(x, got, lam, range(x.shape[1]))
        for k in range(v.size):
            pair = x[:, k : k + 1]
            np.testing.assert_array_equal(got[:, k : k + 1], _expected_softmax(pair, lam, 0))
        # all in one block: the fallback for all of them, within the bound as well
        together = softmax(x, lam, axis=0)
        _assert_within_bound_of_mpmath(x, together, lam, range(x.shape[1]))


@pytest.mark.parametrize(
    ("dtype", "block"), [(np.float64, ONE_BLOCK_FLOAT64), (np.float32, FLOAT32_PAIR_BLOCK)]
)
@pytest.mark.parametrize("offset", [-1, 0, 1, None])
def test_pairs_on_both_sides_of_the_one_block_size(dtype, block, offset):
    """Up to one block of pairs (ONE_BLOCK_FLOAT64 in float64, FLOAT32_PAIR_BLOCK in float32)
    of C-contiguous input go through the one-block path, more through the blocks (``offset``
    None: several blocks): the same numbers either way, pair axis first or last."""
    pairs = 2 * block if offset is None else block + offset
    rng = np.random.default_rng(21)
    for kind in ("random", "awkward"):  # logistic blocks, and fallback blocks
        x = _cast(_pairs(kind, pairs, rng), dtype)
        for (arr, axis), lam in itertools.product(
            ((x, 0), (np.ascontiguousarray(x.T), 1)), (10.0, -1 / 3, 1e4)
        ):
            got = softmax(arr, lam, axis=axis)
            assert got.dtype == dtype
            np.testing.assert_array_equal(got, _expected_softmax(arr, lam, axis), f"{kind} λ={lam}")


def test_the_one_block_path_is_taken_exactly_up_to_one_block(monkeypatch):
    """The path itself, not only its numbers: C-contiguous float64 and float32 input of at
    most one block (their own block sizes) takes the one-block path; a larger, a strided or a
    float16 input, or float32 asked for in another dtype, does not."""
    calls = []
    original = softmax_kernels._softmax_pairs_in_one_block

    def spy(x, lam, axis, size):
        calls.append((x.dtype, x.shape, size))
        return original(x, lam, axis, size)

    monkeypatch.setattr(softmax_kernels, "_softmax_pairs_in_one_block", spy)
    rng = np.random.default_rng(5)
    for dtype, block in ((np.float64, ONE_BLOCK_FLOAT64), (np.float32, FLOAT32_PAIR_BLOCK)):
        for pairs, taken in ((block, True), (block + 1, False)):
            calls.clear()
            x = rng.standard_normal((2, pairs)).astype(dtype)
            softmax(x, 3.0, axis=0)
            assert calls == ([(np.dtype(dtype), (2, pairs), block)] if taken else []), pairs
        calls.clear()
        strided = rng.standard_normal((2, 200)).astype(dtype)[:, ::2]
        softmax(strided, 3.0, axis=0)
        assert calls == []
    calls.clear()
    softmax(rng.standard_normal((2, 100)).astype(np.float16), 3.0, axis=0)
    assert calls == []
    # the kernel asked for a result in another dtype (softmax itself never does for floats)
    small32 = rng.standard_normal((2, 100)).astype(np.float32)
    got = softmax_kernels.softmax_pairs(small32, 3.0, 0, np.dtype(np.float64))
    assert calls == []
    assert got.dtype == np.float64


def test_float64_exp_in_the_fast_range_is_exp():
    """The float64 kernel's e^v: np.exp(v) bit for bit for v ≥ −700; below, where np.exp is
    slow, within three roundings (3u relatively: the two factors' and the product's) plus
    one smallest subnormal of the exact value (mpmath), 0 below the subnormal range, and
    right at −inf and NaN, in place too."""
    rng = np.random.default_rng(7)
    fast = np.concatenate([-np.geomspace(1e-300, 700.0, 3001), [0.0, -0.0, -700.0]])
    slow = np.concatenate([np.linspace(-760.0, -700.0, 6001), -rng.uniform(700, 1e4, 500)])
    v = np.concatenate([fast, slow, [-INF, NAN]])
    rng.shuffle(v)
    out = np.empty_like(v)
    softmax_kernels._exp_in_fast_range(v, out, v.size)
    at_or_above = v >= -700.0
    np.testing.assert_array_equal(out[at_or_above], np.exp(v[at_or_above]))
    with mpmath.workdps(40):
        for value, got in zip(v[v < -700.0], out[v < -700.0], strict=True):
            exact = mpmath.exp(mpmath.mpf(float(value)))
            error = abs(mpmath.mpf(float(got)) - exact)
            assert error <= 3 * U64 * exact + SMALLEST[np.float64], value
    assert np.all(out[v < -746.0] == 0.0)
    assert np.isnan(out[np.isnan(v)]).all()
    in_place = v.copy()  # the shifted block passes its exponents as the output
    softmax_kernels._exp_in_fast_range(in_place, in_place, v.size)
    np.testing.assert_array_equal(in_place, out)


@pytest.mark.parametrize("kind", ["random", "meshgrid", "sorted", "awkward"])
def test_float64_pairs_never_hand_exp_a_slow_input(kind, monkeypatch):
    """Why the kernel takes e^v in two factors: NumPy's float64 exp is 5–40 times slower per
    entry below about −708. At λ = ±1000 on the benchmark's layouts with exponents far below
    that (constant data has none), on every path — the logistic form for sorted data (at
    λ = −1000 with the roles swapped), the shifted formula for the others — no float64 exp
    input is below −700."""
    lowest = []
    real_exp = np.exp

    def spy(x, *args, **kwargs):
        if isinstance(x, np.ndarray) and x.dtype == np.float64 and x.size:
            lowest.append(float(np.nanmin(x)) if not np.isnan(x).all() else 0.0)
        return real_exp(x, *args, **kwargs)

    rng = np.random.default_rng(3)
    x = _pairs(kind, 5000, rng)
    monkeypatch.setattr(np, "exp", spy)
    for lam in (1000.0, -1000.0):
        lowest.clear()
        softmax(x, lam, axis=0)
        assert lowest, "no float64 exp seen"
        assert min(lowest) >= -700.0, (kind, lam, min(lowest))


def test_numpy_float32_exp_is_as_accurate_as_the_bound_needs():
    """The float32 pair path satisfies softmax's bound if float32 exp is within 4u of exp
    relatively (the bound's own derivation allows u, but the pair path rounds the exponent
    once instead of twice, which leaves room) and, below the normal range, within one smallest
    subnormal of (4 + |v|)·u·exp(v). Checked over every 1024th float32 in [−104, 0], and
    more densely (every 64th) over [−3, −2⁻¹⁰], where most softmax exponents fall. The bound
    is a property of the numpy build (its SIMD exp), which is why it is tested here."""
    sparse = np.arange(
        np.float32(-0.0).view(np.uint32), np.float32(-104.0).view(np.uint32), 1024
    ).astype(np.uint32)
    dense = np.arange(
        np.float32(-(2.0**-10)).view(np.uint32), np.float32(-3.0).view(np.uint32), 64
    ).astype(np.uint32)
    v = np.concatenate([sparse, dense]).view(np.float32)
    computed = np.exp(v).astype(np.float64)
    exact = np.exp(v.astype(np.float64))
    normal = exact >= np.finfo(np.float32).tiny
    relative = np.abs(computed - exact)[normal] / exact[normal]
    assert np.max(relative) <= 4 * U32
    budget = (4 + np.abs(v.astype(np.float64))) * U32 * exact
    assert np.max((np.abs(computed - exact) - budget)[~normal]) <= SMALLEST32


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


def test_scratch_buffers_are_kept_per_thread_and_grow_when_asked() -> None:
    first = scratch("test buffer", 100)
    again = scratch("test buffer", 50)
    assert np.shares_memory(first, again)  # the same memory, handed out again
    assert not np.shares_memory(first, scratch("test buffer", 10, np.float32))  # dtype counts
    larger = scratch("test buffer", 1000)
    assert larger.size == 1000
    assert not np.shares_memory(first, larger)
    other_thread: list[np.ndarray] = []
    worker = threading.Thread(target=lambda: other_thread.append(scratch("test buffer", 1000)))
    worker.start()
    worker.join()
    assert not np.shares_memory(larger, other_thread[0])


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_kernels_reusing_their_buffers_leave_earlier_results_alone(dtype) -> None:
    """Each call's result is its own array: a later call, which reuses the thread's block
    buffers, changes nothing an earlier call returned."""
    rng = np.random.default_rng(7)
    shape = (2, 300, 700)  # more than one block for every dtype
    x, y = rng.normal(size=shape).astype(dtype), rng.normal(size=shape).astype(dtype)
    p, v = softmax(x, 3.0, axis=0), lse(x, 3.0, axis=0)
    p_copy, v_copy = p.copy(), v.copy()
    softmax(y, -5.0, axis=0), lse(y, -5.0, axis=0)
    np.testing.assert_array_equal(p, p_copy)
    np.testing.assert_array_equal(v, v_copy)
    np.testing.assert_array_equal(softmax(x, 3.0, axis=0), p)
    np.testing.assert_array_equal(lse(x, 3.0, axis=0), v)


@pytest.mark.skipif(
    np.finfo(np.longdouble).eps > 1e-18, reason="needs x87 extended (or quad) long double"
)
@pytest.mark.parametrize("spread", [1e-3, 1.0, 40.0, 745.0])
def test_float64_shifted_blocks_within_the_bound_for_small_and_large_exponents(spread):
    """The shifted formula keeps every pair within softmax's bound (4 + 2|v|)·u, also where
    |v| is small and the bound is tightest: 200,000 pairs with v = λ·(x₀ − x₁) uniform in
    [−spread, spread], sent to the shifted formula by pairs with v = ±800, against long
    double arithmetic (error about 10⁻¹⁹), then the worst 20 against mpmath. Random
    pairs rarely line roundings up; the next test holds one that does."""
    rng = np.random.default_rng(23)
    v = np.append(rng.uniform(-spread, spread, 200_000), [800.0, -800.0])
    lam = 1000.0
    x = np.stack([v / lam, np.zeros_like(v)])
    got = softmax(x, lam, axis=0)
    exact_v = x[0].astype(np.longdouble) * lam  # v/λ·λ: the exponent of the pair as given
    e = np.exp(-np.abs(exact_v))
    winner, loser = 1 / (1 + e), e / (1 + e)
    x0_wins = exact_v > 0
    exact = np.stack([np.where(x0_wins, winner, loser), np.where(x0_wins, loser, winner)])
    bound = _bound(x, lam, U64)
    used = np.abs(got.astype(np.longdouble) - exact) / (bound * exact + SMALLEST[np.float64])
    assert float(np.max(used)) <= 1.0, float(np.max(used))
    _assert_within_bound_of_mpmath(x, got, lam, np.argsort(np.max(used, axis=0))[-20:])


def test_float64_shifted_block_within_the_bound_where_roundings_line_up():
    """A pair found by a search that lines up every rounding (x₀ − x₁ and λ·(x₀ − x₁) both
    rounding by about half an ulp the same way, |v| ≈ 4.1, mantissas of E and p just above
    1), in a block sent to the shifted formula by pairs with v > 700 and v < −700: within
    the bound (0.91 of it; E = (e^(−|v|/2))² gave 1.07)."""
    x = np.array([[4.029628810381301, 1000.0, 0.0], [4.4398078963281407e-16, 0.0, 1000.0]])
    lam = 1.0214589165505854
    got = softmax(x, lam, axis=0)
    _assert_within_bound_of_mpmath(x, got, lam, [0])


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_each_block_takes_the_cheapest_form_its_exponents_allow(dtype, monkeypatch):
    """Which form a block takes, not only its numbers: exponents all at most the limit take
    the logistic form; all at least minus the limit (sorted data at λ < 0) the logistic form
    with the roles swapped; both beyond it (random data at λ = ±1000) or a NaN the shifted
    formula, whose three-times-longer chain of passes the first two avoid."""
    shifted = []
    original = softmax_kernels._shifted_pair_block

    def spy(v, *args):
        shifted.append(v.size)
        return original(v, *args)

    monkeypatch.setattr(softmax_kernels, "_shifted_pair_block", spy)
    rng = np.random.default_rng(29)
    sorted_pairs = _pairs("sorted", 3000, rng).astype(dtype)  # x₀ < x₁ in every pair
    random_pairs = _pairs("random", 3000, rng).astype(dtype)
    with_nan = random_pairs.copy()
    with_nan[0, 5] = NAN
    for x, lam, takes_shifted in (
        (sorted_pairs, 1000.0, False),
        (sorted_pairs, -1000.0, False),
        (random_pairs, 10.0, False),
        (random_pairs, 1000.0, True),
        (random_pairs, -1000.0, True),
        (with_nan, 1.0, True),
    ):
        shifted.clear()
        got = softmax(x, lam, axis=0)
        assert bool(shifted) == takes_shifted, (lam, takes_shifted)
        np.testing.assert_array_equal(got, _expected_softmax(x, lam, 0))
    # sorted at λ = −1000: x₀ < x₁ makes x₀ the likelier, p₀ ≥ 1/2 in every pair
    assert np.all(softmax(sorted_pairs, -1000.0, axis=0)[0] >= 0.5)


def test_a_one_block_grid_with_a_quiet_half_and_a_fallback_half_is_one_block():
    """A float64 grid of two blocks' worth of pairs, C-contiguous, is computed as one block:
    one half alone would take the logistic form and the other the fallback, and the kernel
    takes the fallback for all of it (within the bound, other bits than the blocks')."""
    rng = np.random.default_rng(23)
    quiet = rng.uniform(-1, 1, (2, PAIR_BLOCK))
    far = rng.uniform(-1, 1, (2, PAIR_BLOCK)) * 1e3
    x = np.concatenate([quiet, far], axis=1)
    assert x.shape[1] <= ONE_BLOCK_FLOAT64
    got = softmax(x, 10.0, axis=0)
    np.testing.assert_array_equal(got, _expected_softmax(x, 10.0, 0))
    # the quiet half in the fallback's operations, against its own logistic form: a few
    # roundings apart (the bound of softmax's docstring allows (2 + 2 + 2·10·2)u for each)
    alone = _expected_softmax(quiet, 10.0, 0)
    drift = np.abs(got[:, :PAIR_BLOCK] - alone) / alone
    assert 0 < np.max(drift) <= 8 * np.finfo(np.float64).eps


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_one_block_path_keeps_its_exponents_contiguous(monkeypatch, dtype):
    """The exponents go in p0's place in the result only where p0 is contiguous (the pair
    axis first); with the pairs last (softmax's default axis) or in the middle p0 is
    strided, and the kernel's passes over strided exponents were 1.3-30 times slower (float32
    exp underflowing on strided input most of all), so they get a contiguous buffer."""
    seen = []
    original = softmax_kernels._finish_block

    def spy(v, p0, p1, entries, lam, size):
        seen.append((v.flags.c_contiguous, np.shares_memory(v, p0)))
        return original(v, p0, p1, entries, lam, size)

    monkeypatch.setattr(softmax_kernels, "_finish_block", spy)
    x = np.random.default_rng(3).uniform(-1, 1, (2, 40, 50)).astype(dtype)
    layouts = {
        "first": (x, 0),
        "middle": (np.ascontiguousarray(np.moveaxis(x, 0, 1)), 1),
        "last": (np.ascontiguousarray(x.reshape(2, -1).T), -1),
    }
    for name, (arr, axis) in layouts.items():
        seen.clear()
        got = softmax(arr, 1000.0, axis=axis)
        np.testing.assert_array_equal(got, _expected_softmax(arr, 1000.0, axis), err_msg=name)
        assert seen == [(True, name == "first")], name
