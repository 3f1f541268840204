"""Vector lab (sheet question a): what an offset c, a scale a and the temperature do to
softmax(σ, λ) and lse(σ, λ) of a vector you type, and why the stable algorithm is needed.

Layout only. Below the introduction the page is one fragment (an edit reruns only it), and
the tabs a fragment inside it (a tab click reruns only them).
The controls are in softlse_app.vector_lab.controls; each tab (only the open one
is computed and drawn) in softlse_app.vector_lab.sections, with its numbers, charts and tables
beside it in that folder.
Query parameters: v (the vector text), lam and neg (λ), c (offset), a (scale), digits (of the
tables), section (tab), proof (the offset/scale proof open).
"""

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

import streamlit as st

from softlse_app.common.fragment_sync import record_fragment_inputs, rerun_page_if_fragment_missed
from softlse_app.common.inert_text import show_message
from softlse_app.common.lambda_control import (
    exact_lambda_inputs,
    lambda_keys,
    lambda_row,
    lambda_slider,
    typed_lambda_note,
)
from softlse_app.common.shell import require_app_navigation
from softlse_app.common.url_state import show_url_notes, write_corrected_link_values
from softlse_app.vector_lab.controls import (
    adopt_proof_open,
    adopt_section,
    digits_control,
    offset_control,
    read_vector,
    scale_control,
    section_tabs,
    vector_box,
)
from softlse_app.vector_lab.numbers import LabState
from softlse_app.vector_lab.reading_notes import read_notes
from softlse_app.vector_lab.sections import SECTIONS

require_app_navigation()

PAGE = "vector_lab"

st.title("Vector lab")
st.markdown(
    # no link to the sheet here: Streamlit opens a Markdown link in a new tab, a second
    # session; the sidebar has the sheet, and the buttons beside the box its three vectors
    "Type a vector σ (or take s1, s2 or s3 of the exercise sheet's question (a) with the "
    "buttons beside the box) and see what adding an offset c, rescaling by a and changing the "
    "inverse temperature λ do to softmax(σ, λ) and lse(σ, λ)."
)


SECTION_LABELS = [section.label for section in SECTIONS]

#: The fragment lab_body and its controls' keys (the tabs rerun the page when one changed
#: without lab_body running: softlse_app.common.fragment_sync).
CONTROLS_FRAGMENT = "vector_lab controls"
CONTROL_KEYS = ("v", *lambda_keys(), "c", "a", "digits")

#: Session-state flag: this run of lab_body has read the tabs' links (lab_sections need not).
_LINKS_READ = "_vector_lab_section_links_read"


def read_section_links() -> None:
    """Read ``section`` and ``proof`` from the link, once per run: a second reading in the same
    run would take a forgiven spelling (``?section=simplex``) as already written back."""
    adopt_section(PAGE, SECTION_LABELS)
    adopt_proof_open(PAGE)


@st.fragment
def lab_body() -> None:
    """Everything a control changes, as one fragment: an edit reruns and redraws this part
    only, while the title, the introduction and the app's shell stay as they are."""
    text = vector_box(PAGE)
    lam = lambda_slider(PAGE)
    # one wrapping row rather than columns: fewer layout blocks to send and draw per edit
    row = lambda_row(st)
    exact_lambda_inputs(row)
    c = offset_control(PAGE, row, notes=st)  # a warning under the row, not in it
    a = scale_control(PAGE, row, notes=st)
    digits = digits_control(PAGE, row)
    typed_lambda_note(st)
    record_fragment_inputs(CONTROLS_FRAGMENT, CONTROL_KEYS)
    read_section_links()  # before the notes, which may be about them
    sigma, problem = read_vector(text)
    show_url_notes(PAGE)
    if sigma is None:
        show_message("error", "Cannot read the vector: ", problem, icon=":material/error:")
    else:
        for note in read_notes(text, sigma.size):
            show_message("info", note, icon=":material/info:")
    state = None if sigma is None else LabState.of(sigma, lam, c, a, digits)
    st.session_state[_LINKS_READ] = True  # set last: lab_sections, called next, pops it
    lab_sections(state)


@st.fragment
def lab_sections(state: LabState | None) -> None:
    """The tabs, only the open one drawn. A fragment inside :func:`lab_body`: a tab click (or
    the proof opened) reruns only this part with the ``state`` of the last edit, while the
    controls above, which did not change, are neither rerun nor redrawn. If one of them did
    change in the same browser message (a box left by clicking a tab), the page reruns."""
    rerun_page_if_fragment_missed(CONTROLS_FRAGMENT)
    if not st.session_state.pop(_LINKS_READ, False):  # this fragment reruns alone
        read_section_links()
    tabs = section_tabs(SECTION_LABELS)
    for section, (is_open, tab) in zip(SECTIONS, tabs, strict=True):
        if not is_open:
            continue
        with tab:
            if state is None:
                st.info("Fix the text in the box above; this section appears once it is readable.")
            else:
                section.render(state)


lab_body()

write_corrected_link_values()  # a link's corrected values reach the address bar now
