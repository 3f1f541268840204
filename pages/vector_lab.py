"""Vector lab (sheet question a): what an offset c, a scale a and the temperature do to
softmax(σ, λ) and lse(σ, λ) of a vector you type, and why the stable algorithm is needed.

Layout only. Below the introduction the page is one fragment (an edit reruns only it).
The controls are in softlse_app.vector_lab.controls; each tab (only the open one
is computed and drawn) in softlse_app.vector_lab.sections, with its numbers, charts and tables
beside it in that folder.
Query parameters: v (the vector text), lam and neg (λ), c (offset), a (scale), digits (of the
tables), section (tab), proof (the offset/scale proof open).
"""

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

import streamlit as st

from softlse_app.common.inert_text import show_message
from softlse_app.common.lambda_control import lambda_control
from softlse_app.common.shell import require_app_navigation
from softlse_app.common.url_state import show_url_notes
from softlse_app.vector_lab.controls import (
    adopt_proof_open,
    digits_control,
    offset_control,
    read_vector,
    scale_control,
    section_tabs,
    vector_box,
)
from softlse_app.vector_lab.numbers import LabState
from softlse_app.vector_lab.sections import SECTIONS

require_app_navigation()

PAGE = "vector_lab"

st.title("Vector lab")
st.markdown(
    "Type a vector σ (or take s1, s2 or s3 from question (a) of the [exercise sheet](sheet)) "
    "and see what adding an offset c, rescaling by a and changing the inverse temperature λ do "
    "to softmax(σ, λ) and lse(σ, λ)."
)


@st.fragment
def lab_body() -> None:
    """Everything a control changes, as one fragment: an edit reruns and redraws this part
    only, while the title, the introduction and the app's shell stay as they are."""
    text = vector_box(PAGE)
    lam_column, offset_column, scale_column, digits_column = st.columns([2, 1, 1, 1])
    lam = lambda_control(PAGE, container=lam_column)
    c = offset_control(PAGE, offset_column)
    a = scale_control(PAGE, scale_column)
    digits = digits_control(PAGE, digits_column)
    messages = st.container()  # above the tabs, filled once every parameter has been read
    tabs = section_tabs(PAGE, [section.label for section in SECTIONS])
    adopt_proof_open(PAGE)
    sigma, problem = read_vector(text)
    with messages:
        show_url_notes(PAGE)
        if sigma is None:
            show_message("error", "Cannot read the vector: ", problem, icon=":material/error:")

    for section, (is_open, tab) in zip(SECTIONS, tabs, strict=True):
        if not is_open:
            continue
        with tab:
            if sigma is None:
                st.info("Fix the text in the box above; this section appears once it is readable.")
            else:
                section.render(LabState.of(sigma, lam, c, a, digits))


lab_body()
