"""``read_number_list``: the reader of the λ list in ``?lams=…`` (and of the typed λ box), and
``format_number_list``, the tidy text the λ box shows."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from softlse_app.common.number_list import format_number_list, read_number_list


def read(raw: str, **options):
    settings = {"name": "lams", "lo": 0.01, "hi": 1000.0, "max_count": 6} | options
    return read_number_list(raw, **settings)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0.5,2,50", (0.5, 2.0, 50.0)),
        ("1, 10, 100", (1.0, 10.0, 100.0)),
        ("1 10 100", (1.0, 10.0, 100.0)),
        ("[1; 1e1; -100]", (1.0, 10.0, -100.0)),
        ("100,1", (100.0, 1.0)),
        ("0.01,1000,-0.01,-1000", (0.01, 1000.0, -0.01, -1000.0)),
        # the minus sign the app prints (λ = −5), as a person copies it from the page
        ("\N{MINUS SIGN}7, 3", (-7.0, 3.0)),
        ("[1e\N{MINUS SIGN}1 \N{MINUS SIGN}10]", (0.1, -10.0)),
    ],
)
def test_clean_lists_are_used_silently_in_the_order_written(raw, expected):
    reading = read(raw)
    assert reading.value == expected
    assert reading.note is None


@pytest.mark.parametrize(
    "raw", ["abc", "0", "nan", "", " , ; ", "<script>alert(1)</script>", "x" * 400, "0,0,nan"]
)
def test_nothing_usable_is_ignored_with_a_note(raw):
    reading = read(raw)
    assert reading.value is None
    assert reading.note is not None
    assert "ignored" in reading.note
    assert "<script>" not in reading.note or "`<script>alert(1)</script>`" in reading.note


def test_garbage_entries_are_left_out_and_named():
    reading = read("1, abc, 0, nan, 10")
    assert reading.value == (1.0, 10.0)
    for token in ("`abc`", "`0`", "`nan`"):
        assert token in reading.note
    assert "using 1, 10." in reading.note


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1e999", (1000.0,)),
        ("-1e999", (-1000.0,)),
        ("inf", (1000.0,)),
        ("1000000000", (1000.0,)),
        ("1e-9,-1e-9", (0.01, -0.01)),
    ],
)
def test_magnitudes_outside_the_range_are_clamped_keeping_their_sign(raw, expected):
    reading = read(raw)
    assert reading.value == expected
    assert "clamped" in reading.note


def test_repeats_are_kept_once_also_after_clamping():
    reading = read("10, 1e1, 5000, 1000, -10")
    assert reading.value == (10.0, 1000.0, -10.0)
    assert "repeated" in reading.note


def test_more_than_max_count_keeps_the_first():
    reading = read("1,2,3,4,5,6,7,8")
    assert reading.value == (1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    assert "first 6 of 8" in reading.note


def test_long_and_hostile_text_is_quoted_short_and_never_raises():
    raw = ",".join(["1"] * 300) + "<b>"
    reading = read(raw)
    assert reading.value == (1.0,)
    assert len(reading.note) < 400
    assert all(math.isfinite(value) for value in reading.value)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(
            st.one_of(
                st.floats(allow_nan=True, allow_infinity=True).map(repr),
                st.sampled_from(["abc", "0", "-0", "1e999", "<b>", "", "1_0", "0x10"]),
            ),
            max_size=12,
        ).map(",".join),
    )
)
def test_any_text_gives_a_short_list_of_distinct_in_range_values_or_none(raw):
    reading = read(raw)
    if reading.value is None:
        assert reading.note is not None
        return
    assert 1 <= len(reading.value) <= 6
    assert len(set(reading.value)) == len(reading.value)
    assert all(0.01 <= abs(value) <= 1000.0 for value in reading.value)


@pytest.mark.parametrize(
    ("values", "text"),
    [
        ((1.0, 10.0, 100.0), "1, 10, 100"),
        ((0.5, -2.0, 50.0), "0.5, -2, 50"),
        ((0.01, 1000.0, -0.01), "0.01, 1000, -0.01"),
        ((1 / 3,), "0.333333"),
        ((1e-5, 2e6), "1e-05, 2e+06"),
        ((), ""),
    ],
)
def test_format_number_list_writes_what_a_person_types(values, text):
    assert format_number_list(values) == text


#: λ values as the box shows them: in [0.01, 1000] in size, at most 6 significant digits.
SHOWN_LAMBDAS = st.lists(
    st.builds(
        lambda size, negative: float(f"{-size if negative else size:g}"),
        st.floats(0.01, 1000.0),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
    unique=True,
)


@settings(max_examples=200, deadline=None)
@given(SHOWN_LAMBDAS)
def test_formatted_list_reads_back_silently_as_the_same_values(values):
    # the page writes this text into the λ box and reads the box on the next run: no note
    reading = read(format_number_list(values))
    assert reading.value == tuple(values)
    assert reading.note is None


@pytest.mark.parametrize(
    ("raw", "note"),
    [
        ("1, zz", "The λ list `1, zz`: left out `zz` (not a nonzero number); using 1."),
        (
            "abc",
            "The λ list `abc` holds no usable value (expected up to 6 nonzero numbers, "
            "e.g. `1,10,100`); ignored.",
        ),
        (
            "5000, 10, 1e1",
            "The λ list `5000, 10, 1e1`: clamped `5000` into [0.01, 1000] in size; "
            "dropped the repeated `1e1`; using 1000, 10.",
        ),
        (  # decimal commas: the note says why there is a "repeated" 5
            "1,5 2,5",
            "The λ list `1,5 2,5`: read `1,5` as two values, since a comma separates them "
            "(type a decimal with a point, 1.5, and a thousand without a separator, 1000); "
            "dropped the repeated `5`; using 1, 5, 2.",
        ),
    ],
)
def test_subject_words_the_note_for_typed_text(raw, note):
    assert read(raw, subject="The λ list").note == note
    assert read(raw).note == note.replace("The λ list ", "URL parameter `lams`=", 1)


@pytest.mark.parametrize("raw", ["", "   "])
def test_an_empty_list_is_called_empty_not_quoted(raw):
    """An empty code span would show as two backticks: the note says 'is empty' instead."""
    expected = "is empty (expected up to 6 nonzero numbers, e.g. `1,10,100`); ignored."
    assert read(raw, subject="The λ list").note == f"The λ list {expected}"
    assert read(raw).note == f"URL parameter `lams` {expected}"
    assert read(raw).value is None


@pytest.mark.parametrize(
    "raw", ["1,2,3", "1, 2, 3", "1 2 3", "[1 ,2 ,3]", "1,5", "1, 10,100", "1 ,10,100"]
)
def test_lists_with_commas_as_separators_get_no_decimal_comma_note(raw):
    assert "decimal" not in (read(raw).note or "")


def test_subject_adds_no_note_to_a_clean_list():
    assert read("1, 10, 100", subject="The λ list") == read("1, 10, 100")
    assert read("1, 10, 100", subject="The λ list").note is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_subject_changes_only_how_the_note_names_the_text(raw):
    url = read(raw)
    typed = read(raw, subject="The λ list")
    assert typed.value == url.value
    if url.note is None:
        assert typed.note is None
    elif " is empty (" in url.note:  # nothing but spaces or brackets: no text to quote
        assert url.note.startswith("URL parameter `lams` is empty")
        assert typed.note == url.note.replace("URL parameter `lams`", "The λ list", 1)
    else:
        assert url.note.startswith("URL parameter `lams`=")
        assert typed.note == url.note.replace("URL parameter `lams`=", "The λ list ", 1)
