"""Time AppTest reruns of the "LSE vs max" page: ``python -m benchmarks.lse_page_rerun``.

For each case the page is run once (filling ``st.cache_data``), then ``at.run()`` is timed
``REPEATS`` times; the median is printed. A rerun with a warm cache still sends every figure
(plotly's JSON with float32 arrays), which is what a person waits for after moving a control
back to a value seen before. A cold run (new λ: compute, build and send) is timed separately by
changing λ each time. The machine is shared: read the figures as rough, and compare cases only
within one run.
"""

from __future__ import annotations

import math
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parent.parent / "pages" / "lse_vs_max.py")
REPEATS = 7
COLD_LAMBDAS = ("1.5", "2", "3", "5", "7", "15", "20")


def timed_runs(query: dict[str, str], *, cold: bool = True) -> tuple[float, float, int]:
    """(median warm rerun seconds, median cold run seconds or NaN, spec bytes) for one
    query; ``cold`` runs change λ each time (the sheet view does not depend on λ)."""
    at = AppTest.from_file(PAGE, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run(timeout=120)
    assert not at.exception, at.exception
    warm = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        at.run(timeout=120)
        warm.append(time.perf_counter() - start)
    colds = []
    for lam in COLD_LAMBDAS if cold else ():
        at.query_params["lam"] = lam
        start = time.perf_counter()
        at.run(timeout=120)
        colds.append(time.perf_counter() - start)
    payload = sum(len(chart.proto.spec) for chart in at.get("plotly_chart"))
    return statistics.median(warm), statistics.median(colds) if colds else math.nan, payload


def main() -> None:
    cases = {
        "defaults (res=201)": {},
        "res=801": {"res": "801"},
        "sheet view, res=801": {"res": "801", "view": "sheet"},
    }
    print(f"{'case':<22} {'warm rerun':>11} {'new λ':>9} {'chart JSON':>11}")
    for name, query in cases.items():
        warm, cold, payload = timed_runs(query, cold="view" not in query)
        cold_text = "—" if math.isnan(cold) else f"{cold:.3f}s"
        print(f"{name:<22} {warm:>10.3f}s {cold_text:>9} {payload / 1e6:>9.2f}MB")


if __name__ == "__main__":
    main()
