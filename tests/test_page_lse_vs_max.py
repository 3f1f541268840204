"""AppTest of the "LSE vs max" page: numbers in its charts and read-outs, every control,
query parameters and hostile links."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from grid_axes import decimal_axis
from plotly_arrays import array
from scipy.special import logsumexp
from streamlit.testing.v1 import AppTest

from softlse_app.lse_vs_max.explanations import GAP_EXPLANATION_LABEL
from softlse_app.lse_vs_max.gap_figure import FIXED_LOG_RANGE
from softlse_app.lse_vs_max.readouts import diagonal_agreement

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "lse_vs_max.py")
LOG2 = math.log(2.0)
F32 = float(np.finfo(np.float32).eps)
EXPLORE = ("explore_lse", "explore_hard", "explore_gap")
#: The slice's chart, drawn only while its section is open (``slice=true`` in the link).
SLICE = "slice_chart"


def run_page(**query: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


def charts(at: AppTest) -> dict[str, dict]:
    """Every chart's figure JSON by its key (the element id ends with ``-<key>``)."""
    return {
        chart.proto.id.rsplit("-", 1)[-1]: json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
    }


def alt_texts(at: AppTest) -> dict[str, str]:
    return {chart.proto.id.rsplit("-", 1)[-1]: chart.proto.alt for chart in at.get("plotly_chart")}


def grid(spec: dict, trace: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(axis, z) of a square panel."""
    data = spec["data"][trace]
    axis = array(data["x"])
    np.testing.assert_array_equal(axis, array(data["y"]))
    return axis, array(data["z"])


def reference_lse(axis: np.ndarray, lam: float) -> np.ndarray:
    x, y = np.meshgrid(axis, axis)
    return logsumexp(lam * np.stack([x, y]), axis=0) / lam


def reference_log_gap(axis: np.ndarray, lam: float) -> np.ndarray:
    x, y = np.meshgrid(axis, axis)
    return np.log10(np.log1p(np.exp(-abs(lam) * np.abs(x - y))) / abs(lam))


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def colour_scale(spec: dict) -> tuple:
    """What a contour panel's colours mean: its colour range and colours (not its bar's
    labels: max's bar labels only max's own values, see test_figures_lse_contours)."""
    axis = spec["layout"]["coloraxis"]
    return (axis["cmin"], axis["cmax"], json.dumps(axis["colorscale"]))


def bar_title(spec: dict) -> str:
    return spec["layout"]["coloraxis"]["colorbar"]["title"]["text"]


def bar_labels(spec: dict) -> list[str]:
    return list(spec["layout"]["coloraxis"]["colorbar"]["ticktext"])


def slice_x(spec: dict) -> np.ndarray:
    trace = spec["data"][0]
    return trace["x0"] + trace["dx"] * np.arange(len(array(trace["y"])))


def test_default_view_numbers() -> None:
    at = run_page(slice="true")
    assert at.title[0].value == "LSE vs max"
    shown = charts(at)
    assert tuple(shown) == (*EXPLORE, SLICE)
    axis, z_lse = grid(shown["explore_lse"])
    np.testing.assert_array_equal(axis, decimal_axis(1, 201))
    # λ = 1: lse peaks at 1 + log 2 at (1, 1)
    assert np.unravel_index(np.argmax(z_lse), z_lse.shape) == (200, 200)
    assert z_lse.max() == pytest.approx(1 + LOG2, rel=F32)
    np.testing.assert_allclose(z_lse, reference_lse(axis, 1.0), rtol=2 * F32)
    hard_axis, z_max = grid(shown["explore_hard"])
    x, y = np.meshgrid(hard_axis, hard_axis)
    np.testing.assert_array_equal(z_max, np.maximum(x, y).astype(np.float32))
    # λ = 1: lse (−0.307 … 1.69) fits on max's scale, which leaves room above max for it
    assert colour_scale(shown["explore_hard"]) == colour_scale(shown["explore_lse"])
    assert colour_scale(shown["explore_hard"])[:2] == (-1.0, 1.8)
    # the bar names the range lse covers and labels only values in it: −1 and −0.5 are
    # max's part of the scale, where no lse lies
    assert bar_title(shown["explore_lse"]) == "lse, on max's scale: −0.307 to 1.69"
    assert bar_labels(shown["explore_lse"]) == ["0", "0.5", "1", "1.5"]
    assert bar_labels(shown["explore_hard"]) == ["−1", "−0.5", "0", "0.5", "1"]
    assert "on the same colour scale as the max panel" in alt_texts(at)["explore_lse"]
    # the gap on a log scale: log10(log(1 + e^(−|x − y|))), every 2nd of the 201 points
    gap_axis, z_gap = grid(shown["explore_gap"])
    np.testing.assert_array_equal(gap_axis, decimal_axis(1, 201)[::2])
    np.testing.assert_allclose(z_gap, reference_log_gap(gap_axis, 1.0), rtol=2 * F32)
    np.testing.assert_allclose(np.diag(z_gap), math.log10(LOG2), rtol=F32)
    assert shown["explore_gap"]["layout"]["coloraxis"]["cmax"] == pytest.approx(math.log10(LOG2))
    assert metrics(at) == {
        "Gap on the whole diagonal x = y": "0.693147",
        "Largest possible gap, log(2)/λ": "0.693147",
        "Smallest gap, at the corner (−1, 1)": f"{math.log1p(math.exp(-2)):.6g}",
        "Grid points where lse rounds to max": "0 of 40401",
    }
    text = " ".join(m.value for m in at.markdown)
    assert (
        "0.693147 along the whole diagonal (it is exactly that at all 201 grid points on it)."
        in text
    )
    assert "within 0.0e+00" not in text
    assert "at 40401 of the 40401 grid points" in text
    assert "lse_gap_bounds" not in text
    assert any(r"\lim_{\lambda\to\infty}" in latex.value for latex in at.latex)
    # the slice at y = 0: lse, max(x, 0) and max + log 2
    soft, hard, far = (array(t["y"]) for t in shown["slice_chart"]["data"])
    xs = slice_x(shown["slice_chart"])
    np.testing.assert_allclose(xs, decimal_axis(1, 201), atol=1e-12)  # x0 + i·dx in the chart
    np.testing.assert_array_equal(hard, np.maximum(decimal_axis(1, 201), 0.0))
    np.testing.assert_allclose(far, hard + LOG2, rtol=1e-15)
    np.testing.assert_allclose(soft, np.logaddexp(xs, 0.0), rtol=1e-13)
    # every chart has alt text with its numbers, and each group its CSV
    alts = alt_texts(at)
    assert "lse((x, y), λ = 1)" in alts["explore_lse"]
    assert "0.693147" in alts["explore_gap"]
    # the log scale's ends as the gaps they stand for, not as 1e-0.9 and 1e-0.2
    assert "on a log colour scale from 0.13 to 0.69:" in alts["explore_gap"]
    assert all(alts.values())
    buttons = at.get("download_button")
    assert [b.key for b in buttons] == [f"{key}_csv" for key in (*EXPLORE, SLICE)]
    assert {b.label for b in buttons} == {"Download the chart's numbers (CSV)"}
    assert not warnings(at)


@pytest.mark.parametrize("lam", [100.0, 1000.0])
def test_large_lambda_shows_the_diagonal_and_the_underflow(lam: float) -> None:
    at = run_page(lam=f"{lam:g}")
    shown = charts(at)
    gap_axis, z_gap = grid(shown["explore_gap"])
    top = math.log10(LOG2 / lam)
    np.testing.assert_allclose(np.diag(z_gap), top, rtol=F32)
    assert shown["explore_gap"]["layout"]["coloraxis"]["cmax"] == pytest.approx(top)
    assert shown["explore_gap"]["data"][1]["line"]["color"] == "rgb(253, 231, 37)"
    found = metrics(at)
    assert found["Gap on the whole diagonal x = y"] == f"{LOG2 / lam:.6g}"
    corner = math.log1p(math.exp(-2 * lam)) / lam
    expected_corner = f"{corner:.6g}" if corner else "0 (underflow)"
    assert found["Smallest gap, at the corner (−1, 1)"] == expected_corner
    rounded, total = (int(n) for n in found["Grid points where lse rounds to max"].split(" of "))
    assert total == 40401
    assert 10_000 < rounded < total  # most points: lse = max as floats
    captions = " ".join(c.value for c in at.caption)
    if lam == 1000:
        # 1000·|x − y| > 701.49 (the gap below 2.2e-308): |i − j| ≥ 71 on the 0.01 grid
        assert "Grey: 17030 grid points where the gap is below 2.2e-308" in captions
        assert np.isnan(z_gap).sum() == 65 * 66  # on the heatmap's 101 × 101 cells
    else:
        assert "Grey" not in captions
        np.testing.assert_allclose(z_gap, reference_log_gap(gap_axis, lam), rtol=1e-6)
    text = " ".join(m.value for m in at.markdown)
    assert f"At {rounded} grid points lse, as a floating-point number, equals max" in text
    # the alt text names the colour scale's ends as plain numbers: the smallest gap drawn
    # (λ = 100: at the corners, 1.4e-89; λ = 1000: just above 2.2e-308) up to log(2)/λ
    bottom = corner if lam == 100 else 10 ** np.nanmin(z_gap.astype(np.float64))
    ends = f"on a log colour scale from {bottom:.2g} to {LOG2 / lam:.2g}:"
    assert ends in alt_texts(at)["explore_gap"], alt_texts(at)["explore_gap"]


def test_a_band_narrower_than_the_drawn_cells_is_said_and_the_bar_stays_readable() -> None:
    """λ = 1000 on [−100, 100]² at 801 points a side: the gap is coloured only within 0.7 of
    the diagonal (|i − j| ≤ 2 on the 0.25 grid), the heatmap draws 101 × 101 cells 2 apart,
    so it showed the diagonal alone while its key counted the others as coloured; and its
    one-decade colour bar had two labels that plotly turned."""
    at = run_page(lam="1000", extent="100", res="801")
    captions = " ".join(c.value for c in at.caption)
    assert "Grey: 637602 grid points where the gap is below 2.2e-308" in captions
    assert (
        "The other 3198 coloured grid points lie within 0.7 of the diagonal, closer than the "
        "drawn cells (2 apart): only the diagonal's line shows them." in captions
    )
    bar = charts(at)["explore_gap"]["layout"]["coloraxis"]["colorbar"]
    assert bar["ticktext"] == ["0.0005"]
    # where the drawn cells show the band (the default grid) nothing more is said
    at = run_page(lam="1000")
    assert "closer than the drawn cells" not in " ".join(c.value for c in at.caption)


def test_the_gap_explanation_describes_the_fall_the_picture_shows() -> None:
    """At λ = 0.01 the gap only goes from 69.3 to 68.3 across [−1, 1]² (|λ|·|x − y| ≤ 0.02):
    the explanation said it "falls off exponentially", which the one-colour picture does not
    show. It says what this grid shows, and keeps the slope where there is one."""
    text = " ".join(m.value for m in run_page(lam="0.01").markdown)
    assert "falls off exponentially once |λ|·|x − y| is a few units" in text
    assert (
        "the gap only goes from 69.3147 on the diagonal to 68.3197 at the corners (the colour "
        "scale spans just that range)" in text
    )
    # the default λ = 1 (the gap falls 5.5-fold to the corners) and λ = 10 keep the slope
    for lam in ("1", "10"):
        text = " ".join(m.value for m in run_page(lam=lam).markdown)
        assert "falls off exponentially with the distance |x − y|: a straight slope" in text
        assert "the gap only goes from" not in text


def test_query_lam_10_reaches_the_charts() -> None:
    at = run_page(lam="10")
    assert at.select_slider(key="lam").value == 10.0
    shown = charts(at)
    axis, z_lse = grid(shown["explore_lse"])
    np.testing.assert_allclose(z_lse, reference_lse(axis, 10.0), rtol=2 * F32, atol=1e-7)
    assert z_lse.max() == pytest.approx(1 + LOG2 / 10, rel=F32)
    assert shown["explore_lse"]["layout"]["title"]["text"] == "lse((x, y), λ = 10)"
    assert metrics(at)["Largest possible gap, log(2)/λ"] == "0.0693147"
    corner = math.log1p(math.exp(-20)) / 10
    assert metrics(at)["Smallest gap, at the corner (−1, 1)"] == f"{corner:.6g}"
    assert not warnings(at)


@pytest.mark.parametrize("query", [{"lam": "10", "neg": "true"}, {"lam": "-10"}])
def test_negative_lambda_shows_min(query: dict[str, str]) -> None:
    at = run_page(**query, slice="true")
    assert at.toggle(key="neg").value is True
    shown = charts(at)
    hard_axis, z_min = grid(shown["explore_hard"])
    x, y = np.meshgrid(hard_axis, hard_axis)
    np.testing.assert_array_equal(z_min, np.minimum(x, y).astype(np.float32))
    axis, z_lse = grid(shown["explore_lse"])
    np.testing.assert_allclose(z_lse, reference_lse(axis, -10.0), rtol=2 * F32, atol=1e-7)
    assert z_lse.min() == pytest.approx(-1 - LOG2 / 10, rel=F32)
    gap_axis, z_gap = grid(shown["explore_gap"])
    np.testing.assert_allclose(z_gap, reference_log_gap(gap_axis, -10.0), rtol=1e-6)
    titles = [shown[key]["layout"]["title"]["text"] for key in EXPLORE[:3]]
    assert titles == ["lse((x, y), λ = −10)", "min(x, y)", "gap min − lse, λ = −10"]
    found = metrics(at)
    assert found["Gap on the whole diagonal x = y"] == "0.0693147"
    assert found["Largest possible gap, log(2)/|λ|"] == "0.0693147"
    assert "Grid points where lse rounds to min" in found
    slice_names = [t["name"] for t in shown["slice_chart"]["data"]]
    assert slice_names == ["lse", "min", "min − log(2)/|λ|"]


def flat_colour_notes(at: AppTest) -> list[str]:
    """The captions saying the gaps share nearly one colour on the fixed scale."""
    return [c.value for c in at.caption if "nearly one colour" in c.value]


def test_fixed_gap_scale() -> None:
    at = run_page(lam="1000", fixgap="true")
    assert at.toggle(key="fixgap").value is True
    coloraxis = charts(at)["explore_gap"]["layout"]["coloraxis"]
    assert (coloraxis["cmin"], coloraxis["cmax"]) == pytest.approx(FIXED_LOG_RANGE)
    assert not flat_colour_notes(at)  # at λ = 1000 the gaps fill the scale
    at.select_slider(key="lam").set_value(1.0).run(timeout=30)
    coloraxis = charts(at)["explore_gap"]["layout"]["coloraxis"]
    assert (coloraxis["cmin"], coloraxis["cmax"]) == pytest.approx(FIXED_LOG_RANGE)
    # at λ = 1 the gaps, log(1 + e^(−|x − y|)) from log(1 + e^−2) = 0.127 on the default
    # grid's corners up to log 2 = 0.69, fill under one of the scale's 309 powers of ten: the
    # panel is one flat colour, and the page says why instead of letting it read as "no gap"
    (note,) = flat_colour_notes(at)
    assert note.startswith(
        "On the fixed scale the gaps at this λ, from 0.13 to 0.69, take up less than one of "
        "its 309 powers of ten"
    )
    at.toggle(key="fixgap").set_value(False).run(timeout=30)
    coloraxis = charts(at)["explore_gap"]["layout"]["coloraxis"]
    assert coloraxis["cmax"] == pytest.approx(math.log10(LOG2))
    assert coloraxis["cmin"] == pytest.approx(math.log10(math.log1p(math.exp(-2))), rel=1e-6)
    assert not flat_colour_notes(at)  # the fitted scale spreads the colours


def test_every_control_changed_once() -> None:
    # Order matters only for AppTest: in a browser the frontend writes every widget change to
    # the URL, AppTest does not, so y is moved before extent remounts its slider (Streamlit then
    # restores y's old value into the backend's copy of the URL).
    at = run_page(slice="true")
    at.select_slider(key="lam").set_value(100.0).run(timeout=30)
    _, z_lse = grid(charts(at)["explore_lse"])
    assert z_lse.max() == pytest.approx(1 + LOG2 / 100, rel=F32)

    at.toggle(key="neg").set_value(True).run(timeout=30)
    _, z_lse = grid(charts(at)["explore_lse"])
    assert z_lse.min() == pytest.approx(-1 - LOG2 / 100, rel=F32)
    assert charts(at)["explore_hard"]["layout"]["title"]["text"] == "min(x, y)"

    at.slider(key="y").set_value(0.5).run(timeout=30)
    slice_spec = charts(at)["slice_chart"]
    xs = slice_x(slice_spec)
    np.testing.assert_allclose(array(slice_spec["data"][1]["y"]), np.minimum(xs, 0.5), atol=1e-15)
    np.testing.assert_allclose(
        array(slice_spec["data"][0]["y"]), -np.logaddexp(-100 * xs, -50.0) / 100, rtol=1e-13
    )

    at.slider(key="res").set_value(101).run(timeout=30)
    axis, z_lse = grid(charts(at)["explore_lse"])
    assert z_lse.shape == (101, 101)
    np.testing.assert_allclose(z_lse, reference_lse(axis, -100.0), rtol=2 * F32, atol=1e-7)
    assert array(charts(at)["slice_chart"]["data"][0]["y"]).size == 101
    assert metrics(at)["Grid points where lse rounds to min"].endswith(" of 10201")

    at.select_slider(key="extent").set_value(2.0).run(timeout=30)
    axis, _ = grid(charts(at)["explore_lse"])
    _, z_min = grid(charts(at)["explore_hard"])
    assert (axis[0], axis[-1]) == (-2.0, 2.0)
    assert z_min.min() == -2.0
    assert at.slider(key="y").value == 0.5  # still inside [−2, 2]

    at.button_group(key="view").set_value("sheet").run(timeout=30)
    assert not at.exception
    with pytest.raises(KeyError):
        at.select_slider(key="lam")  # λ does nothing in the sheet view: no control
    shown = charts(at)
    assert len(shown) == 9
    for lam in ("1", "10", "100"):
        _, z = grid(shown[f"sheet_{lam}_lse"])
        assert z.shape == (101, 101)  # the page's extent and resolution carry over
        assert z.max() == pytest.approx(2 + LOG2 / float(lam), rel=F32)

    at.button_group(key="view").set_value("explore").run(timeout=30)
    assert at.select_slider(key="lam").value == 100.0  # λ kept while the sheet was shown
    assert at.toggle(key="neg").value is True


def test_sheet_view_from_url() -> None:
    at = run_page(view="sheet", res="101")
    shown = charts(at)
    assert list(shown) == [
        f"sheet_{lam}_{p}" for lam in (1, 10, 100) for p in ("lse", "hard", "gap")
    ]
    titles = [spec["layout"]["title"]["text"] for spec in shown.values()]
    assert titles[::3] == ["lse((x, y), λ = 1)", "lse((x, y), λ = 10)", "lse((x, y), λ = 100)"]
    assert set(titles[1::3]) == {"max(x, y)"}
    # one colour scale for every lse and max panel; each gap on a log scale fitted to its λ,
    # from the corner's gap log(1 + e^(−2λ))/λ to the diagonal's log(2)/λ, so that the λ = 1
    # row, whose gaps span less than one power of ten, is not one flat colour
    scales = {colour_scale(shown[k]) for k in shown if not k.endswith("gap")}
    assert len(scales) == 1
    assert "All lse and max panels share one colour scale" in at.caption[0].value
    assert len({json.dumps(shown[f"sheet_{lam}_hard"]) for lam in (1, 10, 100)}) == 1
    for lam in (1.0, 10.0, 100.0):
        gap_scale = shown[f"sheet_{lam:g}_gap"]["layout"]["coloraxis"]
        assert gap_scale["cmax"] == pytest.approx(math.log10(LOG2 / lam))
        corner = math.log1p(math.exp(-2 * lam)) / lam
        assert gap_scale["cmin"] == pytest.approx(math.log10(corner), rel=1e-6)
    assert at.toggle(key="fixgap").value is False
    assert not any("nearly one colour" in c.value for c in at.caption)
    for lam in (1.0, 10.0, 100.0):
        axis, z = grid(shown[f"sheet_{lam:g}_lse"])
        np.testing.assert_allclose(z, reference_lse(axis, lam), rtol=2 * F32, atol=1e-7)
        gap_axis, z_gap = grid(shown[f"sheet_{lam:g}_gap"])
        np.testing.assert_allclose(z_gap, reference_log_gap(gap_axis, lam), rtol=1e-6)
    table = at.dataframe[0].value
    np.testing.assert_allclose(table["log(2)/λ"], [LOG2, LOG2 / 10, LOG2 / 100])
    np.testing.assert_allclose(table["gap on the diagonal"], [LOG2, LOG2 / 10, LOG2 / 100])
    corners = [math.log1p(math.exp(-2 * lam)) / lam for lam in (1, 10, 100)]
    np.testing.assert_allclose(table["gap at the corners"], corners, rtol=1e-12)
    assert len(at.latex) >= 2


def test_sheet_view_on_the_fixed_gap_scale_names_its_flat_rows() -> None:
    """With the switch on, the three gap panels share the explore view's fixed scale, so the
    rows compare colour for colour, and a row that comes out in one colour is said to."""
    at = run_page(view="sheet", res="101", fixgap="true")
    shown = charts(at)
    gap_scales = {
        (shown[k]["layout"]["coloraxis"]["cmin"], shown[k]["layout"]["coloraxis"]["cmax"])
        for k in shown
        if k.endswith("gap")
    }
    assert gap_scales == {FIXED_LOG_RANGE}
    flat = [c.value for c in at.caption if "nearly one colour" in c.value]
    assert len(flat) == 2  # λ = 1 (0.13 to 0.69) and λ = 10 (2.1e-10 to 0.069)
    assert "from 0.13 to 0.69" in flat[0]
    assert "turn it off to see how the gap varies across the grid at each λ" in flat[0]
    at.toggle(key="fixgap").set_value(False).run(timeout=30)
    assert not any("nearly one colour" in c.value for c in at.caption)
    # a bad value in a link gets its note in the sheet view too, where the switch now is
    at = run_page(view="sheet", res="51", fixgap="maybe")
    assert "URL parameter `fixgap`=`maybe` is not true or false; ignored." in warnings(at)
    assert at.toggle(key="fixgap").value is False
    gap_top = charts(at)["sheet_1_gap"]["layout"]["coloraxis"]["cmax"]
    assert gap_top == pytest.approx(math.log10(LOG2))


def test_url_sets_extent_res_and_y() -> None:
    at = run_page(extent="5", res="51", y="2.5", lam="0.01", slice="true")
    shown = charts(at)
    axis, z_lse = grid(shown["explore_lse"])
    assert z_lse.shape == (51, 51)
    assert (axis[0], axis[-1]) == (-5.0, 5.0)
    # λ = 0.01: the gap is nearly log(2)/λ ≈ 69.3 everywhere on this small grid
    _, z_gap = grid(shown["explore_gap"])
    assert 10 ** np.nanmax(z_gap) == pytest.approx(100 * LOG2, rel=1e-6)
    assert 10 ** np.nanmin(z_gap) > 100 * LOG2 - 5.0
    assert shown["slice_chart"]["layout"]["title"]["text"] == "Slice at y = 2.5, λ = 0.01"
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
        at = run_page(extent=extent, res="51", slice="true")
        at.slider(key="y").set_value(y).run(timeout=30)
    else:
        at = run_page(extent=extent, res="51", y=f"{y:g}", slice="true")
    assert at.slider(key="y").value == y
    at.select_slider(key="extent").set_value(new_extent).run(timeout=30)
    assert not at.exception
    assert at.slider(key="y").value == expected
    slice_spec = charts(at)["slice_chart"]
    shown_y = f"{expected:g}".replace("-", "\N{MINUS SIGN}")  # a true minus sign
    assert slice_spec["layout"]["title"]["text"] == f"Slice at y = {shown_y}, λ = 1"
    xs = slice_x(slice_spec)
    assert (xs[0], xs[-1]) == pytest.approx((-new_extent, new_extent))
    np.testing.assert_allclose(array(slice_spec["data"][1]["y"]), np.maximum(xs, expected))
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
    keys = ("lam", "res", "extent", "y", "neg", "view", "fixgap", "slice")
    return cases + [(key, raw) for key in keys for raw in TEXT_HOSTILE]


@pytest.mark.parametrize(("key", "raw"), hostile_cases())
def test_hostile_query_values(key: str, raw: str) -> None:
    # a small grid keeps the many runs quick; it is a valid value and adds no note
    query = {key: raw} if key == "res" else {key: raw, "res": "51"}
    if key == "y":
        query["slice"] = "true"  # y is read while the slice, its control, is on screen
    at = run_page(**query)
    # page still renders, with its charts
    assert tuple(charts(at)) == ((*EXPLORE, SLICE) if key == "y" else EXPLORE)
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
    _, z_lse = grid(charts(at)["explore_lse"])
    _, z_gap = grid(charts(at)["explore_gap"])
    assert np.isfinite(z_lse).all()
    assert np.isfinite(z_gap).any()


def test_clamped_values_are_used() -> None:
    at = run_page(res="1000000000", lam="1e999", extent="0.01", y="-7", slice="true")
    assert at.slider(key="res").value == 801
    assert at.select_slider(key="lam").value == 1000.0
    assert at.select_slider(key="extent").value == 0.1
    assert at.slider(key="y").value == -0.1
    shown = charts(at)
    axis, _ = grid(shown["explore_lse"])
    # 801 points per axis: the lse panel draws every 4th (201), the gap every 8th (101)
    np.testing.assert_array_equal(axis, decimal_axis(0.1, 801)[::4])
    assert grid(shown["explore_gap"])[1].shape == (101, 101)
    assert 10 ** np.nanmax(grid(shown["explore_gap"])[1]) == pytest.approx(LOG2 / 1000, 1e-6)
    assert metrics(at)["Grid points where lse rounds to max"].endswith(" of 641601")
    assert "drawn from 201 × 201 of the 801 × 801 grid points" in " ".join(
        c.value for c in at.caption
    )
    assert len(warnings(at)) == 4
    slice_spec = shown["slice_chart"]
    np.testing.assert_allclose(
        array(slice_spec["data"][1]["y"]), np.maximum(slice_x(slice_spec), -0.1), atol=1e-15
    )


def test_the_slice_is_drawn_only_while_its_section_is_open() -> None:
    # closed by default: a λ step redraws the three panels only
    at = run_page()
    assert tuple(charts(at)) == EXPLORE
    gap, section, why = at.expander
    assert gap.label == GAP_EXPLANATION_LABEL  # closed: it answers sheet question (b)
    assert section.label.startswith("A slice at fixed y")
    assert why.label == "Where lse goes as λ → ∞, and why (sheet question d)"  # closed
    # the link opens it, and it draws lse at the link's y: log(e^x + e^0.5) at λ = 1
    at = run_page(slice="true", y="0.5")
    spec = charts(at)[SLICE]
    xs = slice_x(spec)
    np.testing.assert_allclose(array(spec["data"][0]["y"]), np.logaddexp(xs, 0.5), rtol=1e-13)
    assert spec["layout"]["title"]["text"] == "Slice at y = 0.5, λ = 1"


def test_the_diagonal_agreement_says_exactly_when_the_spread_is_zero() -> None:
    assert diagonal_agreement(201, 0.0) == "it is exactly that at all 201 grid points on it"
    assert diagonal_agreement(51, 1.1102230246251565e-16) == (
        "all 51 grid points on it agree to within 1.1e-16"
    )


def test_readout_docstring_examples_run() -> None:
    import doctest

    from softlse_app.lse_vs_max import readouts

    failures, tried = doctest.testmod(readouts, raise_on_error=False)
    assert tried > 0
    assert failures == 0


def test_max_panel_does_not_change_with_lambda() -> None:
    """max does not depend on λ: its panel is the same figure at every λ of one sign, and its
    alt text says so; min's likewise for every negative λ."""
    pictures = {}
    for lam in ("0.01", "0.1", "1", "10", "1000"):
        at = run_page(lam=lam)
        pictures[lam] = charts(at)["explore_hard"]
        assert "that no λ changes" in alt_texts(at)["explore_hard"]
    assert len({json.dumps(p) for p in pictures.values()}) == 1
    contours = pictures["1"]["data"][0]["contours"]
    assert (contours["start"], contours["end"], contours["size"]) == (-1.0, 1.8, 0.2)
    mins = {json.dumps(charts(run_page(lam=lam, neg="true"))["explore_hard"]) for lam in "15"}
    assert len(mins) == 1


@pytest.mark.parametrize(
    ("query", "start"),
    [
        (
            {"lam": "0.01"},
            "lse lies between 68.3 and 70.3 here, above every value of max (−1 to 1)",
        ),
        (
            {"lam": "0.01", "neg": "true"},
            "lse lies between −70.3 and −68.3 here, below every value of min (−1 to 1)",
        ),
        (
            {"lam": "1", "extent": "0.5"},
            "lse lies between 0.193 and 1.19 here, partly above the values of max (−0.5 to 0.5)",
        ),
    ],
)
def test_lse_far_from_max_gets_its_own_scale_and_says_so(query: dict, start: str) -> None:
    """At λ = 0.01 lse lies between 68.3 and 70.3, above every value of max: on one scale both
    panels would be flat blocks. lse gets a colour range of its own, on max's spacing, and a
    caption says where lse lies and that the colours do not compare."""
    at = run_page(**query)
    (note,) = [c.value for c in at.caption if c.value.startswith("lse lies between")]
    assert note.startswith(start)
    assert "the lse panel has a colour scale of its own" in note
    shown = charts(at)
    lse, hard = (shown[k]["data"][0]["contours"] for k in ("explore_lse", "explore_hard"))
    assert lse["size"] == hard["size"]  # contour lines on the same spacing
    _, z = grid(shown["explore_lse"])
    assert lse["start"] <= z.min() < z.max() <= lse["end"]
    assert (lse["end"] - lse["start"]) / lse["size"] <= 12  # about ten bands, not two
    low, high = note.removeprefix("lse lies between ").split(" here")[0].split(" and ")
    assert bar_title(shown["explore_lse"]) == f"lse, on its own scale: {low} to {high}"
    assert "on a colour scale of its own" in alt_texts(at)["explore_lse"]
    assert "the lse panel has its own" in alt_texts(at)["explore_hard"]
    # no note where lse shares max's scale
    for lam in ("1", "1000"):
        assert not [c.value for c in run_page(lam=lam).caption if "lse lies between" in c.value]


def test_sheet_view_on_a_small_extent_names_the_row_with_its_own_scale() -> None:
    """On [−0.1, 0.1]² lse at λ = 1 (0.59 … 0.79) lies above every value of max: that row's
    lse has its own scale, and the sheet's caption and the row's note say so."""
    at = run_page(view="sheet", extent="0.1", res="51")
    captions = [c.value for c in at.caption]
    assert "but those of λ = 1, which lie too far above max" in captions[0]
    (note,) = [c for c in captions if c.startswith("lse lies between")]
    assert note.startswith("lse lies between 0.593 and 0.793 here, above every value of max")
    shown = charts(at)
    assert bar_title(shown["sheet_1_lse"]) == "lse, on its own scale: 0.593 to 0.793"
    assert colour_scale(shown["sheet_10_lse"]) == colour_scale(shown["sheet_10_hard"])
