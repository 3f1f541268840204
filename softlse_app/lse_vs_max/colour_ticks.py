"""Round numbers for colour bars and contour levels, on a linear and on a log scale.

A colour bar reads right when its ticks are numbers a person would write (0.5, 1, 1.5 or
1e-40, 1e-20, 1) rather than wherever the data range happens to put them (−0.483, 0.0347).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from softlse_app.common.number_format import format_short, format_signed

#: Mantissas of a round step: 1, 2, 2.5 and 5 times a power of ten.
_ROUND_MANTISSAS = (1.0, 2.0, 2.5, 5.0, 10.0)

#: Whole-decade steps for log-scale ticks that span many decades.
_DECADE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)

#: The most characters a colour bar's labels may have together. A panel's bar is about 140 px
#: wide in a desktop's row of three; plotly turns labels that do not fit side by side by 90°,
#: which made "−0.8 −0.4 0 0.4 0.8 1.2" (18 characters) unreadable, while
#: "−1 −0.5 0 0.5 1 1.5" (14) stayed level. A phone's bar is wider, so what fits here fits there.
BAR_LABEL_CHARS = 15


def fits_on_bar(labels: list[str]) -> bool:
    """Whether ``labels`` fit side by side under a panel's colour bar."""
    return sum(len(label) for label in labels) <= BAR_LABEL_CHARS


#: A panel's colour bar, about 140 px wide, in characters of its tick labels (about 6.6 px
#: each): "1e−200" and "1e−100" a third of the bar apart stay level.
BAR_WIDTH_CHARS = 21


def spaced_on_bar(tickvals: list[float], ticktext: list[str], lo: float, hi: float) -> bool:
    """Whether labels ``ticktext`` at ``tickvals`` on a bar over [lo, hi] are far enough apart
    not to overlap: each pair of neighbours half their widths and half a character apart.
    Few labels crowded into one end overlap although they would fit side by side: plotly
    turned "0.00025" and "0.0005", three tenths of the bar apart, by 45°."""
    if not fits_on_bar(ticktext):
        return False
    if hi <= lo:
        return len(ticktext) <= 1
    placed = sorted(zip(tickvals, (len(text) for text in ticktext), strict=True))
    return all(
        (right - left) / (hi - lo) * BAR_WIDTH_CHARS >= (left_len + right_len) / 2 + 0.5
        for (left, left_len), (right, right_len) in itertools.pairwise(placed)
    )


def round_step(span: float, intervals: int) -> float:
    """The smallest round step (1, 2, 2.5 or 5 × 10^k) that cuts ``span`` into at most
    ``intervals`` pieces; 1.0 for a span that is zero, negative or not finite."""
    if not (math.isfinite(span) and span > 0 and intervals > 0):
        return 1.0
    raw = span / intervals
    power = 10.0 ** math.floor(math.log10(raw))
    for mantissa in _ROUND_MANTISSAS:
        step = float(f"{mantissa * power:.12g}")
        if step >= raw * (1 - 1e-12):
            return step
    return float(f"{10 * power:.12g}")  # pragma: no cover - 10 × power always qualifies


@dataclass(frozen=True)
class LinearLevels:
    """Contour levels ``start, start + size, …, end`` on round numbers covering [lo, hi];
    the colour bar spans [start, end] with a tick at every level."""

    start: float
    end: float
    size: float


def linear_levels(lo: float, hi: float, intervals: int = 12) -> LinearLevels:
    """Round levels covering [lo, hi] in at most about ``intervals`` steps.

    ``start`` is the largest multiple of the step ≤ lo and ``end`` the smallest ≥ hi, so the
    bar's ends are round too. A degenerate range (lo = hi) gets one step around it.
    """
    size = round_step(hi - lo, intervals)
    if not hi > lo:
        size = round_step(max(abs(lo), 1.0), intervals)
    start = math.floor(lo / size + 1e-9) * size
    end = math.ceil(hi / size - 1e-9) * size
    if end <= start:
        end = start + size
    return LinearLevels(float(f"{start:.12g}"), float(f"{end:.12g}"), size)


def linear_bar_ticks(levels: LinearLevels) -> tuple[list[float], list[str]]:
    """Labelled ticks on round values over [start, end]: as many as fit side by side under
    the bar (:func:`fits_on_bar`), at most 6, at least the ends' round neighbours."""
    span = levels.end - levels.start
    best: tuple[list[float], list[str]] = ([], [])
    for intervals in (6, 5, 4, 3, 2, 1):
        step = round_step(span, intervals)
        first = math.ceil(levels.start / step - 1e-9)
        last = math.floor(levels.end / step + 1e-9)
        values = [float(f"{k * step:.12g}") for k in range(first, last + 1)]
        best = values, [format_signed(v) for v in values]
        if fits_on_bar(best[1]):
            break
    return best


def format_power_of_ten(exponent: int) -> str:
    """10^exponent as a short label: ``0.01``, ``1``, ``1000`` near 1, ``1e-40`` otherwise."""
    if -3 <= exponent <= 3:
        return format_short(10.0**exponent)
    return f"1e{exponent}"


def decade_exponents(lo: float, hi: float, step: int) -> range:
    """The multiples of ``step`` in [lo, hi]: the exponents of ticks every ``step`` decades."""
    first = math.ceil(lo / step - 1e-9) * step
    return range(first, math.floor(hi + 1e-9) + 1, step)


def decade_ticks(lo: float, hi: float, step: int) -> tuple[list[float], list[str]]:
    """Ticks in log10 units at every ``step``-th power of ten in [lo, hi]: ``(positions,
    labels)``, labelled ``1e-8``, ``0.001`` (:func:`format_power_of_ten`)."""
    exponents = decade_exponents(lo, hi, step)
    return [float(k) for k in exponents], [format_power_of_ten(k) for k in exponents]


def log_ticks(lo: float, hi: float, most: int = 6) -> tuple[list[float], list[str]]:
    """Ticks for a colour bar in log10 units over [lo, hi]: ``(positions, labels)``.

    Positions are log10 of round values, labels the values themselves: over many decades
    every 1, 2, 5, 10, … decades (``1e-300``, ``1e-250``); over one to a few decades the
    1-2-5 values of each decade; within less than a decade round values on a linear step
    (0.2, 0.3, 0.4). At most about ``most`` ticks.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [], []
    span = hi - lo
    if span >= 3:
        step = next(
            (s for s in _DECADE_STEPS if len(decade_exponents(lo, hi, s)) <= most),
            _DECADE_STEPS[-1],
        )
        return decade_ticks(lo, hi, step)
    if span >= 1:
        positions, labels = [], []
        for exponent in range(math.floor(lo), math.ceil(hi) + 1):
            for mantissa in (1, 2, 5):
                position = exponent + math.log10(mantissa)
                if lo - 1e-9 <= position <= hi + 1e-9:
                    positions.append(position)
                    labels.append(format_short(mantissa * 10.0**exponent, 3))
        return positions, labels
    low, high = 10.0**lo, 10.0**hi
    step = round_step(high - low, most - 1)
    value = math.ceil(low / step - 1e-9) * step
    positions, labels = [], []
    while value <= high * (1 + 1e-12):
        if value > 0:
            positions.append(math.log10(value))
            labels.append(format_short(value))
        value = float(f"{value + step:.12g}")
    return positions, labels
