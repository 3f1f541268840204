"""The bare page of ``benchmarks/bare_app.py`` with the app's garbage-collector freeze
(:mod:`softlse_app.common.gc_freeze`), as ``app.py`` does it: the floor a Streamlit page pays once
Streamlit's after-run full collection no longer walks the imported libraries.

``benchmarks/browser.py`` measures it beside the plain bare page, so the README can say how
much of the vector lab's speed comes from the freeze and how much from the page itself.
"""

from bare_app import bare_page  # Streamlit puts the script's folder on sys.path

from softlse_app.common.gc_freeze import freeze_loaded_modules

freeze_loaded_modules()
bare_page()
