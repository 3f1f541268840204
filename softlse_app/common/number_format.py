"""Numbers as the pages write them: in prose and labels (short), and in tables (full precision,
or rounded as numpy prints them).

- :func:`format_short` — ``%g`` with a chosen number of significant digits, for labels, notes
  and verdicts (``λ = 10``, ``c = 0.5``); ``−0`` is written ``0``.
- :func:`format_full` — the shortest decimal that reads back to the same double (Python's
  ``repr``): ``0.09003057317038046``, ``4.2e-46``, ``3.0``, ``inf``, ``nan``.
- :func:`format_column` — a column of a table: full precision (``digits=None``) or numpy's print
  precision (``digits=8`` reproduces numpy's default print-out, e.g. the sheet's
  ``[0.09003057 0.24472847 0.66524096]`` and ``[2.06106005e-09 4.53978686e-05 9.99954600e-01]``:
  at most ``digits`` digits after the decimal point, the same number in every entry, the whole
  column in e-notation when numpy would print it so); :func:`format_columns` writes
  neighbouring columns of one kind of quantity as one column.
- :func:`format_signed` — :func:`format_short` with a true minus sign, for prose.
- :func:`format_stop` — a slider's stop and its text in the URL (λ, the extent): up to 10
  significant digits.

Every function writes −0.0 as 0 (a sign of zero is rounding, not information) and never
raises on inf or nan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np

#: The digits choices of a table: 1 to 17 (17 significant digits identify any double).
MAX_DIGITS = 17

#: How a table writes a positive number that float64 holds as 0 (softmax(σ, λ)ₖ = e^(−1000),
#: a gap or an entropy that small): ``0.0`` would say it is exactly 0.
UNDERFLOW_TEXT = "0 (underflow)"

#: The caption under a table that shows :data:`UNDERFLOW_TEXT`.
UNDERFLOW_NOTE = (
    "0 (underflow): a positive number below the smallest float64 (about 4.9e−324), which "
    "the computer stores as 0. It is not exactly 0."
)

#: numpy writes a number with no fraction digits left as ``1.`` or ``1.e+20``; tables write
#: ``1.0`` and ``1.0e+20``, as Python and full precision do.
_BARE_POINT = re.compile(r"^(-?\d+)\.(?=e|$)")


def format_short(value: float, digits: int = 6) -> str:
    """``value`` with ``digits`` significant digits, as ``%g`` writes it (``10``, ``0.5``,
    ``1e-05``, ``inf``); −0.0 gives ``0``."""
    return f"{float(value) + 0.0:.{digits}g}"  # + 0.0 turns −0.0 into 0.0


def format_signed(value: float, digits: int = 6) -> str:
    """:func:`format_short` with a true minus sign (U+2212) for prose and labels a person reads:
    ``−1000``, ``0.5``, ``1e−05``."""
    return format_short(value, digits).replace("-", "\N{MINUS SIGN}")


def format_full(value: float) -> str:
    """The shortest decimal that reads back to the same double (Python's ``repr``):
    ``0.09003057317038046``, ``2.061060046209062e-09``, ``30.0``, ``inf``, ``nan``; −0.0 gives
    ``0.0``."""
    return repr(float(value) + 0.0)


def format_column(values: Iterable[float], digits: int | None = None) -> list[str]:
    """A table column: every entry at full precision (``digits=None``, :func:`format_full`), or
    as numpy prints the column with ``precision=digits``: e-notation for the whole column when
    its entries span more than three orders of magnitude or one is below 1e-4, else at most
    ``digits`` digits after the decimal point — the same number for every entry, so that the
    decimal points line up in a right-aligned column (numpy pads with spaces instead, which a
    table cell drops): ``0.090``, ``0.245``, ``0.665`` at 3 digits. A non-zero entry that
    rounds to 0 is written with all ``digits`` zeros (``0.000``, not ``0.0``, which would read
    as an exact zero), and then so is the whole column. ``1.`` is written ``1.0``.

    ``digits`` is clamped into [1, ``MAX_DIGITS``].
    """
    return format_columns({"": values}, digits)[""]


def format_columns(
    columns: Mapping[str, Iterable[float]], digits: int | None = None
) -> dict[str, list[str]]:
    """Neighbouring columns of the same kind of quantity (the softmax vectors of one table, say)
    written as one :func:`format_column`: one notation and one number of decimals for all of
    them, so they do not switch notation from one column to the next for no reason the reader
    can see. Full precision (``digits=None``) writes each entry on its own, as always."""
    arrays = {
        name: np.asarray(list(values), dtype=np.float64) + 0.0 for name, values in columns.items()
    }
    if digits is None:
        return {name: [format_full(value) for value in array] for name, array in arrays.items()}
    joined = np.concatenate([np.zeros(0), *arrays.values()])
    texts = _numpy_texts(joined, min(max(int(digits), 1), MAX_DIGITS))
    out, start = {}, 0
    for name, array in arrays.items():
        out[name] = texts[start : start + array.size]
        start += array.size
    return out


def _numpy_texts(array: np.ndarray, precision: int) -> list[str]:
    """Each entry of ``array`` as numpy prints the array with ``precision`` (see
    :func:`format_column`)."""
    if array.size == 0:
        return []
    texts = _print(array, precision, "maxprec_equal")
    hidden = [
        "e" not in text and float(text) == 0 and value != 0
        for text, value in zip(texts, array, strict=True)
    ]
    if any(hidden):
        texts = _print(array, precision, "fixed")
    return texts


def _print(array: np.ndarray, precision: int, floatmode: str) -> list[str]:
    text = np.array2string(
        array,
        precision=precision,
        floatmode=floatmode,
        separator="|",
        max_line_width=1 << 30,
        threshold=1 << 30,
    )
    return [_BARE_POINT.sub(r"\1.0", entry.strip()) for entry in text[1:-1].split("|")]


def format_value(value: float, digits: int | None = None) -> str:
    """One number as a table cell shows it: :func:`format_column` of a one-entry column."""
    return format_column([value], digits)[0]


def format_stop(value: float) -> str:
    """Label of a number on a slider (λ, extent), and its text in the URL: up to 10
    significant digits, no trailing zeros (``0.01``, ``1.5``, ``100``, ``37.25``)."""
    return f"{float(value) + 0.0:.10g}"  # + 0.0 turns −0.0 into 0.0


#: Superscript digits and minus, for the exponent of :func:`format_in_prose`.
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def format_in_prose(value: float, digits: int = 2) -> str:
    """``value`` with ``digits`` significant digits for a sentence: as :func:`format_short`,
    but a number %g writes in e-notation as m × 10ⁿ, with a superscript exponent and narrow
    no-break spaces around the ×, which a browser never breaks across lines (on a phone it
    broke ``2.1e-10`` after its hyphen, leaving ``2.1e-`` at a line's end). Tables and
    read-outs keep numpy's e-notation, which reads back into Python.

    >>> format_in_prose(2.0611536e-10), format_in_prose(4.440892098500626e-16)
    ('2.1\u202f×\u202f10⁻¹⁰', '4.4\u202f×\u202f10⁻¹⁶')
    >>> format_in_prose(1e-46), format_in_prose(0.25), format_in_prose(float("inf"))
    ('10⁻⁴⁶', '0.25', 'inf')
    """
    text = format_short(value, digits)
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    power = f"10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    if mantissa in {"1", "-1"}:
        return power if mantissa == "1" else f"−{power}"
    return f"{mantissa.replace('-', '−')}\u202f×\u202f{power}"
