"""The strict reader of a vector a person typed (never ``eval``).

Accepted forms, exactly:

- entries separated by commas, semicolons or whitespace, in any mix: ``1, 2, 3``, ``1 2 3``,
  ``1e-3; -4.5``; leading and trailing whitespace is ignored;
- optionally one pair of enclosing brackets around everything: ``[1, 2, 3]`` or ``(1, 2, 3)``;
- each entry is a decimal number: an optional sign, digits with an optional decimal point
  (``3``, ``-0.5``, ``.5``, ``2.``), and an optional exponent (``1e-3``, ``2E+10``), or
  ``inf`` / ``infinity`` with an optional sign, in any letter case. The Unicode minus sign
  "−" (U+2212, as printed by this app and by typeset formulas) is read as "-";
- invisible marks that text copied from a web page or a PDF may carry (zero-width spaces and
  joiners, the word joiner U+2060, soft hyphens, direction marks, a byte-order mark) are
  dropped before reading, and character positions in messages count without them.

Refused with a :class:`VectorParseError` that names the entry and its position: empty
input, an empty entry (two separators in a row, a separator at the start or end), anything
that is not such a number (``1,5`` is two entries, ``1_000``, ``0x10``, ``2**3``, Unicode
digits, …), NaN, a number beyond the float range (``1e999``; numbers below the smallest
subnormal, like ``1e-999``, round to 0), unbalanced or nested brackets, and more than
``max_len`` entries.
"""

from __future__ import annotations

import math
import re

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "INVISIBLE_MARKS",
    "VectorParseError",
    "entries_rounded_to_zero",
    "parse_vector",
    "without_invisible_marks",
    "written_as_nonzero",
]

_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
_INFINITY = re.compile(r"[+-]?(?:inf|infinity)", re.ASCII | re.IGNORECASE)
_NAN = re.compile(r"[+-]?nan", re.ASCII | re.IGNORECASE)
_PIECES = re.compile(r"[,;]|[^\s,;]+")
_SEPARATORS = ",;"
_OPENING = {"[": "]", "(": ")"}
_BRACKETS = "[](){}"
_SHOWN_CHARS = 24
_NONZERO_DIGIT = re.compile(r"[1-9]")


class VectorParseError(ValueError):
    """The typed text is not a vector of numbers.

    A ``ValueError`` whose message, in plain text (no markup: show it as literal text), names
    the offending entry, quotes it and gives its character position, e.g.
    ``Entry 2, 'abc' (at character 4), is not a number.``
    """


def _show(token: str) -> str:
    """The token as a student sees it in a message: quoted, escaped and shortened."""
    if len(token) > _SHOWN_CHARS:
        token = token[:_SHOWN_CHARS] + "…"
    return repr(token)


def _strip_brackets(text: str, offset: int) -> tuple[str, int]:
    """Remove one enclosing pair of brackets; return the inside and its offset in ``text``.

    ``offset`` is the number of characters before ``text`` in what the person typed."""
    for position, char in enumerate(text):
        if char not in _BRACKETS:
            continue
        where = f"the {char!r} at character {offset + position + 1}"
        if char in _OPENING and position == 0:
            closing = _OPENING[char]
            if not text.endswith(closing) or len(text) == 1:
                raise VectorParseError(f"Unbalanced brackets: {where} is never closed.")
            inner = text[1:-1]
            for inner_pos, inner_char in enumerate(inner):
                if inner_char in _BRACKETS:
                    raise VectorParseError(
                        f"Unbalanced or nested brackets: the {inner_char!r} at character "
                        f"{offset + inner_pos + 2} is not allowed — type one flat list of numbers."
                    )
            return inner, 1
        if char in "])}":
            raise VectorParseError(f"Unbalanced brackets: {where} has no matching opening one.")
        raise VectorParseError(
            f"Unbalanced or nested brackets: {where} is not allowed there — brackets may only "
            "enclose the whole vector."
        )
    return text, 0


def _read_number(token: str, index: int, position: int) -> float:
    where = f"entry {index}, {_show(token)} (at character {position})"
    clean = token.replace("\u2212", "-")
    if _NAN.fullmatch(clean):
        raise VectorParseError(f"{where[0].upper()}{where[1:]}, is NaN (not a number).")
    if not (_NUMBER.fullmatch(clean) or _INFINITY.fullmatch(clean)):
        raise VectorParseError(f"{where[0].upper()}{where[1:]}, is not a number.")
    value = float(clean)
    if math.isinf(value) and not _INFINITY.fullmatch(clean):
        raise VectorParseError(
            f"{where[0].upper()}{where[1:]}, is beyond the float range "
            "(the largest number is about 1.8e308); type inf or -inf if you mean infinity."
        )
    return value


#: Invisible marks dropped before reading: soft hyphen, zero-width space, non-joiner and
#: joiner, left-to-right and right-to-left marks, word joiner and invisible operators, and
#: the byte-order mark (zero-width no-break space).
INVISIBLE_MARKS = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def without_invisible_marks(text: str) -> str:
    """``text`` without :data:`INVISIBLE_MARKS`, the invisible marks copied text may carry
    (word joiners, zero-width spaces and joiners, soft hyphens, direction marks, the
    byte-order mark): what :func:`parse_vector` reads, so that what a person sees is what is
    read.

    >>> without_invisible_marks("log\u2060(2)")
    'log(2)'
    """
    return INVISIBLE_MARKS.sub("", text)


def written_as_nonzero(token: str) -> bool:
    """Whether the decimal number ``token`` is written with a nonzero digit before any
    exponent: ``1e-400`` and ``-2.5E-999`` are (though they read as 0), ``0.0e5`` is not.

    >>> written_as_nonzero("1e-400"), written_as_nonzero("0.0e5")
    (True, False)
    """
    mantissa = re.split("[eE]", token, maxsplit=1)[0]
    return _NONZERO_DIGIT.search(mantissa) is not None


def parse_vector(text: str, max_len: int = 10_000) -> NDArray[np.float64]:
    """Read a vector typed by a person into a 1-D float64 array, strictly (never ``eval``).

    Parameters
    ----------
    text : str
        Numbers separated by commas, semicolons or whitespace, optionally inside one pair of
        brackets; the accepted forms are listed in the module docstring.
    max_len : int, optional
        The most entries accepted. Default 10 000.

    Returns
    -------
    numpy.ndarray
        The entries, float64, at least one.

    Raises
    ------
    VectorParseError
        (a ``ValueError``) for anything else, with a plain-text message naming the
        offending entry and its position: empty input, an empty entry, a token that is not
        a decimal number or inf, NaN, a number beyond the float range, unbalanced or nested
        brackets, more than ``max_len`` entries.
    TypeError
        If ``text`` is not a string.

    Notes
    -----
    Edge cases: "inf", "-Infinity" and friends are read as infinities; a number below the
    smallest subnormal (``1e-999``) rounds to 0; the Unicode minus sign "−" is read as "-";
    ``1,5`` is two entries (the comma separates), not one and a half.

    Examples
    --------
    >>> from softlse_core import VectorParseError, parse_vector
    >>> print(parse_vector("1, 2, 3"))
    [1. 2. 3.]
    >>> print(parse_vector("[1e-3; -4.5  inf]"))
    [ 1.0e-03 -4.5e+00      inf]
    >>> try:
    ...     parse_vector("1, abc, 3")
    ... except VectorParseError as error:
    ...     print(error)
    Entry 2, 'abc' (at character 4), is not a number.
    >>> try:
    ...     parse_vector("1,,2")
    ... except VectorParseError as error:
    ...     print(error)
    Entry 2 is missing: the ',' at character 3 follows another separator or starts the list.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_vector reads text, got {type(text).__name__}")
    text = without_invisible_marks(text)
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    if not stripped:
        raise VectorParseError(
            "The input is empty: type numbers separated by commas, e.g. 1, 2, 3."
        )
    inner, inner_offset = _strip_brackets(stripped, offset)
    if not inner.strip():
        raise VectorParseError("The brackets contain no numbers: type e.g. [1, 2, 3].")
    offset += inner_offset
    values: list[float] = []
    expecting_entry = True
    for piece in _PIECES.finditer(inner):
        token, position = piece.group(), offset + piece.start() + 1
        if token in _SEPARATORS:
            if expecting_entry:
                raise VectorParseError(
                    f"Entry {len(values) + 1} is missing: the {token!r} at character {position} "
                    "follows another separator or starts the list."
                )
            expecting_entry = True
            continue
        values.append(_read_number(token, len(values) + 1, position))
        if len(values) > max_len:
            raise VectorParseError(
                f"Too many entries: more than {max_len} (the limit); entry {len(values)} starts at "
                f"character {position}."
            )
        expecting_entry = False
    if expecting_entry:
        raise VectorParseError(
            f"Entry {len(values) + 1} is missing: the list ends with a separator after "
            f"entry {len(values)}."
        )
    return np.array(values, dtype=np.float64)


def entries_rounded_to_zero(text: str) -> list[tuple[int, str]]:
    """The entries of ``text`` written as a nonzero number that are 0 as a float64.

    A decimal number below half the smallest subnormal, about 2.5e-324 in size (``1e-400``,
    ``-3e-999``), rounds to 0 (or -0) when read: :func:`parse_vector` keeps it as 0, and a
    reader should say so, since the vector it shows differs from the one typed.

    Parameters
    ----------
    text : str
        Text as given to :func:`parse_vector`.

    Returns
    -------
    list of (int, str)
        ``(position, entry)`` for each such entry: its 1-based position in the vector and the
        text typed for it, in order. Empty when there is none, and when ``text`` is not a
        vector :func:`parse_vector` reads (its error says what is wrong).

    Examples
    --------
    >>> from softlse_core import entries_rounded_to_zero
    >>> entries_rounded_to_zero("1e-400, 0, 0.0e5, -2e-999")
    [(1, '1e-400'), (4, '-2e-999')]
    >>> entries_rounded_to_zero("1e-300, 5e-324")
    []
    >>> entries_rounded_to_zero("1e-400,\u2060 2")  # invisible marks are dropped, as when read
    [(1, '1e-400')]
    """
    try:
        values = parse_vector(text)
    except VectorParseError:
        return []
    inner, _ = _strip_brackets(without_invisible_marks(text).strip(), 0)  # as parse_vector
    entries = [token for token in _PIECES.findall(inner) if token not in _SEPARATORS]
    found: list[tuple[int, str]] = []
    for position, (token, value) in enumerate(zip(entries, values, strict=True), start=1):
        if value == 0 and written_as_nonzero(token):
            found.append((position, token))
    return found
