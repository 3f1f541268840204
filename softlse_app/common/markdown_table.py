"""Read-out tables as every page shows them: a Markdown table of short text cells (the numbers
already written by :mod:`softlse_app.common.number_format`).

A Markdown table of a few rows shows every digit without scrolling a grid, and it is the
cheapest table for the browser to redraw on every edit — ``st.table`` styles each cell as its
own component, and ``st.dataframe`` draws a canvas grid. Columns of numbers are right-aligned,
so digits of one notation line up. On a narrow screen a browser would break a number at its
``e-`` (``2.061060046209062e-`` / ``09``); the app's style sheet
(:mod:`softlse_app.common.page_style`) keeps each cell on one line, so a wide table scrolls
sideways inside its own box instead.
"""

from __future__ import annotations

import string
from collections.abc import Collection, Mapping, Sequence

import streamlit as st

from softlse_app.common.table_columns import row_count

#: ASCII punctuation that Markdown (or Streamlit's shortcodes and math) could read as syntax
#: inside a cell; the characters of written numbers (``.``, ``-``, ``+``) are left as they are.
_MARKDOWN_ACTIVE = frozenset(string.punctuation) - {".", "-", "+", ","}


def _cell(text: object) -> str:
    """One cell's text: active punctuation backslash-escaped, line breaks as spaces (a row is
    one line). For the app's own labels and numbers only: Streamlit still rewrites ``->``
    and ``--`` typographically after the escapes are read, so this is not for a person's
    text (that goes through :mod:`softlse_app.common.inert_text`)."""
    flat = " ".join(str(text).splitlines())
    return "".join(f"\\{char}" if char in _MARKDOWN_ACTIVE else char for char in flat)


def _is_number(text: object) -> bool:
    """Whether a cell reads as a number (an int, or a written float such as ``inf``)."""
    try:
        float(str(text).replace("−", "-"))
    except ValueError:
        return False
    return True


def markdown_table(
    columns: Mapping[str, Sequence[int | str]], left_aligned: Collection[str] = ()
) -> str:
    """A Markdown table, one column per entry (header = the key), a row per index; columns
    whose every cell is a number are right-aligned, except those named in ``left_aligned``
    (numbers of one size written to full precision, whose place values line up from the
    left: 0.99330714907537 above 0.9933071490757152). All columns must have the same
    length, and there must be at least one."""
    if not columns:
        raise ValueError("a table needs at least one column")
    row_count(columns)
    alignment = [
        "---:"
        if name not in left_aligned and values and all(_is_number(cell) for cell in values)
        else ":---"
        for name, values in columns.items()
    ]
    lines = [
        "| " + " | ".join(_cell(name) for name in columns) + " |",
        "| " + " | ".join(alignment) + " |",
    ]
    rows = zip(*columns.values(), strict=True)
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def readout_table(
    columns: Mapping[str, Sequence[int | str]], left_aligned: Collection[str] = ()
) -> None:
    """A static table, one column per entry (header = the key), no index, cells on one line;
    ``left_aligned`` as for :func:`markdown_table`."""
    st.markdown(markdown_table(columns, left_aligned))
