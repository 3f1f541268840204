"""Keep Streamlit's after-run garbage collection from walking every imported library.

After each script run Streamlit calls ``gc.collect(2)`` (option ``runner.postScriptGC``, on by
default). A full collection visits every container object the process tracks, and with
streamlit, numpy, pandas, pyarrow and plotly imported those are well over a hundred thousand,
nearly all of them modules, functions and classes that live as long as the process. The
collection holds the GIL, so the server cannot send the "script finished" message meanwhile
and the browser keeps showing the page as running: for a small page that walk is most of the
time between pressing Enter and seeing the result. (The README's Performance section has the
figures, measured with ``benchmarks/browser.py``.)

:func:`freeze_loaded_modules` moves the objects alive at that moment — above all the imported
modules, their functions, classes and constants — into the interpreter's permanent generation
(``gc.freeze()``), which collections skip. The after-run collection then only visits what
later runs created, and still frees their reference cycles.

Edge cases:

- It collects first (``gc.collect()``), so garbage alive at that moment is freed, not frozen.
- It only acts when more modules are loaded than at its last call (pages import their
  libraries on first use: pandas, pyarrow on a first table), so a rerun that imported nothing
  pays nothing, and the freezes stop once every page has been visited.
- Objects frozen still die by reference counting when released, but a reference cycle alive
  at a freeze (a cached plotly figure, another session's state) is never collected once
  released: it stays until the process ends. That is bounded because the freezes stop: there
  is no growth per rerun.
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
