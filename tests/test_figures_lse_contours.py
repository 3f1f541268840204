"""The LSE-vs-max numbers, colour ticks, figure builders and CSV files, without Streamlit,
against scipy and mpmath."""

from __future__ import annotations

import io
import json
import math

import mpmath
import numpy as np
import plotly.io as pio
import pytest
from grid_axes import decimal_axis
from plotly.colors import sample_colorscale
from plotly_arrays import array
from scipy.special import logsumexp

from softlse_app.common.number_format import format_signed
from softlse_app.lse_vs_max.colour_ticks import (
    BAR_LABEL_CHARS,
    LinearLevels,
    linear_bar_ticks,
    linear_levels,
    log_ticks,
    round_step,
)
from softlse_app.lse_vs_max.contour_figures import CORNER_WIDTH, hard_panel, lse_panel
from softlse_app.lse_vs_max.gap_figure import (
    FIXED_LOG_RANGE,
    UNDERFLOW_GREY,
    bar_ticks,
    fitted_log_range,
    gap_panel,
)
from softlse_app.lse_vs_max.panel_scales import hard_levels, panel_scales
from softlse_app.lse_vs_max.slice_figure import lse_slice_figure
from softlse_app.lse_vs_max.surface import (
    FLOAT64_TINY,
    gap_summary,
    log10_gap,
    lse_slice,
    lse_surface,
)
from softlse_app.lse_vs_max.views import every_kth, panel_csv, slice_csv

LOG2 = math.log(2.0)
F32 = float(np.finfo(np.float32).eps)
VIRIDIS_TOP = sample_colorscale("Viridis", [1.0])[0]  # rgb(253, 231, 37)


def reference_lse(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """scipy's (1/λ)·logsumexp(λ·(x, y)): accurate enough for the moderate values used here."""
    return logsumexp(lam * np.stack([x, y]), axis=0) / lam


def exact_gap(x: float, y: float, lam: float) -> float:
    """lse((x, y), λ) − max(x, y) (− min for λ < 0) as a difference, with enough digits
    (1000) that it keeps 60 of its own down to 1e-900, rounded once."""
    with mpmath.workdps(1000):
        x_, y_, lam_ = mpmath.mpf(x), mpmath.mpf(y), mpmath.mpf(lam)
        soft = mpmath.log(mpmath.exp(lam_ * x_) + mpmath.exp(lam_ * y_)) / lam_
        return float(soft - (max(x_, y_) if lam > 0 else min(x_, y_)))


def figure_json(fig) -> dict:
    """The figure as the browser receives it (plotly's JSON, typed arrays included)."""
    return json.loads(pio.to_json(fig, validate=False))


@pytest.mark.parametrize("lam", [0.01, 1.0, 7.0, 100.0, 1000.0, -1.0, -10.0, -1000.0])
def test_surface_matches_scipy_and_the_gap_mpmath(lam: float) -> None:
    surface = lse_surface(1.0, 101, lam)
    x, y = np.meshgrid(surface.axis, surface.axis)
    np.testing.assert_allclose(surface.lse, reference_lse(x, y, lam), rtol=1e-12, atol=1e-14)
    hard = np.maximum(x, y) if lam > 0 else np.minimum(x, y)
    np.testing.assert_array_equal(surface.hard, hard)
    # the gap is computed directly: right to the last digits however small, down to 1e-308
    for row, col in [(0, 0), (40, 50), (0, 100), (100, 0), (3, 90), (50, 10)]:
        expected = exact_gap(surface.axis[col], surface.axis[row], lam)
        if abs(expected) >= FLOAT64_TINY:
            assert surface.gap[row, col] == pytest.approx(expected, rel=1e-14)
        else:
            assert abs(surface.gap[row, col]) < FLOAT64_TINY


@pytest.mark.parametrize("lam", [0.01, 1.0, 100.0, 1000.0, -10.0])
def test_summary_describes_the_whole_grid(lam: float) -> None:
    surface = lse_surface(1.0, 101, lam)
    summary = gap_summary(surface)
    assert summary.points == 101 * 101
    assert summary.outside_bounds == 0
    assert summary.bound == pytest.approx(LOG2 / lam, rel=1e-15)
    # on the whole diagonal the gap is log(2)/λ: every one of its 101 points
    assert summary.diagonal_points == 101
    assert summary.diagonal_gap == pytest.approx(LOG2 / lam, rel=1e-15)
    assert summary.diagonal_spread <= 2 * np.finfo(float).eps * abs(LOG2 / lam)
    # nearest 0 at the corners (±1, ∓1), the pair (1, −1): log(1 + e^(−2|λ|))/λ, exactly,
    # or 0 once that is below the float range (λ = 1000: e^(−2000))
    assert summary.corner_gap == pytest.approx(math.log1p(math.exp(-2 * abs(lam))) / lam)
    # lse rounds to max where the gap is below half a unit in the last place of max, and
    # keeps a digit above it where the gap exceeds one unit
    ulp = np.spacing(np.abs(surface.hard))
    size = np.abs(surface.gap)
    assert np.count_nonzero(size < ulp / 4) <= summary.rounds_to_hard
    assert summary.rounds_to_hard <= np.count_nonzero(size < ulp)


def test_underflow_count_at_lambda_1000() -> None:
    # gap(d) ≈ e^(−1000·d)/1000 is below 2.2e-308 once 1000·d > −log(1000 · 2.2e-308) =
    # 701.49…: on a 101-point grid (step 0.02) that is |i − j| ≥ 36, 2·(1 + … + 65) points.
    summary = gap_summary(lse_surface(1.0, 101, 1000.0))
    assert summary.underflows == 65 * 66
    assert 1000 * 0.70 < -math.log(1000 * FLOAT64_TINY) < 1000 * 0.72
    assert summary.rounds_to_hard > summary.underflows  # lse = max long before the gap underflows


def test_log10_gap_marks_underflow_as_missing() -> None:
    gap = np.array([LOG2, 1e-300, FLOAT64_TINY, 5e-324, 0.0, -1e-5])
    np.testing.assert_allclose(
        log10_gap(gap)[[0, 1, 2, 5]], [math.log10(LOG2), -300, math.log10(FLOAT64_TINY), -5]
    )
    assert np.isnan(log10_gap(gap)[[3, 4]]).all()


@pytest.mark.parametrize("lam", [0.0, math.nan, math.inf, -math.inf])
def test_surface_refuses_lambda_without_lse(lam: float) -> None:
    with pytest.raises(ValueError, match="λ"):
        lse_surface(1.0, 11, lam)
    with pytest.raises(ValueError, match="λ"):
        lse_slice(1.0, 11, 0.0, lam)


def test_round_steps_and_levels() -> None:
    assert [round_step(span, 10) for span in (1.0, 2.693, 0.07, 71.3, 4e-4)] == [
        0.1,
        0.5,
        0.01,
        10.0,
        5e-05,
    ]
    assert round_step(0.0, 10) == round_step(math.nan, 10) == 1.0
    levels = linear_levels(-1.0, 1 + LOG2)  # λ = 1 on [−1, 1]²
    assert (levels.start, levels.end, levels.size) == (-1.0, 1.75, 0.25)
    levels = linear_levels(-1 - LOG2 / 100, 1.0)  # λ = −100: min − log(2)/100 … 1
    assert (levels.start, levels.end, levels.size) == (-1.2, 1.0, 0.2)
    degenerate = linear_levels(2.0, 2.0)
    assert degenerate.start <= 2.0 < degenerate.end


@pytest.mark.parametrize(
    ("lo", "hi", "labels"),
    [
        # λ = 1000 on [−1, 1]²: the smallest normal float64 up to log(2)/1000
        (-307.6, -3.16, ["1e-300", "1e-250", "1e-200", "1e-150", "1e-100", "1e-50"]),
        (-9.69, -1.16, ["1e-8", "1e-6", "1e-4", "0.01"]),  # λ = 10
        (-0.897, -0.159, ["0.2", "0.4", "0.6"]),  # λ = 1: less than a decade
        (1.8344, 1.8408, ["68.5", "68.75", "69", "69.25"]),  # λ = 0.01
        (-2.5, -0.5, ["0.005", "0.01", "0.02", "0.05", "0.1", "0.2"]),
    ],
)
def test_log_ticks_are_round_values(lo: float, hi: float, labels: list[str]) -> None:
    positions, texts = log_ticks(lo, hi)
    assert texts == labels
    for position, text in zip(positions, texts, strict=True):
        assert lo <= position <= hi
        assert 10**position == pytest.approx(float(text), rel=1e-9)


def test_lse_and_max_panels_at_lambda_one() -> None:
    surface = lse_surface(1.0, 201, 1.0)
    scales = panel_scales(1.0, 1.0)
    spec = figure_json(lse_panel(surface.axis, surface.lse, 1.0, scales))
    (trace,) = spec["data"]
    np.testing.assert_array_equal(array(trace["x"]), decimal_axis(1, 201))
    z = array(trace["z"])
    assert z.dtype == np.float32
    assert np.unravel_index(np.argmax(z), z.shape) == (200, 200)  # (1, 1): row = y, col = x
    assert z.max() == pytest.approx(1 + LOG2, rel=F32)
    assert z[200, 0] == pytest.approx(1 + math.log1p(math.exp(-2)), rel=F32)  # (−1, 1)
    # on max's scale: max's −1 … 1 in steps of 0.2 and room above for lse, up to 1 + log 2
    assert scales.shared
    assert (trace["contours"]["start"], trace["contours"]["end"]) == (-1.0, 1.8)
    assert trace["contours"]["size"] == 0.2
    assert trace["line"]["smoothing"] == 0
    assert "%{z" in trace["hovertemplate"]
    layout = spec["layout"]
    assert layout["title"]["text"] == "lse((x, y), λ = 1)"
    assert (layout["coloraxis"]["cmin"], layout["coloraxis"]["cmax"]) == (-1.0, 1.8)
    bar = layout["coloraxis"]["colorbar"]
    # round, they fit, and only where lse has values (−0.307 … 1.69): below 0 the bar is
    # max's part of the scale, and a label −1 would read as a value of lse
    assert bar["ticktext"] == ["0", "0.5", "1", "1.5"]
    assert bar["title"]["text"] == "lse, on max's scale: −0.307 to 1.69"
    assert layout["xaxis"]["scaleanchor"] == "y"

    hard = figure_json(hard_panel(1.0, 1.0))
    (max_trace,) = hard["data"]
    axis, z_max = array(max_trace["x"]), array(max_trace["z"])
    x, y = np.meshgrid(axis, axis)
    np.testing.assert_array_equal(z_max, np.maximum(x, y).astype(np.float32))
    # a coordinate either side of every level inside (−1, 1): each L-corner of max's
    # contours lies in a cell far below a pixel, so the linear interpolation is exact
    half = CORNER_WIDTH / 2
    for level in np.arange(-0.8, 1.0, 0.2):
        assert np.isclose(axis, level - half, rtol=0, atol=1e-12).any()
        assert np.isclose(axis, level + half, rtol=0, atol=1e-12).any()
    assert axis.size < 60  # a fraction of the 201 points lse needs
    assert hard["layout"]["coloraxis"]["cmin"] == layout["coloraxis"]["cmin"]  # one scale
    assert hard["layout"]["coloraxis"]["cmax"] == layout["coloraxis"]["cmax"]
    assert max_trace["contours"] == trace["contours"]
    assert hard["layout"]["coloraxis"]["colorbar"]["title"]["text"] == "max: −1 to 1"
    assert hard["layout"]["title"]["text"] == "max(x, y)"


@pytest.mark.parametrize("extent", [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0])
@pytest.mark.parametrize("lam", [1.0, -1.0])
def test_the_max_bar_labels_only_values_max_takes(extent: float, lam: float) -> None:
    """max's bar runs on past ±extent into the room kept for lse (to 1.8 at extent 1), and its
    label 1.5 read as "max reaches 1.5": its labels stay within [−extent, extent], both ends
    of which the title names, while the colours still run over the shared range."""
    bar = figure_json(hard_panel(extent, lam))["layout"]["coloraxis"]
    ticks = bar["colorbar"]["tickvals"]
    assert len(ticks) >= 3
    assert all(-extent * (1 + 1e-9) <= tick <= extent * (1 + 1e-9) for tick in ticks), ticks
    assert bar["cmax"] - bar["cmin"] > 2 * extent  # the room for lse is still on the bar
    hard = "max" if lam > 0 else "min"
    assert bar["colorbar"]["title"]["text"] == (
        f"{hard}: {format_signed(-extent)} to {format_signed(extent)}"
    )


def test_max_panel_is_the_same_at_every_lambda_of_one_sign() -> None:
    """max does not depend on λ, so neither does its picture: levels, colours and bar."""
    pictures = {json.dumps(figure_json(hard_panel(1.0, lam))) for lam in (0.01, 0.1, 1, 10, 1e3)}
    assert len(pictures) == 1
    mins = {json.dumps(figure_json(hard_panel(1.0, lam))) for lam in (-0.01, -5.0, -1e3)}
    assert len(mins) == 1
    assert hard_levels(1.0, -5.0) == LinearLevels(-1.8, 1.0, 0.2)  # room below, for lse < min


@pytest.mark.parametrize(
    ("extent", "lam", "shared", "lse_levels"),
    [
        (1.0, 1000.0, True, (-1.0, 1.8)),
        (1.0, 1.0, True, (-1.0, 1.8)),
        (1.0, 0.1, False, (5.8, 8.0)),  # lse 5.93 … 7.93: above every value of max
        (1.0, 0.01, False, (68.2, 70.4)),  # lse 68.3 … 70.3
        (1.0, -0.01, False, (-70.4, -68.2)),
        (0.1, 10.0, True, (-0.1, 0.2)),
        (0.1, 1.0, False, (0.58, 0.8)),
        (100.0, 0.1, True, (-100.0, 120.0)),
        (100.0, 0.01, False, (-40.0, 180.0)),
    ],
)
def test_lse_shares_max_scale_while_it_fits(
    extent: float, lam: float, shared: bool, lse_levels: tuple[float, float]
) -> None:
    scales = panel_scales(extent, lam)
    assert scales.shared is shared
    assert (scales.lse.start, scales.lse.end) == pytest.approx(lse_levels)
    assert scales.lse.size == scales.hard.size  # lse's lines on max's spacing
    surface = lse_surface(extent, 101, lam)
    assert scales.lse_range == pytest.approx((surface.lse.min(), surface.lse.max()), rel=1e-12)
    assert scales.lse.start <= surface.lse.min()
    assert surface.lse.max() <= scales.lse.end
    # about ten bands either way: never the few flat blocks of one scale for both
    assert 10 <= round((scales.lse.end - scales.lse.start) / scales.lse.size) <= 15


@pytest.mark.parametrize("extent", [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0])
@pytest.mark.parametrize("lam", [0.01, 0.1, 1.0, 10.0, 1000.0, -5.0, -0.01])
def test_colour_bar_labels_fit_side_by_side(extent: float, lam: float) -> None:
    """Labels that do not fit under a panel's bar are turned by 90° (they were at λ = 1000):
    every bar keeps its labels within the width that stays level, round and in range."""
    scales = panel_scales(extent, lam)
    for levels in (scales.lse, scales.hard):
        values, labels = linear_bar_ticks(levels)
        assert 2 <= len(labels) <= 6
        assert sum(map(len, labels)) <= BAR_LABEL_CHARS, labels
        assert all(levels.start - 1e-9 <= v <= levels.end + 1e-9 for v in values)
        assert [float(t.replace("−", "-")) for t in labels] == pytest.approx(values)
    surface = lse_surface(extent, 51, lam)
    log_gap = log10_gap(surface.gap)
    _, gap_labels = bar_ticks(fitted_log_range(log_gap, lam), lam)
    assert sum(map(len, gap_labels)) <= BAR_LABEL_CHARS + 10  # 1e−300 1e−200 1e−100 0.00069


@pytest.mark.parametrize(
    ("extent", "lam", "labels"),
    [
        # every second decade is a character too wide; every fifth left 1e−9 … 1e−5 bare
        (1.0, 10.0, ["1e−8", "1e−4", "0.069"]),
        (1.0, -10.0, ["1e−8", "1e−4", "0.069"]),
        (10.0, 1.0, ["1e−8", "1e−4", "0.69"]),
        # where every fifth decade and the diagonal's value fit, they stay
        (0.2, 50.0, ["1e−10", "1e−5", "0.014"]),
        (1.0, 1000.0, ["1e−300", "1e−200", "1e−100", "0.00069"]),
        # denser ticks that would drop the top's value are not taken (1e−12 1e−8 1e−4 fit)
        (1.0, 16.0, ["1e−10", "0.043"]),
        # over tens of decades no third label fits beside the top's
        (1.0, 100.0, ["1e−50", "0.0069"]),
        # only the diagonal drawn (its one decade): "0.00025" and "0.0005", three tenths of
        # the bar apart, fit side by side but overlapped, and plotly turned them
        (100.0, 1000.0, ["0.0005"]),
    ],
)
def test_gap_bar_labels_cover_its_range(extent: float, lam: float, labels: list[str]) -> None:
    surface = lse_surface(extent, 201, lam)
    log_range = fitted_log_range(log10_gap(surface.gap), lam)
    values, texts = bar_ticks(log_range, lam)
    assert texts == labels
    assert all(log_range[0] <= v <= log_range[1] for v in values)
    for value, text in zip(values, texts[:-1], strict=False):
        assert 10**value == pytest.approx(float(text.replace("−", "-")), rel=1e-9)


@pytest.mark.parametrize("lam", [100.0, 1000.0, -1000.0])
def test_gap_panel_keeps_the_diagonal_top_colour(lam: float) -> None:
    surface = lse_surface(1.0, 201, lam)
    log_gap = log10_gap(surface.gap)
    log_range = fitted_log_range(log_gap, lam)
    assert log_range[1] == pytest.approx(math.log10(LOG2 / abs(lam)), rel=1e-12)
    spec = figure_json(gap_panel(surface.axis, log_gap, lam, log_range))
    heat, diagonal = spec["data"]
    z = array(heat["z"])
    # the diagonal cells hold the top of the colour range ...
    np.testing.assert_allclose(np.diag(z), log_range[1], rtol=F32)
    assert np.nanmax(z) == pytest.approx(log_range[1], rel=F32)
    # ... and the line drawn on x = y has the top colour, whatever the grid and the width
    assert diagonal["x"] == diagonal["y"] == [-1.0, 1.0]
    assert diagonal["line"]["color"] == VIRIDIS_TOP
    assert f"{LOG2 / abs(lam):.6g}" in diagonal["hovertemplate"]
    layout = spec["layout"]
    assert layout["coloraxis"]["colorscale"][-1][1] in ("#fde725", VIRIDIS_TOP)
    assert layout["plot_bgcolor"] == UNDERFLOW_GREY
    assert layout["margin"]["pad"] == 0
    bar = layout["coloraxis"]["colorbar"]
    assert all(log_range[0] <= v <= log_range[1] for v in bar["tickvals"])
    if abs(lam) == 1000:
        # far from the diagonal the gap underflows: those cells are empty (grey), not 0
        assert np.isnan(z[0, -1])
        assert np.isnan(z).sum() == 130 * 131  # |i − j| ≥ 71 on the 0.01 grid
        assert bar["ticktext"][:2] == ["1e−300", "1e−200"]  # few enough to stay level
    else:
        assert not np.isnan(z).any()
        assert z[0, -1] == pytest.approx(math.log10(math.log1p(math.exp(-200)) / 100), rel=1e-6)
    title = "gap lse − max" if lam > 0 else "gap min − lse"
    assert layout["title"]["text"].startswith(title)


def test_fixed_gap_scale_is_the_same_for_every_lambda() -> None:
    colours = []
    for lam in (1.0, 1000.0):
        surface = lse_surface(1.0, 51, lam)
        spec = figure_json(gap_panel(surface.axis, log10_gap(surface.gap), lam, FIXED_LOG_RANGE))
        layout = spec["layout"]["coloraxis"]
        assert (layout["cmin"], layout["cmax"]) == FIXED_LOG_RANGE
        colours.append(spec["data"][1]["line"]["color"])
    # on one scale the diagonal's colour says how large the gap is: λ = 1 sits higher
    where = [(math.log10(LOG2 / lam) - FIXED_LOG_RANGE[0]) for lam in (1.0, 1000.0)]
    span = FIXED_LOG_RANGE[1] - FIXED_LOG_RANGE[0]
    assert colours == sample_colorscale("Viridis", [w / span for w in where])
    assert colours[0] != colours[1]


@pytest.mark.parametrize(("lam", "y"), [(1.0, 0.0), (10.0, 0.5), (-3.0, -0.25)])
def test_slice_lines(lam: float, y: float) -> None:
    cut = lse_slice(2.0, 81, y, lam)
    np.testing.assert_array_equal(cut.x, decimal_axis(2, 81))
    spec = figure_json(lse_slice_figure(cut.x, cut.lse, cut.hard, y, lam))
    soft, hard, far = (array(t["y"]) for t in spec["data"])
    for trace in spec["data"]:
        xs = trace["x0"] + trace["dx"] * np.arange(81)
        np.testing.assert_allclose(xs, cut.x, atol=1e-12)
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
    assert names[:2] == ["lse", "max" if lam > 0 else "min"]
    assert spec["layout"]["xaxis"]["title"]["text"] == "x"
    assert len({t["line"]["color"] for t in spec["data"]}) == 3


def test_every_kth_keeps_ends_and_diagonal() -> None:
    np.testing.assert_array_equal(every_kth(201, 101), np.arange(0, 201, 2))
    np.testing.assert_array_equal(every_kth(101, 101), np.arange(101))
    kept = every_kth(551, 201)
    assert (kept[0], kept[-1]) == (0, 550)
    assert kept.size <= 202
    assert set(np.diff(kept)[:-1]) == {3}


@pytest.mark.parametrize("lam", [10.0, -10.0])
def test_panel_csv_holds_the_charts_numbers(lam: float) -> None:
    hard_name = "max" if lam > 0 else "min"
    tables = {}
    for panel in ("lse", "hard", "gap"):
        header, _, body = panel_csv(lam, 1.0, 801, panel).partition("\n")
        tables[panel] = (header, np.loadtxt(io.StringIO(body), delimiter=","))
    assert [header for header, _ in tables.values()] == [
        "x,y,lse",
        f"x,y,{hard_name}",
        f"x,y,lse - {hard_name},log10 |gap| as drawn (nan where the gap is below 2.2e-308 and "
        "greyed)",
    ]
    x, y, soft = tables["lse"][1].T
    assert x.size == 201 * 201  # every 4th of the 801 points per axis
    np.testing.assert_array_equal(np.unique(x), decimal_axis(1, 801)[::4])
    np.testing.assert_allclose(soft, reference_lse(x, y, lam), rtol=1e-12, atol=1e-15)
    hard = tables["hard"][1][:, 2]
    np.testing.assert_array_equal(hard, np.maximum(x, y) if lam > 0 else np.minimum(x, y))
    gap, log_gap = tables["gap"][1][:, 2:].T
    np.testing.assert_allclose(gap[x == y], LOG2 / lam, rtol=1e-15)
    np.testing.assert_allclose(gap, np.log1p(np.exp(-10 * np.abs(x - y))) / lam, rtol=1e-14)
    np.testing.assert_allclose(log_gap, np.log10(np.abs(gap)), rtol=1e-15)


def test_slice_csv() -> None:
    text = slice_csv(100.0, 1.0, 51, 0.5)
    header, _, body = text.partition("\n")
    assert header == "x,lse,max,max + log(2)/λ"
    x, soft, hard, far = np.loadtxt(io.StringIO(body), delimiter=",").T
    np.testing.assert_array_equal(x, decimal_axis(1, 51))
    np.testing.assert_allclose(soft, reference_lse(x, np.full(51, 0.5), 100.0), rtol=1e-14)
    np.testing.assert_array_equal(hard, np.maximum(x, 0.5))
    np.testing.assert_allclose(far, hard + LOG2 / 100, rtol=1e-15)


def test_csv_coordinates_read_as_the_decimals_of_the_grid() -> None:
    """A student opening the CSV sees x = -0.4, not np.linspace's -0.3999999999999999."""
    _, _, body = slice_csv(10.0, 1.0, 201, 0.0).partition("\n")
    xs = [line.split(",")[0] for line in body.splitlines()]
    assert xs[:3] == ["-1.0", "-0.99", "-0.98"]
    assert (xs[60], xs[100], xs[-1]) == ("-0.4", "0.0", "1.0")
    assert all(len(x) <= 5 for x in xs), [x for x in xs if len(x) > 5]
    _, _, body = panel_csv(1.0, 2.5, 201, "lse").partition("\n")
    coordinates = {cell for line in body.splitlines() for cell in line.split(",")[:2]}
    assert {"-2.5", "-0.4", "0.0", "0.025", "2.5"} <= coordinates
    assert all(len(cell) <= 6 for cell in coordinates), sorted(coordinates, key=len)[-3:]


def test_the_gap_csv_names_why_a_tiny_gap_has_no_log() -> None:
    """At λ = 1000 most gaps are below 2.2e−308 (the chart greys them): the gap column keeps
    their digits, the drawn-log column is nan there, and its header says why."""
    header, _, body = panel_csv(1000.0, 1.0, 201, "gap").partition("\n")
    assert header.endswith("log10 |gap| as drawn (nan where the gap is below 2.2e-308 and greyed)")
    gap, log_gap = np.loadtxt(io.StringIO(body), delimiter=",")[:, 2:].T
    tiny = (gap > 0) & (gap < 2.2250738585072014e-308)
    assert tiny.any()  # e.g. 4.5e-312: a real gap, kept in its own column
    assert np.isnan(log_gap[tiny]).all()
    normal = gap >= 2.2250738585072014e-308
    np.testing.assert_allclose(log_gap[normal], np.log10(gap[normal]), rtol=1e-15)


@pytest.mark.parametrize(
    ("extent", "lam", "title", "labels"),
    [
        # λ = 10: lse −0.931 … 1.07 on max's −1 … 1.8; the bar of this panel stops labelling at
        # 1, where lse stops (1.5 is only room on the scale)
        (1.0, 10.0, "lse, on max's scale: −0.931 to 1.07", ["−0.5", "0", "0.5", "1"]),
        (1.0, -10.0, "lse, on min's scale: −1.07 to 0.931", ["−1", "−0.5", "0", "0.5"]),
        # an end lse reaches to within rounding keeps its label (−99.9993 reads −100)
        (100.0, 1000.0, "lse, on max's scale: −100 to 100", ["−100", "−50", "0", "50", "100"]),
        # ends past 1000 are written in whole digits, not 1e+03
        (1000.0, 1.0, "lse, on max's scale: −999.3 to 1001", ["−1000", "0", "1000"]),
        (1.0, 0.01, "lse, on its own scale: 68.3 to 70.3", ["68.5", "69", "69.5", "70"]),
    ],
)
def test_the_lse_bar_names_and_labels_only_the_range_lse_covers(
    extent: float, lam: float, title: str, labels: list[str]
) -> None:
    surface = lse_surface(extent, 51, lam)
    scales = panel_scales(extent, lam)
    bar = figure_json(lse_panel(surface.axis, surface.lse, lam, scales))["layout"]["coloraxis"]
    assert bar["colorbar"]["title"]["text"] == title
    assert bar["colorbar"]["ticktext"] == labels
    low, high = float(np.min(surface.lse)), float(np.max(surface.lse))
    for value in bar["colorbar"]["tickvals"]:
        assert low - 0.005 * (high - low) <= value <= high + 0.005 * (high - low)
    # the colours still cover all of lse
    assert bar["cmin"] <= low
    assert high <= bar["cmax"]
