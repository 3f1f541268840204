"""Page "Softmax and one-hot" (sheet 7, question c): σ₁ and σ₂ of softmax((x, y), λ) for a list
of λ next to the one-hot argmax, and the gradient of lse (∇lse = softmax, derived on request).

Layout only: controls, numbers, figures and text live in :mod:`softlse_app.softmax_grid`.
"""

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

import streamlit as st

from softlse_app.common.shell import require_app_navigation
from softlse_app.common.url_state import show_url_notes, write_corrected_link_values
from softlse_app.softmax_grid.controls import SQUARE_KEYS, square_controls
from softlse_app.softmax_grid.explanations import INTRO, derivation, reading_the_grid
from softlse_app.softmax_grid.sections import gradient_section, grid_section

require_app_navigation()

PAGE = "softmax_grid"

st.title("Softmax and one-hot")
st.markdown(INTRO)
extent, res = square_controls(PAGE)
show_url_notes(PAGE, SQUARE_KEYS)
grid_section(PAGE, extent, res)
reading_the_grid()

st.header("The gradient of lse (sheet question c)")
gradient_section(PAGE, extent, res)
derivation()

write_corrected_link_values()  # a link's corrected values reach the address bar now
