"""AppTest of the "Softmax and one-hot" page: the numbers in its figures and its URL state."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from markdown_tables import tables
from plotly_arrays import array as decode
from scipy.special import expit
from scipy.special import softmax as scipy_softmax
from streamlit.testing.v1 import AppTest

from softlse_app.common.number_format import UNDERFLOW_NOTE, UNDERFLOW_TEXT
from softlse_app.softmax_grid.fields import gradient_check
from softlse_core import softmax

PAGE_FILE = str(Path(__file__).resolve().parent.parent / "pages" / "softmax_grid.py")
HOSTILE = [
    "abc",
    "0",
    "nan",
    "1e999",
    "-1e999",
    "x" * 400,
    "<script>alert(1)</script>",
    "1000000000",
]


def run_page(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE_FILE, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=60)
    assert not at.exception, at.exception
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """The figure JSON of every chart on the page, in page order."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def grid_panels(at: AppTest) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Column titles, the 1-D axis and the (C, 2, res, res) values of the grid: one chart per
    λ and the one-hot chart, each with σ₁ above σ₂; a column's title is what its traces are
    named after (``σ₁, λ = 10``)."""
    grid = [spec for spec in chart_specs(at) if spec["data"][0]["type"] == "heatmap"]
    axis = decode(grid[0]["data"][0]["x"])
    titles, values = [], []
    for spec in grid:
        sigma1, sigma2 = (t for t in spec["data"] if t["type"] == "heatmap")
        assert sigma1["name"].startswith("σ₁, ")
        assert sigma2["name"] == "σ₂, " + sigma1["name"].removeprefix("σ₁, ")
        titles.append(sigma1["name"].removeprefix("σ₁, "))
        np.testing.assert_array_equal(decode(sigma1["x"]), axis)
        values.append([decode(sigma1["z"]), decode(sigma2["z"])])
    return titles, axis, np.array(values)


def field_spec(at: AppTest) -> dict:
    """The gradient-field chart's figure JSON."""
    (spec,) = [s for s in chart_specs(at) if s["data"][0]["type"] == "contour"]
    return spec


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_defaults_reproduce_the_sheet_grid_done_right():
    at = run_page()
    titles, axis, values = grid_panels(at)
    assert titles == [
        "λ = 1",
        "λ = 10",
        "λ = 100",
        "one-hot argmax (ties: split)",
    ]
    assert values.shape == (4, 2, 101, 101)
    assert axis[0] == -1.0
    assert axis[-1] == 1.0
    assert np.all(values >= 0.0)
    assert np.all(values <= 1.0)
    np.testing.assert_allclose(values[:, 0] + values[:, 1], 1.0, atol=1e-6)
    # λ = 1, (x, y) = (1, −1): column j = last (x = 1), row i = 0 (y = −1, bottom)
    assert values[0, 0, 0, -1] == pytest.approx(1 / (1 + math.exp(-2)), abs=1e-7)
    x, y = np.meshgrid(axis, axis)
    for column, lam in enumerate((1.0, 10.0, 100.0)):
        np.testing.assert_allclose(values[column, 0], expit(lam * (x - y)), atol=1e-6)
    onehot = values[-1]
    diagonal = np.eye(101, dtype=bool)
    assert set(np.unique(onehot[:, ~diagonal])) == {0.0, 1.0}
    assert np.all(onehot[:, diagonal] == 0.5)
    np.testing.assert_array_equal(onehot[0][~diagonal], (x > y)[~diagonal])
    assert warnings(at) == []
    formulas = " ".join(element.value for element in at.latex)
    assert r"\frac{1}{1+e^{-\lambda(x-y)}}" in formulas  # the logistic reading
    assert r"= \operatorname{softmax}(\sigma,\lambda)_i" in formulas  # the sheet's derivation


def test_first_tie_rule_puts_the_diagonal_on_sigma1():
    at = run_page(ties="first", res="41")
    titles, _axis, values = grid_panels(at)
    assert titles[-1] == "one-hot argmax (ties: first)"
    diagonal = np.eye(41, dtype=bool)
    assert set(np.unique(values[-1])) == {0.0, 1.0}
    assert np.all(values[-1, 0][diagonal] == 1.0)
    assert np.all(values[-1, 1][diagonal] == 0.0)


def test_lams_query_gives_those_columns_and_negative_is_soft_min():
    at = run_page(lams="0.5,2,50", res="41", extent="2")
    titles, axis, values = grid_panels(at)
    assert titles == ["λ = 0.5", "λ = 2", "λ = 50", "one-hot argmax (ties: split)"]
    assert axis[-1] == 2.0
    x, y = np.meshgrid(axis, axis)
    for column, lam in enumerate((0.5, 2.0, 50.0)):
        np.testing.assert_allclose(values[column, 0], expit(lam * (x - y)), atol=1e-6)
    at = run_page(lams="-10", res="41")
    titles, axis, values = grid_panels(at)
    assert titles[0] == "λ = −10 (soft-min)"
    x, y = np.meshgrid(axis, axis)
    np.testing.assert_allclose(values[0, 0], expit(-10 * (x - y)), atol=1e-6)


def check_text(at: AppTest) -> dict[str, list[str]]:
    """The finite-difference check as a person reads it: one Markdown table per component
    (the page draws no ``st.table``, whose every cell is a component to redraw), each with
    the finite difference, softmax and their difference; the printed text of each, by row
    name, σ₁'s then σ₂'s."""
    assert not at.table
    first, second = tables(at)
    assert list(first.columns) == ["∂lse/∂x vs σ₁", "value"]
    assert list(second.columns) == ["∂lse/∂y vs σ₂", "value"]
    assert first.iloc[:, 0].tolist() == ["finite difference", "softmax σ₁", "difference"]
    assert second.iloc[:, 0].tolist() == ["finite difference", "softmax σ₂", "difference"]
    rows = zip(first["value"], second["value"], strict=True)
    return dict(zip(["finite difference", "softmax", "difference"], map(list, rows), strict=True))


def check_table(at: AppTest) -> dict[str, list[float]]:
    """:func:`check_text`'s numbers."""
    return {name: [float(v) for v in texts] for name, texts in check_text(at).items()}


def test_an_underflowed_share_reads_underflow_not_zero() -> None:
    # σ = (−1.5, 0.25) at λ = −1000: σ₂'s share is e^(−1750), positive, stored as 0
    at = run_page(res="41", glam="-1000", px="-1.5", py="0.25")
    table = check_text(at)
    assert table["softmax"] == ["1.0", UNDERFLOW_TEXT]
    assert table["finite difference"] == ["1.0", "0.0"]  # what the difference quotient gives
    (note,) = [c.value for c in at.caption if c.value.startswith(UNDERFLOW_NOTE)]
    assert "The finite difference above it is 0.0 as computed" in note
    at = run_page(res="41", glam="10", px="0.3", py="-0.2")
    assert UNDERFLOW_TEXT not in check_text(at)["softmax"]
    assert not [c.value for c in at.caption if c.value.startswith(UNDERFLOW_NOTE)]


def test_the_check_tables_align_their_numbers_on_the_left() -> None:
    # finite difference above softmax, place values lined up: 0.99330714907537 above
    # 0.9933071490757152 (right-aligned, the last digits would line up instead)
    at = run_page(res="41", glam="10", px="0.3", py="-0.2")
    alignments = [
        lines[1]
        for lines in (str(element.value).splitlines() for element in at.markdown)
        if lines and lines[0].startswith("| ∂lse")
    ]
    assert alignments == ["| :--- | :--- |"] * 2
    assert len(tables(at)) == 2


@pytest.mark.parametrize(
    ("params", "point", "lam"),
    [
        ({}, (0.5, 0.25), 1.0),
        ({"glam": "1000", "px": "0.3", "py": "0.3"}, (0.3, 0.3), 1000.0),
        ({"glam": "-10", "px": "-2", "py": "1.5"}, (-2.0, 1.5), -10.0),
    ],
)
def test_gradient_check_agrees_to_1e6(params, point, lam):
    at = run_page(res="41", **params)
    table = check_table(at)
    sigma1 = float(expit(lam * (point[0] - point[1])))
    np.testing.assert_allclose(table["softmax"], [sigma1, 1 - sigma1], atol=1e-12)
    fd = np.array(table["finite difference"])
    assert np.max(np.abs(fd - [sigma1, 1 - sigma1])) < 1e-6
    assert np.max(np.abs(table["difference"])) < 1e-6
    spec = field_spec(at)
    marked = [t for t in spec["data"] if t.get("name", "").startswith("checked point")]
    if max(abs(point[0]), abs(point[1])) <= 1.0:
        assert (marked[0]["x"], marked[0]["y"]) == ([point[0]], [point[1]])
    else:
        assert marked == []


def test_the_check_table_shows_every_digit_of_the_check():
    # the Markdown table keeps what st.table showed: both vectors at full precision (the
    # shortest text that reads back to the same double), the difference at 3 digits
    at = run_page(res="41", glam="10", px="0.3", py="-0.2")
    check = gradient_check(0.3, -0.2, 10.0)
    table = check_text(at)
    assert table["softmax"] == [repr(float(v)) for v in check.softmax]
    assert [float(t) for t in table["softmax"]] == [float(v) for v in softmax([0.3, -0.2], 10.0)]
    # against scipy: the softmax column to the last bit or two, the finite difference to its
    # truncation error (~1e-10)
    reference = scipy_softmax(10.0 * np.array([0.3, -0.2]))
    np.testing.assert_allclose([float(t) for t in table["softmax"]], reference, rtol=4e-16)
    np.testing.assert_allclose(
        [float(t) for t in table["finite difference"]], reference, rtol=0, atol=1e-9
    )
    assert [float(t) for t in table["finite difference"]] == list(check.finite_difference)
    # a zero difference reads 0.00e+00, never -0.00e+00
    assert table["difference"] == [f"{float(v) + 0.0:.2e}" for v in check.difference]
    (metric,) = at.metric
    assert metric.label == "largest |difference|"
    assert metric.value == f"{check.max_abs_difference:.2e}"


def test_every_control_changes_the_figures():
    at = run_page(res="41")
    at.text_input(key="lams").set_value("2, -3").run(timeout=60)
    at.slider(key="res").set_value(61).run(timeout=60)
    at.select_slider(key="extent").set_value(5.0).run(timeout=60)
    at.radio(key="ties").set_value("first").run(timeout=60)
    at.select_slider(key="glam").set_value(10.0).run(timeout=60)
    at.toggle(key="gneg").set_value(True).run(timeout=60)
    at.number_input(key="px").set_value(-1.0).run(timeout=60)
    at.number_input(key="py").set_value(2.0).run(timeout=60)
    assert not at.exception
    titles, axis, values = grid_panels(at)
    assert titles == ["λ = 2", "λ = −3 (soft-min)", "one-hot argmax (ties: first)"]
    assert axis.size == 61
    assert axis[-1] == 5.0
    x, y = np.meshgrid(axis, axis)
    np.testing.assert_allclose(values[1, 0], expit(-3 * (x - y)), atol=1e-6)
    spec = field_spec(at)
    assert spec["layout"]["title"]["text"] == "lse((x, y), λ = −10 (soft-min))"
    lse = decode(spec["data"][0]["z"])
    gx, gy = np.meshgrid(decode(spec["data"][0]["x"]), decode(spec["data"][0]["y"]))
    # lse((x, y), −10) = log(e^(−10x) + e^(−10y)) / (−10), a soft minimum
    np.testing.assert_allclose(lse, np.logaddexp(-10 * gx, -10 * gy) / -10, atol=1e-5)
    table = check_table(at)
    sigma1 = float(expit(-10 * (-1.0 - 2.0)))
    np.testing.assert_allclose(table["softmax"], [sigma1, 1 - sigma1], atol=1e-12)
    typed = at.text_input(key="lams").set_value("1, zz").run(timeout=60)
    assert any("`zz`" in note for note in warnings(typed))


def test_the_lambda_list_takes_the_minus_sign_the_page_prints():
    at = run_page(res="21")
    at.text_input(key="lams").set_value("\N{MINUS SIGN}7, 3").run(timeout=60)
    assert warnings(at) == []
    titles, _axis, _values = grid_panels(at)
    assert titles == ["λ = −7 (soft-min)", "λ = 3", "one-hot argmax (ties: split)"]
    at = run_page(res="21", lams="\N{MINUS SIGN}7,3")  # a link that carries it too
    assert warnings(at) == []
    titles, _axis, _values = grid_panels(at)
    assert titles == ["λ = −7 (soft-min)", "λ = 3", "one-hot argmax (ties: split)"]


def test_typed_lams_notes_name_the_lambda_list_not_the_url():
    at = run_page(res="21")
    at.text_input(key="lams").set_value("1, zz, 5000").run(timeout=60)
    assert warnings(at) == [
        "The λ list `1, zz, 5000`: left out `zz` (not a nonzero number); clamped `5000` into "
        "[0.01, 1000] in size; using 1, 1000."
    ]
    titles, _axis, _values = grid_panels(at)
    assert titles == ["λ = 1", "λ = 1000", "one-hot argmax (ties: split)"]
    at.text_input(key="lams").set_value("abc").run(timeout=60)
    assert warnings(at) == [
        "The λ list `abc` holds no usable value (expected up to 6 nonzero numbers, e.g. "
        "`1,10,100`); ignored. Showing 1, 10, 100."
    ]
    titles, _axis, _values = grid_panels(at)
    assert titles == ["λ = 1", "λ = 10", "λ = 100", "one-hot argmax (ties: split)"]
    at.text_input(key="lams").set_value("1,5 2,5").run(timeout=60)
    (note,) = warnings(at)
    assert "read `1,5` as two values, since a comma separates them" in note
    assert at.text_input(key="lams").value == "1,5 2,5"  # what was typed stays
    at.text_input(key="lams").set_value("").run(timeout=60)
    assert warnings(at)[0].startswith("The λ list is empty (expected up to 6")


def test_a_small_lambda_panel_comes_with_the_reason_it_is_one_colour():
    at = run_page(lams="0.01,10", res="21")
    notes = [c.value for c in at.caption if c.value.startswith("Nearly one colour")]
    assert len(notes) == 1
    assert "at λ = 0.01 from 0.495 to 0.505" in notes[0]
    assert "λ = 10" not in notes[0]
    at = run_page(res="21")  # the default λ 1, 10, 100: every panel shows its transition
    assert not [c.value for c in at.caption if c.value.startswith("Nearly one colour")]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_lams_never_crash_and_leave_a_note(value):
    at = run_page(lams=value, res="41")
    notes = warnings(at)
    assert any("lams" in note for note in notes), notes
    titles, _axis, values = grid_panels(at)
    assert 2 <= len(titles) <= 7
    assert np.all((values >= 0) & (values <= 1))
    assert all("<script>" not in note or "`<script>alert(1)</script>`" in note for note in notes)


@pytest.mark.parametrize(
    ("value", "expected_res"),
    [(v, r) for v, r in zip(HOSTILE, [101, 21, 101, 401, 21, 101, 101, 401], strict=True)],
)
def test_hostile_res_never_crash_and_leave_a_note(value, expected_res):
    at = run_page(res=value, lams="1")
    assert any("res" in note for note in warnings(at))
    _titles, axis, _values = grid_panels(at)
    assert axis.size == expected_res


def test_seven_lambdas_keep_six_and_other_hostile_params_are_noted():
    at = run_page(
        lams="1,2,3,4,5,6,7", res="41", extent="nan", ties="<script>", glam="0", px="1e999"
    )
    notes = " ".join(warnings(at))
    for key in ("lams", "extent", "ties", "glam", "px"):
        assert f"`{key}`" in notes
    titles, _axis, _values = grid_panels(at)
    assert len(titles) == 7
    assert at.number_input(key="px").value == 10.0
