"""What every function of softlse_core takes: byte order, what is refused with TypeError, λ
that is not a float, several axes and None, and results too large for float16/float32 — the
cases a library user meets (found by a review from that side)."""

import datetime
import math
import warnings
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
import scipy.special

from softlse_core import (
    entropy,
    entropy_identity,
    lse,
    lse_gap,
    lse_gap_bounds,
    lse_gradient_fd,
    naive_lse,
    naive_softmax,
    onehot_argmax,
    softmax,
)

WIDE = np.array([1e308, -1e308])  # entries whose difference overflows: needs the halving


def test_big_endian_floats_give_the_native_results_in_native_order():
    """FITS, HDF5 and netCDF readers hand out byte-swapped arrays; at a tiny λ the kernels'
    choice of path by dtype once skipped the overflow-free halving for them."""
    swapped = WIDE.astype(">f8")
    assert lse(swapped, 1e-308) == lse(WIDE, 1e-308) == 1.1269280110429726e308
    np.testing.assert_array_equal(softmax(swapped, 1e-308), softmax(WIDE, 1e-308))
    np.testing.assert_allclose(softmax(swapped, 1e-308), [0.8807970779778823, 0.11920292202211755])
    assert lse_gap(swapped, 1e-308) == lse_gap(WIDE, 1e-308) > 1e307
    three = np.array([1e308, -1e308, 0.0])
    np.testing.assert_array_equal(softmax(three.astype(">f8"), 1e-308), softmax(three, 1e-308))
    assert softmax(swapped).dtype == np.dtype("=f8")
    assert softmax(np.float32([1, 2]).astype(">f4")).dtype == np.dtype("=f4")


@pytest.mark.parametrize(
    "call",
    [
        lambda: lse(np.float32([1, 2, 3]), 1e-39),
        lambda: lse_gap(np.float16([1, 2, 3]), 1e-5),
        lambda: lse_gap_bounds(np.float16([1, 2, 3]), 1e-5)[1],
    ],
)
def test_a_result_too_large_for_float32_or_float16_is_inf_quietly(call):
    """The true values (1.1e39 for lse, 1.1e5 for the float16 gaps) exceed the dtype: inf,
    without the RuntimeWarning NumPy's cast gives (the docstrings promise none)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isinf(call())


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (np.ma.masked_array([1.0, 1000.0, 2.0], mask=[0, 1, 0]), "masked arrays"),
        (None, "None"),
        ([1, None], "None"),
        (["1", "2"], "text"),
        (np.array(["2020-01-01", "2021-01-01"], "M8[D]"), "dates"),
        (np.array([1, 2], "m8[s]"), "durations"),
        ([1j, 2], "complex"),
    ],
)
def test_what_is_not_real_numbers_is_refused_by_name(bad, words):
    """NumPy would drop a mask, read None as NaN, text as numbers and dates as days since
    1970; each is refused with a TypeError that names it."""
    for function in (lse, softmax, lse_gap, entropy, onehot_argmax, naive_lse, naive_softmax):
        with pytest.raises(TypeError, match=words):
            function(bad)
    with pytest.raises(TypeError, match=words):
        lse_gradient_fd(bad)


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (np.array([10**400, 1], dtype=object), "too large"),
        ([np.datetime64("2020-01-01"), 1.0], "datetime64"),
        ([datetime.date(2020, 1, 1), 1.0], "date"),
    ],
)
def test_object_entries_that_are_no_float_are_refused(bad, words):
    """float() would read a datetime64 as days since 1970; an int beyond the float range
    raised an OverflowError instead of the documented TypeError."""
    with pytest.raises(TypeError, match=words):
        lse(bad)


def test_entropy_follows_the_axis_rules_and_entropy_identity_casts_quietly():
    with pytest.raises(ValueError, match="names no axis"):
        entropy([0.5, 0.5], axis=())
    assert float(entropy(np.full((2, 2), 0.25), axis=None)) == pytest.approx(math.log(4))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        terms = entropy_identity(np.float16([1, 2, 3]), 1e-7)
    assert [term.dtype for term in terms] == [np.dtype(np.float16)] * 3
    assert math.isinf(terms[0])


def test_object_arrays_of_real_numbers_are_read():
    assert lse([Fraction(1, 2), Decimal("0.5")]) == 0.5 + math.log(2)
    assert lse(np.array([1, 2.5], dtype=object)) == lse([1.0, 2.5])


def test_a_lambda_too_large_for_a_float_is_a_value_error():
    with pytest.raises(ValueError, match=r"λ must be a real number, got 1000+…$"):
        lse([1, 2, 3], 10**400)


GRID = np.arange(24.0).reshape(2, 3, 4) / 5


@pytest.mark.parametrize("axis", [None, (0, 1), (0, 2), (1, 2), (2, 0), (0, 1, 2), (-1,), 1])
def test_several_axes_and_none_as_scipy_takes_them(axis):
    """axis=None is scipy's default: the whole array; a tuple takes its axes as one."""
    expected = scipy.special.logsumexp(GRID, axis=axis)
    np.testing.assert_allclose(lse(GRID, axis=axis), expected, rtol=1e-15)
    kept = lse(GRID, axis=axis, keepdims=True)
    assert kept.shape == scipy.special.logsumexp(GRID, axis=axis, keepdims=True).shape
    p = softmax(GRID, 3.0, axis=axis)
    np.testing.assert_allclose(p, scipy.special.softmax(3.0 * GRID, axis=axis), rtol=1e-14)
    np.testing.assert_allclose(lse(GRID, 3.0, axis=axis), lse(GRID * 3.0, axis=axis) / 3.0)
    gap = lse_gap(GRID, 3.0, axis=axis)
    np.testing.assert_allclose(gap, lse(GRID, 3.0, axis=axis) - np.max(GRID, axis=axis))
    low, high = lse_gap_bounds(GRID, 3.0, axis=axis)
    assert np.shape(low) == np.shape(high) == np.shape(gap)
    assert np.all(low <= gap)
    assert np.all(gap <= high)
    hard = onehot_argmax(GRID, axis=axis)
    assert hard.shape == GRID.shape
    np.testing.assert_array_equal(np.sum(hard, axis=axis), 1.0)
    top = np.max(GRID, axis=axis, keepdims=True)
    np.testing.assert_array_equal(hard == 1, top == GRID)
    np.testing.assert_allclose(entropy(p, axis=axis), -np.sum(p * np.log(p), axis=axis))


def test_the_whole_array_is_one_vector():
    assert lse(GRID, axis=None) == lse(GRID.reshape(-1))
    np.testing.assert_array_equal(
        softmax(GRID, axis=None), softmax(GRID.reshape(-1)).reshape(GRID.shape)
    )
    assert float(lse(3.0, axis=None)) == 3.0
    assert float(softmax(3.0, axis=None)) == 1.0


@pytest.mark.parametrize(
    ("axis", "error", "words"),
    [
        ((), ValueError, "names no axis"),
        ((0, 0), ValueError, "names an axis twice"),
        ((0, -3), ValueError, "names an axis twice"),
        (1.0, TypeError, "axis must be an int, a tuple of ints or None, got 1.0"),
        ("a", TypeError, "axis must be an int"),
        ((0, 5), np.exceptions.AxisError, "axis 5"),
    ],
)
def test_an_axis_that_is_not_one_is_refused_in_words(axis, error, words):
    for function in (lse, softmax, lse_gap, onehot_argmax):
        with pytest.raises(error, match=words):
            function(GRID, axis=axis)


def test_entropy_identity_keeps_float32():
    terms = entropy_identity(np.float32([1, 2, 3]), 1.0)
    assert [term.dtype for term in terms] == [np.dtype(np.float32)] * 3
    assert float(terms[2]) == pytest.approx(0.8323955818399389, rel=1e-7)


def test_lambda_zero_is_uniform_even_over_infinities_unlike_its_limit():
    """As documented: e^{0·x} is taken as 1, so λ = 0 is not the limit λ → 0⁺ there."""
    np.testing.assert_array_equal(softmax([math.inf, 1.0], 0.0), [0.5, 0.5])
    np.testing.assert_array_equal(softmax([math.inf, 1.0], 1e-300), [1.0, 0.0])
