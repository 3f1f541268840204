"""Pure figure builders of the softmax page, tested without Streamlit on the figure JSON."""

from __future__ import annotations

import io
import json
import math

import mpmath
import numpy as np
import plotly.colors
import pytest
from plotly_arrays import array as decode
from scipy.special import expit, logsumexp

from softlse_app.softmax_grid.descriptions import (
    field_alt_text,
    lambda_title,
    nearly_uniform_note,
    onehot_alt_text,
    onehot_heading,
    onehot_title,
    softmax_alt_text,
)
from softlse_app.softmax_grid.field_figure import (
    CHECK_ARROW_MAGNIFY,
    contour_levels,
    gradient_field_figure,
    round_step,
)
from softlse_app.softmax_grid.fields import (
    gradient_check,
    lse_gradient_field,
    onehot_panel,
    softmax_panel,
    tie_weights,
)
from softlse_app.softmax_grid.grid_figures import (
    BOTTOM_DOMAIN,
    CHART_HEIGHT,
    CHART_WIDTH,
    PANEL_PX,
    TOP_DOMAIN,
    softmax_panel_figure,
)
from softlse_app.softmax_grid.views import field_csv, onehot_csv, softmax_csv


def as_json(fig) -> dict:
    return json.loads(fig.to_json())


def test_titles_label_soft_min_and_the_tie_rule():
    assert lambda_title(10.0) == "λ = 10"
    assert lambda_title(-0.5) == "λ = −0.5 (soft-min)"
    assert onehot_title("first") == "one-hot argmax (ties: first)"
    heading = onehot_heading("split", tie_weights("split"))
    assert heading.startswith("one-hot argmax (ties: split)<br>")
    assert "on x = y: σ₁ = 0.5, σ₂ = 0.5" in heading
    assert "σ₁ = 1, σ₂ = 0" in onehot_heading("first", tie_weights("first"))


@pytest.mark.parametrize("lam", [1.0, -10.0])
def test_panel_chart_has_real_axes_one_coloraxis_and_float32_payload(lam):
    panel = softmax_panel(2.0, 21, lam)
    spec = as_json(softmax_panel_figure(panel.axis, panel.sigma, "t", name=lambda_title(lam)))
    assert len(spec["data"]) == 2
    x, y = np.meshgrid(panel.axis, panel.axis)
    sigma1 = expit(lam * (x - y))
    for component, trace in enumerate(spec["data"]):
        assert trace["type"] == "heatmap"
        assert trace["coloraxis"] == "coloraxis"
        assert trace["z"]["dtype"] == "f4"
        assert trace["name"] == f"σ{'₁₂'[component]}, {lambda_title(lam)}"
        np.testing.assert_array_equal(decode(trace["x"]), panel.axis)
        np.testing.assert_array_equal(decode(trace["y"]), panel.axis)
        expected = sigma1 if component == 0 else 1 - sigma1
        np.testing.assert_allclose(decode(trace["z"]), expected, atol=1e-6)
        assert "customdata" not in trace  # hover reads the panel's own z
        assert f"σ{'₁₂'[component]} = %{{z" in trace["hovertemplate"]
    assert spec["data"][0].get("yaxis", "y") == "y"
    assert spec["data"][1]["yaxis"] == "y2"
    coloraxis = spec["layout"]["coloraxis"]
    assert (coloraxis["cmin"], coloraxis["cmax"]) == (0.0, 1.0)
    assert coloraxis["colorbar"]["tickvals"] == [0.0, 0.25, 0.5, 0.75, 1.0]
    cividis = plotly.colors.get_colorscale("Cividis")
    assert [c for _, c in coloraxis["colorscale"]] == [c for _, c in cividis]
    labels = [a["text"] for a in spec["layout"]["annotations"]]
    assert labels == ["σ₁ (weight on x)", "σ₂ (weight on y)"]


def test_panel_chart_keeps_square_panels_of_fixed_size():
    panel = softmax_panel(1.0, 21, 1.0)
    layout = as_json(softmax_panel_figure(panel.axis, panel.sigma, "t", name="t"))["layout"]
    assert (layout["width"], layout["height"]) == (CHART_WIDTH, CHART_HEIGHT)
    margin = layout["margin"]
    plot_width = layout["width"] - margin["l"] - margin["r"]
    plot_height = layout["height"] - margin["t"] - margin["b"]
    assert plot_width == PANEL_PX
    for domain in (TOP_DOMAIN, BOTTOM_DOMAIN):
        assert (domain[1] - domain[0]) * plot_height == pytest.approx(PANEL_PX)
    assert layout["yaxis"]["domain"] == list(TOP_DOMAIN)
    assert layout["yaxis2"]["domain"] == list(BOTTOM_DOMAIN)
    for name in ("xaxis", "yaxis", "yaxis2"):
        assert layout[name]["range"] == [-1.0, 1.0]
        assert layout[name]["automargin"] is False
        assert layout[name]["dtick"] == 0.5  # −1, −0.5, 0, 0.5, 1: five labels, none touching


def test_onehot_chart_draws_the_diagonal_in_the_tie_rule_weights():
    colours = {}
    for ties in ("split", "first"):
        panel = onehot_panel(1.0, 11, ties)
        weights = tie_weights(ties)
        spec = as_json(
            softmax_panel_figure(panel.axis, panel.sigma, "t", name="t", tie_weights=weights)
        )
        shapes = spec["layout"]["shapes"]
        assert len(shapes) == 4  # outline and line, on each panel
        for shape in shapes:
            assert (shape["x0"], shape["y0"], shape["x1"], shape["y1"]) == (-1, -1, 1, 1)
        cores = [s for s in shapes if s["line"]["width"] == 3.5]
        assert [s["yref"] for s in cores] == ["y", "y2"]
        expected = plotly.colors.sample_colorscale("Cividis", list(weights))
        assert [s["line"]["color"] for s in cores] == expected
        colours[ties] = expected
    assert tie_weights("split") == (0.5, 0.5)
    assert tie_weights("first") == (1.0, 0.0)
    assert colours["split"] != colours["first"]


def test_panel_chart_refuses_a_wrong_shape():
    panel = softmax_panel(1.0, 5, 1.0)
    with pytest.raises(ValueError, match="shape"):
        softmax_panel_figure(panel.axis, panel.sigma[0], "t", name="t")


def _checked_field_spec(field, check, lam):
    """The gradient-field chart's JSON for ``field`` with the checked point ``check``."""
    return as_json(
        gradient_field_figure(
            field.axis,
            field.lse_values,
            field.arrow_axis,
            field.arrows,
            lam,
            "t",
            point=check.point,
            point_gradient=check.softmax,
        )
    )


def test_gradient_field_arrows_are_the_softmax_vectors():
    lam = 3.0
    field = lse_gradient_field(1.0, 41, lam, arrows_per_axis=5)
    check = gradient_check(0.5, 0.25, lam)
    spec = _checked_field_spec(field, check, lam)
    contour, paths, labels, point = spec["data"]
    assert contour["type"] == "contour"
    assert decode(contour["z"]).shape == (41, 41)
    # one trace for every arrow: foot, tip, gap, head, tip, head, gap; float32
    assert paths["x"]["dtype"] == "f4"
    shafts = np.stack([decode(paths["x"]), decode(paths["y"])], axis=-1).reshape(-1, 7, 2)
    assert shafts.shape[0] == 25
    assert np.all(np.isnan(shafts[:, [2, 6]]))
    spacing = field.arrow_axis[1] - field.arrow_axis[0]
    vectors = (shafts[:, 1] - shafts[:, 0]) / (0.85 * spacing)
    ax, ay = np.meshgrid(field.arrow_axis, field.arrow_axis)
    np.testing.assert_allclose(vectors[:, 0], expit(lam * (ax - ay)).ravel(), atol=1e-6)
    np.testing.assert_allclose(vectors.sum(axis=1), 1.0, atol=1e-6)
    assert np.all(vectors >= -1e-7)
    hover = decode(paths["customdata"]).reshape(25, 7, 4)
    np.testing.assert_allclose(hover[:, 0, 2:], vectors, atol=1e-6)  # foot's softmax
    np.testing.assert_allclose(hover[:, 0, :2], shafts[:, 0], atol=1e-6)  # foot
    # the checked point's arrow: up to CHECK_ARROW_MAGNIFY times the field's scale, with a
    # halo; here 4 × 0.425 × 0.68 would reach x = 1.66, so it is shortened to end at x = 1
    halo, arrow = spec["layout"]["annotations"]
    assert halo["arrowwidth"] > arrow["arrowwidth"]
    foot = np.array([arrow["ax"], arrow["ay"]])
    tip = np.array([arrow["x"], arrow["y"]])
    np.testing.assert_allclose(foot, [0.5, 0.25])
    magnify = (1.0 - 0.5) / (0.85 * spacing * check.softmax[0])
    assert 1 < magnify < CHECK_ARROW_MAGNIFY
    np.testing.assert_allclose((tip - foot) / (magnify * 0.85 * spacing), check.softmax)
    assert tip[0] == pytest.approx(1.0)
    assert point["name"] == f"checked point, its softmax ×{float(f'{magnify:.2g}'):g}"
    assert point["x"] == [0.5]
    assert point["y"] == [0.25]
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"
    assert labels["mode"] == "text"


@pytest.mark.parametrize(
    ("point", "lam", "magnify", "label"),
    [
        # softmax (1, 0): 4 field arrows (0.2125 each) ran past the edge to x = 1.35
        ((0.5, 0.25), 1000.0, 0.5 / 0.2125, "2.4"),
        ((0.0, 0.0), 1.0, 4.0, "4"),  # room for the whole arrow
        ((-0.9, -0.9), -1.0, 4.0, "4"),  # λ < 0: softmax still non-negative, room up-right
        ((1.0, 0.0), 1000.0, 1.0, "1"),  # on the edge, pointing out: as long as a field arrow
    ],
)
def test_the_checked_point_s_arrow_stays_in_the_square(point, lam, magnify, label):
    field = lse_gradient_field(1.0, 41, lam, arrows_per_axis=9)  # spacing 0.25
    check = gradient_check(*point, lam)
    spec = _checked_field_spec(field, check, lam)
    _halo, arrow = spec["layout"]["annotations"]
    foot = np.array([arrow["ax"], arrow["ay"]])
    tip = np.array([arrow["x"], arrow["y"]])
    np.testing.assert_allclose((tip - foot) / (magnify * 0.85 * 0.25), check.softmax, atol=1e-12)
    if magnify > 1:
        assert np.all(np.abs(tip) <= 1.0 + 1e-12)
    assert spec["data"][-1]["name"] == f"checked point, its softmax ×{label}"


@pytest.mark.parametrize("lam", [1.0, 10.0, -3.0, 0.5])
def test_contour_levels_are_round_and_labelled_where_they_cross_the_diagonal(lam):
    field = lse_gradient_field(1.0, 41, lam, arrows_per_axis=3)
    figure = gradient_field_figure(
        field.axis, field.lse_values, field.arrow_axis, field.arrows, lam, "t"
    )
    contour, _paths, labels = as_json(figure)["data"]
    step = contour["contours"]["size"]
    assert step in {m * 10.0**k for m in (1, 2, 2.5, 5) for k in range(-3, 3)}
    lo = float(field.lse_values.min())
    assert lo < contour["contours"]["start"] <= lo + step
    assert contour["colorbar"]["dtick"] == step
    # a tick per level, at most five labelled: nine labels ran together on a phone
    bands = math.floor((contour["contours"]["end"] - contour["contours"]["start"]) / step) + 1
    label_step = contour["colorbar"]["ticklabelstep"]
    assert math.ceil(bands / label_step) <= 5
    assert label_step == 1 or math.ceil(bands / (label_step - 1)) > 5  # no sparser than needed
    t = decode(labels["x"])
    np.testing.assert_array_equal(t, decode(labels["y"]))
    # lse(t, t) is the labelled level
    # written with a minus sign, on a white halo (an arrow's stroke hid a hyphen)
    assert labels["textfont"]["shadow"].count("white") == 4
    levels = np.array([float(text.replace("−", "-")) for text in labels["text"]])
    assert any(text.startswith("−") for text in labels["text"]) == bool((levels < 0).any())
    np.testing.assert_allclose(logsumexp([lam * t, lam * t], axis=0) / lam, levels, atol=1e-12)
    assert 3 <= levels.size <= 12


def test_round_steps_and_levels():
    assert round_step(2.0) == 0.25
    assert round_step(2.0000000596046448) == 0.25  # float32 ends of [−1, 1]
    assert round_step(8.0) == 1.0
    assert round_step(0.03) == 0.005
    assert round_step(math.nan) == 1.0
    np.testing.assert_allclose(contour_levels(-0.3, 1.7), np.arange(-0.25, 1.7, 0.25))


def test_gradient_field_leaves_out_a_point_outside_the_square():
    field = lse_gradient_field(1.0, 11, 1.0, arrows_per_axis=3)
    fig = gradient_field_figure(
        field.axis, field.lse_values, field.arrow_axis, field.arrows, 1.0, "t", point=(5.0, 0.0)
    )
    assert len(fig.data) == 3
    assert fig.layout.annotations == ()


def read_csv(text: str) -> tuple[list[str], np.ndarray]:
    header = text.splitlines()[0].split(",")
    return header, np.loadtxt(io.StringIO(text), delimiter=",", skiprows=1)


def test_csv_of_a_panel_holds_what_the_chart_draws():
    header, rows = read_csv(softmax_csv(1.0, 21, 10.0))
    assert header == ["x", "y", "sigma1", "sigma2"]
    assert rows.shape == (21 * 21, 4)
    np.testing.assert_allclose(rows[:, 2], expit(10.0 * (rows[:, 0] - rows[:, 1])), atol=1e-7)
    np.testing.assert_allclose(rows[:, 2] + rows[:, 3], 1.0, atol=1e-7)
    panel = softmax_panel(1.0, 21, 10.0)  # what the chart draws: the same numbers in float32
    np.testing.assert_array_equal(rows[:, 2].astype(np.float32), panel.sigma[0].ravel())
    text = softmax_csv(1.0, 21, 10.0)
    # full precision: x = −0.9, y = −1 and σ written as the shortest text that reads back to
    # the same double, within softmax's documented bound, (4 + 2·|λ·(x − y)|)·u = 6u, of the
    # exact softmax of those two doubles (σ₁ ≈ expit(1); x − y is 0.09999999999999998)
    cells = text.splitlines()[2].split(",")
    assert cells[:2] == ["-0.9", "-1.0"]
    with mpmath.workdps(40):
        e_x, e_y = mpmath.exp(10 * mpmath.mpf(-0.9)), mpmath.exp(10 * mpmath.mpf(-1.0))
        exact = (e_x / (e_x + e_y), e_y / (e_x + e_y))
        for cell, p in zip(cells[2:], exact, strict=True):
            assert repr(float(cell)) == cell
            assert abs(mpmath.mpf(cell) - p) <= 6 * 2.0**-53 * p, (cell, p)
    _header, onehot = read_csv(onehot_csv(1.0, 21, "first"))
    on_diagonal = onehot[:, 0] == onehot[:, 1]
    assert np.all(onehot[on_diagonal, 2] == 1.0)
    assert np.all(onehot[~on_diagonal, 2] == (onehot[~on_diagonal, 0] > onehot[~on_diagonal, 1]))


def test_csv_of_the_field_holds_lse_and_its_gradient_at_every_grid_point():
    header, rows = read_csv(field_csv(2.0, 11, -3.0))
    assert header == ["x", "y", "lse", "dlse_dx", "dlse_dy"]
    assert rows.shape == (121, 5)
    x, y = rows[:, 0], rows[:, 1]
    np.testing.assert_allclose(rows[:, 2], logsumexp([-3 * x, -3 * y], axis=0) / -3, rtol=1e-9)
    np.testing.assert_allclose(rows[:, 3], expit(-3 * (x - y)), atol=1e-9)
    np.testing.assert_allclose(rows[:, 3] + rows[:, 4], 1.0, atol=1e-9)


def test_a_nearly_uniform_panel_is_said_to_be_one_colour_for_a_reason():
    note = nearly_uniform_note([0.01, 1.0, -0.1], 1.0)
    assert note is not None
    assert "(at λ = 0.01 from 0.495 to 0.505; at λ = −0.1 from 0.45 to 0.55)" in note
    assert "softmax flattens to the uniform distribution as λ → 0" in note
    assert nearly_uniform_note([1.0, 10.0, 100.0], 1.0) is None  # the default list
    assert nearly_uniform_note([0.01], 100.0) is None  # a wide square shows the transition


def test_alt_texts_state_the_numbers_the_charts_show():
    assert "|x − y| < 0.22" in softmax_alt_text(10.0, 1.0)  # log 9 / 10
    assert "[−1, 1]²" in softmax_alt_text(10.0, 1.0)
    assert "near 1 where y > x" in softmax_alt_text(-2.0, 1.0)  # soft-min: σ₁ on the smaller
    # where the 0.1-to-0.9 band is wider than the square, the range σ₁ does reach is said
    # (expit(∓2) at the corners of [−1, 1]² for λ = 1), not a band the chart does not show
    assert "σ₁ (top) goes only from 0.119 to 0.881" in softmax_alt_text(1.0, 1.0)
    assert "|x − y| <" not in softmax_alt_text(1.0, 1.0)
    assert "nearly uniform: σ₁ (top) goes only from 0.495 to 0.505" in softmax_alt_text(0.01, 1)
    text = onehot_alt_text("split", (0.5, 0.5), 2.0)
    assert "σ₁ = 0.5 and σ₂ = 0.5" in text
    assert "[−2, 2]²" in text
    check = gradient_check(0.5, 0.25, 1.0)
    text = field_alt_text(1.0, 1.0, (0.3069, 1.693), check)
    assert "from 0.3069 to 1.693" in text
    assert f"({check.softmax[0]:.4f}, {check.softmax[1]:.4f})" in text
