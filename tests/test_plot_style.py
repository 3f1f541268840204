"""The common chart style: text colours that stay readable under Streamlit's plotly theme."""

from __future__ import annotations

import plotly.graph_objects as go

from softlse_app.common.plot_style import (
    CHART_TEXT,
    TEXT_LOOK,
    base_layout,
    readable_text,
    styled_figure,
)


def contrast_on_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of ``#rrggbb`` on white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 1.05 / (0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] + 0.05)


def test_chart_text_colour_reaches_aa_on_white() -> None:
    assert contrast_on_white(CHART_TEXT) >= 4.5
    assert contrast_on_white("#808495") < 4.5  # Streamlit's theme grey, which it replaces


def test_every_axis_and_colour_bar_names_its_text_colour() -> None:
    """Streamlit's theme fills in any text colour a layout leaves unset, so each is set."""
    layout = readable_text({"yaxis2": {"title": {"text": "y"}}, "coloraxis2": {}})
    for axis in ("xaxis", "yaxis", "yaxis2"):
        assert layout[axis]["tickfont"]["color"] == CHART_TEXT
        assert layout[axis]["title"]["font"]["color"] == CHART_TEXT
    assert layout["yaxis2"]["title"]["text"] == "y"
    for bar in ("coloraxis", "coloraxis2"):
        assert layout[bar]["colorbar"]["tickfont"]["color"] == CHART_TEXT
        assert layout[bar]["colorbar"]["title"]["font"]["color"] == CHART_TEXT
    assert layout["font"]["color"] == layout["legend"]["font"]["color"] == CHART_TEXT
    # a colour the layout sets itself wins, and the shared defaults are never edited
    own = readable_text({"xaxis": {"tickfont": {"color": "#000000"}}})
    assert own["xaxis"]["tickfont"]["color"] == "#000000"
    own["yaxis"]["tickfont"]["color"] = "red"
    assert TEXT_LOOK["yaxis"]["tickfont"]["color"] == CHART_TEXT


def test_both_figure_builders_colour_their_text() -> None:
    built = styled_figure([], {"xaxis": {"title": {"text": "x"}}, "yaxis2": {}}, height=300)
    assert built.layout.xaxis.tickfont.color == CHART_TEXT
    assert built.layout.xaxis.title.text == "x"
    assert built.layout.yaxis2.title.font.color == CHART_TEXT
    updated = base_layout(go.Figure(go.Scatter(y=[1, 2])).update_layout(yaxis2={}))
    assert updated.layout.yaxis2.tickfont.color == CHART_TEXT
    assert updated.layout.coloraxis.colorbar.title.font.color == CHART_TEXT
