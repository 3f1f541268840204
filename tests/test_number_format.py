"""The shared number formats (softlse_app.common.number_format) and the CSV of a chart
(softlse_app.common.chart_output.csv_table): what a person reads must read back as the numbers
computed, and the 8-digit form must be numpy's print-out (the sheet's)."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest
from scipy.special import softmax as scipy_softmax

from softlse_app.common.chart_output import csv_table
from softlse_app.common.number_format import (
    format_column,
    format_columns,
    format_full,
    format_short,
    format_value,
)


def test_full_precision_reads_back_the_same_double() -> None:
    rng = np.random.default_rng(5)
    values = np.concatenate(
        [rng.normal(size=500) * 10.0 ** rng.integers(-300, 300, size=500), [4.2e-46, 1e308]]
    )
    for value in values:
        assert float(format_full(value)) == value
    assert format_column(values[:5]) == [repr(float(v)) for v in values[:5]]


def test_eight_digits_are_numpys_print_out() -> None:
    for sigma in ([1.0, 2, 3], [10.0, 20, 30], [0.5, -3, 7, 1e-3]):
        p = scipy_softmax(sigma)
        assert f"[{' '.join(format_column(p, 8))}]" == np.array2string(p)
    sheet = ["0.09003057", "0.24472847", "0.66524096"]
    assert format_column(scipy_softmax([1.0, 2, 3]), 8) == sheet


def test_columns_and_values_write_whole_numbers_inf_nan_and_signed_zero_alike() -> None:
    assert format_column([1.0, 2.0, 3.0], 8) == ["1.0", "2.0", "3.0"]
    assert format_column([1.0, 2.0, 3.0]) == ["1.0", "2.0", "3.0"]
    assert format_column([1e20, 1.0], 4) == ["1.0e+20", "1.0e+00"]
    assert format_column([-0.0, math.inf, -math.inf, math.nan], 3) == ["0.0", "inf", "-inf", "nan"]
    assert format_value(-0.0) == "0.0"
    assert format_value(math.log(3) / 100, 3) == "0.011"
    assert format_value(4.2e-46, 8) == "4.2e-46"
    assert format_column([], 8) == []


@pytest.mark.parametrize(("digits", "expected"), [(0, "0.1"), (1, "0.1"), (99, repr(0.1))])
def test_digits_are_clamped_to_what_a_double_holds(digits: int, expected: str) -> None:
    assert format_value(0.1, digits) == expected


def test_short_form_for_labels() -> None:
    assert format_short(-0.0) == "0"
    assert format_short(10.0) == "10"
    assert format_short(0.999954600070331) == "0.999955"
    assert format_short(0.999954600070331, 3) == "1"
    assert format_short(-2.5e-7, 2) == "-2.5e-07"
    assert format_short(math.inf) == "inf"


def test_csv_table_reads_back_as_the_numbers() -> None:
    p = scipy_softmax([1.0, 2, 3])
    text = csv_table({"k": [1, 2, 3], "softmax(σ, λ=1)": list(p), "note": ["a", "b,c", "d"]})
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["k", "softmax(σ, λ=1)", "note"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]
    assert [float(row[1]) for row in rows[1:]] == list(p)
    assert rows[2][2] == "b,c"
    with pytest.raises(ValueError, match="different lengths"):
        csv_table({"a": [1.0], "b": [1.0, 2.0]})


def test_a_column_at_few_digits_keeps_one_number_of_decimals() -> None:
    # numpy prints [0.09 , 0.245, 0.665] with a space where a table cell shows nothing: the
    # decimal points would not line up, and 0.09 reads as a number known to 2 decimals only
    p = scipy_softmax([1.0, 2, 3])
    assert format_column(p, 3) == ["0.090", "0.245", "0.665"]
    assert format_column([0.5, 0.12345678], 8) == ["0.50000000", "0.12345678"]
    # a non-zero value that rounds to zero is not written as the exact 0.0
    assert format_value(0.000499, 3) == "0.000"
    assert format_column([0.0004, 0.002, 0.003], 3) == ["0.000", "0.002", "0.003"]
    assert format_value(0.0, 3) == "0.0"


def test_neighbouring_columns_of_one_kind_share_their_notation() -> None:
    # the walkthrough's table: softmax(σ, λ) of s1 at λ = 10 in e-notation (an entry is 2e-9)
    # beside softmax(a·σ, λ) at a = 0.1 in decimals
    sharp, flat = scipy_softmax([10.0, 20, 30]), scipy_softmax([1.0, 2, 3])
    assert format_column(sharp, 3) == ["2.061e-09", "4.540e-05", "1.000e+00"]
    assert format_column(flat, 3) == ["0.090", "0.245", "0.665"]
    together = format_columns({"sharp": sharp, "flat": flat}, 3)
    assert together == {
        "sharp": ["2.061e-09", "4.540e-05", "1.000e+00"],
        "flat": ["9.003e-02", "2.447e-01", "6.652e-01"],
    }
    for name, values in (("sharp", sharp), ("flat", flat)):
        np.testing.assert_allclose([float(t) for t in together[name]], values, rtol=5e-4)
    # full precision still writes each double so that it reads back exactly
    full = format_columns({"sharp": sharp, "flat": flat})
    assert [float(t) for t in full["flat"]] == list(flat)
    assert format_columns({"none": [], "one": [1.0]}, 3) == {"none": [], "one": ["1.0"]}
