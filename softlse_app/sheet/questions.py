"""The sheet's questions (a)–(d) in our own words, with the predictions asked before each reveal.

Everything here is shown *before* a question is revealed, so nothing in this module may give an
answer away: no results, no hints at which option is right. The answers, the truths the
predictions are judged against and the feedback per option live in
:mod:`softlse_app.sheet.answers`. Each prediction's ``key`` is also its query parameter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumberPrediction:
    """A prediction typed as a number (query parameter ``key``)."""

    key: str
    label: str


@dataclass(frozen=True)
class ChoicePrediction:
    """A prediction picked from ``options`` (short labels, also the values in the URL), each
    with a caption saying what it means."""

    key: str
    label: str
    options: tuple[str, ...]
    captions: tuple[str, ...]


Prediction = NumberPrediction | ChoicePrediction


@dataclass(frozen=True)
class Question:
    """One question of the sheet: its letter, a title, the statement (Markdown paragraphs
    around LaTeX formulas, in order) and the predictions asked before the reveal. ``plain`` is
    the statement as plain text, for the downloaded summary."""

    letter: str
    title: str
    statement: tuple[tuple[str, str], ...]  # ("md" | "latex", text)
    plain: str
    predictions: tuple[Prediction, ...]


SOFTMAX_DEFINITION = (
    r"\operatorname{softmax}(\sigma,\lambda)_k"
    r"=\frac{e^{\lambda\sigma_k}}{\sum_{j=1}^{n} e^{\lambda\sigma_j}}"
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        letter="a",
        title="Softmax of three vectors",
        statement=(
            ("md", "Softmax turns a vector σ of scores into probabilities:"),
            ("latex", SOFTMAX_DEFINITION),
            (
                "md",
                "Take λ = 1 and the sheet's three vectors: s1 = (1, 2, 3), s2 = (11, 12, 13), "
                "which is s1 with 10 added to every entry, and s3 = (10, 20, 30), which is s1 "
                "multiplied by 10. Compute softmax(s1), softmax(s2) and softmax(s3). "
                "(i) What does adding the same constant c to every entry do to softmax? "
                "(ii) What does multiplying every entry by a constant do?",
            ),
            ("latex", r"s_2 = s_1 + 10,\qquad s_3 = 10\,s_1"),
        ),
        plain=(
            "softmax(σ, λ)_k = exp(λσ_k) / Σ_j exp(λσ_j). With λ = 1, compute softmax of "
            "s1 = (1, 2, 3), s2 = s1 + 10 = (11, 12, 13) and s3 = 10·s1 = (10, 20, 30). "
            "(i) What does adding a constant to every entry do? (ii) What does rescaling do?"
        ),
        predictions=(
            ChoicePrediction(
                key="pa1",
                label="softmax(s2) compared with softmax(s1) is…",
                options=("the same", "sharper", "flatter"),
                captions=(
                    "the same three numbers",
                    "more weight on the largest entry",
                    "closer to uniform, 1/3 each",
                ),
            ),
            NumberPrediction(
                key="pa2",
                label="The largest component of softmax(s3), s3 = (10, 20, 30)",
            ),
        ),
    ),
    Question(
        letter="b",
        title="Log-sum-exp on the square",
        statement=(
            ("md", "For two numbers x and y, log-sum-exp with inverse temperature λ is"),
            (
                "latex",
                r"\operatorname{lse}\bigl((x,y),\lambda\bigr)"
                r"=\frac{1}{\lambda}\log\bigl(e^{\lambda x}+e^{\lambda y}\bigr).",
            ),
            (
                "md",
                "Evaluate it on a grid over the square [−1, 1]² and draw contour plots for "
                "λ = 1, 10 and 100. Compare it with max(x, y): how large does the gap "
                "lse − max get, and where on the square?",
            ),
        ),
        plain=(
            "lse((x, y), λ) = (1/λ) log(exp(λx) + exp(λy)). Evaluate it on a grid over "
            "[−1, 1]² and draw contour plots for λ = 1, 10, 100. Compare with max(x, y): how "
            "large does the gap lse − max get, and where?"
        ),
        predictions=(
            NumberPrediction(
                key="pb1",
                label="The largest gap lse − max on [−1, 1]² for λ = 10",
            ),
            ChoicePrediction(
                key="pb2",
                label="Where on the square is the gap largest?",
                options=("corners", "diagonal x = y", "anti-diagonal x = −y", "edges", "centre"),
                captions=(
                    "the four points (±1, ±1)",
                    "the line from (−1, −1) to (1, 1)",
                    "the line from (−1, 1) to (1, −1)",
                    "the boundary of the square",
                    "only at the origin (0, 0)",
                ),
            ),
        ),
    ),
    Question(
        letter="c",
        title="Softmax on the square, and the gradient of lse",
        statement=(
            (
                "md",
                "On the same square, softmax((x, y), λ) has two components, σ₁ and σ₂ = 1 − σ₁:",
            ),
            (
                "latex",
                r"\begin{aligned}"
                r"\sigma_1(x,y)&=\frac{e^{\lambda x}}{e^{\lambda x}+e^{\lambda y}},\\"
                r"\sigma_2(x,y)&=\frac{e^{\lambda y}}{e^{\lambda x}+e^{\lambda y}}.\end{aligned}",
            ),
            (
                "md",
                "Draw σ₁ and σ₂ as images for λ = 1, 10, 100, next to the one-hot argmax "
                "(1 for the larger of x and y, 0 for the other). Then differentiate "
                "log-sum-exp with respect to one of its entries: which function is its "
                "gradient?",
            ),
            (
                "latex",
                r"\begin{aligned}\operatorname{lse}(\sigma,\lambda)"
                r"&=\frac{1}{\lambda}\log\sum_{j=1}^{n} e^{\lambda\sigma_j},\\"
                r"\frac{\partial}{\partial\sigma_i}\operatorname{lse}(\sigma,\lambda)&=\;?"
                r"\end{aligned}",
            ),
        ),
        plain=(
            "softmax((x, y), λ) = (σ1, σ2) with σ1 = exp(λx) / (exp(λx) + exp(λy)). Draw σ1 and "
            "σ2 over [−1, 1]² for λ = 1, 10, 100 next to the one-hot argmax. Then compute the "
            "partial derivatives of lse(σ, λ) = (1/λ) log Σ_j exp(λσ_j): which function is the "
            "gradient?"
        ),
        predictions=(
            ChoicePrediction(
                key="pc1",
                label="As λ grows, σ₁ over the square becomes…",
                options=(
                    "a step across x = y",
                    "a step across x = 0",
                    "unchanged",
                    "1/2 everywhere",
                ),
                captions=(
                    "1 on one side of the diagonal, 0 on the other",
                    "1 right of the vertical axis, 0 left of it",
                    "the same smooth ramp for every λ",
                    "an even split at every point",
                ),
            ),
            NumberPrediction(
                key="pc2",
                label="∂lse/∂x at (x, y) = (0.1, 0) for λ = 10",
            ),
        ),
    ),
    Question(
        letter="d",
        title="The limit of large λ",
        statement=(
            ("md", "What happens to log-sum-exp when the inverse temperature grows without bound?"),
            (
                "latex",
                r"\begin{aligned}&\lim_{\lambda\to\infty}\operatorname{lse}(\sigma,\lambda)\\"
                r"&\quad=\lim_{\lambda\to\infty}\frac{1}{\lambda}\log\sum_{j=1}^{n}"
                r" e^{\lambda\sigma_j}\;=\;?\end{aligned}",
            ),
        ),
        plain=("Find the limit of lse(σ, λ) = (1/λ) log Σ_j exp(λσ_j) as λ → ∞."),
        predictions=(
            ChoicePrediction(
                key="pd1",
                label="As λ → ∞, lse(σ, λ) tends to…",
                options=("max", "sum", "mean", "log n", "infinity", "0"),
                captions=(
                    "the largest entry",
                    "σ₁ + … + σₙ",
                    "(σ₁ + … + σₙ) / n",
                    "the log of the number of entries",
                    "it grows without bound",
                    "it vanishes",
                ),
            ),
            NumberPrediction(key="pd2", label="lse(s1, λ) for s1 = (1, 2, 3) and λ = 1"),
        ),
    ),
)

LETTERS: tuple[str, ...] = tuple(question.letter for question in QUESTIONS)

#: Every prediction, by its key (= query parameter).
PREDICTIONS: dict[str, Prediction] = {
    prediction.key: prediction for question in QUESTIONS for prediction in question.predictions
}
