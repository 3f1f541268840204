"""The grid coordinates the pages should use, computed independently of the app."""

from __future__ import annotations

import numpy as np


def decimal_axis(extent: float, count: int) -> np.ndarray:
    """``count`` evenly spaced points on [−extent, extent], each the double nearest to its
    decimal value (−0.4, where ``np.linspace`` gives −0.3999999999999999): k/10¹² for the
    integer k nearest to 10¹² times the point, a correctly rounded division."""
    return np.round(np.linspace(-extent, extent, count), 12)
