"""Links too long for the app: a note instead of a silent default view, where Streamlit lets
the app see it.

What happens to an oversized link (Streamlit 1.67 on uvicorn, measured in
``tests/e2e/test_e2e_oversized_links.py``):

- A request line past about 128 KiB is refused by the HTTP server (uvicorn's h11 parser)
  with a bare "400 Invalid HTTP request received." before any app code runs. Streamlit has no
  setting for that limit or that page, so the app cannot answer it; behind the class server's
  HAProxy the limit is about 16 KB and the bare page is HAProxy's (its ``errorfile`` is not
  used for a request too large for its buffer). The README says so. The app itself never
  writes such a link: the vector lab leaves a vector longer than 2,000 characters out of it.
- A query string the page did load, but with more than ``MAX_QUERY_FIELDS`` parameters or
  more than ``MAX_QUERY_CHARS`` characters, is dropped whole by Streamlit's server: the
  session gets no parameters at all, and the page would show its defaults without a word.
  The server never shows the app that text, so a small static script of ours checks the
  address the browser loaded against the same two limits and, if it is over, reopens the page
  with ``?link_too_long=<parameters>,<characters>`` instead; :func:`notice_oversized_link`
  turns that into a note saying the link was too long and how to share the view instead.
  The script reads only the address's length and its count of ``&``; it never shows or sends
  the address itself.
"""

from __future__ import annotations

import streamlit as st

from softlse_app.common.inert_text import show_message

#: Streamlit 1.67 drops a query string with more parameters than this
#: (``streamlit.runtime.state.query_params.CLIENT_STATE_QUERY_STRING_MAX_FIELDS``; a test
#: checks they agree).
MAX_QUERY_FIELDS = 1000
#: … or with more characters than this (``CLIENT_STATE_QUERY_STRING_MAX_LENGTH``).
MAX_QUERY_CHARS = 512 * 1024
#: The query parameter the script reopens the page with: "<parameters>,<characters>".
OVERSIZED_PARAM = "link_too_long"
_NOTE = "_oversized_link_note"  # session state: (page url path, note)

_CHECK_LOADED_ADDRESS_JS = f"""
<script>
(() => {{
  if (window.__softlseLinkCheck) return;
  window.__softlseLinkCheck = true;
  const loaded = performance.getEntriesByType('navigation')[0];
  const query = new URL(loaded ? loaded.name : location.href).search.slice(1);
  if (!query) return;
  const fields = query.split('&').length;  // as Streamlit counts them: '&' + 1
  if (fields > {MAX_QUERY_FIELDS} || query.length > {MAX_QUERY_CHARS}) {{
    location.replace(location.pathname + '?{OVERSIZED_PARAM}=' + fields + ',' + query.length);
  }}
}})();
</script>
"""


def oversized_link_note(raw: str) -> str:
    """The note for ``?link_too_long=<parameters>,<characters>`` (numbers the script wrote;
    anything else gives the same note without them)."""
    parts = raw.split(",")
    sizes = ""
    if len(parts) == 2 and all(part.isdigit() and len(part) <= 9 for part in parts):
        fields, chars = (int(part) for part in parts)
        sizes = (
            f" ({fields:,} parameters and {chars:,} characters; the app reads at most "
            f"{MAX_QUERY_FIELDS:,} parameters and {MAX_QUERY_CHARS:,} characters)"
        )
    return (
        f"The link you opened was too long for the app to read{sizes}, so this page shows "
        "its default view. To share a view, set it up here and copy the address bar: the "
        "app writes short links (a long vector is left out of the link — paste it into the "
        "vector box instead)."
    )


def notice_oversized_link(page: str) -> None:
    """Check the loaded address for an oversized query string (the script), and on the page
    it reopened show the note until the person moves to another page. Call it in the shell,
    on every run, with the URL path of the page about to run."""
    st.html(_CHECK_LOADED_ADDRESS_JS, unsafe_allow_javascript=True, width="content")
    raw = st.query_params.get(OVERSIZED_PARAM)
    if raw is not None:
        st.session_state[_NOTE] = (page, oversized_link_note(raw))
        del st.query_params[OVERSIZED_PARAM]  # a copied link must not carry the note
    kept = st.session_state.get(_NOTE)
    if kept is None:
        return
    if kept[0] != page:
        del st.session_state[_NOTE]
        return
    show_message("warning", kept[1], icon=":material/link_off:")
