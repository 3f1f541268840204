"""Read-out tables as a person reads them in an AppTest run: the Markdown tables a page sends
(:mod:`softlse_app.common.markdown_table`), each turned back into its cells' text."""

from __future__ import annotations

import re

import pandas as pd
from streamlit.testing.v1 import AppTest

#: A cell border of a Markdown table row: a ``|`` that no backslash escapes.
_CELL_BORDER = re.compile(r"(?<!\\)\|")


def _cells(row: str) -> list[str]:
    """The cells of one Markdown table row, escapes resolved."""
    inner = row.strip()[1:-1]
    return [re.sub(r"\\(.)", r"\1", cell.strip()) for cell in _CELL_BORDER.split(inner)]


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The page's read-out tables (Markdown tables), in order, each cell as the text a person
    reads (header row = the column names; the alignment row is checked and dropped)."""
    found = []
    for element in at.markdown:
        lines = str(element.value).splitlines()
        if len(lines) < 2 or not lines[0].startswith("| "):
            continue
        header, alignment, *rows = lines
        assert set(_cells(alignment)) <= {"---:", ":---"}, alignment
        found.append(pd.DataFrame([_cells(row) for row in rows], columns=_cells(header)))
    return found
