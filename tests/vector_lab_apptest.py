"""The vector lab page under Streamlit's AppTest, read as a person reads it: tables as text
turned back into numbers, read-outs by their label, figures as the JSON the browser gets.

The page draws only its open tab; a test opens another with ``?section=<tab label>``, as a
link does and as a click does in the browser (the tab is bound to that query parameter;
AppTest keeps its query string as set, so setting only the tab's state would be overridden).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from markdown_tables import tables
from streamlit.testing.v1 import AppTest

from softlse_app.common.number_format import UNDERFLOW_TEXT

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "vector_lab.py")

LSE = "lse vs max"
SWEEP = "Temperature sweep"
SIMPLEX = "Simplex"
STABILITY = "Stable vs textbook"

#: The sheet's printed softmax of s1, s2 and s3 (numpy's default print precision).
SHEET = {
    "1, 2, 3": "[0.09003057 0.24472847 0.66524096]",
    "11, 12, 13": "[0.09003057 0.24472847 0.66524096]",
    "10, 20, 30": "[2.06106005e-09 4.53978686e-05 9.99954600e-01]",
}


#: ``?digits=`` for full precision, as a link holds it (the tables default to 8 digits).
FULL = "full precision"


def run_page(**params: str) -> AppTest:
    """The page opened with these query parameters, after its first run (no exception)."""
    at = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


def column_text(at: AppTest, table: int, name: str) -> list[str]:
    """A table column as the person reads it."""
    return [str(text) for text in tables(at)[table][name]]


def column(at: AppTest, table: int, name: str) -> np.ndarray:
    """A table column as the person reads it, converted back to floats ("0 (underflow)",
    a positive number float64 holds as 0, as 0.0)."""
    return np.array(
        [0.0 if text == UNDERFLOW_TEXT else float(text) for text in column_text(at, table, name)]
    )


def open_tab(at: AppTest, label: str) -> AppTest:
    """Switch to the tab ``label`` (``?section=label``), and rerun."""
    at.query_params["section"] = label
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


def readout_text(at: AppTest, label: str) -> str:
    """A value of the quantity/value tables, as written on the page."""
    values = [
        text
        for table in tables(at)
        if "quantity" in table
        for quantity, text in zip(table["quantity"], table["value"], strict=True)
        if quantity == label
    ]
    (value,) = values
    return str(value)


def readout(at: AppTest, label: str) -> float:
    """A value of the lse read-out tables (tab "lse vs max"), as the person reads it."""
    return float(readout_text(at, label))


def figure(at: AppTest, index: int) -> dict[str, Any]:
    """The plotly JSON of the ``index``-th chart on the page."""
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def chart_alt(at: AppTest, index: int) -> str:
    """The text alternative (accessible name) of the ``index``-th chart."""
    return str(at.get("plotly_chart")[index].proto.alt)
