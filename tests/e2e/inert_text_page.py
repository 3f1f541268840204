"""A test-only Streamlit page: every hostile payload (and a few hundred generated ones) shown
through the app's one message helper, each in its own keyed container, for
tests/e2e/test_e2e_inert_text.py to read in Chromium. Run by its own server, not by the app."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS), str(TESTS.parent)]

from hostile_text import PAYLOADS, fuzz_payloads  # noqa: E402

from softlse_app.common.inert_text import inert_code, show_message  # noqa: E402

#: Container key -> payload; the test recomputes the same mapping.
SHOWN = {
    **{f"named_{index}": text for index, text in enumerate(PAYLOADS.values())},
    **{f"fuzz_{index}": text for index, text in enumerate(fuzz_payloads(300))},
}

for key, text in SHOWN.items():
    with st.container(key=f"prose_{key}"):
        show_message("error", "Echo: ", text)
    with st.container(key=f"quote_{key}"):
        show_message("warning", f"URL parameter `p`={inert_code(text)} is not used.")
