"""The bare contour page: one log-scale λ slider and one plain 201 × 201 contour of lse.

It is the floor any Streamlit page pays for "move λ → rerun → redraw a contour", and the
reference ``benchmarks/browser.py`` measures the LSE-vs-max and softmax pages against. No
caching, no query parameters, no styling: a ``select_slider`` ``lam`` over λ = 0.01 … 1000
(the 1–1.5–2–3–5–7 stops per decade the app's λ slider uses) and ``go.Contour`` ``contour``
of

    lse((x, y), λ) = m + log(exp(λ(x − m)) + exp(λ(y − m))) / λ,   m = max(x, y),

on [−1, 1]² with 201 points per axis, computed with plain numpy (float64, shifted by the
maximum, so no overflow at λ = 1000).

By default it freezes the loaded libraries out of the garbage collector's way as ``app.py``
does (:mod:`softlse_app.common.gc_freeze`), so it differs from the app only in what the page itself
does; ``streamlit run benchmarks/bare_contour_app.py -- --no-gc-freeze`` runs it as a default
Streamlit page would, paying Streamlit's after-run full collection on every rerun.
"""

import sys

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from softlse_app.common.gc_freeze import freeze_loaded_modules

#: λ stops: 1, 1.5, 2, 3, 5, 7 per decade from 0.01 up to 1000.
LAMBDAS: tuple[float, ...] = (
    *(
        float(f"{mantissa * 10.0**exponent:.6g}")
        for exponent in range(-2, 3)
        for mantissa in (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)
    ),
    1000.0,
)
POINTS = 201
NO_FREEZE_FLAG = "--no-gc-freeze"


def lse_grid(lam: float, points: int = POINTS) -> tuple[np.ndarray, np.ndarray]:
    """The axis of [−1, 1] with ``points`` points and lse((x, y), λ) on its grid (rows: y)."""
    axis = np.linspace(-1.0, 1.0, points)
    x, y = np.meshgrid(axis, axis)
    top = np.maximum(x, y)
    return axis, top + np.log(np.exp(lam * (x - top)) + np.exp(lam * (y - top))) / lam


def bare_contour_page() -> None:
    """The slider ``lam`` and the contour chart ``contour`` of lse at the chosen λ."""
    lam = st.select_slider(
        "Inverse temperature λ (log scale)", options=LAMBDAS, value=1.0, key="lam"
    )
    axis, z = lse_grid(float(lam))
    figure = go.Figure(go.Contour(x=axis, y=axis, z=z, name="lse"))
    figure.update_layout(xaxis_title="x", yaxis_title="y", height=500)
    st.plotly_chart(figure, key="contour")


if __name__ == "__main__":  # Streamlit runs a script as __main__
    if NO_FREEZE_FLAG not in sys.argv[1:]:
        freeze_loaded_modules()
    bare_contour_page()
