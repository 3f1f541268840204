"""Entries whose difference overflows float64, at a λ small enough that λ times it is a
moderate number (softlse_core.wide_spread): softmax, lse and the gap must still be those of
the exact formula, as scipy's (which forms λ·x first) are."""

import math
import warnings

import mpmath
import numpy as np
import pytest
import scipy.special
from hypothesis import example, given, settings
from hypothesis import strategies as st

from softlse_core import lse, lse_gap, lse_hessian, softmax, softmax_lambda_sweep

U = float(np.finfo(np.float64).eps) / 2
TINY = float(np.finfo(np.float64).smallest_subnormal)


def _exact(x, lam):
    """(lse, gap, softmax) of float64 vector x at λ in 50 digits."""
    with mpmath.workdps(50):
        xs = [mpmath.mpf(float(v)) for v in x]
        lam_mp = mpmath.mpf(lam)
        pivot = max(xs) if lam > 0 else min(xs)
        terms = [mpmath.exp(lam_mp * (v - pivot)) for v in xs]
        total = mpmath.fsum(terms)
        gap = mpmath.log(total) / lam_mp
        return pivot + gap, gap, [t / total for t in terms]


def _close(computed, exact, rel):
    return abs(mpmath.mpf(float(computed)) - exact) <= rel * abs(exact) + TINY


def test_the_sheet_pair_at_a_tiny_lambda():
    """λ·(x₀ − x₁) = 2 although x₀ − x₁ = 2e308 overflows: softmax is not [1, 0]."""
    x = np.array([1e308, -1e308])
    p = softmax(x, 1e-308)
    assert str(p) == "[0.88079708 0.11920292]"  # as numpy prints it
    np.testing.assert_allclose(p, scipy.special.softmax(1e-308 * x), rtol=1e-15)
    np.testing.assert_allclose(softmax(x, -1e-308), p[::-1], rtol=1e-15)
    exact_lse, exact_gap, exact_p = _exact(x, 1e-308)
    assert _close(lse(x, 1e-308), exact_lse, 8 * U)  # 1.1269e308, not 1e308
    assert float(lse(x, 1e-308)) == pytest.approx(1.1269280110429726e308, rel=1e-15)
    assert _close(lse_gap(x, 1e-308), exact_gap, 8 * U)  # 1.27e307, not 0
    for computed, exact in zip(p, exact_p, strict=True):
        assert _close(computed, exact, 8 * U)


@pytest.mark.parametrize("axis", [0, -1])
def test_a_grid_of_such_pairs(axis):
    """The pair kernels (a reduction axis of length 2), both layouts."""
    pair = np.array([1.5e308, -1.2e308])
    lam = 1e-308  # lse = (1.5 + log(1 + e^−2.7))·1e308
    shape = (2, 5, 4) if axis == 0 else (5, 4, 2)
    x = np.moveaxis(np.broadcast_to(pair, (5, 4, 2)), -1, axis).copy()
    assert x.shape == shape
    exact_lse, exact_gap, exact_p = _exact(pair, lam)
    p = softmax(x, lam, axis=axis)
    for k in range(2):
        values = np.take(p, k, axis=axis)
        assert all(_close(v, exact_p[k], 8 * U) for v in values.ravel())
    assert all(_close(v, exact_lse, 8 * U) for v in lse(x, lam, axis=axis).ravel())
    assert all(_close(v, exact_gap, 8 * U) for v in lse_gap(x, lam, axis=axis).ravel())


def test_longer_vectors_the_sweep_and_the_hessian():
    x = np.array([1.7e308, -1.7e308, 1e300, -9e307])
    lam = 1e-308
    exact_lse, exact_gap, exact_p = _exact(x, lam)
    assert all(_close(c, e, 16 * U) for c, e in zip(softmax(x, lam), exact_p, strict=True))
    assert _close(lse_gap(x, lam), exact_gap, 16 * U)
    assert math.isinf(exact_lse) or _close(lse(x, lam), exact_lse, 16 * U)
    rows = softmax_lambda_sweep(x, [lam, 1.0])
    np.testing.assert_array_equal(rows[0], softmax(x, lam))
    np.testing.assert_array_equal(rows[1], [1.0, 0.0, 0.0, 0.0])
    p = softmax(x, lam)
    np.testing.assert_allclose(lse_hessian(x, lam), lam * (np.diag(p) - np.outer(p, p)))


def test_lse_below_the_largest_double_with_a_gap_beyond_it():
    """λ = 3.2e−309: the gap log(1 + e^−0.042)/λ = 2.1e308 is not a double, but lse, the
    max −7.2e307 plus that gap, is 1.4e308 and must not read inf."""
    x = np.array([-8.5e307, -7.2e307])
    lam = 3.16e-309
    exact_lse, exact_gap, _ = _exact(x, lam)
    assert float(exact_gap) == math.inf
    assert math.isfinite(float(exact_lse))
    assert _close(lse(x, lam), exact_lse, 8 * U)
    assert _close(-lse(-x, -lam), exact_lse, 8 * U)  # the mirror: lse(x, λ) = −lse(−x, −λ)
    assert lse_gap(x, lam) == math.inf


def test_lse_beyond_the_largest_double_is_inf_quietly():
    """2·lse(x/2, 2λ) may exceed 1.8e308: inf, as lse itself, and no RuntimeWarning."""
    x = np.array([-1.7e308, 1.7e308, 1e300])  # lse = log(6.66)/1e-308 ≈ 1.9e308
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert lse(x, 1e-308) == math.inf
        assert lse(x, 1e-308, axis=0, keepdims=True).shape == (1,)
        assert lse_gap([5e-324, 1e308], 5e-324) == math.inf


def test_nothing_changes_where_nothing_overflows():
    """A moderate λ, small entries or float32 take the usual path, bit for bit."""
    x = np.array([1e308, -1e308])
    np.testing.assert_array_equal(softmax(x, 1e-300), [1.0, 0.0])  # exp(−2e8) = 0
    assert lse([5e-324], 1e-310) == 5e-324  # one entry: lse is that entry, subnormal or not
    small = np.array([1.0, 2.0, 3.0])
    np.testing.assert_array_equal(softmax(small, 1e-308), [1 / 3, 1 / 3, 1 / 3])
    x32 = np.float32([3e38, -3e38])
    p32 = softmax(x32, 1e-38)
    assert p32.dtype == np.float32
    np.testing.assert_allclose(p32, scipy.special.softmax(np.float64(1e-38) * x32), rtol=1e-6)


@settings(max_examples=60, deadline=None)
@example(n=2, seed=2, lam_exponent=-308.5, sign=1.0)  # lse 1.4e308 with a gap of 2.1e308
@given(
    n=st.integers(2, 6),
    seed=st.integers(0, 2**32 - 1),
    lam_exponent=st.floats(-309.5, -301.0),
    sign=st.sampled_from([-1.0, 1.0]),
)
def test_huge_spreads_at_tiny_lambdas_against_mpmath(n, seed, lam_exponent, sign):
    """Entries up to ±1.79e308 and |λ| from 3e−310 to 1e−301: softmax within Theorem 4.3's
    bound, lse and the gap within a few units of roundoff (where they are finite)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, n) * 1.79e308
    lam = sign * 10.0**lam_exponent
    exact_lse, exact_gap, exact_p = _exact(x, lam)
    with mpmath.workdps(50):
        spread = mpmath.mpf(float(x.max())) - mpmath.mpf(float(x.min()))
        bound = (n + 2 + 2 * abs(mpmath.mpf(lam)) * spread) * U
    for computed, exact in zip(softmax(x, lam), exact_p, strict=True):
        assert abs(mpmath.mpf(float(computed)) - exact) <= bound * exact + TINY
        # lse's tolerance in test_core_properties: 4u·(|lse| + max|x| + n/|λ|)
        scale = abs(exact_lse) + float(np.max(np.abs(x))) + n / abs(mpmath.mpf(lam))
    for computed, exact in ((lse(x, lam), exact_lse), (lse_gap(x, lam), exact_gap)):
        if abs(exact) < 1.7e308:  # else the double nearest is inf, or the largest one
            assert abs(mpmath.mpf(float(computed)) - exact) <= 4 * U * scale
