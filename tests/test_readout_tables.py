"""The read-out tables as Markdown: what a person reads in each cell, and the
alignment of columns of numbers."""

from __future__ import annotations

import pytest
from scipy.special import softmax as scipy_softmax
from vector_lab_apptest import FULL, run_page, tables

from softlse_app.common.chart_output import csv_table
from softlse_app.common.markdown_table import markdown_table
from softlse_app.common.table_columns import row_count


def test_cells_are_escaped_and_columns_of_numbers_right_aligned() -> None:
    text = markdown_table(
        {"quantity": ["entropy H(p) [nats]", "a|b *c* `d` $e$"], "value": ["0.5", "−inf"]}
    )
    header, alignment, first, second = text.splitlines()
    assert header == "| quantity | value |"
    assert alignment == "| :--- | ---: |"
    assert first == r"| entropy H\(p\) \[nats\] | 0.5 |"
    assert second == r"| a\|b \*c\* \`d\` \$e\$ | −inf |"


def test_a_column_of_numbers_named_left_aligned_is_aligned_on_the_left() -> None:
    columns = {"quantity": ["a", "b"], "value": ["0.99330714907537", "0.9933071490757152"]}
    assert markdown_table(columns).splitlines()[1] == "| :--- | ---: |"
    assert markdown_table(columns, left_aligned=("value",)).splitlines()[1] == "| :--- | :--- |"


def test_columns_of_different_lengths_or_none_are_refused() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        markdown_table({"k": [1, 2], "σ": ["1.0"]})
    with pytest.raises(ValueError, match="at least one column"):
        markdown_table({})


def test_one_column_length_check_for_tables_and_csv() -> None:
    assert row_count({"k": [1, 2], "σ": ["1.0", "2.0"]}) == 2
    assert row_count({}) == 0
    for write in (row_count, markdown_table, csv_table):
        with pytest.raises(ValueError, match=r"columns of different lengths: \[1, 2\]"):
            write({"k": [1, 2], "σ": [1.0]})


def test_a_line_break_in_a_cell_keeps_the_row_on_one_line() -> None:
    assert markdown_table({"quantity": ["two\nlines"]}).splitlines()[2] == "| two lines |"


def test_the_page_shows_the_sheets_softmax_of_s1_in_its_table() -> None:
    (table,) = tables(run_page(v="1, 2, 3", digits="8"))  # numpy's print-out, as in the sheet
    assert list(table["k"]) == ["1", "2", "3"]
    assert list(table["softmax(σ, λ)"]) == ["0.09003057", "0.24472847", "0.66524096"]
    (table,) = tables(run_page(v="1, 2, 3"))  # the default: the same 8 digits
    assert list(table["softmax(σ, λ)"]) == ["0.09003057", "0.24472847", "0.66524096"]
    (table,) = tables(run_page(v="1, 2, 3", digits=FULL))  # each double's shortest text
    assert [float(text) for text in table["softmax(σ, λ)"]] == pytest.approx(
        scipy_softmax([1.0, 2.0, 3.0]), rel=1e-15, abs=0
    )
