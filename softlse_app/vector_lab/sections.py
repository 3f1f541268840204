"""The tabs of the "vector lab" page, one function per tab (:data:`SECTIONS`). Each computes
only its own numbers (:mod:`.numbers`, cached) and lays out its tables (:mod:`.tables`), chart
(:mod:`.charts`, with alt text and a CSV download) and explanations.

Explanations are neutral boxes or plain text; a red error box is kept for input the page cannot
read. Long equations are split over lines so that they fit a 390 px wide phone.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from softlse_app.common.chart_output import show_chart
from softlse_app.common.controls import open_section
from softlse_app.common.markdown_table import readout_table
from softlse_app.common.number_format import (
    format_column,
    format_short,
)
from softlse_app.vector_lab import charts
from softlse_app.vector_lab.controls import PROOF_KEY
from softlse_app.vector_lab.numbers import (
    LabState,
    lse_numbers,
    offset_scale_numbers,
    simplex_numbers,
    stability_numbers,
    sweep_numbers,
)
from softlse_app.vector_lab.offset_scale import EffectVerdicts
from softlse_app.vector_lab.stability import (
    EXP_OVERFLOW,
    EXP_SUBNORMAL,
    EXP_UNDERFLOW,
    StabilityReport,
    subnormal_precision,
    textbook_failure_hint,
)
from softlse_app.vector_lab.tables import quantity_table, vector_columns
from softlse_app.vector_lab.verdicts import offset_verdict, scale_verdict


def effects_section(state: LabState) -> None:
    """σ, σ + c and a·σ with their softmax: table, grouped bars, verdicts and the proofs."""
    nums = offset_scale_numbers(state.sigma, state.lam, state.c, state.a)
    if nums.n > len(nums.shown):
        st.caption(
            f"σ has {nums.n:,} entries: the table and the bars show the {len(nums.shown)} most "
            f"probable under softmax(σ, λ); the verdicts use all {nums.n:,}."
        )
    readout_table(
        {
            "k": [int(j) + 1 for j in nums.shown],
            **vector_columns(
                {"σ": nums.sigma, "σ + c": nums.shifted, "a·σ": nums.scaled}, state.digits
            ),
            **vector_columns(
                {
                    "softmax(σ, λ)": nums.p,
                    "softmax(σ + c, λ)": nums.p_offset,
                    "softmax(a·σ, λ)": nums.p_scaled,
                    "softmax(σ, a·λ)": nums.p_scaled_lam,
                },
                state.digits,
            ),
        }
    )
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


def lse_section(state: LabState) -> None:
    """lse beside max (min for λ < 0), the gap computed directly, its bounds, H(p) and the
    entropy identity."""
    r = lse_numbers(state.sigma, state.lam)
    name = r.extreme_name
    heading = f"**lse(σ, λ) next to {name}(σ)**"
    st.markdown(heading if r.lam > 0 else f"{heading}: for λ < 0, lse is a soft minimum.")
    quantity_table(
        {
            "lse(σ, λ)": r.value,
            f"{name}(σ)": r.extreme,
            f"lse − {name}": r.gap,
            f"lower bound of lse − {name}": r.gap_low,
            f"upper bound of lse − {name}": r.gap_high,
        },
        state.digits,
    )
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
            "entropy H(p) [nats]": r.entropy,
            "⟨p, σ⟩": r.inner,
            "⟨p, σ⟩ + H(p)/λ": r.identity_rhs,
            "lse − (⟨p, σ⟩ + H(p)/λ)": r.identity_residual,
        },
        state.digits,
    )
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


#: A residual of the entropy identity up to this many units in the last place is called
#: rounding; the three computations round a few times each.
ROUNDING_ULPS = 64


def residual_note(residual: float, ulps: float) -> str:
    """What a nonzero residual of the identity is, when it is rounding ("" otherwise)."""
    if residual == 0 or not ulps <= ROUNDING_ULPS:
        return ""
    size = format_short(ulps, 2)
    count = f"{size} unit" if size == "1" else f"{size} units"
    return (
        f" The last row is not 0 only through rounding: {format_short(residual, 3)} is "
        f"{count} in the last place of the largest of the three numbers."
    )


def sweep_section(state: LabState) -> None:
    """Each followed softmax component against λ (both signs when λ < 0)."""
    nums = sweep_numbers(state.sigma, state.lam)
    if nums.n > len(nums.swept):
        st.caption(
            f"The {len(nums.swept)} most probable of {nums.n:,} components at the current λ."
        )
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
    readout_table(
        {
            "quantity": ["lse(σ, λ)", *(f"softmax(σ, λ), entry {int(j) + 1}" for j in s.shown)],
            "stable (shift first)": [lse_text[0], *softmax_text["stable"]],
            "textbook (no shift)": [lse_text[1], *softmax_text["textbook"]],
        }
    )
    if s.overflowed and s.naive_failed:
        st.info(
            "**Why the textbook formula gives inf and nan here:** its largest exponent, λ "
            f"times an entry of σ, {_overflow_clause(s.largest_exponent)}, the sum is inf, "
            "its log is inf and each softmax entry is inf/inf = nan (or finite/inf = 0). The "
            "stable algorithm first subtracts the maximum of σ (the minimum for λ < 0) from "
            "every entry, so no exponent it passes to exp is above 0, and exp never overflows.",
            icon=":material/warning:",
        )
    elif s.sum_overflowed:
        st.info(
            "**Why the textbook formula gives inf here:** every exponential exp(λ·σⱼ) is "
            f"finite (the largest is exp({format_short(s.largest_exponent)})), but their sum "
            "is above the largest double, 1.8e308, and rounds to inf: lse = log(inf)/λ is "
            "infinite and each softmax entry is finite/inf = 0. The stable algorithm first "
            "subtracts the maximum of σ (the minimum for λ < 0), so its terms are at most "
            "exp(0) = 1 and their sum at most n.",
            icon=":material/warning:",
        )
    elif s.naive_failed:
        st.info(
            "**Why the textbook formula fails here:** the exponential of λ times each entry of "
            "σ underflows to 0 (below about exp(−745)), so the sum is 0, lse = log(0)/λ is "
            "infinite and softmax = 0/0 = nan. Shifting by the maximum (the minimum for λ < 0) "
            "first keeps the largest term at exp(0) = 1.",
            icon=":material/warning:",
        )
    elif not s.agree:
        st.info(
            _lost_digits(s),
            icon=":material/warning:",
        )
    else:
        st.info(
            "Here both agree (to 10 significant digits at least): the largest exponent, λ "
            "times an entry of σ, is "
            f"{format_short(s.largest_exponent)}, below ln(largest double) ≈ "
            f"{EXP_OVERFLOW:.2f}. {textbook_failure_hint(s.largest_exponent, state.lam)}",
            icon=":material/check_circle:",
        )


def _lost_digits(s: StabilityReport) -> str:
    """Why the textbook numbers are finite but differ from the stable ones: exponentials
    exp(λ·σⱼ) that are subnormal (fewer digits) or 0 (the largest of them, or the small ones
    behind softmax entries); and an lse close to 0, the log of a sum close to 1."""
    causes: list[str] = []
    if s.largest_exponent < EXP_SUBNORMAL:
        causes.append(
            f"even its largest term, exp({format_short(s.largest_exponent)}) ≈ "
            f"{format_short(math.exp(s.largest_exponent), 2)}, is below 2.2e−308, where a "
            f"double is subnormal and keeps {subnormal_precision(s.largest_exponent)}"
            + (", and terms below exp(−745) are 0" if s.smallest_exponent < EXP_UNDERFLOW else "")
            + ". Shifting by the maximum (the minimum for λ < 0) makes the largest term "
            "exp(0) = 1, and the sum and lse keep all their digits"
        )
    else:
        if not s.lse_agree:
            causes.append(
                f"lse is {format_short(s.stable_lse, 3)}, close to 0, so the textbook sum "
                "Σⱼ exp(λ·σⱼ) is close to 1, and a double near 1 keeps only about 16 "
                "significant digits: little or nothing of the sum's difference from 1 is left "
                "for log to return. The stable algorithm takes log(1 + s) as log1p(s), which "
                "keeps all of s's digits"
            )
        if not s.softmax_agree:
            smallest = f"its smallest term, exp({format_short(s.smallest_exponent)}),"
            causes.append(
                (
                    f"{smallest} is 0 as a double (every exp below exp(−745) is, and below "
                    "exp(−708) they are subnormal and keep fewer digits)"
                    if s.smallest_exponent < EXP_UNDERFLOW
                    else f"{smallest} is below 2.2e−308, where a double is subnormal and keeps "
                    f"{subnormal_precision(s.smallest_exponent)}"
                )
                + ". Shifting by the maximum (the minimum for λ < 0) first, a softmax entry "
                "loses digits only where it is itself below 2.2e−308"
            )
    return (
        "**Why the textbook numbers differ here:** they are finite but have lost digits: "
        + "; and ".join(causes)
        + "."
    )


def _overflow_clause(exponent: float) -> str:
    """Why exp of the largest exponent λ·σⱼ is inf: above ln(largest double), or the product
    itself already beyond the largest double."""
    if math.isinf(exponent):
        return "is already beyond the largest double (inf), so exp of it is inf"
    return (
        f"is {format_short(exponent)}, above ln(largest double) ≈ {EXP_OVERFLOW:.2f}, so exp "
        "overflows to inf"
    )


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
