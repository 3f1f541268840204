"""Unit tests of the sheet page's parts: reading typed predictions and ``?reveal=``, judging,
the right numpy code shown for (b) and (c) (run here against softlse_core and scipy), the
numbers behind the answers (against mpmath) and the HTML summary."""

from __future__ import annotations

import doctest
import math
import types
from datetime import UTC, datetime

import mpmath
import numpy as np
import pytest
from scipy.special import logsumexp
from scipy.special import softmax as scipy_softmax

from softlse_app.sheet import arithmetic, judging, numbers, progress, summary
from softlse_app.sheet.answers import ChoiceTruth, NumberTruth, build_answer, judge
from softlse_app.sheet.judging import judge_number, read_number_prediction
from softlse_app.sheet.numbers import format_like_numpy, gap_results, limit_results
from softlse_app.sheet.progress import read_reveal, reveal_text
from softlse_app.sheet.questions import PREDICTIONS, QUESTIONS
from softlse_app.sheet.sheet_code import (
    RIGHT_IMSHOW_CODE,
    SHEET_LSE_CODE,
    lse_on_grid,
    onehot_on_grid,
    shown_source,
    softmax_on_grid,
)
from softlse_app.sheet.summary import summary_file_name, summary_html
from softlse_core import lse, softmax

READABLE = [
    ("0.07", 0.07),
    (" 7e-2 ", 0.07),
    ("0,07", 0.07),
    ("7%", 0.07),
    ("1/4", 0.25),
    ("-3", -3.0),
    ("99.99 %", 0.9999),
]


@pytest.mark.parametrize(("text", "value"), READABLE)
def test_typed_numbers_are_read(text: str, value: float) -> None:
    reading = read_number_prediction(text)
    assert reading.note is None
    assert reading.value == pytest.approx(value, rel=1e-15)


UNREADABLE = [
    ("abc", "not a number"),
    ("1_000", "not a number"),
    ("1e999", "infinity"),
    ("-inf", "infinity"),
    ("nan", "nan"),
    ("1/0", "divides by zero"),
    ("1e308/1e-308", "infinity"),
    ("2/x", "not a number"),
    ("0" * 65, "65 characters long"),
    ("1e999/1e999", "nan"),
]


@pytest.mark.parametrize(("text", "problem"), UNREADABLE)
def test_unreadable_predictions_name_the_problem(text: str, problem: str) -> None:
    reading = read_number_prediction(text)
    assert reading.value is None
    assert reading.note is not None
    assert problem in reading.note


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_text_is_no_prediction(text: str) -> None:
    assert read_number_prediction(text) == read_number_prediction("")
    assert read_number_prediction(text).note is None
    assert judge(build_answer("b").truths["pb1"], text).verdict.startswith("No prediction")


@pytest.mark.parametrize(
    ("prediction", "headline", "close"),
    [
        (1.0 + 5e-9, "Right: you said 1, which is the answer, 1.", True),
        (1.0099, "Very close: you said 1.0099, the answer is 1 (relative error 0.99 %)", True),
        (1.05, "Close", True),
        (2.5, "The right size", False),
        (0.34, "The right size", False),
        (4.0, "Far off", False),
        (-1.0, "Far off", False),
    ],
)
def test_numbers_are_judged_by_relative_error(
    prediction: float, headline: str, close: bool
) -> None:
    judgement = judge_number(prediction, 1.0, "1", "because")
    assert judgement.verdict.startswith(headline)
    assert judgement.close is close
    assert judgement.reasons[-1] == "because"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("1e-400", "1e-400"),
        ("-2E-999", "-2E-999"),
        ("1e-400/3", "1e-400"),
        ("3e-500%", "3e-500"),
        ("1e-300/1e300", "This fraction"),  # each part is a number; their quotient is not
    ],
)
def test_a_number_that_rounds_to_zero_is_judged_as_zero_and_said_to(text: str, named: str) -> None:
    reading = read_number_prediction(text)
    assert reading.value == 0.0
    assert reading.note == (
        f"{named} is smaller than the smallest number the computer holds (about 4.9e-324), "
        "so it counts as 0 and is judged as 0."
    )
    judgement = judge(build_answer("a").truths["pa2"], text)  # the largest of 3: ≥ 1/3
    assert judgement.verdict.startswith("Not possible: you said 0, the answer is")
    assert judgement.reasons[0] == reading.note  # said first, then why the answer is what it is


@pytest.mark.parametrize("text", ["0", "0.0e5", "1-1", "0,0", "-0", "0/3"])
def test_a_zero_written_as_zero_gets_no_rounding_note(text: str) -> None:
    assert read_number_prediction(text) == judging.NumberReading(0.0)


def test_hints_name_the_typical_slip() -> None:
    truth = build_answer("a").truths["pa2"]
    assert isinstance(truth, NumberTruth)
    slip = judge(truth, "0.665")  # softmax(s1)'s largest component
    assert any("acts like λ = 10" in reason for reason in slip.reasons)
    out_of_range = judge(truth, "1.5")
    assert "between 0 and 1" in out_of_range.reasons[0]
    gap = judge(build_answer("b").truths["pb1"], "0.69")
    assert any("the gap for λ = 1" in reason for reason in gap.reasons)


def test_every_option_of_every_choice_has_a_reason() -> None:
    for letter in "abcd":
        answer = build_answer(letter)
        for key, truth in answer.truths.items():
            prediction = PREDICTIONS[key]
            if isinstance(truth, ChoiceTruth):
                assert set(truth.why) == set(prediction.options)  # type: ignore[union-attr]
                assert truth.correct in truth.why
        question = next(q for q in QUESTIONS if q.letter == letter)
        assert {p.key for p in question.predictions} == set(answer.truths)


@pytest.mark.parametrize(
    ("raw", "letters"),
    [
        (["a,b"], "a,b"),
        (["d,a,d"], "a,d"),
        (["C"], "c"),
        (["a", "c"], "a,c"),
        ([" b ; d "], "b,d"),
        (["ALL"], "a,b,c,d"),
        (["e,f"], ""),
        ([""], ""),
        ([], ""),
    ],
)
def test_reveal_text_is_read_into_letters(raw: list[str], letters: str) -> None:
    reading = read_reveal(raw)
    assert reading.value is not None
    assert reveal_text(reading.value) == letters


def test_reveal_notes_quote_hostile_text_shortened_and_inert() -> None:
    note = read_reveal(["a,`x`<b>"]).note
    assert note is not None
    assert "only a, b, c, d" in note
    assert "`x`" not in note  # backticks cannot end the note's code span
    long_note = read_reveal(["a" * 10**6]).note
    assert long_note is not None
    assert "1,000,000 characters" in long_note
    assert "…" in long_note
    assert len(long_note) < 200


def test_the_right_numpy_matches_softlse_core_and_never_overflows() -> None:
    axis = np.linspace(-1.0, 1.0, 41)
    x, y = np.meshgrid(axis, axis)
    pair = np.stack([x, y])
    for lam in (1.0, 10.0, 100.0, 1000.0):
        np.testing.assert_allclose(
            lse_on_grid(x, y, lam), lse(pair, lam, axis=0), rtol=1e-14, atol=1e-15
        )
        p = softmax_on_grid(x, y, lam)
        np.testing.assert_allclose(p, softmax(pair, lam, axis=0), rtol=1e-12, atol=1e-300)
        np.testing.assert_allclose(p, scipy_softmax(lam * pair, axis=0), rtol=1e-12, atol=1e-300)
        assert np.isfinite(p).all()
    onehot = onehot_on_grid(x, y)
    np.testing.assert_array_equal(onehot[0][x > y], 1.0)
    np.testing.assert_array_equal(onehot[0][x == y], 0.5)
    np.testing.assert_array_equal(onehot.sum(axis=0), 1.0)


def test_the_shown_code_is_short_and_has_no_type_hints_or_docstring() -> None:
    shown = shown_source(softmax_on_grid)
    assert shown.splitlines()[0] == "def softmax_on_grid(x, y, lam):"
    assert len(shown.splitlines()) == 3
    assert '"""' not in shown
    assert "np.exp(lamb * x[0][i][j])" in SHEET_LSE_CODE  # the sheet's unshifted loop


def test_the_right_code_shown_for_c_runs_after_the_sheets_grid() -> None:
    """What the page shows as the right code for (c), pasted after the sheet's own set-up
    (x, y = np.linspace(-1, 1, 100); X, Y = np.meshgrid(x, y)), runs and hands imshow σ₁ on
    the grid with real coordinates (plt stands in for matplotlib, which the app lacks)."""
    drawn: list[tuple[object, dict]] = []
    plt = types.SimpleNamespace(imshow=lambda image, **options: drawn.append((image, options)))
    names = {"np": np, "plt": plt}
    exec(  # noqa: S102 — the page's own constant code, run as a student would paste it
        "x = np.linspace(-1, 1, 100)\ny = np.linspace(-1, 1, 100)\nX, Y = np.meshgrid(x, y)\n"
        + shown_source(softmax_on_grid)
        + "\n"
        + RIGHT_IMSHOW_CODE,
        names,
    )
    ((image, options),) = drawn
    x, y = np.meshgrid(np.linspace(-1, 1, 100), np.linspace(-1, 1, 100))
    np.testing.assert_allclose(image, softmax(np.stack([x, y]), 10.0, axis=0)[0], rtol=1e-12)
    assert options == {"origin": "lower", "extent": (-1, 1, -1, 1), "vmin": 0, "vmax": 1}


def test_answer_numbers_against_mpmath() -> None:
    mpmath.mp.dps = 40
    gaps = gap_results()
    for lam in (1.0, 10.0, 100.0):
        exact = float(mpmath.log(2) / lam)
        assert gaps.largest[lam] == pytest.approx(exact, rel=1e-12)
    far = float(mpmath.log(1 + mpmath.e ** (-20)) / 10)
    assert gaps.far_corner_gap == pytest.approx(far, rel=1e-13)  # lse_gap: no cancellation
    limits = limit_results()
    for lam, value in limits.table.items():
        exact = mpmath.log(sum(mpmath.e ** (lam * s) for s in (1, 2, 3))) / lam
        assert value == pytest.approx(float(exact), rel=1e-15)
    assert limits.table[1.0] == pytest.approx(logsumexp([1.0, 2.0, 3.0]), rel=1e-15)
    exact_gap = mpmath.log(1 + mpmath.e ** (-100) + mpmath.e ** (-200)) / 100
    assert limits.gaps[100.0] == pytest.approx(float(exact_gap), rel=1e-13)
    assert math.isinf(gaps.naive_at_overflow)


def test_numbers_print_as_numpy_does_by_default() -> None:
    with np.printoptions(precision=3, suppress=True):  # the page ignores global options
        assert format_like_numpy(scipy_softmax([10.0, 20.0, 30.0])) == (
            "[2.06106005e-09 4.53978686e-05 9.99954600e-01]"
        )


def test_summary_escapes_predictions_and_holds_only_revealed_answers() -> None:
    predictions = {"pa1": "the same", "pa2": "<script>alert(1)</script>", "pb1": "0.07"}
    html = summary_html(predictions, {"a": build_answer("a")})
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "softmax(s3) = [2.06106005e-09 4.53978686e-05 9.99954600e-01]" in html
    assert "Right: the same." in html
    assert "0.0693147" not in html  # (b) is not revealed
    assert html.count("Not revealed yet.") == 3
    assert "<code>0.07</code>" in html


@pytest.mark.parametrize(
    "module", [arithmetic, judging, progress, numbers, summary], ids=lambda m: m.__name__
)
def test_docstring_examples_run(module: object) -> None:
    failures, tried = doctest.testmod(module, raise_on_error=False)  # type: ignore[arg-type]
    assert tried > 0
    assert failures == 0


def test_the_sheets_log_axis_has_plain_labels() -> None:
    from softlse_app.sheet.figures import lse_limit_figure
    from softlse_app.sheet.numbers import limit_results

    fig, _alt = lse_limit_figure(limit_results())
    axis = fig.layout.xaxis
    assert axis.type == "log"
    assert list(axis.ticktext) == ["0.5", "1", "2", "5", "10", "20", "50", "100"]
    assert axis.exponentformat == "power"


@pytest.mark.parametrize(
    ("letter", "key", "text", "headline"),
    [
        # the largest of three softmax components is at least 1/3, and its size is 1 − p
        ("a", "pa2", "0.5", "Far off"),
        ("a", "pa2", "1/3", "Far off"),
        ("a", "pa2", "0.2", "Not possible"),
        ("a", "pa2", "0.9999", "Very close"),
        ("a", "pa2", "0.99995", "Right"),  # 0.9999546 to the five digits typed
        # lse(s1, 1) lies in [3, 3 + log 3]; its size is the gap above max = 3
        ("d", "pd2", "10", "Not possible"),
        ("d", "pd2", "1.2", "Not possible"),
        ("d", "pd2", "3 + log(3)", "Not close"),  # the upper bound, named by a hint
        ("d", "pd2", "3.9", "The right size, but not close"),  # gap 0.9 against 0.41
        ("d", "pd2", "3.05", "Far off"),  # gap 0.05 against 0.41, though 10 % from lse
        # ∂lse/∂x = σ₁ = 0.731; σ₂ = 0.269 is the other component, named by a hint
        ("c", "pc2", "0.27", "Not close"),
        ("c", "pc2", "1/(1+e)", "Not close"),
        ("c", "pc2", "1.5", "Not possible"),
        # the bounds come first: 1.05 is 5 % from 0.99995 but no probability
        ("a", "pa2", "1.05", "Not possible"),
        ("b", "pb1", "-0.01", "Not possible"),
        # digits typed to the answer's last digit are not Right when a hint names a slip
        ("a", "pa2", "1.0000", "Very close"),
    ],
)
def test_right_size_is_measured_on_the_answers_own_scale_and_bounds(
    letter: str, key: str, text: str, headline: str
) -> None:
    """A student-tester's finding: 1/3 for a probability of 0.99995, or 10 for an lse that
    must lie in [3, 4.0986], were called "the right size"."""
    judgement = judge(build_answer(letter).truths[key], text)
    assert judgement.verdict.startswith(f"{headline}: you said "), judgement.verdict


@pytest.mark.parametrize("text", ["0.0693147", "0,06931472", "0.06931"])
def test_the_answer_typed_to_its_printed_digits_is_right(text: str) -> None:
    """(b) prints 0.0693147; typing those digits was "Very close … relative error
    2.6e-05 %", which contradicts itself. Four significant digits or more that agree with
    log(2)/10 to their last digit are right."""
    judgement = judge(build_answer("b").truths["pb1"], text)
    assert judgement.close
    assert judgement.verdict.startswith("Right: you said "), judgement.verdict
    assert judgement.verdict.endswith("to every digit you typed.")


@pytest.mark.parametrize(("text", "headline"), [("0.07", "Very close"), ("0.06932", "Very close")])
def test_too_few_or_wrong_last_digits_stay_very_close(text: str, headline: str) -> None:
    judgement = judge(build_answer("b").truths["pb1"], text)
    assert judgement.verdict.startswith(f"{headline}: "), judgement.verdict


@pytest.mark.parametrize("text", ["log 2/10", "ln2/10"])
def test_a_prediction_missing_brackets_is_judged_as_suggested_once_revealed(text: str) -> None:
    """Before its reveal the box asks for brackets; revealed, the box is locked, so the
    reading it suggested is judged, and the verdict says how the text was read."""
    assert read_number_prediction(text).value is None
    judgement = judge(build_answer("b").truths["pb1"], text)
    assert judgement.verdict.startswith("Right: you said 0.0693147181")
    assert judgement.reasons[0].startswith("Read as l")
    assert judgement.reasons[0].endswith("(2)/10: a function takes its argument in brackets.")


def test_summary_names_the_student_and_the_time_and_escapes_the_name() -> None:
    """A teacher collecting a class's files tells them apart by name and time."""
    made = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)
    html = summary_html({}, {}, "<b>Ada</b> Lovelace", made)
    assert "<p>&lt;b&gt;Ada&lt;/b&gt; Lovelace, 2026-12-02 14:05 UTC. Questions revealed" in html
    assert summary_file_name("<b>Ada</b> Lovelace", made) == (
        "softlse-sheet-7-summary-b-ada-b-lovelace-2026-12-02-1405.html"
    )
    assert summary_file_name("", made) == "softlse-sheet-7-summary-2026-12-02-1405.html"
    assert summary_file_name("Zoë Ngũgĩ", made).startswith("softlse-sheet-7-summary-zoë-ngũgĩ-")
    anonymous = summary_html({}, {}, "  ", made)
    assert "<p>2026-12-02 14:05 UTC. Questions revealed: 0 of 4." in anonymous
