"""Tables given as columns (column name → its cells), as the read-out tables and the CSV
downloads take them: the one check both need before writing rows."""

from __future__ import annotations

from collections.abc import Mapping, Sized


def row_count(columns: Mapping[str, Sized]) -> int:
    """The number of rows of a table given as columns: the length every column shares (0 for a
    table with no columns).

    Raises
    ------
    ValueError
        When two columns have different lengths (``columns of different lengths: [1, 2]``): a
        row would silently lose cells.
    """
    lengths = {len(values) for values in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    return lengths.pop() if lengths else 0
