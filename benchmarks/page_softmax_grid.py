"""AppTest timing of the "Softmax and one-hot" page: cold run (empty cache) and cached rerun.

Run from the repository root: ``python -m benchmarks.page_softmax_grid [key=value ...]``
(e.g. ``res=801``). Prints the median of ``REPEATS`` runs of each; no assertions. The machine
is shared and noisy: compare figures only within one run.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

PAGE = Path(__file__).resolve().parent.parent / "pages" / "softmax_grid.py"
REPEATS = 5


def main(argv: list[str]) -> None:
    params = dict(arg.split("=", 1) for arg in argv)
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(REPEATS):
        st.cache_data.clear()
        at = AppTest.from_file(str(PAGE), default_timeout=300)
        for key, value in params.items():
            at.query_params[key] = value
        start = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"page raised: {at.exception}")
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    label = " ".join(argv) or "defaults"
    print(
        f"softmax_grid [{label}]: first run (empty cache) median {statistics.median(cold):.2f} s, "
        f"rerun (cached) median {statistics.median(warm):.2f} s over {REPEATS} runs"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
