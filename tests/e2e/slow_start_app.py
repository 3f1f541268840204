"""The app as a loaded server runs it, for tests/e2e/test_e2e_sheet_typed_then_nav.py: every
run's first message leaves at once, and then the run waits :data:`SLOW_START_S` before it takes
the browser's values and starts the page. Run by its own server (``streamlit run`` this file),
never by the app.

On a busy machine that wait is whatever time the run's thread waits for a core. A page change
that reaches the server in it stops the run before the page has run: when that run was the one
that takes a prediction typed on the sheet, the prediction was lost (the sheet's browser test
failed this way now and then with one core kept busy).
"""

from __future__ import annotations

import runpy
import time
from pathlib import Path

from streamlit.runtime.state.safe_session_state import SafeSessionState

#: Seconds between a run's first message and the moment it takes the browser's values: far
#: longer than the browser's round trip, so the order is not left to chance.
SLOW_START_S = 1.0

APP = Path(__file__).resolve().parents[2] / "app.py"

if not getattr(SafeSessionState, "_softlse_slow_start", False):
    _take_values = SafeSessionState.on_script_will_rerun

    def _slow_take_values(self: SafeSessionState, *args: object, **kwargs: object) -> None:
        time.sleep(SLOW_START_S)
        _take_values(self, *args, **kwargs)

    SafeSessionState.on_script_will_rerun = _slow_take_values  # type: ignore[method-assign]
    SafeSessionState._softlse_slow_start = True  # type: ignore[attr-defined]

runpy.run_path(str(APP), run_name="__main__")
