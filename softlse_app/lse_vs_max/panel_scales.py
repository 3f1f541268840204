"""The colour scales and contour levels of the lse and max panels, chosen so that max's
picture never changes with λ.

max(x, y) does not depend on λ, so neither may its panel: its contour levels and colour range
depend on the extent (and, as max turns into min, on the sign of λ) only. lse is max's values
moved by log(2)/λ on the diagonal — over [−extent, extent]² it runs exactly from
−extent + log(2)/λ to extent + log(2)/λ, since it grows with x and with y — so:

- max's colour range is its own, [−extent, extent], with room on the side lse lies (above
  max for λ > 0, below min for λ < 0) for lse at λ = ±1, up to log 2 beyond it, but at most
  half of max's range (:func:`headroom`): a room that no λ changes;
- lse shares that scale — equal colours are equal values in the two panels — whenever it
  fits in it: |log(2)/λ| ≤ the room (λ ≥ 0.87 on [−1, 1]²);
- otherwise (small |λ|: at λ = 0.01 lse lies between 68.3 and 70.3, above every value of max)
  one scale would squeeze both panels into a few bands, so lse gets a colour range of its own,
  and the page says so in words. Its contour lines stay on max's spacing, on the same round
  values, so the two panels' lines still mean the same steps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from softlse_app.common.lambda_text import hard_name
from softlse_app.common.number_format import format_short, format_signed
from softlse_app.lse_vs_max.colour_ticks import LinearLevels, linear_levels

LOG2 = math.log(2.0)


@dataclass(frozen=True)
class PanelScales:
    """The levels (and colour range) of the max panel and of the lse panel of one λ on
    [−extent, extent]².

    ``shared``: lse is drawn on max's scale (``lse`` is ``hard``); ``lse_range``: the lowest
    and highest value of lse on the grid, −extent + log(2)/λ and extent + log(2)/λ.
    """

    extent: float
    hard: LinearLevels
    lse: LinearLevels
    shared: bool
    lse_range: tuple[float, float]


def hard_step(extent: float) -> float:
    """The contour spacing of max over [−extent, extent]: a round step, about ten bands."""
    return linear_levels(-extent, extent).size


def headroom(extent: float) -> float:
    """Room on max's colour scale for lse beyond max: whole steps covering log 2 (the most lse
    exceeds max by at λ = 1), at most half of max's range ``extent``, at least one step."""
    step = hard_step(extent)
    steps = math.ceil(min(LOG2, extent) / step - 1e-9)
    return float(f"{max(steps, 1) * step:.12g}")


def hard_levels(extent: float, lam: float) -> LinearLevels:
    """max's levels (min's for λ < 0) over [−extent, extent] and the room beside them for
    lse: the same for every λ of one sign."""
    room = headroom(extent)
    start, end = (-extent, extent + room) if lam > 0 else (-extent - room, extent)
    return LinearLevels(float(f"{start:.12g}"), float(f"{end:.12g}"), hard_step(extent))


def panel_scales(extent: float, lam: float) -> PanelScales:
    """The scales of the lse and max panels of ``lam`` on [−extent, extent]² (module doc)."""
    hard = hard_levels(extent, lam)
    shift = LOG2 / lam
    lo, hi = -extent + shift, extent + shift
    if abs(shift) <= headroom(extent):
        return PanelScales(extent, hard=hard, lse=hard, shared=True, lse_range=(lo, hi))
    step = hard.size
    start = math.floor(lo / step + 1e-9) * step
    end = math.ceil(hi / step - 1e-9) * step
    own = LinearLevels(float(f"{start:.12g}"), float(f"{end:.12g}"), step)
    return PanelScales(extent, hard=hard, lse=own, shared=False, lse_range=(lo, hi))


def lse_range_text(scales: PanelScales) -> tuple[str, str]:
    """The lowest and highest value of lse on the grid as a person reads them: three
    significant digits, or as many as the whole part has, so that no end is written in
    e-notation (``1e+03`` for 1000.7 at extent 1000) or rounded past its units.

    >>> lse_range_text(panel_scales(1.0, 10.0))
    ('−0.931', '1.07')
    >>> lse_range_text(panel_scales(1000.0, 1.0))
    ('−999.3', '1001')
    """
    largest = max(abs(value) for value in scales.lse_range)
    whole_digits = len(str(int(largest))) if largest < 1e15 else 15
    digits = max(3, whole_digits)
    low, high = scales.lse_range
    return format_signed(low, digits), format_signed(high, digits)


def scale_note(lam: float, scales: PanelScales) -> str:
    """Says, when lse lies too far from max to share max's colour scale (small |λ|), where lse
    lies and that its panel has a colour scale of its own; empty when the panels share one.
    lse is max's values moved by up to log(2)/|λ| (69.3 at λ = 0.01), so one scale for both
    would squeeze each panel into a few bands, and the same colour now means different values
    in the two panels: the note says so.

    >>> scale_note(0.01, panel_scales(1.0, 0.01))[:74]
    'lse lies between 68.3 and 70.3 here, above every value of max (−1 to 1): l'
    >>> scale_note(10.0, panel_scales(1.0, 10.0))
    ''
    """
    if scales.shared:
        return ""
    hard = hard_name(lam)
    side = "above" if lam > 0 else "below"
    lo, hi = lse_range_text(scales)
    extent = format_short(scales.extent)
    shift = (
        f"{('log(2)/λ' if lam > 0 else 'log(2)/|λ|')} = {format_short(math.log(2) / abs(lam), 3)}"
    )
    low, high = scales.lse_range
    clear = low > scales.extent if lam > 0 else high < -scales.extent  # no value in common
    where = f"{side} every value of {hard}" if clear else f"partly {side} the values of {hard}"
    plus = "plus" if lam > 0 else "minus"
    squeezed = "would look flat" if clear else "would show only a few bands"
    return (
        f"lse lies between {lo} and {hi} here, {where} (−{extent} to {extent}): lse is {hard} "
        f"{plus} a gap of up to {shift}. On one colour scale both panels {squeezed}, so the "
        "lse panel has a colour scale of its own, with its contour lines on the same spacing "
        f"as {hard}'s (every {format_short(scales.hard.size)}): the same colour means a "
        "different value in the two panels, so read their colour bars. Move λ further from 0 "
        f"to bring lse onto {hard}'s scale."
    )
