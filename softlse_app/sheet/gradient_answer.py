"""Answer (c): the gradient of lse is softmax; σ₁ is a logistic step across the diagonal that
sharpens with λ."""

from __future__ import annotations

from softlse_app.sheet.answer_parts import Answer, ChoiceTruth, DeepLink, NumberTruth, near
from softlse_app.sheet.numbers import (
    GRADIENT_LAMBDA,
    GRADIENT_POINT,
    GradientResults,
    format_like_numpy,
)


def answer_c(r: GradientResults) -> Answer:
    """(c) ∇lse = softmax; σ₁ is a logistic step across the diagonal that sharpens with λ."""
    sigma1 = float(r.softmax_at_point[0])
    x, y = GRADIENT_POINT
    return Answer(
        letter="c",
        summary=(
            "The gradient of lse is softmax: ∂lse/∂σᵢ = softmax(σ, λ)ᵢ. σ₁ depends only on "
            "x − y, a logistic ramp across the diagonal x = y that sharpens into a step as λ "
            "grows, with σ₁ = σ₂ = 1/2 on the diagonal itself."
        ),
        printout=(
            f"softmax(({x:g}, {y:g}), {GRADIENT_LAMBDA:g})",
            f"  = {format_like_numpy(r.softmax_at_point)}",
            f"grad lse(({x:g}, {y:g}), {GRADIENT_LAMBDA:g})",
            f"  = {format_like_numpy(r.gradient_at_point)}",
            "  (by central differences)",
        ),
        results=(
            "∂lse(σ, λ)/∂σᵢ = softmax(σ, λ)ᵢ for every i and every λ ≠ 0: at "
            f"({x:g}, {y:g}) the finite-difference gradient matches softmax.",
            "σ₁ = 1/(1 + e^(−λ(x − y))): for λ → ∞ it is 1 where x > y and 0 where x < y; on "
            f"the diagonal the limit splits the weight, `{format_like_numpy(r.tie_split)}` at "
            f"(0.3, 0.3), where numpy's argmax says `{format_like_numpy(r.tie_first)}`.",
        ),
        derivation=(
            ("md", "The sheet's derivation, by the chain rule:"),
            (
                "latex",
                r"\begin{aligned}\frac{\partial}{\partial\sigma_i}\operatorname{lse}(\sigma,\lambda)"
                r"&=\frac{1}{\lambda}\,"
                r"\frac{\lambda\,e^{\lambda\sigma_i}}{\sum_j e^{\lambda\sigma_j}}\\"
                r"&=\operatorname{softmax}(\sigma,\lambda)_i.\end{aligned}",
            ),
            ("md", "With two entries σ₁ depends only on the difference x − y:"),
            (
                "latex",
                r"\begin{aligned}\sigma_1&=\frac{e^{\lambda x}}{e^{\lambda x}+e^{\lambda y}}"
                r"=\frac{1}{1+e^{-\lambda(x-y)}},\\"
                r"\lim_{\lambda\to\infty}\sigma_1"
                r"&=\begin{cases}1 & x>y\\ \tfrac12 & x=y\\ 0 & x<y.\end{cases}\end{aligned}",
            ),
        ),
        links=(
            DeepLink("Softmax and one-hot: the sheet's 2 × 4 grid", "softmax_grid", {}),
            DeepLink(
                "The same grid with numpy's argmax rule on the diagonal",
                "softmax_grid",
                {"ties": "first"},
            ),
        ),
        truths={
            "pc1": ChoiceTruth(
                correct="a step across x = y",
                why={
                    "a step across x = y": "σ₁ = 1/(1 + e^(−λ(x − y))) depends only on x − y: "
                    "a ramp across the diagonal whose width, about 1/λ, shrinks to a step.",
                    "a step across x = 0": "σ₁ compares x with y, not with 0: it is 1/2 "
                    "wherever x = y, at (0.5, 0.5) too, so the boundary is the diagonal.",
                    "unchanged": "λ multiplies x − y in the exponent: a larger λ makes the same "
                    "difference count more, so the ramp sharpens.",
                    "1/2 everywhere": "That is the limit λ → 0 (infinite temperature); as λ "
                    "grows softmax moves away from the even split, towards one-hot.",
                },
            ),
            "pc2": NumberTruth(
                value=sigma1,
                text=f"{sigma1:.8g}",
                reasoning="∂lse/∂x = σ₁ = 1/(1 + e^(−λ(x − y))), and here λ(x − y) = "
                f"{GRADIENT_LAMBDA:g}·{x - y:g} = {GRADIENT_LAMBDA * (x - y):g}, so it is "
                "1/(1 + e^−1).",
                hints=(
                    (
                        lambda v: not 0 <= v <= 1,
                        "Each partial derivative of lse is a softmax component: between 0 and 1.",
                    ),
                    (
                        near(0.5, 0.02),
                        "1/2 is the value on the diagonal x = y; the point lies just off it, "
                        "where x > y.",
                    ),
                    (
                        lambda v: 0.99 <= v <= 1,
                        "That is the λ → ∞ limit; at λ = 10 the point is only λ(x − y) = 1 "
                        "from the diagonal, where the step is still smooth.",
                    ),
                    (
                        near(1 - sigma1, 0.02),
                        "That is σ₂ = ∂lse/∂y, the weight on y: ∂lse/∂x is σ₁, the weight on "
                        "x, the larger entry here, so it is above 1/2.",
                    ),
                ),
                possible=(0.0, 1.0),
            ),
        },
    )
