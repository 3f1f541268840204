"""Controls shared by several pages, each bound to its query parameter.

Every function here creates one widget (or a widget and its sign switch) whose ``key`` is the
query parameter, after :mod:`softlse_app.common.url_state` has read the URL for it.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from softlse_app.common.url_params import (
    is_on_int_grid,
    read_flag,
    read_float_range,
    read_int_range,
    read_number_choice,
    read_signed_number_choice,
)
from softlse_app.common.url_state import adopt_query_param, adopt_signed_query_param

#: λ magnitudes on the slider: a 1–1.5–2–3–5–7 grid per decade from 0.01 to 1000, so the
#: sheet's 1, 10 and 100 are exact stops and neighbouring stops differ by at most a factor 5/3.
LAMBDA_MAGNITUDES: tuple[float, ...] = (
    *(
        float(f"{mantissa * 10.0**exponent:.6g}")
        for exponent in range(-2, 3)
        for mantissa in (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)
    ),
    1000.0,
)


def format_stop(value: float) -> str:
    """Slider label of a number stop (λ, extent): ``0.01``, ``1.5``, ``100``."""
    return f"{value:g}"


def lambda_control(
    page: str,
    *,
    key: str = "lam",
    sign_key: str = "neg",
    default: float = 1.0,
    label: str = "Inverse temperature λ (log scale)",
    allow_negative: bool = True,
    container: st.delta_generator.DeltaGenerator | None = None,
) -> float:
    """λ on a log scale (``LAMBDA_MAGNITUDES``) and, if ``allow_negative``, a switch for −λ
    (the soft minimum). Query parameters: ``lam`` (``?lam=10``, ``?lam=-10``) and ``neg``.

    Returns the signed λ.
    """
    where = container if container is not None else st
    reader = partial(read_signed_number_choice, magnitudes=LAMBDA_MAGNITUDES, name=key)
    adopt_signed_query_param(
        page, key, sign_key, reader, default, is_valid=lambda v: v in LAMBDA_MAGNITUDES
    )
    negative = False
    if allow_negative:
        adopt_query_param(
            page,
            sign_key,
            partial(read_flag, name=sign_key),
            False,
            is_valid=lambda v: isinstance(v, bool),
        )
    else:
        st.session_state.pop(sign_key, None)
    magnitude = where.select_slider(
        label,
        options=LAMBDA_MAGNITUDES,
        format_func=format_stop,
        value=default,
        key=key,
        bind="query-params",
        help="λ = 1/temperature. Larger λ: lse closer to max and softmax closer to one-hot.",
    )
    if allow_negative:
        negative = where.toggle(
            "Negative λ (soft minimum)",
            key=sign_key,
            bind="query-params",
            help="λ < 0 turns lse into a soft minimum and softmax onto the smallest entries.",
        )
    return -float(magnitude) if negative else float(magnitude)


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
    step: float,
    container: st.delta_generator.DeltaGenerator | None = None,
    help: str | None = None,
) -> float:
    """A number box for a real number in ``bounds``, bound to the query parameter ``key``:
    URL text outside the bounds (``1e999`` included) clamps with a note, text that is not a
    number (``abc``, ``nan``) is ignored with a note
    (:func:`softlse_app.common.url_params.read_float_range`)."""
    where = container if container is not None else st
    lo, hi = bounds
    reader = partial(read_float_range, lo=lo, hi=hi, name=key)
    adopt_query_param(
        page, key, reader, default, is_valid=lambda v: isinstance(v, float) and lo <= v <= hi
    )
    value = where.number_input(
        label,
        min_value=lo,
        max_value=hi,
        step=step,
        format="%g",
        value=default,
        key=key,
        bind="query-params",
        help=help,
    )
    return float(value)


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
