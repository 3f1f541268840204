"""Sections of the "vector lab" page, one function per concept, each drawn in its own tab
(:data:`SECTIONS`). Layout only: the numbers come from
:func:`softlse_app.vector_lab.numbers.lab_numbers` and the figures from
:mod:`softlse_app.vector_lab.charts`.

Numbers in tables and read-outs are shown at full precision (the shortest decimal that reads
back to the same double, :func:`softlse_app.vector_lab.readouts.format_full`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from softlse_app.vector_lab.charts import bars_figure, simplex_figure, sweep_figure
from softlse_app.vector_lab.numbers import BAR_COMPONENTS, LabNumbers
from softlse_app.vector_lab.readouts import EXP_OVERFLOW, format_full


def readout_table(data: Mapping[str, Sequence[int | str]]) -> None:
    """A read-out table (at most ``BAR_COMPONENTS`` + 1 rows of numbers as text) drawn as a
    static table: every digit visible without scrolling a grid, and ~18 ms less per edit in
    the browser than ``st.dataframe``'s canvas grid (measured on the 2-core test machine)."""
    st.table(pd.DataFrame(data), hide_index=True, border="horizontal")


def _column(values: np.ndarray, indices: list[int]) -> list[str]:
    """The entries ``values[j]`` for ``j`` in ``indices`` at full precision."""
    return [format_full(values[j]) for j in indices]


def effects_section(nums: LabNumbers) -> None:
    """σ, σ + c and a·σ with their softmax: table, grouped bars, verdicts and the proofs."""
    lam, c, a = nums.lam, nums.c, nums.a
    shown = [int(j) for j in nums.shown]
    if nums.n > BAR_COMPONENTS:
        st.caption(
            f"σ has {nums.n:,} entries: the table and the bars show the {len(shown)} most "
            f"probable under softmax(σ, λ); the verdicts use all {nums.n:,}."
        )
    readout_table(
        {
            "k": [j + 1 for j in shown],
            "σ": _column(nums.sigma, shown),
            "σ + c": _column(nums.shifted, shown),
            "a·σ": _column(nums.scaled, shown),
            "softmax(σ, λ)": _column(nums.p, shown),
            "softmax(σ + c, λ)": _column(nums.p_offset, shown),
            "softmax(a·σ, λ)": _column(nums.p_scaled, shown),
            "softmax(σ, a·λ)": _column(nums.p_scaled_lam, shown),
        }
    )
    st.plotly_chart(bars_figure(nums), width="stretch", key="bars")

    v = nums.verdicts
    offset_text = (
        f"**Offset c = {c:g}: softmax unchanged.** Largest difference "
        f"max |softmax(σ + c, λ) − softmax(σ, λ)| = {v.offset_diff:.3g}, which is rounding "
        f"(float64 rounding of these numbers reaches about {v.offset_tol:.1g})."
    )
    if not v.offset_unchanged:
        offset_text = (
            f"**Offset c = {c:g}: largest difference {v.offset_diff:.3g}**, more than rounding "
            f"of the exact invariance ({v.offset_tol:.1g}) — σ + c lost digits of σ "
            "(|c| much larger than the entries' differences), or an entry is infinite."
        )
    (st.success if v.offset_unchanged else st.warning)(offset_text)

    effect = {
        "sharpens": f"|a| > 1, so softmax sharpens: entropy {v.entropy_p + 0.0:.6g} → "
        f"{v.entropy_scaled + 0.0:.6g} nats",
        "flattens": f"|a| < 1, so softmax flattens: entropy {v.entropy_p + 0.0:.6g} → "
        f"{v.entropy_scaled + 0.0:.6g} nats",
        "unchanged": "|a| = 1, so the sharpness is unchanged",
        "uniform": "a = 0 flattens all the way: softmax(0·σ, λ) = softmax(σ, 0) is uniform",
    }[v.sharpness]
    if a < 0:
        effect += "; a < 0 also turns the soft maximum into a soft minimum (mass moves to min σ)"
    scale_text = (
        f"**Scale a = {a:g}: the same as λ → a·λ = {a * lam + 0.0:g}.** "
        f"max |softmax(a·σ, λ) − softmax(σ, a·λ)| = {v.scale_diff:.3g} (rounding ≈ "
        f"{v.scale_tol:.1g}). {effect}."
    )
    (st.success if v.scale_matches else st.warning)(scale_text)
    st.markdown(
        "Why (the sheet's question a): the offset multiplies numerator and denominator by the "
        "same factor exp(λc), which cancels; the scale only ever appears in the product λ·a."
    )
    st.latex(
        r"\operatorname{softmax}(\sigma+c,\lambda)_k"
        r"=\frac{e^{\lambda(\sigma_k+c)}}{\sum_j e^{\lambda(\sigma_j+c)}}"
        r"=\frac{e^{\lambda c}\,e^{\lambda\sigma_k}}{e^{\lambda c}\sum_j e^{\lambda\sigma_j}}"
        r"=\operatorname{softmax}(\sigma,\lambda)_k,"
    )
    st.latex(
        r"\operatorname{softmax}(a\sigma,\lambda)_k"
        r"=\frac{e^{(a\lambda)\sigma_k}}{\sum_j e^{(a\lambda)\sigma_j}}"
        r"=\operatorname{softmax}(\sigma,a\lambda)_k."
    )


def lse_section(nums: LabNumbers) -> None:
    """lse beside max (min for λ < 0), the gap bounds, H(p) and the entropy identity."""
    r = nums.readout
    name = r.extreme_name
    heading = f"**lse(σ, λ) next to {name}(σ)**"
    st.markdown(heading if r.lam > 0 else f"{heading}: for λ < 0, lse is a soft minimum.")
    rows = {
        "lse(σ, λ)": r.value,
        f"{name}(σ)": r.extreme,
        f"lse − {name}": r.gap,
        f"lower bound of lse − {name}": r.gap_low,
        f"upper bound of lse − {name}": r.gap_high,
    }
    readout_table({"quantity": list(rows), "value": [format_full(v) for v in rows.values()]})
    if r.lam > 0:
        st.latex(
            r"\frac{\log m}{\lambda}\;\le\;\operatorname{lse}(\sigma,\lambda)-\max_j\sigma_j"
            r"\;\le\;\frac{\log n}{\lambda}\qquad(m=\text{number of maxima})"
        )
    else:
        st.latex(
            r"-\frac{\log n}{|\lambda|}\;\le\;\operatorname{lse}(\sigma,\lambda)-\min_j\sigma_j"
            r"\;\le\;-\frac{\log m}{|\lambda|}\qquad(m=\text{number of minima})"
        )
    rows = {
        "entropy H(p) [nats]": r.entropy,
        "⟨p, σ⟩": r.inner,
        "⟨p, σ⟩ + H(p)/λ": r.identity_rhs,
        "lse − (⟨p, σ⟩ + H(p)/λ)": r.identity_residual,
    }
    readout_table({"quantity": list(rows), "value": [format_full(v) for v in rows.values()]})
    st.latex(
        r"\operatorname{lse}(\sigma,\lambda)=\langle p,\sigma\rangle+\frac{H(p)}{\lambda},"
        r"\quad p=\operatorname{softmax}(\sigma,\lambda),\quad H(p)=-\sum_k p_k\log p_k"
    )
    st.caption("It holds for every λ ≠ 0 because log p_k = λ·σ_k − λ·lse(σ, λ).")


def sweep_section(nums: LabNumbers) -> None:
    """Each followed softmax component against λ (both signs when λ < 0)."""
    swept = [int(j) for j in nums.swept]
    if nums.n > len(swept):
        st.caption(f"The {len(swept)} most probable of {nums.n:,} components at the current λ.")
    st.plotly_chart(sweep_figure(nums), width="stretch", key="sweep")
    st.caption(
        "As λ → 0 every component tends to 1/n (dotted); as λ → ∞ softmax tends to one-hot on "
        "the maximum, split evenly over tied maxima (triangles at the right edge); for λ < 0 "
        "the same happens on the minima. Turn on negative λ to see both sides."
    )


def simplex_section(nums: LabNumbers) -> None:
    """For n = 3: the softmax path on the probability simplex; otherwise why there is none."""
    figure = simplex_figure(nums)
    if figure is None:
        st.info(
            f"The simplex picture needs exactly three entries (σ has {nums.n:,}): softmax of a "
            "3-vector is a point of the triangle p1 + p2 + p3 = 1. Try the preset s1.",
            icon=":material/change_history:",
        )
        return
    st.plotly_chart(figure, width="stretch", key="simplex")
    st.caption(
        "λ = 0 is the centre (uniform); λ → +∞ runs to the vertex of the largest entry (to the "
        "midpoint of an edge for two tied maxima), λ → −∞ to the vertex of the smallest."
    )


def stability_section(nums: LabNumbers) -> None:
    """Stable algorithm next to the textbook formulas, with the reason for any overflow."""
    s = nums.stability
    shown = [int(j) for j in nums.shown]
    rows = ["lse(σ, λ)", *(f"softmax(σ, λ)_{j + 1}" for j in shown)]
    readout_table(
        {
            "quantity": rows,
            "stable (shift first)": [
                format_full(s.stable_lse),
                *_column(s.stable_softmax, shown),
            ],
            "textbook (no shift)": [format_full(s.naive_lse), *_column(s.naive_softmax, shown)],
        }
    )
    if s.overflowed and s.naive_failed:
        st.error(
            f"The textbook formula overflows: max_j λ·σ_j = {s.largest_exponent:.6g} exceeds "
            f"ln(largest double) ≈ {EXP_OVERFLOW:.2f}, so exp gives inf, the sum is inf, its "
            "log is inf and each softmax entry is inf/inf = nan (or finite/inf = 0). The stable "
            "algorithm subtracts the maximum first and exponentiates λ·(σ_j − max σ) ≤ 0, which "
            "never overflows."
        )
    elif s.naive_failed:
        st.error(
            "The textbook formula fails: every exp(λ·σ_j) underflows to 0 (below about "
            "exp(−745)), so the sum is 0, lse = log(0)/λ is infinite and softmax = 0/0 = nan. "
            "Shifting by the maximum (the minimum for λ < 0) first keeps the largest term at "
            "exp(0) = 1."
        )
    else:
        st.info(
            f"Here both agree: the largest exponent λ·σ_j = {s.largest_exponent:.6g} stays "
            f"below ln(largest double) ≈ {EXP_OVERFLOW:.2f}. Try s3 with λ = 100."
        )


@dataclass(frozen=True)
class LabSection:
    """One tab of the page: its label (also the value of ``?section=``) and what it draws."""

    label: str
    render: Callable[[LabNumbers], None]


#: The page's tabs, in order; the first is open by default.
SECTIONS: tuple[LabSection, ...] = (
    LabSection("Offset and scale", effects_section),
    LabSection("lse vs max", lse_section),
    LabSection("Temperature sweep", sweep_section),
    LabSection("Simplex", simplex_section),
    LabSection("Stable vs textbook", stability_section),
)
