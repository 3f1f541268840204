"""The LSE-vs-max math and figure builders, without Streamlit, against scipy and mpmath."""

from __future__ import annotations

import json
import math

import mpmath
import numpy as np
import plotly.io as pio
import pytest
from plotly_arrays import array
from scipy.special import logsumexp

from softlse_app.lse_vs_max.contour_figures import lse_max_gap_figure, sheet_figure
from softlse_app.lse_vs_max.slice_figure import lse_slice_figure
from softlse_app.lse_vs_max.surface import gap_summary, lse_slice, lse_surface

LOG2 = math.log(2.0)
F32 = float(np.finfo(np.float32).eps)


def reference_lse(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """scipy's (1/λ)·logsumexp(λ·(x, y)): accurate enough for the moderate values used here."""
    return logsumexp(lam * np.stack([x, y]), axis=0) / lam


def figure_json(fig) -> dict:
    """The figure as the browser receives it (plotly's JSON, typed arrays included)."""
    return json.loads(pio.to_json(fig, validate=False))


@pytest.mark.parametrize("lam", [0.01, 1.0, 7.0, 100.0, 1000.0, -1.0, -10.0])
def test_surface_matches_scipy_and_bounds(lam: float) -> None:
    surface = lse_surface(1.0, 101, lam)
    x, y = np.meshgrid(surface.axis, surface.axis)
    np.testing.assert_allclose(surface.lse, reference_lse(x, y, lam), rtol=1e-12, atol=1e-14)
    hard = np.maximum(x, y) if lam > 0 else np.minimum(x, y)
    np.testing.assert_array_equal(surface.hard, hard)
    summary = gap_summary(surface)
    assert summary.points == 101 * 101
    assert summary.outside_bounds == 0
    assert summary.tie_points == 101  # the diagonal
    assert summary.bound == pytest.approx(LOG2 / lam, rel=1e-15)
    assert summary.tie_gap_error <= 8 * np.finfo(float).eps * (1 + abs(LOG2 / lam))
    # the extreme gap is log(2)/λ, reached on the diagonal
    assert summary.extreme_gap == pytest.approx(LOG2 / lam, rel=1e-12)
    assert summary.at_x == summary.at_y
    # nearest 0 at the corners (±1, ∓1), where the pair is (1, −1): log(1 + e^(−2|λ|))/λ,
    # up to the rounding of lse next to |max| = 1 (at λ = 100 it is 1e-89: the gap rounds to 0)
    corner = math.log1p(math.exp(-2 * abs(lam))) / lam
    eps = np.finfo(float).eps
    assert summary.least_gap == pytest.approx(corner, rel=1e-9, abs=2 * eps)


def test_surface_point_against_mpmath() -> None:
    surface = lse_surface(1.0, 11, 7.0)  # axis −1, −0.8, …, 1
    x, y = mpmath.mpf(surface.axis[8]), mpmath.mpf(surface.axis[3])
    with mpmath.workdps(50):
        exact = mpmath.log(mpmath.exp(7 * x) + mpmath.exp(7 * y)) / 7
    assert surface.lse[3, 8] == pytest.approx(float(exact), rel=1e-15)


@pytest.mark.parametrize("lam", [0.0, math.nan, math.inf, -math.inf])
def test_surface_refuses_lambda_without_lse(lam: float) -> None:
    with pytest.raises(ValueError, match="λ"):
        lse_surface(1.0, 11, lam)
    with pytest.raises(ValueError, match="λ"):
        lse_slice(1.0, 11, 0.0, lam)


def test_three_panels_at_lambda_one() -> None:
    surface = lse_surface(1.0, 201, 1.0)
    spec = figure_json(lse_max_gap_figure(surface.axis, surface.lse, surface.hard, 1.0))
    lse_trace, max_trace, gap_trace = spec["data"]
    axis = array(lse_trace["x"])
    np.testing.assert_array_equal(axis, np.linspace(-1, 1, 201))
    z_lse, z_max, z_gap = (array(t["z"]) for t in spec["data"])
    assert z_lse.dtype == np.float32
    assert z_lse.shape == (201, 201)
    # lse peaks at 1 + log 2 at (1, 1): the last row (y = 1) and last column (x = 1)
    assert np.unravel_index(np.argmax(z_lse), z_lse.shape) == (200, 200)
    assert z_lse.max() == pytest.approx(1 + LOG2, rel=F32)
    # lse at (−1, 1) is 1 + log(1 + e^−2)
    assert z_lse[200, 0] == pytest.approx(1 + math.log1p(math.exp(-2)), rel=F32)
    x, y = np.meshgrid(axis, axis)
    np.testing.assert_array_equal(z_max, np.maximum(x, y).astype(np.float32))
    # the gap never goes below 0 nor above log(2)/λ, and equals log(2)/λ on the diagonal
    assert z_gap.min() >= 0
    assert z_gap.max() <= LOG2 * (1 + F32)
    np.testing.assert_allclose(np.diag(z_gap), LOG2, rtol=F32)
    # far from the diagonal the gap is log(1 + e^−2)
    assert z_gap[0, 200] == pytest.approx(math.log1p(math.exp(-2)), rel=1e-6)
    # lse and max share one colour axis and the same contour levels; the gap has its own
    assert lse_trace["coloraxis"] == max_trace["coloraxis"] == "coloraxis"
    assert lse_trace["contours"] == max_trace["contours"]
    assert gap_trace["coloraxis"] == "coloraxis2"
    layout = spec["layout"]
    assert layout["coloraxis"]["cmin"] == pytest.approx(-1.0)
    assert layout["coloraxis"]["cmax"] == pytest.approx(1 + LOG2)
    assert (layout["coloraxis2"]["cmin"], layout["coloraxis2"]["cmax"]) == (0.0, LOG2)
    assert layout["coloraxis"]["colorscale"] != layout["coloraxis2"]["colorscale"]
    for suffix in ("", "2", "3"):
        assert layout[f"xaxis{suffix}"]["scaleanchor"] == f"y{suffix}"
        assert layout[f"xaxis{suffix}"]["title"]["text"] == "x"
        assert layout[f"yaxis{suffix}"]["title"]["text"] == "y"
    for trace in spec["data"]:
        assert "%{x" in trace["hovertemplate"]
        assert "%{y" in trace["hovertemplate"]
        assert "%{z" in trace["hovertemplate"]
    titles = [a["text"] for a in layout["annotations"]]
    assert titles == ["lse((x, y), λ = 1)", "max(x, y)", "gap lse − max"]


def test_negative_lambda_compares_with_min() -> None:
    surface = lse_surface(1.0, 101, -10.0)
    spec = figure_json(lse_max_gap_figure(surface.axis, surface.lse, surface.hard, -10.0))
    z_lse, z_min, z_gap = (array(t["z"]) for t in spec["data"])
    x, y = np.meshgrid(surface.axis, surface.axis)
    np.testing.assert_array_equal(z_min, np.minimum(x, y).astype(np.float32))
    np.testing.assert_allclose(z_lse, reference_lse(x, y, -10.0), rtol=2 * F32, atol=1e-7)
    # soft minimum: lse − min lies in [−log(2)/10, 0], the lower end on the diagonal
    assert z_gap.max() <= 0
    assert z_gap.min() >= -LOG2 / 10 * (1 + F32)
    np.testing.assert_allclose(np.diag(z_gap), -LOG2 / 10, rtol=F32)
    assert z_lse.min() == pytest.approx(-1 - LOG2 / 10, rel=F32)
    layout = spec["layout"]
    assert (layout["coloraxis2"]["cmin"], layout["coloraxis2"]["cmax"]) == (-LOG2 / 10, 0.0)
    # reversed scale: the diagonal (|gap| largest) gets the same colour as for λ > 0
    positive = figure_json(lse_max_gap_figure(surface.axis, surface.lse, surface.lse, 10.0))
    colours = [colour for _, colour in layout["coloraxis2"]["colorscale"]]
    positive_colours = [colour for _, colour in positive["layout"]["coloraxis2"]["colorscale"]]
    assert colours == positive_colours[::-1]
    titles = [a["text"] for a in layout["annotations"]]
    assert titles == ["lse((x, y), λ = -10)", "min(x, y)", "gap lse − min"]


def test_sheet_figure_one_scale_for_lambda_1_10_100() -> None:
    surfaces = [lse_surface(1.0, 101, lam) for lam in (1.0, 10.0, 100.0)]
    spec = figure_json(sheet_figure(surfaces[0].axis, [(s.lam, s.lse) for s in surfaces]))
    assert [a["text"] for a in spec["layout"]["annotations"]] == ["λ = 1", "λ = 10", "λ = 100"]
    assert {t["coloraxis"] for t in spec["data"]} == {"coloraxis"}
    assert len({json.dumps(t["contours"], sort_keys=True) for t in spec["data"]}) == 1
    x, y = np.meshgrid(surfaces[0].axis, surfaces[0].axis)
    for lam, trace in zip((1.0, 10.0, 100.0), spec["data"], strict=True):
        z = array(trace["z"])
        np.testing.assert_allclose(z, reference_lse(x, y, lam), rtol=2 * F32, atol=1e-7)
        assert z.max() == pytest.approx(1 + LOG2 / lam, rel=F32)
    # one scale over all panels: from min over λ = 100 (≈ −1 + log2/100) to 1 + log 2
    assert spec["layout"]["coloraxis"]["cmin"] == pytest.approx(-1 + LOG2 / 100, rel=1e-6)
    assert spec["layout"]["coloraxis"]["cmax"] == pytest.approx(1 + LOG2, rel=1e-6)
    with pytest.raises(ValueError, match="at least one"):
        sheet_figure(surfaces[0].axis, [])


@pytest.mark.parametrize(("lam", "y"), [(1.0, 0.0), (10.0, 0.5), (-3.0, -0.25)])
def test_slice_lines(lam: float, y: float) -> None:
    cut = lse_slice(2.0, 81, y, lam)
    np.testing.assert_array_equal(cut.x, np.linspace(-2, 2, 81))
    spec = figure_json(lse_slice_figure(cut.x, cut.lse, cut.hard, y, lam))
    soft, hard, far = (array(t["y"]) for t in spec["data"])
    np.testing.assert_allclose(soft, reference_lse(cut.x, np.full(81, y), lam), rtol=1e-12)
    expected_hard = np.maximum(cut.x, y) if lam > 0 else np.minimum(cut.x, y)
    np.testing.assert_array_equal(hard, expected_hard)
    np.testing.assert_allclose(far, expected_hard + LOG2 / lam, rtol=1e-15)
    low, high = (hard, far) if lam > 0 else (far, hard)
    assert np.all(low <= soft)
    assert np.all(soft <= high + 1e-15)
    tie = int(np.argmin(np.abs(cut.x - y)))
    assert soft[tie] == pytest.approx(far[tie], rel=1e-14)
    names = [t["name"] for t in spec["data"]]
    hard_name = "max" if lam > 0 else "min"
    assert names[:2] == ["lse", hard_name]
    assert spec["layout"]["xaxis"]["title"]["text"] == "x"
    colours = {t["line"]["color"] for t in spec["data"]}
    assert len(colours) == 3
