"""Oversized links (``softlse_app.common.oversized_links``): the limits the page's check uses
are Streamlit's own, and a page reopened with ``?link_too_long=`` says why it shows its default
view, once, without carrying the marker into a copied link. (The browser side — a link with
too many parameters reopening with the note — is tests/e2e/test_e2e_oversized_links.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_text import DENSE_PAYLOADS, markdown_leaks
from streamlit.runtime.state import query_params as streamlit_query_params
from streamlit.testing.v1 import AppTest

from softlse_app.common.oversized_links import (
    MAX_QUERY_CHARS,
    MAX_QUERY_FIELDS,
    OVERSIZED_PARAM,
    oversized_link_note,
)

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_the_limits_are_streamlits() -> None:
    # Streamlit drops a whole query string past these (sanitize_query_string): if an upgrade
    # changes them, the page's check must follow
    assert streamlit_query_params.CLIENT_STATE_QUERY_STRING_MAX_FIELDS == MAX_QUERY_FIELDS
    assert streamlit_query_params.CLIENT_STATE_QUERY_STRING_MAX_LENGTH == MAX_QUERY_CHARS
    assert streamlit_query_params.sanitize_query_string("&".join(["x=1"] * 1001)) == ""
    assert streamlit_query_params.sanitize_query_string("&".join(["x=1"] * 1000)) != ""


def test_the_note_says_how_long_and_how_to_share() -> None:
    note = oversized_link_note("1002,7021")
    assert "too long for the app to read (1,002 parameters and 7,021 characters;" in note
    assert "at most 1,000 parameters and 524,288 characters)" in note
    assert "copy the address bar" in note


@pytest.mark.parametrize(
    "raw", ["", "abc", "1,2,3", "-1,5", "1" * 20 + ",1", *DENSE_PAYLOADS.values()]
)
def test_a_marker_not_written_by_the_check_gives_the_note_without_echoing_it(raw: str) -> None:
    note = oversized_link_note(raw)
    assert note.startswith("The link you opened was too long for the app to read, so")
    assert markdown_leaks(note) == []


def run_app(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run(timeout=60)
    assert not at.exception, at.exception
    return at


def test_the_reopened_page_shows_the_note_once_and_drops_the_marker() -> None:
    at = run_app({OVERSIZED_PARAM: "1002,7021"})
    notes = [w.value for w in at.warning if "too long" in w.value]
    assert notes == [oversized_link_note("1002,7021")]
    assert OVERSIZED_PARAM not in at.query_params  # a copied link does not carry it
    at.run(timeout=60)  # the page's next run (a click): the note stays on this page
    assert [w.value for w in at.warning if "too long" in w.value] == notes
    at.switch_page("pages/vector_lab.py").run(timeout=60)  # another page: the note is gone
    assert not [w.value for w in at.warning if "too long" in w.value]


def test_an_ordinary_visit_has_no_note() -> None:
    at = run_app({})
    assert not [w.value for w in at.warning if "too long" in w.value]
