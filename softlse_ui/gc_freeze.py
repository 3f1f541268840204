"""Keep Streamlit's after-run garbage collection from walking every imported library.

After each script run Streamlit calls ``gc.collect(2)`` (option ``runner.postScriptGC``, on by
default). A full collection visits every container object the process tracks, and with
streamlit, numpy, pandas, pyarrow and plotly imported those are ~115,000 objects: 50–70 ms
per rerun on our 2-core test machine, during which the script thread holds the GIL, so the
server cannot send the "script finished" message and the browser keeps showing the page as
running. For a small page that is most of the time between pressing Enter and seeing the
result (measured with ``benchmarks/browser.py``: the bare one-widget page spends ~60 of its
~100 ms there).

:func:`freeze_loaded_modules` moves the objects alive at that moment — above all the imported
modules, their functions, classes and constants, which live as long as the process — into the
interpreter's permanent generation (``gc.freeze()``), which collections skip. The after-run
collection then only visits what later runs created, and still frees their reference cycles.

Edge cases:

- It collects first (``gc.collect()``), so garbage alive at that moment is freed, not frozen.
- It only acts when more modules are loaded than at its last call (pages import their
  libraries on first use: pandas, pyarrow on a first table), so a rerun that imported nothing
  pays nothing; a process freezes a handful of times in its life.
- Objects frozen then still die by reference counting when released; only a reference cycle
  created before a freeze and released after it stays until the process ends. Those are a
  few objects of the runs that first loaded a module, not per-rerun growth.
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
