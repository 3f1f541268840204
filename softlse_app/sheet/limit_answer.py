"""Answer (d): lim lse = max as λ → ∞, with lse(s1, λ) for λ = 1, 10, 100."""

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
from softlse_app.sheet.numbers import LimitResults


def answer_d(r: LimitResults) -> Answer:
    """(d) lim lse = max, with lse(s1, λ) for λ = 1, 10, 100."""
    at_one = r.table[1.0]
    n_bound = math.log(3.0)
    table = ", ".join(f"{format_lambda(lam)}: {value:.9g}" for lam, value in r.table.items())
    return Answer(
        letter="d",
        summary=(
            "lim lse = max: as λ → ∞ the largest term e^(λ·max σ) dominates the sum, and the "
            "rest adds at most log(n)/λ, which vanishes."
        ),
        printout=tuple(
            line
            for lam, value in r.table.items()
            for line in (
                f"λ = {lam:g}",
                f"  lse(s1, λ) = {value:.9g}",
                f"  lse − max  = {r.gaps[lam]:.9g}",
            )
        ),
        results=(
            "As λ → ∞, lse(σ, λ) → max(σ), the largest entry.",
            f"lse(s1, λ) with max(s1) = {r.largest:g}: {table}.",
            f"At λ = 100 the gap lse − max is {format_in_prose(r.gaps[100.0], 3)} (computed "
            "directly, as log(1 + Σ e^(−λ·(max − σⱼ)))/λ over the entries below the maximum, not "
            "as the difference of two rounded numbers), far below the spacing of doubles near 3 "
            f"({format_in_prose(math.ulp(r.largest))}), so lse(s1, 100) itself prints as 3.",
            f"Bounds: max ≤ lse ≤ max + log(n)/λ; for s1 (n = 3): 3 ≤ lse(s1, λ) ≤ 3 + "
            f"{n_bound:.6g}/λ.",
        ),
        derivation=(
            (
                "md",
                "Write M for the largest entry and factor e^(λM) out of the sum (m of the n "
                "entries equal M):",
            ),
            (
                "latex",
                # two lines each narrower than a 390 px phone's column
                r"\begin{aligned}\operatorname{lse}(\sigma,\lambda)&=M"
                r"+\frac{1}{\lambda}\log(m+s),\\"
                r"s&=\sum_{\sigma_j<M}e^{-\lambda(M-\sigma_j)}."
                r"\end{aligned}",
            ),
            (
                "md",
                "Every term of s is below 1 and tends to 0, so the logarithm stays "
                "between log m and log n, and dividing by λ sends it to 0:",
            ),
            (
                "latex",
                r"\begin{aligned}M+\frac{\log m}{\lambda}\le\operatorname{lse}(\sigma,\lambda)"
                r"&\le M+\frac{\log n}{\lambda},\\"
                r"\text{so}\quad\lim_{\lambda\to\infty}\operatorname{lse}(\sigma,\lambda)"
                r"&=M=\max_j\sigma_j.\end{aligned}",
            ),
        ),
        links=(
            DeepLink(
                "Vector lab: lse of s1 next to max, with its bounds",
                "vector_lab",
                {"v": "1,2,3", "lam": "100", "section": "lse vs max"},
            ),
            DeepLink(
                "Vector lab: softmax of s1 as λ grows",
                "vector_lab",
                {"v": "1,2,3", "section": "Temperature sweep"},
            ),
            DeepLink("LSE vs max at λ = 100", "lse_vs_max", {"lam": "100"}),
        ),
        truths={
            "pd1": ChoiceTruth(
                correct="max",
                why={
                    "max": "Factor out the largest term: lse = max + (1/λ) log(m + smaller "
                    "terms), with m tied maxima; the log stays between log m and log n, so "
                    "dividing by λ sends it to 0.",
                    "sum": "The sum would need every entry to count fully; as λ grows only "
                    "the largest term e^(λ·max σ) matters.",
                    "mean": "lse ≈ mean + log(n)/λ is the picture for small λ; as λ grows the "
                    "largest entry takes over.",
                    "log n": "log n only ever appears divided by λ: lse ≤ max + log(n)/λ, and "
                    "log(n)/λ → 0.",
                    "infinity": "The terms e^(λσ_j) grow without bound, but the log undoes the "
                    "exponential and 1/λ undoes the factor λ: lse stays between max and "
                    "max + log(n)/λ.",
                    "0": "lse is never below the largest entry (for λ > 0), so it cannot "
                    "vanish unless that entry is 0.",
                },
            ),
            "pd2": NumberTruth(
                value=at_one,
                text=f"{at_one:.9g}",
                reasoning="lse(s1, 1) = log(e + e² + e³) = 3 + log(1 + e^−1 + e^−2): the "
                "largest entry plus what the two smaller terms add.",
                hints=(
                    (lambda v: v < 3, "lse is never below the largest entry, max(s1) = 3."),
                    (
                        lambda v: v > 3 + n_bound,
                        f"lse is at most max + log(n)/λ = 3 + log 3 ≈ {3 + n_bound:.5g} here.",
                    ),
                    (
                        near(3.0, 0.001),
                        "3 is the limit as λ → ∞; at λ = 1 the smaller entries still add "
                        f"about {at_one - 3:.2g}.",
                    ),
                    (near(6.0, 0.01), "6 = 1 + 2 + 3 is the sum of the entries, not lse."),
                    (
                        near(3 + n_bound, 0.001),
                        "That is the upper bound max + log(n)/λ = 3 + log 3, reached only when "
                        "all three entries are equal; here 1 and 2 lie below 3 and add less.",
                    ),
                ),
                possible=(3.0, 3 + n_bound),  # max ≤ lse ≤ max + log(n)/λ
                reference=3.0,  # lse's size is its gap above max
            ),
        },
    )
