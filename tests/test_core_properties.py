"""Property and accuracy tests of lse and softmax against mpmath (issue 2's accuracy claims).

Inputs are drawn by hypothesis as parameters (length, magnitude, spread, ties, λ, dtype)
of a seeded numpy generator, so vectors of up to 1000 entries stay fast to draw.
"""

import math

import mpmath
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from softlse_core import lse, softmax

SETTINGS = settings(max_examples=60, deadline=None)


#: The largest decimal exponent of the magnitudes drawn for each dtype.
TOP_EXPONENT = {np.float64: 300, np.float32: 38, np.float16: 4}


@st.composite
def vectors(draw, max_n=1000, min_n=1, dtypes=(np.float64, np.float32)):
    """A float vector with magnitudes from 1e-8 to 1e300 (less for float32 and float16),
    possibly with ties, and its λ."""
    n = draw(st.integers(min_n, max_n))
    dtype = draw(st.sampled_from(dtypes))
    top = TOP_EXPONENT[dtype]
    magnitude = draw(st.integers(-8, top))
    spread = draw(st.integers(-8, magnitude))
    tie_fraction = draw(st.sampled_from([0.0, 0.0, 0.3, 1.0]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    centre = rng.choice([-1.0, 1.0]) * 10.0**magnitude * rng.uniform(0.1, 1.0)
    x = centre + 10.0**spread * rng.uniform(-1, 1, n)
    ties = rng.random(n) < tie_fraction
    x[ties] = x.max()
    lam = draw(st.sampled_from([-1.0, 1.0])) * 10.0 ** draw(st.floats(-3, 6))
    return x.astype(dtype), lam


def _unit_roundoff(dtype):
    return float(np.finfo(dtype).eps) / 2


def _mp_lse_and_softmax(x, lam):
    """(lse, softmax) of float vector x at λ, in 50-digit arithmetic."""
    with mpmath.workdps(50):
        xs = [mpmath.mpf(float(v)) for v in x]
        pivot = max(xs) if lam > 0 else min(xs)
        lam_mp = mpmath.mpf(lam)
        terms = [mpmath.exp(lam_mp * (v - pivot)) for v in xs]
        total = mpmath.fsum(terms)
        return pivot + mpmath.log(total) / lam_mp, [t / total for t in terms]


@SETTINGS
@given(vectors())
def test_lse_accuracy_against_mpmath(case):
    x, lam = case
    u = _unit_roundoff(x.dtype)
    reference, _ = _mp_lse_and_softmax(x, lam)
    computed = lse(x, lam)
    assert computed.dtype == x.dtype
    scale = abs(float(reference)) + float(np.max(np.abs(x))) + x.size / abs(lam)
    assert abs(mpmath.mpf(float(computed)) - reference) <= 4 * u * scale


@SETTINGS
@given(vectors())
def test_softmax_within_theorem_4_3_and_sums_to_one(case):
    _assert_softmax_within_theorem_4_3(case)


@SETTINGS
@given(vectors(max_n=2, min_n=2, dtypes=(np.float32, np.float16)))
def test_float32_and_float16_pairs_within_theorem_4_3(case):
    """Pairs take the pair kernel, which computes float32 in float32 (float16 in float64)."""
    _assert_softmax_within_theorem_4_3(case)


def _assert_softmax_within_theorem_4_3(case):
    x, lam = case
    u = _unit_roundoff(x.dtype)
    _, reference = _mp_lse_and_softmax(x, lam)
    computed = softmax(x, lam)
    assert computed.dtype == x.dtype
    n = x.size
    spread = float(np.max(x.astype(np.float64)) - np.min(x.astype(np.float64)))
    bound = (n + 2 + 2 * abs(lam) * spread) * u
    tiny = float(np.finfo(x.dtype).smallest_subnormal)
    for p_hat, p in zip(computed, reference, strict=True):
        assert abs(mpmath.mpf(float(p_hat)) - p) <= bound * p + tiny
    assert abs(math.fsum(computed.astype(np.float64)) - 1.0) <= n * u


@SETTINGS
@given(vectors(max_n=200))
def test_mirror_shift_and_limits(case):
    x, lam = case
    # λ < 0 mirrors λ > 0 exactly
    np.testing.assert_array_equal(lse(x, -lam), -lse(-x, lam))
    np.testing.assert_array_equal(softmax(x, -lam), softmax(-x, lam))
    # lse lies between the max and the min-side bounds for its sign
    top, bottom = np.max(x), np.min(x)
    value = lse(x, lam)
    if lam > 0:
        assert top <= value
    else:
        assert value <= bottom


def _bound_cases(rng, rows, n, dtype):
    exponents = rng.uniform(-8, 300 if dtype is np.float64 else 38, (rows, 1))
    centres = rng.choice([-1.0, 1.0], (rows, 1)) * 10.0**exponents
    spreads = 10.0 ** rng.uniform(-8, exponents)
    x = centres + spreads * rng.uniform(-1, 1, (rows, n))
    ties = rng.random((rows, n)) < 0.2
    x = np.where(ties, x.max(axis=1, keepdims=True), x)
    return x.astype(dtype)


def test_max_log_n_bounds_hold_exactly_in_floating_point():
    """max(x) ≤ lse(x, λ) ≤ max(x) + log(n)/λ with zero violations in 10^5 random cases."""
    rng = np.random.default_rng(20210101)
    cases = violations = 0
    sizes = [1, 2, 3, 5, 10, 31, 100, 1000]
    rows_per_draw = {1: 2000, 2: 2000, 3: 2000, 5: 2000, 10: 2000, 31: 1000, 100: 500, 1000: 50}
    while cases < 100_000:
        n = int(rng.choice(sizes))
        dtype = np.float64 if rng.random() < 0.75 else np.float32
        x = _bound_cases(rng, rows_per_draw[n], n, dtype)
        lam = float(10.0 ** rng.uniform(-3, 6))
        value = lse(x, lam)
        top = x.max(axis=1)
        upper = (top.astype(np.float64) + math.log(n) / lam).astype(dtype)
        violations += int(np.count_nonzero((value < top) | (value > upper)))
        # the mirror statement for λ < 0: min − log(n)/|λ| ≤ lse ≤ min
        value_neg = lse(x, -lam)
        bottom = x.min(axis=1)
        lower = (bottom.astype(np.float64) - math.log(n) / lam).astype(dtype)
        violations += int(np.count_nonzero((value_neg > bottom) | (value_neg < lower)))
        cases += 2 * x.shape[0]
    assert violations == 0
