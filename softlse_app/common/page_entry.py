"""Whether this run of a page is the first since the session came to it from another page.

Streamlit keeps a page's widget-bound query parameters when the person leaves the page and
comes back through the app's navigation, but drops every other one: the sheet's
``?reveal=a,b`` (the URL is the record of its reveals, see
:mod:`softlse_app.sheet.progress`) was lost on the way back. A page that keeps such a
parameter asks :func:`page_just_entered` whether to restore it from the session: on a rerun
of the same page (Back/Forward between its own history entries included) the address bar is
right as it is. The vector lab's ``?v=`` is restored the same way, except on a run that comes
from Back or Forward (:func:`is_history_navigation`): the address it lands on is the record.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

__all__ = ["is_history_navigation", "note_page_run", "page_just_entered"]

#: Session-state keys: the page of the last run, and whether this run entered its page.
_CURRENT_PAGE = "_softlse_current_page"
_ENTERED = "_softlse_page_entered"


def note_page_run(url_path: str) -> None:
    """Record that the page ``url_path`` runs now (the entry point calls this every run)."""
    st.session_state[_ENTERED] = st.session_state.get(_CURRENT_PAGE) != url_path
    st.session_state[_CURRENT_PAGE] = url_path


def page_just_entered() -> bool:
    """True when this run's page differs from the last run's (or the session is new); False
    when the entry point did not record the run (a page run on its own has no navigation)."""
    return bool(st.session_state.get(_ENTERED, False))


def is_history_navigation() -> bool:
    """True when this run comes from the browser's Back or Forward (Streamlit 1.67 marks such
    runs in its script-run context, not a public API: False where it cannot be read)."""
    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))
