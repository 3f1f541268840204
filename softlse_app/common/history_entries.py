"""Browser history that Back and Forward can use: one entry per view a person saw.

When a person leaves a page through the navigation, Streamlit's frontend (1.67) unregisters the
page's URL-bound controls and pushes the page's address with those parameters stripped (and
sometimes the full address again) before the new page's address. Back from the new page then
lands on the stripped entry, and the old page shows its defaults instead of what the person
left. Then the new page's address is pushed once per parameter it fills in, so Back needs
several steps to leave it. A small static script of ours, for a few seconds after a click on a
navigation link, turns a push that strips the old page's address (same path, query parameters a
subset of the current ones) into a replacement that keeps it whole, and the new page's further
pushes into replacements; at any time it turns a push that repeats the current address into a
replacement. A page link that carries parameters (the sheet's links into the vector lab) has
them pushed first on the old page's path, then the new page's address: the first push stays, as
the new page's entry, and the ones after it replace it, so Back from the new page returns to
the old page's full address, not to the old path with the link's parameters. So each page visit
is one history entry holding the page's full address. Every other push is untouched (a vector
the vector lab writes itself), and Back/Forward rerun the page from the address they land on,
as Streamlit does on ``popstate`` — where
:func:`softlse_app.common.url_state.adopt_query_param` reads that address again, since the
page's controls lost their state while another page ran. The script never reads or writes user
text.
"""

from __future__ import annotations

import streamlit as st

_KEEP_FULL_ENTRIES_JS = """
<script>
(() => {
  if (window.__softlseHistory) return;
  window.__softlseHistory = true;
  const push = history.pushState.bind(history);
  const replace = history.replaceState.bind(history);
  const NAV_LINKS = '[data-testid="stSidebarNavLink"], [data-testid="stPageLink-NavLink"]';
  let movingUntil = 0;
  let arrived = false;
  let interim = false;
  let linkParams = null;  // the clicked link's own query parameters (none: null)
  document.addEventListener('click', (event) => {
    const link = event.target.closest ? event.target.closest(NAV_LINKS) : null;
    if (link) {
      movingUntil = Date.now() + 10000;
      arrived = false;
      interim = false;
      const params = new URL(link.href, location.href).searchParams;
      linkParams = [...params].length ? params : null;
    }
  }, true);
  // whether the address `url` holds every parameter of `params` (a URLSearchParams)
  const carries = (url, params) => {
    for (const [key, value] of params) {
      if (!url.searchParams.getAll(key).includes(value)) return false;
    }
    return true;
  };
  history.pushState = (state, title, url) => {
    if (url !== undefined && url !== null) {
      const next = new URL(url, location.href);
      const here = new URL(location.href);
      const samePath = next.origin === here.origin && next.pathname === here.pathname;
      const moving = Date.now() < movingUntil;
      // a push that repeats the current address adds a Back step that changes nothing
      if (samePath && next.search === here.search) return replace(state, title, location.href);
      if (moving && samePath && !arrived && !interim && carries(here, next.searchParams)) {
        // leaving: the old page's controls unregister and strip its address; keep it whole
        return replace(state, title, location.href);
      }
      if (moving && interim) {
        // the interim entry below becomes the new page's: the old page's stays as it was
        if (!samePath) arrived = true;
        return replace(state, title, url);
      }
      if (moving && samePath && !arrived && linkParams && carries(next, linkParams)) {
        // a page link's own parameters, pushed on the old page's path before the page
        // changes: a new entry (the old page's stays whole below it) that the pushes to come
        // replace, the new page's address last
        interim = true;
        return push(state, title, url);
      }
      if (moving && samePath && arrived) {
        // arriving: the new page fills in its parameters one by one; one entry for the page
        return replace(state, title, url);
      }
      if (moving && !samePath) arrived = true;
    }
    return push(state, title, url);
  };
})();
</script>
"""


def keep_full_history_entries() -> None:
    """Add the script that keeps each page's history entry with its full query string."""
    st.html(_KEEP_FULL_ENTRIES_JS, unsafe_allow_javascript=True, width="content")
