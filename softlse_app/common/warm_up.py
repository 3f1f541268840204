"""Import and initialise, once per process and before any page runs, everything the pages use.

A class opens the link at the same moment: a fresh ``streamlit run app.py`` then starts dozens
of script threads at once, and each would import pandas, pyarrow, plotly and the pages' own
modules on first use. Python's per-module import locks cannot order such a crowd: when two
threads import modules that import each other (pandas ↔ pyarrow ↔ Streamlit's dataframe code)
in opposite orders, the interpreter breaks the deadlock by handing one thread a half-initialised
module, and that session gets ``AttributeError: partially initialized module 'pandas' has no
attribute 'Series'`` on its page.

:func:`warm_up_process` is therefore the **first statement of every script** (``app.py`` and
each file in ``pages/``, which a deep link into a fresh server runs directly): the first thread
imports and initialises everything while holding a plain lock, and every other thread waits for
that lock at the top of its script, before it has started any import of its own — so no thread
ever holds an import lock the warm-up needs, and nothing is left to race on afterwards:

1. the libraries, each package before its submodules: numpy, pandas, pyarrow, plotly;
2. every module of :mod:`softlse_app` (and so :mod:`softlse_core`);
3. what Streamlit and plotly load on a page's first table, chart or icon, by running their
   serialisers once on a tiny table and on a sample figure with every trace type and layout
   part the pages draw (:func:`sample_figure`);
4. then it freezes what is loaded out of the garbage collector's way
   (:func:`softlse_app.common.gc_freeze.freeze_loaded_modules`).

Before all that it caps malloc's arenas and afterwards starts the thread that returns freed
memory to the system (:mod:`softlse_app.common.memory`): both are once per process too.

This module and the ``__init__`` files above it import nothing heavy, so the many threads that
import it at once cannot deadlock either. ``tests/test_cold_start.py`` checks that after the
warm-up no page or section imports another module, and that a fresh server takes a crowd of
first visitors with no exception.

Edge cases: a second call returns at once (``False``); a call made while another thread warms
up waits for it. An exception inside is not caught: a broken import must fail loudly.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from typing import Any

_lock = threading.Lock()
_warm = False

#: Imported first, in this order: a package always before its submodules.
LIBRARIES = (
    "numpy",
    "pandas",
    "pyarrow",
    "plotly",
    "plotly.graph_objects",
    "plotly.subplots",
    "plotly.io",
    "plotly.tools",
    "PIL",
    "PIL.Image",
)

#: Streamlit modules imported inside element calls (first emoji/icon, magic) on a first run.
STREAMLIT_LAZY_MODULES = (
    "streamlit.emojis",
    "streamlit.material_icon_names",
    "streamlit.runtime.scriptrunner.magic_funcs",
)


def import_app_modules() -> list[str]:
    """Import every module of the :mod:`softlse_app` package; returns their names."""
    import softlse_app

    names = [
        info.name
        for info in pkgutil.walk_packages(softlse_app.__path__, prefix="softlse_app.")
        if info.name != __name__
    ]
    for name in names:
        importlib.import_module(name)
    return names


def sample_figure() -> Any:
    """A small figure with every trace type and layout part the pages draw: plotly imports the
    class of each on its first use (and ``make_subplots`` every kind of subplot)."""
    import numpy as np
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    from softlse_app.common.plot_style import readable_axes, readable_text

    axis = np.linspace(-1.0, 1.0, 3)
    grid = np.add.outer(axis, axis)
    colorbar = {"title": {"text": "z"}, "tickvals": [0.0, 1.0]}
    figure = make_subplots(rows=1, cols=2, subplot_titles=("a", "b"), shared_yaxes=True)
    figure.add_trace(
        go.Contour(
            x=axis, y=axis, z=grid, colorbar=colorbar, contours={"start": 0.0}, line={"width": 0.5}
        ),
        1,
        1,
    )
    figure.add_trace(go.Heatmap(x=axis, y=axis, z=grid, colorbar=colorbar), 1, 2)
    figure.add_trace(
        go.Scatter(
            x=axis,
            y=axis,
            mode="lines+markers",
            line={"dash": "dot"},
            marker={"size": 4},
            legendgroup="g",
        ),
        1,
        1,
    )
    figure.add_trace(go.Bar(x=["a", "b"], y=[0.5, 0.5], marker={"color": "#0072B2"}), 1, 2)
    figure.add_trace(go.Scatter(x=axis, y=axis, mode="text", text=["a"] * 3, textfont={"size": 11}))
    figure.add_hline(y=0.0, line={"dash": "dash"}, annotation_text="h")
    figure.add_vline(x=0.0, line={"dash": "dash"}, annotation_text="v")
    figure.add_annotation(x=0.0, y=0.0, text="a", font={"size": 12}, showarrow=False)
    figure.update_layout(  # with the text colours every chart sets (plot_style)
        readable_text(
            {
                "coloraxis": {"colorscale": "Viridis", "colorbar": colorbar},
                "coloraxis2": {"colorscale": "Cividis", "colorbar": colorbar},
                "ternary": {
                    "aaxis": {"title": {"text": "a"}, "tickfont": {"size": 11}},
                    "baxis": {"title": {"text": "b"}, "tickfont": {"size": 11}},
                    "caxis": {"title": {"text": "c"}, "tickfont": {"size": 11}},
                    "domain": {"x": [0.0, 1.0]},
                },
                "legend": {"orientation": "h"},
                "margin": {"t": 10},
                "hoverlabel": {"font_size": 13},
                "title": {"text": "t", "pad": {"t": 4}},
                "font": {"size": 12},
            }
        )
    )
    figure.update_xaxes(title={"text": "x"}, range=[-1, 1])
    figure.update_yaxes(title={"text": "y"}, scaleanchor="x")
    readable_axes(figure)
    # A ternary trace has no x axis, so it cannot share a figure with the lines above.
    simplex = go.Scatterternary(
        a=[0.2],
        b=[0.3],
        c=[0.5],
        mode="markers+text",
        text=["t"],
        textfont={"size": 12},
        line={"width": 1},
        marker={"size": 3, "line": {"width": 1}},
    )
    return go.Figure([*figure.data, simplex], figure.layout)


def exercise_serialisers() -> None:
    """Run Streamlit's table, chart and image paths once on tiny inputs, as ``st.dataframe``,
    ``st.table``, ``st.plotly_chart`` and ``st.set_page_config(page_icon=<file>)`` do: their
    first call imports pandas, pyarrow, plotly.io, narwhals and PIL."""
    import pandas as pd
    import plotly.io
    import plotly.tools
    from PIL import Image
    from streamlit import dataframe_util

    table = pd.DataFrame({"number": [1.0, 2.5], "text": ["a", "b"], "count": [1, 2]})
    dataframe_util.convert_anything_to_arrow_bytes(table)
    dataframe_util.convert_anything_to_arrow_bytes({"column": [0.1, 0.2]})
    figure = plotly.tools.return_figure_from_figure_or_data(sample_figure(), validate_figure=True)
    plotly.io.to_json(figure, validate=False)
    Image.init()  # every image format plugin, as the first Image.open would


def warm_up_process() -> bool:
    """Import and initialise everything once (see the module docstring); returns whether this
    call did the work."""
    global _warm
    with _lock:
        if _warm:
            return False
        from softlse_app.common.gc_freeze import freeze_loaded_modules
        from softlse_app.common.memory import limit_arenas, start_trimmer

        limit_arenas()
        for name in LIBRARIES:
            importlib.import_module(name)
        import_app_modules()
        for name in STREAMLIT_LAZY_MODULES:
            importlib.import_module(name)
        exercise_serialisers()
        freeze_loaded_modules()
        start_trimmer()
        _warm = True
        return True
