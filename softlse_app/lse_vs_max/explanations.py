"""The sections of the LSE vs max page that explain, closed until opened (they answer sheet
questions b and d, which a student should predict first): why the gap is largest on the
diagonal, in this grid's numbers, and the derivation of lse → max."""

from __future__ import annotations

import streamlit as st

from softlse_app.common.lambda_text import hard_name
from softlse_app.lse_vs_max.readouts import diagonal_agreement, format_gap
from softlse_app.lse_vs_max.surface import GapSummary

#: The closed section that explains the gap panel: it answers sheet question (b), which a
#: student should predict first.
GAP_EXPLANATION_LABEL = "Why the gap is largest on the diagonal (sheet question b)"


def gap_explanation(summary: GapSummary) -> None:
    """What the gap panel shows, in plain words, with this grid's numbers, in a section
    closed until opened (it answers sheet question b)."""
    with st.expander(GAP_EXPLANATION_LABEL, icon=":material/help:"):
        _gap_explanation_text(summary)


def _gap_explanation_text(summary: GapSummary) -> None:
    hard = hard_name(summary.lam)
    sign = "lse − max" if summary.lam > 0 else "min − lse"
    agreement = diagonal_agreement(summary.diagonal_points, summary.diagonal_spread)
    # the fall is exponential once |λ|·|x − y| is a few units; on a grid where it stays
    # below about 1 (small λ or extent; the corner's gap is then more than half the
    # diagonal's) the gap barely changes, and the text says so rather than describe a
    # fall the numbers do not show. (The colour scale is fitted to the grid's gaps, so
    # the picture spans its colours either way.)
    if summary.bound and summary.corner_gap / summary.bound > 0.5:
        shape = (
            "which falls off exponentially once |λ|·|x − y| is a few units. On this grid "
            "|λ|·|x − y| stays small, so the gap only goes from "
            f"{format_gap(summary.bound)} on the diagonal to {format_gap(summary.corner_gap)} "
            "at the corners (the colour scale spans just that range): a larger λ or extent "
            "shows the fall"
        )
    else:
        shape = (
            "which falls off exponentially with the distance |x − y|: a straight slope on the "
            "log colour scale"
        )
    st.markdown(
        f"On the diagonal x = y the two numbers tie, so lse = {hard} "
        f"{'+' if summary.lam > 0 else '−'} log(2)/|λ| exactly: the gap {sign} is "
        f"{format_gap(summary.bound)} along the whole diagonal "
        f"({agreement}). Away from it the gap is log(1 + e^(−|λ|·|x − y|))/|λ|, "
        f"{shape}. lse stays between {hard} and its bound at "
        f"{summary.points - summary.outside_bounds} of the {summary.points} grid points."
    )
    if summary.rounds_to_hard:
        st.markdown(
            f"At {summary.rounds_to_hard} grid points lse, as a floating-point number, equals "
            f"{hard} exactly: the gap there is smaller than the spacing of floats next to "
            f"{hard}. The gap is therefore computed directly, as log(1 + e^(−|λ|·|x − y|))/|λ|, "
            f"not as the difference lse − {hard}, which would say 0."
        )


def derivation() -> None:
    """Sheet question (d): as λ → ∞ the largest term dominates, so lse → max. Closed until
    opened (the page does not answer the question before the student has thought about it);
    each equation is short enough for a phone's width, so nothing is cut off."""
    with st.expander("Where lse goes as λ → ∞, and why (sheet question d)"):
        _derivation_steps()


def _derivation_steps() -> None:
    """The derivation of lse → max, step by step."""
    st.markdown("Factor the largest term, exp(λ·σ_max), out of the sum (m of the n terms tie):")
    st.latex(
        r"\begin{aligned}\operatorname{lse}(\sigma,\lambda)"
        r" &= \tfrac{1}{\lambda}\log\textstyle\sum_{j=1}^{n} e^{\lambda\sigma_j}\\"
        r" &= \sigma_{\max} + \tfrac{1}{\lambda}\log(m + s),\\"
        r" s &= \textstyle\sum_{\sigma_j<\sigma_{\max}} e^{-\lambda(\sigma_{\max}-\sigma_j)}"
        r"\end{aligned}"
    )
    st.markdown(
        "Each term of s is below 1 and vanishes as λ → ∞, so log(m + s) stays between log m "
        "and log n, and dividing by λ sends it to 0:"
    )
    st.latex(
        r"\sigma_{\max} + \tfrac{\log m}{\lambda} \le \operatorname{lse}(\sigma,\lambda)"
        r" \le \sigma_{\max} + \tfrac{\log n}{\lambda}"
    )
    st.latex(r"\lim_{\lambda\to\infty}\operatorname{lse}(\sigma,\lambda) = \sigma_{\max}")
    st.markdown(
        "For two numbers (n = 2) the gap lse − max lies in [0, log(2)/λ]; for λ < 0 the same "
        "argument with the smallest term gives lse → min, from below."
    )
