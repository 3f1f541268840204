"""Unit tests of softlse_core.lse, naive_lse and lse_gap_bounds: every documented edge case."""

import math

import mpmath
import numpy as np
import pytest
import scipy.special

from softlse_core import lse, lse_gap_bounds, naive_lse

INF = math.inf


def test_keeps_maxima_out_of_the_sum():
    # Algorithm 4.1: log1p(s/m) keeps exp(-40) that 1 + exp(-40) would lose.
    assert lse([0.0, -40.0]) == 4.248354255291589e-18
    with mpmath.workdps(50):
        assert float(mpmath.log(1 + mpmath.exp(-40))) == 4.248354255291589e-18
    assert math.log(1.0 + math.exp(-40.0)) == 0.0  # what the unshifted-sum formula gives


def test_matches_scipy_on_the_sheet_vectors():
    for x in ([1, 2, 3], [11, 12, 13], [10, 20, 30]):
        for lam in (1.0, 10.0, 0.5):
            expected = scipy.special.logsumexp(lam * np.asarray(x, float)) / lam
            assert lse(x, lam) == pytest.approx(expected, rel=1e-15, abs=0)


def test_counts_ties():
    assert lse([1.0, 1.0, 1.0], 2.0) == 1.0 + math.log(3) / 2.0
    assert lse([5.0, 5.0], 1.0) == 5.0 + math.log(2)


def test_huge_lambda_and_huge_entries_do_not_overflow():
    # λ·x would be inf here; λ·(x − max) is fine.
    assert lse([1e300, -1e300], 1e6) == 1e300
    assert lse([1e300, 1e300], 1e6) == 1e300 + math.log(2) / 1e6
    assert math.isinf(naive_lse([1e300, -1e300], 1e6))


def test_negative_lambda_is_the_soft_minimum_bit_for_bit():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((7, 50)) * 10
    for lam in (0.3, 1.0, 25.0):
        np.testing.assert_array_equal(lse(x, -lam), -lse(-x, lam))
    assert lse([1.0, 2.0, 3.0], -1e6) == 1.0


@pytest.mark.parametrize("lam", [0.0, -0.0])
def test_lambda_zero_raises_with_an_explanation(lam):
    with pytest.raises(ValueError, match="diverges like log"):
        lse([1.0, 2.0], lam)


def test_lambda_nan_raises():
    with pytest.raises(ValueError, match="NaN"):
        lse([1.0, 2.0], math.nan)


def test_infinite_lambda_gives_max_and_min():
    x = np.array([[3.0, -1.0, 2.0], [0.0, 5.0, -7.0]])
    np.testing.assert_array_equal(lse(x, INF), [3.0, 5.0])
    np.testing.assert_array_equal(lse(x, -INF), [-1.0, -7.0])
    np.testing.assert_array_equal(lse(x, INF, axis=0), [3.0, 5.0, 2.0])


@pytest.mark.parametrize("lam", [1.0, -1.0, 10.0])
def test_nan_makes_its_slice_nan_only(lam):
    x = np.array([[1.0, math.nan, 3.0], [1.0, 2.0, 3.0]])
    out = lse(x, lam)
    assert math.isnan(out[0])
    assert out[1] == pytest.approx(scipy.special.logsumexp(lam * x[1]) / lam, rel=1e-15, abs=0)


def test_infinite_entries():
    assert lse([1.0, INF, 2.0]) == INF
    assert lse([INF, INF]) == INF
    assert lse([-INF, -INF]) == -INF
    assert lse([-INF, 0.0]) == 0.0
    assert lse([-INF, INF]) == INF
    # mirrored for the soft minimum
    assert lse([1.0, -INF], -1.0) == -INF
    assert lse([INF, INF], -1.0) == INF
    assert lse([INF, 0.0], -1.0) == 0.0


def test_empty_slices():
    assert lse([]) == -INF
    assert lse([], -2.0) == INF
    assert lse(np.empty((3, 0))).shape == (3,)
    assert np.all(lse(np.empty((3, 0))) == -INF)
    assert scipy.special.logsumexp([]) == -INF
    low, high = lse_gap_bounds([])  # no entries: no gap to bound
    assert math.isnan(low)
    assert math.isnan(high)
    assert np.isnan(lse_gap_bounds(np.empty((3, 0)))[0]).all()


def test_dtypes():
    assert lse([1, 2, 3]).dtype == np.float64
    assert lse([True, False]).dtype == np.float64
    x32 = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    out = lse(x32, 3.0)
    assert out.dtype == np.float32
    assert out == np.float32(lse(x32.astype(np.float64), 3.0))
    with pytest.raises(TypeError):
        lse(np.array([1 + 1j]))


def test_float32_is_computed_accurately():
    x = np.float32([100.0, 99.0, 50.0])
    expected = mpmath.log(sum(mpmath.exp(mpmath.mpf(float(v))) for v in x))
    assert lse(x) == np.float32(float(expected))


def test_axis_and_keepdims():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 4, 5))
    for axis in (0, 1, 2, -1, -2):
        expected = scipy.special.logsumexp(2.0 * x, axis=axis) / 2.0
        np.testing.assert_allclose(lse(x, 2.0, axis=axis), expected, rtol=1e-14)
        assert lse(x, 2.0, axis=axis, keepdims=True).shape == np.expand_dims(expected, axis).shape
    with pytest.raises(np.exceptions.AxisError):
        lse(x, axis=3)


def test_scalar_input_and_scalar_output():
    assert lse(4.0) == 4.0
    assert isinstance(lse([1.0, 2.0]), np.float64)


def test_all_kernels_agree():
    """Pair, slab and blocked kernels compute the same Algorithm 4.1."""
    rng = np.random.default_rng(2)
    pairs = rng.standard_normal((2, 300, 7))
    pairs[1, :5] = pairs[0, :5]  # ties
    pairs[:, 5] = [[INF], [INF]]
    pairs[:, 6] = [[-INF], [-INF]]
    pairs[0, 7] = math.nan
    for lam in (10.0, -3.0):
        by_pair = lse(pairs, lam, axis=0)
        by_slab = lse(np.moveaxis(pairs, 0, -1).copy(), lam, axis=-1)
        np.testing.assert_allclose(by_pair, by_slab, rtol=2e-16, atol=0)
    long = rng.standard_normal(200_003)
    long[17] = long.max()  # tie
    for lam in (1.0, -7.0, 1e5):
        blocked = lse(long, lam)
        sliced = lse(long.reshape(1, -1)[:, ::1].astype(np.longdouble), lam)[0]
        assert blocked == pytest.approx(float(sliced), rel=1e-15, abs=1e-15 / abs(lam))


def test_blocked_path_edge_cases():
    long = np.zeros(100_000)
    assert lse(long) == math.log(100_000)
    long[5] = math.nan
    assert math.isnan(lse(long))
    long[5] = INF
    assert lse(long) == INF
    assert lse(np.full(100_000, -INF)) == -INF


def test_naive_lse_fails_quietly_where_the_sheet_did():
    assert naive_lse([1.0, 2.0, 3.0]) == pytest.approx(lse([1.0, 2.0, 3.0]), rel=1e-15, abs=0)
    assert naive_lse([1000.0, 0.0]) == INF
    assert naive_lse([-1000.0, -1000.0]) == -INF
    assert naive_lse(np.float32([100.0])).dtype == np.float32
    assert naive_lse(np.float32([100.0])) == INF  # exp(100) overflows float32


def test_gap_bounds():
    low, high = lse_gap_bounds([1.0, 1.0, 0.0], 2.0)
    assert (low, high) == (math.log(2) / 2.0, math.log(3) / 2.0)
    low, high = lse_gap_bounds([1.0, 0.0, 0.0], -2.0)
    assert (low, high) == (-math.log(3) / 2.0, -math.log(2) / 2.0)
    assert lse_gap_bounds([1.0, 2.0], INF) == (0.0, 0.0)
    low, high = lse_gap_bounds([[1.0, math.nan], [1.0, 2.0]])
    assert math.isnan(low[0])
    assert math.isnan(high[0])
    assert (low[1], high[1]) == (0.0, math.log(2))
    with pytest.raises(ValueError, match="unbounded"):
        lse_gap_bounds([1.0], 0.0)


def test_gap_bounds_are_attained():
    # all equal: lse − max = log(n)/λ exactly
    assert lse([2.0] * 4, 3.0) - 2.0 == pytest.approx(
        lse_gap_bounds([2.0] * 4, 3.0)[1], rel=1e-15, abs=0
    )
    # everything but the maxima far below: lse − max = log(m)/λ
    x = [0.0, 0.0, -1e4]
    assert lse(x, 1.0) == pytest.approx(lse_gap_bounds(x, 1.0)[0], rel=1e-15, abs=0)
