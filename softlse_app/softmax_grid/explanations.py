"""The fixed text of the "softmax and one-hot" page: how to read the grid, and the sheet's
derivation of ∇lse = softmax. Neither depends on a control, so neither is in a fragment."""

from __future__ import annotations

import streamlit as st

INTRO = (
    "The two components of softmax((x, y), λ) over the square [−a, a]², for several λ, next to "
    "the one-hot argmax they approach as λ → ∞ — the sheet's 2 × 4 grid (question c) with real "
    "coordinates, origin bottom-left and one colour scale."
)


def reading_the_grid() -> None:
    """The logistic form of two-entry softmax and its λ → ∞ limit, in two columns that stack
    on a phone, in a section closed until opened: it answers sheet question (c)'s where the
    boundary lies, which a student should predict first."""
    with st.expander(
        "Reading the grid: where σ₁ = σ₂, and the limit λ → ∞ (sheet question c)",
        icon=":material/help:",
    ):
        _reading_the_grid_columns()


def _reading_the_grid_columns() -> None:
    logistic, limit = st.columns(2, gap="large")
    with logistic:
        st.markdown("**Reading the grid.** With two entries, softmax depends only on x − y:")
        # Stacked lines, so the formula fits a phone's width without scrolling.
        st.latex(
            r"\begin{aligned}\sigma_1 &= \frac{e^{\lambda x}}{e^{\lambda x}+e^{\lambda y}}"
            r" = \frac{1}{1+e^{-\lambda(x-y)}}\\ \sigma_2 &= 1-\sigma_1\end{aligned}"
        )
        st.markdown(
            "a logistic function of λ(x − y). So the boundary σ₁ = σ₂ = ½ is the diagonal "
            "x = y for every λ, and λ only sets how sharp the transition across it is: σ₁ goes "
            "from 0.1 to 0.9 across |x − y| < log 9 / |λ|. A negative λ flips the picture: the "
            "weight goes to the smaller entry (soft-min)."
        )
    with limit:
        st.markdown("**The limit λ → ∞** is the one-hot argmax:")
        st.latex(
            r"\lim_{\lambda\to\infty}\operatorname{softmax}(\sigma,\lambda)_k"
            r"= \tfrac{1}{m}\,\bigl[\sigma_k = \max_j \sigma_j\bigr]"
        )
        st.markdown(
            "with m the number of maxima ([·] is 1 when true, else 0): one-hot off the "
            "diagonal, ½ each on it — the `split` rule. numpy's argmax (`first`) puts all "
            "weight on σ₁ there, which no λ produces."
        )


def derivation() -> None:
    """The sheet's derivation of ∂lse/∂σᵢ = softmaxᵢ, term by term (one step a line, so it fits
    a phone's width), and the finite-difference step the check uses. The derivation is closed
    until opened: question (c) asks for it."""
    with st.expander("Why the gradient of lse is softmax: the sheet's derivation, term by term"):
        _derivation_steps()
    st.caption(
        "Finite difference: (lse(σ + h·eᵢ, λ) − lse(σ − h·eᵢ, λ)) / 2h, taken at σ − max(σ) "
        "(σ − min(σ) for λ < 0: the same gradient, smaller numbers) with h = ∛ε / |λ|, which "
        "balances "
        "rounding against truncation at every λ."
    )


def _derivation_steps() -> None:
    """∂lse/∂σᵢ = softmaxᵢ, one step a line."""
    st.latex(
        r"\begin{aligned}\frac{\partial}{\partial\sigma_i}\operatorname{lse}(\sigma,\lambda)"
        r" &= \frac{\partial}{\partial\sigma_i}\,\frac{1}{\lambda}\log\sum_j e^{\lambda\sigma_j}\\"
        r" &= \frac{1}{\lambda}\,\frac{1}{\sum_j e^{\lambda\sigma_j}}"
        r"\,\frac{\partial}{\partial\sigma_i}\sum_j e^{\lambda\sigma_j}\\"
        r" &= \frac{1}{\lambda}\,\frac{\lambda\, e^{\lambda\sigma_i}}{\sum_j e^{\lambda\sigma_j}}\\"
        r" &= \operatorname{softmax}(\sigma,\lambda)_i\end{aligned}"
    )
