"""Unit tests of the vector lab's pure pieces, without Streamlit: each tab's numbers
(softlse_app.vector_lab.offset_scale, .lse_readout, .sweep, .stability, .components) against
scipy, and the figure builders (.bars_figure, .sweep_figure, .simplex_figure) on the data they
put in the figures."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest
from scipy.special import logsumexp
from scipy.special import softmax as scipy_softmax
from scipy.stats import entropy as scipy_entropy

from softlse_app.common.number_format import format_full
from softlse_app.vector_lab.bars_figure import softmax_bars
from softlse_app.vector_lab.charts import bars_csv, simplex_csv, sweep_alt, sweep_csv
from softlse_app.vector_lab.components import SWEEP_COMPONENTS, TABLE_COMPONENTS, top_k_indices
from softlse_app.vector_lab.lse_readout import lse_readout, residual_note
from softlse_app.vector_lab.offset_scale import offset_scale_numbers
from softlse_app.vector_lab.simplex_figure import simplex_path
from softlse_app.vector_lab.stability import stability_report
from softlse_app.vector_lab.sweep import (
    simplex_numbers,
    softmax_sweep,
    sweep_magnitudes,
    sweep_numbers,
)
from softlse_app.vector_lab.sweep_figure import lambda_sweep

S1 = np.array([1.0, 2.0, 3.0])


def test_lab_numbers_offset_and_scale_verdicts() -> None:
    nums = offset_scale_numbers(S1, 1.0, 100.0, 10.0)
    np.testing.assert_array_equal(nums.shifted, [101, 102, 103])
    np.testing.assert_allclose(nums.p_scaled, scipy_softmax([10.0, 20, 30]), rtol=1e-12)
    v = nums.verdicts
    assert v.offset_unchanged
    assert v.offset_diff <= 1e-15
    assert v.scale_matches
    assert v.sharpness == "sharpens"
    assert v.entropy_scaled < v.entropy_p
    assert offset_scale_numbers(S1, 1.0, 0.0, 0.5).verdicts.sharpness == "flattens"
    assert offset_scale_numbers(S1, 1.0, 0.0, 0.0).verdicts.sharpness == "uniform"


def test_verdict_differences_stay_within_their_rounding_estimates() -> None:
    rng = np.random.default_rng(11)
    for _ in range(200):
        sigma = rng.normal(size=int(rng.integers(1, 50))) * 10.0 ** rng.uniform(-12, 3)
        lam = float(10.0 ** rng.uniform(-2, 3)) * rng.choice([-1.0, 1.0])
        c = float(rng.uniform(-1000, 1000))
        a = float(rng.uniform(-100, 100))
        v = offset_scale_numbers(sigma, lam, c, a).verdicts
        assert v.offset_unchanged, (sigma, lam, c, v)
        assert v.scale_matches, (sigma, lam, a, v)


def test_lse_readout_matches_scipy_and_the_identity() -> None:
    sigma = np.array([0.5, -1.0, 0.5, 2.0, 2.0])
    for lam in (0.3, 7.0, -2.0):
        r = lse_readout(sigma, lam)
        assert r.value == pytest.approx(logsumexp(lam * sigma) / lam, rel=1e-14)
        p = scipy_softmax(lam * sigma)
        assert r.entropy == pytest.approx(scipy_entropy(p), rel=1e-13)
        assert abs(r.identity_residual) < 1e-14
        m = 2
        expected = (
            (math.log(m) / lam, math.log(5) / lam)
            if lam > 0
            else (math.log(5) / lam, math.log(1) / lam)
        )
        assert (r.gap_low, r.gap_high) == pytest.approx(expected)
        assert r.extreme == (2.0 if lam > 0 else -1.0)


def test_stability_report_overflow_of_s3_at_lambda_100() -> None:
    s = stability_report(np.array([10.0, 20, 30]), 100.0)
    assert s.stable_lse == pytest.approx(30.0)
    assert s.naive_lse == math.inf
    assert np.isnan(s.naive_softmax).all()
    assert s.overflowed
    assert s.naive_failed
    assert not stability_report(S1, 1.0).naive_failed


def test_top_k_is_the_largest_with_ties_by_index() -> None:
    p = np.array([0.1, 0.3, 0.2, 0.3, 0.05, 0.05])
    assert top_k_indices(p, 3).tolist() == [1, 3, 2]
    assert top_k_indices(p, 5).tolist() == [1, 3, 2, 0, 4]
    assert top_k_indices(p, 100).tolist() == [1, 3, 2, 0, 4, 5]
    rng = np.random.default_rng(3)
    q = rng.random(10_000)
    np.testing.assert_array_equal(top_k_indices(q, 20), np.argsort(-q)[:20])


def test_sweep_grid_spans_uniform_to_one_hot_and_contains_lambda() -> None:
    grid = sweep_magnitudes(np.array([0.0, 1e-3, 5.0]), 7.0)
    assert grid[0] == pytest.approx(0.01 / 5)
    assert grid[-1] >= 30 / 1e-3
    assert 7.0 in grid
    assert np.all(np.diff(grid) > 0)
    sigma = np.array([1.0, 2.0, 3.0, 3.0])
    rows = softmax_sweep(sigma, np.array([1e-9, 1.0, 1e9]), np.array([3, 0]))
    np.testing.assert_allclose(rows[0], [0.25, 0.25], rtol=1e-8)
    np.testing.assert_allclose(rows[1], scipy_softmax(sigma)[[3, 0]], rtol=1e-14)
    np.testing.assert_allclose(rows[2], [0.5, 0.0], atol=1e-15)


def test_long_vector_keeps_top_k_only() -> None:
    sigma = np.random.default_rng(1).normal(size=10_000)
    shown = offset_scale_numbers(sigma, -3.0, 0.0, 1.0).shown
    assert len(shown) == TABLE_COMPONENTS
    p = scipy_softmax(-3.0 * sigma)
    np.testing.assert_array_equal(shown, np.argsort(-p, kind="stable")[:TABLE_COMPONENTS])
    swept = sweep_numbers(sigma, -3.0)
    assert len(swept.swept) == SWEEP_COMPONENTS
    assert swept.positive.shape == (len(swept.magnitudes), SWEEP_COMPONENTS)
    assert swept.negative is not None
    assert simplex_numbers(sigma, -3.0) is None
    assert lse_readout(sigma, -3.0).extreme == sigma.min()


def test_softmax_bars_carry_the_values() -> None:
    p = scipy_softmax(S1)
    fig = softmax_bars(["σ1", "σ2", "σ3"], [("a", p), ("b", p * 0)])
    assert [t.type for t in fig.data] == ["bar", "bar"]
    np.testing.assert_array_equal(fig.data[0].y, p)
    assert fig.layout.barmode == "group"
    assert fig.layout.yaxis.title.text == "probability"


def test_lambda_sweep_panels_limits_and_marker() -> None:
    mags = np.logspace(-2, 3, 11)
    probs = softmax_sweep(S1, mags, np.arange(3))
    neg = softmax_sweep(S1, -mags, np.arange(3))
    labels = ["σ1", "σ2", "σ3"]
    one_side = lambda_sweep(mags, probs, labels, np.array([0, 0, 1.0]), 10.0, uniform=1 / 3)
    assert {t.xaxis for t in one_side.data} == {"x"}
    assert one_side.layout.xaxis.type == "log"
    (mark,) = [s for s in one_side.layout.shapes if s.line.dash == "dash"]
    assert mark.x0 == 10.0
    both = lambda_sweep(
        mags,
        probs,
        labels,
        np.array([0, 0, 1.0]),
        -10.0,
        probs_neg=neg,
        limit_neg=np.array([1.0, 0, 0]),
    )
    assert {t.xaxis for t in both.data} == {"x", "x2"}
    (mark,) = [s for s in both.layout.shapes if s.line.dash == "dash"]
    assert (mark.x0, mark.xref) == (10.0, "x2")
    limits = [t.y[0] for t in both.data if t.mode == "markers" and t.xaxis == "x2"]
    assert limits == [1.0, 0.0, 0.0]


def test_simplex_path_marks_current_point() -> None:
    mags = np.logspace(-3, 3, 50)
    path = softmax_sweep(S1, mags, np.arange(3))
    current = scipy_softmax(10 * S1)
    fig = simplex_path(path, current, ["p1", "p2", "p3"], 10.0, path_neg=path[:, ::-1])
    assert [t.type for t in fig.data] == ["scatterternary"] * 5
    point = fig.data[-1]  # drawn last, on top of the corner it reaches at large λ
    assert (point.a[0], point.b[0], point.c[0]) == tuple(current)
    assert point.name == "current λ = 10"
    assert point.mode == "markers"  # on a corner: no label beside it, the legend names it
    np.testing.assert_allclose(fig.data[0].a + fig.data[0].b + fig.data[0].c, 1.0, rtol=1e-14)
    # corner names are text at the corners (a: p1 on top, b: p2, c: p3), not axis titles
    (corners,) = [t for t in fig.data if t.name == "corners"]
    assert corners.text == ("p1", "p2", "p3")
    assert [corners.a, corners.b, corners.c] == [(1, 0, 0), (0, 1, 0), (0, 0, 1)]
    assert fig.layout.ternary.aaxis.title.text == ""
    assert 0 not in fig.layout.ternary.aaxis.tickvals  # no tick label on a corner
    middle = simplex_path(path, np.array([0.2, 0.3, 0.5]), ["p1", "p2", "p3"], 0.5)
    assert middle.data[-1].mode == "markers+text"
    assert middle.data[-1].text == ("λ = 0.5",)


def test_format_full_round_trips() -> None:
    for value in (0.09003057317038046, 2.0610600462090622e-09, math.inf, 30.0):
        assert float(format_full(value)) == value
    assert format_full(-0.0) == "0.0"
    assert format_full(math.nan) == "nan"


def test_extreme_vector_gives_a_sweep_without_overflow_warnings():
    # max − min of ±1e308 overflows a float64 subtraction; pytest turns RuntimeWarning into
    # an error, so this fails if the sweep range is computed in numpy
    nums = sweep_numbers(np.array([1e308, -1e308]), 1.0)
    assert np.all(np.isfinite(nums.magnitudes))
    assert nums.magnitudes.min() >= 1e-12  # the range's floor: the spread is infinite
    assert 1.0 in nums.magnitudes  # the current |λ| is always on the sweep


def read_csv(text: str) -> tuple[list[str], np.ndarray]:
    """Header and numbers of a chart's CSV."""
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], np.array([[float(cell) for cell in row] for row in rows[1:]])


def test_bars_csv_holds_the_drawn_series() -> None:
    nums = offset_scale_numbers(S1, 2.0, 5.0, 3.0)
    header, values = read_csv(bars_csv(nums))
    assert header == [
        "k",
        "σ_k",
        "softmax(σ, λ=2)",
        "softmax(σ + 5, λ)",
        "softmax(3·σ, λ)",
        "softmax(σ, 3·λ)",
    ]
    np.testing.assert_array_equal(values[:, :2], [[1, 1], [2, 2], [3, 3]])
    np.testing.assert_allclose(values[:, 2], scipy_softmax(2 * S1), rtol=1e-15)
    np.testing.assert_allclose(values[:, 3], scipy_softmax(2 * (S1 + 5)), rtol=1e-14)
    np.testing.assert_allclose(values[:, 4], scipy_softmax(6 * S1), rtol=1e-14)
    np.testing.assert_allclose(values[:, 5], scipy_softmax(6 * S1), rtol=1e-14)


def test_sweep_and_simplex_csv_hold_every_point_of_both_signs() -> None:
    sweep = sweep_numbers(S1, -2.0)
    header, values = read_csv(sweep_csv(sweep))
    assert header == ["λ", "softmax(σ, λ)_1", "softmax(σ, λ)_2", "softmax(σ, λ)_3"]
    assert len(values) == 2 * len(sweep.magnitudes)
    assert np.all(np.diff(values[:, 0]) > 0)  # λ ascending, negative side first
    assert -2.0 in values[:, 0]
    for row in values[[0, len(values) // 2, -1]]:
        np.testing.assert_allclose(row[1:], scipy_softmax(row[0] * S1), rtol=1e-12, atol=1e-300)
    header, path = read_csv(simplex_csv(simplex_numbers(S1, 10.0)))
    assert header == ["λ", "p1", "p2", "p3"]
    np.testing.assert_allclose(path[:, 1:].sum(axis=1), 1.0, rtol=1e-14)
    row = path[np.flatnonzero(path[:, 0] == 10.0)[0]]
    np.testing.assert_allclose(row[1:], scipy_softmax(10 * S1), rtol=1e-14)


@pytest.mark.parametrize("lam", [0.01, 1.0, 10.0, 1000.0, -0.05, -10.0, -1000.0])
def test_current_lambda_label_sits_above_its_panel_not_on_the_curves(lam: float) -> None:
    """Inside the plot area the label lay on the curves, the limit markers or the uniform
    line; above the panel, in a row of its own, nothing is drawn under it."""
    mags = np.logspace(-2, 3, 11)
    probs = softmax_sweep(S1, mags, np.arange(3))
    neg = softmax_sweep(S1, -mags, np.arange(3))
    figure = lambda_sweep(
        mags,
        probs,
        ["σ1", "σ2", "σ3"],
        np.array([0, 0, 1.0]),
        lam,
        probs_neg=neg,
        limit_neg=np.array([1.0, 0, 0]),
        uniform=1 / 3,
    )
    (label,) = [a for a in figure.layout.annotations if a.text.startswith("current λ")]
    assert label.text == f"current λ = {lam:g}".replace("-", "−")
    assert (label.yref, label.y, label.yanchor) == (
        "y domain" if lam > 0 else "y2 domain",
        1,
        "bottom",
    )
    titles = [a for a in figure.layout.annotations if a.text.startswith("λ ")]
    assert len(titles) == 2
    assert all(title.yshift >= 20 for title in titles)  # a row above the label's
    # near an end of the axis the label reaches inward, so it stays inside the figure
    expected = {0.01: "left", -0.05: "left", 1000.0: "right", -1000.0: "right"}
    assert label.xanchor == expected.get(lam, "center")


@pytest.mark.parametrize(
    ("sigma", "lam", "decades"),
    [
        # a huge spread sweeps tiny λ: plotly's default labelled them 1p, 10p, 100n, 10μ
        (np.array([1e300, -1e300]), 1.0, -12),
        # a tiny spread sweeps huge λ: the default read 10k, 1M, 10M
        (np.array([1.0, 1.000001]), -1.0, 7),
    ],
)
def test_every_log_axis_labels_powers_of_ten_not_si_suffixes(
    sigma: np.ndarray, lam: float, decades: int
) -> None:
    nums = sweep_numbers(sigma, lam)
    fig = lambda_sweep(
        nums.magnitudes,
        nums.positive,
        ["σ1", "σ2"],
        nums.limit_pos,
        lam,
        probs_neg=nums.negative,
        limit_neg=nums.limit_neg,
    )
    log_axes = [
        axis
        for name, axis in fig.layout.to_plotly_json().items()
        if name.startswith("xaxis") and axis.get("type") == "log"
    ]
    assert len(log_axes) == (1 if lam > 0 else 2)
    for axis in log_axes:
        low, high = axis["range"]
        assert low <= decades <= high  # the decade the default labelled with a suffix is shown
        assert axis["exponentformat"] == "power"  # 10⁻¹², 10⁷: never "p", "μ", "M", "k"
        assert axis["dtick"] == 1


def test_the_identity_residual_is_counted_in_units_in_the_last_place() -> None:
    """Half a unit is called half a unit, not 'one unit' (the residual −7.11e−15 against an
    ulp of 1.42e−14 for the largest of the three numbers, 78.04)."""
    r = lse_readout(np.array([-68.453, -118.37]), 0.028793389080730078)
    assert r.residual_in_ulps == 0.5
    assert residual_note(r.identity_residual, r.residual_in_ulps).endswith(
        "-7.11e-15 is 0.5 units in the last place of the largest of the three numbers."
    )
    assert residual_note(0.0, 0.0) == ""
    assert residual_note(1e-3, 1e6) == ""  # far beyond rounding: not called rounding


def test_the_sweeps_alt_text_says_uniform_only_where_the_chart_starts_near_it() -> None:
    """The axis starts no lower than λ = 1e-12: for entries 1e308 apart softmax is one-hot
    there already, and 'near λ = 0 every component is 1/n' would describe nothing drawn."""
    s1 = sweep_alt(sweep_numbers(np.array([1.0, 2.0, 3.0]), 1.0))
    assert "from 0.005 to 1e+03" in s1
    assert "near λ = 0 every component is 1/n = 0.333" in s1
    far = sweep_numbers(np.array([1e308, -1e308, 0.0]), 1.0)
    assert far.magnitudes[0] == 1e-12
    np.testing.assert_allclose(far.positive[0], [1.0, 0.0, 0.0], atol=1e-12)  # drawn one-hot
    text = sweep_alt(far)
    assert "near λ = 0 every" not in text
    assert "even at λ = 1e-12 the components are far from 1/n = 0.333" in text


def test_tied_components_are_told_apart_by_dashes() -> None:
    """σ = 1, 2, 3, 3: σ3 and σ4 have the same curve; their lines differ in dash (and colour),
    so the one drawn first is not hidden under the other."""
    nums = sweep_numbers(np.array([1.0, 2.0, 3.0, 3.0]), 1.0)
    figure = lambda_sweep(
        nums.magnitudes,
        nums.positive,
        [f"σ{int(j) + 1}" for j in nums.swept],
        nums.limit_pos,
        1.0,
    )
    lines = [t for t in figure.data if t.mode == "lines"]
    ties = [t for t in lines if t.name in ("σ3", "σ4")]
    assert len(ties) == 2
    np.testing.assert_array_equal(ties[0].y, ties[1].y)
    assert ties[0].line.dash != ties[1].line.dash
    assert len({t.line.dash for t in lines}) == len(lines)
