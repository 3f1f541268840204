"""Speed of softlse_core against scipy.special: ``python -m benchmarks.core``.

For each case, our function and scipy's are timed alternately in one process (ours, scipy,
ours, …, swapping which goes first every round) so machine noise hits both alike; the
table shows both medians and their ratio ours/scipy (issue 2's targets in the last column).
Options: ``--repeats N`` (default 15).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.special

from softlse_core import lse, softmax

LAM = 10.0


@dataclass(frozen=True)
class Case:
    name: str
    ours: Callable[[], object]
    scipy: Callable[[], object]
    target: float


def _cases() -> list[Case]:
    rng = np.random.default_rng(0)
    vector = rng.standard_normal(10**7)
    axis = np.linspace(-1.0, 1.0, 1001)
    grid = np.stack(np.meshgrid(axis, axis))  # shape (2, 1001, 1001), as on the sheet
    return [
        Case(
            "lse, 1e7 float64 vector, λ=1",
            lambda: lse(vector),
            lambda: scipy.special.logsumexp(vector),
            0.35,
        ),
        Case(
            "lse, (2,1001,1001) grid, axis 0, λ=10",
            lambda: lse(grid, LAM, axis=0),
            lambda: scipy.special.logsumexp(LAM * grid, axis=0) / LAM,
            0.5,
        ),
        Case(
            "softmax, (2,1001,1001) grid, axis 0, λ=10",
            lambda: softmax(grid, LAM, axis=0),
            lambda: scipy.special.softmax(LAM * grid, axis=0),
            0.75,
        ),
    ]


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(case: Case, repeats: int) -> tuple[float, float]:
    """Medians (ours, scipy) in seconds, measured alternately after one warm-up each."""
    case.ours()
    case.scipy()
    ours: list[float] = []
    theirs: list[float] = []
    for round_no in range(repeats):
        if round_no % 2 == 0:
            ours.append(_time(case.ours))
            theirs.append(_time(case.scipy))
        else:
            theirs.append(_time(case.scipy))
            ours.append(_time(case.ours))
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    header = f"{'case':44} {'ours ms':>9} {'scipy ms':>9} {'ratio':>6} {'target':>7}"
    print(header)
    print("-" * len(header))
    for case in _cases():
        ours, theirs = measure(case, args.repeats)
        ratio = ours / theirs
        flag = "ok" if ratio <= case.target else "MISSED"
        print(
            f"{case.name:44} {ours * 1e3:9.2f} {theirs * 1e3:9.2f} {ratio:6.2f} "
            f"≤{case.target:<4} {flag}"
        )
    print(f"numpy {np.__version__}, scipy {scipy.__version__}; medians of {args.repeats} rounds")


if __name__ == "__main__":
    main()
