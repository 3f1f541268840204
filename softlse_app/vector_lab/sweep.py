"""The numbers of the "Temperature sweep" and "Simplex" tabs: the λ grid from nearly uniform
to nearly one-hot, softmax of the followed components along it, its limits, and for n = 3 the
path of softmax(σ, λ) on the probability triangle.

Softmax comes from :func:`softlse_core.softmax_lambda_sweep` (the whole vector normalised at
every λ) and the limits from :func:`softlse_core.onehot_argmax`; nothing here re-implements
them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from softlse_app.common.number_format import format_short
from softlse_app.vector_lab.components import SWEEP_COMPONENTS, leading_components
from softlse_core import FloatArray, onehot_argmax, softmax, softmax_lambda_sweep


def sweep_magnitudes(
    sigma: FloatArray, lam: float, *, per_decade: int = 24, max_points: int = 400
) -> FloatArray:
    """Log-spaced λ magnitudes for the temperature sweep, always containing |λ|.

    The range starts where softmax is nearly uniform and ends where it is nearly one-hot:
    from min(0.01, 0.01/spread) to max(1000, 30/gap), where spread = max − min of the finite
    entries and gap = the smallest distance between the largest (or smallest) value and the
    next distinct one; both ends are kept within [1e-12, 1e12] and the grid has at most
    ``max_points`` points.
    """
    finite = np.unique(sigma[np.isfinite(sigma)])
    low, high = 0.01, 1000.0
    if finite.size >= 2:
        # Python floats: max − min of ±1e308 is inf with no RuntimeWarning (low then clamps).
        top, second, bottom, next_up = (
            float(v) for v in (finite[-1], finite[-2], finite[0], finite[1])
        )
        spread = top - bottom
        gap = min(top - second, next_up - bottom)
        if spread > 0:
            low = min(low, 0.01 / spread)
        if gap > 0:
            high = max(high, 30.0 / gap)
    low = max(low, 1e-12)
    high = min(high, 1e12)
    decades = math.log10(high) - math.log10(low)
    points = int(min(max_points, max(2, round(decades * per_decade) + 1)))
    grid = np.logspace(math.log10(low), math.log10(high), points)
    return np.unique(np.append(grid, abs(lam)))


def softmax_sweep(sigma: FloatArray, lams: FloatArray, indices: NDArray[np.intp]) -> FloatArray:
    """softmax(σ, λ)[indices] for each λ in ``lams``: shape (len(lams), len(indices)), from
    :func:`softlse_core.softmax_lambda_sweep` (the whole vector is normalised at each λ, so
    the tail still counts; λ = 0 gives the uniform distribution, ±inf the one-hot limit)."""
    rows = np.asarray(softmax_lambda_sweep(sigma, lams), dtype=np.float64)
    return rows[:, indices]


def softmax_limits(sigma: FloatArray, indices: NDArray[np.intp]) -> dict[str, FloatArray]:
    """The limits of softmax(σ, λ)[indices]: ``"zero"`` the uniform 1/n (λ → 0), ``"plus"``
    one-hot on the maxima split over ties (λ → +∞), ``"minus"`` on the minima (λ → −∞)."""
    n = sigma.size
    return {
        "zero": np.full(len(indices), 1.0 / n),
        "plus": np.asarray(onehot_argmax(sigma), dtype=np.float64)[indices],
        "minus": np.asarray(onehot_argmax(-sigma), dtype=np.float64)[indices],
    }


@dataclass(frozen=True)
class SweepNumbers:
    """softmax(σ, λ) of the followed components along the λ grid. ``swept`` are their 0-based
    indices (every component for n ≤ ``SWEEP_COMPONENTS``, else the most probable at the
    current λ); ``positive[i, k]`` is the value at λ = magnitudes[i] and ``negative[i, k]``
    at λ = −magnitudes[i] (set only when the current λ is negative, as are ``limit_neg``).
    ``range_note`` says which limit the chart's λ range does not reach, if any
    (:func:`sweep_range_note`)."""

    lam: float
    n: int
    swept: NDArray[np.intp]
    magnitudes: FloatArray
    positive: FloatArray
    limit_pos: FloatArray
    negative: FloatArray | None
    limit_neg: FloatArray | None
    range_note: str | None = None


def sweep_numbers(sigma: FloatArray, lam: float) -> SweepNumbers:
    """The temperature sweep of σ (1-D) around the current λ ≠ 0: both signs when λ < 0."""
    p = np.asarray(softmax(sigma, lam), dtype=np.float64)
    swept = leading_components(p, SWEEP_COMPONENTS)
    magnitudes = sweep_magnitudes(sigma, lam)
    limits = softmax_limits(sigma, swept)
    nums = SweepNumbers(
        lam=lam,
        n=int(sigma.size),
        swept=swept,
        magnitudes=magnitudes,
        positive=softmax_sweep(sigma, magnitudes, swept),
        limit_pos=limits["plus"],
        negative=softmax_sweep(sigma, -magnitudes, swept) if lam < 0 else None,
        limit_neg=limits["minus"] if lam < 0 else None,
    )
    return replace(nums, range_note=sweep_range_note(sigma, nums))


@dataclass(frozen=True)
class SimplexNumbers:
    """The path of softmax(σ, λ) on the triangle p1 + p2 + p3 = 1 for a 3-vector σ: rows of
    ``positive`` (``negative``) are softmax at λ = magnitudes[i] (−magnitudes[i]); ``current``
    is softmax at the current λ."""

    lam: float
    sigma: FloatArray
    current: FloatArray
    magnitudes: FloatArray
    positive: FloatArray
    negative: FloatArray


def simplex_numbers(sigma: FloatArray, lam: float) -> SimplexNumbers | None:
    """The simplex path of σ at λ ≠ 0; ``None`` unless σ has exactly three entries."""
    if sigma.size != 3:
        return None
    magnitudes = sweep_magnitudes(sigma, lam)
    everything = np.arange(3, dtype=np.intp)
    return SimplexNumbers(
        lam=lam,
        sigma=sigma,
        current=np.asarray(softmax(sigma, lam), dtype=np.float64),
        magnitudes=magnitudes,
        positive=softmax_sweep(sigma, magnitudes, everything),
        negative=softmax_sweep(sigma, -magnitudes, everything),
    )


#: How far (largest difference of a followed component) softmax at the sweep's first λ may be
#: from uniform, or at its last λ from its one-hot limit, before the chart says that the end
#: it shows is not yet the limit its caption describes.
_LIMIT_REACHED = 0.01


def sweep_range_note(sigma: FloatArray, nums: SweepNumbers) -> str | None:
    """What the sweep cannot show for this σ, or None: the chart's λ range is kept within
    [1e-12, 1e12], and where σ's entries are so far apart (a spread above about 1e10) that
    softmax is one-hot already at λ = 1e-12, or its largest (with λ < 0 shown: or smallest)
    entries so close (a gap below about 3e-11) that it is not one-hot yet at λ = 1e12, the flat
    curves would read as "λ changes nothing". The note says which end misses its limit and
    about where λ would reach it: uniform below λ ≈ 0.01/spread, one-hot above λ ≈ 30/gap (as
    :func:`sweep_magnitudes` chooses its range)."""
    finite = np.unique(sigma[np.isfinite(sigma)])
    if nums.n < 2 or finite.size < 2:
        return None
    notes = []
    first, last = float(nums.magnitudes[0]), float(nums.magnitudes[-1])
    if np.max(np.abs(nums.positive[0] - 1.0 / nums.n)) > _LIMIT_REACHED:
        # halves: max − min of ±1e308 overflows, half of it does not
        half_spread = float(finite[-1]) / 2 - float(finite[0]) / 2
        spread = 2 * half_spread  # inf beyond the largest float (Python float: no warning)
        span = (
            f"span {format_short(spread, 3)}"
            if math.isfinite(spread)
            else "span more than the largest float (about 1.8e+308)"
        )
        below = f"about {format_short(0.005 / half_spread, 2)}"
        notes.append(
            f"Even at the smallest λ shown, {format_short(first)}, softmax is far from uniform: "
            f"σ's entries {span}, so the components approach 1/n only for λ below {below}, "
            "left of the chart."
        )
    values = [float(v) for v in (finite[0], finite[1], finite[-2], finite[-1])]
    sides = [(nums.positive[-1], nums.limit_pos, "largest", values[3] - values[2])]
    if nums.negative is not None and nums.limit_neg is not None:
        sides.append((nums.negative[-1], nums.limit_neg, "smallest", values[1] - values[0]))
    for end, limit, which, gap in sides:
        if np.max(np.abs(end - limit)) > _LIMIT_REACHED:
            notes.append(
                f"Even at the largest |λ| shown, {format_short(last)}, softmax is not yet "
                f"one-hot: σ's {which} entries differ by only {format_short(gap, 3)}, so it gets "
                f"there only for |λ| above about {format_short(30.0 / gap, 2)}, right "
                "of the chart."
            )
    return " ".join(notes) or None
