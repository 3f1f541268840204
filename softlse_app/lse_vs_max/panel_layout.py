"""The shared frame of every square panel on the page: one chart per panel, x and y on equal
scales, the title above and the colour bar below the plot.

Each panel is its own chart (not a subplot of one figure) so that Streamlit's columns can put
them side by side on a wide screen and stack them on a phone, where a row of subplots would
shrink each plot to a few dozen pixels. The colour bar lies under the plot, so it takes none
of the plot's width; it sits at the bottom of the chart (``yref="container"``) whatever height
the plot gets, its title under it (a title above a bar placed this way overlaps the bar).
"""

from __future__ import annotations

from typing import Any

#: Height of a square panel's chart in px: a plot area of up to about 270 px (the width it
#: gets on a 390 px phone) plus title, axis titles and colour bar.
PANEL_HEIGHT = 400

#: Room around the plot area: the y-axis ticks and title on the left, the title on top, the
#: x-axis title and the horizontal colour bar below. No padding between plot and axes: the
#: plot's background (which shows where a gap underflowed) must not frame the plot. The
#: sizes are what automargin settles on at the default extent (see
#: :mod:`softlse_app.common.plot_style`: margins). Not more on the right: extents such as 0.5
#: and 10, whose last x tick label reaches 3–5 px further, keep automargin's second draw,
#: since a plot area that much narrower turns the gap bar's labels at λ = 1000 on a desktop.
PANEL_MARGIN = {"l": 58, "r": 16, "t": 36, "b": 110, "pad": 0}


def colour_bar(
    title: str, *, tickvals: list[float] | None = None, ticktext: list[str] | None = None
) -> dict[str, Any]:
    """A horizontal colour bar at the bottom of the chart, as wide as the plot, titled
    ``title``; with ``tickvals``/``ticktext`` the ticks are exactly those."""
    bar: dict[str, Any] = {
        "title": {"text": title, "side": "bottom"},
        "orientation": "h",
        "x": 0.5,
        "xanchor": "center",
        "len": 1.0,
        "yref": "container",
        "y": 0.0,
        "yanchor": "bottom",
        "ypad": 2,
        "thickness": 12,
    }
    if tickvals is not None:
        bar.update(tickmode="array", tickvals=tickvals, ticktext=ticktext)
    return bar


def square_axes(lo: float, hi: float) -> dict[str, Any]:
    """x and y axes titled "x" and "y" over [lo, hi], on equal scales (x anchored to y); the
    plot area shrinks to a square instead of stretching the picture."""
    # no grid lines: the panels are filled edge to edge, and over a gap panel's grey cells
    # grid lines would read as features of the data
    return {
        "xaxis": {
            "title": {"text": "x", "standoff": 4},
            "showgrid": False,
            "zeroline": False,
            "range": [lo, hi],
            "scaleanchor": "y",
            "scaleratio": 1,
            "constrain": "domain",
            "nticks": 5,
        },
        "yaxis": {
            "title": {"text": "y", "standoff": 4},
            "showgrid": False,
            "zeroline": False,
            "range": [lo, hi],
            "constrain": "domain",
            # a plot narrower than tall keeps its x axis next to the colour bar
            "constraintoward": "bottom",
            "nticks": 5,
        },
    }
