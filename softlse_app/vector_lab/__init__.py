"""Page "Vector lab" (sheet question a): a typed vector's softmax under offset, scale and λ,
its lse read-outs, temperature sweep, simplex path and the textbook formula's overflow.

Where things are (the page itself, ``pages/vector_lab.py``, only lays them out):

- ``controls`` — the widgets and their query parameters (v, c, a, digits, section).
- ``sections`` — one function per tab: what it shows and in which order.
- Numbers, one module per tab: ``offset_scale``, ``lse_readout``, ``sweep`` (sweep and
  simplex path), ``stability``; ``components`` picks the components a long vector shows;
  ``numbers`` caches each tab's numbers.
- Charts: ``charts`` (cached figures, their alt text and CSV) drawn by ``bars_figure``,
  ``sweep_figure`` and ``simplex_figure`` (each built in one step by
  :func:`softlse_app.common.plot_style.styled_figure`).
- ``tables`` — the read-out tables at the chosen digits.
"""
