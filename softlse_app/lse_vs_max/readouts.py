"""The page's read-outs: the gap metrics, the charts' alt texts and captions, the sheet's
table. The sections a student opens to read why are :mod:`softlse_app.lse_vs_max.explanations`."""

from __future__ import annotations

import math
from collections.abc import Sequence

import streamlit as st

from softlse_app.common.lambda_text import hard_name
from softlse_app.common.number_format import format_short, format_signed
from softlse_app.lse_vs_max.panel_scales import PanelScales
from softlse_app.lse_vs_max.surface import FLOAT64_TINY, GapSummary


def format_gap(value: float) -> str:
    """A gap as read-outs show it: six significant digits, its size (not its sign) — the
    panels show the positive difference lse − max or min − lse."""
    return format_short(abs(value))


def bound_text(lam: float) -> str:
    """``log(2)/λ`` or, for λ < 0, ``log(2)/|λ|``: the gap on the diagonal, in words."""
    return "log(2)/λ" if lam > 0 else "log(2)/|λ|"


def gap_metrics(summary: GapSummary, extent: float) -> None:
    """Four read-outs about the whole grid: the gap along the diagonal, its bound, the gap at
    the far corners, and how often lse itself rounds to max."""
    hard = hard_name(summary.lam)
    # two columns of two (the diagonal's gap over its bound, the corner over the rounding
    # count), not two rows of columns: three layout blocks instead of six to send and draw at
    # each λ step, and a phone reads them in the same order
    left, right = st.columns(2)
    left.metric(
        "Gap on the whole diagonal x = y",
        format_gap(summary.diagonal_gap),
        help=f"The same at all {summary.diagonal_points} grid points on the diagonal: there "
        f"the two numbers tie and the gap is exactly {bound_text(summary.lam)}.",
    )
    left.metric(f"Largest possible gap, {bound_text(summary.lam)}", format_gap(summary.bound))
    corner = f"(−{format_short(extent)}, {format_short(extent)})"
    smallest = format_gap(summary.corner_gap) if summary.corner_gap != 0 else "0 (underflow)"
    right.metric(
        f"Smallest gap, at the corner {corner}",
        smallest,
        help="Farthest from the diagonal: |x − y| is largest, so the gap is smallest.",
    )
    right.metric(
        f"Grid points where lse rounds to {hard}",
        f"{summary.rounds_to_hard} of {summary.points}",
        help=f"There lse, as a float64, is exactly {hard}: the gap is smaller than the "
        f"spacing of floats next to {hard} (about 2.2e-16 × |{hard}|).",
    )


def diagonal_agreement(points: int, spread: float) -> str:
    """How far the gap's values on the diagonal differ from log(2)/|λ|, in words: "it is
    exactly that at all 201 grid points on it" when the largest difference ``spread`` is 0
    (the usual case: a number "to within 0.0e+00" reads as noise), else "all 201 grid points
    on it agree to within 2.2e-16"."""
    if spread == 0:
        return f"it is exactly that at all {points} grid points on it"
    return f"all {points} grid points on it agree to within {spread:.1e}"


#: Below this share of the fixed colour scale the shown gaps come out in nearly one colour.
FLAT_SHARE = 0.1


#: What to do when the gaps of one λ are flat on the fixed scale, in the explore view (one λ,
#: which the person moves) and in the sheet view (the sheet's three λ, one row each).
FLAT_ADVICE = {
    "explore": "The fixed scale is for comparing λs: move λ further from 0 to see the gap "
    "shrink. Turn it off to see how the gap varies across the grid at this λ.",
    "sheet": "The fixed scale is for comparing the rows; turn it off to see how the gap varies "
    "across the grid at each λ.",
}


def fixed_scale_note(
    shown: tuple[float, float], fixed: tuple[float, float], view: str = "explore"
) -> str:
    """Says when the gaps of this λ, log10 range ``shown``, use so little of the fixed colour
    scale (log10 range ``fixed``, some 310 powers of ten) that they share nearly one colour,
    with what to do in ``view`` ("explore" or "sheet": :data:`FLAT_ADVICE`); empty otherwise.
    At λ = 1 the gaps span about 5 of them: the panel is one flat colour, which reads as "no
    structure" unless the page says why.

    >>> fixed_scale_note((-5.4, -0.16), (-307.65, 1.84))[:60]
    'On the fixed scale the gaps at this λ, from 4e-06 to 0.69, t'
    >>> fixed_scale_note((-300.0, -3.0), (-307.65, 1.84))
    ''
    """
    fixed_lo, fixed_hi = fixed
    lo, hi = max(shown[0], fixed_lo), min(shown[1], fixed_hi)  # grey cells are off the scale
    decades = hi - lo
    if decades >= FLAT_SHARE * (fixed_hi - fixed_lo):
        return ""
    share = f"about {decades:.0f}" if decades >= 1 else "less than one"
    return (
        f"On the fixed scale the gaps at this λ, from {format_short(10.0**lo, 2)} to "
        f"{format_short(10.0**hi, 2)}, take up {share} of its {fixed_hi - fixed_lo:.0f} "
        f"powers of ten, so they come out in nearly one colour. {FLAT_ADVICE[view]}"
    )


def picture_note(res: int, drawn: int, what: str) -> str:
    """Says when a panel draws fewer grid points than the grid has (empty when it draws all)."""
    if drawn >= res:
        return ""
    return (
        f" The {what} is drawn from {drawn} × {drawn} of the {res} × {res} grid points (finer "
        "cells would be smaller than a pixel); the read-outs and the CSV use all of them."
    )


def hidden_band_note(summary: GapSummary, drawn_step: float) -> str:
    """Says, when the grid points whose gap is coloured lie closer to the diagonal than the
    drawn cells are apart, that the heatmap shows none of them but the diagonal's line: at
    λ = 1000 on [−100, 100]² (801 points a side, 101 drawn) the gap is coloured only within
    about 0.71 of the diagonal, and the drawn cells are 2 apart. Empty otherwise."""
    off_diagonal = summary.points - summary.underflows - summary.diagonal_points
    lam = abs(summary.lam)
    # e^(−|λ|·d)/|λ| is the gap at a distance d from the diagonal (for |λ|·d of a few units
    # or more): it falls below the smallest normal float64 at d = −log(|λ|·tiny)/|λ|
    band = -math.log(lam * FLOAT64_TINY) / lam
    if off_diagonal <= 0 or band >= drawn_step:
        return ""
    return (
        f" The other {off_diagonal} coloured grid points lie within {format_short(band, 2)} of "
        f"the diagonal, closer than the drawn cells ({format_short(drawn_step, 3)} apart): "
        "only the diagonal's line shows them."
    )


def gap_caption(
    summaries: Sequence[GapSummary], res: int, drawn: int, drawn_step: float | None = None
) -> str:
    """The key under the gap panels of one or more λ: the diagonal line, the grey cells if
    any, how many grid points a heatmap draws and, for one λ, whether the coloured points
    are too close to the diagonal for the drawn cells (``drawn_step`` apart) to show."""
    if len(summaries) == 1:
        (summary,) = summaries
        text = (
            f"On the diagonal x = y the gap is {bound_text(summary.lam)} = "
            f"{format_gap(summary.bound)}; a line in that value's colour marks the diagonal "
            "(hover it for the exact value)."
        )
    else:
        text = (
            "On the diagonal x = y the gap is log(2)/|λ|; a line in that value's colour marks "
            "the diagonal (hover it for the exact value)."
        )
    grey = [s for s in summaries if s.underflows]
    if grey:
        if len(summaries) == 1:
            where = f"{grey[0].underflows} grid points"
        else:
            counts = ", ".join(f"{s.underflows} at λ = {format_short(s.lam)}" for s in grey)
            where = f"grid points ({counts})"
        text += (
            f" Grey: {where} where the gap is below {FLOAT64_TINY:.1e}, the smallest normal "
            "float64 — it underflows there (a subnormal or exactly 0), so it is not coloured."
        )
    text += picture_note(res, drawn, "heatmap")
    if len(summaries) == 1 and drawn < res and drawn_step is not None:
        text += hidden_band_note(summaries[0], drawn_step)
    return text


def lse_alt(summary: GapSummary, scales: PanelScales) -> str:
    """Alt text of an lse panel: its values and the colour scale it is drawn on."""
    lo, hi = scales.lse_range
    extent = format_short(scales.extent)
    hard = hard_name(summary.lam)
    scale = (
        f"on the same colour scale as the {hard} panel"
        if scales.shared
        else f"on a colour scale of its own, from {format_short(scales.lse.start, 4)} to "
        f"{format_short(scales.lse.end, 4)}, since lse lies too far from {hard} to share "
        f"{hard}'s"
    )
    return (
        f"Filled contour plot of lse((x, y), λ = {format_short(summary.lam)}) over x and y from "
        f"−{extent} to {extent}; values from {format_short(lo, 4)} to {format_short(hi, 4)}, "
        f"{scale}, contour lines every {format_short(scales.lse.size)}. "
        f"The contours are those of {hard}(x, y) with their corners on the "
        f"diagonal rounded off, by {format_gap(summary.bound)} on the diagonal itself."
    )


def hard_alt(lam: float, scales: PanelScales) -> str:
    """Alt text of a max (min) panel: the same for every λ of one sign but for whether the
    lse panel shares its colour scale."""
    hard = hard_name(lam)
    extent = format_short(scales.extent)
    shared = "the lse panel shares it" if scales.shared else "the lse panel has its own"
    return (
        f"Filled contour plot of {hard}(x, y) over x and y from −{extent} to {extent}: "
        f"L-shaped contours every {format_short(scales.hard.size)} with sharp corners on the "
        f"diagonal x = y, on a colour scale from {format_short(scales.hard.start, 4)} to "
        f"{format_short(scales.hard.end, 4)} that no λ changes ({shared})."
    )


def gap_alt(summary: GapSummary, log_range: tuple[float, float]) -> str:
    """Alt text of a gap panel. The colour range's ends are given as the gaps they stand
    for (0.13, 0.69), not as powers of ten with fractional exponents (1e-0.2), which a
    listener cannot use."""
    lo, hi = (format_short(10.0**end, 2) for end in log_range)
    text = (
        f"Heatmap of the gap between lse and {hard_name(summary.lam)} at λ = "
        f"{format_short(summary.lam)} on a log colour scale from {lo} to {hi}: "
        f"largest, {format_gap(summary.bound)}, along the whole diagonal x = y, falling off "
        f"exponentially with |x − y| to {format_gap(summary.corner_gap)} at the corners."
    )
    if summary.underflows:
        text += f" {summary.underflows} grid points, grey, are below the float64 range."
    return text


def slice_alt(lam: float, y: float) -> str:
    """Alt text of the slice chart."""
    hard = hard_name(lam)
    far = "above" if lam > 0 else "below"
    return (
        f"Line chart along x at y = {format_signed(y, 4)}, λ = {format_signed(lam)}: lse lies "
        f"between {hard}(x, y) and {hard} {far} by log(2)/|λ|, touching the far line at x = y."
    )


def sheet_table(summaries: Sequence[GapSummary]) -> None:
    """The sheet's λ beside the gap on the diagonal and at the corners."""
    st.dataframe(
        {
            "λ": [format_short(s.lam) for s in summaries],
            "gap on the diagonal": [abs(s.diagonal_gap) for s in summaries],
            "log(2)/λ": [abs(s.bound) for s in summaries],
            "gap at the corners": [abs(s.corner_gap) for s in summaries],
        },
        hide_index=True,
        column_config={
            "gap on the diagonal": st.column_config.NumberColumn(format="%.6g"),
            "log(2)/λ": st.column_config.NumberColumn(format="%.6g"),
            "gap at the corners": st.column_config.NumberColumn(format="%.3e"),
        },
    )
