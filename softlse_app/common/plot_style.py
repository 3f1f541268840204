"""Shared look of every figure: colour-blind-safe scales, palette, fonts and layout defaults.

- Sequential data (lse, max, probabilities): ``Cividis``, designed to read the same with
  deuteranopia and protanopia and to stay ordered in greyscale.
- Differences that start at 0 (the gap lse − max): ``Viridis``.
- Lines and bars: the Okabe–Ito palette (Okabe & Ito, 2008), safe for all common colour-vision
  deficiencies.

Margins: a chart whose axis labels, legend or colour bar need more room than its layout's
``margin`` gets it from plotly's automargin, which finds out only after drawing the chart and
then draws it again. Streamlit mounts a new chart element for every new figure, so each step
that changed a chart paid that second draw. Each chart's margins are therefore what
automargin settles on for it in a browser window 1280 px wide or wider (measured in Chromium
with ``_fullLayout._size``), plus about 2 px where a panel's width allows: there plotly's
first draw is its last. Where labels need more room (a phone's wrapped legend, a narrower
window, long tick labels) automargin still makes it, as before.
"""

from __future__ import annotations

import copy
import re
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


#: Colour of every chart's text: tick labels, axis and colour-bar titles, legend, hover.
#: Streamlit's plotly theme greys them to rgb(128, 132, 149), 3.7:1 on white, below the
#: 4.5:1 that WCAG AA asks of text this small; this grey is 7:1 and still lighter than the
#: chart titles (Streamlit's heading colour), so the data stays what stands out.
CHART_TEXT = "#555867"

#: Text colours of one axis and of one colour axis's bar.
_AXIS_TEXT: dict[str, Any] = {
    "tickfont": {"color": CHART_TEXT},
    "title": {"font": {"color": CHART_TEXT}},
}
_BAR_TEXT: dict[str, Any] = {"colorbar": _AXIS_TEXT}

#: The text colours set explicitly in every layout. Streamlit's theme fills in the colours a
#: layout leaves unset — the font, every axis's ticks and title, the colour bar of a colour
#: axis, the legend, the hover box — and each of those beats an inherited ``font.color``, so
#: each is named (:func:`readable_text` adds the axes a layout has beyond x and y); a trace's
#: own colour bar inherits ``font.color``, which the theme leaves alone once it is set.
TEXT_LOOK: dict[str, Any] = {
    "font": {"color": CHART_TEXT},
    "xaxis": _AXIS_TEXT,
    "yaxis": _AXIS_TEXT,
    "coloraxis": _BAR_TEXT,
    "legend": {"font": {"color": CHART_TEXT}, "title": {"font": {"color": CHART_TEXT}}},
    "hoverlabel": {"font": {"color": CHART_TEXT}},
}


def readable_text(layout: Mapping[str, Any]) -> dict[str, Any]:
    """``layout`` with :data:`TEXT_LOOK` under it, and the same colours under every further
    axis (``yaxis2``) and colour axis it names: the text colours ``layout`` sets itself win.
    New dicts throughout: callers may edit what they get."""
    under = copy.deepcopy(TEXT_LOOK)
    for name in layout:
        if re.fullmatch(r"[xy]axis\d*", name):
            under[name] = copy.deepcopy(_AXIS_TEXT)
        elif re.fullmatch(r"coloraxis\d*", name):
            under[name] = copy.deepcopy(_BAR_TEXT)
    return merged(under, layout)


def readable_axes(fig: go.Figure) -> None:
    """:data:`CHART_TEXT` on the ticks and title of every axis of a built ``fig`` that sets
    no colour of its own, in place (for figures built with ``update_layout``)."""

    def colour(axis: Any) -> None:
        if axis.tickfont.color is None:
            axis.tickfont.color = CHART_TEXT
        if axis.title.font.color is None:
            axis.title.font.color = CHART_TEXT

    fig.for_each_xaxis(colour)
    fig.for_each_yaxis(colour)


def layout_style(*, height: int = 420, title: str | None = None) -> dict[str, Any]:
    """The common layout (white background, font, margins, height, optional title) as a dict,
    for a builder that passes its whole layout to ``go.Figure(data, layout)`` at once: each
    ``update_layout`` call on a built figure runs plotly's relayout machinery, and a few of
    them cost far more than building the figure. Apply :data:`AXIS_LOOK` to each axis.

    The look of plotly's "plotly_white" template is set property by property with the empty
    template "none": assigning a named template makes plotly validate the whole template for
    every figure, and ships the template's JSON with every chart, on every rerun.
    """
    layout: dict[str, Any] = readable_text(
        {
            "template": "none",
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "font": {"family": FONT_FAMILY, "size": 13},
            "height": height,
            "margin": {"l": 60, "r": 30, "t": 60 if title else 40, "b": 50},
            "hoverlabel": {"font": {"size": 13}},
        }
    )
    if title:
        layout["title"] = {"text": title, "x": 0.0, "xanchor": "left"}
    return layout


def base_layout(fig: go.Figure, *, height: int = 420) -> go.Figure:
    """Apply :func:`layout_style` and :data:`AXIS_LOOK` to every axis of ``fig`` in place and
    return the figure, so builders can end with ``return base_layout(fig)``."""
    fig.update_layout(**layout_style(height=height))
    fig.update_xaxes(**AXIS_LOOK)
    fig.update_yaxes(**AXIS_LOOK)
    readable_axes(fig)
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
            look[name] = merged(look.get(name, {}), AXIS_LOOK)
    return go.Figure(data=data, layout=readable_text(merged(look, layout)))
