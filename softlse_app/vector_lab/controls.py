"""Controls of the "vector lab" page: the vector text box with the sheet's presets, the
offset c, the scale a and the section tabs, each bound to its query parameter (``v``, ``c``,
``a``, ``section``), and the cached reading of the box.

Ranges: c ∈ [−1000, 1000] and a ∈ [−100, 100]. a = 0 is allowed on purpose: a·σ = 0, so
softmax(a·σ, λ) = softmax(σ, 0) is the uniform distribution (the limit of flattening).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from softlse_app.common.controls import float_box_control
from softlse_app.common.url_params import ParamReading, read_choice
from softlse_app.common.url_state import adopt_query_param, mark_query_param_read
from softlse_app.vector_lab.readouts import PRESETS
from softlse_core import VectorParseError, parse_vector

DEFAULT_VECTOR = PRESETS["s1"]

#: Box text up to this length is kept in the URL (``?v=…``). Longer text (a pasted 10^4-entry
#: vector is ~100,000 characters) is left out: the server refuses request lines beyond about
#: 130,000 characters, and a bound box with such text made every rerun ~2.5 s slower in the
#: browser. So the box is not bound with ``bind="query-params"``: :func:`_sync_url` writes it.
URL_TEXT_LIMIT = 2_000

OFFSET_RANGE = (-1000.0, 1000.0)
SCALE_RANGE = (-100.0, 100.0)


def _read_box_text(raw: str) -> ParamReading[str]:
    """The box takes any text from the link as written; :func:`read_vector` judges it.
    (Streamlit itself ignores a whole query string longer than 524,288 characters.)"""
    return ParamReading(raw)


def _set_vector(text: str) -> None:
    """Button callback: put a preset's text into the box (runs before the rerun's script;
    the URL still holds the previous text, marked as read, and the rerun writes the preset)."""
    st.session_state["v"] = text


def vector_box(page: str) -> str:
    """The text box ``v`` and the preset buttons s1, s2, s3; returns the box's text."""
    adopt_query_param(
        page,
        "v",
        _read_box_text,
        DEFAULT_VECTOR,
        is_valid=lambda value: isinstance(value, str),
    )
    box, *buttons = st.columns([6, 1, 1, 1], vertical_alignment="bottom")
    text = str(
        box.text_input(
            "Vector σ",
            key="v",
            help="Numbers separated by commas, spaces or semicolons, optionally in [ ]; "
            "inf and -inf are allowed; at most 10,000 entries.",
        )
    )
    in_url = _sync_url(text)
    for column, (name, preset) in zip(buttons, PRESETS.items(), strict=True):
        column.button(
            name,
            key=f"preset_{name}",
            on_click=_set_vector,
            args=(preset,),
            help=f"The sheet's {name} = [{preset}]",
            width="stretch",
        )
    if not in_url:
        st.caption(
            f"This vector is longer than {URL_TEXT_LIMIT:,} characters, so it is not kept in "
            "the page's link."
        )
    return text


def _sync_url(text: str) -> bool:
    """Keep ``?v=`` equal to the box (left out for the default text and for text longer than
    ``URL_TEXT_LIMIT``), and mark what the URL now says as read so the next rerun does not
    read it back over the box. Returns whether the text is in the link."""
    in_url = len(text) <= URL_TEXT_LIMIT
    wanted = text if in_url and text != DEFAULT_VECTOR else None
    current = st.query_params.get_all("v")
    if wanted is None and current:
        del st.query_params["v"]
    elif wanted is not None and current != [wanted]:
        st.query_params["v"] = wanted
    mark_query_param_read("v")
    return in_url


def offset_control(page: str, container: st.delta_generator.DeltaGenerator) -> float:
    """The offset c (query parameter ``c``, default 0) in [−1000, 1000]."""
    return float_box_control(
        page,
        "c",
        OFFSET_RANGE,
        0.0,
        "Offset c (σ + c)",
        step=1.0,
        container=container,
        help="Adds c to every entry. softmax does not change; lse moves by c.",
    )


def scale_control(page: str, container: st.delta_generator.DeltaGenerator) -> float:
    """The scale a (query parameter ``a``, default 1) in [−100, 100]; 0 allowed (uniform)."""
    return float_box_control(
        page,
        "a",
        SCALE_RANGE,
        1.0,
        "Scale a (a·σ)",
        step=0.5,
        container=container,
        help="Multiplies every entry by a: the same as using a·λ instead of λ.",
    )


@st.cache_data(max_entries=32, show_spinner=False)
def read_vector(text: str) -> tuple[np.ndarray | None, str | None]:
    """``(σ, None)`` for readable text, ``(None, message)`` naming the problem otherwise."""
    try:
        return parse_vector(text), None
    except VectorParseError as exc:
        return None, str(exc)


def section_tabs(page: str, labels: Sequence[str]) -> list[tuple[bool, DeltaGenerator]]:
    """The page's tabs, bound to ``?section=<label>``: ``(open, container)`` per label.

    Only the open tab is filled (the tabs rerun the page when another is picked), so an edit
    redraws one section, not five. A ``section`` in the link that is no label leaves the first
    tab open, with a note. Case and spaces are forgiven (``?section=simplex``); the label is
    written back to the URL from the next run on, as for every value taken from a link
    (:func:`softlse_app.common.url_state.adopt_query_param`)."""
    adopt_query_param(
        page,
        "section",
        partial(read_choice, options=labels, name="section"),
        labels[0],
        is_valid=lambda value: value in labels,
    )
    tabs = st.tabs(list(labels), key="section", bind="query-params")
    return [(bool(tab.open), tab) for tab in tabs]
