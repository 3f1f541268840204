"""Server-side time of each page: ``python -m benchmarks.page_rerun [--repeats N]``.

Every case runs its page under Streamlit's AppTest (the script run a browser's rerun triggers,
without the browser) and prints three medians, one method for every page:

- first run: a new session with an empty ``st.cache_data`` (compute, build, serialise);
- rerun, nothing changed: the same session again (cache hits; every figure still sent);
- rerun, new value: one control moved to a value not seen before (compute again);

and the size of the charts' JSON a rerun sends. The machine is shared and noisy: compare
cases within one run. No assertions: this prints figures, the tests check behaviour.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import streamlit as st
from streamlit.testing.v1 import AppTest

PAGES = Path(__file__).resolve().parent.parent / "pages"
TIMEOUT = 300


@dataclass(frozen=True)
class Case:
    """One page with its query parameters, and how to move one control to new value i."""

    name: str
    page: str
    query: dict[str, str]
    change: Callable[[AppTest, int], None]


def _set_lambda(at: AppTest, i: int) -> None:
    at.select_slider(key="lam").set_value([1.5, 2.0, 3.0, 5.0, 7.0, 15.0, 20.0, 30.0][i % 8])


def _set_lambda_list(at: AppTest, i: int) -> None:
    at.text_input(key="lams").set_value(f"{2 + i}, 10, 100")


def _long_vector() -> str:
    values = np.random.default_rng(0).normal(size=10_000) * 3
    return ", ".join(f"{v:.6f}" for v in values)


def cases() -> list[Case]:
    """The cases the README's performance table reports."""
    lse_page, grid_page, lab_page = (
        str(PAGES / name) for name in ("lse_vs_max.py", "softmax_grid.py", "vector_lab.py")
    )
    return [
        Case("LSE vs max, defaults (res 201)", lse_page, {}, _set_lambda),
        Case("LSE vs max, res 801", lse_page, {"res": "801"}, _set_lambda),
        Case("Softmax grid, defaults (res 101)", grid_page, {}, _set_lambda_list),
        Case("Softmax grid, res 401", grid_page, {"res": "401"}, _set_lambda_list),
        Case("Vector lab, defaults (1, 2, 3)", lab_page, {}, _set_lambda),
        Case("Vector lab, 10^4 entries", lab_page, {"v": _long_vector()}, _set_lambda),
        *(
            Case(f"Vector lab, {section!r} tab", lab_page, {"section": section}, _set_lambda)
            for section in ("lse vs max", "Temperature sweep", "Simplex", "Stable vs textbook")
        ),
    ]


def _timed_run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run(timeout=TIMEOUT)
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception)
    return elapsed


def measure(case: Case, repeats: int) -> tuple[float, float, float, int]:
    """Medians (seconds) of first run, unchanged rerun, rerun with a new value; chart bytes."""
    first, unchanged, changed = [], [], []
    payload = 0
    for i in range(repeats):
        st.cache_data.clear()
        at = AppTest.from_file(case.page, default_timeout=TIMEOUT)
        for key, value in case.query.items():
            at.query_params[key] = value
        first.append(_timed_run(at))
        unchanged.append(_timed_run(at))
        payload = sum(len(chart.proto.spec) for chart in at.get("plotly_chart"))
        case.change(at, i)
        changed.append(_timed_run(at))
    return (
        statistics.median(first),
        statistics.median(unchanged),
        statistics.median(changed),
        payload,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # AppTest's "no runtime" chatter, once per session
    header = f"{'case':<42} {'first run':>10} {'rerun':>8} {'new value':>10} {'chart JSON':>11}"
    print(header)
    print("-" * len(header))
    for case in cases():
        first, unchanged, changed, payload = measure(case, args.repeats)
        print(
            f"{case.name:<42} {first:>9.3f}s {unchanged:>7.3f}s {changed:>9.3f}s "
            f"{payload / 1e3:>9.1f}kB"
        )
    print(f"medians of {args.repeats} sessions each")


if __name__ == "__main__":
    main()
