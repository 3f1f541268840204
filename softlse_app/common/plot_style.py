"""Shared look of every figure: colour-blind-safe scales, palette, fonts and layout defaults.

- Sequential data (lse, max, probabilities): ``Cividis``, designed to read the same with
  deuteranopia and protanopia and to stay ordered in greyscale.
- Differences that start at 0 (the gap lse − max): ``Viridis``.
- Lines and bars: the Okabe–Ito palette (Okabe & Ito, 2008), safe for all common colour-vision
  deficiencies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

SEQUENTIAL_SCALE = "Cividis"
GAP_SCALE = "Viridis"

#: Okabe–Ito colours, in the order lines and bars use them.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)

FONT_FAMILY = "Source Sans Pro, Helvetica, Arial, sans-serif"


#: Light grid on white, as plotly's "plotly_white" template draws it.
GRID_COLOUR = "#EBF0F8"


#: Axis lines and grid of every chart (plotly_white's look).
AXIS_LOOK: dict[str, str] = {
    "gridcolor": GRID_COLOUR,
    "zerolinecolor": GRID_COLOUR,
    "linecolor": GRID_COLOUR,
}


def layout_style(*, height: int = 420, title: str | None = None) -> dict[str, Any]:
    """The common layout (white background, font, margins, height, optional title) as a dict,
    for a builder that passes its whole layout to ``go.Figure(data, layout)`` at once: each
    ``update_layout`` call on a built figure runs plotly's relayout machinery, and a few of
    them cost far more than building the figure. Apply :data:`AXIS_LOOK` to each axis.

    The look of plotly's "plotly_white" template is set property by property with the empty
    template "none": assigning a named template makes plotly validate the whole template for
    every figure, and ships the template's JSON with every chart, on every rerun.
    """
    layout: dict[str, Any] = {
        "template": "none",
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"family": FONT_FAMILY, "size": 13},
        "height": height,
        "margin": {"l": 60, "r": 30, "t": 60 if title else 40, "b": 50},
        "hoverlabel": {"font_size": 13},
    }
    if title:
        layout["title"] = {"text": title, "x": 0.0, "xanchor": "left"}
    return layout


def base_layout(fig: go.Figure, *, height: int = 420) -> go.Figure:
    """Apply :func:`layout_style` and :data:`AXIS_LOOK` to every axis of ``fig`` in place and
    return the figure, so builders can end with ``return base_layout(fig)``."""
    fig.update_layout(**layout_style(height=height))
    fig.update_xaxes(**AXIS_LOOK)
    fig.update_yaxes(**AXIS_LOOK)
    return fig


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


def styled_figure(
    data: list[dict[str, Any]], layout: Mapping[str, Any], *, height: int, title: str | None = None
) -> go.Figure:
    """``base_layout(go.Figure(data=data, layout=layout), height=height, title=title)`` in one
    construction: :func:`layout_style` and :data:`AXIS_LOOK` (on ``xaxis``, ``yaxis`` and every
    axis ``layout`` names) go under ``layout``, whose own entries win, and plotly validates the
    figure once."""
    look = layout_style(height=height, title=title)
    for name in ("xaxis", "yaxis", *layout):
        if name.startswith(("xaxis", "yaxis")):
            look[name] = dict(AXIS_LOOK)
    return go.Figure(data=data, layout=merged(look, layout))
