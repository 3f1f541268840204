"""A short list of numbers — the λ values of the softmax page — read from text a person typed
into a box or wrote in a link (``0.5,2,50``, ``1, 10, 100``, ``[1 10 -5]``), and written back
as a person would type it.

Like the query-parameter readers of :mod:`softlse_app.common.url_params`, reading never
raises on any string and never evaluates it: it returns a
:class:`~softlse_app.common.url_params.ParamReading` with the usable values and a
plain-language note naming what was left out, clamped or dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from softlse_app.common.number_format import format_short
from softlse_app.common.url_params import (
    ParamReading,
    param_text,
    parse_number_text,
    quote_raw,
)


def read_number_list(
    raw: str,
    *,
    name: str,
    lo: float,
    hi: float,
    max_count: int,
    subject: str | None = None,
) -> ParamReading[tuple[float, ...]]:
    """Read a short list of numbers such as λ values: ``0.5,2,50``, ``1, 10, 100``, ``1 10 -5``.

    Entries are separated by commas, semicolons or spaces (surrounding brackets are forgiven)
    and kept in the order written. Each entry is a nonzero number whose magnitude lies in
    [lo, hi]:

    - a magnitude outside [lo, hi], including ``inf`` and ``1e999``, is clamped to the nearest
      end with its sign kept, with a note;
    - ``0``, ``nan`` and non-numbers are left out, with a note naming them;
    - a repeated value is kept once, with a note;
    - beyond ``max_count`` entries, the first ``max_count`` kept are used, with a note;
    - text that looks written with decimal commas (``1,5 2,5``) is read as its separators say,
      with a note saying so (:func:`decimal_comma_suspect`).

    The value is a tuple of floats, or ``None`` (with a note) when no entry is usable.

    A note names the text as a query parameter (URL parameter `name`=`raw`: …). For text typed
    into a box, pass ``subject``: the note then names it by that subject (with ``subject="The λ
    list"``: The λ list `raw`: …), with the same wording otherwise.
    """
    text = raw.strip()
    if text[:1] in "[(":
        text = text[1:]
    if text[-1:] in "])":
        text = text[:-1]
    kept: list[float] = []
    ignored: list[str] = []
    clamped: list[str] = []
    repeated: list[str] = []
    for token in filter(None, re.split(r"[,;\s]+", text)):
        value = parse_number_text(token)
        if value is None or value == 0:
            ignored.append(token)
            continue
        magnitude = min(max(abs(value), lo), hi)
        if magnitude != abs(value):
            clamped.append(token)
        signed = math.copysign(magnitude, value)
        if signed in kept:
            repeated.append(token)
            continue
        kept.append(signed)
    notes: list[str] = []
    comma = decimal_comma_suspect(raw)
    if comma is not None:  # first: it explains the notes after it (a "repeated" 5, say)
        notes.append(
            f"read {quote_raw(comma)} as two values, since a comma separates them (type a "
            "decimal with a point, 1.5, and a thousand without a separator, 1000)"
        )
    if ignored:
        notes.append(f"left out {_quote_tokens(ignored)} (not a nonzero number)")
    if clamped:
        bounds = f"[{format_short(lo)}, {format_short(hi)}]"
        notes.append(f"clamped {_quote_tokens(clamped)} into {bounds} in size")
    if repeated:
        notes.append(f"dropped the repeated {_quote_tokens(repeated)}")
    if len(kept) > max_count:
        notes.append(f"used only the first {max_count} of {len(kept)} values")
        kept = kept[:max_count]
    if not kept:
        if not text.strip():
            named = subject if subject is not None else f"URL parameter `{name}`"
            named_and_held = f"{named} is empty"
        else:
            named_and_held = f"{_name_text(raw, name, subject)} holds no usable value"
        return ParamReading(
            None,
            f"{named_and_held} "
            f"(expected up to {max_count} nonzero numbers, e.g. `1,10,100`); ignored.",
        )
    if not notes:
        return ParamReading(tuple(kept))
    used = format_number_list(kept)
    return ParamReading(
        tuple(kept), f"{_name_text(raw, name, subject)}: {'; '.join(notes)}; using {used}."
    )


#: A whitespace-separated piece that reads like a number with a decimal comma: 1,5 or -0,25.
_DECIMAL_COMMA = re.compile(r"[\[(]?[+\-\u2212]?\d+,\d+[\])]?")


def decimal_comma_suspect(text: str) -> str | None:
    """The first piece of ``text`` that looks like a number written with a decimal comma, or
    ``None``.

    Lists here take every comma as a separator, so ``1,5 2,5 3,5`` is six numbers, not 1.5,
    2.5 and 3.5. That spelling is recognised when the text has pieces separated by spaces and
    one of them is digits, a comma and digits, and no piece starts or ends with a comma
    (``1,2,3``, ``1, 2, 3`` and ``1, 10,100`` are lists; a lone ``1,5`` is two numbers and
    cannot be told from a list). ``1,000 2,000`` (thousands separators) is suspected too.

    >>> decimal_comma_suspect("1,5 2,5"), decimal_comma_suspect("1, 10,100")
    ('1,5', None)
    """
    pieces = text.split()
    if len(pieces) < 2 or any(piece.startswith(",") or piece.endswith(",") for piece in pieces):
        return None  # "1, 10,100": a comma and a space separate, so commas are separators
    suspect = next((piece for piece in pieces if _DECIMAL_COMMA.fullmatch(piece)), None)
    return None if suspect is None else suspect.strip("[]()")


def format_number_list(values: Sequence[float]) -> str:
    """A list of numbers as a person would type it, in a form :func:`read_number_list` reads:
    ``1, 10, 100``, ``0.5, -2``. Each entry is written as ``%g``: 6 significant digits (a value
    with more reads back rounded), exponent form below 1e-4 and from 1e6 (``1e+06``);
    an empty list gives ``""``."""
    return ", ".join(format_short(value) for value in values)


def _name_text(raw: str, name: str, subject: str | None) -> str:
    """How a note names the text it is about: URL parameter `name`=`raw` for a query parameter
    (``subject`` None), else the subject and the quoted text, e.g. The λ list `1, zz`."""
    if subject is None:
        return param_text(name, raw)
    return f"{subject} {quote_raw(raw)}"


def _quote_tokens(tokens: Sequence[str], limit: int = 3) -> str:
    """Up to ``limit`` tokens quoted with :func:`quote_raw`, then how many more there were."""
    shown = ", ".join(quote_raw(token) for token in tokens[:limit])
    extra = len(tokens) - limit
    return shown + (f" and {extra} more" if extra > 0 else "")
