"""Controls shared by several pages, each bound to its query parameter.

Every function here creates one widget (or a widget and its sign switch) whose ``key`` is the
query parameter, after :mod:`softlse_app.common.url_state` has read the URL for it.
"""

from __future__ import annotations

import math
from functools import partial

import streamlit as st

from softlse_app.common.number_format import format_signed
from softlse_app.common.url_params import (
    exact_number,
    is_on_int_grid,
    parse_number_text,
    read_flag,
    read_float_range,
    read_int_range,
    read_number_choice,
    read_signed_magnitude,
)
from softlse_app.common.url_state import (
    adopt_query_param,
    adopt_signed_query_param,
    mark_query_param_read,
    take_typed_value,
    write_query_param,
)

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


def format_stop(value: float) -> str:
    """Label of a number on a slider (λ, extent), and its text in the URL: up to 10
    significant digits, no trailing zeros (``0.01``, ``1.5``, ``100``, ``37.25``)."""
    return f"{value:.10g}"


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


def _forget_typed_text(key: str) -> None:
    """Callback of the slider and the sign switch: λ was set another way, so text in the box
    that could not be used gives way to the new λ."""
    st.session_state[_typed_note_key(key)] = None


def _take_typed_lambda(key: str, sign_key: str) -> None:
    """Callback of the exact-λ box: a usable number moves the slider (and the sign switch)
    there; anything else leaves λ alone and keeps the text, with a note."""
    text = st.session_state.get(_typed_key(key), "")
    current = math.copysign(st.session_state[key], -1.0 if st.session_state[sign_key] else 1.0)
    value, note = read_typed_lambda(text, current)
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
    label: str = "Inverse temperature λ (log scale)",
    container: st.delta_generator.DeltaGenerator | None = None,
) -> float:
    """λ on a log-scale slider (``LAMBDA_MAGNITUDES``), a box to type an exact λ, and a switch
    for −λ (the soft minimum). Query parameters: ``lam`` (``?lam=10``, ``?lam=37.5``,
    ``?lam=-10``) and ``neg``; the typed box writes the same ``lam`` and ``neg``.

    Returns the signed λ.
    """
    where = container if container is not None else st
    reader = partial(read_signed_magnitude, lo=LAMBDA_MIN, hi=LAMBDA_MAX, name=key)
    adopt_signed_query_param(page, key, sign_key, reader, default, is_valid=is_lambda_magnitude)
    adopt_query_param(
        page,
        sign_key,
        partial(read_flag, name=sign_key),
        False,
        is_valid=lambda v: isinstance(v, bool),
    )
    if st.session_state.pop(_typed_fresh_key(key), False):
        # set in code during the script, so the address follows in this run, not the next
        st.session_state[key] = st.session_state[key]
        st.session_state[sign_key] = st.session_state[sign_key]
    magnitude = where.select_slider(
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
    negative = bool(st.session_state[sign_key])
    signed = -float(magnitude) if negative else float(magnitude)
    typed_key, note_key = _typed_key(key), _typed_note_key(key)
    note = st.session_state.get(note_key)
    if note is None or typed_key not in st.session_state:
        # the box shows the λ in use, unless it holds text that could not be used
        st.session_state[typed_key] = format_stop(signed)
    box_column, sign_column = where.columns([1, 1], vertical_alignment="bottom")
    box_column.text_input(
        "Exact λ",
        key=typed_key,
        max_chars=32,
        on_change=_take_typed_lambda,
        args=(key, sign_key),
        help="Type any λ whose size is between 0.01 and 1000, e.g. 37 or -2.5 (negative: "
        "soft minimum), then press Enter.",
    )
    sign_column.toggle(
        "Negative λ",
        key=sign_key,
        bind="query-params",
        on_change=_forget_typed_text,
        args=(key,),
        help="λ < 0 (soft minimum) turns lse into a soft minimum and softmax onto the smallest "
        "entries.",
    )
    if note is not None:
        where.caption(f":material/edit_note: {note}")
    return signed


def log_choice_control(
    page: str,
    key: str,
    options: tuple[float, ...],
    default: float,
    label: str,
    *,
    container: st.delta_generator.DeltaGenerator | None = None,
    help: str | None = None,
) -> float:
    """A slider over ascending positive ``options`` (e.g. the grid's extent), bound to the
    query parameter ``key``: URL text between stops snaps to the nearest stop in log scale,
    text outside the range clamps to its end, text that is not a number is ignored — each with
    a note (:func:`softlse_app.common.url_params.read_number_choice`)."""
    where = container if container is not None else st
    reader = partial(read_number_choice, options=options, name=key, log_scale=True)
    adopt_query_param(page, key, reader, default, is_valid=lambda v: v in options)
    value = where.select_slider(
        label,
        options=options,
        format_func=format_stop,
        value=default,
        key=key,
        bind="query-params",
        help=help,
    )
    return float(value)


def float_box_control(
    page: str,
    key: str,
    bounds: tuple[float, float],
    default: float,
    label: str,
    *,
    symbol: str,
    step: float,
    container: st.delta_generator.DeltaGenerator | None = None,
    help: str | None = None,
) -> float:
    """A number box for a real number in ``bounds``, bound to the query parameter ``key``;
    ``symbol`` names the number in notes (``c``).

    URL text outside the bounds (``1e999`` included) clamps with a URL note, text that is not a
    number (``abc``, ``nan``) is ignored with a URL note
    (:func:`softlse_app.common.url_params.read_float_range`). A number typed into the box
    outside the bounds stays in the box as typed (the browser would otherwise refuse it with
    an error and silently keep the old value) and is clamped for use, with a warning under
    the box that says so: ``c = 5000 is outside −1000 to 1000; using c = 1000.``

    The box is not bound with ``bind="query-params"``: Streamlit would then seed it from the
    link's raw text (``?c=5000``) over the corrected value, since the box has no limits.
    It writes its value into the link itself (as Python's ``repr``: ``1000.0``; left out at
    the default).
    """
    where = container if container is not None else st
    lo, hi = bounds
    reader = partial(read_float_range, lo=lo, hi=hi, name=key)
    adopt_query_param(
        page, key, reader, default, is_valid=lambda v: isinstance(v, float) and not math.isnan(v)
    )
    value = float(
        where.number_input(
            label,
            step=step,
            format="%g",
            value=default,
            key=key,
            on_change=take_typed_value,
            args=(page, key),
            help=help,
        )
    )
    write_query_param(key, None if value == default else repr(value))
    used = min(max(value, lo), hi)
    if used != value:
        where.warning(
            f"{symbol} = {format_signed(value)} is outside {format_signed(lo)} to "
            f"{format_signed(hi)}; using {symbol} = {format_signed(used)}.",
            icon=":material/edit_note:",
        )
    return used


def int_grid_control(
    page: str,
    key: str,
    grid: tuple[int, int, int],
    default: int,
    label: str,
    *,
    container: st.delta_generator.DeltaGenerator | None = None,
    help: str | None = None,
) -> int:
    """A slider over the integers lo, lo + step, …, hi (``grid`` = (lo, hi, step), e.g. a
    resolution), bound to the query parameter ``key``: URL text off the grid is rounded to it
    and text outside [lo, hi] (``1000000000`` included) clamps, each with a note; text that is
    not a number is ignored with a note (:func:`softlse_app.common.url_params.read_int_range`)."""
    where = container if container is not None else st
    lo, hi, step = grid
    reader = partial(read_int_range, lo=lo, hi=hi, step=step, name=key)
    is_valid = partial(is_on_int_grid, lo=lo, hi=hi, step=step)
    adopt_query_param(page, key, reader, default, is_valid=is_valid)
    value = where.slider(
        label,
        min_value=lo,
        max_value=hi,
        step=step,
        value=default,
        key=key,
        bind="query-params",
        help=help,
    )
    return int(value)
