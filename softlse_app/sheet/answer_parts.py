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


#: Per page, the controls that make up the view a sheet link names, at the page's defaults. A
#: link sets every one of them (its own parameters over these), so it opens the view its label
#: names whatever the page showed last: "s1 rescaled by a = 10" after "offset c = 10" kept
#: c = 10, and "at λ = 100" after the sheet view stayed on the sheet view. The person's
#: preferences (grid resolution and extent on the softmax page, digits, open sections, the
#: gradient's λ and point) stay theirs. The page writes defaults out of the address on arrival;
#: ``tests/test_sheet_links.py`` checks that these are the pages' defaults.
VIEW_DEFAULTS: dict[str, dict[str, str]] = {
    "vector_lab": {"lam": "1", "neg": "false", "c": "0", "a": "1", "section": "Offset and scale"},
    "lse_vs_max": {"view": "explore", "lam": "1", "neg": "false", "extent": "1"},
    "softmax_grid": {"lams": "1, 10, 100", "ties": "split"},
}


@dataclass(frozen=True)
class DeepLink:
    """A link into the page and view that explores an answer further: the page's URL path and
    the query parameters that differ from the view's defaults (:data:`VIEW_DEFAULTS`)."""

    label: str
    url_path: str
    params: dict[str, str]

    @property
    def query(self) -> dict[str, str]:
        """The link's query parameters: every control of the view, at ``params`` or its
        default."""
        return {**VIEW_DEFAULTS.get(self.url_path, {}), **self.params}


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
