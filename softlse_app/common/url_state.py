"""URL state: every control's key is also its query parameter (``bind="query-params"``).

Streamlit itself drops a bound parameter it cannot use, silently. Before a bound widget is
created, :func:`adopt_query_param` reads the raw text with a reader from
:mod:`softlse_app.common.url_params`, puts the usable value (clamped or snapped) into session state,
and keeps a note for :func:`show_url_notes` when the text was not used as written — so a link
with ``lam=abc``, ``res=1000000000`` or a script tag never crashes a page and the person sees
why the view differs from the link.

A value taken from the link is then written back to the address bar in the page's own form —
corrected (``res=1000000000`` → 801, ``lam=8`` → 7), split (``lam=-10`` → ``lam=10&neg=true``)
or canonical (``lam=10.0`` → 10, ``neg=yes`` → true) — so a link copied later reproduces the
view. Streamlit writes a bound widget's value set in code only when that widget already existed
in an earlier run, so each page ends its script with :func:`write_corrected_link_values`, which
writes them in the link's own run (:mod:`softlse_app.common.link_write_back`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial
from typing import Any

import streamlit as st

from softlse_app.common.inert_text import show_message
from softlse_app.common.link_write_back import (
    seed_history_value,
    take_link_text,
    write_link_corrections,
)
from softlse_app.common.page_entry import is_history_navigation
from softlse_app.common.url_params import ParamReading, quote_raw, read_flag

_HANDLED = "_url_raw_handled"  # key -> last raw text read for it
_REWRITE = "_url_rewrite"  # key -> value taken from the link, set in code until the URL says it
_NOTES = "_url_notes"  # page -> {key: note}
_TAKEN = "_url_taken"  # keys whose link text this run hid from Streamlit's own reading


def _page_notes(page: str) -> dict[str, str]:
    notes: dict[str, dict[str, str]] = st.session_state.setdefault(_NOTES, {})
    return notes.setdefault(page, {})


def adopt_query_param(
    page: str,
    key: str,
    reader: Callable[[str], ParamReading[Any]],
    default: Any,
    is_valid: Callable[[Any], bool] = lambda _value: True,
    repair: Callable[[Any], Any] | None = None,
) -> None:
    """Prepare the session state of the widget ``key`` before it is created.

    - A value left in session state that this page's widget cannot show (another page used the
      same key with other options) is reset to ``default``.
    - ``repair`` is for a widget whose range follows another control (a slider over
      [−extent, extent]): a kept value outside the current range becomes ``repair(value)``
      (e.g. clamped into it) when that is valid, else ``default``; a kept value inside is set
      again in code, since Streamlit treats a slider with new bounds as a new widget, which
      would start at its minimum instead. Call :func:`mark_query_param_read` after creating
      the widget: Streamlit may write the value set in code into the URL.
    - Without a value, the widget starts at ``default``. Create the widget with
      ``value=default`` too: Streamlit leaves a bound widget's own default out of the URL, and
      an absent parameter must mean this same default. (Streamlit would log, once, that the
      widget also has a session-state value; ``.streamlit/config.toml`` turns that line off.)
    - New raw query text for ``key`` is read once with ``reader``: a usable value replaces the
      widget's, and a note (if any) is kept for :func:`show_url_notes` on ``page``. Text is new
      also when the widget has no state: after another page ran (Back or Forward to this
      page's address), the page shows what the address says — also where an earlier
      link's value had not been read back yet (it went with the state).
    - A value taken from the link is set again in code on every later run until the URL reads
      back, without a note, as that value (Streamlit then has written it) — or the parameter
      is gone and the value is the default. From then on the URL's text is the page's own: it
      is not read again as a new link, and the note about the link goes.
    """
    state_was_gone = key not in st.session_state
    if key in st.session_state and not is_valid(st.session_state[key]):
        repaired = None if repair is None else repair(st.session_state[key])
        del st.session_state[key]
        if repaired is not None and is_valid(repaired):
            st.session_state[key] = repaired
    elif key in st.session_state and repair is not None:
        st.session_state[key] = st.session_state[key]
    if key not in st.session_state:
        st.session_state[key] = default
    if state_was_gone:
        # the widget is new, or its state went while a page without it ran: either way the
        # address's text describes this view, so read it again (Back to a page's address)
        st.session_state.setdefault(_HANDLED, {}).pop(key, None)
    rewrite: dict[str, Any] = st.session_state.setdefault(_REWRITE, {})
    if state_was_gone:
        # a value taken from an earlier link and not yet read back went with the state:
        # the address's text is read anew, not mistaken for the page's own
        rewrite.pop(key, None)
    if key in rewrite:
        st.session_state[key] = st.session_state[key]

    raw_values = st.query_params.get_all(key)
    handled: dict[str, str] = st.session_state.setdefault(_HANDLED, {})
    if not raw_values:
        handled.pop(key, None)
        if is_history_navigation() and st.session_state[key] != default:
            # Back or Forward to an address without the parameter: it means the default, as
            # Streamlit will rule when the widget is drawn. Said now, because the page may read
            # the value before that (the sign switch, drawn after the λ it signs: Back from
            # ?lam=7&neg=true to ?lam=7 showed λ = −7 beside a switch that was off).
            st.session_state[key] = default
            rewrite.pop(key, None)
        if st.session_state[key] == default:
            rewrite.pop(key, None)
        return
    raw = raw_values[-1]
    if key in rewrite:
        own = reader(raw)
        if own.note is None and own.value == rewrite[key]:
            # the URL holds the value this page had written (or kept): not a new link
            seed_history_value(key, own.value)  # on Back or Forward, in Streamlit's form
            handled[key] = raw
            rewrite.pop(key)
            _page_notes(page).pop(key, None)
            return
    if handled.get(key) == raw and not is_history_navigation():
        return  # on Back or Forward the address is the record: read it again
    handled[key] = raw
    # the page reads this link text, not Streamlit (only here: text the page has read before
    # is its own, and Streamlit must seed a re-created widget from it)
    if take_link_text(key):
        st.session_state.setdefault(_TAKEN, set()).add(key)
    reading = reader(raw)
    if reading.value is not None:
        st.session_state[key] = reading.value
        rewrite[key] = reading.value
        seed_history_value(key, reading.value)
    note = reading.note
    if repeated := repeated_param_note(key, raw_values):
        note = repeated if note is None else f"{repeated} {note}"
    set_link_note(page, key, note)


def repeated_param_note(key: str, raw_values: Sequence[str]) -> str | None:
    """For a parameter given more than once (``?lam=2&lam=50``), the note that says which of
    its values the page reads (the last, as Streamlit does), so that it is never chosen
    silently; ``None`` for one value or none."""
    if len(raw_values) < 2:
        return None
    return (
        f"URL parameter `{key}` appears {len(raw_values)} times; the page reads the last, "
        f"{quote_raw(raw_values[-1])}."
    )


def set_link_note(page: str, key: str, note: str | None) -> None:
    """Keep ``note`` about the link's ``key`` for :func:`show_url_notes` on ``page`` (``None``
    drops it): for a control that reads the URL itself rather than through
    :func:`adopt_query_param`."""
    notes = _page_notes(page)
    if note is None:
        notes.pop(key, None)
    else:
        notes[key] = note


def adopt_flag_query_param(page: str, key: str) -> None:
    """:func:`adopt_query_param` for an on/off switch ``key`` (default off), read with
    :func:`~softlse_app.common.url_params.read_flag`."""
    adopt_query_param(
        page,
        key,
        partial(read_flag, name=key),
        False,
        is_valid=lambda v: isinstance(v, bool),
    )


def adopt_signed_query_param(
    page: str,
    key: str,
    sign_key: str,
    reader: Callable[[str], ParamReading[float]],
    default: float,
    is_valid: Callable[[Any], bool],
) -> None:
    """As :func:`adopt_query_param` for a magnitude widget ``key`` with a separate negative-sign
    switch ``sign_key``: a negative number in the URL (``lam=-10``) sets the magnitude and
    turns the switch on."""
    adopt_query_param(page, key, reader, default, is_valid)
    value = st.session_state[key]
    if isinstance(value, float) and value < 0:
        st.session_state[key] = -value
        st.session_state[sign_key] = True
        st.session_state.setdefault(_REWRITE, {}).update({key: -value, sign_key: True})
        seed_history_value(key, -value)
        seed_history_value(sign_key, True)


def url_notes(page: str, keys: Collection[str] | None = None) -> list[str]:
    """The notes kept for ``page`` (only those of ``keys``, if given), in the order the
    parameters were read."""
    notes = _page_notes(page)
    return [note for key, note in notes.items() if keys is None or key in keys]


def show_url_notes(page: str, keys: Collection[str] | None = None) -> None:
    """Show each kept note for ``page`` (only those of ``keys``, if given: a fragment shows the
    notes of its own controls, which its reruns may clear) as a warning
    (:func:`show_message`); a note quotes the raw parameter only as a literal code span
    (:func:`softlse_app.common.url_params.quote_raw`), never as Markdown or HTML."""
    for note in url_notes(page, keys):
        show_message("warning", note, icon=":material/link_off:")


def mark_query_param_read(key: str) -> None:
    """Treat the URL's current text for ``key`` as already read, so the next
    :func:`adopt_query_param` keeps the widget's value instead of reading that text back.

    For a page that writes ``st.query_params[key]`` itself (a widget that is not bound with
    ``bind="query-params"``), a callback that changes a widget's value while the URL still
    holds the previous text, or after a bound widget whose value was set in code (as
    :func:`adopt_query_param` does with ``repair``): Streamlit then writes that value into the
    URL itself, and it is the page's own text, not a link to read and note on the next run."""
    handled: dict[str, str] = st.session_state.setdefault(_HANDLED, {})
    raw_values = st.query_params.get_all(key)
    if raw_values:
        handled[key] = raw_values[-1]
    else:
        handled.pop(key, None)


def take_typed_value(page: str, key: str) -> None:
    """``on_change`` callback of a bound widget that a person types into (a text or number
    box): the new text in the address bar is what they typed, not a link. Streamlit has
    already written it there when the callback runs, so it is marked read — the next
    :func:`adopt_query_param` neither reads it back as a link (which would replace the typed
    text by its corrected form) nor notes it as a URL parameter — and an earlier link's note
    and pending write-back for ``key`` are dropped. The control itself then says, in words
    that name the box, what it did with text it could not use as typed."""
    mark_query_param_read(key)
    st.session_state.setdefault(_REWRITE, {}).pop(key, None)
    _page_notes(page).pop(key, None)


def write_query_param(key: str, text: str | None) -> None:
    """Make the address bar's ``key`` say ``text`` (``None``: leave it out), for a control that
    is not bound with ``bind="query-params"`` and writes its value itself; the text is the
    page's own, so the next :func:`adopt_query_param` does not read it back as a link."""
    current = st.query_params.get_all(key)
    if text is None and current:
        del st.query_params[key]
    elif text is not None and current != [text]:
        st.query_params[key] = text
    mark_query_param_read(key)


def write_corrected_link_values() -> None:
    """At the end of a page's script: put the values this page took from a link and set in
    code into the address bar now, in the page's own form, rather than with the person's first
    interaction (:mod:`softlse_app.common.link_write_back`), so a link copied at once
    reproduces the view."""
    taken: set[str] = st.session_state.setdefault(_TAKEN, set())
    write_link_corrections({*st.session_state.get(_REWRITE, {}), *taken})
    taken.clear()
