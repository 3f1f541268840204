"""Square evaluation grids for functions of two variables (x, y).

``square_grid(extent, resolution)`` samples [−extent, extent]² with ``resolution`` points per
axis, endpoints included, so the corners (±extent, ±extent), the origin (for odd resolution)
and the diagonal x = y are grid points. The coordinates are the doubles nearest to the
evenly spaced decimals a person reads (−0.4, not ``np.linspace``'s −0.3999999999999999), so the
hover and the CSVs show them as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

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


def evenly_spaced(extent: float, count: int) -> NDArray[np.float64]:
    """``count`` ≥ 2 evenly spaced points on [−extent, extent], endpoints included: the
    doubles nearest to k·extent/(count − 1) for k = −(count − 1), −(count − 3), …, count − 1,
    with extent read as the decimal a person set (``repr``: 0.1 is 1/10).

    Each point is one correctly rounded division of two integers, k·m/((count − 1)·d) for
    extent = m/d, while both stay below 2⁵³ (always, for the extents and resolutions of the
    pages); otherwise k·(extent/(count − 1)), within a unit or two in the last place. The points
    are symmetric about 0 and exactly ±extent at the ends. ``np.linspace`` accumulates
    start + i·step and gives −0.3999999999999999 for −0.4.

    >>> print(evenly_spaced(1.0, 11))
    [-1.  -0.8 -0.6 -0.4 -0.2  0.   0.2  0.4  0.6  0.8  1. ]
    >>> [float(v) for v in evenly_spaced(0.1, 201)[3:5]]
    [-0.097, -0.096]
    """
    steps = count - 1
    multiples = np.arange(-steps, steps + 1, 2, dtype=np.float64)
    decimal = Fraction(repr(float(extent)))
    denominator = steps * decimal.denominator
    if decimal.numerator * steps < 2**53 and denominator < 2**53:
        return multiples * decimal.numerator / denominator
    points = multiples * (extent / steps)  # never overflows, whatever the extent
    points[0], points[-1] = -extent, extent
    return points


def square_grid(extent: float, resolution: int) -> SquareGrid:
    """Sample [−extent, extent]² with ``resolution`` points per axis (endpoints included).

    Raises ValueError unless extent is finite and > 0 and resolution ≥ 2.
    """
    if not np.isfinite(extent) or extent <= 0:
        raise ValueError(f"extent must be a positive finite number, got {extent!r}")
    if resolution < 2:
        raise ValueError(f"resolution must be at least 2, got {resolution!r}")
    axis = evenly_spaced(extent, resolution)
    x, y = np.meshgrid(axis, axis)
    return SquareGrid(axis=axis, stacked=np.stack([x, y]))
