"""The result types of softlse_core carry only what their callers read.

A field nobody reads still costs: it is computed, cached with the figure data, and a reader of
the code looks for its use. The λ and tie rule of the softmax panels, the λ of the gradient
field and of the vector lab's verdicts are the caller's own arguments (the pages pass them on
to the figures themselves), and the grid's per-point x and y are ``stacked[0]`` and
``stacked[1]``. A new field belongs here once something reads it.
"""

from __future__ import annotations

from dataclasses import fields

import pytest

from softlse_core.gradient_field import GradientField, SoftmaxPanels
from softlse_core.grids import SquareGrid, square_grid
from softlse_core.vector_lab import EffectVerdicts


@pytest.mark.parametrize(
    ("result_type", "names"),
    [
        (SoftmaxPanels, ["axis", "values"]),
        (GradientField, ["axis", "lse_values", "arrow_axis", "arrows"]),
        (
            EffectVerdicts,
            [
                "offset_diff",
                "offset_tol",
                "scale_diff",
                "scale_tol",
                "entropy_p",
                "entropy_scaled",
                "a",
            ],
        ),
        (SquareGrid, ["axis", "stacked"]),
    ],
)
def test_fields_are_the_ones_callers_read(result_type: type, names: list[str]) -> None:
    assert [field.name for field in fields(result_type)] == names


def test_square_grid_has_no_unread_coordinate_properties() -> None:
    grid = square_grid(1.0, 3)
    assert [name for name in dir(grid) if not name.startswith("_")] == ["axis", "stacked"]
    assert grid.stacked[0][0].tolist() == [-1.0, 0.0, 1.0]  # x along a row
    assert grid.stacked[1][:, 0].tolist() == [-1.0, 0.0, 1.0]  # y along a column
