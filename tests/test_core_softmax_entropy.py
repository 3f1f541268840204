"""softmax_entropy: H(softmax(x, λ)) from x and λ, accurate where softmax is nearly one-hot.

entropy(softmax(x, λ)) drops the largest entry's term once that entry rounds to 1: a student's
review found the vector lab showing 3.72007598e-42 for x = [1, 2, 3] at λ = 100, where the
entropy is 3.7572767e-42 (1 % off, printed to 9 digits)."""

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from test_core_properties import vectors

from softlse_core import entropy, entropy_identity, softmax, softmax_entropy


def _mp_entropy(x, lam) -> mpmath.mpf:
    """H(softmax(x, λ)) = −Σ pₖ log pₖ of the float vector x, in 60-digit arithmetic, with
    log pₖ = zₖ − log(1 + r) taken from the exponents zₖ = λ·(xₖ − pivot) and the sum r of
    the terms other than one pivot's: 1 + r may round to 1 even at 60 digits (r = e^−700)."""
    with mpmath.workdps(60):
        xs = [mpmath.mpf(float(v)) for v in x]
        pivot = max(xs) if lam > 0 else min(xs)
        exponents = [mpmath.mpf(lam) * (v - pivot) for v in xs]
        one = exponents.index(0)
        rest = mpmath.fsum(mpmath.exp(z) for k, z in enumerate(exponents) if k != one)
        log_total = mpmath.log1p(rest)
        return -mpmath.fsum(
            mpmath.exp(z) / (1 + rest) * (z - log_total) for z in exponents if z > -mpmath.inf
        )


@pytest.mark.parametrize(
    ("x", "lam"),
    [
        ([1, 2, 3], 100.0),  # the review's case: p = [e^-200, e^-100, 1 − e^-100]
        ([1, 2, 3], -100.0),
        ([1, 2, 3], 40.0),  # 1.74183e-16, shown as 1.6993e-16 before
        ([1, 2, 3], 700.0),
        ([0.001, 0.0, 5.0], 7.0),
        ([10.0, 20.0, 30.0, 30.0 - 1e-9], 3.0),
        # a losing infinity (p = 0) took the slice back to entropy(p) and its 1 % error
        ([-math.inf, 1.0, 2.0, 3.0], 100.0),
        ([math.inf, 1.0, 2.0, 3.0], -100.0),
        # |λ| so large that the gap L/λ underflows: L is taken from the exponents
        ([0.0, -1e-306, -2e-306], 1e308),
        ([0.0, -5e-307], 1e308),
    ],
)
def test_a_sharp_softmax_keeps_its_entropy_s_digits(x, lam):
    exact = _mp_entropy(x, lam)
    computed = softmax_entropy(x, lam)
    assert abs(mpmath.mpf(float(computed)) - exact) <= 1e-14 * exact
    # where the largest probability rounds to 1, entropy(p) cannot know what it dropped
    if max(softmax(x, lam)) == 1.0:
        assert abs(float(entropy(softmax(x, lam))) - float(exact)) > 1e-3 * float(exact)


def test_the_sheet_s_vector_and_the_limits():
    assert softmax_entropy([1, 2, 3]) == pytest.approx(0.8323955818399389, rel=1e-15)
    assert softmax_entropy([1, 2, 3]) == pytest.approx(float(entropy(softmax([1, 2, 3]))))
    assert float(softmax_entropy([1, 2, 3], 100.0)) == pytest.approx(
        3.757276735781044e-42, rel=1e-14, abs=0
    )
    assert softmax_entropy([1, 2, 3], 0.0) == math.log(3)  # uniform
    assert softmax_entropy([1, 3, 3], math.inf) == math.log(2)  # one-hot, tie split
    assert softmax_entropy([1, 2, 3], -math.inf) == 0.0
    assert softmax_entropy([1.0, math.inf, math.inf], 1.0) == math.log(2)
    assert softmax_entropy([1.0, -math.inf, 2.0], 1.0) == pytest.approx(
        float(_mp_entropy([1.0, 2.0], 1.0)), rel=1e-15
    )
    assert math.isnan(softmax_entropy([1.0, math.nan], 1.0))
    assert math.isnan(softmax_entropy([-math.inf, -math.inf], 1.0))  # softmax: 0/0
    assert softmax_entropy([], 1.0) == 0.0
    assert str(softmax_entropy([5.0, 5.0 - 1e-300], 1.0)) == str(math.log(2))  # not "-0"
    # entries 2e308 apart (x_k − max overflows) at a tiny λ: as entropy(softmax(x, λ))
    wide = [-1e308, 1e308]
    assert softmax_entropy(wide, 1e-309) == entropy(softmax(wide, 1e-309))
    with pytest.raises(ValueError, match="NaN"):
        softmax_entropy([1, 2], math.nan)


def test_axes_and_dtypes_follow_softmax():
    x = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    np.testing.assert_allclose(
        softmax_entropy(x, 100.0), [3.757276735781044e-42, math.log(3)], rtol=1e-14
    )
    np.testing.assert_allclose(
        softmax_entropy(x, 1.0, axis=0), entropy(softmax(x, 1.0, axis=0), axis=0), rtol=1e-15
    )
    assert softmax_entropy(x, 1.0, axis=None) == pytest.approx(
        float(entropy(softmax(x, 1.0, axis=None), axis=None)), rel=1e-15
    )
    assert softmax_entropy(np.float32([1, 2, 3]), 100.0).dtype == np.float32
    assert softmax_entropy([1, 2, 3], 1.0).dtype == np.float64


def test_the_entropy_identity_uses_it():
    total, mean, entropy_term = entropy_identity([1, 2, 3], 100.0)
    assert float(entropy_term) == pytest.approx(3.757276735781044e-44, rel=1e-14, abs=0)
    assert float(mean + entropy_term) == float(total) == 3.0


@settings(max_examples=60, deadline=None)
@given(vectors(max_n=200, dtypes=(np.float64,)))
def test_relative_accuracy_against_mpmath(case):
    x, lam = case
    exact = _mp_entropy(x, lam)
    computed = mpmath.mpf(float(softmax_entropy(x, lam)))
    # both terms of H = L − Σ pₖzₖ are ≥ 0: errors of a few u per entry and of the exponents
    spread = abs(lam) * float(np.max(x) - np.min(x))
    u = 2.0**-53
    assert abs(computed - exact) <= 8 * u * (x.size + spread) * exact + 1e-305
