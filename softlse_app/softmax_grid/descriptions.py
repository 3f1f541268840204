"""Words of the "softmax and one-hot" page's charts: titles, and the alt text a screen reader
reads for each chart, stated from the same numbers the chart draws."""

from __future__ import annotations

import math
from collections.abc import Sequence

from softlse_app.common.lambda_text import format_lambda
from softlse_app.common.number_format import format_signed
from softlse_app.softmax_grid.fields import GradientCheck, transition_halfwidth
from softlse_core import TieRule


def lambda_title(lam: float) -> str:
    """Title of one λ's chart: ``λ = 10``; a negative λ is labelled as the soft minimum."""
    text = format_lambda(lam)
    return f"{text} (soft-min)" if lam < 0 else text


def onehot_title(ties: TieRule) -> str:
    """Title (and trace label) of the one-hot chart: ``one-hot argmax (ties: split)``."""
    return f"one-hot argmax (ties: {ties})"


def onehot_heading(ties: TieRule, weights: tuple[float, float]) -> str:
    """The one-hot chart's title with the weights its tie rule puts on the diagonal, on a
    second, smaller line."""
    return (
        f"{onehot_title(ties)}<br><span style='font-size:12px'>on x = y: "
        f"σ₁ = {weights[0]:g}, σ₂ = {weights[1]:g}</span>"
    )


def _square(extent: float) -> str:
    return f"[−{extent:g}, {extent:g}]²"


#: σ₁ below this everywhere on the square (and so above 1 − it): a panel in nearly one colour.
NEARLY_HALF = 0.6


def sigma1_range(lam: float, extent: float) -> tuple[float, float]:
    """The least and largest σ₁ = 1/(1 + e^(−λ(x − y))) over the square [−extent, extent]²:
    at its corners, where |x − y| = 2·extent."""
    tail = math.exp(-2.0 * abs(lam) * extent)  # ≤ 1: no overflow
    return tail / (1.0 + tail), 1.0 / (1.0 + tail)


def nearly_uniform_note(lams: Sequence[float], extent: float) -> str | None:
    """A note for the λs whose σ₁ stays within 0.4–0.6 on the square (2|λ|·extent below
    log 1.5): on the shared 0-to-1 colour scale their panels are nearly one colour, which looks
    broken unless the page says it is softmax flattening as λ → 0; ``None`` when every panel
    shows its transition."""
    spans = "; ".join(
        f"at {format_lambda(lam)} from {low:.3g} to {high:.3g}"
        for lam in lams
        for low, high in [sigma1_range(lam, extent)]
        if high < NEARLY_HALF
    )
    if not spans:
        return None
    return (
        f"Nearly one colour is expected here: on this square σ₁ stays close to ½ ({spans}), "
        "because softmax flattens to the uniform distribution as λ → 0. A larger |λ| or extent "
        "shows the transition across the diagonal."
    )


def softmax_alt_text(lam: float, extent: float) -> str:
    """What the chart of one λ shows, in words and its numbers."""
    larger, smaller = ("x", "y") if lam > 0 else ("y", "x")
    low, high = sigma1_range(lam, extent)
    if high < 0.9:  # the 0.1-to-0.9 band is wider than the square
        flat = ", nearly uniform" if high < NEARLY_HALF else ""
        return (
            f"Two heatmaps of softmax((x, y), {format_lambda(lam)}) over {_square(extent)}, "
            f"colour 0 to 1{flat}: σ₁ (top) goes only from {low:.3g} to {high:.3g}, larger "
            f"where {larger} > {smaller}, ½ on the diagonal x = y. σ₂ (bottom) is 1 − σ₁."
        )
    return (
        f"Two heatmaps of softmax((x, y), {format_lambda(lam)}) over {_square(extent)}, colour "
        f"0 to 1: σ₁ (top) is near 1 where {larger} > {smaller} and near 0 where "
        f"{larger} < {smaller}, ½ on the diagonal x = y; it goes from 0.1 to 0.9 across a band "
        f"|x − y| < {transition_halfwidth(lam):.3g} around the diagonal. σ₂ (bottom) is 1 − σ₁."
    )


def onehot_alt_text(ties: TieRule, weights: tuple[float, float], extent: float) -> str:
    """What the one-hot chart shows, in words and its numbers."""
    return (
        f"Two heatmaps of the one-hot argmax over {_square(extent)}, ties rule {ties}: σ₁ (top) "
        f"is 1 where x > y and 0 where x < y; σ₂ (bottom) the other way round. On the diagonal "
        f"x = y, drawn as a line, σ₁ = {weights[0]:g} and σ₂ = {weights[1]:g}."
    )


def field_alt_text(
    lam: float, extent: float, lse_range: tuple[float, float], check: GradientCheck | None
) -> str:
    """What the gradient-field chart shows, in words and its numbers."""
    text = (
        f"Contours of lse((x, y), {format_lambda(lam)}) over {_square(extent)}, from "
        f"{lse_range[0]:.4g} to {lse_range[1]:.4g}, with arrows of its gradient, the softmax "
        "vector: both components between 0 and 1, summing to 1, perpendicular to the contours."
    )
    if check is not None:
        x, y = check.point
        p1, p2 = check.softmax
        text += (
            " A longer arrow at the checked point "
            f"({format_signed(x)}, {format_signed(y)}): softmax ({p1:.4f}, {p2:.4f})."
        )
    return text
