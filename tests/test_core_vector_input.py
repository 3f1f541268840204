"""Tests of softlse_core.parse_vector: the accepted forms and the messages for everything else."""

import math

import numpy as np
import pytest

from softlse_core import VectorParseError, entries_rounded_to_zero, parse_vector


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1, 2, 3", [1.0, 2.0, 3.0]),
        ("1 2 3", [1.0, 2.0, 3.0]),
        ("[1, 2, 3]", [1.0, 2.0, 3.0]),
        ("(1, 2, 3)", [1.0, 2.0, 3.0]),
        ("1e-3; -4.5", [1e-3, -4.5]),
        ("  [ 1,\t2\n3 ]  ", [1.0, 2.0, 3.0]),
        ("inf, -inf, +Infinity", [math.inf, -math.inf, math.inf]),
        (".5, 2., -0, +7", [0.5, 2.0, -0.0, 7.0]),
        ("2E+10 1e-999", [2e10, 0.0]),
        ("\u22124.5", [-4.5]),  # the Unicode minus sign
        ("1e308", [1e308]),
    ],
)
def test_accepted_forms(text, expected):
    out = parse_vector(text)
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("[]", "no numbers"),
        ("1, foo, 3", "entry 2, 'foo' (at character 4), is not a number"),
        ("1, nan", "entry 2, 'nan' (at character 4), is NaN"),
        ("1e999", "entry 1, '1e999' (at character 1), is beyond the float range"),
        ("-1e999, 2", "entry 1, '-1e999' (at character 1), is beyond the float range"),
        ("[1, 2", "'[' at character 1 is never closed"),
        ("1, 2]", "']' at character 5 has no matching"),
        ("[1, [2]]", "nested"),
        ("1,,2", "Entry 2 is missing"),
        (", 1", "Entry 1 is missing"),
        ("1, 2,", "ends with a separator after entry 2"),
        ("1_000", "is not a number"),
        ("0x10", "is not a number"),
        ("2**3", "is not a number"),
        ("\u0661", "is not a number"),  # Arabic-Indic digit one: float() would accept it
        ("1,5", None),
    ],
)
def test_refused_forms_say_where_and_why(text, message):
    if message is None:  # a decimal comma is two entries, by design
        np.testing.assert_array_equal(parse_vector(text), [1.0, 5.0])
        return
    with pytest.raises(VectorParseError) as info:
        parse_vector(text)
    assert message.lower() in str(info.value).lower()
    assert isinstance(info.value, ValueError)


def test_max_len():
    assert parse_vector("1 " * 5, max_len=5).size == 5
    with pytest.raises(VectorParseError, match="more than 5"):
        parse_vector("1 " * 6, max_len=5)
    assert parse_vector(", ".join(["1"] * 10_000)).size == 10_000
    with pytest.raises(VectorParseError, match="more than 10000"):
        parse_vector(", ".join(["1"] * 10_001))


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('x')</script>",
        "__import__('os').system('true')",
        "1, 2, " + "9" * 400,
        "[" * 400,
        "a" * 400,
        "1" + "e" * 399,
        "1;DROP TABLE vectors",
        "\x00\x01",
        "1, 2 # comment",
        "{1, 2}",
    ],
)
def test_hostile_input_is_refused_with_a_short_message(text):
    with pytest.raises(VectorParseError) as info:
        parse_vector(text)
    assert len(str(info.value)) < 250


def test_long_number_reaches_float_range():
    # 400 nines is beyond the float range and must be reported as such, not as inf.
    with pytest.raises(VectorParseError, match="beyond the float range"):
        parse_vector("9" * 400)


def test_not_a_string():
    with pytest.raises(TypeError):
        parse_vector([1, 2])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["", "[]", "1, foo, 3", "1, nan", "1e999", "[1, 2", "1, 2]", "[1, [2]]", "1,,2", "1, 2,"],
)
def test_messages_are_plain_text(text):
    """The app shows these messages as literal text: no Markdown, no line breaks."""
    with pytest.raises(VectorParseError) as info:
        parse_vector(text)
    message = str(info.value)
    assert not any(mark in message for mark in ("`", "**", "__", "\n", "<", ">", "[`"))
    assert message[0].isupper()
    assert message.endswith(".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1e-400, 0", [(1, "1e-400")]),
        ("[0; \N{MINUS SIGN}2.5e-999  7e-330]", [(2, "\N{MINUS SIGN}2.5e-999"), (3, "7e-330")]),
        # 0 written as 0 is not rounded; the smallest subnormal and 3e-324 round up to it
        ("0, 0.0, -0e-500, 000, .0e7", []),
        ("5e-324, 3e-324, 1e-300, 1", []),
        # not a vector: parse_vector's own error says what is wrong
        ("1e-400, abc", []),
        ("", []),
    ],
)
def test_entries_rounded_to_zero_are_named_by_position(text, expected):
    assert entries_rounded_to_zero(text) == expected
    if expected:
        values = parse_vector(text)
        assert all(values[k - 1] == 0 for k, _token in expected)


def test_invisible_marks_of_copied_text_are_dropped():
    """Text copied from a page (this app's messages carry word joiners, U+2060) or a PDF
    reads as it looks; positions in messages count visible characters."""
    np.testing.assert_array_equal(parse_vector("1,\u2060 2,\u2060 3"), [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(parse_vector("\ufeff[1e\u00ad-3; \u200b4]"), [1e-3, 4.0])
    np.testing.assert_array_equal(parse_vector("2\u200b3"), [23.0])  # it looks like 23
    with pytest.raises(VectorParseError, match=r"Entry 2, 'abc' \(at character 4\)"):
        parse_vector("1,\u2060 ab\u2060c")
