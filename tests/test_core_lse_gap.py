"""lse_gap: lse(x, λ) − max(x) computed directly, its edge cases, its bounds and its accuracy
against mpmath (issue 15, item 2)."""

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from softlse_core import lse, lse_gap, lse_gap_bounds
from softlse_core.logsumexp_kernels import CHUNK, _gap_slab

INF = math.inf
NAN = math.nan


def _mp_gap(x, lam):
    """The exact gap of the float vector x at the float λ, in mpmath (log1p keeps tiny sums)."""
    with mpmath.workdps(40):
        xs = [mpmath.mpf(float(v)) for v in x]
        pivot = max(xs) if lam > 0 else min(xs)
        m = sum(1 for v in xs if v == pivot)
        lam_mp = mpmath.mpf(lam)
        s = mpmath.fsum(mpmath.exp(lam_mp * (v - pivot)) for v in xs if v != pivot)
        return (mpmath.log(m) + mpmath.log1p(s / m)) / lam_mp


def test_the_vector_labs_s1_at_lambda_100():
    s1 = [1.0, 2.0, 3.0]
    exact = _mp_gap(s1, 100.0)
    assert float(exact) == 3.720075976020836e-46
    assert lse_gap(s1, 100.0) == 3.720075976020836e-46
    assert lse(s1, 100.0) - 3.0 == 0.0  # why the gap must not be computed as a difference
    assert lse_gap(s1, -100.0) == -3.720075976020836e-46
    assert lse_gap(s1, 10.0) == pytest.approx(float(_mp_gap(s1, 10.0)), rel=1e-15, abs=0)
    assert lse_gap(s1, 1.0) == pytest.approx(0.4076059644443803, rel=1e-15, abs=0)


def test_agrees_with_lse_minus_max_where_the_difference_is_accurate():
    rng = np.random.default_rng(5)
    x = rng.uniform(-1, 1, (50, 7))
    for lam in (0.5, 1.0, 3.0, -2.0):
        pivot = x.max(axis=1) if lam > 0 else x.min(axis=1)
        total = lse(x, lam)
        # lse − pivot carries lse's rounding: within one unit in the last place of lse
        error = np.abs(lse_gap(x, lam) - (total - pivot))
        assert np.all(error <= np.spacing(np.abs(total)))


def test_edge_cases_of_the_docstring():
    # infinite λ: lse is the max, the gap 0; NaN stays NaN
    assert lse_gap([1.0, 2.0], INF) == 0.0
    assert lse_gap([1.0, 2.0, 5.0], -INF) == 0.0
    assert math.isnan(lse_gap([1.0, NAN], INF))
    # NaN in a slice
    out = lse_gap([[1.0, NAN, 3.0], [1.0, 2.0, 3.0]], 2.0)
    assert math.isnan(out[0])
    assert out[1] == pytest.approx(float(_mp_gap([1.0, 2.0, 3.0], 2.0)), rel=1e-15, abs=0)
    # the pivot's infinity counts like any maximum (approx: NumPy's log may differ from
    # math.log in the last bit)
    assert lse_gap([5.0, INF, INF], 1.0) == pytest.approx(math.log(2), rel=1e-15, abs=0)
    assert lse_gap([5.0, INF, -INF], 2.0) == 0.0
    assert lse_gap([-INF, -INF, -INF], 2.0) == pytest.approx(math.log(3) / 2, rel=1e-15, abs=0)
    assert lse_gap([-INF, -INF, 0.0], 2.0) == 0.0
    assert lse_gap([-INF, 5.0, -INF], -1.0) == pytest.approx(-math.log(2), rel=1e-15, abs=0)
    assert lse_gap([INF, INF], -4.0) == pytest.approx(-math.log(2) / 4, rel=1e-15, abs=0)
    # ties
    assert lse_gap([2.0, 2.0, 2.0, 2.0], 3.0) == pytest.approx(math.log(4) / 3, rel=1e-15, abs=0)
    assert lse_gap([0.0, 0.0, -1e4], 1.0) == pytest.approx(math.log(2), rel=1e-15, abs=0)
    # huge values: nothing overflows
    assert lse_gap([1e300, -1e300], 1e6) == 0.0
    assert lse_gap([1e308, 1e308], 1e6) == pytest.approx(math.log(2) / 1e6, rel=1e-15, abs=0)
    # empty
    assert math.isnan(lse_gap([]))
    assert lse_gap(np.empty((3, 0))).shape == (3,)
    assert np.isnan(lse_gap(np.empty((3, 0)), -1.0)).all()
    # no −0.0 for λ < 0
    zero = lse_gap([0.0, -1e3], -1.0)
    assert zero == 0.0
    assert not np.signbit(zero)


@pytest.mark.parametrize("lam", [0.0, -0.0, NAN])
def test_lambda_zero_and_nan_raise(lam):
    with pytest.raises(ValueError, match=r"unbounded|NaN"):
        lse_gap([1.0, 2.0], lam)


def test_dtypes_shapes_and_axes():
    assert lse_gap([1, 2, 3]).dtype == np.float64
    assert isinstance(lse_gap([1.0, 2.0]), np.float64)
    x32 = np.float32([1.0, 2.0, 3.0])
    assert lse_gap(x32, 2.0).dtype == np.float32
    assert lse_gap(x32, 2.0) == np.float32(lse_gap(x32.astype(np.float64), 2.0))
    assert lse_gap(x32, 100.0) == 0.0  # 3.7e-46 is below float32's smallest subnormal
    assert lse_gap(x32, 10.0) == np.float32(float(_mp_gap([1, 2, 3], 10.0)))
    with pytest.raises(TypeError):
        lse_gap(np.array([1 + 1j, 2]))
    rng = np.random.default_rng(6)
    x = rng.standard_normal((3, 4, 5))
    for axis in (0, 1, 2, -1):
        expected = lse(x, 2.0, axis=axis) - np.max(x, axis=axis)
        np.testing.assert_allclose(lse_gap(x, 2.0, axis=axis), expected, atol=1e-15, rtol=0)
        kept = lse_gap(x, 2.0, axis=axis, keepdims=True)
        assert kept.shape == np.expand_dims(expected, axis).shape
    assert lse_gap(4.0) == 0.0


def test_every_kernel_gives_the_same_gap():
    """Pairs (axis 0, any dtype), the slab and the long blocked row agree."""
    rng = np.random.default_rng(7)
    pairs = rng.standard_normal((2, 300)) * 10.0 ** rng.integers(-5, 5, (2, 300))
    pairs[1, :5] = pairs[0, :5]
    pairs[:, 5:10] = [[INF, -INF, INF, NAN, -INF], [INF, -INF, 1.0, 0.0, 2.0]]
    for lam in (10.0, -3.0, 1e-3):
        by_pair = lse_gap(pairs, lam, axis=0)
        by_slab = _gap_slab(pairs.T.copy(), lam, 1)
        np.testing.assert_array_equal(np.isnan(by_pair), np.isnan(by_slab))
        np.testing.assert_allclose(by_pair, by_slab, rtol=4.5e-16, atol=0)
    long = rng.standard_normal(CHUNK + 1001)
    long[17] = long.max()
    for lam in (1.0, -7.0, 30.0):
        blocked = lse_gap(long, lam)
        by_slab = lse_gap(long.reshape(1, -1), lam)[0]  # rows go to the slab kernel
        assert blocked == pytest.approx(by_slab, rel=1e-13)
        assert blocked == pytest.approx(float(_mp_gap(long, lam)), rel=1e-12)
    spiked = long.copy()
    spiked[3] = INF
    spiked[9] = INF
    assert lse_gap(spiked, 2.0) == pytest.approx(math.log(2) / 2, rel=1e-15, abs=0)
    assert math.isnan(lse_gap(np.where(np.arange(long.size) == 5, NAN, long)))


def test_lies_within_lse_gap_bounds_exactly():
    rng = np.random.default_rng(8)
    violations = 0
    for n in (1, 2, 3, 10, 100):
        for dtype in (np.float64, np.float32):
            x = rng.uniform(-1, 1, (500, n)) * 10.0 ** rng.integers(-8, 3, (500, 1))
            x = np.where(rng.random((500, n)) < 0.3, x.max(axis=1, keepdims=True), x)
            x = x.astype(dtype)
            for lam in (1e-3, 1.0, 50.0, 1e6, -1.0, -1e4):
                gap = lse_gap(x, lam)
                low, high = lse_gap_bounds(x, lam)
                violations += int(np.count_nonzero((gap < low) | (gap > high)))
    assert violations == 0
    # the bounds are attained
    assert lse_gap([2.0] * 4, 3.0) == lse_gap_bounds([2.0] * 4, 3.0)[1]
    assert lse_gap([0.0, 0.0, -1e4], 1.0) == lse_gap_bounds([0.0, 0.0, -1e4], 1.0)[0]
    assert lse_gap_bounds([5.0, INF, INF], 1.0) == (math.log(2), math.log(3))
    assert lse_gap_bounds([-INF, -INF], 1.0) == (math.log(2), math.log(2))


@st.composite
def gap_cases(draw):
    """Vectors whose gaps range from log(n)/λ down to far below a float's last bit: the
    spread of the entries is drawn as λ·spread from 1e-3 to 3e3, so the terms
    exp(λ·(x_j − max)) run from 1 down past the smallest subnormal."""
    n = draw(st.integers(1, 200))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    top = 38 if dtype is np.float32 else 300
    lam = draw(st.sampled_from([-1.0, 1.0])) * 10.0 ** draw(st.floats(-3, 6))
    spread = 10.0 ** draw(st.floats(-3, 3.5)) / abs(lam)
    magnitude = draw(st.integers(-8, top))
    tie_fraction = draw(st.sampled_from([0.0, 0.0, 0.3, 1.0]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    centre = rng.choice([-1.0, 0.0, 1.0]) * 10.0**magnitude * rng.uniform(0.1, 1.0)
    x = centre + spread * rng.uniform(-1, 1, n)
    x[rng.random(n) < tie_fraction] = x.max()
    with np.errstate(over="ignore"):
        return x.astype(dtype), lam


@settings(max_examples=80, deadline=None)
@given(gap_cases())
def test_relative_accuracy_against_mpmath(case):
    x, lam = case
    exact = _mp_gap(x, lam)
    computed = lse_gap(x, lam)
    assert computed.dtype == x.dtype
    work = x.astype(np.float64)
    pivot = work.max() if lam > 0 else work.min()
    with np.errstate(over="ignore"):
        steepest = min(745.2, float(np.max(np.abs(lam * (work - pivot)))))
    u = np.finfo(np.float64).eps / 2
    # rounding of x_j − pivot and λ·(…) moves each exponent by ≤ 2u·|t_j|, the rest is a few u
    relative = (2 * steepest + x.size + 8) * u
    # terms below the smallest subnormal are lost, and the result itself may be subnormal
    absolute = (x.size + 1) * 2.0**-1074 * max(1.0, 1.0 / abs(lam))
    if x.dtype == np.float32:
        relative += np.finfo(np.float32).eps / 2
        absolute += 2.0**-150
    error = abs(mpmath.mpf(float(computed)) - exact)
    assert error <= relative * abs(exact) + absolute
    if x.size > 1 and lam > 0:
        assert computed >= 0.0


def test_bounds_of_pairs_on_a_grid():
    """The grid's case (an axis of length 2): m = 2 where the entries tie, else 1."""
    rng = np.random.default_rng(9)
    pairs = rng.integers(-3, 3, (2, 40, 30)).astype(float)  # many ties
    pairs[:, 0, :6] = [[NAN, 1.0, INF, INF, -INF, NAN], [1.0, NAN, INF, -INF, -INF, NAN]]
    tied = pairs[0] == pairs[1]
    has_nan = np.isnan(pairs).any(axis=0)
    for lam in (2.0, -0.5):
        low, high = lse_gap_bounds(pairs, lam, axis=0)
        tie_term = np.where(tied, math.log(2) / lam, 0.0)
        expected = (tie_term, math.log(2) / lam) if lam > 0 else (math.log(2) / lam, tie_term)
        for got, want in zip((low, high), expected, strict=True):
            want = np.where(has_nan, NAN, want)
            np.testing.assert_array_equal(got, want)
            assert not np.any(np.signbit(got) & (got == 0))
        gap = lse_gap(pairs, lam, axis=0)
        assert np.all((low <= gap) & (gap <= high) | has_nan)
    low, high = lse_gap_bounds(pairs, INF, axis=0)  # (0, 0), NaN where NaN
    np.testing.assert_array_equal(low, np.where(has_nan, NAN, 0.0))
    np.testing.assert_array_equal(high, np.where(has_nan, NAN, 0.0))
    low, high = lse_gap_bounds([1.0, NAN])
    assert math.isnan(low)
    assert math.isnan(high)


def test_a_gap_that_rounds_to_zero_in_float32_or_float16_is_plus_zero():
    """The docstring's "never −0.0": −3.7e−46 (λ = −100) rounds to −0.0 in float32."""
    for dtype in (np.float32, np.float16):
        gap = lse_gap(np.array([1.0, 2.0, 3.0], dtype=dtype), -100.0)
        assert gap == 0.0
        assert not np.signbit(gap)
        assert gap.dtype == dtype
        grid = lse_gap(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=dtype), -100.0, axis=0)
        assert not np.signbit(grid).any()
