"""Tests of the gradient, Hessian, λ sweep and entropy identity helpers."""

import math
import warnings

import mpmath
import numpy as np
import pytest
import scipy.special

from softlse_core import (
    entropy,
    entropy_identity,
    lse,
    lse_gradient_fd,
    lse_hessian,
    softmax,
    softmax_lambda_sweep,
)


@pytest.mark.parametrize("lam", [1.0, 10.0, -3.0, 0.1])
def test_finite_differences_match_softmax(lam):
    x = np.array([0.3, -1.2, 0.9, 0.88])
    np.testing.assert_allclose(lse_gradient_fd(x, lam), softmax(x, lam), atol=1e-8)


def test_finite_differences_refuse_bad_arguments():
    with pytest.raises(ValueError, match="nonzero"):
        lse_gradient_fd([1.0, 2.0], 0.0)
    with pytest.raises(ValueError, match="step"):
        lse_gradient_fd([1.0, 2.0], 1.0, h=-1.0)
    with pytest.raises(ValueError, match="1-D"):
        lse_gradient_fd([[1.0, 2.0]], 1.0)


def test_hessian_against_mpmath_second_differences():
    x = [0.5, -0.25, 1.0]
    lam = 2.0
    hess = lse_hessian(x, lam)
    with mpmath.workdps(40):
        lam_mp = mpmath.mpf(lam)

        def f(*v):
            return mpmath.log(sum(mpmath.exp(lam_mp * vi) for vi in v)) / lam_mp

        for i in range(3):
            for j in range(3):
                order = [1 if k in (i, j) else 0 for k in range(3)]
                if i == j:
                    order[i] = 2
                exact = mpmath.diff(f, [mpmath.mpf(v) for v in x], tuple(order))
                assert hess[i, j] == pytest.approx(float(exact), rel=1e-13, abs=1e-15)
    np.testing.assert_allclose(hess.sum(axis=1), 0.0, atol=8 * np.finfo(float).eps)
    assert np.all(np.linalg.eigvalsh(hess) > -1e-15)


def test_hessian_edge_cases():
    np.testing.assert_array_equal(lse_hessian([1.0, 2.0], 0.0), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="finite"):
        lse_hessian([1.0, 2.0], math.inf)


def test_lambda_sweep_rows_are_softmax():
    x = np.array([1.0, 2.0, 3.0, 2.0])
    lams = np.array([-50.0, -1.0, 0.0, 0.5, 1.0, 10.0, 1e4, math.inf, -math.inf])
    sweep = softmax_lambda_sweep(x, lams)
    assert sweep.shape == (lams.size, x.size)
    for row, lam in zip(sweep, lams, strict=True):
        np.testing.assert_allclose(row, softmax(x, lam), rtol=4e-16, atol=0)
    np.testing.assert_allclose(sweep[5], scipy.special.softmax(10.0 * x), rtol=1e-15)
    with_inf = softmax_lambda_sweep([1.0, math.inf], [1.0, -1.0])
    np.testing.assert_array_equal(with_inf, [[0.0, 1.0], [1.0, 0.0]])
    with pytest.raises(ValueError, match="NaN"):
        softmax_lambda_sweep(x, [1.0, math.nan])


def test_entropy():
    assert entropy([0.25] * 4) == pytest.approx(math.log(4), rel=1e-15)
    assert entropy([1.0, 0.0]) == 0.0
    p = np.array([0.2, 0.5, 0.3])
    assert entropy(p) == pytest.approx(float(scipy.special.entr(p).sum()), rel=1e-15)
    assert math.isnan(entropy([0.5, -0.1]))
    assert math.isnan(entropy([0.5, math.nan]))
    assert entropy([]) == 0.0
    assert entropy(np.float32([0.5, 0.5])).dtype == np.float32
    np.testing.assert_allclose(entropy([[0.5, 0.5], [1.0, 0.0]]), [math.log(2), 0.0])


@pytest.mark.parametrize("lam", [0.5, 3.0, -0.5, -3.0, 40.0])
def test_entropy_identity(lam):
    x = np.array([0.1, -2.0, 1.5, 1.5, 0.7])
    total, weighted, h_over_lam = entropy_identity(x, lam)
    assert total == lse(x, lam)
    assert total == pytest.approx(weighted + h_over_lam, rel=1e-14, abs=1e-14)
    assert (h_over_lam >= 0) == (lam > 0)


def test_entropy_identity_refuses_zero_lambda():
    with pytest.raises(ValueError, match="nonzero"):
        entropy_identity([1.0, 2.0], 0.0)


@pytest.mark.parametrize(
    ("x", "lam"),
    [
        ([1e6, 1e6 + 1], 1.0),  # a step growing with |x| (≈ 6) gave [0.418, 0.582]
        ([1.0, 2.0, 3.0], 1e-6),  # lse ≈ 1.1e6 rounds coarsely: the step must be larger
        ([1.0, 2.0, 3.0], -3.0),
        ([1e300, 2e300], 1e-300),
        ([0.3, -0.2], 1e-12),
        ([1e17, 0.0], 1.0),  # a step below the spacing near 1e17 gave 0/0
        ([0.0, -1e18], 1.0),
        ([1e300, -1e300], 1.0),
        ([1e300, -1e300], -1000.0),
        ([1e300, -1e300], 1e-200),
        ([5.0], 2.0),
    ],
)
def test_the_default_step_suits_large_entries_and_any_lambda(x, lam):
    np.testing.assert_allclose(lse_gradient_fd(x, lam), softmax(x, lam), rtol=0, atol=1e-7)
    assert abs(float(np.sum(lse_gradient_fd(x, lam))) - 1.0) < 1e-9


def test_an_infinite_entry_or_an_overflowing_lse_gives_nan_quietly():
    """No complaint about a step nobody passed: at λ = 3e−314 lse([1, 2]) is 2.3e313, not a
    double, and ∛ε/λ overflows too."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isnan(lse_gradient_fd([1.0, np.inf], 1.0)).all()
        assert np.isnan(lse_gradient_fd([1.0, 2.0], 3e-314)).all()
        assert np.isnan(lse_gradient_fd([1.0, 2.0], 3.5e-314)).all()
