"""Controls of the "vector lab" page, each bound to its query parameter: the vector text box
with the sheet's presets (``v``), the offset c (``c``), the scale a (``a``), the digits of the
tables (``digits``) and the section tabs (``section``); and the cached reading of the box.

Ranges: c ∈ [−1000, 1000] and a ∈ [−100, 100]. a = 0 is allowed on purpose: a·σ = 0, so
softmax(a·σ, λ) = softmax(σ, 0) is the uniform distribution (the limit of flattening).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from softlse_app.common.caching import cache_numbers
from softlse_app.common.controls import Place, float_box_control
from softlse_app.common.number_format import MAX_DIGITS
from softlse_app.common.page_entry import is_history_navigation, page_just_entered
from softlse_app.common.url_params import ParamReading, read_choice, read_int_range
from softlse_app.common.url_state import (
    adopt_flag_query_param,
    adopt_query_param,
    repeated_param_note,
    set_link_note,
)
from softlse_core import VectorParseError, parse_vector

#: The sheet's three vectors (question a), as the text a person would type.
PRESETS: dict[str, str] = {"s1": "1, 2, 3", "s2": "11, 12, 13", "s3": "10, 20, 30"}

DEFAULT_VECTOR = PRESETS["s1"]

#: Box text up to this length is kept in the URL (``?v=…``). Longer text (a pasted 10^4-entry
#: vector is ~100,000 characters) is left out: the server refuses request lines beyond about
#: 130,000 characters, and a bound box holding such text slowed every rerun in the browser.
#: So the box is not bound with ``bind="query-params"``: :func:`_sync_url` writes it.
URL_TEXT_LIMIT = 2_000

#: Session-state key of (the ``?v=`` text this page last left in the URL or ``None``, the box
#: text it was written for).
_SYNCED_V = "_vector_lab_v_synced"

OFFSET_RANGE = (-1000.0, 1000.0)
SCALE_RANGE = (-100.0, 100.0)

#: The digits choices of the tables: full precision, or numpy's print precision 1 … 17. A bound
#: select box writes its option's text into the link, so the options are the words a link
#: holds (``?digits=full+precision``; the default stays out of the link).
FULL_PRECISION = "full precision"
DIGITS_CHOICES: tuple[str, ...] = (FULL_PRECISION, *(str(d) for d in range(1, MAX_DIGITS + 1)))

#: The tables' default: numpy's default print precision, so the first view prints the sheet's
#: numbers (softmax(s1) = [0.09003057 0.24472847 0.66524096]) and columns compare by eye on a
#: phone; a link without ``digits`` (one made before this default, too) shows these digits.
DEFAULT_DIGITS = "8"

#: What the digits box's help says: the default, how to get full precision, and what the
#: columns keep in common (:func:`~softlse_app.common.number_format.format_columns`).
DIGITS_HELP = (
    "8, the default: as numpy prints by default, as in the sheet (at most 8 digits after the "
    "decimal point, or e-notation where numpy would use it); n: the same with n digits. Every "
    "entry of a vector column has the same number of decimals, and neighbouring columns of one "
    "kind (σ, σ + c, a·σ; the softmax columns) share one notation. Full precision (first in "
    "the list): the shortest decimal that reads back to the same double, each number on its "
    "own. The CSV downloads always hold full precision."
)


def _set_vector(text: str) -> None:
    """Button callback: put a preset's text into the box (runs before the rerun's script;
    the URL still holds the previous text, which :func:`_take_vector_from_url` knows as the
    page's own, and the rerun writes the preset)."""
    st.session_state["v"] = text


def _take_vector_from_url(page: str) -> None:
    """Put the URL's ``?v=`` text (the default vector when there is none) into the box when the
    URL says something this page did not write there — a link opened, Back or Forward in the
    browser (each committed vector is a history entry) — and the person has not typed since.
    Coming back to the page through the app's navigation (the sidebar, a page link without
    ``v``), the box shows the vector it showed last in this session, as the page's bound
    controls do. Otherwise the box keeps what the person typed, including a vector too long
    for the URL."""
    values = st.query_params.get_all("v")
    in_url = values[-1] if values else None
    set_link_note(page, "v", repeated_param_note("v", values))  # while the link repeats it
    synced = st.session_state.get(_SYNCED_V)
    if (
        in_url is None
        and synced is not None
        and page_just_entered()
        and not is_history_navigation()
        and st.session_state.get("v", synced[1]) == synced[1]
    ):
        # back through the app's navigation: Streamlit has dropped ``?v=`` (it keeps only
        # widget-bound parameters), so the box gets the vector this page showed last. (In
        # the fragment's later runs page_just_entered() still says True; a text typed there
        # differs from the last one shown and is kept.) Back or Forward to an address
        # without ``v`` means the default vector, which that address had.
        st.session_state["v"] = synced[1]
        return
    if "v" in st.session_state and synced is not None:
        written, box_text = synced
        if in_url == written or st.session_state["v"] != box_text:
            return
    st.session_state["v"] = DEFAULT_VECTOR if in_url is None else in_url


def vector_box(page: str) -> str:
    """The text box ``v`` and the preset buttons s1, s2, s3 in one row (they wrap under the
    box on a narrow screen); returns the box's text. (``page`` names the page for the
    controls' link notes; the box takes any text, so its only note is for a link that gives
    ``v`` more than once.)

    One horizontal container rather than columns: every layout block is one more message and
    one more component to render on each edit of the lab."""
    _take_vector_from_url(page)
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
    text = str(
        row.text_input(
            "Vector σ",
            key="v",
            help="Numbers separated by commas, spaces or semicolons, optionally in [ ]; "
            "finite numbers only; at most 10,000 entries.",
        )
    )
    in_url = _sync_url(text)
    for name, preset in PRESETS.items():
        row.button(
            name,
            key=f"preset_{name}",
            on_click=_set_vector,
            args=(preset,),
            help=f"The sheet's {name} = [{preset}]",
        )
    if not in_url:
        st.caption(
            f"This vector is longer than {URL_TEXT_LIMIT:,} characters, so it is not kept in "
            "the page's link."
        )
    return text


def _sync_url(text: str) -> bool:
    """Keep ``?v=`` equal to the box (left out for the default text and for text longer than
    ``URL_TEXT_LIMIT``) and remember what the URL now says. A new value becomes a new entry in
    the browser's history. Returns whether the text is in the link."""
    in_url = len(text) <= URL_TEXT_LIMIT
    wanted = text if in_url and text != DEFAULT_VECTOR else None
    current = st.query_params.get_all("v")
    if wanted is None and current:
        del st.query_params["v"]
    elif wanted is not None and current != [wanted]:
        st.query_params["v"] = wanted
    st.session_state[_SYNCED_V] = (wanted, text)
    return in_url


def offset_control(page: str, container: DeltaGenerator, notes: Place) -> float:
    """The offset c (query parameter ``c``, default 0) in [−1000, 1000]: the box in
    ``container``, a warning about a number out of range in ``notes``."""
    return float_box_control(
        page,
        "c",
        OFFSET_RANGE,
        0.0,
        "Offset c (σ + c)",
        symbol="c",
        step=1.0,
        container=container,
        notes=notes,
        help="Adds c to every entry. softmax does not change; lse moves by c.",
    )


def scale_control(page: str, container: DeltaGenerator, notes: Place) -> float:
    """The scale a (query parameter ``a``, default 1) in [−100, 100]; 0 allowed (uniform): the
    box in ``container``, a warning about a number out of range in ``notes``."""
    return float_box_control(
        page,
        "a",
        SCALE_RANGE,
        1.0,
        "Scale a (a·σ)",
        symbol="a",
        step=0.5,
        container=container,
        notes=notes,
        help="Multiplies every entry by a: the same as using a·λ instead of λ.",
    )


def read_digits(raw: str) -> ParamReading[str]:
    """Read ``?digits=``: ``full`` or ``full precision`` (any case) or a whole number, rounded
    and clamped into [1, 17] with a note; anything else is ignored with a note."""
    if " ".join(raw.lower().split()) in {"full", FULL_PRECISION}:
        return ParamReading(FULL_PRECISION)
    reading = read_int_range(raw, 1, MAX_DIGITS, name="digits")
    if reading.value is None:
        return ParamReading(
            None, (reading.note or "").replace("is not a number", "is not full or a number")
        )
    return ParamReading(str(reading.value), reading.note)


def digits_control(page: str, container: DeltaGenerator) -> int | None:
    """How many digits the tables show (query parameter ``digits``, default ``8``, numpy's
    default print precision, as in the sheet): ``None`` for full precision, else numpy's
    print precision."""
    adopt_query_param(page, "digits", read_digits, DEFAULT_DIGITS, DIGITS_CHOICES.__contains__)
    choice = container.selectbox(
        "Digits in the tables",
        DIGITS_CHOICES,
        index=DIGITS_CHOICES.index(DEFAULT_DIGITS),  # a bound widget's own default: no URL text
        key="digits",
        bind="query-params",
        help=DIGITS_HELP,
    )
    return None if choice == FULL_PRECISION else int(choice)


#: How :func:`softlse_core.parse_vector` ends its message on ``1e999``.
_OFFER_INFINITY = "; type inf or -inf if you mean infinity."


def parse_lab_vector(text: str) -> tuple[np.ndarray | None, str | None]:
    """``(σ, None)`` for readable text of finite numbers, ``(None, message)`` naming the problem
    otherwise.

    ``inf`` and ``-inf`` parse (:func:`softlse_core.parse_vector` takes them), but the lab
    refuses them: every table would show inf and nan (σ + c, a·σ with a = 0, the textbook
    column), which reads as if the page broke. The message names the first infinite entries
    by position.
    """
    try:
        sigma = parse_vector(text)
    except VectorParseError as exc:
        # the core offers infinity for a number beyond the float range; the lab takes none
        return None, str(exc).replace(_OFFER_INFINITY, "; every value must be a finite number.")
    infinite = np.flatnonzero(~np.isfinite(sigma))
    if infinite.size:
        shown = ", ".join(
            f"entry {k + 1} is {'inf' if sigma[k] > 0 else '-inf'}" for k in infinite[:3]
        )
        more = f" (and {infinite.size - 3} more)" if infinite.size > 3 else ""
        return None, (
            f"every value must be a finite number, but {shown}{more}. "
            "Type a large finite number instead, such as 1e300 or -1e300."
        )
    return sigma, None


#: :func:`parse_lab_vector`, cached: the page reads the same box text on every rerun.
read_vector = cache_numbers(max_entries=32)(parse_lab_vector)


def adopt_section(page: str, labels: Sequence[str]) -> None:
    """Read ``section`` (the open tab) from the link before the page shows its notes: a
    ``section`` that is no label leaves the first tab open, with a note. Case and spaces are
    forgiven (``?section=simplex``); the label is written back to the URL from the next run
    on, as for every value taken from a link
    (:func:`softlse_app.common.url_state.adopt_query_param`)."""
    adopt_query_param(
        page,
        "section",
        partial(read_choice, options=labels, name="section"),
        labels[0],
        is_valid=lambda value: value in labels,
    )


def section_tabs(labels: Sequence[str]) -> list[tuple[bool, DeltaGenerator]]:
    """The page's tabs, bound to ``?section=<label>``: ``(open, container)`` per label.

    Call :func:`adopt_section` first, once per run of the page (a second reading in the
    same run would take the forgiven spelling as already written back, and the URL would
    keep it); a rerun of the tabs alone (a tab click) needs no reading. Only the open tab is
    filled (the tabs rerun when another is picked), so an edit computes and redraws one
    section, not five."""
    tabs = st.tabs(list(labels), key="section", bind="query-params")
    return [(bool(tab.open), tab) for tab in tabs]


#: Key (and query parameter) of the "Offset and scale" tab's proof section: open or closed.
PROOF_KEY = "proof"


def adopt_proof_open(page: str) -> None:
    """Read ``proof`` (whether the proof under the offset/scale verdicts is open; closed by
    default) from the link before the page shows its notes."""
    adopt_flag_query_param(page, PROOF_KEY)
