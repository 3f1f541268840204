"""The vector lab's read-out tables (Markdown tables, :mod:`softlse_app.common.markdown_table`),
with every number written by :mod:`softlse_app.common.number_format` at the digits the page's
control chose. A table holds at most ``TABLE_COMPONENTS`` + 1 rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from softlse_app.common.markdown_table import readout_table
from softlse_app.common.number_format import format_columns, format_value


def quantity_table(rows: Mapping[str, float], digits: int | None) -> None:
    """A two-column table "quantity | value": each value written on its own (a table of
    different quantities has no common scale)."""
    readout_table(
        {"quantity": list(rows), "value": [format_value(value, digits) for value in rows.values()]}
    )


def vector_columns(
    columns: Mapping[str, Sequence[float]], digits: int | None
) -> dict[str, list[str]]:
    """Neighbouring columns of one kind of quantity (σ, σ + c, a·σ; or the softmax vectors),
    written together (:func:`~softlse_app.common.number_format.format_columns`): one notation
    and one number of decimals for all of them, as numpy prints one array."""
    return format_columns(columns, digits)
