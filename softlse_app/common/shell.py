"""The app shell's guard for pages opened by a deep link on a fresh server.

Streamlit (1.67) decides per process, at its first session, whether an app with a ``pages/``
folder beside its main script uses the legacy folder-based navigation; only a call to
``st.navigation`` switches that off. So when the first visitor after ``streamlit run app.py``
opens a deep link (``/lse_vs_max?lam=10``), Streamlit runs ``pages/lse_vs_max.py`` directly —
without ``app.py``'s page configuration and navigation — and lists every file of the folder
("app, home, …") in the sidebar. :func:`require_app_navigation`, called first by every page,
switches the legacy mode off and reruns, so the same URL (with its query parameters) is served
through ``app.py``'s ``st.navigation``. Under ``app.py`` and under ``AppTest.from_file`` of a
page file the legacy mode is already off, and the guard does nothing.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_app_navigation() -> None:
    """Rerun through ``app.py`` if Streamlit is still in its legacy ``pages/``-folder mode."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
