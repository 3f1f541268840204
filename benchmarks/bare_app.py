"""The bare one-widget Streamlit page: a text box and one plotly bar chart of the numbers typed.

It is the floor any Streamlit app pays for "edit → rerun → redraw", measured against the vector
lab by ``benchmarks/browser.py``. Run on its own with ``streamlit run benchmarks/bare_app.py``;
``benchmarks/bare_app_frozen.py`` is the same page with softlse's garbage-collector freeze.
"""

import plotly.graph_objects as go
import streamlit as st


def bare_page() -> None:
    """The text box ``v`` and the bar chart ``bars`` of its comma-separated numbers."""
    text = st.text_input("Vector σ", value="1, 2, 3", key="v")
    try:
        values = [float(token) for token in text.replace(";", ",").split(",") if token.strip()]
    except ValueError:
        values = []
        st.error("Cannot read the vector.")
    figure = go.Figure(go.Bar(x=list(range(1, len(values) + 1)), y=values))
    figure.update_layout(xaxis_title="entry k", yaxis_title="σₖ", height=360)
    st.plotly_chart(figure, key="bars")


if __name__ == "__main__":  # Streamlit runs a script as __main__
    bare_page()
