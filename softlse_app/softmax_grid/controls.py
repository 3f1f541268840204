"""Controls of the "softmax and one-hot" page, each bound to its query parameter.

- ``extent`` and ``res``: the square [−a, a]² and its grid, shared by every chart of the page.
- ``lams``: the λ list, a text box read by :func:`read_lams` (the same reader for the box and
  the link, so both get the same notes); ``ties``: the one-hot tie rule.
- ``glam``/``gneg`` (λ of the gradient section, :func:`lambda_control`) and ``px``/``py``: the
  point where the gradient is checked.
"""

from __future__ import annotations

from functools import partial

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from softlse_app.common.controls import (
    float_box_control,
    int_grid_control,
    log_choice_control,
)
from softlse_app.common.inert_text import show_message
from softlse_app.common.lambda_control import lambda_control
from softlse_app.common.number_list import format_number_list, read_number_list
from softlse_app.common.url_params import ParamReading, read_choice
from softlse_app.common.url_state import adopt_query_param, take_typed_value, url_notes
from softlse_core import TIE_RULES, TieRule

DEFAULT_LAMS = (1.0, 10.0, 100.0)
MAX_LAMS = 6
LAM_RANGE = (0.01, 1000.0)
#: The λ box's length limit. The browser drops a paste longer than that whole and says
#: nothing, so it is far above any list a person means: six λ pasted at full precision
#: (``-0.012345678901234567``) take about 150 characters, and a longer list gets the note
#: "used only the first 6 of … values".
LAMS_MAX_CHARS = 2000
# Odd counts keep the origin and the diagonal x = y on the grid. Each panel is PANEL_PX wide,
# so 101 points per axis already fill it; 401 is the most that a panel can show.
RES_RANGE = (21, 401, 20)
RES_DEFAULT = 101
EXTENTS = (0.5, 1.0, 2.0, 5.0, 10.0)
POINT_RANGE = 10.0
DEFAULT_POINT = (0.5, 0.25)

#: Query parameters read by the full page run, by the grid section and by the gradient section
#: (each section reruns on its own and shows the notes of its own parameters).
SQUARE_KEYS = ("extent", "res")
GRID_KEYS = ("lams", "ties")
GRADIENT_KEYS = ("glam", "gneg", "px", "py")

read_lams = partial(
    read_number_list, name="lams", lo=LAM_RANGE[0], hi=LAM_RANGE[1], max_count=MAX_LAMS
)


def read_lams_text(raw: str) -> ParamReading[str]:
    """``?lams=…`` read as a list, handed to the text box in its tidy form."""
    reading = read_lams(raw)
    tidy = None if reading.value is None else format_number_list(reading.value)
    return ParamReading(tidy, reading.note)


def square_controls(page: str) -> tuple[float, int]:
    """The extent a of the square [−a, a]² and the grid points per axis, side by side."""
    left, right = st.columns(2)
    extent = log_choice_control(
        page, "extent", EXTENTS, 1.0, "Extent a of the square [−a, a]²", container=left
    )
    res = int_grid_control(
        page, "res", RES_RANGE, RES_DEFAULT, "Grid points per axis", container=right
    )
    return float(extent), int(res)


def lambda_list_control(page: str, container: DeltaGenerator) -> tuple[float, ...]:
    """The λ list box; a typed list with unusable entries gets a note next to it (a list from
    the link gets its URL note instead), and the page falls back to :data:`DEFAULT_LAMS` when
    nothing in it is usable."""
    default = format_number_list(DEFAULT_LAMS)
    adopt_query_param(page, "lams", read_lams_text, default, lambda v: isinstance(v, str))
    text = container.text_input(
        "λ values (comma-separated, up to 6; negative = soft-min)",
        value=default,  # the widget's own default: a link's "1, 10, 100" leaves the address
        key="lams",
        bind="query-params",
        max_chars=LAMS_MAX_CHARS,
        on_change=take_typed_value,
        args=(page, "lams"),
        help="Each λ between 0.01 and 1000 in size, e.g. 0.5, 2, 50 or 1, -10.",
    )
    typed = read_lams(text, subject="The λ list")
    # Text from a link has its URL note (show_url_notes); the box's own note is for text
    # typed into it, which take_typed_value keeps from being read as a link.
    if typed.note is not None and not url_notes(page, ("lams",)):
        fallback = (
            "" if typed.value is not None else f" Showing {format_number_list(DEFAULT_LAMS)}."
        )
        show_message("warning", typed.note + fallback, icon=":material/edit_note:")
    return typed.value if typed.value is not None else DEFAULT_LAMS


def tie_control(page: str, container: DeltaGenerator) -> TieRule:
    """The one-hot panel's tie rule on the diagonal x = y."""
    adopt_query_param(
        page,
        "ties",
        partial(read_choice, options=TIE_RULES, name="ties"),
        TIE_RULES[0],
        TIE_RULES.__contains__,
    )
    ties: TieRule = container.radio(
        "One-hot ties on x = y",
        TIE_RULES,
        key="ties",
        bind="query-params",
        horizontal=True,
        help="split: ½ each, the true limit of softmax. first: numpy's argmax, as the sheet did.",
    )
    return ties


def gradient_controls(page: str) -> tuple[float, float, float]:
    """λ of the gradient section, then the check point (x, y) side by side."""
    lam = lambda_control(page, key="glam", sign_key="gneg", label="λ of the lse plot and the check")
    left, right = st.columns(2)
    boxes = ((left, "px", "x", DEFAULT_POINT[0]), (right, "py", "y", DEFAULT_POINT[1]))
    x, y = (
        float_box_control(
            page,
            key,
            (-POINT_RANGE, POINT_RANGE),
            default,
            f"Check point {name}",
            symbol=name,
            step=0.05,
            container=column,
        )
        for column, key, name, default in boxes
    )
    return lam, x, y
