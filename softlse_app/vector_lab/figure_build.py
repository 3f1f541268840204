"""One-construction figure building for the vector lab's figures.

The page redraws on every edit, so each figure is built in one ``go.Figure(data=[…],
layout={…})`` call from plain dicts: plotly validates the whole figure once. ``add_trace``,
``make_subplots``, ``add_hline``/``add_vline`` and ``update_layout``/``update_xaxes`` each
re-validate and copy the figure, which made the sweep several times slower to build. The
panels, reference lines and labels are the same layout entries those helpers would write, and
the common look is :func:`~softlse_app.common.plot_style.base_layout`'s, taken once per
(axes, height, title) from an empty figure and merged into the layout dict (:func:`build_figure`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go

from softlse_app.common.plot_style import base_layout


@lru_cache(maxsize=32)
def _look(axes: tuple[str, ...], height: int, title: str | None) -> dict[str, Any]:
    """The layout :func:`base_layout` gives a figure with these axes (e.g. ``("xaxis",
    "yaxis2")``), height and title, as a plain dict. Read-only: it is shared between calls."""
    skeleton = go.Figure(layout={name: {} for name in axes})
    return base_layout(skeleton, height=height, title=title).layout.to_plotly_json()


def merged(under: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``under`` updated with ``over`` recursively (nested dicts merged, other values of
    ``over`` win), as ``update_layout(over)`` would do; new dicts, the inputs stay unchanged."""
    out = dict(under)
    for key, value in over.items():
        old = out.get(key)
        out[key] = (
            merged(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return out


def build_figure(
    data: list[dict[str, Any]], layout: dict[str, Any], *, height: int, title: str | None = None
) -> go.Figure:
    """``base_layout(go.Figure(data=data, layout=layout), height=height, title=title)`` in one
    construction: the common look is merged into the layout dict before plotly validates it;
    entries of ``layout`` win over the common look (e.g. a figure's own ``margin``)."""
    axes = tuple(name for name in layout if name.startswith(("xaxis", "yaxis")))
    return go.Figure(data=data, layout=merged(_look(axes, height, title), layout))
