"""Reading a typed prediction and judging a prediction against the revealed answer.

A prediction is text a person typed (or a link carried), so :func:`read_number_prediction`
never raises and never hands it to Python: it accepts a plain decimal (``0.07``, ``7e-2``), a
decimal comma (``0,07``), a percentage (``7%``), a fraction of two such numbers (``1/4``) or a
small arithmetic expression read by :mod:`softlse_app.sheet.arithmetic`'s own parser
(``log(2)/10``, ``1/(1+e^-1)``), and names the problem otherwise — empty, too long, not a
number, ``nan``, or beyond the float range (``1e999`` reads as infinity). The text itself is
never changed: the box keeps it.

Judging a number uses the relative error |p − t| / |t| against the true value t; judging a
choice says whether it is the right option and why (the reason per option comes from
:mod:`softlse_app.sheet.answers`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from softlse_app.sheet.arithmetic import bracket_suggestion, evaluate_arithmetic
from softlse_core.vector_input import without_invisible_marks, written_as_nonzero

#: Longest text read as a number; anything longer is named as too long (a double needs at most
#: ~25 characters, so 64 leaves room for spaces and a fraction).
MAX_NUMBER_TEXT = 64

_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


@dataclass(frozen=True)
class NumberReading:
    """A typed number prediction: ``value`` when it can be judged, else ``note`` names the
    problem. Both are ``None`` for an empty box (no prediction, which is allowed). Both are
    set when the text is judged as a value it does not look like (``1e-400`` is 0), and the
    note says so."""

    value: float | None
    note: str | None = None
    #: the text with a function's argument put in brackets, when that reading is the note's
    #: suggestion (``log 2/10`` → ``log(2)/10``)
    suggestion: str | None = None


def _plain_number(text: str) -> float | None:
    """``float(text)`` for Python's decimal syntax without ``_`` separators, else ``None``.
    May be ``nan`` or ``±inf``."""
    if "_" in text:
        return None
    if _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


#: λ written as a symbol in a typed prediction (λ, Λ, lambda, lam).
_SYMBOLS = re.compile(r"[λΛ]|\blam(?:bda)?\b", re.IGNORECASE)


def read_number_prediction(text: str) -> NumberReading:
    """Read a typed prediction (see the module docstring for what is accepted).

    Examples
    --------
    >>> read_number_prediction("1/4").value
    0.25
    >>> read_number_prediction("12.5%").value
    0.125
    >>> round(read_number_prediction("log(2)/10").value, 8)
    0.06931472
    >>> read_number_prediction("abc").note.endswith("or a formula such as exp(-2).")
    True
    >>> read_number_prediction("log 2/10").note.split(": ")[1]
    'did you mean log(2)/10? Type it that way and it is judged.'
    >>> read_number_prediction("  ")
    NumberReading(value=None, note=None, suggestion=None)
    """
    stripped = without_invisible_marks(text).strip()  # e.g. echoed text copied back
    if not stripped:
        return NumberReading(None)
    if len(stripped) > MAX_NUMBER_TEXT:
        return NumberReading(
            None,
            f"This is {len(stripped):,} characters long, too long to be a number, so it is "
            "not judged. Type a number such as 0.25.",
        )
    numerator, slash, denominator = stripped.partition("/")
    percent = not slash and stripped.endswith("%")
    if percent:
        numerator = stripped[:-1].rstrip()
    top = value = _plain_number(numerator.strip())
    if slash:
        below = _plain_number(denominator.strip())
        if value is None or below is None:
            value = None
        elif below == 0:
            return NumberReading(None, "This fraction divides by zero, so it is not a number.")
        else:
            value = value / below if math.isfinite(value) and math.isfinite(below) else math.nan
    plain = value is not None  # a number or a fraction of two; else a formula, read below
    if value is None and not percent:
        value = evaluate_arithmetic(stripped)
    if value is None:
        suggestion = None if percent else bracket_suggestion(stripped)
        if suggestion is not None:
            return NumberReading(
                None,
                f"A function needs its argument in brackets: did you mean {suggestion}? Type "
                "it that way and it is judged.",
                suggestion,
            )
        if _SYMBOLS.search(stripped):  # log(2)/λ: the answer's formula, not its value
            return NumberReading(
                None,
                "This is a formula in λ, not a number: put in the value of λ the question "
                "gives (if it were λ = 10, you would write 3/10 for 3/λ), and it is judged.",
            )
        return NumberReading(
            None,
            "This is not a number. Type a decimal such as 0.25, a fraction such as 1/4 or a "
            "formula such as exp(-2).",
        )
    if math.isnan(value):
        return NumberReading(None, "nan (not a number) cannot be compared with anything.")
    if math.isinf(value):
        return NumberReading(
            None,
            f"This reads as {'minus ' if value < 0 else ''}infinity: it is beyond the largest "
            "floating-point number (about 1.8e308) in size, so it is not judged.",
        )
    # Written nonzero but read as 0 (1e-400; 1e-300/1e300, whose quotient underflows): said.
    # Not a 0 written as one (0, 0.0e5, 0/3), nor a formula's (1-1, 1/exp(1000)), whose steps
    # overflow and underflow as arithmetic does.
    if value == 0 and plain and written_as_nonzero(numerator.strip()):
        tiny = numerator.strip() if top == 0 else "This fraction"
        return NumberReading(
            0.0,
            f"{tiny} is smaller than the smallest number the computer holds (about "
            "4.9e-324), so it counts as 0 and is judged as 0.",
        )
    return NumberReading(value / 100 if percent else value)


@dataclass(frozen=True)
class Judgement:
    """How a prediction compares with the answer: ``close`` (shown as a success), a one-line
    ``verdict`` and the ``reasons`` behind it."""

    close: bool
    verdict: str
    reasons: tuple[str, ...] = ()


#: A hint about a typical mistake: shown when ``applies(prediction)`` holds.
Hint = tuple[Callable[[float], bool], str]


#: A relative error this small is the answer itself: an exact formula typed as such
#: (``log(e+e^2+e^3)``) or the printed answer copied, where "very close" would read as a slip.
EXACT = 1e-8


def relative_error(prediction: float, truth: float) -> float:
    """|prediction − truth| / |truth| (``truth`` is never 0 for this sheet's numbers)."""
    return abs(prediction - truth) / abs(truth)


def format_relative_error(error: float) -> str:
    """A relative error as a percentage with two significant digits, in plain digits from
    0.0001 % to a billion per cent: ``4.5 %``, ``0.0045 %``, ``620 %`` and ``150,000 %``
    (not ``6.2e+02 %``); e-notation only beyond.

    >>> [format_relative_error(e) for e in (0.045, 4.5e-5, 6.2, 1500.0, 3e-9, 1e20)]
    ['4.5 %', '0.0045 %', '620 %', '150,000 %', '3e-07 %', '1e+22 %']
    """
    percent = float(f"{error * 100:.2g}")
    if 100 <= percent < 1e9:
        return f"{percent:,.0f} %"
    return f"{percent:.2g} %"


def judge_number(
    prediction: float,
    truth: float,
    truth_text: str,
    reasoning: str,
    hints: Sequence[Hint] = (),
    *,
    possible: tuple[float, float] = (-math.inf, math.inf),
    reference: float = 0.0,
    typed_half_unit: float | None = None,
) -> Judgement:
    """Judge a number by its relative error: within :data:`EXACT` right (an exact formula,
    or the answer's printed digits), and so is a decimal typed with at least
    :data:`MIN_TYPED_DIGITS` significant digits that is the answer to its last digit
    (``typed_half_unit``, half a unit of that digit) unless it is outside the ``possible``
    range or a hint names it (1.0000 for a probability of 0.99995). A prediction outside the
    ``possible`` range (the answer's hard bounds, such as [0, 1] for a probability) is not
    possible; within 1 % very close, within 10 % close; beyond, one that a hint names as a
    typical slip is not close; one whose distance from ``reference`` is within a factor of 3
    of the answer's (same side) is the right size — 1 − p for a probability near 1,
    lse − max for lse; otherwise far off. ``truth_text`` is the answer as the page prints
    it; ``reasoning`` explains how to get it; each hint whose test holds is added first."""
    error = relative_error(prediction, truth)
    reasons = tuple(text for applies, text in hints if applies(prediction))
    if error <= EXACT:
        verdict = f"Right: you said {prediction:.9g}, which is the answer, {truth_text}."
        return Judgement(True, verdict, (*reasons, reasoning))
    low, high = possible
    possible_here = low <= prediction <= high
    typed_right = typed_half_unit is not None and abs(prediction - truth) <= typed_half_unit
    if typed_right and possible_here and not reasons:  # a named slip (1.0000 for p) is not
        verdict = (
            f"Right: you said {prediction:.9g}, which is the answer, {truth_text}, to every "
            "digit you typed."
        )
        return Judgement(True, verdict, (*reasons, reasoning))
    if not possible_here:
        headline = "Not possible"
    elif error <= 0.01:
        headline = "Very close"
    elif error <= 0.1:
        headline = "Close"
    elif reasons:
        headline = "Not close"
    elif truth != reference and 1 / 3 <= (prediction - reference) / (truth - reference) <= 3:
        headline = "The right size, but not close"
    else:
        headline = "Far off"
    verdict = (
        f"{headline}: you said {prediction:.9g}, the answer is {truth_text} "
        f"(relative error {format_relative_error(error)})."
    )
    return Judgement(possible_here and error <= 0.1, verdict, (*reasons, reasoning))


#: A typed decimal needs this many significant digits to be called right to its last digit
#: (0.0693147 for log(2)/10 is; 0.07 is very close).
MIN_TYPED_DIGITS = 4


def typed_half_unit(text: str) -> float | None:
    """Half a unit in the last digit of ``text`` when it is a plain decimal (a decimal comma
    too) with at least :data:`MIN_TYPED_DIGITS` significant digits, else ``None``:
    ``"0.0693147"`` gives 5e-08, ``"0.07"`` and ``"log(2)/10"`` None.

    >>> typed_half_unit("0.0693147"), typed_half_unit("3,407606"), typed_half_unit("0.07")
    (5e-08, 5e-07, None)
    """
    stripped = without_invisible_marks(text).strip()
    if _DECIMAL_COMMA.fullmatch(stripped):
        stripped = stripped.replace(",", ".")
    if "_" in stripped:
        return None
    try:
        number = Decimal(stripped)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    _, digits, exponent = number.as_tuple()
    leading_zeros = next((i for i, digit in enumerate(digits) if digit), len(digits))
    if len(digits) - leading_zeros < MIN_TYPED_DIGITS or not isinstance(exponent, int):
        return None
    return 0.5 * 10.0**exponent


def judge_choice(choice: str, correct: str, why: Mapping[str, str]) -> Judgement:
    """Judge a picked option: right or not, with the reason for the option picked (and, when it
    is wrong, the reason for the right one)."""
    if choice == correct:
        return Judgement(True, f"Right: {correct}.", (why[correct],))
    return Judgement(
        False,
        f"Not this one: you picked {choice}; the answer is {correct}.",
        (why[choice], why[correct]),
    )


NO_PREDICTION = Judgement(False, "No prediction made: here is the answer anyway.")


def unreadable(note: str) -> Judgement:
    """The judgement of a number prediction whose text could not be read."""
    return Judgement(False, f"Your prediction was not judged. {note}")
