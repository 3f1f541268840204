"""AppTest tests of the "Exercise sheet" page: nothing of an answer is on the page before its
reveal, each reveal shows its numbers (checked against scipy and the sheet's printout), the URL
carries reveals and predictions, and predictions are judged. What "on the page" means is in
:func:`sheet_page.page_text`; bad input is tested in ``test_page_sheet_input.py``.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from plotly_arrays import array as decode
from scipy.special import logsumexp
from scipy.special import softmax as scipy_softmax
from sheet_page import (
    ANSWER_MARKERS,
    LETTERS,
    PAGES,
    SHEET_S1,
    SHEET_S3,
    charts,
    code_blocks,
    downloads,
    page_text,
    printout_by_lambda,
    rerun,
    reveal,
    run_page,
    shown,
)
from streamlit.testing.v1 import AppTest

from softlse_app.sheet.answer_parts import PRINTOUT_WIDTH
from softlse_app.sheet.sections import answer_for

__all__ = ["downloads"]  # the fixture, used by name


def test_nothing_of_any_answer_is_on_the_page_before_its_reveal(downloads: list[bytes]) -> None:
    at = run_page()
    text = page_text(at, downloads)
    for letter in LETTERS:
        assert shown(text, letter) == [], letter
    assert charts(at) == []
    assert [b.label for b in at.button] == [f"Reveal ({letter})" for letter in LETTERS]
    assert downloads[-1].decode().count("Not revealed yet.") == 4
    # predictions filled in do not bring any answer with them either
    at = run_page(pa1="sharper", pa2="0.5", pb1="0.1", pb2="corners", pc2="abc", pd1="sum")
    text = page_text(at, downloads)
    for letter in LETTERS:
        assert shown(text, letter) == [], letter
    assert charts(at) == []


@pytest.mark.parametrize("letter", LETTERS)
def test_each_reveal_shows_its_answer_and_nothing_of_the_others(
    letter: str, downloads: list[bytes]
) -> None:
    at = reveal(run_page(), letter)
    assert at.query_params["reveal"] == letter
    text = page_text(at, downloads)
    assert shown(text, letter) == list(ANSWER_MARKERS[letter])
    for other in LETTERS:
        if other != letter:
            assert shown(text, other) == [], other
    assert len(charts(at)) == 1
    summary = downloads[-1].decode()
    assert shown(summary, letter) != []
    assert summary.count("Not revealed yet.") == 3
    for other in LETTERS:
        if other != letter:
            assert shown(summary, other) == [], other


def test_a_reveals_the_sheets_printed_softmax_computed_live() -> None:
    at = reveal(run_page(), "a")
    (printout,) = [block for block in code_blocks(at) if block.startswith("softmax(s1)")]
    assert printout.splitlines() == [
        f"softmax(s1) = {SHEET_S1}",
        f"softmax(s2) = {SHEET_S1}",
        f"softmax(s3) = {SHEET_S3}",
    ]
    for line, vector in zip(
        printout.splitlines(), ([1, 2, 3], [11, 12, 13], [10, 20, 30]), strict=True
    ):
        assert line.endswith(np.array2string(scipy_softmax(np.array(vector, dtype=float))))
    (bars,) = charts(at)
    heights = np.array([decode(trace["y"]) for trace in bars["data"]]).T  # rows: s1, s2, s3
    for row, vector in zip(heights, ([1, 2, 3], [11, 12, 13], [10, 20, 30]), strict=True):
        np.testing.assert_allclose(row, scipy_softmax(np.array(vector, float)), rtol=1e-15)


def test_b_reveals_the_largest_gap_log2_over_lambda_on_the_diagonal() -> None:
    at = reveal(run_page(), "b")
    (printout,) = [block for block in code_blocks(at) if "largest gap" in block]
    rows = printout_by_lambda(printout, {"largest gap": "[0-9.e-]+", "log 2/λ": "[0-9.e-]+"})
    assert list(rows) == [1, 10, 100]
    for lam, (gap, bound) in rows.items():
        assert gap == pytest.approx(math.log(2) / lam, rel=1e-6)
        assert bound == pytest.approx(math.log(2) / lam, rel=1e-6)
    text = page_text(at)
    assert "log 2/λ ≈ 0.0693147" in text
    assert "at all 201 grid points of the diagonal x = y and nowhere else" in text
    (heatmap,) = charts(at)
    z = decode(heatmap["data"][0]["z"]).astype(float)
    axis = decode(heatmap["data"][0]["x"])
    x, y = np.meshgrid(axis, axis)
    expected = (np.logaddexp(10 * x, 10 * y) / 10) - np.maximum(x, y)
    np.testing.assert_allclose(z, expected, atol=1e-7)
    assert z.max() == pytest.approx(math.log(2) / 10, rel=1e-6)


def test_c_reveals_the_gradient_as_softmax_with_numbers() -> None:
    at = reveal(run_page(), "c")
    (printout,) = [block for block in code_blocks(at) if block.startswith("softmax((0.1, 0)")]
    expected = np.array2string(scipy_softmax([1.0, 0.0]))  # 10·(0.1, 0)
    assert printout.splitlines() == [
        "softmax((0.1, 0), 10)",
        f"  = {expected}",
        "grad lse((0.1, 0), 10)",
        f"  = {expected}",
        "  (by central differences)",
    ]
    (slices,) = charts(at)
    by_name = {trace["name"]: trace for trace in slices["data"]}
    x = decode(by_name["λ = 10"]["x"])
    np.testing.assert_allclose(
        decode(by_name["λ = 10"]["y"]), 1 / (1 + np.exp(-10 * x)), rtol=1e-12
    )
    assert any("[0.5 0.5]" in m.value and "[1. 0.]" in m.value for m in at.markdown)


def test_d_reveals_the_limit_and_lse_of_s1() -> None:
    at = reveal(run_page(), "d")
    (printout,) = [block for block in code_blocks(at) if "lse(s1, λ)" in block]
    s1 = np.array([1.0, 2.0, 3.0])
    rows = printout_by_lambda(printout, {"lse(s1, λ)": "[0-9.]+", "lse − max": "[0-9.e+-]+"})
    assert list(rows) == [1, 10, 100]
    for lam, (value, printed_gap) in rows.items():
        assert value == pytest.approx(logsumexp(lam * s1) / lam, rel=1e-8)
        gap = mpmath.log(sum(mpmath.e ** (lam * (s - 3)) for s in (1, 2, 3))) / lam
        assert printed_gap == pytest.approx(float(gap), rel=1e-8)  # 3.72e-46 at λ = 100
    assert "lim lse = max" in page_text(at)
    (limit,) = charts(at)
    lse_trace = next(t for t in limit["data"] if t["name"] == "lse(s1, λ)")
    lams = decode(lse_trace["x"])
    np.testing.assert_allclose(
        decode(lse_trace["y"]), [logsumexp(lam * s1) / lam for lam in lams], rtol=1e-12
    )
    # the log axis reads in round numbers, each labelled in full (no bare minor digits)
    axis = limit["layout"]["xaxis"]
    assert axis["type"] == "log"
    assert axis["ticktext"] == ["0.5", "1", "2", "5", "10", "20", "50", "100"]
    assert axis["tickvals"] == [0.5, 1, 2, 5, 10, 20, 50, 100]


def test_reveals_accumulate_in_the_url_and_lock_their_predictions() -> None:
    at = reveal(run_page(pa2="0.99"), "c")
    at = reveal(at, "a")
    assert at.query_params["reveal"] == "a,c"
    done = at.button(key="reveal_a")
    assert done.label == "Revealed (a)"
    assert done.disabled
    assert not at.button(key="reveal_b").disabled
    # the verdict is about the prediction made before the answer was shown
    assert at.text_input(key="pa2").disabled
    assert at.radio(key="pa1").disabled
    assert not at.text_input(key="pb1").disabled
    assert at.text_input(key="pa2").value == "0.99"
    text = page_text(at)
    assert shown(text, "b") == []
    assert shown(text, "d") == []
    assert len(charts(at)) == 2


def test_url_state_round_trips_reveals_and_predictions(downloads: list[bytes]) -> None:
    link = {"reveal": "b,d", "pa1": "flatter", "pa2": "0.99", "pb1": "0.07", "pb2": "edges"}
    at = run_page(**link, pd1="max", pd2="3.5")
    assert at.radio(key="pa1").value == "flatter"
    assert at.text_input(key="pa2").value == "0.99"
    assert at.text_input(key="pb1").value == "0.07"
    assert at.radio(key="pb2").value == "edges"
    assert at.radio(key="pd1").value == "max"
    text = page_text(at)
    assert shown(text, "b")
    assert shown(text, "d")
    assert shown(text, "a") == []
    assert shown(text, "c") == []
    at = reveal(at, "a")  # the next reveal keeps the predictions and the earlier reveals
    assert at.query_params["reveal"] == "a,b,d"
    for key, value in link.items():
        if key != "reveal":
            assert at.query_params[key] == value
    summary = downloads[-1].decode()
    assert "<code>0.07</code>" in summary
    assert "<code>flatter</code>" in summary
    assert summary.count("Not revealed yet.") == 1


def test_predictions_are_judged_with_relative_error_and_reasons() -> None:
    at = run_page(reveal="b,d", pb1="0.0693", pb2="corners", pd1="max", pd2="3")
    successes = [s.value for s in at.success]
    infos = [i.value for i in at.info]
    (gap,) = [s for s in successes if "λ = 10" in s and "you said 0.0693," in s]
    assert "Very close" in gap
    assert "relative error 0.021 %" in gap
    (corners,) = [i for i in infos if "you picked corners" in i]
    assert "diagonal x = y" in corners
    assert "2.1\u202f×\u202f10⁻¹⁰" in corners  # no hyphen to break the line at
    assert any("Right: max." in s for s in successes)
    (lse_s1,) = [i for i in infos if "you said 3," in i]
    assert "relative error 12 %" in lse_s1
    assert "3 is the limit as λ → ∞" in lse_s1


def test_a_reveal_without_predictions_says_so() -> None:
    at = reveal(run_page(), "d")
    assert sum("No prediction made" in i.value for i in at.info) == 2


def test_the_anti_diagonal_is_written_with_a_true_minus_and_old_links_still_pick_it() -> None:
    at = run_page()
    options = at.radio(key="pb2").options
    assert "anti-diagonal x = \N{MINUS SIGN}y" in options
    assert not any(" -" in option for option in options)  # no ASCII hyphen as a minus
    linked = run_page(pb2="anti-diagonal x = -y")  # a link made before, or typed by hand
    assert linked.radio(key="pb2").value == "anti-diagonal x = \N{MINUS SIGN}y"
    assert not linked.warning


def test_reveals_survive_a_visit_to_another_page_but_not_a_step_back() -> None:
    """Through the app's navigation Streamlit keeps only widget-bound parameters: coming back
    from the vector lab, the URL has lost ``reveal`` (as it does in a browser), and the page
    puts back what it showed. A rerun of the sheet itself without ``reveal`` (Back to the
    entry before the first reveal) shows nothing revealed."""
    at = AppTest.from_file(str(PAGES.parent / "app.py"), default_timeout=30)
    at.switch_page("pages/sheet.py").run(timeout=30)
    reveal(at, "a")
    assert at.query_params["reveal"] == "a"
    assert "0.09003057" in page_text(at)
    at.switch_page("pages/vector_lab.py").run(timeout=30)
    del at.query_params["reveal"]  # what the browser sends on the way back
    at.switch_page("pages/sheet.py").run(timeout=30)
    assert not at.exception, at.exception
    assert at.query_params["reveal"] == "a"
    assert "0.09003057" in page_text(at)
    assert "0.0693147" not in page_text(at)  # (b) still hidden
    del at.query_params["reveal"]  # Back, on the sheet itself
    at.run(timeout=30)
    assert "reveal" not in at.query_params
    assert "0.09003057" not in page_text(at)


def test_printouts_fit_a_phone_except_the_sheets_own_lines() -> None:
    """(b)–(d) print lines a 390 px phone shows unwrapped; (a) prints the sheet's lines."""
    for letter in "bcd":
        printout = answer_for(letter).printout
        assert max(len(line) for line in printout) <= PRINTOUT_WIDTH, letter
    assert answer_for("a").printout[0] == f"softmax(s1) = {SHEET_S1}"


def _focus_scripts(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html") if ".st-key-answer_" in el.proto.body]


def test_a_reveal_moves_the_focus_to_its_answer_on_that_run_only() -> None:
    """The pressed button turns disabled and loses the focus: the run after the press adds
    the script that focuses the answer just shown; the next run (another edit) does not."""
    at = run_page()
    assert _focus_scripts(at) == []
    at = reveal(at, "b")
    (script,) = _focus_scripts(at)
    assert "'.st-key-answer_b'" in script
    assert "'Answer (b)'" in script
    at.text_input(key="pd2").set_value("3")
    rerun(at)
    assert _focus_scripts(at) == []
