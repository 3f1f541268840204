"""The tabs of the "vector lab" page, one function per tab (:data:`SECTIONS`). Each computes
only its own numbers (:mod:`.numbers`, cached) and lays out its tables (:mod:`.tables`), chart
(:mod:`.charts`, with alt text and a CSV download) and explanations.

Explanations are neutral boxes or plain text; a red error box is kept for input the page cannot
read. Long equations are split over lines so that they fit a 390 px wide phone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from softlse_app.common.chart_output import show_chart
from softlse_app.common.controls import open_section
from softlse_app.common.markdown_table import readout_table
from softlse_app.common.number_format import (
    UNDERFLOW_NOTE,
    format_column,
    format_short,
)
from softlse_app.vector_lab import charts
from softlse_app.vector_lab.controls import PROOF_KEY
from softlse_app.vector_lab.lse_readout import residual_note
from softlse_app.vector_lab.numbers import (
    LabState,
    lse_numbers,
    offset_scale_numbers,
    simplex_numbers,
    stability_numbers,
    sweep_numbers,
)
from softlse_app.vector_lab.offset_scale import EffectVerdicts
from softlse_app.vector_lab.stability import textbook_verdict
from softlse_app.vector_lab.tables import (
    marked_underflows,
    quantity_table,
    softmax_underflows,
    vector_columns,
)
from softlse_app.vector_lab.verdicts import offset_verdict, scale_verdict


def effects_section(state: LabState) -> None:
    """σ, σ + c and a·σ with their softmax: table, grouped bars, verdicts and the proofs."""
    nums = offset_scale_numbers(state.sigma, state.lam, state.c, state.a)
    if nums.n > len(nums.shown):
        st.caption(
            f"σ has {nums.n:,} entries: the table and the bars show the {len(nums.shown)} most "
            f"probable under softmax(σ, λ); the verdicts use all {nums.n:,}."
        )
    probabilities = {
        "softmax(σ, λ)": (nums.p, nums.sigma, state.lam),
        "softmax(σ + c, λ)": (nums.p_offset, nums.shifted, state.lam),
        "softmax(a·σ, λ)": (nums.p_scaled, nums.scaled, state.lam),
        "softmax(σ, a·λ)": (nums.p_scaled_lam, nums.sigma, state.a * state.lam),
    }
    texts = vector_columns({name: p for name, (p, _, _) in probabilities.items()}, state.digits)
    gone = {name: softmax_underflows(*numbers) for name, numbers in probabilities.items()}
    readout_table(
        {
            "k": [int(j) + 1 for j in nums.shown],
            **vector_columns(
                {"σ": nums.sigma, "σ + c": nums.shifted, "a·σ": nums.scaled}, state.digits
            ),
            **{name: marked_underflows(texts[name], gone[name]) for name in probabilities},
        }
    )
    if any(mask.any() for mask in gone.values()):
        st.caption(UNDERFLOW_NOTE)
    show_chart(
        charts.bars_chart(state.sigma, nums),
        key="bars",
        alt=charts.bars_alt(nums),
        csv_text=lambda: charts.bars_csv(nums),
        file_name="vector_lab_offset_and_scale.csv",
    )
    _verdicts(nums.verdicts, lam=state.lam, c=state.c, a=state.a)
    _proof()


def _proof() -> None:
    """Why the verdicts hold, in a section closed by default (``?proof=true`` opens it): the
    page shows the claims checked on the numbers first, and the reader can think about why
    before opening the derivation. Drawn only while open, so while it is closed an edit does not
    redraw it."""
    section = open_section(
        "Why? The proof (the sheet's question a)", key=PROOF_KEY, icon=":material/function:"
    )
    if section is None:
        return
    with section:
        st.markdown(
            "The offset multiplies numerator and denominator by the same factor exp(λc), "
            "which cancels; the scale only ever appears in the product λ·a."
        )
        st.latex(
            r"\begin{aligned}&\operatorname{softmax}(\sigma+c,\lambda)_k\\"
            r"&=\frac{e^{\lambda(\sigma_k+c)}}{\sum_j e^{\lambda(\sigma_j+c)}}\\"
            r"&=\frac{e^{\lambda c}\,e^{\lambda\sigma_k}}"
            r"{e^{\lambda c}\sum_j e^{\lambda\sigma_j}}\\"
            r"&=\operatorname{softmax}(\sigma,\lambda)_k,\end{aligned}"
        )
        st.latex(
            r"\begin{aligned}&\operatorname{softmax}(a\sigma,\lambda)_k\\"
            r"&=\frac{e^{(a\lambda)\sigma_k}}{\sum_j e^{(a\lambda)\sigma_j}}\\"
            r"&=\operatorname{softmax}(\sigma,a\lambda)_k.\end{aligned}"
        )


def _verdicts(v: EffectVerdicts, *, lam: float, c: float, a: float) -> None:
    """The offset and scale verdicts (:mod:`.verdicts`): a green box when the identity is
    confirmed on these numbers, a neutral box explaining why not (or why the check cannot
    tell) otherwise."""
    for verdict in (offset_verdict(v, c), scale_verdict(v, lam, a)):
        if verdict.holds:
            st.success(verdict.text)
        else:
            st.info(verdict.text, icon=":material/info:")


#: The entropy's row in the "lse vs max" tab.
ENTROPY = "entropy H(p) [nats]"


def lse_section(state: LabState) -> None:
    """lse beside max (min for λ < 0), the gap computed directly, its bounds, H(p) and the
    entropy identity."""
    r = lse_numbers(state.sigma, state.lam)
    name = r.extreme_name
    heading = f"**lse(σ, λ) next to {name}(σ)**"
    st.markdown(heading if r.lam > 0 else f"{heading}: for λ < 0, lse is a soft minimum.")
    positive = frozenset((f"lse − {name}", ENTROPY) if r.spread_is_positive else ())
    quantity_table(
        {
            "lse(σ, λ)": r.value,
            f"{name}(σ)": r.extreme,
            f"lse − {name}": r.gap,
            f"lower bound of lse − {name}": r.gap_low,
            f"upper bound of lse − {name}": r.gap_high,
        },
        state.digits,
        underflowed=positive,
    )
    if r.gap == 0 and positive:
        st.caption(UNDERFLOW_NOTE)
    if r.gap_hidden_by_rounding:
        extreme = format_short(r.extreme)
        plus_gap = f"{'+' if r.gap > 0 else '−'} {format_short(abs(r.gap), 3)}"
        st.info(
            f"**Why lse(σ, λ) reads exactly {name}(σ):** the gap lse − {name} is "
            f"{format_short(r.gap, 3)}. It is computed directly, as "
            f"log(Σⱼ exp(λ·(σⱼ − {name})))/λ, not as the difference of two rounded numbers. "
            f"float64 numbers near {extreme} are {format_short(r.spacing, 3)} apart, so "
            f"{extreme} {plus_gap} is stored as {extreme}: lse rounds to "
            f"{name}, while the gap keeps its own digits.",
            icon=":material/info:",
        )
    if r.lam > 0:
        st.latex(
            r"\frac{\log m}{\lambda}\le\operatorname{lse}(\sigma,\lambda)-\max_j\sigma_j"
            r"\le\frac{\log n}{\lambda}"
        )
        st.caption("m = number of entries equal to the maximum, n = length of σ.")
    else:
        st.latex(
            r"-\frac{\log n}{|\lambda|}\le\operatorname{lse}(\sigma,\lambda)-\min_j\sigma_j"
            r"\le-\frac{\log m}{|\lambda|}"
        )
        st.caption("m = number of entries equal to the minimum, n = length of σ.")
    quantity_table(
        {
            ENTROPY: r.entropy,
            "⟨p, σ⟩": r.inner,
            "⟨p, σ⟩ + H(p)/λ": r.identity_rhs,
            "lse − (⟨p, σ⟩ + H(p)/λ)": r.identity_residual,
        },
        state.digits,
        underflowed=positive,
    )
    if r.entropy == 0 and r.gap != 0 and positive:
        st.caption(UNDERFLOW_NOTE)
    st.caption(
        "p = softmax(σ, λ). ⟨p, σ⟩ = Σₖ pₖσₖ is the average of σ's entries weighted by p. The "
        "entropy H(p) measures how spread out p is: 0 when p is one-hot, log n (its largest) "
        "when p is uniform; it is in nats because the log is the natural one."
    )
    st.latex(
        r"\begin{gathered}\operatorname{lse}(\sigma,\lambda)=\langle p,\sigma\rangle"
        r"+\frac{H(p)}{\lambda},\\ p=\operatorname{softmax}(\sigma,\lambda),\\ "
        r"H(p)=-\sum_k p_k\log p_k\end{gathered}"
    )
    st.caption(
        "It holds for every λ ≠ 0 because log p = λ·σ − λ·lse(σ, λ), entry by entry."
        + residual_note(r.identity_residual, r.residual_in_ulps)
    )


def sweep_section(state: LabState) -> None:
    """Each followed softmax component against λ (both signs when λ < 0)."""
    nums = sweep_numbers(state.sigma, state.lam)
    if nums.n > len(nums.swept):
        st.caption(
            f"The {len(nums.swept)} most probable of {nums.n:,} components at the current λ."
        )
    if nums.range_note is not None:
        st.caption(nums.range_note)
    show_chart(
        charts.sweep_chart(state.sigma, nums),
        key="sweep",
        alt=charts.sweep_alt(nums),
        csv_text=lambda: charts.sweep_csv(nums),
        file_name="vector_lab_temperature_sweep.csv",
    )
    st.caption(
        "As λ → 0 every component tends to 1/n (dotted); as λ → ∞ softmax tends to one-hot on "
        "the maximum, split evenly over tied maxima (triangles at the right edge); for λ < 0 "
        "the same happens on the minima. Turn on negative λ to see both sides."
    )


def simplex_section(state: LabState) -> None:
    """For n = 3: the softmax path on the probability simplex; otherwise why there is none."""
    nums = simplex_numbers(state.sigma, state.lam)
    if nums is None:
        st.info(
            f"The simplex picture needs exactly three entries (σ has {state.n:,}): softmax of a "
            "3-vector is a point of the triangle p1 + p2 + p3 = 1. Try the preset s1.",
            icon=":material/change_history:",
        )
        return
    show_chart(
        charts.simplex_chart(state.sigma, nums),
        key="simplex",
        alt=charts.simplex_alt(nums),
        csv_text=lambda: charts.simplex_csv(nums),
        file_name="vector_lab_simplex_path.csv",
    )
    st.caption(
        "λ = 0 is the centre (uniform); λ → +∞ runs to the corner of the largest entry (to the "
        "middle of a side for two tied maxima), λ → −∞ to the corner of the smallest."
    )


def stability_section(state: LabState) -> None:
    """Stable algorithm next to the textbook formulas, with the reason for any failure."""
    s = stability_numbers(state.sigma, state.lam)
    digits = state.digits
    lse_text = format_column([s.stable_lse, s.naive_lse], digits)
    softmax_text = vector_columns({"stable": s.stable_softmax, "textbook": s.naive_softmax}, digits)
    stable_gone = softmax_underflows(s.stable_softmax, s.shown_entries, state.lam)
    # a textbook 0 where the stable value is in range is the formula failing (its verdict
    # says why), not an underflow of the true value
    gone = {"stable": stable_gone, "textbook": stable_gone & (s.naive_softmax == 0)}
    readout_table(
        {
            "quantity": ["lse(σ, λ)", *(f"softmax(σ, λ), entry {int(j) + 1}" for j in s.shown)],
            "stable (shift first)": [
                lse_text[0],
                *marked_underflows(softmax_text["stable"], gone["stable"]),
            ],
            "textbook (no shift)": [
                lse_text[1],
                *marked_underflows(softmax_text["textbook"], gone["textbook"]),
            ],
        }
    )
    if gone["stable"].any() or gone["textbook"].any():
        st.caption(UNDERFLOW_NOTE)
    agree, text = textbook_verdict(s)
    st.info(text, icon=":material/check_circle:" if agree else ":material/warning:")


@dataclass(frozen=True)
class LabSection:
    """One tab of the page: its label (also the value of ``?section=``) and what it draws."""

    label: str
    render: Callable[[LabState], None]


#: The page's tabs, in order; the first is open by default.
SECTIONS: tuple[LabSection, ...] = (
    LabSection("Offset and scale", effects_section),
    LabSection("lse vs max", lse_section),
    LabSection("Temperature sweep", sweep_section),
    LabSection("Simplex", simplex_section),
    LabSection("Stable vs textbook", stability_section),
)
