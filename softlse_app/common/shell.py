"""The app shell's guard for pages opened by a deep link on a fresh server — the app's one use
of a private Streamlit API, kept in this one function.

Streamlit (1.67) decides per process, at its first session, whether an app with a ``pages/``
folder beside its main script uses the legacy folder-based navigation
(``PagesManager.uses_pages_directory``); only a call to ``st.navigation`` switches that off. So
when the first visitor after ``streamlit run app.py`` opens a deep link (``/lse_vs_max?lam=10``),
Streamlit runs ``pages/lse_vs_max.py`` directly — without ``app.py``'s page configuration and
navigation — and lists every file of the folder ("app, home, …") in the sidebar.
:func:`require_app_navigation`, called first by every page, switches the legacy mode off and
reruns, so the same URL (with its query parameters) is served through ``app.py``'s
``st.navigation``. Under ``app.py`` and under ``AppTest.from_file`` of a page file the legacy
mode is already off, and the guard does nothing.

It fails safe: should a Streamlit upgrade rename or remove the attribute, the guard does
nothing. Every page is still served from ``/`` through ``app.py``'s navigation; only the first
deep link into a fresh server would show the page without the app's shell, until a visit to
``/``. ``tests/test_shell.py`` checks that the attribute still exists, so such an upgrade fails a
test that says what broke instead of breaking the app.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

#: The private class attribute the guard reads and clears (``bool | None`` in Streamlit 1.67).
LEGACY_PAGES_FLAG = "uses_pages_directory"


def legacy_pages_mode_is_on() -> bool:
    """Whether Streamlit is still in its legacy ``pages/``-folder mode; ``False`` when the
    private flag no longer exists (a Streamlit upgrade), so the guard then does nothing."""
    return getattr(PagesManager, LEGACY_PAGES_FLAG, None) is True


def require_app_navigation() -> None:
    """Rerun through ``app.py`` if Streamlit is still in its legacy ``pages/``-folder mode."""
    if legacy_pages_mode_is_on():
        setattr(PagesManager, LEGACY_PAGES_FLAG, False)
        st.rerun()
