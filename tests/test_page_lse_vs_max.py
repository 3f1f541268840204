"""AppTest of the "LSE vs max" page: numbers in its figures and read-outs, every control,
query parameters and hostile links."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from plotly_arrays import array
from scipy.special import logsumexp
from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "lse_vs_max.py")
LOG2 = math.log(2.0)
F32 = float(np.finfo(np.float32).eps)


def run_page(**query: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def contour_z(at: AppTest) -> tuple[np.ndarray, list[np.ndarray]]:
    """(axis, [z of each panel]) of the page's first chart."""
    spec = charts(at)[0]
    return array(spec["data"][0]["x"]), [array(trace["z"]) for trace in spec["data"]]


def reference_lse(axis: np.ndarray, lam: float) -> np.ndarray:
    x, y = np.meshgrid(axis, axis)
    return logsumexp(lam * np.stack([x, y]), axis=0) / lam


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_default_view_numbers() -> None:
    at = run_page()
    assert at.title[0].value == "LSE vs max"
    assert len(charts(at)) == 2  # contours and the slice
    axis, (z_lse, z_max, z_gap) = contour_z(at)
    np.testing.assert_array_equal(axis, np.linspace(-1, 1, 201))
    # λ = 1: lse peaks at 1 + log 2 at (1, 1)
    assert np.unravel_index(np.argmax(z_lse), z_lse.shape) == (200, 200)
    assert z_lse.max() == pytest.approx(1 + LOG2, rel=F32)
    np.testing.assert_allclose(z_lse, reference_lse(axis, 1.0), rtol=2 * F32)
    x, y = np.meshgrid(axis, axis)
    np.testing.assert_array_equal(z_max, np.maximum(x, y).astype(np.float32))
    assert z_gap.min() >= 0
    assert z_gap.max() <= LOG2 * (1 + F32)
    np.testing.assert_allclose(np.diag(z_gap), LOG2, rtol=F32)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Largest gap lse − max"] == "0.693147"
    assert metrics["Upper bound log(2)/λ"] == "0.693147"
    assert metrics["Where (on x = y)"].startswith("(")
    # nearest 0 at the corners (±1, ∓1): log(1 + e^−2)
    assert metrics["Gap nearest 0 (bound log(1)/λ = 0)"] == f"{math.log1p(math.exp(-2)):.3g}"
    text = " ".join(m.value for m in at.markdown)
    assert "at all 201 diagonal grid points" in text
    assert "at 0 of 40401 grid points" in text
    assert len(at.latex) >= 2
    assert any(r"\lim_{\lambda\to\infty}" in latex.value for latex in at.latex)
    # the slice at y = 0: lse, max(x, 0) and max + log 2
    slice_spec = charts(at)[1]
    soft, hard, far = (array(t["y"]) for t in slice_spec["data"])
    xs = array(slice_spec["data"][0]["x"])
    np.testing.assert_array_equal(hard, np.maximum(xs, 0.0))
    np.testing.assert_allclose(far, np.maximum(xs, 0.0) + LOG2, rtol=1e-15)
    np.testing.assert_allclose(soft, np.logaddexp(xs, 0.0), rtol=1e-13)
    assert not warnings(at)


def test_query_lam_10_reaches_the_figure() -> None:
    at = run_page(lam="10")
    assert at.select_slider(key="lam").value == 10.0
    axis, (z_lse, _, z_gap) = contour_z(at)
    np.testing.assert_allclose(z_lse, reference_lse(axis, 10.0), rtol=2 * F32, atol=1e-7)
    assert z_lse.max() == pytest.approx(1 + LOG2 / 10, rel=F32)
    assert z_gap.max() <= LOG2 / 10 * (1 + F32)
    assert charts(at)[0]["layout"]["annotations"][0]["text"] == "lse((x, y), λ = 10)"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Upper bound log(2)/λ"] == "0.0693147"
    assert metrics["Gap nearest 0 (bound log(1)/λ = 0)"] == f"{math.log1p(math.exp(-20)) / 10:.3g}"
    assert not warnings(at)


@pytest.mark.parametrize("query", [{"lam": "10", "neg": "true"}, {"lam": "-10"}])
def test_negative_lambda_shows_min(query: dict[str, str]) -> None:
    at = run_page(**query)
    assert at.toggle(key="neg").value is True
    axis, (z_lse, z_min, z_gap) = contour_z(at)
    x, y = np.meshgrid(axis, axis)
    np.testing.assert_array_equal(z_min, np.minimum(x, y).astype(np.float32))
    np.testing.assert_allclose(z_lse, reference_lse(axis, -10.0), rtol=2 * F32, atol=1e-7)
    assert z_lse.min() == pytest.approx(-1 - LOG2 / 10, rel=F32)
    assert z_gap.max() <= 0
    np.testing.assert_allclose(np.diag(z_gap), -LOG2 / 10, rtol=F32)
    titles = [a["text"] for a in charts(at)[0]["layout"]["annotations"]]
    assert titles == ["lse((x, y), λ = -10)", "min(x, y)", "gap lse − min"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Most negative gap lse − min"] == "-0.0693147"
    assert metrics["Lower bound −log(2)/|λ|"] == "-0.0693147"
    slice_names = [t["name"] for t in charts(at)[1]["data"]]
    assert slice_names == ["lse", "min", "min − log(2)/|λ|"]


def test_every_control_changed_once() -> None:
    # Order matters only for AppTest: in a browser the frontend writes every widget change to
    # the URL, AppTest does not, so y is moved before extent remounts its slider (Streamlit then
    # restores y's old value into the backend's copy of the URL).
    at = run_page()
    at.select_slider(key="lam").set_value(100.0).run(timeout=30)
    _, (z_lse, _, _) = contour_z(at)
    assert z_lse.max() == pytest.approx(1 + LOG2 / 100, rel=F32)

    at.toggle(key="neg").set_value(True).run(timeout=30)
    _, (z_lse, _, z_gap) = contour_z(at)
    assert z_lse.min() == pytest.approx(-1 - LOG2 / 100, rel=F32)
    assert z_gap.max() <= 0

    at.slider(key="y").set_value(0.5).run(timeout=30)
    slice_spec = charts(at)[1]
    xs = array(slice_spec["data"][0]["x"])
    np.testing.assert_array_equal(array(slice_spec["data"][1]["y"]), np.minimum(xs, 0.5))
    np.testing.assert_allclose(
        array(slice_spec["data"][0]["y"]), -np.logaddexp(-100 * xs, -50.0) / 100, rtol=1e-13
    )

    at.slider(key="res").set_value(101).run(timeout=30)
    axis, (z_lse, _, _) = contour_z(at)
    assert z_lse.shape == (101, 101)
    np.testing.assert_allclose(z_lse, reference_lse(axis, -100.0), rtol=2 * F32, atol=1e-7)
    assert array(charts(at)[1]["data"][0]["x"]).size == 101

    at.select_slider(key="extent").set_value(2.0).run(timeout=30)
    axis, (z_lse, z_min, _) = contour_z(at)
    assert (axis[0], axis[-1]) == (-2.0, 2.0)
    assert z_min.min() == -2.0
    assert at.slider(key="y").value == 0.5  # still inside [−2, 2]

    at.button_group(key="view").set_value("sheet").run(timeout=30)
    assert not at.exception
    (sheet,) = charts(at)
    assert [a["text"] for a in sheet["layout"]["annotations"]] == ["λ = 1", "λ = 10", "λ = 100"]
    for lam, trace in zip((1.0, 10.0, 100.0), sheet["data"], strict=True):
        z = array(trace["z"])
        assert z.shape == (101, 101)  # the page's extent and resolution carry over
        assert z.max() == pytest.approx(2 + LOG2 / lam, rel=F32)
    assert {trace["coloraxis"] for trace in sheet["data"]} == {"coloraxis"}


def test_sheet_view_from_url() -> None:
    at = run_page(view="sheet", res="101")
    (sheet,) = charts(at)
    axis = array(sheet["data"][0]["x"])
    for lam, trace in zip((1.0, 10.0, 100.0), sheet["data"], strict=True):
        np.testing.assert_allclose(
            array(trace["z"]), reference_lse(axis, lam), rtol=2 * F32, atol=1e-7
        )
    table = at.dataframe[0].value
    np.testing.assert_allclose(table["bound log(2)/λ"], [LOG2, LOG2 / 10, LOG2 / 100])
    np.testing.assert_allclose(
        table["largest gap lse − max on the grid"], [LOG2, LOG2 / 10, LOG2 / 100], rtol=1e-12
    )
    assert len(at.latex) >= 2


def test_url_sets_extent_res_and_y() -> None:
    at = run_page(extent="5", res="51", y="2.5", lam="0.01")
    axis, (z_lse, _, z_gap) = contour_z(at)
    assert z_lse.shape == (51, 51)
    assert (axis[0], axis[-1]) == (-5.0, 5.0)
    # λ = 0.01: the gap is nearly log(2)/λ ≈ 69.3 everywhere on this small grid
    assert z_gap.max() == pytest.approx(100 * LOG2, rel=F32)
    assert z_gap.min() > 100 * LOG2 - 5.0
    slice_spec = charts(at)[1]
    assert slice_spec["layout"]["title"]["text"] == "Slice at y = 2.5, λ = 0.01"
    assert not warnings(at)


@pytest.mark.parametrize("via", ["slider", "url"])
@pytest.mark.parametrize(
    ("extent", "y", "new_extent", "expected"),
    [
        ("2", 1.5, 1.0, 1.0),
        ("5", -2.5, 1.0, -1.0),
        ("2", 0.5, 1.0, 0.5),
        ("2", -1.0, 1.0, -1.0),
        ("1", 0.0, 2.0, 0.0),
        ("1", -1.0, 5.0, -1.0),
    ],
)
def test_a_new_extent_keeps_the_slice_y_or_clamps_it(
    via: str, extent: str, y: float, new_extent: float, expected: float
) -> None:
    # y set on the slider or arriving in the link, then the extent changes: a y outside the
    # new [−extent, extent] moves to the nearer end instead of jumping to 0, a y inside stays
    # (and does not start at −extent, the new slider's minimum).
    if via == "slider":
        at = run_page(extent=extent, res="51")
        at.slider(key="y").set_value(y).run(timeout=30)
    else:
        at = run_page(extent=extent, res="51", y=f"{y:g}")
    assert at.slider(key="y").value == y
    at.select_slider(key="extent").set_value(new_extent).run(timeout=30)
    assert not at.exception
    assert at.slider(key="y").value == expected
    slice_spec = charts(at)[1]
    assert slice_spec["layout"]["title"]["text"] == f"Slice at y = {expected:g}, λ = 1"
    xs = array(slice_spec["data"][0]["x"])
    assert (xs[0], xs[-1]) == (-new_extent, new_extent)
    np.testing.assert_array_equal(array(slice_spec["data"][1]["y"]), np.maximum(xs, expected))
    np.testing.assert_allclose(
        array(slice_spec["data"][0]["y"]), np.logaddexp(xs, expected), rtol=1e-13
    )
    assert not warnings(at)  # the person's own change: no note


#: Values every parameter is tried with; the numeric extremes (``0``, ``nan``, ``-1e999``,
#: the huge int) matter for the numeric parameters only.
TEXT_HOSTILE = ["abc", "x" * 400, "<script>alert(1)</script>", "1e999", ""]
NUMERIC_HOSTILE = ["0", "nan", "-1e999", "1000000000"]


def hostile_cases() -> list[tuple[str, str]]:
    cases = [(key, raw) for key in ("lam", "res", "extent", "y") for raw in NUMERIC_HOSTILE]
    keys = ("lam", "res", "extent", "y", "neg", "view")
    return cases + [(key, raw) for key in keys for raw in TEXT_HOSTILE]


@pytest.mark.parametrize(("key", "raw"), hostile_cases())
def test_hostile_query_values(key: str, raw: str) -> None:
    # a small grid keeps the many runs quick; it is a valid value and adds no note
    query = {key: raw} if key == "res" else {key: raw, "res": "51"}
    at = run_page(**query)
    assert len(charts(at)) == 2  # page still renders, with its figures
    notes = warnings(at)
    used_as_written = key == "y" and raw == "0"  # y = 0 is the default and in range
    if used_as_written:
        assert notes == []
    else:
        assert len(notes) == 1
        assert notes[0].startswith(f"URL parameter `{key}`=")
    if raw.startswith("<script>"):
        assert "`<script>alert(1)</script>`" in notes[0]  # quoted as code, never as HTML
    if len(raw) == 400:
        assert len(notes[0]) < 200  # the note quotes a shortened value
    _, (z_lse, _, z_gap) = contour_z(at)
    assert np.isfinite(z_lse).all()
    assert np.isfinite(z_gap).all()


def test_clamped_values_are_used() -> None:
    at = run_page(res="1000000000", lam="1e999", extent="0.01", y="-7")
    assert at.slider(key="res").value == 801
    assert at.select_slider(key="lam").value == 1000.0
    assert at.select_slider(key="extent").value == 0.1
    assert at.slider(key="y").value == -0.1
    axis, (z_lse, _, z_gap) = contour_z(at)
    assert z_lse.shape == (801, 801)
    assert axis[-1] == pytest.approx(0.1)
    assert z_gap.max() <= LOG2 / 1000 * (1 + F32)
    assert len(warnings(at)) == 4
    slice_spec = charts(at)[1]
    np.testing.assert_array_equal(
        array(slice_spec["data"][1]["y"]), np.maximum(array(slice_spec["data"][1]["x"]), -0.1)
    )
