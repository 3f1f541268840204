"""Controls shared by several pages, each bound to its query parameter: a log-scale choice
(the grid's extent), a box for a real number, a slider over integers, a section drawn only
while it is open. The λ control is
:mod:`softlse_app.common.lambda_control`.

Every function here creates one widget whose ``key`` is the query parameter, after
:mod:`softlse_app.common.url_state` has read the URL for it.
"""

from __future__ import annotations

import math
from functools import partial
from types import ModuleType

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from softlse_app.common.number_format import format_signed, format_stop
from softlse_app.common.page_entry import is_history_navigation, page_just_entered
from softlse_app.common.url_params import (
    is_on_int_grid,
    read_float_range,
    read_int_range,
    read_number_choice,
)
from softlse_app.common.url_state import (
    adopt_query_param,
    take_typed_value,
    write_query_param,
)


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


#: Where a control goes: a container, or the page itself (the ``streamlit`` module).
Place = DeltaGenerator | ModuleType

#: Session-state key: (page, box key) -> the number each box held in its page's last run.
_LAST_BOX_VALUES = "_softlse_last_box_values"


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
    notes: Place | None = None,
    help: str | None = None,
) -> float:
    """A number box for a real number in ``bounds``, bound to the query parameter ``key``;
    ``symbol`` names the number in notes (``c``). The box goes in ``container`` (default: the
    page), its warning in ``notes`` (default: under the box, in ``container``; a box in a
    horizontal row passes the page, so the warning goes under the row, not into it).

    URL text outside the bounds (``1e999`` included) clamps with a URL note, text that is not a
    number (``abc``, ``nan``) is ignored with a URL note
    (:func:`softlse_app.common.url_params.read_float_range`). A number typed into the box
    outside the bounds stays in the box as typed (the browser would otherwise refuse it with
    an error and silently keep the old value) and is clamped for use, with a warning under
    the box that says so: ``c = 5000 is outside −1000 to 1000; using c = 1000.`` An emptied
    box (the browser also empties it for text that is not a number) keeps the number it held,
    with a note (:func:`_take_typed_number`), instead of going to the default.

    The box is not bound with ``bind="query-params"``: Streamlit would then seed it from the
    link's raw text (``?c=5000``) over the corrected value, since the box has no limits.
    It writes its value into the link itself (as Python's ``repr``: ``1000.0``; left out at
    the default). Coming back to the page through the app's navigation, the box holds the
    number it held last (Streamlit keeps the bound controls' values that way, not this one's).
    """
    where = container if container is not None else st
    lo, hi = bounds
    reader = partial(read_float_range, lo=lo, hi=hi, name=key)
    last: dict[tuple[str, str], float] = st.session_state.setdefault(_LAST_BOX_VALUES, {})
    # Back on the page through the app's navigation (the sidebar, a page link without this
    # parameter): Streamlit kept the bound controls' parameters but not this box's (it is
    # not bound), and the box's state went while the other page ran. The box gets the number
    # it held last, as the bound controls do. Not on Back or Forward: the address it lands
    # on is the record; not in the page's later runs: the box's state is there.
    restore = (
        key not in st.session_state
        and key not in st.query_params
        and (page, key) in last
        and page_just_entered()
        and not is_history_navigation()
    )
    adopt_query_param(
        page, key, reader, default, is_valid=lambda v: isinstance(v, float) and not math.isnan(v)
    )
    if restore:
        st.session_state[key] = last[(page, key)]
    value = float(
        where.number_input(
            label,
            step=step,
            format="%g",
            # None: an emptied box reaches the callback as empty instead of being reset to
            # the default by the browser, so the callback can keep the number in use
            value=None,
            key=key,
            on_change=_take_typed_number,
            args=(page, key, symbol, default),
            help=help,
        )
    )
    write_query_param(key, None if value == default else repr(value))
    last[(page, key)] = value
    kept_note = st.session_state.pop(_kept_note_key(key), None)
    if kept_note is not None:
        (where if notes is None else notes).caption(f":material/edit_note: {kept_note}")
    used = min(max(value, lo), hi)
    if used != value:
        (where if notes is None else notes).warning(
            f"{symbol} = {format_signed(value)} is outside {format_signed(lo)} to "
            f"{format_signed(hi)}; using {symbol} = {format_signed(used)}.",
            icon=":material/edit_note:",
        )
    return used


def _kept_note_key(key: str) -> str:
    return f"_{key}_kept_note"


def _take_typed_number(page: str, key: str, symbol: str, default: float) -> None:
    """``on_change`` callback of :func:`float_box_control`'s box: as
    :func:`~softlse_app.common.url_state.take_typed_value`, and an emptied box (the browser
    also empties it for text that is not a number, such as ``abc`` or ``1e400``) gets back the
    number it held, with a note for the next run, instead of silently going to the default
    (c = 7 became 0, and ``?c`` left the address)."""
    take_typed_value(page, key)
    if st.session_state.get(key) is not None:
        return
    last: dict[tuple[str, str], float] = st.session_state.get(_LAST_BOX_VALUES, {})
    kept = last.get((page, key), default)
    st.session_state[key] = kept
    st.session_state[_kept_note_key(key)] = (
        f"The box {symbol} was empty or held no number; {symbol} stays {format_signed(kept)}."
    )


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


def open_section(label: str, *, key: str, icon: str) -> DeltaGenerator | None:
    """An expander bound to the query parameter ``key`` (``?key=true`` while open; read it
    first with :func:`softlse_app.common.url_state.adopt_flag_query_param`, before the page
    shows its link notes). Returns its container while it is open and ``None`` while it is
    closed, so the caller computes and draws what is inside only when someone looks at it:
    an edit elsewhere does not redraw a closed section, and opening it is one click.

    The label may change (the slice's names max or min with the sign of λ). Streamlit counts
    the label as part of an expander's identity, so a new label makes a new expander, which
    would start from the state its label had last time (reopening a section just closed, or
    the reverse): the state the section had under its last label is carried over."""
    last_label = f"_{key}_label"
    if st.session_state.get(last_label, label) != label and key in st.session_state:
        st.session_state[key] = bool(st.session_state[key])
    st.session_state[last_label] = label
    section = st.expander(label, key=key, bind="query-params", icon=icon)
    return section if section.open else None
