"""A chart as every page shows it: the plotly figure with a text alternative for screen
readers, and a button that downloads the chart's numbers as CSV.

The CSV is made only when the button is pressed (``st.download_button`` with a callable, and
no rerun on the click), so a chart costs nothing extra per edit. The file starts with
UTF-8's byte-order mark: headers name λ and σ, and a spreadsheet opened by a double click
(Excel on Windows) reads UTF-8 without the mark as the system's code page ("Î»" for "λ");
pandas, LibreOffice and Python's ``utf-8-sig`` read the mark as what it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import plotly.graph_objects as go
import streamlit as st

from softlse_app.common.number_format import format_full
from softlse_app.common.table_columns import row_count

Cell = float | int | str

#: UTF-8's byte-order mark, which tells a spreadsheet program the file is UTF-8.
BYTE_ORDER_MARK = "\ufeff"


def show_chart(
    figure: go.Figure,
    *,
    key: str,
    alt: str,
    csv_text: Callable[[], str],
    file_name: str,
    width: Literal["stretch", "content"] = "stretch",
) -> None:
    """``figure`` full width (or, with ``width="content"``, as wide as its layout says;
    Streamlit key ``key``, accessible name ``alt``) and under it a download button (key
    ``<key>_csv``) for the CSV that ``csv_text()`` returns, behind a byte-order mark."""
    st.plotly_chart(figure, width=width, key=key, alt=alt)
    st.download_button(
        "Download the chart's numbers (CSV)",
        data=lambda: BYTE_ORDER_MARK + csv_text(),
        file_name=file_name,
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
        type="tertiary",
    )


def csv_table(columns: Mapping[str, Sequence[Cell]]) -> str:
    """CSV text with one column per entry of ``columns`` (header = the key): floats at full
    precision (the shortest decimal that reads back to the same double), other cells as
    text; all columns must have the same length."""
    row_count(columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(columns))
    for row in zip(*columns.values(), strict=True):
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def _cell(value: Cell) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return format_full(float(value))
