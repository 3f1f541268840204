"""The sheet's progress in the URL: which questions are revealed (``?reveal=a,b``) and the
predictions (``?pa1=the+same&pa2=0.9``), so a teacher can share ``/sheet?reveal=a,b``, a
student can come back to a link, and Back/Forward move through reveals.

The URL is the record of the reveals: every run reads ``reveal`` from the address bar
(:func:`revealed_letters`), so after Back the page shows what that history entry says. A
Reveal button's callback writes the new set into the URL (Streamlit adds a history entry).
One exception: coming back from another page through the app's navigation, Streamlit has
dropped ``reveal`` (it keeps only widget-bound parameters), and the page restores the reveals
it showed last in the session (:mod:`softlse_app.common.page_entry`).
Hostile ``reveal`` text (unknown letters, huge strings) is read with a note, never raises.

The predictions are widgets bound to their query parameters (``bind="query-params"``), which
Streamlit restores from the URL on Back/Forward; links are read through
:func:`softlse_app.common.url_state.adopt_query_param`, with a note for a value it cannot use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from urllib.parse import urlsplit

import streamlit as st

from softlse_app.common.page_entry import page_just_entered
from softlse_app.common.url_params import ParamReading, param_text, quote_raw, read_choice
from softlse_app.common.url_state import adopt_query_param
from softlse_app.sheet.answer_focus import note_revealed
from softlse_app.sheet.questions import LETTERS, ChoicePrediction, NumberPrediction

REVEAL_KEY = "reveal"
#: Longest ``reveal`` text read: "a,b,c,d" is 7 characters; anything much longer is not a list
#: of question letters.
MAX_REVEAL_TEXT = 40
#: Longest prediction kept in a box (and so in the URL): far more than any number needs.
MAX_PREDICTION_CHARS = 200

_SEPARATORS = re.compile(r"[\s,;]+")


def read_reveal(raw_values: Sequence[str]) -> ParamReading[frozenset[str]]:
    """The questions to show revealed, from every ``reveal`` value in the URL.

    Letters a–d in any case, separated by commas, semicolons or spaces, repeated or not;
    ``all`` reveals every question. Unknown pieces are ignored and text longer than
    ``MAX_REVEAL_TEXT`` is ignored as a whole, each with a note.

    >>> sorted(read_reveal(["b,A,b"]).value)
    ['a', 'b']
    >>> read_reveal(["a,z"]).note
    'URL parameter `reveal`=`a,z` names no question `z` (only a, b, c, d): `z` is ignored.'
    >>> print(read_reveal(["z,q"]).note)
    URL parameter `reveal`=`z,q` names no question `z` or `q` (only a, b, c, d): these are ignored.
    """
    letters: set[str] = set()
    notes: list[str] = []
    for raw in raw_values:
        if len(raw) > MAX_REVEAL_TEXT:
            notes.append(
                f"{param_text(REVEAL_KEY, raw)} is {len(raw):,} characters long, "
                "not a list of question letters; ignored."
            )
            continue
        unknown = []
        for piece in _SEPARATORS.split(raw.strip()):
            word = piece.lower()
            if word in LETTERS:
                letters.add(word)
            elif word == "all":
                letters.update(LETTERS)
            elif piece:
                unknown.append(piece)
        if unknown:
            unknown = list(dict.fromkeys(unknown))  # each piece once
            quoted = [quote_raw(piece) for piece in unknown[:3]]
            if len(unknown) > 3:
                named = f"{', '.join(quoted)} or {len(unknown) - 3} more"
            elif len(quoted) > 1:
                named = f"{', '.join(quoted[:-1])} or {quoted[-1]}"
            else:
                named = quoted[0]
            # say what is ignored: the other pieces of the value are still read
            dropped = f"{named} is ignored" if len(unknown) == 1 else "these are ignored"
            notes.append(
                f"{param_text(REVEAL_KEY, raw)} names no question {named} "
                f"(only {', '.join(LETTERS)}): {dropped}."
            )
    return ParamReading(frozenset(letters), " ".join(notes) or None)


def reveal_text(letters: frozenset[str]) -> str:
    """The URL's form of a set of revealed questions: ``a,b`` (in sheet order)."""
    return ",".join(letter for letter in LETTERS if letter in letters)


def class_link(page_url: str | None, letters: frozenset[str]) -> str:
    """The sheet's link with these reveals and no predictions, what a teacher shares with a
    class: the address bar's link also carries the teacher's own predictions, which students
    would then see, and hand in, as theirs. ``page_url`` is the page's address without a
    query (``st.context.url``; ``None`` outside a browser gives the path alone).

    >>> class_link("http://lecture:8501/sheet", frozenset("ba"))
    'http://lecture:8501/sheet?reveal=a,b'
    >>> class_link(None, frozenset())
    '/sheet'
    """
    base = page_url or "/sheet"
    return f"{base}?{REVEAL_KEY}={reveal_text(letters)}" if letters else base


def opened_on_this_machine(page_url: str | None) -> bool:
    """Whether the page was opened by a loopback address (localhost, 127.x, ::1): a class
    link made from it points every student at their own computer.

    >>> opened_on_this_machine("http://localhost:8501/sheet")
    True
    >>> opened_on_this_machine("http://lecture.example.edu/sheet")
    False
    """
    host = urlsplit(page_url or "").hostname or ""
    return host == "localhost" or host.startswith("127.") or host == "::1"


#: Session-state key: the reveals the page showed last in this session.
_LAST_SHOWN = "_sheet_revealed"


def revealed_letters() -> ParamReading[frozenset[str]]:
    """The revealed questions as the address bar says now, with a note for text not used.

    Coming back to the sheet through the app's navigation, the address bar has lost
    ``reveal`` (Streamlit keeps only widget-bound parameters across pages): then the reveals
    the page showed last in this session are put back into the URL and shown. Call once per
    run of the page, before anything reveals."""
    reading = _url_reading()
    remembered = st.session_state.get(_LAST_SHOWN, frozenset())
    if remembered and REVEAL_KEY not in st.query_params and page_just_entered():
        st.query_params[REVEAL_KEY] = reveal_text(remembered)
        reading = ParamReading(remembered)
    st.session_state[_LAST_SHOWN] = reading.value
    return reading


def _url_reading() -> ParamReading[frozenset[str]]:
    """The revealed questions as the address bar says now, with a note for text not used."""
    return read_reveal(st.query_params.get_all(REVEAL_KEY))


def reveal(letter: str) -> None:
    """Button callback: add ``letter`` to the URL's revealed questions (in its own form, which
    also drops any unusable text a link had)."""
    st.query_params[REVEAL_KEY] = reveal_text((_url_reading().value or frozenset()) | {letter})
    note_revealed(letter)


def _read_prediction_text(raw: str, *, name: str) -> ParamReading[str]:
    """A typed prediction from the link, kept as written up to ``MAX_PREDICTION_CHARS``
    (judged later by :func:`softlse_app.sheet.judging.read_number_prediction`)."""
    if len(raw) <= MAX_PREDICTION_CHARS:
        return ParamReading(raw)
    return ParamReading(
        raw[:MAX_PREDICTION_CHARS],
        f"{param_text(name, raw)} is {len(raw):,} characters long; the box "
        f"keeps its first {MAX_PREDICTION_CHARS}.",
    )


def number_prediction_box(page: str, prediction: NumberPrediction, *, locked: bool) -> str:
    """The text box of a number prediction, bound to its query parameter (greyed when
    ``locked``: its answer is shown); returns its text."""
    adopt_query_param(
        page,
        prediction.key,
        partial(_read_prediction_text, name=prediction.key),
        "",
        is_valid=lambda value: isinstance(value, str) and len(value) <= MAX_PREDICTION_CHARS,
    )
    text = st.text_input(
        prediction.label,
        value="",
        key=prediction.key,
        bind="query-params",
        max_chars=MAX_PREDICTION_CHARS,
        placeholder="a number or a formula, e.g. 0.25, 1/4 or exp(-2)",
        disabled=locked,
    )
    return str(text or "")


def choice_prediction_radio(page: str, prediction: ChoicePrediction, *, locked: bool) -> str | None:
    """The options of a choice prediction, none picked at first, bound to its query
    parameter (greyed when ``locked``: its answer is shown); returns the option picked
    (``None``: none)."""
    options = prediction.options
    adopt_query_param(
        page,
        prediction.key,
        partial(read_choice, options=options, name=prediction.key),
        None,
        is_valid=lambda value: value is None or value in options,
    )
    choice = st.radio(
        prediction.label,
        options,
        index=None,
        captions=prediction.captions,
        key=prediction.key,
        bind="query-params",
        disabled=locked,
    )
    return None if choice is None else str(choice)
