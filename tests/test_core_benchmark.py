"""The benchmark compares like with like: its scipy expressions compute our functions' values."""

import numpy as np
import scipy.special

from benchmarks.core import LAM, Case, measure
from softlse_core import lse, softmax


def test_benchmark_expressions_agree_with_scipy():
    axis = np.linspace(-1.0, 1.0, 21)
    grid = np.stack(np.meshgrid(axis, axis))
    np.testing.assert_allclose(
        lse(grid, LAM, axis=0), scipy.special.logsumexp(LAM * grid, axis=0) / LAM, rtol=1e-15
    )
    np.testing.assert_allclose(
        softmax(grid, LAM, axis=0), scipy.special.softmax(LAM * grid, axis=0), rtol=1e-14
    )


def test_measure_returns_two_medians():
    ours, theirs = measure(Case("tiny", lambda: lse([1.0, 2.0]), lambda: 0, 1.0), repeats=3)
    assert ours > 0
    assert theirs > 0
