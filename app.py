"""softlse, the soft-maximum explorer: entry point.

Run with ``streamlit run app.py``. Sets the page configuration, builds the navigation from
:mod:`softlse_app.common.navigation` and runs the selected page. First of all, the process is
warmed up once (:mod:`softlse_app.common.warm_up`: every library and module a page uses is
imported before concurrent first visitors can race on it); then what is loaded is frozen out of
the garbage collector's way (:mod:`softlse_app.common.gc_freeze`), so Streamlit's full
collection after every run does not walk it.
"""

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

import streamlit as st

from softlse_app.common.commit_before_navigation import send_typed_text_before_navigation
from softlse_app.common.gc_freeze import freeze_loaded_modules
from softlse_app.common.history_entries import keep_full_history_entries
from softlse_app.common.navigation import HOME, PAGES, favicon_data_url
from softlse_app.common.oversized_links import notice_oversized_link
from softlse_app.common.page_entry import note_page_run
from softlse_app.common.page_style import apply_page_style
from softlse_app.common.reconnect import rerun_page_on_reconnect

freeze_loaded_modules()

st.set_page_config(
    page_title="softlse · soft-maximum explorer",
    # the app's own icon (a Material icon would be fetched from Google), as a data: URL
    page_icon=favicon_data_url(),
    layout="wide",
)

navigation = st.navigation(
    [
        st.Page(str(HOME.path), title=HOME.title, icon=HOME.icon, default=True),
        *(
            st.Page(str(entry.path), title=entry.title, icon=entry.icon, url_path=entry.url_path)
            for entry in PAGES
        ),
    ]
)
apply_page_style()
keep_full_history_entries()
send_typed_text_before_navigation()
rerun_page_on_reconnect()
notice_oversized_link(navigation.url_path)
note_page_run(navigation.url_path)
navigation.run()
