"""Square evaluation grids for functions of two variables (x, y).

``square_grid(extent, resolution)`` samples [−extent, extent]² with ``resolution`` points per
axis, endpoints included, so the corners (±extent, ±extent), the origin (for odd resolution)
and the diagonal x = y are grid points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class SquareGrid:
    """A grid on [−extent, extent]².

    ``axis`` holds the coordinates along x and along y (the same values); ``stacked`` has shape
    (2, resolution, resolution) with ``stacked[0][i, j] = axis[j]`` (x varies along columns) and
    ``stacked[1][i, j] = axis[i]`` (y varies along rows) — row 0 is the bottom, y = −extent, as
    plotly's heatmap and contour draw it (origin bottom-left).
    """

    axis: NDArray[np.float64]
    stacked: NDArray[np.float64]


def square_grid(extent: float, resolution: int) -> SquareGrid:
    """Sample [−extent, extent]² with ``resolution`` points per axis (endpoints included).

    Raises ValueError unless extent is finite and > 0 and resolution ≥ 2.
    """
    if not np.isfinite(extent) or extent <= 0:
        raise ValueError(f"extent must be a positive finite number, got {extent!r}")
    if resolution < 2:
        raise ValueError(f"resolution must be at least 2, got {resolution!r}")
    axis = np.linspace(-extent, extent, resolution)
    x, y = np.meshgrid(axis, axis)
    return SquareGrid(axis=axis, stacked=np.stack([x, y]))
