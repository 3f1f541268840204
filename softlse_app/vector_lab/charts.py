"""The "vector lab" figures, cached per the inputs each depends on (bars: σ, λ, c, a; sweep and
simplex: σ, λ), so changing c or a rebuilds only the bars and a rerun that changes nothing
rebuilds none. The figures themselves come from :mod:`softlse_app.vector_lab.figures`.

They are kept with ``st.cache_resource`` (the same object is handed out, never modified:
``st.plotly_chart`` only reads it) because ``st.cache_data`` would unpickle a copy, and plotly
re-validates a figure on unpickling, which costs about as much as building it. The cache keys
are σ as bytes plus the scalars; the ``_nums`` argument (not hashed) is determined by them.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from softlse_app.vector_lab.figures import lambda_sweep, simplex_path, softmax_bars
from softlse_app.vector_lab.numbers import LabNumbers

#: Figures kept per kind; a session moving λ back and forth finds its recent figures again.
FIGURE_CACHE_ENTRIES = 16


def component_labels(indices: list[int] | tuple[int, ...]) -> list[str]:
    """1-based component names: σ1, σ2, …"""
    return [f"σ{j + 1}" for j in indices]


@st.cache_resource(max_entries=FIGURE_CACHE_ENTRIES, show_spinner=False)
def _bars(sigma: bytes, lam: float, c: float, a: float, _nums: LabNumbers) -> go.Figure:
    shown = [int(j) for j in _nums.shown]
    return softmax_bars(
        component_labels(shown),
        [
            (f"softmax(σ, λ={lam:g})", _nums.p[shown]),
            (f"softmax(σ + {c:g}, λ)", _nums.p_offset[shown]),
            (f"softmax({a:g}·σ, λ)", _nums.p_scaled[shown]),
        ],
    )


def bars_figure(nums: LabNumbers) -> go.Figure:
    """Grouped bars of softmax(σ, λ), softmax(σ + c, λ), softmax(a·σ, λ) for the shown
    components."""
    return _bars(nums.sigma.tobytes(), nums.lam, nums.c, nums.a, nums)


@st.cache_resource(max_entries=FIGURE_CACHE_ENTRIES, show_spinner=False)
def _sweep(sigma: bytes, lam: float, _nums: LabNumbers) -> go.Figure:
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


def sweep_figure(nums: LabNumbers) -> go.Figure:
    """Each followed softmax component against |λ| (both signs when λ < 0)."""
    return _sweep(nums.sigma.tobytes(), nums.lam, nums)


@st.cache_resource(max_entries=FIGURE_CACHE_ENTRIES, show_spinner=False)
def _simplex(sigma: bytes, lam: float, _path_pos: np.ndarray, _nums: LabNumbers) -> go.Figure:
    labels = [f"p{j + 1} (σ{j + 1} = {_nums.sigma[j]:g})" for j in range(3)]
    return simplex_path(_path_pos, _nums.p, labels, lam, path_neg=_nums.simplex_neg)


def simplex_figure(nums: LabNumbers) -> go.Figure | None:
    """The softmax path on the probability simplex; ``None`` unless n = 3."""
    if nums.simplex_pos is None:
        return None
    return _simplex(nums.sigma.tobytes(), nums.lam, nums.simplex_pos, nums)
