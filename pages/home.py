"""Home page: what log-sum-exp and softmax are, what λ does, and where each page goes."""

from softlse_app.common.warm_up import warm_up_process

warm_up_process()  # first of all: see softlse_app.common.warm_up

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from softlse_app.common.inert_text import inert_code, show_message
from softlse_app.common.navigation import PAGES, PageEntry, unknown_page_name
from softlse_app.common.shell import require_app_navigation

require_app_navigation()


def page_link(entry: PageEntry) -> None:
    """A link to ``entry``: Streamlit's in-app page link under ``app.py``'s navigation; a plain
    relative link when this file runs on its own (``streamlit run pages/home.py``, AppTest),
    where ``st.page_link`` cannot resolve pages that no ``st.navigation`` registered."""
    try:
        st.page_link(str(entry.path), label=entry.title, icon=entry.icon)
    except StreamlitPageNotFoundError:
        st.markdown(f"[{entry.title}](/{entry.url_path})")


st.title("softlse — the soft-maximum explorer")
# Streamlit runs this page for an address no page has; say which was asked for, and where to go
asked = unknown_page_name(st.context.url, str(st.get_option("server.baseUrlPath") or ""))
if asked is not None:
    titles = ", ".join(entry.title for entry in PAGES)
    show_message(
        "info",
        f"There is no page named {inert_code(asked)}. This is the home page; the pages "
        f"({titles}) are linked under **Pages** below.",
        icon=":material/explore:",
    )
st.markdown(
    "The **log-sum-exp** of a vector σ with inverse temperature λ is a smooth version of its "
    "largest entry, and the **softmax** is a smooth version of *which* entry is largest:"
)
# One formula per line, so each fits a phone's width instead of scrolling sideways.
st.latex(
    r"\operatorname{lse}(\sigma,\lambda) = \frac{1}{\lambda}\log\sum_{j=1}^{n} e^{\lambda\sigma_j},"
)
st.latex(
    r"\operatorname{softmax}(\sigma,\lambda)_k = \frac{e^{\lambda\sigma_k}}{\sum_{j=1}^{n}"
    r" e^{\lambda\sigma_j}}."
)
st.markdown(
    "λ is one over a temperature: move it on any page and watch both change. A negative λ "
    "turns them into a soft *minimum*. How close does lse get to the max, and how fast? How "
    "are softmax and lse related? The **Exercise sheet** page asks these questions one by "
    "one: predict each answer there before you read it here."
)
# The sheet's answers in brief, closed: a student opening the app is asked before being told.
with st.expander("What the sheet's questions lead to (open once you have predicted them)"):
    st.markdown("softmax is the gradient of lse:")
    st.latex(
        r"\operatorname{softmax}(\sigma,\lambda)_k"
        r" = \frac{\partial\,\operatorname{lse}(\sigma,\lambda)}{\partial\sigma_k}."
    )
    st.markdown(
        "As λ grows the largest term dominates the sum, so lse approaches max(σ) from above — "
        "never by more than log(n)/λ — and softmax approaches the one-hot indicator of the "
        "maximum (split evenly over ties). As λ shrinks towards 0, softmax flattens to the "
        "uniform distribution. For λ > 0:"
    )
    st.latex(
        r"\max_j \sigma_j \le \operatorname{lse}(\sigma,\lambda) \le"
        r" \max_j \sigma_j + \frac{\log n}{\lambda},"
    )
    st.latex(r"\lim_{\lambda\to\infty}\operatorname{lse}(\sigma,\lambda) = \max_j \sigma_j.")
st.markdown(
    "Every number shown is computed with the numerically stable algorithm of Blanchard, Higham "
    "and Higham (2021): shift by the maximum before exponentiating, so nothing overflows even "
    "at λ = 1000."
)

st.subheader("Pages")
for entry in PAGES:
    with st.container(border=True):
        page_link(entry)
        st.caption(entry.blurb)
