"""The shape of an answer to one of the sheet's questions (no Streamlit): what the page
shows once a question is revealed, and what each prediction is judged against.

An :class:`Answer` holds a one-sentence ``summary``, the numbers as code prints them
(``printout``), result sentences, the derivation, links to explore further and, per prediction
key, the truth: a number with the reasoning that leads to it and hints for typical slips
(:class:`NumberTruth`), or the right option with the reason for every option
(:class:`ChoiceTruth`). The four answers are built in ``softmax_answer``, ``gap_answer``,
``gradient_answer`` and ``limit_answer`` from the live numbers of
:mod:`softlse_app.sheet.numbers`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from softlse_app.sheet.judging import Hint


@dataclass(frozen=True)
class NumberTruth:
    """The value a number prediction is judged against, as the page prints it, with the
    reasoning that leads to it and hints for typical slips."""

    value: float
    text: str
    reasoning: str
    hints: tuple[Hint, ...] = ()
    #: the answer's hard bounds: a prediction outside them is "not possible"
    possible: tuple[float, float] = (-math.inf, math.inf)
    #: the point a prediction's size is measured from (1 for a probability near 1, max for
    #: lse): "the right size" means within a factor of 3 of the answer's distance from it
    reference: float = 0.0


@dataclass(frozen=True)
class ChoiceTruth:
    """The right option of a choice prediction and, for every option, why it is or is not."""

    correct: str
    why: dict[str, str]


#: Markdown paragraphs and LaTeX formulas, in order: ("md" | "latex", text).
Derivation = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DeepLink:
    """A link into the page and view that explores an answer further: the page's URL path and
    the query parameters of the view."""

    label: str
    url_path: str
    params: dict[str, str]


#: The longest printout line a 390 px wide phone shows in the answer's code block without
#: wrapping it (about 35 characters of the code font fit there).
PRINTOUT_WIDTH = 34


@dataclass(frozen=True)
class Answer:
    """One question's answer: a one-sentence summary, the numbers as code prints them
    (``printout``: lines of at most :data:`PRINTOUT_WIDTH` characters, so that a phone shows
    them unwrapped, except (a)'s, which are the sheet's own lines), result sentences, the
    derivation, links to explore further and the truth per prediction key."""

    letter: str
    summary: str
    printout: tuple[str, ...]
    results: tuple[str, ...]
    derivation: Derivation
    links: tuple[DeepLink, ...]
    truths: dict[str, NumberTruth | ChoiceTruth]


def near(target: float, rel: float) -> Callable[[float], bool]:
    """A hint's test: "the prediction is within ``rel`` (relative) of ``target``"."""
    return lambda p: abs(p - target) <= rel * abs(target)
