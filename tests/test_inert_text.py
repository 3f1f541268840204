"""The inert echo of input (``softlse_app.common.inert_text``): what the Markdown it makes
says, for the payload list and for any text. (That Streamlit renders it as that text and
nothing else is checked in Chromium: tests/e2e/test_e2e_inert_text.py.)"""

from __future__ import annotations

import string
import unicodedata

import pytest
from hostile_text import PAYLOADS, fuzz_payloads
from hypothesis import given, settings
from hypothesis import strategies as st

from softlse_app.common.inert_text import (
    MESSAGE_LIMIT,
    QUOTE_LIMIT,
    WORD_JOINER,
    inert_code,
    inert_markdown,
    shown_text,
    visible_text,
)

ALL_TEXT = [*PAYLOADS.values(), *fuzz_payloads(200)]


def code_span_text(span: str) -> str:
    """What CommonMark shows for a one-backtick code span: the inside, with one space dropped
    at each end when it starts and ends with one (and is not all spaces)."""
    assert span[0] == span[-1] == "`"
    inside = span[1:-1]
    if inside.strip(" ") and inside[0] == inside[-1] == " ":
        inside = inside[1:-1]
    return inside.replace(WORD_JOINER, "")


def test_visible_text_shows_hidden_characters_and_breaks_no_line() -> None:
    assert visible_text("a\nb\r\nc\td\x00e\u2028f") == "a b  c d e f"
    assert visible_text("abc\u202edcba.exe") == "abc⟨U+202E⟩dcba.exe"
    assert visible_text("a\u200bb\u2060c") == "a⟨U+200B⟩b⟨U+2060⟩c"
    assert visible_text("z" * 100, 40) == "z" * 39 + "…"
    assert visible_text("z" * 40, 40) == "z" * 40


@settings(max_examples=500, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(min_value=1, max_value=80)))
def test_visible_text_has_only_visible_characters(text: str, limit: int | None) -> None:
    shown = visible_text(text, limit)
    assert all(unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp"} for ch in shown)
    if limit is not None:
        assert len(shown) <= limit


def test_inert_markdown_escapes_every_punctuation_and_breaks_link_patterns() -> None:
    shown = inert_markdown("**x** https://a.example www.b.example c@d.example :smile:")
    assert shown.startswith(f"\\*{WORD_JOINER}\\*{WORD_JOINER}x")
    assert f"https\\:{WORD_JOINER}\\/{WORD_JOINER}\\/{WORD_JOINER}a" in shown
    assert f"www{WORD_JOINER}\\.{WORD_JOINER}b" in shown
    assert f"c\\@{WORD_JOINER}d" in shown
    assert f"\\:{WORD_JOINER}smile\\:{WORD_JOINER}" in shown
    assert inert_markdown("") == ""
    assert inert_markdown("plain words") == "plain words"


def _escapes_are_complete(markdown: str) -> bool:
    """Each ASCII punctuation character is a backslash escape ``\\c`` followed by a word
    joiner; nothing else in ``markdown`` is punctuation."""
    index = 0
    while index < len(markdown):
        char = markdown[index]
        if char in string.punctuation:
            if char != "\\" or markdown[index + 1 : index + 2] not in set(string.punctuation):
                return False
            if markdown[index + 2 : index + 3] != WORD_JOINER:
                return False
            index += 3
        else:
            index += 1
    return True


@pytest.mark.parametrize("text", ALL_TEXT, ids=range(len(ALL_TEXT)))
def test_inert_markdown_of_each_payload_reads_back_as_the_text(text: str) -> None:
    markdown = inert_markdown(text)
    assert shown_text(markdown) == visible_text(text, MESSAGE_LIMIT).lstrip(" ")
    assert _escapes_are_complete(markdown)
    assert "\n" not in markdown
    assert "www\\." not in markdown.lower()


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_inert_markdown_of_any_text_reads_back_as_the_text(text: str) -> None:
    markdown = inert_markdown(text, limit=None)
    assert shown_text(markdown) == visible_text(text).lstrip(" ")
    assert _escapes_are_complete(markdown)
    assert "\n" not in markdown


@pytest.mark.parametrize("text", ALL_TEXT, ids=range(len(ALL_TEXT)))
def test_inert_code_of_each_payload_is_one_code_span_of_the_text(text: str) -> None:
    span = inert_code(text)
    if not text.strip():
        assert span == "(empty)"  # ``  `` would show as backticks: blank text has no span
        return
    assert span.count("`") == 2
    assert "\n" not in span
    assert ":material/" not in span  # Streamlit rewrites it before parsing, even in code
    assert code_span_text(span) == visible_text(text.replace("`", " "), QUOTE_LIMIT)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=100))
def test_inert_code_of_any_text_is_one_code_span_of_the_text(text: str) -> None:
    span = inert_code(text, limit=None)
    if not text.strip():
        assert span == "(empty)"
        return
    assert span.count("`") == 2
    assert code_span_text(span) == visible_text(text.replace("`", " "))
