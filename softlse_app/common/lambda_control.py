"""The λ control every page uses: a log-scale slider for |λ|, a box to type an exact λ and a
switch for −λ (the soft minimum), bound to the query parameters ``lam`` and ``neg``, after
:mod:`softlse_app.common.url_state` has read the URL for them.
"""

from __future__ import annotations

import math
from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from softlse_app.common.controls import Place
from softlse_app.common.link_write_back import send_address_if_changed, stage_bound_value
from softlse_app.common.number_format import format_stop
from softlse_app.common.page_entry import is_history_navigation
from softlse_app.common.url_params import (
    exact_number,
    parse_number_text,
    read_signed_magnitude,
)
from softlse_app.common.url_state import (
    adopt_flag_query_param,
    adopt_signed_query_param,
    mark_query_param_read,
)

#: The λ slider's label unless a page names its λ otherwise.
LAMBDA_LABEL = "Inverse temperature λ (log scale)"

#: The sizes λ may take, on every page: lse is computed exactly over this whole range.
LAMBDA_MIN, LAMBDA_MAX = 0.01, 1000.0

#: λ magnitudes on the slider: a 1–1.5–2–3–5–7 grid per decade from 0.01 to 1000, so the
#: sheet's 1, 10 and 100 are exact stops and neighbouring stops differ by at most a factor 5/3.
#: Any other size in [LAMBDA_MIN, LAMBDA_MAX] can be typed; the slider then shows it as an
#: extra stop between its neighbours.
LAMBDA_MAGNITUDES: tuple[float, ...] = (
    *(
        float(f"{mantissa * 10.0**exponent:.6g}")
        for exponent in range(-2, 3)
        for mantissa in (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)
    ),
    LAMBDA_MAX,
)


def is_lambda_magnitude(value: object) -> bool:
    """Whether ``value`` is a size of λ the control can hold: a float in
    [LAMBDA_MIN, LAMBDA_MAX]."""
    return isinstance(value, float) and LAMBDA_MIN <= value <= LAMBDA_MAX


def lambda_stops(magnitude: float) -> tuple[float, ...]:
    """The slider's stops, with ``magnitude`` added in order when it is not one of them."""
    if magnitude in LAMBDA_MAGNITUDES:
        return LAMBDA_MAGNITUDES
    return tuple(sorted((*LAMBDA_MAGNITUDES, magnitude)))


def _typed_key(key: str) -> str:
    return f"{key}_typed"


def lambda_keys(key: str = "lam", sign_key: str = "neg") -> tuple[str, ...]:
    """The session-state keys of the λ control ``key`` with sign switch ``sign_key``: the
    slider, the switch and the typed box."""
    return (key, sign_key, _typed_key(key))


def _typed_note_key(key: str) -> str:
    return f"_{key}_typed_note"


def _typed_fresh_key(key: str) -> str:
    return f"_{key}_typed_fresh"


def read_typed_lambda(text: str, current: float) -> tuple[float | None, str | None]:
    """What a person typed into the exact-λ box: ``(λ, note)``.

    A number whose size lies in [LAMBDA_MIN, LAMBDA_MAX] is λ as typed (``37``, ``-2.5``,
    ``1e2``); a larger or smaller size is clamped, sign kept, with a note; ``0``, NaN, empty
    text and anything that is not a number give ``None`` and a note saying λ stays ``current``.
    """
    value = parse_number_text(text)
    keeps = f"λ stays {format_stop(current)}."
    if value is None:
        what = "The box is empty" if not text.strip() else "That is not a number"
        return None, f"{what}: type a number such as 37 or -2.5; {keeps}"
    if value == 0:
        return None, f"λ = 0 has no log-sum-exp (it divides by λ); {keeps}"
    size = abs(value)
    if LAMBDA_MIN <= size <= LAMBDA_MAX:
        return exact_number(value), None
    clamped = math.copysign(LAMBDA_MIN if size < LAMBDA_MIN else LAMBDA_MAX, value)
    return clamped, (
        f"λ must lie between {format_stop(LAMBDA_MIN)} and {format_stop(LAMBDA_MAX)} in size; "
        f"using {format_stop(clamped)}."
    )


def _signed_lambda(key: str, sign_key: str) -> float:
    """The λ of the control ``key`` as it stands in the session: the slider's size with the
    sign switch's sign."""
    magnitude = float(st.session_state[key])
    return -magnitude if st.session_state[sign_key] else magnitude


def _forget_typed_text(key: str) -> None:
    """Callback of the slider and the sign switch: λ was set another way, so text in the box
    that could not be used gives way to the new λ."""
    st.session_state[_typed_note_key(key)] = None


def _take_typed_lambda(key: str, sign_key: str) -> None:
    """Callback of the exact-λ box: a usable number moves the slider (and the sign switch)
    there; anything else leaves λ alone and keeps the text, with a note."""
    text = st.session_state.get(_typed_key(key), "")
    value, note = read_typed_lambda(text, _signed_lambda(key, sign_key))
    st.session_state[_typed_note_key(key)] = note
    if value is not None:
        st.session_state[key] = abs(value)
        st.session_state[sign_key] = value < 0
        # The address still says the λ of an earlier run: that text is the page's own, not a
        # link to read back over the typed λ. The run sets the value again in code before the
        # widget, which makes Streamlit write it into the address in this same run.
        mark_query_param_read(key)
        mark_query_param_read(sign_key)
        st.session_state[_typed_fresh_key(key)] = True


def lambda_control(
    page: str,
    *,
    key: str = "lam",
    sign_key: str = "neg",
    default: float = 1.0,
    label: str = LAMBDA_LABEL,
    container: Place | None = None,
) -> float:
    """λ on a log-scale slider (``LAMBDA_MAGNITUDES``) and under it, in one row, a box to type
    an exact λ and a switch for −λ (the soft minimum): :func:`lambda_slider`, then
    :func:`exact_lambda_inputs` in a row of their own and :func:`typed_lambda_note`.
    Query parameters: ``lam`` (``?lam=10``, ``?lam=37.5``, ``?lam=-10``) and ``neg``; the
    typed box writes the same ``lam`` and ``neg``.

    Returns the signed λ.
    """
    where = container if container is not None else st
    signed = lambda_slider(
        page, key=key, sign_key=sign_key, default=default, label=label, container=where
    )
    exact_lambda_inputs(lambda_row(where), key=key, sign_key=sign_key)
    typed_lambda_note(where, key=key)
    return signed


def lambda_row(where: Place) -> DeltaGenerator:
    """A row for the exact-λ box and the sign switch (and, on a page that wants them there,
    more controls): one horizontal container that wraps on a narrow screen. Columns would
    take three layout blocks, and every block is sent and rendered again on each rerun."""
    return where.container(horizontal=True, vertical_alignment="bottom", gap="small")


def lambda_slider(
    page: str,
    *,
    key: str = "lam",
    sign_key: str = "neg",
    default: float = 1.0,
    label: str = LAMBDA_LABEL,
    container: Place = st,
) -> float:
    """The log-scale slider of |λ| (``LAMBDA_MAGNITUDES``, with a typed size as an extra stop),
    after reading ``lam`` and ``neg`` from the link. Returns the signed λ: the sign is the
    switch's, which :func:`exact_lambda_inputs` draws after it."""
    reader = partial(read_signed_magnitude, lo=LAMBDA_MIN, hi=LAMBDA_MAX, name=key)
    # the switch first: a negative λ in the link (lam=-10) then turns it on over what the
    # switch's own parameter says, even where it is absent on Back or Forward (which alone
    # means "off")
    adopt_flag_query_param(page, sign_key)
    adopt_signed_query_param(page, key, sign_key, reader, default, is_valid=is_lambda_magnitude)
    typed = st.session_state.pop(_typed_fresh_key(key), False)
    if typed:
        # set in code during the script, so the address follows in this run, not the next;
        # the sign's parameter is staged so that both reach the address as one change (one
        # history entry), with the slider's change or just after it
        st.session_state[key] = st.session_state[key]
        st.session_state[sign_key] = st.session_state[sign_key]
        stage_bound_value(sign_key, st.session_state[sign_key])
    container.select_slider(
        label,
        options=lambda_stops(float(st.session_state[key])),
        format_func=format_stop,
        value=default,
        key=key,
        bind="query-params",
        on_change=_forget_typed_text,
        args=(key,),
        help="λ = 1/temperature. Larger λ: lse closer to max and softmax closer to one-hot.",
    )
    if typed:
        send_address_if_changed()  # only the sign changed: the slider sent nothing
    return _signed_lambda(key, sign_key)  # the slider's value is in the session by now


def exact_lambda_inputs(row: DeltaGenerator, *, key: str = "lam", sign_key: str = "neg") -> None:
    """The box to type an exact λ and the switch for −λ of the λ control ``key``, in ``row``
    (:func:`lambda_row`); call :func:`lambda_slider` first. The box shows the λ in use,
    unless it holds text that could not be used (:func:`typed_lambda_note` says why)."""
    typed_key = _typed_key(key)
    note_key = _typed_note_key(key)
    if typed_key not in st.session_state or is_history_navigation():
        # the text the note explains went while another page ran, or Back or Forward has set
        # λ from the address: a note "λ stays 5" would now contradict the page
        st.session_state[note_key] = None
    if st.session_state.get(note_key) is None or typed_key not in st.session_state:
        st.session_state[typed_key] = format_stop(_signed_lambda(key, sign_key))
    row.text_input(
        "Exact λ",
        key=typed_key,
        max_chars=32,
        on_change=_take_typed_lambda,
        args=(key, sign_key),
        help="Type any λ whose size is between 0.01 and 1000, e.g. 37 or -2.5 (negative: "
        "soft minimum), then press Enter.",
    )
    row.toggle(
        "Negative λ",
        key=sign_key,
        bind="query-params",
        on_change=_forget_typed_text,
        args=(key,),
        help="λ < 0 (soft minimum) turns lse into a soft minimum and softmax onto the smallest "
        "entries.",
    )


def typed_lambda_note(where: Place, *, key: str = "lam") -> None:
    """Why the exact-λ box's text was not used (or was clamped), under the λ control."""
    note = st.session_state.get(_typed_note_key(key))
    if note is not None:
        where.caption(f":material/edit_note: {note}")
