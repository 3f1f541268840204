"""A page whose connection comes back runs again at once, so its fragments work on a new server.

When a worker process dies (or is killed as hung, or a pod is replaced), the browser
reconnects, through the proxy, to another worker, in a new session that has not run the page.
Streamlit's frontend (1.67) asks the server for a run on reconnecting only in some cases: a run
was going on, the last run was a fragment's, or the page has a fragment with ``run_every``. A
page whose last run was a whole-page run, as after the person's last change of a vector, asked
for none; then every move of a control inside a fragment (the vector lab's λ, c, a, tabs)
sent a fragment rerun that the new session does not know ("The fragment with id … does not
exist anymore"), and was dropped: the controls moved, the page never redrew.

So every page defines one fragment with ``run_every`` that draws nothing (in a container the
page style hides). Its interval (a day) never matters; its presence makes the frontend ask
for a whole-page run on every reconnect, with the controls' current values, and that run
registers the page's fragments in the new session. It costs a run only on a reconnect, and
about 0.4 ms of every whole run (the fragment's set-up; README, "Deploy for a class").
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

#: The key of the container that holds the fragment; the page style takes it out of the layout.
RECONNECT_CONTAINER_KEY = "softlse_rerun_on_reconnect"

#: How often the empty fragment reruns: it does nothing, so only rarely (Streamlit's frontend
#: keeps the interval in a ``setInterval``, whose longest delay is about 24.8 days).
_INTERVAL = dt.timedelta(days=1)


@st.fragment(run_every=_INTERVAL)
def _nothing_every_day() -> None:
    """Draws nothing: being a fragment with ``run_every`` is its whole purpose."""


def rerun_page_on_reconnect() -> None:
    """Make the frontend rerun the whole page when its connection to the server comes back
    (module doc). Call on every whole-page run, before the page runs."""
    with st.container(key=RECONNECT_CONTAINER_KEY):
        _nothing_every_day()
