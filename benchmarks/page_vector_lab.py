"""AppTest rerun times of the vector lab page: ``python -m benchmarks.page_vector_lab``.

Prints the median over a few runs of ``AppTest.run()`` for: the first run at defaults, a rerun
with λ changed (cache miss), a rerun with nothing changed (cache hit), and the same for a
10^4-entry vector. Wall-clock on a shared machine: compare only within one run.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "vector_lab.py")
REPEATS = 5


def timed(at: AppTest) -> float:
    start = time.perf_counter()
    at.run(timeout=120)
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception)
    return elapsed


def measure(text: str | None) -> dict[str, float]:
    first, changed, unchanged = [], [], []
    for repeat in range(REPEATS):
        at = AppTest.from_file(PAGE, default_timeout=120)
        if text is not None:
            at.query_params["v"] = text
        first.append(timed(at))
        at.select_slider(key="lam").set_value([10.0, 100.0, 1.5, 3.0, 0.5][repeat])
        changed.append(timed(at))
        unchanged.append(timed(at))
    return {
        "first run": statistics.median(first),
        "rerun, λ changed": statistics.median(changed),
        "rerun, nothing changed": statistics.median(unchanged),
    }


def main() -> None:
    rng = np.random.default_rng(0)
    long_text = ", ".join(f"{v:.6f}" for v in rng.normal(size=10_000) * 3)
    for name, text in (("defaults (1, 2, 3)", None), ("10^4-entry vector", long_text)):
        for label, seconds in measure(text).items():
            print(f"{name:>20} | {label:<24} | median of {REPEATS}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
