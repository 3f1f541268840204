"""The vector lab's read-out tables (Markdown tables, :mod:`softlse_app.common.markdown_table`),
with every number written by :mod:`softlse_app.common.number_format` at the digits the page's
control chose. A table holds at most ``TABLE_COMPONENTS`` + 1 rows.

A positive quantity that float64 stores as 0 (softmax(σ, λ)ₖ = e^(−1000) at σ = 10, 20, 30
and λ = 100, a gap or an entropy that small) is written :data:`UNDERFLOW_TEXT`, not ``0.0``,
which would say it is exactly 0 — that lse equals max at a finite λ, say
(:data:`softlse_app.common.number_format.UNDERFLOW_TEXT`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from softlse_app.common.markdown_table import readout_table
from softlse_app.common.number_format import UNDERFLOW_TEXT, format_columns, format_value


def quantity_table(
    rows: Mapping[str, float], digits: int | None, underflowed: frozenset[str] = frozenset()
) -> None:
    """A two-column table "quantity | value": each value written on its own (a table of
    different quantities has no common scale); the rows named in ``underflowed`` read
    :data:`UNDERFLOW_TEXT` where their value is 0."""
    readout_table(
        {
            "quantity": list(rows),
            "value": [
                UNDERFLOW_TEXT
                if name in underflowed and value == 0
                else format_value(value, digits)
                for name, value in rows.items()
            ],
        }
    )


def vector_columns(
    columns: Mapping[str, Sequence[float]], digits: int | None
) -> dict[str, list[str]]:
    """Neighbouring columns of one kind of quantity (σ, σ + c, a·σ; or the softmax vectors),
    written together (:func:`~softlse_app.common.number_format.format_columns`): one notation
    and one number of decimals for all of them, as numpy prints one array."""
    return format_columns(columns, digits)


def softmax_underflows(
    p: NDArray[np.float64], x: NDArray[np.float64], lam: float
) -> NDArray[np.bool_]:
    """Where softmax(x, λ) = ``p`` is 0 in float64 although positive: a finite entry, at a
    finite λ, of a vector with no entry at the winning infinity (+inf for λ > 0, −inf for
    λ < 0; beside one, a finite entry's 0 is the exact limit, as is a losing infinity's)."""
    entries = np.asarray(x, dtype=np.float64)
    if not math.isfinite(lam) or np.any(entries == math.copysign(math.inf, lam)):
        return np.zeros(entries.shape, dtype=bool)
    return (np.asarray(p) == 0) & np.isfinite(entries)


def marked_underflows(texts: Sequence[str], underflowed: NDArray[np.bool_]) -> list[str]:
    """``texts`` with :data:`UNDERFLOW_TEXT` where ``underflowed``."""
    return [UNDERFLOW_TEXT if gone else text for text, gone in zip(texts, underflowed, strict=True)]
