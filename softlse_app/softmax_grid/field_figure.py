"""The gradient-field chart of the "softmax and one-hot" page: contours of lse((x, y), λ) with
its gradient softmax((x, y), λ) as arrows, and the checked point with its own arrow.

Moving the gradient section's λ redraws this chart, so it is built to draw about as fast as a
plain contour plot: every field arrow is in one line trace (shaft and two head strokes per
arrow, NaN between strokes, float32), the contours are filled bands at round levels labelled
where they cross the diagonal, and each extra trace is avoided (plotly pays per trace). The
bands use Cividis mixed half-way with white (:data:`FIELD_SCALE`), so the dark arrows read on
every band; the checked point's arrow is a vermillion annotation arrow on a white halo,
:data:`CHECK_ARROW_MAGNIFY` times longer than the field's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from numpy.typing import NDArray
from plotly.colors import get_colorscale, hex_to_rgb

from softlse_app.common.number_format import format_signed
from softlse_app.common.plot_style import (
    AXIS_LOOK,
    OKABE_ITO,
    SEQUENTIAL_SCALE,
    layout_style,
    readable_text,
)

#: Arrow length (for a unit-length vector) as a fraction of the spacing between arrow feet.
ARROW_FILL = 0.85
#: Arrowhead stroke length as a fraction of the arrow length, and its half-angle in radians.
HEAD_FRACTION = 0.3
HEAD_ANGLE = np.deg2rad(25.0)
#: The checked point's arrow is this many times longer than the field's arrows, or less where
#: that would take its tip out of the square (:func:`check_arrow_magnify`).
CHECK_ARROW_MAGNIFY = 4.0
ARROW_COLOUR = "#1B1F24"
#: A white halo around the contour labels (a CSS text-shadow), so that an arrow passing under
#: a label does not cross its glyphs.
LABEL_HALO = ", ".join(f"{dx}px {dy}px 1px white" for dx in (-1, 1) for dy in (-1, 1))
CHECK_COLOUR = OKABE_ITO[5]  # vermillion
#: The colour bar labels at most this many of its levels (every k-th one).
MAX_BAR_LABELS = 5
#: About this many contour bands across the range of lse.
CONTOUR_BANDS = 8


def _washed(scale: str, white_share: float) -> list[list[float | str]]:
    """A named plotly colour scale with each colour mixed with white; the order of lightness,
    and so what a colour-blind reader sees as the order, is kept."""
    washed: list[list[float | str]] = []
    for position, colour in get_colorscale(scale):
        red, green, blue = hex_to_rgb(colour)
        mixed = (round(c + (255 - c) * white_share) for c in (red, green, blue))
        washed.append([position, "rgb({}, {}, {})".format(*mixed)])
    return washed


FIELD_SCALE = _washed(SEQUENTIAL_SCALE, 0.5)


def round_step(span: float, bands: int = CONTOUR_BANDS) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that cuts ``span`` into about
    ``bands`` pieces, at least one."""
    if not math.isfinite(span) or span <= 0:
        return 1.0
    raw = span / bands
    power = 10.0 ** math.floor(math.log10(raw))
    # A span a rounding error over a round number (float32 values) keeps that number's step.
    return next(m * power for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * power >= raw * (1 - 1e-6))


def contour_levels(lo: float, hi: float) -> NDArray[np.float64]:
    """The round contour levels strictly inside (lo, hi), with the step of :func:`round_step`."""
    step = round_step(hi - lo)
    first = math.floor(lo / step) + 1
    levels = np.arange(first, math.ceil(hi / step)) * step
    return levels[(levels > lo) & (levels < hi)]


def arrow_paths(
    feet_x: NDArray[np.floating],
    feet_y: NDArray[np.floating],
    vectors: NDArray[np.floating],
    scale: float,
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """x and y of one line trace drawing every arrow ``scale · vectors[:, k]`` from its foot:
    seven points per arrow — foot, tip, NaN, head stroke, tip, head stroke, NaN — so plotly
    breaks the line between strokes."""
    u, v = vectors[0] * scale, vectors[1] * scale
    tip_x, tip_y = feet_x + u, feet_y + v
    head = HEAD_FRACTION * np.hypot(u, v)
    angle = np.arctan2(v, u)
    left, right = angle + np.pi - HEAD_ANGLE, angle + np.pi + HEAD_ANGLE
    gap = np.full_like(tip_x, np.nan)
    xs = (feet_x, tip_x, gap, tip_x + head * np.cos(left), tip_x, tip_x + head * np.cos(right), gap)
    ys = (feet_y, tip_y, gap, tip_y + head * np.sin(left), tip_y, tip_y + head * np.sin(right), gap)
    return (
        np.stack(xs, axis=-1).astype(np.float32).ravel(),
        np.stack(ys, axis=-1).astype(np.float32).ravel(),
    )


def check_arrow_magnify(
    point: tuple[float, float], gradient: Sequence[float], scale: float, extent: float
) -> float:
    """How many times longer than the field's arrows (``scale`` per unit vector) the checked
    point's arrow is drawn: :data:`CHECK_ARROW_MAGNIFY`, or less so that its tip stays inside
    [−extent, extent]² — at λ = 1000 the arrow from (0.5, 0.25), softmax (1, 0), ran past the
    square's edge to x ≈ 1.2 — but never shorter than a field arrow (a point at the edge
    whose softmax points out keeps an arrow as long as its neighbours')."""
    fits = CHECK_ARROW_MAGNIFY
    for where, component in zip(point, gradient, strict=True):
        reach = float(component) * scale
        room = extent - where if reach > 0 else extent + where
        if abs(reach) > 0 and room < fits * abs(reach):
            fits = room / abs(reach)
    return max(fits, 1.0)


def gradient_field_figure(
    axis: NDArray[np.floating],
    lse_values: NDArray[np.floating],
    arrow_axis: NDArray[np.floating],
    arrows: NDArray[np.floating],
    lam: float,
    title: str,
    *,
    point: tuple[float, float] | None = None,
    point_gradient: Sequence[float] | None = None,
    height: int = 560,
) -> go.Figure:
    """Contours of lse (``lse_values[i, j]`` at (axis[j], axis[i]), for ``lam``) with arrows
    ``arrows[:, i, j]`` = ∇lse = softmax at (arrow_axis[j], arrow_axis[i]), scaled so a unit
    vector spans ``ARROW_FILL`` of the arrow spacing. Hovering an arrow shows its foot and
    vector. ``point`` (with its ``point_gradient``) is marked, and its arrow drawn
    ``CHECK_ARROW_MAGNIFY`` times longer (less where the square would cut it off:
    :func:`check_arrow_magnify`), when inside the plotted square.

    Each level c is labelled where it crosses the diagonal, at x = y = c − log(2)/λ, since
    lse(t, t) = t + log(2)/λ.
    """
    arrow_axis = np.asarray(arrow_axis, dtype=np.float64)
    spacing = float(arrow_axis[1] - arrow_axis[0]) if arrow_axis.size > 1 else 1.0
    scale = ARROW_FILL * spacing
    feet_x, feet_y = (m.ravel() for m in np.meshgrid(arrow_axis, arrow_axis))
    vectors = np.asarray(arrows, dtype=np.float64).reshape(2, -1)
    path_x, path_y = arrow_paths(feet_x, feet_y, vectors, scale)
    per_vertex = np.repeat(np.column_stack([feet_x, feet_y, vectors.T]), 7, axis=0)
    axis64 = np.asarray(axis, dtype=np.float64)
    extent = float(np.max(np.abs(axis64)))
    values = np.asarray(lse_values, dtype=np.float32)
    lo, hi = float(values.min()), float(values.max())
    levels = contour_levels(lo, hi)
    step = float(levels[1] - levels[0]) if levels.size > 1 else max(hi - lo, 1e-12)
    start = float(levels[0]) if levels.size else lo
    on_diagonal = levels - math.log(2.0) / lam
    labelled = np.abs(on_diagonal) <= 0.97 * extent
    traces: list[go.Contour | go.Scatter] = [
        go.Contour(
            x=axis64,
            y=axis64,
            z=values,
            colorscale=FIELD_SCALE,
            autocontour=False,
            contours={"coloring": "fill", "start": start, "end": hi, "size": step},
            line={"color": "rgba(27, 31, 36, 0.45)", "width": 0.8},
            colorbar={
                "title": {"text": "lse", "side": "right"},
                "orientation": "h",
                "thickness": 12,
                "tick0": start,
                "dtick": step,
                # a tick at every level, a label at most at five: on a phone the bar is under
                # 200 px wide and nine labels ran together ("0.250.50.75")
                "ticklabelstep": max(1, math.ceil(levels.size / MAX_BAR_LABELS)),
                "yref": "container",
                "y": 0.0,
                "yanchor": "bottom",
                "ypad": 8,
            },
            hovertemplate="x = %{x:.3f}<br>y = %{y:.3f}<br>lse = %{z:.4f}<extra></extra>",
            name="lse",
            showlegend=False,
        ),
        go.Scatter(
            x=path_x,
            y=path_y,
            mode="lines",
            line={"color": ARROW_COLOUR, "width": 1.5},
            customdata=per_vertex.astype(np.float32),
            hovertemplate=(
                "arrow at (%{customdata[0]:.3f}, %{customdata[1]:.3f})<br>∇lse = softmax = "
                "(%{customdata[2]:.4f}, %{customdata[3]:.4f})<extra></extra>"
            ),
            name="∇lse = softmax",
        ),
        go.Scatter(
            x=on_diagonal[labelled],
            y=on_diagonal[labelled],
            mode="text",
            # a minus sign (not a hyphen) on a white halo: where an arrow crossed a label, its
            # stroke hid the hyphen, and "−0.25" read as "0.25"
            text=[format_signed(float(level)) for level in levels[labelled]],
            textposition="middle right",
            textfont={"size": 11, "color": ARROW_COLOUR, "shadow": LABEL_HALO},
            hoverinfo="skip",
            name="contour levels",
            showlegend=False,
        ),
    ]
    annotations: list[dict[str, object]] = []
    if point is not None and max(abs(point[0]), abs(point[1])) <= extent:
        gradient = np.asarray(point_gradient if point_gradient is not None else (0.0, 0.0))
        magnify = check_arrow_magnify(point, gradient, scale, extent)
        reach = magnify * scale
        tip = (point[0] + reach * float(gradient[0]), point[1] + reach * float(gradient[1]))
        annotations = [
            _point_arrow(point, tip, "white", 6.5),
            _point_arrow(point, tip, CHECK_COLOUR, 3.0),
        ]
        traces.append(
            go.Scatter(
                x=[point[0]],
                y=[point[1]],
                mode="markers",
                marker={"size": 12, "color": CHECK_COLOUR, "line": {"color": "white", "width": 2}},
                hovertemplate=(
                    "checked point (%{x:.3f}, %{y:.3f})<br>softmax = "
                    f"({float(gradient[0]):.4f}, {float(gradient[1]):.4f})<extra></extra>"
                ),
                name=f"checked point, its softmax ×{float(f'{magnify:.2g}'):g}",
            )
        )
    square = {**AXIS_LOOK, "constrain": "domain", "range": [-extent, extent]}
    layout = layout_style(height=height, title=title)
    layout.update(
        xaxis={**square, "title": {"text": "x"}},
        yaxis={**square, "title": {"text": "y"}, "scaleanchor": "x"},
        legend={"orientation": "h", "x": 0.0, "y": 1.03, "yanchor": "bottom"},
        annotations=annotations,
        # what automargin settles on (see plot_style: margins)
        margin={**layout["margin"], "l": 88, "t": 90, "b": 118},
    )
    layout["title"].update(y=0.985, yanchor="top")
    return go.Figure(data=traces, layout=readable_text(layout))


def _point_arrow(
    foot: tuple[float, float], tip: tuple[float, float], colour: str, width: float
) -> dict[str, object]:
    """An annotation arrow from ``foot`` to ``tip`` in data coordinates."""
    return {
        "x": tip[0],
        "y": tip[1],
        "ax": foot[0],
        "ay": foot[1],
        "xref": "x",
        "yref": "y",
        "axref": "x",
        "ayref": "y",
        "text": "",
        "showarrow": True,
        "arrowhead": 2,
        "arrowsize": 1.0,
        "arrowwidth": width,
        "arrowcolor": colour,
    }
