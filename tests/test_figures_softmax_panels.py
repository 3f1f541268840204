"""Pure figure builders of the softmax page, tested without Streamlit on the figure JSON."""

from __future__ import annotations

import json

import numpy as np
import plotly.colors
import pytest
from plotly_arrays import array as decode
from scipy.special import expit

from softlse_app.softmax_grid.fields import gradient_check, lse_gradient_field, softmax_panels
from softlse_app.softmax_grid.figures import (
    column_titles,
    format_lambda_title,
    gradient_field_figure,
    softmax_grid_figure,
)


def as_json(fig) -> dict:
    return json.loads(fig.to_json())


def test_titles_label_soft_min_and_the_tie_rule():
    assert format_lambda_title(10.0) == "λ = 10"
    assert format_lambda_title(-0.5) == "λ = −0.5 (soft-min)"
    assert column_titles((1.0, -2.0), "first") == [
        "λ = 1",
        "λ = −2 (soft-min)",
        "one-hot argmax (ties: first)",
    ]


def test_grid_figure_has_real_axes_one_coloraxis_and_float32_payload():
    panels = softmax_panels(2.0, 21, (1.0, -10.0))
    spec = as_json(
        softmax_grid_figure(panels.axis, panels.values, column_titles((1, -10), "split"))
    )
    heatmaps = spec["data"]
    assert len(heatmaps) == 6
    x, y = np.meshgrid(panels.axis, panels.axis)
    for index, trace in enumerate(heatmaps):
        column, component = divmod(index, 2)
        assert trace["type"] == "heatmap"
        assert trace["coloraxis"] == "coloraxis"
        assert trace["z"]["dtype"] == "f4"
        np.testing.assert_array_equal(decode(trace["x"]), panels.axis)
        np.testing.assert_array_equal(decode(trace["y"]), panels.axis)
        z, other = decode(trace["z"]), decode(trace["customdata"])
        np.testing.assert_allclose(z + other, 1.0, atol=1e-6)
        if column < 2:
            lam = (1.0, -10.0)[column]
            sigma1 = expit(lam * (x - y))
            expected = sigma1 if component == 0 else 1 - sigma1
            np.testing.assert_allclose(z, expected, atol=1e-6)
        assert "σ₁" in trace["hovertemplate"]
        assert "σ₂" in trace["hovertemplate"]
    coloraxis = spec["layout"]["coloraxis"]
    assert (coloraxis["cmin"], coloraxis["cmax"]) == (0.0, 1.0)
    cividis = plotly.colors.get_colorscale("Cividis")
    assert [c for _, c in coloraxis["colorscale"]] == [c for _, c in cividis]
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert titles == ["λ = 1", "λ = −10<br>(soft-min)", "one-hot argmax<br>(ties: split)"]
    assert spec["layout"]["yaxis"]["title"]["text"].startswith("<b>σ₁</b>")
    assert spec["layout"]["yaxis4"]["title"]["text"].startswith("<b>σ₂</b>")


def test_grid_figure_hover_reads_sigma1_from_z_on_top_and_from_customdata_below():
    panels = softmax_panels(1.0, 5, (1.0,))
    spec = as_json(softmax_grid_figure(panels.axis, panels.values, column_titles((1.0,), "split")))
    top, bottom = spec["data"][0], spec["data"][1]
    assert "σ₁ = %{z" in top["hovertemplate"]
    assert "σ₂ = %{customdata" in top["hovertemplate"]
    assert "σ₁ = %{customdata" in bottom["hovertemplate"]
    assert "σ₂ = %{z" in bottom["hovertemplate"]


def test_grid_figure_refuses_mismatched_titles():
    panels = softmax_panels(1.0, 5, (1.0,))
    with pytest.raises(ValueError, match="shape"):
        softmax_grid_figure(panels.axis, panels.values, ["only one"])


def test_gradient_field_arrows_are_the_softmax_vectors():
    lam = 3.0
    field = lse_gradient_field(1.0, 41, lam, arrows_per_axis=5)
    check = gradient_check(0.5, 0.25, lam)
    spec = as_json(
        gradient_field_figure(
            field.axis,
            field.lse_values,
            field.arrow_axis,
            field.arrows,
            lam,
            point=check.point,
            point_gradient=check.softmax,
        )
    )
    contour, paths, feet, point_arrow, point = spec["data"]
    assert contour["type"] == "contour"
    assert decode(contour["z"]).shape == (41, 41)
    # shafts: foot, tip, None, head, tip, head, None per arrow
    xs = [np.nan if v is None else v for v in paths["x"]]
    ys = [np.nan if v is None else v for v in paths["y"]]
    shafts = np.array([xs, ys]).T.reshape(-1, 7, 2)
    assert shafts.shape[0] == 25
    spacing = field.arrow_axis[1] - field.arrow_axis[0]
    vectors = (shafts[:, 1] - shafts[:, 0]) / (0.85 * spacing)
    ax, ay = np.meshgrid(field.arrow_axis, field.arrow_axis)
    np.testing.assert_allclose(vectors[:, 0], expit(lam * (ax - ay)).ravel(), atol=1e-12)
    np.testing.assert_allclose(vectors.sum(axis=1), 1.0, atol=1e-12)
    assert np.all(vectors >= 0)
    np.testing.assert_allclose(decode(feet["customdata"]).reshape(-1, 2)[:, 0], vectors[:, 0])
    tip = np.array([point_arrow["x"][1], point_arrow["y"][1]])
    np.testing.assert_allclose((tip - [0.5, 0.25]) / (0.85 * spacing), check.softmax)
    assert point["x"] == [0.5]
    assert point["y"] == [0.25]
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"


def test_gradient_field_leaves_out_a_point_outside_the_square():
    field = lse_gradient_field(1.0, 11, 1.0, arrows_per_axis=3)
    fig = gradient_field_figure(
        field.axis, field.lse_values, field.arrow_axis, field.arrows, 1.0, point=(5.0, 0.0)
    )
    assert len(fig.data) == 3
