"""The softlse web app's own code (Streamlit and plotly), beside the numerics in
:mod:`softlse_core`.

One folder per page holds that page's computations for the screen, its figures and its
controls (:mod:`softlse_app.lse_vs_max`, :mod:`softlse_app.softmax_grid`,
:mod:`softlse_app.vector_lab`); :mod:`softlse_app.common` holds the few things every page
shares: URL-bound controls and their readers, the navigation list, the plot style, the
deep-link guard and the garbage-collector freeze. The files in ``pages/`` only lay pages out.

A value walks one way: control (``common.lambda_control``, ``common.controls``) → parsed,
validated state (``common.url_params``) → :mod:`softlse_core` → the page's figure builder →
``st.plotly_chart``.
"""
