"""The query-parameter readers (``softlse_app.common.url_params``) and the URL-state helper
(``softlse_app.common.url_state``): what a link's text turns into, and which note the page shows."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from softlse_app.common.lambda_control import LAMBDA_MAGNITUDES
from softlse_app.common.url_params import (
    QUOTE_LIMIT,
    ParamReading,
    clamp_to_range,
    is_on_int_grid,
    parse_number_text,
    quote_raw,
    read_choice,
    read_flag,
    read_float_range,
    read_int_range,
    read_number_choice,
    read_signed_magnitude,
)

HOSTILE = ["abc", "nan", "NaN", "", "   ", "1_000", "0x10", "x" * 400, "<script>alert(1)</script>"]


@pytest.mark.parametrize("raw", ["10", "10.0", "1e1", " 10 ", "+10"])
def test_number_choice_exact_values_are_silent(raw: str) -> None:
    assert read_number_choice(raw, LAMBDA_MAGNITUDES, name="lam", log_scale=True).value == 10.0
    assert read_number_choice(raw, LAMBDA_MAGNITUDES, name="lam", log_scale=True).note is None


def test_number_choice_snaps_in_log_scale_and_clamps() -> None:
    # 4 lies between 3 and 5: nearer 5 in log10 (|log 4/5| < |log 4/3|)
    reading = read_number_choice("4", LAMBDA_MAGNITUDES, name="lam", log_scale=True)
    assert reading.value == 5.0
    assert "nearest, 5" in reading.note
    assert read_number_choice("4", (3.0, 5.0), name="v").value == 3.0  # linear: a tie → first
    for raw, expected in [("1e999", 1000.0), ("inf", 1000.0), ("1e6", 1000.0), ("1e-9", 0.01)]:
        reading = read_number_choice(raw, LAMBDA_MAGNITUDES, name="lam", log_scale=True)
        assert reading.value == expected
        assert "outside [0.01, 1000]" in reading.note
    for raw in ["0", "-3", "-1e999"]:
        reading = read_number_choice(raw, LAMBDA_MAGNITUDES, name="lam", log_scale=True)
        assert reading.value is None
        assert "must be positive" in reading.note


@pytest.mark.parametrize("raw", HOSTILE)
def test_every_reader_ignores_hostile_text_with_a_note(raw: str) -> None:
    readings = [
        read_number_choice(raw, LAMBDA_MAGNITUDES, name="p", log_scale=True),
        read_signed_magnitude(raw, 0.01, 1000.0, name="p"),
        read_int_range(raw, 51, 801, name="p", step=50),
        read_float_range(raw, -1.0, 1.0, name="p"),
        read_choice(raw, ("explore", "sheet"), name="p"),
        read_flag(raw, name="p"),
    ]
    for reading in readings:
        assert reading.value is None
        # blank text is written (empty): an empty code span would show as two backticks
        quoted = "(empty)" if not raw.strip() else "`"
        assert reading.note.startswith(f"URL parameter `p`={quoted}")
        assert "\n" not in reading.note
        assert len(reading.note) < 120 + QUOTE_LIMIT


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("-10", -10.0),
        ("37", 37.0),
        ("2.5", 2.5),
        ("-0.333", -0.333),
        ("1e3", 1000.0),
        ("0.01", 0.01),
        ("0.1234567890123", 0.123456789),
    ],
)
def test_signed_magnitude_in_range_is_used_as_written(raw: str, expected: float) -> None:
    reading = read_signed_magnitude(raw, 0.01, 1000.0, name="lam")
    assert reading.value == expected
    assert reading.note is None


def test_signed_magnitude_clamps_in_size_and_refuses_zero() -> None:
    reading = read_signed_magnitude("-1e999", 0.01, 1000.0, name="lam")
    assert reading.value == -1000.0
    assert "`-1e999`" in reading.note
    assert reading.note.endswith("in size; using -1000.")
    reading = read_signed_magnitude("1e-9", 0.01, 1000.0, name="lam")
    assert reading.value == 0.01
    assert "using 0.01" in reading.note
    for raw in ["0", "-0", "0.0", "1e-400"]:  # 1e-400 underflows to 0
        reading = read_signed_magnitude(raw, 0.01, 1000.0, name="lam")
        assert reading.value is None
        assert "must not be 0" in reading.note


def test_int_range_rounds_to_the_grid_and_clamps() -> None:
    assert read_int_range("201", 51, 801, name="res", step=50).value == 201
    assert read_int_range("201.0", 51, 801, name="res", step=50).note is None
    reading = read_int_range("230", 51, 801, name="res", step=50)
    assert (reading.value, "not on the grid 51, 101" in reading.note) == (251, True)
    for raw, expected in [("1000000000", 801), ("1e999", 801), ("-1e999", 51), ("0", 51)]:
        reading = read_int_range(raw, 51, 801, name="res", step=50)
        assert reading.value == expected
        assert f"outside [51, 801]; using {expected}" in reading.note
        assert isinstance(reading.value, int)


def test_float_range_and_choice_and_flag() -> None:
    assert read_float_range("0.25", -1.0, 1.0, name="y").value == 0.25
    reading = read_float_range("-7", -1.0, 1.0, name="y")
    assert (reading.value, "using -1" in reading.note) == (-1.0, True)
    assert read_float_range("inf", -1.0, 1.0, name="y").value == 1.0
    assert read_choice(" Sheet ", ("explore", "sheet"), name="view").value == "sheet"
    assert "explore, sheet" in read_choice("x", ("explore", "sheet"), name="view").note
    assert [read_flag(raw, name="neg").value for raw in ("TRUE", "1", "on", "no", "0")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_quote_raw_is_short_and_cannot_break_out_of_code() -> None:
    quoted = quote_raw("a`b\nc" + "z" * 100)
    assert quoted.startswith("`a b c")
    assert quoted.count("`") == 2
    assert len(quoted) == QUOTE_LIMIT + 2
    assert quoted.endswith("…`")


def _bound_slider_page() -> None:
    from functools import partial

    import streamlit as st

    from softlse_app.common.url_params import read_int_range
    from softlse_app.common.url_state import adopt_query_param, show_url_notes

    adopt_query_param(
        "demo",
        "res",
        partial(read_int_range, lo=51, hi=801, step=50, name="res"),
        201,
        lambda v: isinstance(v, int) and 51 <= v <= 801,
    )
    st.slider("res", min_value=51, max_value=801, step=50, key="res", bind="query-params")
    show_url_notes("demo")


def test_adopt_query_param_reads_once_and_keeps_the_note() -> None:
    at = AppTest.from_function(_bound_slider_page, default_timeout=30)
    at.query_params["res"] = "1000000000"
    at.run()
    assert not at.exception
    assert at.slider(key="res").value == 801
    assert [w.value for w in at.warning] == [
        "URL parameter `res`=`1000000000` is outside [51, 801]; using 801."
    ]
    # the same raw text is not read again: the person's own change wins
    at.slider(key="res").set_value(101).run()
    assert at.slider(key="res").value == 101
    # new text in the URL is read again; a usable value clears the note
    at.query_params["res"] = "401"
    at.run()
    assert at.slider(key="res").value == 401
    assert not at.warning


def test_adopt_query_param_default_without_url() -> None:
    at = AppTest.from_function(_bound_slider_page, default_timeout=30)
    at.run()
    assert at.slider(key="res").value == 201
    assert not at.warning


def test_is_on_int_grid_accepts_exactly_what_read_int_range_returns():
    grid = {"lo": 51, "hi": 801, "step": 50}
    for value in (51, 201, 801):
        assert is_on_int_grid(value, **grid)
        assert read_int_range(str(value), 51, 801, name="res", step=50).value == value
    for value in (50, 200, 851, 201.0, True, "201", None):
        assert not is_on_int_grid(value, **grid)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.5, 1.0),
        (-2.5, -1.0),
        (0.5, 0.5),
        (-1.0, -1.0),
        (1.0, 1.0),
        (0.0, 0.0),
        (float("inf"), 1.0),
        (float("-inf"), -1.0),
    ],
)
def test_clamp_to_range_keeps_what_fits_and_moves_the_rest_to_the_nearer_end(
    value: float, expected: float
) -> None:
    assert clamp_to_range(value, -1.0, 1.0) == expected


@pytest.mark.parametrize("value", [float("nan"), 1, True, "1.5", None, [1.5]])
def test_clamp_to_range_refuses_what_is_not_a_real_number(value: object) -> None:
    assert clamp_to_range(value, -1.0, 1.0) is None


def _ranged_slider_page() -> None:
    from functools import partial

    import streamlit as st

    from softlse_app.common.url_params import clamp_to_range, read_float_range
    from softlse_app.common.url_state import adopt_query_param, mark_query_param_read

    hi = st.session_state.setdefault("hi", 2.0)  # the slider's range; the tests change it
    repairs = {
        "clamp": partial(clamp_to_range, lo=-hi, hi=hi),
        "outside": lambda _value: 2 * hi,  # a repair that gives no valid value
        "none": None,
    }
    adopt_query_param(
        "demo",
        "y",
        partial(read_float_range, lo=-hi, hi=hi, name="y"),
        0.0,
        lambda v: isinstance(v, float) and -hi <= v <= hi,
        repair=repairs[st.session_state.setdefault("repair", "clamp")],
    )
    y = st.slider("y", min_value=-hi, max_value=hi, key="y", bind="query-params")
    mark_query_param_read("y")
    st.markdown(f"y = {y}")


@pytest.mark.parametrize(
    ("repair", "hi", "expected"),
    [
        ("clamp", 1.0, 1.0),  # outside the new range: clamped
        ("clamp", 5.0, 1.5),  # inside: kept, also by the remounted slider
        ("outside", 1.0, 0.0),  # repair gives nothing valid: the default
        ("none", 1.0, 0.0),  # without repair: the default, as for every other control
    ],
)
def test_adopt_query_param_repairs_or_keeps_a_value_when_the_range_changes(
    repair: str, hi: float, expected: float
) -> None:
    at = AppTest.from_function(_ranged_slider_page, default_timeout=30)
    at.session_state["repair"] = repair
    at.run()
    at.slider(key="y").set_value(1.5).run()
    at.session_state["hi"] = hi
    at.run()
    assert not at.exception
    assert at.slider(key="y").value == expected
    assert at.markdown[0].value == f"y = {expected}"  # what the page got back from the slider
    assert not at.warning


MINUS = "\N{MINUS SIGN}"


def test_every_number_reader_takes_the_minus_sign_the_app_prints() -> None:
    assert parse_number_text(f"{MINUS}7") == -7.0
    assert parse_number_text(f" 1e{MINUS}3 ") == 0.001
    assert parse_number_text(f"{MINUS}inf") == float("-inf")
    assert read_signed_magnitude(f"{MINUS}5", 0.01, 1000.0, name="lam") == ParamReading(-5.0)
    assert read_float_range(f"{MINUS}0.5", -1.0, 1.0, name="x") == ParamReading(-0.5)
    reading = read_int_range(f"{MINUS}3", 0, 10, name="n")
    assert (reading.value, reading.note) == (
        0,
        "URL parameter `n`=`−3` is outside [0, 10]; using 0.",
    )
    reading = read_number_choice(f"{MINUS}1", LAMBDA_MAGNITUDES, name="lam", log_scale=True)
    assert reading.note == "URL parameter `lam`=`−1` must be positive; ignored."


@pytest.mark.parametrize(
    "raw", [f"{MINUS}{MINUS}7", f"7{MINUS}", MINUS, f"{MINUS}nan", "\N{EN DASH}7", f"1{MINUS}2"]
)
def test_a_misplaced_or_other_dash_is_still_not_a_number(raw: str) -> None:
    assert parse_number_text(raw) is None
    reading = read_signed_magnitude(raw, 0.01, 1000.0, name="lam")
    assert reading.value is None
    assert reading.note.endswith("is not a number; ignored.")
