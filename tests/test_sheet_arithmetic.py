"""The sheet page's calculator for typed predictions (softlse_app.sheet.arithmetic): what it
reads, what it refuses, and that nothing typed reaches Python."""

from __future__ import annotations

import math

import pytest

from softlse_app.sheet.arithmetic import MAX_DEPTH, bracket_suggestion, evaluate_arithmetic
from softlse_app.sheet.judging import read_number_prediction


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("log(2)/10", math.log(2) / 10),
        ("ln(2) / 10", math.log(2) / 10),
        ("1/(1+e^-1)", 1 / (1 + math.exp(-1))),  # the sheet's σ₁ at λ(x − y) = 1
        ("3 + log(3)", 3 + math.log(3)),
        ("exp(1)/(exp(1)+exp(2)+exp(3))", 0.09003057317038046),
        ("2**10", 1024.0),
        ("2^3^2", 512.0),  # right-associative
        ("-2^2", -4.0),
        ("2^-1", 0.5),
        ("−1 × 2 · 3", -6.0),
        ("log10(1000) + log2(8)", 6.0),
        ("sqrt(2)^2", 2.0000000000000004),
        ("pi/2", math.pi / 2),
        ("π", math.pi),
        (".5e1", 5.0),
        ("((((1))))", 1.0),
    ],
)
def test_reads_arithmetic(text: str, value: float) -> None:
    assert evaluate_arithmetic(text) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "log",
        "log 2",
        "log(",
        "(1",
        "1)",
        "1 2",
        "2e",
        "abs(1)",
        "1/0",
        "log(-1)",
        "sqrt(-1)",
        "(-8)^(1/3)",
        "__import__('os').system('true')",
        "().__class__",
        "1; 2",
        "x",
        "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1),
        "-" * (MAX_DEPTH + 1) + "1",
    ],
)
def test_refuses_what_is_not_arithmetic(text: str) -> None:
    assert evaluate_arithmetic(text) is None


def test_overflow_reads_as_infinity_and_the_prediction_says_so() -> None:
    assert evaluate_arithmetic("exp(1000)") == math.inf
    assert evaluate_arithmetic("10^400") == math.inf
    assert "infinity" in read_number_prediction("exp(1000)").note
    assert read_number_prediction("-exp(1000)").note.startswith("This reads as minus infinity")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1/exp(1000)", 0.0),  # 5e-435: below the smallest float too
        ("-exp(1000)", -math.inf),
        ("(-10)^401", -math.inf),  # an odd power keeps the sign
        ("(-10)^400", math.inf),
        ("2^-2000", 0.0),
        ("1/10^400", 0.0),
        ("exp(1000)/2", math.inf),  # inf/finite stays inf, as in IEEE arithmetic
        ("exp(-exp(1000))", 0.0),
        ("log(exp(1000))", math.inf),
    ],
)
def test_a_step_beyond_the_float_range_is_signed_infinity_and_the_rest_goes_on(
    text: str, value: float
) -> None:
    # an overflow inside a formula used to make the whole formula +inf, so 1/exp(1000) read as
    # infinity (a student was told their near-zero answer was beyond the largest float)
    assert evaluate_arithmetic(text) == value
    reading = read_number_prediction(text)
    if math.isinf(value):
        assert "infinity" in reading.note
    else:
        assert reading.note is None
        assert reading.value == value


def test_inf_minus_inf_is_not_a_number() -> None:
    assert evaluate_arithmetic("exp(1000) - exp(1000)") is None
    assert read_number_prediction("exp(1000) - exp(1000)").note.startswith("This is not a")


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("log 2/10", "log(2)/10"),  # the sheet's own answer writes log 2/λ
        ("log 2 / 10", "log(2)/10"),
        ("ln2/10", "ln(2)/10"),
        ("log2/10", "log(2)/10"),  # log2 without brackets is not the base-2 log of anything
        ("log10/100", "log(10)/100"),
        ("log2+1", "log(2)+1"),  # not log2(+1)
        ("log2-1", "log(2)-1"),
        ("log2*3", "log(2)*3"),
        ("log2.5/10", "log(2.5)/10"),  # not log2(.5)/10
        ("log22", "log(22)"),  # not log2(2): log2 is split off only when written log2(…)
        ("log2 8", "log2(8)"),
        ("log10 100", "log10(100)"),
        ("exp -2", "exp(-2)"),
        ("1/(1+exp -1)", "1/(1+exp(-1))"),
        ("3 + log 3", "3+log(3)"),
        ("log e", "log(e)"),
        ("sqrt2", "sqrt(2)"),
    ],
)
def test_a_function_without_brackets_gets_the_bracketed_text_suggested(
    text: str, suggestion: str
) -> None:
    assert evaluate_arithmetic(text) is None  # never guessed and judged
    assert bracket_suggestion(text) == suggestion
    assert evaluate_arithmetic(suggestion) is not None
    note = read_number_prediction(text).note
    assert note == (
        f"A function needs its argument in brackets: did you mean {suggestion}? Type it that "
        "way and it is judged."
    )


@pytest.mark.parametrize(
    "text", ["log(2)/10", "abc", "log", "log -1", "log 2)", "exp(", "x 2", "12%"]
)
def test_no_suggestion_where_brackets_would_not_help(text: str) -> None:
    assert bracket_suggestion(text) is None
    note = read_number_prediction(text).note
    assert note is None or "did you mean" not in note


def test_a_prediction_can_be_a_formula() -> None:
    reading = read_number_prediction("log(2)/10")
    assert reading.value == pytest.approx(0.0693147180559945, rel=1e-15)
    assert reading.note is None
    note = read_number_prediction("log(x)").note
    assert note.startswith("This is not a number.")
    assert "exp(-2)" in note  # it shows what it does read, with no answer as the example


def test_text_copied_back_from_the_page_reads_as_it_looks() -> None:
    """'You typed: log(2)' carries word joiners (U+2060) against Markdown; copied back into a
    box it is log(2), not 'not a number'."""
    assert read_number_prediction("log\u2060(2)\u2060/10").value == pytest.approx(0.0693147181)
    assert read_number_prediction("\u200b0.25").value == 0.25


@pytest.mark.parametrize("text", ["log(2)/λ", "log 2/λ", "log(2)/lambda", "ln2/lam", "Λ"])
def test_a_formula_in_lambda_asks_for_lambdas_value_without_giving_anything_away(text: str) -> None:
    note = read_number_prediction(text).note
    assert note == (
        "This is a formula in λ, not a number: put in the value of λ the question gives (if "
        "it were λ = 10, you would write 3/10 for 3/λ), and it is judged."
    )
    assert "log" not in note  # the example is no answer of the sheet


def test_words_that_merely_contain_lam_are_not_lambda() -> None:
    assert read_number_prediction("lamp").note.startswith("This is not a number.")
