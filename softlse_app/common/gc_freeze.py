"""Keep Streamlit's after-run garbage collection from walking every imported library.

After each script run Streamlit calls ``gc.collect(2)`` (option ``runner.postScriptGC``, on by
default). A full collection visits every container object the process tracks, and with
streamlit, numpy, pandas, pyarrow and plotly imported those are 115,000–130,000 objects:
50–80 ms per rerun on our 2-core test machine, during which the script thread holds the GIL,
so the server cannot send the "script finished" message and the browser keeps showing the page
as running. For a small page that is most of the time between pressing Enter and seeing the
result: ``benchmarks/browser.py`` measured the bare one-widget page at 119 ms per edit without
the freeze and 47 ms with it.

:func:`freeze_loaded_modules` moves the objects alive at that moment — above all the imported
modules, their functions, classes and constants, which live as long as the process — into the
interpreter's permanent generation (``gc.freeze()``), which collections skip. The after-run
collection then only visits what later runs created (~1 ms), and still frees their reference
cycles.

Edge cases:

- It collects first (``gc.collect()``), so garbage alive at that moment is freed, not frozen.
- It only acts when more modules are loaded than at its last call (pages import their
  libraries on first use: pandas, pyarrow on a first table), so a rerun that imported nothing
  pays nothing. Measured: 7 freezes in a process's life, all during the first visit of
  each page, none after.
- Objects frozen still die by reference counting when released, but a reference cycle alive
  at a freeze (a cached plotly figure, another session's state) is never collected once
  released: it stays until the process ends. Measured: 1,600–3,400 such objects per
  process, bounded because the freezes stop — no growth per rerun.
"""

from __future__ import annotations

import gc
import sys

_modules_at_last_freeze = 0


def freeze_loaded_modules() -> bool:
    """Collect, then freeze everything alive, if modules were loaded since the last call.

    Returns whether it froze (``True`` on a process's first call).
    """
    global _modules_at_last_freeze
    loaded = len(sys.modules)
    if loaded <= _modules_at_last_freeze:
        return False
    gc.collect()
    gc.freeze()
    _modules_at_last_freeze = loaded
    return True
