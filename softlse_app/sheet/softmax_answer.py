"""Answer (a): softmax of s1, s2, s3 — unchanged by an offset, sharpened by rescaling."""

from __future__ import annotations

from softlse_app.sheet.answer_parts import Answer, ChoiceTruth, DeepLink, NumberTruth, near
from softlse_app.sheet.numbers import SoftmaxResults, format_like_numpy


def answer_a(r: SoftmaxResults) -> Answer:
    """(a) softmax of s1, s2, s3: unchanged by an offset, sharpened by rescaling."""
    p = r.probabilities
    largest = float(p["s3"].max())
    return Answer(
        letter="a",
        summary=(
            f"softmax(s1) = softmax(s2) = `{format_like_numpy(p['s1'])}`: adding a constant "
            "to every entry leaves softmax unchanged. softmax(s3) = "
            f"`{format_like_numpy(p['s3'])}`: multiplying every entry by 10 is the same as "
            "λ = 10, so softmax(s3) is much sharper."
        ),
        printout=tuple(
            f"softmax({name}) = {format_like_numpy(p[name])}" for name in ("s1", "s2", "s3")
        ),
        results=(
            "(i) Offset: max |softmax(s2) − softmax(s1)| = "
            f"{r.offset_difference:.3g}, softmax is invariant to adding a constant.",
            "(ii) Rescaling: softmax(10·s1, λ = 1) equals softmax(s1, λ = 10) (largest "
            f"difference {r.scale_difference:.3g}), so softmax is not invariant to rescaling: "
            "it sharpens.",
        ),
        derivation=(
            ("md", "An offset c multiplies numerator and denominator by the same factor:"),
            (
                "latex",
                r"\begin{aligned}\operatorname{softmax}(\sigma+c,\lambda)_k"
                r"&=\frac{e^{\lambda(\sigma_k+c)}}{\sum_j e^{\lambda(\sigma_j+c)}}\\"
                r"&=\frac{e^{\lambda c}\,e^{\lambda\sigma_k}}"
                r"{e^{\lambda c}\sum_j e^{\lambda\sigma_j}}\\"
                r"&=\operatorname{softmax}(\sigma,\lambda)_k\end{aligned}",
            ),
            ("md", "A scale a only ever appears in the product a·λ:"),
            (
                "latex",
                r"\begin{aligned}\operatorname{softmax}(a\sigma,\lambda)_k"
                r"&=\frac{e^{(a\lambda)\sigma_k}}{\sum_j e^{(a\lambda)\sigma_j}}\\"
                r"&=\operatorname{softmax}(\sigma,a\lambda)_k\end{aligned}",
            ),
            (
                "md",
                "So s3 = 10·s1 at λ = 1 is s1 at λ = 10: the same ordering, much sharper.",
            ),
        ),
        links=(
            DeepLink(
                "Vector lab: s1 with an offset c = 10", "vector_lab", {"v": "1,2,3", "c": "10"}
            ),
            DeepLink("Vector lab: s1 rescaled by a = 10", "vector_lab", {"v": "1,2,3", "a": "10"}),
            DeepLink(
                "Vector lab: s3 at λ = 100, textbook vs stable",
                "vector_lab",
                {"v": "10,20,30", "lam": "100", "section": "Stable vs textbook"},
            ),
        ),
        truths={
            "pa1": ChoiceTruth(
                correct="the same",
                why={
                    "the same": "Adding 10 to every entry multiplies every term e^σ by e^10, in "
                    "the numerator and in the sum alike, so the factor cancels.",
                    "sharper": "Sharper would need larger differences between the entries; "
                    "adding 10 keeps the differences 1 and 2 as they are. (Multiplying by 10, "
                    "as in s3, does sharpen.)",
                    "flatter": "Flatter would need smaller differences between the entries; "
                    "adding 10 leaves every difference σ_j − σ_k unchanged, and softmax "
                    "depends on nothing else.",
                },
            ),
            "pa2": NumberTruth(
                value=largest,
                text=f"{largest:.9g}",
                reasoning="softmax(s3)₃ = 1/(1 + e^−10 + e^−20): the differences 30 − 20 and "
                "30 − 10 are ten times those of s1, so the largest entry takes almost all "
                "the weight.",
                hints=(
                    (
                        lambda v: not 0 <= v <= 1,
                        "A softmax component is a probability: between 0 and 1.",
                    ),
                    (
                        near(float(p["s1"].max()), 0.01),
                        "That is softmax(s1)'s largest component: multiplying by 10 is not "
                        "adding a constant, it acts like λ = 10.",
                    ),
                    (
                        lambda v: v == 1,
                        "Exactly 1 is only the limit λ → ∞: the two smaller components are "
                        "tiny here but not 0.",
                    ),
                ),
                # the largest of 3 components is at least 1/3; near 1, size is 1 − p
                possible=(1 / 3, 1.0),
                reference=1.0,
            ),
        },
    )
