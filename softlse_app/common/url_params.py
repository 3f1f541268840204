"""Readers for query-parameter text: what a shared link or a hand-typed URL says. (A list of
numbers, typed into a box or in a link, is read by :mod:`softlse_app.common.number_list`.)

A query parameter is input a person (or a hostile link) typed, so each reader takes the raw
text and returns a :class:`ParamReading`: the value to use, or ``None`` to ignore the text and
keep the control's current value, plus a plain-language note saying what was wrong. Readers
never raise on any string and never evaluate it.

Numbers may be written with the Unicode minus sign "−" (U+2212), as the app itself prints them.
Edge cases every reader handles: empty text, text that is not a number (``abc``), ``nan``,
``inf`` and numbers beyond float range (``1e999`` parses as ``inf``), values outside the
control's range (clamped to the nearest end, with a note), values between the control's steps
(snapped to the nearest step, with a note) and very long text (quoted shortened in the note).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from softlse_app.common.inert_text import QUOTE_LIMIT, inert_code
from softlse_app.common.number_format import format_short
from softlse_core.vector_input import without_invisible_marks

T = TypeVar("T")


@dataclass(frozen=True)
class ParamReading(Generic[T]):
    """The outcome of reading one query parameter.

    ``value`` is what the control should show (``None``: ignore the parameter); ``note`` is a
    plain-language sentence when the text was not used as written (``None``: it was).
    """

    value: T | None
    note: str | None = None


def quote_raw(raw: str) -> str:
    """Quote raw parameter text for a note: a code span that shows it literally, shortened to
    ``QUOTE_LIMIT`` characters, backticks and line breaks as spaces
    (:func:`softlse_app.common.inert_text.inert_code`)."""
    return inert_code(raw, QUOTE_LIMIT)


def param_text(name: str, raw: str) -> str:
    """How a note names a query parameter and its text: URL parameter `name`=`raw`."""
    return f"URL parameter `{name}`={quote_raw(raw)}"


def not_a_number(name: str, raw: str) -> ParamReading[Any]:
    """The reading of text that is no number (or NaN): ignored, with the note that says so."""
    return ParamReading(None, f"{param_text(name, raw)} is not a number; ignored.")


def parse_number_text(raw: str) -> float | None:
    """``float(raw)`` for plain decimal text (Python's float syntax, ``_`` separators refused);
    ``None`` when it is not a number or is NaN. ``inf`` and ``1e999`` give ``±inf``.

    The Unicode minus sign "−" (U+2212) reads as "-" (``−7``, ``1e−3``): the app writes
    negative numbers with it, so a person copying a number from the page types it, and the
    vector box (:func:`softlse_core.parse_vector`) reads it the same way. Other dashes are
    refused there too, so they are refused here."""
    text = without_invisible_marks(raw).strip().replace("\N{MINUS SIGN}", "-")
    if not text or "_" in text or len(text) > 64:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return None if math.isnan(value) else value


def read_number_choice(
    raw: str, options: Sequence[float], *, name: str, log_scale: bool = False
) -> ParamReading[float]:
    """Read a number that must be one of ``options`` (ascending, and positive if ``log_scale``).

    Text equal in value to an option (``10``, ``10.0``, ``1e1``) gives that option silently.
    Another finite number is clamped into [options[0], options[-1]] and snapped to the nearest
    option (nearest in log10 when ``log_scale``), with a note; ``inf`` and ``1e999`` clamp to
    the end of the range. Non-numbers, ``nan`` and (with ``log_scale``) values ≤ 0 are ignored
    with a note.
    """
    value = parse_number_text(raw)
    if value is None:
        return not_a_number(name, raw)
    if log_scale and value <= 0:
        return ParamReading(None, f"{param_text(name, raw)} must be positive; ignored.")
    for option in options:
        if value == option:
            return ParamReading(float(option))
    lo, hi = options[0], options[-1]
    if value < lo or value > hi:
        clamped = float(lo if value < lo else hi)
        return ParamReading(
            clamped,
            f"{param_text(name, raw)} is outside "
            f"[{format_short(lo)}, {format_short(hi)}]; using {format_short(clamped)}.",
        )

    def distance(option: float) -> float:
        return abs(math.log10(option) - math.log10(value)) if log_scale else abs(option - value)

    nearest = float(min(options, key=distance))
    return ParamReading(
        nearest,
        f"{param_text(name, raw)} is not one of the slider's values; "
        f"using the nearest, {format_short(nearest)}.",
    )


def exact_number(value: float, digits: int = 10) -> float:
    """``value`` rounded to ``digits`` significant digits: what a control keeps of a typed or
    linked number, so that the text the page writes back (``%.10g``) reads as the same value."""
    return float(f"{value:.{digits}g}")


def read_signed_magnitude(raw: str, lo: float, hi: float, *, name: str) -> ParamReading[float]:
    """Read a signed number whose size must lie in [lo, hi] (0 < lo < hi), such as λ: used as
    written (to 10 significant digits: ``37``, ``-2.5``, ``0.333``) when |value| is in range;
    clamped in size with its sign kept, with a note, when outside (``1e999`` → hi, ``-1e-9`` →
    −lo); ``0`` is refused with a note (λ = 0 has no log-sum-exp), non-numbers and ``nan`` are
    ignored with a note."""
    value = parse_number_text(raw)
    if value is None:
        return not_a_number(name, raw)
    if value == 0:
        return ParamReading(None, f"{param_text(name, raw)} must not be 0; ignored.")
    size = abs(value)
    if lo <= size <= hi:
        return ParamReading(exact_number(value))
    clamped = math.copysign(lo if size < lo else hi, value)
    return ParamReading(
        clamped,
        f"{param_text(name, raw)} is outside [{format_short(lo)}, {format_short(hi)}] in "
        f"size; using {format_short(clamped)}.",
    )


def is_on_int_grid(value: object, lo: int, hi: int, step: int = 1) -> bool:
    """True for an int (not a bool) on the grid lo, lo + step, …, ≤ hi: the values
    :func:`read_int_range` can return, and so the values a control kept in session state
    may hold."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and lo <= value <= hi
        and (value - lo) % step == 0
    )


def read_int_range(raw: str, lo: int, hi: int, *, name: str, step: int = 1) -> ParamReading[int]:
    """Read an integer in [lo, hi] on the grid lo, lo + step, …

    Integral text (``201``, ``201.0``) on the grid is used silently; other numbers are rounded
    to the nearest grid point and clamped into [lo, hi] with a note (``1e999`` → hi); text that
    is not a number, or ``nan``, is ignored with a note.
    """
    value = parse_number_text(raw)
    if value is None:
        return not_a_number(name, raw)
    clamped = min(max(value, lo), hi)
    snapped = lo + step * round((clamped - lo) / step)
    snapped = int(min(max(snapped, lo), hi))
    if snapped == value:
        return ParamReading(snapped)
    reason = (
        f"is outside [{lo}, {hi}]"
        if value < lo or value > hi
        else f"is not on the grid {lo}, {lo + step}, …"
    )
    return ParamReading(snapped, f"{param_text(name, raw)} {reason}; using {snapped}.")


def clamp_to_range(value: object, lo: float, hi: float) -> float | None:
    """``value`` moved into [lo, hi]: min(max(value, lo), hi), so a value inside is kept and one
    outside goes to the nearer end (for a slider whose range shrank under a kept value).

    Only a float is clamped (``±inf`` goes to the nearer end); anything else — NaN, an int, a
    bool, text, ``None`` — gives ``None``: not a value of a real-number control, reset it.
    """
    if not isinstance(value, float) or math.isnan(value):
        return None
    return min(max(value, lo), hi)


def read_float_range(raw: str, lo: float, hi: float, *, name: str) -> ParamReading[float]:
    """Read a real number in [lo, hi]: in range it is used as written; outside (including
    ``±inf`` and ``1e999``) it is clamped with a note; a non-number or ``nan`` is ignored with a
    note."""
    value = parse_number_text(raw)
    if value is None:
        return not_a_number(name, raw)
    if lo <= value <= hi:
        return ParamReading(value)
    clamped = float(lo if value < lo else hi)
    return ParamReading(
        clamped,
        f"{param_text(name, raw)} is outside "
        f"[{format_short(lo)}, {format_short(hi)}]; using {format_short(clamped)}.",
    )


def read_choice(raw: str, options: Sequence[str], *, name: str) -> ParamReading[str]:
    """Read one of a fixed set of words; case, surrounding spaces and the form of a minus
    sign (ASCII ``-`` for the ``−`` of a label such as ``x = −y``, as an older link or a
    keyboard writes it) are forgiven, anything else is ignored with a note listing the
    choices."""

    def plain(text: str) -> str:
        return text.strip().lower().replace("\N{MINUS SIGN}", "-")

    text = plain(raw)
    for option in options:
        if text == plain(option):
            return ParamReading(option)
    choices = ", ".join(options)
    return ParamReading(None, f"{param_text(name, raw)} is not one of {choices}; ignored.")


def read_flag(raw: str, *, name: str) -> ParamReading[bool]:
    """Read an on/off switch: ``true``/``1``/``yes``/``on`` and ``false``/``0``/``no``/``off``
    (any case); anything else is ignored with a note."""
    text = raw.strip().lower()
    if text in {"true", "1", "yes", "on"}:
        return ParamReading(True)
    if text in {"false", "0", "no", "off"}:
        return ParamReading(False)
    return ParamReading(None, f"{param_text(name, raw)} is not true or false; ignored.")
