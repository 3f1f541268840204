"""Sections of the "vector lab" page, one function per concept. Layout only: the numbers come
from :func:`softlse_core.vector_lab_numbers.lab_numbers` and the figures from
:mod:`softlse_core.figures.vector_lab`.

Numbers in tables and read-outs are shown at full precision (the shortest decimal that reads
back to the same double, :func:`softlse_core.vector_lab.format_full`).

Figures are cached per the inputs they depend on (bars: σ, λ, c, a; sweep and simplex: σ, λ),
so changing c or a rebuilds only the bars and a rerun that changes nothing rebuilds none.
They are kept with ``st.cache_resource`` (the same object is handed out, never modified:
``st.plotly_chart`` only reads it) because ``st.cache_data`` would unpickle a copy, and plotly
re-validates a figure on unpickling, which costs about as much as building it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from softlse_core.figures.vector_lab import lambda_sweep, simplex_path, softmax_bars
from softlse_core.vector_lab import EXP_OVERFLOW, format_full
from softlse_core.vector_lab_numbers import BAR_COMPONENTS, LabNumbers


def component_labels(indices: list[int] | tuple[int, ...]) -> list[str]:
    """1-based component names: σ1, σ2, …"""
    return [f"σ{j + 1}" for j in indices]


#: Figures kept per kind; a session moving λ back and forth finds its recent figures again.
FIGURE_CACHE_ENTRIES = 16


@st.cache_resource(max_entries=FIGURE_CACHE_ENTRIES, show_spinner=False)
def _bars_figure(sigma: bytes, lam: float, c: float, a: float, _nums: LabNumbers) -> go.Figure:
    """Grouped bars of softmax(σ, λ), softmax(σ + c, λ), softmax(a·σ, λ) for the shown
    components; keyed on (σ as bytes, λ, c, a), which determine ``_nums``."""
    shown = [int(j) for j in _nums.shown]
    return softmax_bars(
        component_labels(shown),
        [
            (f"softmax(σ, λ={lam:g})", _nums.p[shown]),
            (f"softmax(σ + {c:g}, λ)", _nums.p_offset[shown]),
            (f"softmax({a:g}·σ, λ)", _nums.p_scaled[shown]),
        ],
    )


@st.cache_resource(max_entries=FIGURE_CACHE_ENTRIES, show_spinner=False)
def _sweep_figure(sigma: bytes, lam: float, _nums: LabNumbers) -> go.Figure:
    """The temperature sweep; keyed on (σ as bytes, λ), the only inputs it depends on."""
    return lambda_sweep(
        _nums.magnitudes,
        _nums.sweep_pos,
        component_labels([int(j) for j in _nums.swept]),
        _nums.limit_pos,
        lam,
        probs_neg=_nums.sweep_neg,
        limit_neg=_nums.limit_neg,
        uniform=1.0 / _nums.n,
    )


@st.cache_resource(max_entries=FIGURE_CACHE_ENTRIES, show_spinner=False)
def _simplex_figure(
    sigma: bytes, lam: float, _path_pos: np.ndarray, _nums: LabNumbers
) -> go.Figure:
    """The softmax path ``_path_pos`` (λ > 0) and ``_nums.simplex_neg`` on the simplex
    (n = 3 only); keyed on (σ as bytes, λ)."""
    labels = [f"p{j + 1} (σ{j + 1} = {_nums.sigma[j]:g})" for j in range(3)]
    return simplex_path(_path_pos, _nums.p, labels, lam, path_neg=_nums.simplex_neg)


def _column(values: np.ndarray, indices: list[int]) -> list[str]:
    """The entries ``values[j]`` for ``j`` in ``indices`` at full precision."""
    return [format_full(values[j]) for j in indices]


def effects_section(nums: LabNumbers, lam: float, c: float, a: float) -> None:
    """σ, σ + c and a·σ with their softmax: table, grouped bars, verdicts and the proofs."""
    st.subheader("Offset and rescaling")
    shown = [int(j) for j in nums.shown]
    if nums.n > BAR_COMPONENTS:
        st.caption(
            f"σ has {nums.n:,} entries: the table and the bars show the {len(shown)} most "
            f"probable under softmax(σ, λ); the verdicts use all {nums.n:,}."
        )
    table = pd.DataFrame(
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
    st.dataframe(table, hide_index=True, width="stretch")
    figure = _bars_figure(nums.sigma.tobytes(), lam, c, a, nums)
    st.plotly_chart(figure, width="stretch", key="bars")

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
        "same factor e^{λc}, which cancels; the scale only ever appears in the product λ·a."
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
    st.subheader(f"lse(σ, λ) next to {name}(σ)")
    rows = {
        "lse(σ, λ)": r.value,
        f"{name}(σ)": r.extreme,
        f"lse − {name}": r.gap,
        f"lower bound of lse − {name}": r.gap_low,
        f"upper bound of lse − {name}": r.gap_high,
    }
    st.dataframe(
        {"quantity": list(rows), "value": [format_full(v) for v in rows.values()]},
        hide_index=True,
        width="stretch",
        key="lse_table",
    )
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
    st.dataframe(
        {"quantity": list(rows), "value": [format_full(v) for v in rows.values()]},
        hide_index=True,
        width="stretch",
        key="identity_table",
    )
    st.latex(
        r"\operatorname{lse}(\sigma,\lambda)=\langle p,\sigma\rangle+\frac{H(p)}{\lambda},"
        r"\quad p=\operatorname{softmax}(\sigma,\lambda),\quad H(p)=-\sum_k p_k\log p_k"
    )
    st.caption("It holds for every λ ≠ 0 because log p_k = λ·σ_k − λ·lse(σ, λ).")


def sweep_section(nums: LabNumbers, lam: float) -> None:
    """Each followed softmax component against λ (both signs when λ < 0)."""
    st.subheader("Temperature sweep")
    swept = [int(j) for j in nums.swept]
    if nums.n > len(swept):
        st.caption(f"The {len(swept)} most probable of {nums.n:,} components at the current λ.")
    figure = _sweep_figure(nums.sigma.tobytes(), lam, nums)
    st.plotly_chart(figure, width="stretch", key="sweep")
    st.caption(
        "As λ → 0 every component tends to 1/n (dotted); as λ → ∞ softmax tends to one-hot on "
        "the maximum, split evenly over tied maxima (triangles at the right edge); for λ < 0 "
        "the same happens on the minima. Turn on negative λ to see both sides."
    )


def simplex_section(nums: LabNumbers, lam: float) -> None:
    """For n = 3: the softmax path on the probability simplex."""
    if nums.simplex_pos is None:
        return
    st.subheader("The path on the probability simplex")
    figure = _simplex_figure(nums.sigma.tobytes(), lam, nums.simplex_pos, nums)
    st.plotly_chart(figure, width="stretch", key="simplex")
    st.caption(
        "λ = 0 is the centre (uniform); λ → +∞ runs to the vertex of the largest entry (to the "
        "midpoint of an edge for two tied maxima), λ → −∞ to the vertex of the smallest."
    )


def stability_section(nums: LabNumbers, lam: float) -> None:
    """Stable algorithm next to the textbook formulas, with the reason for any overflow."""
    st.subheader("Stable versus textbook")
    s = nums.stability
    shown = [int(j) for j in nums.shown]
    rows = ["lse(σ, λ)", *(f"softmax(σ, λ)_{j + 1}" for j in shown)]
    table = pd.DataFrame(
        {
            "quantity": rows,
            "stable (shift first)": [
                format_full(s.stable_lse),
                *_column(s.stable_softmax, shown),
            ],
            "textbook (no shift)": [format_full(s.naive_lse), *_column(s.naive_softmax, shown)],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
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
