"""Pure plotly figure builders: arrays and options in, ``plotly.graph_objects.Figure`` out.

One module per page concept; :mod:`softlse_core.figures.style` holds the shared colour scales,
palette and layout so every page looks alike and stays colour-blind safe.
"""
