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


def test_measure_times_each_side_alternately():
    calls: list[str] = []
    case = Case("tiny", lambda: calls.append("ours"), lambda: calls.append("scipy"), 1.0)
    ours, theirs = measure(case, repeats=4)
    # one warm-up each, then rounds alternating which side goes first
    assert calls == ["ours", "scipy"] + ["ours", "scipy", "scipy", "ours"] * 2
    assert isinstance(ours, float)
    assert isinstance(theirs, float)
