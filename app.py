"""softlse, the soft-maximum explorer: entry point.

Run with ``streamlit run app.py``. Sets the page configuration, builds the navigation from
:mod:`softlse_ui.navigation` and runs the selected page.
"""

import streamlit as st

from softlse_ui.navigation import HOME, PAGES

st.set_page_config(
    page_title="softlse · soft-maximum explorer",
    page_icon=":material/functions:",
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
navigation.run()
