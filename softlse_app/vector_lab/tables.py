"""The vector lab's read-out tables, with every number written by
:mod:`softlse_app.common.number_format` at the digits the page's control chose.

A table is drawn with ``st.table`` (at most ``TABLE_COMPONENTS`` + 1 rows of text): every
digit is visible without scrolling a grid, and it costs the browser less per edit than
``st.dataframe``'s canvas grid. On a narrow screen a browser would break a number at its
``e-`` (``2.061060046209062e-`` / ``09``); a fixed style sheet keeps each cell on one line, so
a wide table scrolls sideways inside its own box instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from softlse_app.common.number_format import format_column, format_value

#: Cells of the tables on one line (a constant style sheet: no text from a person in it).
ONE_LINE_CELLS = (
    "<style>[data-testid='stTable'] :is(td, th), [data-testid='stTable'] :is(td, th) * "
    "{white-space: nowrap !important; overflow-wrap: normal !important; "
    "word-break: normal !important;}</style>"
)


def readout_table(columns: Mapping[str, Sequence[int | str]]) -> None:
    """A static table, one column per entry (header = the key), no index, cells on one line."""
    st.html(ONE_LINE_CELLS)
    st.table(pd.DataFrame(columns), hide_index=True, border="horizontal")


def quantity_table(rows: Mapping[str, float], digits: int | None) -> None:
    """A two-column table "quantity | value": each value written on its own (a table of
    different quantities has no common scale)."""
    readout_table(
        {"quantity": list(rows), "value": [format_value(value, digits) for value in rows.values()]}
    )


def vector_columns(
    columns: Mapping[str, Sequence[float]], digits: int | None
) -> dict[str, list[str]]:
    """Each column of numbers written as one column (a common notation per column, as numpy
    prints an array)."""
    return {name: format_column(values, digits) for name, values in columns.items()}
