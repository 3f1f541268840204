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


def layout_look(*, height: int = 420, title: str | None = None) -> dict[str, Any]:
    """The common layout as a plain dict: white background, font, margins, ``height`` and an
    optional left-aligned ``title`` (axes get :data:`AXIS_LOOK` separately).

    The look of plotly's "plotly_white" template is set property by property with the empty
    template "none": a named template is validated whole for every figure and its JSON ships
    with every chart, on every rerun.
    """
    look: dict[str, Any] = {
        "template": "none",
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "font": {"family": FONT_FAMILY, "size": 13},
        "height": height,
        "margin": {"l": 60, "r": 30, "t": 60 if title else 40, "b": 50},
        "hoverlabel": {"font": {"size": 13}},
    }
    if title:
        look["title"] = {"text": title, "x": 0.0, "xanchor": "left"}
    return look


#: Look of every x and y axis: a light grid and zero line, as "plotly_white" draws them.
AXIS_LOOK: dict[str, str] = {
    "gridcolor": GRID_COLOUR,
    "zerolinecolor": GRID_COLOUR,
    "linecolor": GRID_COLOUR,
}


def base_layout(fig: go.Figure, *, height: int = 420, title: str | None = None) -> go.Figure:
    """Apply :func:`layout_look` and :data:`AXIS_LOOK` to ``fig`` in place and return it, so
    builders can end with ``return base_layout(fig)``."""
    fig.update_layout(layout_look(height=height, title=title))
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
    construction: the common look goes under ``layout`` (whose own entries win) before plotly
    validates the figure once. ``update_layout``/``update_xaxes`` calls each re-validate and
    copy the whole figure, arrays included, which is most of a figure's build time."""
    look = layout_look(height=height, title=title)
    for name in ("xaxis", "yaxis", *layout):
        if name.startswith(("xaxis", "yaxis")):
            look[name] = dict(AXIS_LOOK)
    return go.Figure(data=data, layout=merged(look, layout))
