"""Answer (b): the gap lse − max on the square, largest on the diagonal x = y, where it is
log(2)/λ."""

from __future__ import annotations

import math

from softlse_app.common.lambda_text import format_lambda
from softlse_app.common.number_format import format_in_prose
from softlse_app.sheet.answer_parts import (
    Answer,
    ChoiceTruth,
    DeepLink,
    NumberTruth,
    near,
)
from softlse_app.sheet.numbers import GRID_POINTS, SHEET_LAMBDAS, GapResults


def answer_b(r: GapResults) -> Answer:
    """(b) the gap lse − max: largest on the diagonal x = y, where it is log(2)/λ."""
    largest = r.largest[10.0]
    per_lambda = ", ".join(f"{format_lambda(lam)}: {r.largest[lam]:.6g}" for lam in SHEET_LAMBDAS)
    bounds = ", ".join(f"{r.bound[lam]:.6g}" for lam in SHEET_LAMBDAS)
    where = (
        f"at all {r.points_at_largest[10.0]} grid points of the diagonal x = y and nowhere else"
        if r.on_diagonal[10.0] and r.points_at_largest[10.0] == GRID_POINTS
        else f"at {r.points_at_largest[10.0]} grid points"
    )
    corner = format_in_prose(r.far_corner_gap)
    return Answer(
        letter="b",
        summary=(
            "The gap lse − max is largest on the diagonal x = y, where it is exactly "
            f"log 2/λ ≈ {largest:.6g} for λ = 10; off the diagonal it falls off like "
            "e^(−λ|x − y|)/λ."
        ),
        printout=tuple(
            line
            for lam in SHEET_LAMBDAS
            for line in (
                f"λ = {lam:g}",
                f"  largest gap = {r.largest[lam]:.6g}",
                f"  log 2/λ     = {r.bound[lam]:.6g}",
            )
        ),
        results=(
            f"Largest gap lse − max on the {GRID_POINTS} × {GRID_POINTS} grid: {per_lambda}; "
            f"the bound log 2/λ: {bounds}. They agree: the largest gap is log 2/λ.",
            f"Where, for λ = 10: {where}.",
            f"At the corner (1, −1), for λ = 10, the gap is only {corner}.",
        ),
        derivation=(
            ("md", "Factor the larger term e^(λ·max(x, y)) out of the sum:"),
            (
                "latex",
                r"\begin{aligned}&\operatorname{lse}\bigl((x,y),\lambda\bigr)-\max(x,y)\\"
                r"&\quad=\frac{1}{\lambda}\log\bigl(1+e^{-\lambda|x-y|}\bigr)"
                r"\;\le\;\frac{\log 2}{\lambda},\end{aligned}",
            ),
            (
                "md",
                "with equality exactly when x = y. The gap depends only on |x − y|: it is "
                "constant along every line parallel to the diagonal, largest on the diagonal "
                "and smallest at the corners (1, −1) and (−1, 1).",
            ),
        ),
        links=(
            DeepLink("LSE vs max: the sheet's three plots", "lse_vs_max", {"view": "sheet"}),
            DeepLink("LSE vs max at λ = 10, with the gap read-outs", "lse_vs_max", {"lam": "10"}),
        ),
        truths={
            "pb1": NumberTruth(
                value=largest,
                text=f"{largest:.6g}",
                reasoning="On the diagonal both terms are equal: lse = (1/λ) log(2·e^(λx)) = "
                "x + log 2/λ, so the gap is log 2/λ; off the diagonal the smaller term adds "
                "less than the larger one.",
                hints=(
                    (lambda v: v < 0, "lse is never below max: the gap is at least 0."),
                    (
                        near(r.bound[1.0], 0.05),
                        "That is log 2, the gap for λ = 1: it shrinks like 1/λ.",
                    ),
                    (near(r.bound[100.0], 0.05), "That is the gap for λ = 100."),
                ),
                possible=(0.0, math.inf),  # lse ≥ max
            ),
            "pb2": ChoiceTruth(
                correct="diagonal x = y",
                why={
                    "diagonal x = y": "On x = y the two exponentials are equal, so the smaller "
                    "term is as large as it can be and the gap reaches log 2/λ.",
                    "corners": "Only two corners, (−1, −1) and (1, 1), lie on the diagonal; "
                    f"at (1, −1) and (−1, 1) the gap is about {corner} for λ = 10, the "
                    "smallest on the square.",
                    "anti-diagonal x = −y": "On x = −y the entries differ by 2|x|: the gap "
                    "is largest only where this line crosses the diagonal, at the origin, and "
                    "nearly 0 at its ends.",
                    "edges": "The gap depends only on |x − y|, not on the distance from the "
                    "centre: along an edge it is large only where the edge meets the diagonal.",
                    "centre": "The origin is on the diagonal, so the gap is largest there, but "
                    "not only there: it is the same at every point with x = y.",
                },
            ),
        },
    )
