"""Notes under the vector box about how the lab read what was typed, when it may not be what
the person meant: an entry that rounds to 0 (``1e-400``), or decimal commas (``1,5 2,5``),
which the reader takes as separators. The vector is read all the same; the note says how.
"""

from __future__ import annotations

from softlse_app.common.caching import cache_numbers
from softlse_app.common.number_list import decimal_comma_suspect
from softlse_app.common.url_params import quote_raw
from softlse_core import entries_rounded_to_zero

__all__ = ["decimal_comma_note", "reading_notes", "rounding_note"]


def rounding_note(text: str) -> str | None:
    """A note naming the entries of the vector ``text`` typed as a nonzero number that a float64
    holds as 0 (``1e-400``: below about 2.5e-324, half the smallest float64 above 0), or
    ``None``.

    The lab still reads the vector (with 0 there), but the tables then show 0 and the
    verdicts may say "all entries are equal" of a vector typed with different entries: the
    note says why. Names up to three entries, by position and as typed (quoted inert)."""
    rounded = entries_rounded_to_zero(text)
    if not rounded:
        return None
    shown = ", ".join(f"entry {k} ({quote_raw(token)})" for k, token in rounded[:3])
    more = f" and {len(rounded) - 3} more" if len(rounded) > 3 else ""
    verb = "rounds" if len(rounded) == 1 else "round"
    return (
        f"{shown[0].upper()}{shown[1:]}{more} {verb} to 0 as a float64 (the smallest float64 "
        "above 0 is about 4.9e-324), so the lab reads σ with 0 there."
    )


def decimal_comma_note(text: str, entries: int) -> str | None:
    """A note when ``text`` looks written with decimal commas
    (:func:`~softlse_app.common.number_list.decimal_comma_suspect`), or ``None``: the reader
    takes every comma as a separator, so ``1,5 2,5 3,5`` is six entries."""
    suspect = decimal_comma_suspect(text)
    if suspect is None:
        return None
    return (
        f"Read as {entries:,} entries: a comma separates entries here, so {quote_raw(suspect)} "
        "is two of them. Type a decimal with a point (1.5) and a thousand without a separator "
        "(1000), and separate entries by commas or spaces."
    )


def reading_notes(text: str, entries: int) -> list[str]:
    """Every note about how ``text`` (read as ``entries`` numbers) was read, in order."""
    notes = [rounding_note(text), decimal_comma_note(text, entries)]
    return [note for note in notes if note is not None]


#: :func:`reading_notes`, cached: the page reads the same box text on every rerun.
read_notes = cache_numbers(max_entries=32)(reading_notes)
