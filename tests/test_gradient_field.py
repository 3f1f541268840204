"""softlse_app.softmax_grid.fields: softmax/one-hot panels, lse's gradient field, FD check."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from scipy.special import expit, logsumexp

from softlse_app.common.square_grid import evenly_spaced, square_grid
from softlse_app.softmax_grid.fields import (
    gradient_check,
    lse_gradient_field,
    onehot_panel,
    softmax_panel,
    tie_weights,
    transition_halfwidth,
)


@pytest.mark.parametrize("lam", [1.0, 10.0, -5.0])
def test_panels_match_the_logistic_form_and_sum_to_one(lam):
    panel = softmax_panel(1.0, 41, lam)
    x, y = np.meshgrid(panel.axis, panel.axis)
    assert panel.sigma.dtype == np.float32
    assert panel.sigma.shape == (2, 41, 41)
    sigma1, sigma2 = panel.sigma
    np.testing.assert_allclose(sigma1, expit(lam * (x - y)), atol=1e-7)
    np.testing.assert_allclose(sigma1 + sigma2, 1.0, atol=1e-6)


def test_origin_bottom_left_and_the_sheet_value_at_one_minus_one():
    panel = softmax_panel(1.0, 201, 1.0)
    assert panel.axis[0] == -1.0
    assert panel.axis[-1] == 1.0
    # (x, y) = (1, −1): column j = last, row i = 0 (bottom)
    expected = float(1 / (1 + mpmath.e ** (-2)))
    assert panel.sigma[0, 0, -1] == pytest.approx(expected, abs=1e-7)
    assert panel.sigma[1, 0, -1] == pytest.approx(1 - expected, abs=1e-7)


@pytest.mark.parametrize(("ties", "on_diagonal"), [("split", (0.5, 0.5)), ("first", (1.0, 0.0))])
def test_onehot_column_is_zero_one_with_the_tie_rule_on_the_diagonal(ties, on_diagonal):
    panel = onehot_panel(2.0, 51, ties)
    sigma1, sigma2 = panel.sigma
    diagonal = np.eye(51, dtype=bool)
    assert set(np.unique(sigma1[~diagonal])) == {0.0, 1.0}
    x, y = np.meshgrid(panel.axis, panel.axis)
    np.testing.assert_array_equal(sigma1[~diagonal], (x > y)[~diagonal].astype(np.float32))
    assert np.all(sigma1[diagonal] == on_diagonal[0])
    assert np.all(sigma2[diagonal] == on_diagonal[1])
    assert tie_weights(ties) == on_diagonal


def test_large_lambda_approaches_onehot_off_the_diagonal():
    panel = softmax_panel(1.0, 21, 1000.0)
    onehot = onehot_panel(1.0, 21, "split")
    x, y = np.meshgrid(panel.axis, panel.axis)
    far = np.abs(x - y) > 0.05
    # e^(−1000·0.05) ≈ 2e-22: one-hot up to that
    np.testing.assert_allclose(panel.sigma[:, far], onehot.sigma[:, far], atol=1e-21)


@pytest.mark.parametrize("lam", [1.0, -10.0, 1000.0])
def test_transition_band_is_where_sigma1_runs_from_a_tenth_to_nine_tenths(lam):
    width = transition_halfwidth(lam)
    assert expit(abs(lam) * width) == pytest.approx(0.9, rel=1e-12)
    assert expit(-abs(lam) * width) == pytest.approx(0.1, rel=1e-12)


@pytest.mark.parametrize("lam", [1.0, 10.0, -3.0, 1000.0])
def test_gradient_field_matches_scipy(lam):
    field = lse_gradient_field(1.5, 31, lam, arrows_per_axis=7)
    x, y = np.meshgrid(field.axis, field.axis)
    reference = logsumexp(lam * np.stack([x, y]), axis=0) / lam
    assert field.lse_values.dtype == np.float32
    np.testing.assert_allclose(field.lse_values, reference, rtol=1e-6, atol=1e-6)
    assert field.arrows.shape == (2, 7, 7)
    ax, ay = np.meshgrid(field.arrow_axis, field.arrow_axis)
    np.testing.assert_allclose(field.arrows[0], expit(lam * (ax - ay)), atol=1e-12)
    assert np.all(field.arrows >= 0)
    np.testing.assert_allclose(field.arrows.sum(axis=0), 1.0, atol=1e-15)


@pytest.mark.parametrize("lam", [0.0, math.inf, math.nan])
def test_gradient_field_refuses_lambda_without_a_gradient(lam):
    with pytest.raises(ValueError, match="λ"):
        lse_gradient_field(1.0, 5, lam)


@pytest.mark.parametrize(
    ("x", "y", "lam"),
    [(0.5, 0.25, 1.0), (1.0, -1.0, 10.0), (-3.0, 2.0, -7.0), (0.3, 0.3, 1000.0), (10, -10, 0.01)],
)
def test_finite_differences_agree_with_softmax_to_1e6(x, y, lam):
    check = gradient_check(x, y, lam)
    with mpmath.workdps(40):
        exact = mpmath.mpf(1) / (1 + mpmath.exp(-mpmath.mpf(lam) * (mpmath.mpf(x) - y)))
    np.testing.assert_allclose(check.softmax, [float(exact), float(1 - exact)], atol=1e-15)
    assert check.max_abs_difference < 1e-6
    np.testing.assert_allclose(check.difference, check.finite_difference - check.softmax)
    expected_lse = logsumexp([lam * x, lam * y]) / lam
    assert check.lse_value == pytest.approx(expected_lse, rel=1e-12)


def test_check_refuses_non_finite_points():
    with pytest.raises(ValueError, match="finite"):
        gradient_check(math.nan, 0.0, 1.0)


@pytest.mark.parametrize(
    ("extent", "count"), [(1.0, 2), (0.1, 801), (2.5, 201), (4.878566565241476, 445), (1e308, 801)]
)
def test_evenly_spaced_points_end_at_the_extent_and_are_symmetric(extent, count):
    points = evenly_spaced(extent, count)
    assert points.size == count
    assert (points[0], points[-1]) == (-extent, extent)
    np.testing.assert_array_equal(points, -points[::-1])
    assert np.all(np.isfinite(points))
    assert np.all(np.diff(points) > 0)
    expected = np.linspace(-extent / 2, extent / 2, count) * 2  # no overflow at 1e308
    np.testing.assert_allclose(points, expected, rtol=0, atol=4e-16 * extent)


def test_square_grid_stacks_x_along_rows_and_y_along_columns():
    grid = square_grid(1.0, 3)
    assert grid.axis.tolist() == [-1.0, 0.0, 1.0]
    assert grid.stacked.shape == (2, 3, 3)
    assert grid.stacked[0][0].tolist() == [-1.0, 0.0, 1.0]  # x along a row
    assert grid.stacked[1][:, 0].tolist() == [-1.0, 0.0, 1.0]  # y along a column
