"""Unit tests of softlse_core.softmax, onehot_argmax and naive_softmax."""

import math

import numpy as np
import pytest
import scipy.special

from softlse_core import naive_softmax, onehot_argmax, softmax

INF = math.inf
NAN = math.nan


def test_sheet_values():
    expected = [0.09003057, 0.24472847, 0.66524096]
    np.testing.assert_allclose(softmax([1, 2, 3]), expected, atol=5e-9)
    np.testing.assert_allclose(softmax([11, 12, 13]), expected, atol=5e-9)
    np.testing.assert_allclose(
        softmax([10, 20, 30]), [2.06106005e-09, 4.53978686e-05, 9.99954600e-01], rtol=5e-9
    )
    np.testing.assert_allclose(
        softmax([10, 20, 30]), scipy.special.softmax([10, 20, 30]), rtol=1e-15
    )


def test_default_axis_is_last_unlike_scipy():
    x = np.array([[1.0, 2.0], [3.0, 5.0]])
    np.testing.assert_allclose(softmax(x), scipy.special.softmax(x, axis=-1), rtol=1e-15)
    assert not np.allclose(softmax(x), scipy.special.softmax(x))
    np.testing.assert_allclose(softmax(x, 2.0, axis=0), scipy.special.softmax(2 * x, axis=0))


def test_negative_lambda_concentrates_on_minima():
    x = np.array([3.0, -1.0, 2.0, -1.0])
    np.testing.assert_array_equal(softmax(x, -2.0), softmax(-x, 2.0))
    np.testing.assert_allclose(softmax(x, -1e6), [0.0, 0.5, 0.0, 0.5])


def test_lambda_zero_is_uniform():
    np.testing.assert_array_equal(softmax([1.0, 50.0, -3.0, 1e300], 0.0), [0.25] * 4)
    out = softmax([[1.0, NAN], [1.0, 2.0]], 0.0)
    assert np.all(np.isnan(out[0]))
    np.testing.assert_array_equal(out[1], [0.5, 0.5])


def test_infinite_lambda_is_onehot_with_split_ties():
    x = np.array([1.0, 3.0, 3.0, -2.0])
    np.testing.assert_array_equal(softmax(x, INF), [0.0, 0.5, 0.5, 0.0])
    np.testing.assert_array_equal(softmax(x, -INF), [0.0, 0.0, 0.0, 1.0])
    np.testing.assert_array_equal(softmax(x, INF), onehot_argmax(x))


def test_lambda_nan_raises():
    with pytest.raises(ValueError, match="NaN"):
        softmax([1.0], NAN)


def test_huge_lambda_and_entries():
    np.testing.assert_array_equal(softmax([1e300, -1e300], 1e6), [1.0, 0.0])
    out = naive_softmax([1e300, -1e300], 1e6)  # inf/inf and 0/inf
    assert math.isnan(out[0])
    assert out[1] == 0.0


def test_infinities_and_nan():
    np.testing.assert_array_equal(softmax([INF, 1.0, INF]), [0.5, 0.0, 0.5])
    with np.errstate(invalid="ignore"):  # what scipy does
        assert np.all(np.isnan(scipy.special.softmax([INF, 1.0, INF])))
    np.testing.assert_array_equal(softmax([-INF, 0.0]), [0.0, 1.0])
    assert np.all(np.isnan(softmax([-INF, -INF])))
    assert np.all(np.isnan(softmax([1.0, NAN, 2.0])))
    np.testing.assert_array_equal(softmax([-INF, 1.0, -INF], -1.0), [0.5, 0.0, 0.5])
    assert np.all(np.isnan(softmax([INF, INF], -1.0)))
    assert np.all(np.isnan(softmax([-INF, -INF], INF)))


def test_empty_and_scalar():
    assert softmax([]).shape == (0,)
    assert softmax(np.empty((2, 0))).shape == (2, 0)
    assert softmax(7.0) == 1.0


def test_dtypes():
    assert softmax([1, 2]).dtype == np.float64
    x32 = np.float32([1.0, 2.0, 30.0])
    out = softmax(x32, 3.0)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, softmax(x32.astype(np.float64), 3.0).astype(np.float32))
    assert onehot_argmax(x32).dtype == np.float32


def test_pair_axis_first_or_last_gives_the_same_numbers():
    """The pair kernel walks the pairs as two planes (axis first) or strided (axis last):
    the same numbers either way, infinities, ties and NaN included."""
    rng = np.random.default_rng(3)
    g = rng.uniform(-1, 1, (2, 40, 30))
    g[1, :3] = g[0, :3]
    g[:, 3, 0] = [INF, INF]
    g[:, 3, 1] = [-INF, -INF]
    g[:, 3, 2] = [INF, 0.0]
    g[:, 3, 3] = [NAN, 0.0]
    g[:, 3, 4] = [-INF, 1.0]
    for lam in (10.0, -4.0, 1e-3, 1e4):
        by_pair = softmax(g, lam, axis=0)
        by_general = np.moveaxis(softmax(np.moveaxis(g, 0, -1), lam, axis=-1), -1, 0)
        np.testing.assert_array_equal(by_pair, by_general)


def test_onehot_argmax():
    x = np.array([[1.0, 5.0, 5.0], [2.0, 0.0, 1.0]])
    np.testing.assert_array_equal(onehot_argmax(x), [[0, 0.5, 0.5], [1, 0, 0]])
    np.testing.assert_array_equal(onehot_argmax(x, ties="first"), [[0, 1, 0], [1, 0, 0]])
    np.testing.assert_array_equal(onehot_argmax(x, axis=0), [[0, 1, 1], [1, 0, 0]])
    assert np.all(np.isnan(onehot_argmax([1.0, NAN])))
    assert np.all(np.isnan(onehot_argmax([1.0, NAN], ties="first")))
    with pytest.raises(ValueError, match="ties"):
        onehot_argmax(x, ties="last")


def test_onehot_is_the_large_lambda_limit():
    x = np.array([0.1, 0.7, 0.69, -3.0])
    np.testing.assert_allclose(softmax(x, 1e5), onehot_argmax(x), atol=1e-300)


def test_naive_softmax_fails_quietly():
    np.testing.assert_allclose(naive_softmax([1, 2, 3]), softmax([1, 2, 3]), rtol=1e-15)
    out = naive_softmax([1000.0, 1.0])
    assert math.isnan(out[0])
    assert out[1] == 0.0
    assert np.all(np.isnan(naive_softmax([-1000.0, -1000.0])))
    assert np.all(np.isnan(naive_softmax(np.float32([100.0, 1.0]))[:1]))
