"""AppTest tests of the "vector lab" page: they read the numbers the page shows (tables,
read-outs, figure data) and check them against scipy and against the sheet's printed values.
Helpers and the way tabs are opened: ``tests/vector_lab_apptest.py``."""

from __future__ import annotations

import math
import re
import time

import numpy as np
import pytest
from plotly_arrays import array as decode
from scipy.special import logsumexp
from scipy.special import softmax as scipy_softmax
from scipy.stats import entropy as scipy_entropy
from streamlit.testing.v1 import AppTest
from vector_lab_apptest import (
    FULL,
    LSE,
    PAGE,
    SHEET,
    SIMPLEX,
    STABILITY,
    SWEEP,
    column,
    column_text,
    figure,
    open_tab,
    readout,
    run_page,
    tables,
)

from softlse_app.common.inert_text import shown_text
from softlse_app.common.number_format import UNDERFLOW_TEXT


@pytest.mark.parametrize("text", list(SHEET))
def test_sheet_vectors_give_the_sheets_printed_softmax(text: str) -> None:
    at = run_page(v=text.replace(" ", ""))  # by default, numpy's print-out, as the sheet's
    assert f"[{' '.join(column_text(at, 0, 'softmax(σ, λ)'))}]" == SHEET[text]
    at = run_page(v=text.replace(" ", ""), digits=FULL)
    shown = column(at, 0, "softmax(σ, λ)")
    sigma = np.array([float(t) for t in text.split(",")])
    np.testing.assert_allclose(shown, scipy_softmax(sigma), rtol=1e-14, atol=0)
    assert np.array2string(shown) == SHEET[text]
    bars = figure(at, 0)["data"][0]
    np.testing.assert_allclose(decode(bars["y"]), shown, rtol=0, atol=0)


def test_preset_buttons_fill_the_box_and_the_table() -> None:
    at = run_page()
    assert at.text_input(key="v").value == "1, 2, 3"
    at.button(key="preset_s3").click().run(timeout=30)
    assert not at.exception
    assert at.text_input(key="v").value == "10, 20, 30"
    assert np.array2string(column(at, 0, "softmax(σ, λ)")) == SHEET["10, 20, 30"]
    at.button(key="preset_s2").click().run(timeout=30)
    assert at.text_input(key="v").value == "11, 12, 13"
    np.testing.assert_array_equal(column(at, 0, "σ"), [11, 12, 13])


def test_offset_changes_the_vector_but_not_the_probabilities() -> None:
    at = run_page(c="100", digits=FULL)  # unchanged to the last digit
    np.testing.assert_array_equal(column(at, 0, "σ + c"), [101, 102, 103])
    p = column(at, 0, "softmax(σ, λ)")
    np.testing.assert_allclose(column(at, 0, "softmax(σ + c, λ)"), p, rtol=0, atol=1e-15)
    assert np.array2string(column(at, 0, "softmax(σ + c, λ)")) == SHEET["1, 2, 3"]
    # 1 + 100, 2 + 100, 3 + 100 are exact, and so is every exponent: nothing to round
    assert at.success[0].value == (
        "**Offset c = 100: softmax unchanged.** max |softmax(σ + c, λ) − softmax(σ, λ)| = 0: "
        "the two agree in every digit."
    )


def test_scale_is_a_change_of_lambda() -> None:
    at = run_page(a="10", digits=FULL)
    np.testing.assert_array_equal(column(at, 0, "a·σ"), [10, 20, 30])
    scaled = column(at, 0, "softmax(a·σ, λ)")
    np.testing.assert_allclose(scaled, scipy_softmax([10.0, 20.0, 30.0]), rtol=1e-12)
    np.testing.assert_allclose(column(at, 0, "softmax(σ, a·λ)"), scaled, rtol=1e-12)
    verdicts = " ".join(s.value for s in at.success)
    assert "λ → a·λ = 10" in verdicts
    assert "sharpens" in verdicts


def test_small_scale_flattens_and_zero_scale_is_uniform() -> None:
    at = run_page(a="0.5")
    assert "flattens" in " ".join(s.value for s in at.success)
    at = run_page(a="0")
    assert column_text(at, 0, "softmax(a·σ, λ)") == ["0.33333333"] * 3
    at = run_page(a="0", digits=FULL)
    np.testing.assert_allclose(column(at, 0, "softmax(a·σ, λ)"), [1 / 3] * 3, rtol=1e-15)
    assert "uniform" in " ".join(s.value for s in at.success)


def test_lse_of_s3_at_lambda_100_is_30_while_the_textbook_overflows() -> None:
    at = run_page(v="10,20,30", lam="100", section=LSE)
    assert readout(at, "lse(σ, λ)") == pytest.approx(30.0, abs=1e-12)
    assert readout(at, "max(σ)") == 30.0
    open_tab(at, STABILITY)
    (table,) = tables(at)
    textbook = table
    assert textbook["textbook (no shift)"][0] == "inf"
    assert set(textbook["textbook (no shift)"][1:]) == {"nan"}
    assert float(textbook["stable (shift first)"][0]) == pytest.approx(30.0)
    # an explanation, in a neutral box: the page did not fail, the textbook formula did
    assert any("overflows" in i.value and "709.78" in i.value for i in at.info)
    assert not at.error


def test_lse_readout_bounds_entropy_and_identity() -> None:
    sigma = np.array([1.0, 3.0, 3.0, -2.0])
    at = run_page(v="1, 3, 3, -2", lam="2", section=LSE, digits=FULL)
    assert readout(at, "lse(σ, λ)") == pytest.approx(logsumexp(2 * sigma) / 2, rel=1e-15)
    low = readout(at, "lower bound of lse − max")
    assert low == pytest.approx(math.log(2) / 2, rel=1e-15)
    assert readout(at, "upper bound of lse − max") == pytest.approx(math.log(4) / 2, rel=1e-15)
    gap = readout(at, "lse − max")
    assert low <= gap <= readout(at, "upper bound of lse − max")
    p = scipy_softmax(2 * sigma)
    assert readout(at, "entropy H(p) [nats]") == pytest.approx(scipy_entropy(p), rel=1e-14)
    assert readout(at, "⟨p, σ⟩ + H(p)/λ") == pytest.approx(readout(at, "lse(σ, λ)"), rel=1e-14)
    assert abs(readout(at, "lse − (⟨p, σ⟩ + H(p)/λ)")) < 1e-14
    # the table's symbols are said in words next to it
    (words,) = [c.value for c in at.caption if "weighted by p" in c.value]
    assert "⟨p, σ⟩ = Σₖ pₖσₖ" in words
    assert "0 when p is one-hot, log n (its largest) when p is uniform" in words


def test_the_entropy_of_a_nearly_one_hot_softmax_keeps_its_digits() -> None:
    # p = softmax([1, 2, 3], 100) has its largest entry 1 − e^-100, which rounds to 1: the
    # entropy of those probabilities was shown as 3.72007598e-42 (1 % low); mpmath's is
    # 3.7572767357810440e-42
    at = run_page(v="1, 2, 3", lam="100", section=LSE, digits=FULL)
    assert readout(at, "entropy H(p) [nats]") == pytest.approx(
        3.757276735781044e-42, rel=1e-14, abs=0
    )
    assert readout(at, "⟨p, σ⟩ + H(p)/λ") == readout(at, "lse(σ, λ)") == 3.0


def test_negative_lambda_compares_with_min_and_sweeps_both_signs() -> None:
    at = run_page(v="1, 2, 3", lam="-10", section=LSE, digits=FULL)
    assert at.toggle(key="neg").value is True
    assert readout(at, "min(σ)") == 1.0
    assert any("next to min(σ)" in m.value and "soft minimum" in m.value for m in at.markdown)
    expected = -logsumexp(-10 * np.array([1.0, 2.0, 3.0])) / 10
    assert readout(at, "lse(σ, λ)") == pytest.approx(expected, rel=1e-15)
    sweep = figure(open_tab(at, SWEEP), 0)
    assert {t.get("xaxis", "x") for t in sweep["data"]} == {"x", "x2"}
    marks = [s for s in sweep["layout"]["shapes"] if s.get("line", {}).get("dash") == "dash"]
    assert [(m["x0"], m["xref"]) for m in marks] == [(10.0, "x2")]


def test_sweep_reaches_one_hot_split_over_ties_and_marks_current_lambda() -> None:
    at = run_page(v="3, 3, 1", lam="10", section=SWEEP)
    sweep = figure(at, 0)
    lines = [t for t in sweep["data"] if t["mode"] == "lines"]
    x = decode(lines[0]["x"])
    assert x[0] <= 0.01
    assert x[-1] >= 1000
    ends = [decode(t["y"])[-1] for t in lines]
    np.testing.assert_allclose(ends, [0.5, 0.5, 0.0], atol=1e-12)
    starts = [decode(t["y"])[0] for t in lines]
    np.testing.assert_allclose(starts, [1 / 3] * 3, atol=0.01)
    limits = [decode(t["y"])[0] for t in sweep["data"] if t["mode"] == "markers"]
    assert limits == [0.5, 0.5, 0.0]
    marks = [s for s in sweep["layout"]["shapes"] if s.get("line", {}).get("dash") == "dash"]
    assert [m["x0"] for m in marks] == [10.0]


@pytest.mark.parametrize(
    ("text", "lam", "said"),
    [
        # one-hot already at λ = 1e-12: uniform only below 0.01/2e308 ≈ 5e-311
        ("-1e308, 1e308", "1", "far from uniform: σ's entries span more than the largest float"),
        ("0, 5, 1e11", "1", "for λ below about 1e-13"),
        # not one-hot yet at λ = 1e12: the largest entries differ by 1e-300
        ("0, 1e-300", "1", "only for |λ| above about 3e+301"),
        # with λ < 0 the smallest entries' gap decides the left half's end
        ("0, 1e-13, 5", "-2", "σ's smallest entries differ by only 1e-13"),
    ],
)
def test_the_sweep_says_which_limit_lies_beyond_its_lambda_range(
    text: str, lam: str, said: str
) -> None:
    """The sweep's λ range is kept within [1e-12, 1e12]. For σ = (−1e308, 1e308) every curve
    was flat at 0 and 1 under a caption about λ → 0 giving 1/n: the chart now says that the
    limit lies beyond its edge, and about where."""
    at = run_page(v=text, lam=lam, section=SWEEP)
    captions = [c.value for c in at.caption]
    assert any(said in caption for caption in captions), captions


def test_the_sweep_of_the_sheets_vector_has_no_range_note() -> None:
    at = run_page(v="1, 2, 3", section=SWEEP)
    assert not any("Even at the" in c.value for c in at.caption)


def test_simplex_path_for_three_entries_only() -> None:
    at = run_page(v="1, 2, 3", lam="10", section=SIMPLEX)
    ternary = figure(at, 0)
    current = next(t for t in ternary["data"] if t["name"].startswith("current"))
    point = [current[k][0] for k in "abc"]
    np.testing.assert_allclose(point, scipy_softmax(10 * np.array([1.0, 2, 3])), rtol=1e-14)
    plus = next(t for t in ternary["data"] if t["name"] == "λ from 0 to +∞")
    assert decode(plus["c"])[-1] > 0.999
    assert decode(plus["a"])[0] == pytest.approx(1 / 3, abs=0.01)
    at = run_page(v="1, 2, 3, 4", section=SIMPLEX)
    assert len(at.get("plotly_chart")) == 0
    (why,) = at.info
    assert "exactly three entries (σ has 4)" in why.value


BAD_VECTORS = {
    "1, foo, 3": "'foo'",
    "": "empty",
    "[1, 2": "'['",
    "nan": "'nan'",
    "1e999": "'1e999'",
    ",".join(["1"] * 10_001): "10000",
    # parsed, but refused: the tables would show inf and nan
    "inf, 1": "every value must be a finite number, but entry 1 is inf.",
    "1, 2, -inf": "every value must be a finite number, but entry 3 is -inf.",
}


@pytest.mark.parametrize("text", list(BAD_VECTORS), ids=lambda text: text[:12] or "empty")
def test_bad_vector_gets_an_error_naming_it_and_keeps_the_text(text: str) -> None:
    at = AppTest.from_file(PAGE, default_timeout=30).run(timeout=30)
    at.text_input(key="v").input(text).run(timeout=30)
    assert not at.exception
    (error,) = at.error
    assert BAD_VECTORS[text] in shown_text(error.value)  # the text shown, escapes resolved
    assert at.text_input(key="v").value == text
    assert len(tables(at)) == 0
    assert len(at.get("plotly_chart")) == 0
    assert "appears once it is readable" in at.info[0].value
    at.text_input(key="v").input("4, 5").run(timeout=30)
    assert not at.error
    assert column(at, 0, "σ").tolist() == [4.0, 5.0]
    assert at.query_params["v"] == "4, 5"
    at.number_input(key="c").set_value(2.0).run(timeout=30)
    assert at.text_input(key="v").value == "4, 5"
    assert column(at, 0, "σ + c").tolist() == [6.0, 7.0]


HOSTILE = ["abc", "0", "nan", "1e999", "-1e999", "x" * 400, "<script>alert(1)</script>", "9" * 50]


@pytest.mark.parametrize("value", HOSTILE, ids=lambda value: value[:12])
def test_hostile_parameters_never_crash_and_leave_a_note(value: str) -> None:
    at = run_page(v="10,20,30", lam=value, c=value, a=value, section=value)
    notes = [w.value for w in at.warning]
    for key in ("lam", "c", "a", "section"):
        if not (key in "ca" and value == "0"):  # c = 0 and a = 0 are valid values
            assert any(f"`{key}`=" in note for note in notes), (key, notes)
    assert at.session_state["section"] == "Offset and scale"  # the first tab stays open
    assert len(tables(at)) == 1
    assert np.all(np.isfinite(column(at, 0, "softmax(σ, λ)")))
    assert math.isfinite(readout(open_tab(at, LSE), "lse(σ, λ)"))
    assert at.text_input(key="v").value == "10,20,30"


def test_long_vector_renders_with_top_k_and_is_timed() -> None:
    rng = np.random.default_rng(7)
    sigma = np.round(rng.normal(size=10_000) * 3, 6)
    text = ", ".join(repr(float(s)) for s in sigma)
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["digits"] = FULL
    at.run(timeout=30)
    at.text_input(key="v").input(text)
    start = time.perf_counter()
    at.run(timeout=60)
    elapsed = time.perf_counter() - start
    print(f"AppTest rerun with a 10^4-entry vector: {elapsed:.2f} s")
    assert not at.exception
    table = tables(at)[0]
    assert len(table) == 20
    p = scipy_softmax(sigma)
    top = np.argsort(-p, kind="stable")[:20]
    np.testing.assert_array_equal(table["k"].astype(int).to_numpy(), top + 1)
    np.testing.assert_allclose(column(at, 0, "softmax(σ, λ)"), p[top], rtol=1e-12)
    bars = figure(at, 0)["data"]
    assert [len(decode(b["y"])) for b in bars] == [20, 20, 20, 20]
    assert "v" not in at.query_params  # too long for a link
    assert any("not kept in the page's link" in c.value for c in at.caption)
    assert readout(open_tab(at, LSE), "lse(σ, λ)") == pytest.approx(logsumexp(sigma), rel=1e-14)
    assert len([t for t in figure(open_tab(at, SWEEP), 0)["data"] if t["mode"] == "lines"]) == 8
    assert len(open_tab(at, SIMPLEX).get("plotly_chart")) == 0  # no ternary for n ≠ 3


def test_cached_figures_follow_every_input_they_depend_on() -> None:
    at = run_page(v="1, 2, 3", lam="2", section=SWEEP)
    sweep_before = figure(at, 0)
    at.number_input(key="c").set_value(5.0).run(timeout=30)
    assert figure(at, 0) == sweep_before  # the sweep does not depend on c
    bars = figure(open_tab(at, "Offset and scale"), 0)["data"]
    assert [b["name"] for b in bars] == [
        "softmax(σ, λ=2)",
        "softmax(σ + 5, λ)",
        "softmax(1·σ, λ)",
        "softmax(σ, 1·λ)",
    ]
    at.number_input(key="a").set_value(3.0).run(timeout=30)
    scaled = decode(figure(at, 0)["data"][2]["y"])
    np.testing.assert_allclose(scaled, scipy_softmax(2 * 3 * np.array([1.0, 2, 3])), rtol=1e-12)
    at.text_input(key="v").input("3, 1, 2").run(timeout=30)
    current = next(
        t for t in figure(open_tab(at, SIMPLEX), 0)["data"] if t["name"].startswith("current")
    )
    expected = scipy_softmax(2 * np.array([3.0, 1, 2]))
    np.testing.assert_allclose([current[k][0] for k in "abc"], expected, rtol=1e-14)
    sweep = figure(open_tab(at, SWEEP), 0)
    assert sweep != sweep_before  # σ changed
    marks = [s for s in sweep["layout"]["shapes"] if s["line"].get("dash") == "dash"]
    assert [m["x0"] for m in marks] == [2.0]


SECTION_CONTENT = {
    # tab label: (tables, charts, the text that only this tab shows)
    "Offset and scale": (1, 1, "softmax unchanged"),
    LSE: (2, 0, "It holds for every λ ≠ 0"),
    SWEEP: (0, 1, "As λ → 0 every component tends to 1/n"),
    SIMPLEX: (0, 1, "λ = 0 is the centre (uniform)"),
    STABILITY: (1, 0, "Here both agree"),
}


def page_text(at: AppTest) -> str:
    """The prose the page shows: captions, alerts and markdown."""
    parts = [*at.caption, *at.success, *at.info, *at.markdown]
    return " ".join(str(part.value) for part in parts)


@pytest.mark.parametrize("label", list(SECTION_CONTENT))
def test_each_tab_is_linkable_and_only_the_open_tab_is_drawn(label: str) -> None:
    at = run_page(section=label)
    assert [tab.label for tab in at.tabs] == list(SECTION_CONTENT)
    assert at.session_state["section"] == label
    table_count, charts, _ = SECTION_CONTENT[label]
    assert (len(tables(at)), len(at.get("plotly_chart"))) == (table_count, charts)
    text = page_text(at)
    for other, (_, _, other_marker) in SECTION_CONTENT.items():
        assert (other_marker in text) == (other == label), other
    assert not at.warning


def test_section_in_a_link_forgives_case_and_switching_tabs_keeps_the_inputs() -> None:
    at = run_page(v="10,20,30", lam="100", section="TEMPERATURE SWEEP")
    assert at.session_state["section"] == SWEEP
    assert not at.warning
    at.number_input(key="c").set_value(1.0).run(timeout=30)
    assert at.query_params["section"] == SWEEP  # the label replaces the forgiven spelling
    sweep = figure(at, 0)
    marks = [s for s in sweep["layout"]["shapes"] if s.get("line", {}).get("dash") == "dash"]
    assert [m["x0"] for m in marks] == [100.0]
    open_tab(at, STABILITY)
    assert any("overflows" in i.value for i in at.info)
    open_tab(at, "Offset and scale")
    assert at.text_input(key="v").value == "10,20,30"
    expected = scipy_softmax(100 * np.array([10.0, 20.0, 30.0]))
    np.testing.assert_allclose(column(at, 0, "softmax(σ, λ)"), expected, rtol=1e-14, atol=0)


def _block_holding(block, key: str):
    """The innermost block of the AppTest tree ``block`` with the widget ``key`` among its
    direct children, or None."""
    for child in block.children.values():
        if getattr(child, "key", None) == key and not hasattr(child, "children"):
            return block
        if hasattr(child, "children"):
            found = _block_holding(child, key)
            if found is not None:
                return found
    return None


@pytest.mark.parametrize(
    ("key", "typed", "used", "note"),
    [
        ("c", 5000.0, 1000.0, "c = 5000 is outside −1000 to 1000; using c = 1000."),
        ("c", -1500.5, -1000.0, "c = −1500.5 is outside −1000 to 1000; using c = −1000."),
        ("a", -250.0, -100.0, "a = −250 is outside −100 to 100; using a = −100."),
    ],
)
def test_typed_offset_or_scale_out_of_range_is_kept_and_its_correction_said(
    key: str, typed: float, used: float, note: str
) -> None:
    at = run_page(v="1, 2, 3")
    at.number_input(key=key).set_value(typed).run(timeout=30)
    assert not at.exception
    assert not at.error  # a correction, not an error
    notes = [w.value for w in at.warning]
    assert notes == [note]  # named as the box, not as a URL parameter
    assert at.number_input(key=key).value == typed  # the box keeps what was typed
    # the warning goes under the controls' row, not into it between two boxes
    row = _block_holding(at._tree, key)
    assert row is not None
    assert not row.warning
    sigma = np.array([1.0, 2.0, 3.0])
    shown = column(at, 0, "σ + c" if key == "c" else "a·σ")
    np.testing.assert_array_equal(shown, sigma + used if key == "c" else used * sigma)


def test_numbers_beyond_the_float_range_are_not_offered_as_infinity() -> None:
    at = run_page(v="1e999, 2")
    (error,) = at.error
    assert shown_text(error.value).endswith(
        "is beyond the float range (the largest number is about 1.8e308); every value must "
        "be a finite number."
    )
    assert "type inf" not in shown_text(error.value)


@pytest.mark.parametrize(
    ("v", "lam", "hint", "fails_at"),
    [
        # the walkthrough: "Try s3 with λ = 100" was shown with λ already 100
        (
            "1, 2, 3",
            "100",
            "Raise λ above about 237 and the textbook formula's exp overflows",
            "240",
        ),
        ("10, 20, 30", "10", "Raise λ above about 23.7", "24"),
        ("-1, -2, -3", "100", "Raise λ above about 745 and every exponential", "750"),
        ("1, 2, 3", "-100", "Make λ more negative than about −745", "-750"),
    ],
)
def test_the_stability_hint_fits_the_current_vector_and_lambda(
    v: str, lam: str, hint: str, fails_at: str
) -> None:
    at = run_page(v=v, lam=lam, section=STABILITY)
    (agree,) = [i.value for i in at.info if i.value.startswith("Here both agree")]
    assert hint in agree
    assert "Try s3" not in agree
    (table,) = tables(at)
    assert "inf" not in list(table["textbook (no shift)"])
    # following the hint breaks the textbook formula
    at = run_page(v=v, lam=fails_at, section=STABILITY)
    (table,) = tables(at)
    assert table["textbook (no shift)"][0] in {"inf", "-inf"}
    assert any(i.value.startswith("**Why the textbook formula") for i in at.info)
    first, *entries = table["quantity"]
    assert first == "lse(σ, λ)"
    assert sorted(entries) == [f"softmax(σ, λ), entry {k}" for k in (1, 2, 3)]


@pytest.mark.parametrize(
    ("v", "lam", "hint", "fails_at"),
    [
        # safe for every λ > 0 (largest entry 0) but λ = −1 overflows: exp(1000). The page
        # once said "with entries this close to 0, no λ up to 1000 … makes it fail"
        (
            "-1000, 0",
            "1",
            "No λ > 0 up to 1000 makes the textbook formula fail here, but a negative one "
            "does: below about −0.71 (switch on Negative λ) the textbook formula's exp "
            "overflows.",
            "-1",
        ),
        (
            "-5, 0, 0.001",
            "1",
            "No λ > 0 up to 1000 makes the textbook formula fail here, but a negative one "
            "does: below about −142 (switch on Negative λ)",
            "-150",
        ),
        (
            "1000, 0",
            "-1",
            "No λ < 0 down to −1000 makes the textbook formula fail here, but a positive one "
            "does: above about 0.71 (switch off Negative λ)",
            "1",
        ),
    ],
)
def test_a_vector_safe_for_one_sign_of_lambda_points_to_the_other(
    v: str, lam: str, hint: str, fails_at: str
) -> None:
    at = run_page(v=v, lam=lam, section=STABILITY)
    (agree,) = [i.value for i in at.info if i.value.startswith("Here both agree")]
    assert hint in agree
    assert "close to 0" not in agree
    # following the hint breaks the textbook formula
    at = run_page(v=v, lam=fails_at, section=STABILITY)
    (table,) = tables(at)
    assert table["textbook (no shift)"][0] in {"inf", "-inf"}
    assert any(i.value.startswith("**Why the textbook formula") for i in at.info)


def test_entries_too_small_to_fail_point_to_the_sheets_s3() -> None:
    at = run_page(v="0.1, 0.2", lam="1000", section=STABILITY)
    assert any(
        "no λ up to 1000 in size makes the textbook formula fail: try the preset s3" in i.value
        for i in at.info
    )


def test_an_exponent_beyond_the_largest_double_is_named_as_such() -> None:
    # 10 · 1.5e308 is inf before exp sees it: "is inf, above 709.78" read as a number compared
    at = run_page(v="1e308, 1.5e308", lam="10", section=STABILITY)
    (note,) = [i.value for i in at.info if i.value.startswith("**Why the textbook")]
    assert "λ times an entry of σ, is already beyond the largest double (inf)" in note
    assert "709.78" not in note
    (table,) = tables(at)
    assert list(table["stable (shift first)"]) == ["1.5e+308", UNDERFLOW_TEXT, "1.0"]
    assert list(table["textbook (no shift)"]) == ["inf", "nan", "nan"]


def test_an_entry_that_rounds_to_zero_is_named_and_the_vector_still_read() -> None:
    at = AppTest.from_file(PAGE, default_timeout=30).run(timeout=30)
    at.text_input(key="v").input("1e-400, 0").run(timeout=30)
    assert not at.exception
    assert not at.error
    notes = [shown_text(info.value) for info in at.info]
    assert notes == [
        "Entry 1 (`1e-400`) rounds to 0 as a float64 (the smallest float64 above 0 is about "
        "4.9e-324), so the lab reads σ with 0 there."
    ]
    assert column(at, 0, "σ").tolist() == [0.0, 0.0]  # read, not refused
    assert at.text_input(key="v").value == "1e-400, 0"
    at.text_input(key="v").input("1e-300, 0").run(timeout=30)
    assert not at.info  # a tiny number a float64 holds gets no note
    assert column(at, 0, "σ").tolist() == [1e-300, 0.0]


def test_finite_textbook_numbers_that_lost_digits_are_not_called_agreeing() -> None:
    """exp(−740) ≈ 4.2e−322 is subnormal (about 2 digits) and exp(−750) is 0: the textbook
    lse reads −739.99742, not −739.99995 (mpmath: −739.99995460110078)."""
    at = run_page(v="-740, -750", lam="1", section=STABILITY, digits="full precision")
    (table,) = tables(at)
    stable, textbook = table["stable (shift first)"][0], table["textbook (no shift)"][0]
    assert float(stable) == pytest.approx(-739.99995460110078, rel=1e-15)
    assert float(textbook) == pytest.approx(-739.9974206648909, rel=1e-12)
    notes = [i.value for i in at.info]
    assert not any(note.startswith("Here both agree") for note in notes)
    (why,) = [note for note in notes if note.startswith("**Why the textbook numbers differ")]
    assert "exp(-740) ≈ 4.2e-322" in why
    assert "keeps only 7 significant bits" in why  # 4.2e-322 is 85 times 2^-1074
    assert "below exp(−745) are 0" in why


def test_a_sum_that_overflows_is_not_explained_as_underflow() -> None:
    """Three entries 709 at λ = 1: each exp(709) ≈ 8.2e307 is finite, the sum 2.5e308 is not;
    the stable lse is 709 + log 3 = 710.09861228866811."""
    at = run_page(v="709, 709, 709", lam="1", section=STABILITY, digits="full precision")
    (table,) = tables(at)
    assert float(table["stable (shift first)"][0]) == pytest.approx(710.09861228866811)
    assert table["textbook (no shift)"][0] == "inf"
    notes = [i.value for i in at.info]
    assert not any("underflows" in note for note in notes)
    (why,) = [note for note in notes if note.startswith("**Why the textbook formula gives inf")]
    assert "every exponential exp(λ·σⱼ) is finite (the largest is exp(709))" in why
    assert "their sum is above the largest double" in why


def test_a_softmax_entry_lost_to_underflow_is_named() -> None:
    """σ = 1, 2, 3 at λ = −300: lse agrees, but the textbook's exp(−900) is 0, so its softmax
    entry 3 reads 0 where the stable one is e^−600 ≈ 2.65e−261."""
    at = run_page(v="1, 2, 3", lam="-300", section=STABILITY)
    (table,) = tables(at)
    row = list(table["quantity"]).index("softmax(σ, λ), entry 3")
    assert float(table["stable (shift first)"][row]) == pytest.approx(math.exp(-600), rel=1e-7)
    # the textbook's own exp(−900) underflowed; the true value e^−600 is in range, so this 0
    # is the formula failing, not an underflow of the value
    assert float(table["textbook (no shift)"][row]) == 0.0
    (why,) = [i.value for i in at.info if i.value.startswith("**Why the textbook numbers")]
    assert "its smallest term, exp(-900), is 0 as a double" in why
    assert "a softmax entry loses digits only where it is itself below 2.2e−308" in why
    assert "close to 0" not in why  # lse agrees: 1.0 both


@pytest.mark.parametrize(
    ("v", "lam", "lse"),
    [("-40, 0", "1", 4.248354255291589e-18), ("0, -1", "40", 1.0620885638228973e-19)],
)
def test_an_lse_close_to_zero_that_the_textbook_rounds_to_zero_is_not_agreement(
    v: str, lam: str, lse: float
) -> None:
    """log(1 + e^−40) = 4.25e−18, but the textbook's sum 1 + 4.2e−18 is 1.0 as a double and
    its log 0.0: the two columns differ, so 'both agree' would be false."""
    at = run_page(v=v, lam=lam, section=STABILITY, digits=FULL)
    (table,) = tables(at)
    assert float(table["stable (shift first)"][0]) == pytest.approx(lse, rel=1e-12)
    assert float(table["textbook (no shift)"][0]) == 0.0
    notes = [i.value for i in at.info]
    assert not any(note.startswith("Here both agree") for note in notes)
    (why,) = [note for note in notes if note.startswith("**Why the textbook numbers differ")]
    assert "close to 0, so the textbook sum Σⱼ exp(λ·σⱼ) is close to 1" in why
    assert "log1p" in why
    assert "subnormal" not in why


def test_the_largest_double_has_a_finite_spacing_and_its_rounding_residual_is_named() -> None:
    """np.spacing(1.797e308) is inf; the spacing there is 2⁹⁷¹ ≈ 2e292. The identity's
    residual there (and for s1 at λ = 0.01) is one unit in the last place: rounding."""
    big = "1.7976931348623157e308"
    at = run_page(v=f"{big}, {big}, {big}", lam="0.01", section="lse vs max")
    (why,) = [i.value for i in at.info if i.value.startswith("**Why lse(σ, λ) reads exactly")]
    assert "are 2e+292 apart" in why
    assert "inf apart" not in why
    captions = [c.value for c in at.caption]
    assert any("is 1 unit in the last place" in c for c in captions)
    at = run_page(v="1, 2, 3", lam="0.01", section="lse vs max")
    (note,) = [c.value for c in at.caption if "only through rounding" in c.value]
    assert "1.42e-14 is 1 unit in the last place of the largest of the three numbers" in note
    at = run_page(v="1, 2, 3", lam="1", section="lse vs max")  # residual 0: no note
    assert not any("only through rounding" in c.value for c in at.caption)


def test_decimal_commas_are_read_as_separators_and_the_page_says_so() -> None:
    at = AppTest.from_file(PAGE, default_timeout=30).run(timeout=30)
    at.text_input(key="v").input("1,5 2,5 3,5").run(timeout=30)
    assert not at.exception
    notes = [shown_text(info.value) for info in at.info]
    assert (
        "Read as 6 entries: a comma separates entries here, so `1,5` is two of them. Type a "
        "decimal with a point (1.5) and a thousand without a separator (1000), and separate "
        "entries by commas or spaces."
    ) in notes
    assert sorted(column(at, 0, "σ").tolist()) == [1.0, 2.0, 3.0, 5.0, 5.0, 5.0]  # read, noted
    assert at.text_input(key="v").value == "1,5 2,5 3,5"  # what was typed stays
    for plain in ("1,2,3", "1, 2, 3", "1 2 3", "1 ,2 ,3", "[1 ,2 ,3]", "1, 10,100"):
        at.text_input(key="v").input(plain).run(timeout=30)
        assert not any("a comma separates entries" in info.value for info in at.info)


def test_the_pages_own_example_copied_back_is_read() -> None:
    """The empty-box message's example (1, 2, 3) carries word joiners, U+2060, so that
    it prints as typed; copied back into the box, or in a link, it reads as 1, 2, 3, and the
    rounding and decimal-comma notes read the same text (they once split it differently and
    the page crashed)."""
    at = AppTest.from_file(PAGE, default_timeout=30).run(timeout=30)
    at.text_input(key="v").input("").run(timeout=30)
    (message,) = [error.value for error in at.error]
    copied = re.sub(r"\\(.)", r"\1", message)  # what the browser shows, word joiners kept
    example = copied.rpartition("g.\u2060 ")[2].rstrip(".\u2060")  # after "e.g."
    assert example == "1,\u2060 2,\u2060 3"
    at.text_input(key="v").input(example).run(timeout=30)
    assert not at.exception
    assert not at.error
    assert column(at, 0, "σ").tolist() == [1.0, 2.0, 3.0]
    at = run_page(v="1,\u2060 2e-400,\u2060 3")
    assert column(at, 0, "σ").tolist() == [1.0, 0.0, 3.0]
    assert any("Entry 2 (`2e-400`) rounds to 0" in shown_text(info.value) for info in at.info)


@pytest.mark.parametrize(("key", "held", "shown"), [("c", 7.0, "7"), ("a", -2.5, "−2.5")])
def test_an_emptied_number_box_keeps_its_number_and_says_so(
    key: str, held: float, shown: str
) -> None:
    """Emptying the box (or typing text the browser cannot read as a number, which empties
    it too) once reset c to 0 and a to 1 without a word, and took them out of the link. The
    box now keeps the number it held, with a note, and the link still carries it."""
    at = run_page(v="1, 2, 3", **{key: repr(held)})
    assert at.number_input(key=key).value == held
    at.number_input(key=key).set_value(None).run(timeout=30)
    assert not at.exception
    assert at.number_input(key=key).value == held
    assert at.query_params[key] == repr(held)
    notes = [c.value for c in at.caption if "was empty" in c.value]
    assert notes == [
        f":material/edit_note: The box {key} was empty or held no number; {key} stays {shown}."
    ]
    at.number_input(key=key).set_value(held + 1).run(timeout=30)  # the note goes with the edit
    assert not [c.value for c in at.caption if "was empty" in c.value]
