"""The words of the "Offset and scale" tab's verdicts: what the offset c and the scale a did,
stated from :class:`~softlse_app.vector_lab.offset_scale.EffectVerdicts` so that every sentence
is true for the numbers on the screen — including sizes where rounding makes a check
meaningless, which the verdict then says instead of quoting a bound larger than any
probability.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from softlse_app.common.number_format import format_short, format_signed
from softlse_app.vector_lab.offset_scale import EffectVerdicts

#: The largest float64, as the verdicts write it.
_LARGEST_DOUBLE = format_short(float(np.finfo(np.float64).max), 2)


@dataclass(frozen=True)
class Verdict:
    """One verdict: ``holds`` (the identity is confirmed on these numbers: a green box; else a
    neutral box that explains) and its Markdown ``text``."""

    holds: bool
    text: str


def _swamped(exponent_size: float, tol: float, exponents: str) -> str:
    """Why a check is not informative: its exponents are so large that rounding them moves a
    probability by more than any difference of probabilities."""
    if math.isinf(exponent_size):
        size = f"exceed the largest double (about {_LARGEST_DOUBLE})"
    else:
        size = (
            f"reach about {format_short(exponent_size, 2)}, and float64 rounding of numbers "
            f"this large can shift them by about {format_short(tol, 1)}"
        )
    return (
        f"the exponents {exponents} {size}. An error of more than 1 in an exponent already "
        "changes a probability by more than a factor e, so at this size rounding can swamp the "
        "comparison: it cannot show whether the identity holds."
    )


def _difference(diff: float) -> str:
    """The largest difference as the reader sees it, or 'agree in every digit' for 0."""
    if diff == 0:
        return "0: the two agree in every digit"
    return format_short(diff, 3)


def offset_verdict(v: EffectVerdicts, c: float) -> Verdict:
    """What c did: nothing beyond rounding (green), more than rounding (explained), or a check
    that cannot tell at this size (explained)."""
    head = f"**Offset c = {format_signed(c)}"
    measured = f"max |softmax(σ + c, λ) − softmax(σ, λ)| = {_difference(v.offset_diff)}"
    if v.offset_identical and v.offset_diff == 0:
        why = (
            "c = 0 leaves σ as it is"
            if c == 0
            else "σ + c is σ itself: c is smaller than the spacing of doubles near these entries"
        )
        return Verdict(True, f"{head}: softmax unchanged.** {measured}. Here {why}; try another c.")
    if not v.offset_informative:
        return Verdict(
            False,
            f"{head}: the check is not informative here.** {measured}; but "
            f"{_swamped(v.offset_exponent, v.offset_tol, 'λ·(σ + c)')}",
        )
    if v.offset_unchanged:
        within = (
            "."
            if v.offset_diff == 0
            else f", within float64 rounding of these numbers (about "
            f"{format_short(v.offset_tol, 1)})."
        )
        return Verdict(True, f"{head}: softmax unchanged.** {measured}{within}")
    return Verdict(
        False,
        f"{head}: largest difference {format_short(v.offset_diff, 3)}**, more than float64 "
        f"rounding of these numbers explains (about {format_short(v.offset_tol, 1)}): σ + c "
        "lost digits of σ (|c| much larger than the differences between the entries), or an "
        "entry is infinite.",
    )


def _entropy_change(v: EffectVerdicts, verb: str, than: str) -> str:
    """'sharpens …: entropy 0.832 → 0.0012 nats', or why the entropy shown does not move."""
    before, after = format_short(v.entropy_reference), format_short(v.entropy_scaled)
    if before != after:
        return f"{verb} {than}: entropy {before} → {after} nats"
    if v.entropy_reference == 0 and v.entropy_scaled == 0:
        return f"{verb} {than}, but not here: softmax is already one-hot in float64 (entropy 0)"
    return f"{verb} {than}, but too little to show: the entropy stays {before} nats"


def _scale_effect(v: EffectVerdicts) -> str:
    """What a does to the shape of softmax: sharper, flatter, uniform, and for a < 0 the move
    from the soft maximum to the soft minimum (or back, for λ < 0)."""
    if v.sharpness == "uniform":
        return "a = 0 flattens all the way: softmax(0·σ, λ) = softmax(σ, 0) is uniform"
    if v.all_equal:
        return "All entries of σ are equal, so softmax is uniform whatever a is"
    if v.a > 0:
        than, prefix = "softmax", ""
    else:
        than = "it, compared with softmax(−σ, λ)"
        prefix = (
            "a < 0 turns the soft maximum into a soft minimum (the mass moves to min σ); "
            if v.lam > 0
            else "a < 0 turns the soft minimum into a soft maximum (the mass moves to max σ); "
        )
    if v.sharpness == "unchanged":
        return prefix + (
            "|a| = 1, so the sharpness is unchanged"
            if v.a > 0
            else "|a| = 1, so it is exactly as sharp as softmax(−σ, λ)"
        )
    verb = "|a| > 1 sharpens" if v.sharpness == "sharpens" else "|a| < 1 flattens"
    return prefix + _entropy_change(v, verb, than)


def scale_verdict(v: EffectVerdicts, lam: float, a: float) -> Verdict:
    """What a did: the same as λ → a·λ up to rounding (green), a·σ overflowed, a check that
    cannot tell at this size, or more than rounding (each explained); then its effect on the
    shape of softmax."""
    head = f"**Scale a = {format_signed(a)}: the same as λ → a·λ = {format_signed(a * lam)}"
    measured = f"max |softmax(a·σ, λ) − softmax(σ, a·λ)| = {_difference(v.scale_diff)}"
    effect = _scale_effect(v) + "."
    if v.scale_overflow:
        return Verdict(
            False,
            f"{head} — but a·σ overflows here.** Entries of a·σ beyond the largest double "
            f"(about {_LARGEST_DOUBLE}) are stored as ±inf, so softmax(a·σ, λ) is computed "
            f"from infinities, not from a·σ, and the check is not informative ({measured}). "
            f"softmax(σ, a·λ) never forms a·σ: it is the one to trust. {effect}",
        )
    if not v.scale_informative:
        return Verdict(
            False,
            f"{head}, but the check is not informative here.** {measured}; but "
            f"{_swamped(v.scale_exponent, v.scale_tol, 'λ·a·σ')} {effect}",
        )
    if v.scale_matches:
        within = (
            ""
            if v.scale_diff == 0
            else f", within float64 rounding (about {format_short(v.scale_tol, 1)})"
        )
        return Verdict(True, f"{head}.** {measured}{within}. {effect}")
    return Verdict(
        False,
        f"{head}.** {measured}, more than float64 rounding explains (about "
        f"{format_short(v.scale_tol, 1)}): a·σ lost digits of σ. {effect}",
    )
