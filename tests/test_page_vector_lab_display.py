"""AppTest tests of how the "vector lab" writes and draws its numbers: the digits of the tables
(numpy's print-out at 8 digits by default, full precision one choice away), every table
series in the bars,
signed zeros, each chart's text alternative and CSV button, and the vector taken back from
the URL when the URL changes under the page (Back and Forward in a browser)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from plotly_arrays import array as decode
from scipy.special import softmax as scipy_softmax
from streamlit.testing.v1 import AppTest
from vector_lab_apptest import (
    FULL,
    LSE,
    SHEET,
    SIMPLEX,
    STABILITY,
    SWEEP,
    chart_alt,
    column,
    column_text,
    figure,
    open_tab,
    readout_text,
    run_page,
    tables,
)

from softlse_app.common.number_format import UNDERFLOW_TEXT
from softlse_core import softmax as core_softmax

SOFTMAX = "softmax(σ, λ)"


@pytest.mark.parametrize("link", [{}, {"digits": "8"}], ids=["default", "digits=8"])
@pytest.mark.parametrize("text", list(SHEET))
def test_eight_digits_by_default_print_the_sheets_softmax(text: str, link: dict) -> None:
    at = run_page(v=text, **link)
    assert at.selectbox(key="digits").value == "8"
    assert f"[{' '.join(column_text(at, 0, SOFTMAX))}]" == SHEET[text]
    assert not at.warning


def test_the_default_table_shows_the_sheets_numbers_and_its_columns_read_alike() -> None:
    at = run_page()
    assert column_text(at, 0, SOFTMAX) == ["0.09003057", "0.24472847", "0.66524096"]
    # the σ columns in one notation: the integers of σ as 1.0, not "1" beside "1.0"
    assert column_text(at, 0, "σ") == ["1.0", "2.0", "3.0"]
    assert column_text(at, 0, "σ + c") == ["1.0", "2.0", "3.0"]
    # 8 digits are rounded: they do not read back to the doubles (full precision does)
    exact = core_softmax(np.array([1.0, 2.0, 3.0]))
    shown = [float(text) for text in column_text(at, 0, SOFTMAX)]
    assert all(np.asarray(shown) != exact)


def full_precision_reads_back(at: AppTest, sigma: list[float]) -> None:
    """The softmax column at full precision: each cell the shortest decimal (Python's repr)
    of the double the page computed, so it reads back to exactly that double."""
    exact = core_softmax(np.array(sigma))
    shown = column_text(at, 0, SOFTMAX)
    assert shown == [repr(float(value)) for value in exact]
    np.testing.assert_array_equal([float(text) for text in shown], exact)
    np.testing.assert_allclose([float(t) for t in shown], scipy_softmax(sigma), rtol=1e-15, atol=0)


def test_full_precision_is_one_choice_away_and_reads_back_the_same_doubles() -> None:
    at = run_page()
    box = at.selectbox(key="digits")
    assert box.options[0] == FULL  # at the top of the list
    box.set_value(FULL).run(timeout=30)
    assert at.selectbox(key="digits").value == FULL
    full_precision_reads_back(at, [1.0, 2.0, 3.0])
    assert column_text(at, 0, SOFTMAX)[0] == "0.09003057317038046"
    assert column_text(at, 0, "σ") == ["1.0", "2.0", "3.0"]
    at.selectbox(key="digits").set_value("8").run(timeout=30)  # and back
    assert column_text(at, 0, SOFTMAX) == ["0.09003057", "0.24472847", "0.66524096"]


def test_choosing_digits_rounds_every_table_and_is_kept_in_the_link() -> None:
    at = run_page(v="10, 20, 30", lam="100", section=LSE)
    assert readout_text(at, "upper bound of lse − max") == "0.01098612"  # by default, 8
    at.selectbox(key="digits").set_value(FULL).run(timeout=30)
    assert readout_text(at, "upper bound of lse − max") == repr(math.log(3) / 100)
    at.selectbox(key="digits").set_value("3").run(timeout=30)  # (the browser test reads ?digits=)
    assert readout_text(at, "upper bound of lse − max") == "0.011"  # log(3)/100 = 0.010986…
    assert readout_text(at, "lse(σ, λ)") == "30.0"
    open_tab(at, STABILITY)
    table = tables(at)[0]
    gone = UNDERFLOW_TEXT  # e^−2000 and e^−1000: positive, below float64's range
    assert list(table["stable (shift first)"]) == ["30.0", gone, gone, "1.0"]
    assert list(table["textbook (no shift)"]) == ["inf", "nan", "nan", "nan"]


def test_at_three_digits_the_softmax_columns_read_alike() -> None:
    # the walkthrough: softmax(σ, λ) in e-notation (it holds 2e-9) while softmax(a·σ, λ) beside
    # it was "0.09, 0.245, 0.665" — two notations, and 0.09 with one decimal fewer
    at = run_page(v="1, 2, 3", lam="10", a="0.1", c="5", digits="3")
    assert column_text(at, 0, SOFTMAX) == ["2.061e-09", "4.540e-05", "1.000e+00"]
    assert column_text(at, 0, "softmax(σ + c, λ)") == ["2.061e-09", "4.540e-05", "1.000e+00"]
    flat = ["9.003e-02", "2.447e-01", "6.652e-01"]  # softmax of (1, 2, 3) at λ = 1
    assert column_text(at, 0, "softmax(a·σ, λ)") == flat
    assert column_text(at, 0, "softmax(σ, a·λ)") == flat
    assert column_text(at, 0, "σ + c") == ["6.0", "7.0", "8.0"]
    assert column_text(at, 0, "a·σ") == ["0.1", "0.2", "0.3"]
    at = run_page(v="1, 2, 3", a="0.5", digits="3")  # no tiny entry: decimals, aligned
    assert column_text(at, 0, SOFTMAX) == ["0.090", "0.245", "0.665"]
    assert column_text(at, 0, "softmax(a·σ, λ)") == ["0.186", "0.307", "0.506"]


@pytest.mark.parametrize(
    ("raw", "shown", "note"),
    [
        ("99", "17", "outside [1, 17]"),
        ("0", "1", "outside [1, 17]"),
        ("2.6", "3", "not on the grid"),
        ("abc", "8", "abc"),
    ],
)
def test_digits_in_a_link_are_clamped_or_ignored_with_a_note(
    raw: str, shown: str, note: str
) -> None:
    at = run_page(digits=raw)
    assert at.selectbox(key="digits").value == shown
    assert any("`digits`" in w.value and note in w.value for w in at.warning)
    assert len(tables(at)) == 1


@pytest.mark.parametrize(
    "raw", ["<script>alert(1)</script>", "nan", "full precision!", "**8**", "x" * 400, ""]
)
def test_a_hostile_digits_value_gets_a_note_and_eight_digits(raw: str) -> None:
    at = run_page(digits=raw)
    assert at.selectbox(key="digits").value == "8"
    (note,) = [w.value for w in at.warning]
    assert "`digits`" in note
    assert "is not full or a number; ignored." in note
    assert column_text(at, 0, SOFTMAX) == ["0.09003057", "0.24472847", "0.66524096"]


def test_bars_show_every_softmax_column_of_the_table() -> None:
    at = run_page(v="1, 2, 3", lam="2", c="5", a="3", digits=FULL)  # bars = table, exactly
    bars = {trace["name"]: decode(trace["y"]) for trace in figure(at, 0)["data"]}
    names = {
        "softmax(σ, λ)": "softmax(σ, λ=2)",
        "softmax(σ + c, λ)": "softmax(σ + 5, λ)",
        "softmax(a·σ, λ)": "softmax(3·σ, λ)",
        "softmax(σ, a·λ)": "softmax(σ, 3·λ)",
    }
    assert list(bars) == list(names.values())
    for table_name, bar_name in names.items():
        np.testing.assert_array_equal(bars[bar_name], column(at, 0, table_name))
    np.testing.assert_allclose(bars["softmax(σ, 3·λ)"], scipy_softmax([6.0, 12, 18]), rtol=1e-12)


def test_minus_zero_reads_as_zero() -> None:
    at = run_page(a="-0", c="-0")
    verdicts = " ".join(s.value for s in at.success)
    assert "Scale a = 0:" in verdicts
    assert "Offset c = 0:" in verdicts
    assert "-0" not in verdicts
    assert "a·λ = 0" in verdicts
    names = [trace["name"] for trace in figure(at, 0)["data"]]
    assert "softmax(0·σ, λ)" in names
    assert column_text(at, 0, "a·σ") == ["0.0", "0.0", "0.0"]


@pytest.mark.parametrize(
    ("section", "key", "words"),
    [
        ("Offset and scale", "bars", ["Grouped bar chart of 3 components", "σ3", "0.999955"]),
        (SWEEP, "sweep", ["Line chart", "1/n = 0.333", "goes to σ3", "λ = 10"]),
        (SIMPLEX, "simplex", ["Triangle", "towards the corner p3", "λ = 10", "0.999955"]),
    ],
)
def test_every_chart_has_alt_text_and_a_csv_button(
    section: str, key: str, words: list[str]
) -> None:
    at = run_page(v="1, 2, 3", lam="10", section=section)
    alt = chart_alt(at, 0)
    for word in words:
        assert word in alt, (word, alt)
    (button,) = at.get("download_button")
    assert button.proto.id.endswith(f"-{key}_csv")
    assert button.proto.label == "Download the chart's numbers (CSV)"
    assert button.proto.ignore_rerun  # pressing it downloads, it does not rerun the page


def test_back_and_forward_restore_the_vector_of_the_link() -> None:
    at = run_page()
    for text in ("4, 5, 6", "7, 8, 9"):
        at.text_input(key="v").input(text).run(timeout=30)
        assert at.query_params["v"] == text
    # Back: the browser reruns the page with the previous entry's query string
    at.query_params["v"] = "4, 5, 6"
    at.run(timeout=30)
    assert at.text_input(key="v").value == "4, 5, 6"
    assert column(at, 0, "σ").tolist() == [4.0, 5.0, 6.0]
    # Back to the first entry, which has no ?v=: the default vector
    del at.query_params["v"]
    at.run(timeout=30)
    assert at.text_input(key="v").value == "1, 2, 3"
    assert column(at, 0, "σ").tolist() == [1.0, 2.0, 3.0]
    assert "v" not in at.query_params
    # Forward again
    at.query_params["v"] = "4, 5, 6"
    at.run(timeout=30)
    assert at.text_input(key="v").value == "4, 5, 6"


def test_text_typed_while_the_link_changed_is_kept() -> None:
    at = run_page(v="4, 5, 6")
    at.text_input(key="v").input("2, 2")
    at.query_params["v"] = "7, 8"  # a stale or navigated link arriving with the new text
    at.run(timeout=30)
    assert at.text_input(key="v").value == "2, 2"
    assert at.query_params["v"] == "2, 2"
    assert column(at, 0, "σ").tolist() == [2.0, 2.0]


@pytest.mark.parametrize("raw", ["full", "FULL", "full precision", "Full  Precision"])
def test_full_precision_in_a_link_is_read_silently(raw: str) -> None:
    at = run_page(digits=raw, v="10, 20, 30")
    assert at.selectbox(key="digits").value == "full precision"
    assert not at.warning
    full_precision_reads_back(at, [10.0, 20.0, 30.0])
    assert column_text(at, 0, SOFTMAX)[0] == "2.061060046209062e-09"


@pytest.mark.parametrize("lam", ["100", "-100"])
def test_gap_at_large_lambda_is_computed_directly_with_a_note_on_rounding(lam: str) -> None:
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 80
    sign = 1 if float(lam) > 0 else -1
    at = run_page(v="1, 2, 3", lam=lam, section=LSE, digits=FULL)  # the gap to its last digit
    name = "max" if sign > 0 else "min"
    extreme = 3 if sign > 0 else 1
    exact = mpmath.log(mpmath.fsum(mpmath.exp(float(lam) * (s - extreme)) for s in (1, 2, 3)))
    exact /= float(lam)
    gap = float(readout_text(at, f"lse − {name}"))
    # abs=0: pytest.approx's default absolute tolerance (1e-12) would pass any gap this small
    assert gap == pytest.approx(float(exact), rel=1e-14, abs=0)
    assert abs(gap) == pytest.approx(3.72e-46, rel=1e-3, abs=0)  # not 0.0, the rounded difference
    assert readout_text(at, "lse(σ, λ)") == f"{extreme}.0"  # lse itself rounds to the extreme
    (note,) = at.info
    assert f"Why lse(σ, λ) reads exactly {name}(σ)" in note.value
    assert "computed directly" in note.value
    spacing = "4.44e-16" if sign > 0 else "2.22e-16"  # doubles near 3 and near 1
    assert f"near {extreme} are {spacing} apart" in note.value
    assert f"{extreme} {'+' if sign > 0 else '−'} 3.72e-46 is stored as {extreme}" in note.value


def test_the_proof_is_closed_by_default_and_opens_from_its_link() -> None:
    at = run_page(v="1, 2, 3", c="5", a="-2")
    assert not at.latex  # the verdicts come first; the derivation waits behind one click
    assert [e.label for e in at.expander] == ["Why? The proof (the sheet's question a)"]
    assert any("softmax unchanged" in s.value for s in at.success)
    at = run_page(v="1, 2, 3", c="5", a="-2", proof="true")
    offset, scale = (latex.value for latex in at.latex)
    assert r"e^{\lambda c}" in offset
    assert r"\operatorname{softmax}(\sigma,\lambda)_k" in offset
    assert r"\operatorname{softmax}(\sigma,a\lambda)_k" in scale
    assert any("exp(λc), which cancels" in m.value for m in at.markdown)
    assert at.expander[0].proto.expanded


def test_a_bad_proof_value_in_a_link_leaves_it_closed_with_a_note() -> None:
    at = run_page(proof="maybe")
    assert not at.latex
    assert any("`proof`" in w.value and "maybe" in w.value for w in at.warning)


def test_a_proof_opened_by_link_on_another_tab_is_open_on_the_offset_tab() -> None:
    at = run_page(v="1, 2, 3", section=SIMPLEX, proof="true")
    assert not at.latex  # the simplex tab has no proof
    assert not at.warning  # proof=true is a valid value, whichever tab is open
    open_tab(at, "Offset and scale")
    assert len(at.latex) == 2
