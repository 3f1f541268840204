"""Speed of softlse_core against scipy.special: ``python -m benchmarks.core``.

For each case, our function and scipy's are timed alternately in one process (ours, scipy,
scipy, ours, …: which goes first swaps every round) so machine noise hits both alike; the
table shows both medians, their ratio ours/scipy and the target of issue 14 (softmax over an
axis of length 2 ≤ 0.75× scipy, lse ≤ 0.5×; the long vector's lse ≤ 0.35×).

The grid cases are the sheet's: a (2, n, n) array reduced over axis 0, in four data layouts
that a kernel branching on x₀ < x₁ would see very differently:

- random: uniform on [−1, 1], so which entry is larger is a coin toss at every point;
- meshgrid: ``np.stack(np.meshgrid(t, t))`` with t = linspace(−1, 1, n), the sheet's grid;
- sorted: uniform values sorted, so x₀ < x₁ everywhere;
- constant: every entry 0.5, a tie at every point.

They run at λ = 10, 1, 100, −10 and 1000 (the app's largest λ) in float64, then at the same
five λ in float32 (both then compute in float32; ours forms the exponent λ·(x₀ − x₁) in
float64 and rounds it once). At λ = 1000 most exponents of the [−1, 1] data are beyond what
the pair kernel's logistic form takes, so its blocks fall back to the shifted formula's
operations (see :func:`softlse_core.softmax_kernels.softmax_pairs`).

Then, at λ = 10 and 1000 in float64, the same four layouts at other sizes: the sheet's own
grid (n = 100, ``np.linspace(-1, 1, 100)``) and the app's default LSE grid (n = 201), where
every array fits in the processor's caches and allocations are cheap, so the per-call costs
and the number of passes over the data decide (and, at λ = 1000, float64 exp's slow path for
results that underflow, which both sides pay); and, at λ = 10, the pair axis last, (n·n, 2)
over axis −1, where the two entries of a pair sit side by side in memory. More rounds are
timed for the small sizes, so that each side is timed for about as long as at n = 1001.

Options: ``--repeats N`` (default 15), ``--size n`` (grid side, default 1001),
``--other-sizes`` (default ``100,201``; empty for none), ``--vector-size`` (default 10**7),
``--quick`` (λ = 10 in float64 at n only), ``--steady`` (each timed call after an untimed
call of its own, so that no timed call directly follows the other side's: see
:func:`measure_timing`).
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import scipy.special

from softlse_core import lse, softmax

LAM = 10.0
DATA_KINDS = ("random", "meshgrid", "sorted", "constant")
TARGETS = {"lse": 0.5, "softmax": 0.75}
VECTOR_TARGET = 0.35
#: λ of the other grid sizes: the headline λ, and the app's largest, where float64 exp's slow
#: path for results that underflow weighs most on a small grid.
SMALL_GRID_LAMS = (LAM, 1000.0)
#: (λ, dtype) of the grid runs: the first is the headline, the others check the same holds.
SETTINGS: tuple[tuple[float, type[np.floating]], ...] = (
    (LAM, np.float64),
    (1.0, np.float64),
    (100.0, np.float64),
    (-LAM, np.float64),
    (1000.0, np.float64),
    (LAM, np.float32),
    (1.0, np.float32),
    (100.0, np.float32),
    (-LAM, np.float32),
    (1000.0, np.float32),
)


@dataclass(frozen=True)
class Case:
    name: str
    ours: Callable[[], object]
    scipy: Callable[[], object]
    target: float


def grid_data(kind: str, size: int, dtype: type[np.floating] = np.float64) -> np.ndarray:
    """A (2, size, size) array of one of :data:`DATA_KINDS`."""
    rng = np.random.default_rng(0)
    shape = (2, size, size)
    if kind == "random":
        data = rng.uniform(-1.0, 1.0, shape)
    elif kind == "meshgrid":
        axis = np.linspace(-1.0, 1.0, size)
        data = np.stack(np.meshgrid(axis, axis))
    elif kind == "sorted":
        data = np.sort(rng.uniform(-1.0, 1.0, 2 * size * size)).reshape(shape)
    elif kind == "constant":
        data = np.full(shape, 0.5)
    else:
        raise ValueError(f"unknown data kind {kind!r}; expected one of {DATA_KINDS}")
    return data.astype(dtype)


def softmax_case(x: np.ndarray, label: str, lam: float, axis: int) -> Case:
    """softmax of ``x`` along ``axis`` at ``lam``, against scipy's on λ·x."""
    return Case(
        f"softmax  {label}",
        lambda: softmax(x, lam, axis=axis),
        lambda: scipy.special.softmax(lam * x, axis=axis),
        TARGETS["softmax"],
    )


def function_cases(x: np.ndarray, label: str, lam: float, axis: int) -> Iterator[Case]:
    """lse and softmax of ``x`` along ``axis`` at ``lam``, against scipy on λ·x."""
    yield Case(
        f"lse      {label}",
        lambda: lse(x, lam, axis=axis),
        lambda: scipy.special.logsumexp(lam * x, axis=axis) / lam,
        TARGETS["lse"],
    )
    yield softmax_case(x, label, lam, axis)


def grid_cases(size: int, lam: float, dtype: type[np.floating]) -> Iterator[Case]:
    """lse and softmax over axis 0 of every data kind, against scipy on λ·x."""
    for kind in DATA_KINDS:
        x = grid_data(kind, size, dtype)
        yield from function_cases(x, f"{kind}, λ={lam:g}, {np.dtype(dtype).name}", lam, 0)


def size_cases(
    size: int, *, pairs_last: bool = False, lams: tuple[float, ...] = (LAM,)
) -> Iterator[Case]:
    """lse and softmax at each λ of ``lams`` in float64 over every data kind of side ``size``:
    over axis 0 of (2, size, size), or with ``pairs_last`` over axis −1 of the same numbers
    as (size·size, 2)."""
    where = f"pairs last {size}" if pairs_last else f"n={size}"
    for lam in lams:
        for kind in DATA_KINDS:
            x = grid_data(kind, size)
            if pairs_last:
                x = np.ascontiguousarray(x.reshape(2, -1).T)
            label = f"{where} {kind}, λ={lam:g}, float64"
            yield from function_cases(x, label, lam, -1 if pairs_last else 0)


def rounds_for(size: int, main_size: int, repeats: int) -> int:
    """Rounds for a grid of side ``size``: ``repeats`` scaled by how much smaller its data is
    than the main grid's, at most 40 times as many."""
    return repeats * max(1, min(40, round((main_size / size) ** 2)))


def vector_case(size: int) -> Case:
    vector = np.random.default_rng(0).standard_normal(size)
    return Case(
        f"lse      vector of {size:,} float64, λ=1",
        lambda: lse(vector),
        lambda: scipy.special.logsumexp(vector),
        VECTOR_TARGET,
    )


class Timing(NamedTuple):
    """Medians in seconds: wall-clock and process CPU time of ours and scipy's."""

    ours: float
    scipy: float
    ours_cpu: float
    scipy_cpu: float


def float32_errors(size: int, lam: float = LAM) -> tuple[float, float]:
    """Largest relative error, in units of float32's eps, of ours and of scipy's softmax on
    the random float32 grid, against softmax computed in float64: what float32 arithmetic
    costs each (both compute in float32; ours forms the exponent in float64)."""
    x = grid_data("random", size, np.float32)
    exact = softmax(x.astype(np.float64), lam, axis=0)
    eps = float(np.finfo(np.float32).eps)
    errors = []
    for p in (softmax(x, lam, axis=0), scipy.special.softmax(lam * x, axis=0)):
        errors.append(float(np.max(np.abs(p.astype(np.float64) - exact) / exact)) / eps)
    return errors[0], errors[1]


def _time(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure_timing(case: Case, repeats: int, steady: bool = False) -> Timing:
    """Wall and CPU medians, measured alternately (ours, scipy, scipy, ours, …) after one
    warm-up each. CPU time leaves out the time other processes hold the core, so on a
    shared machine its ratio is the steadier of the two.

    With ``steady``, each timed call follows an untimed call of the same function, so that
    no timed call directly follows the other side's. At the grid sizes a call's time
    depends on the state the previous call left the memory allocator in, through page
    faults on grid-sized memory given back to the system and taken again, and that state
    depends on the process's history. In one process on the (2, 1001, 1001) float32 grid
    (random data, λ = 1000; 2026-12-02), our call incurred about 390 page faults right
    after scipy's (about 1 ms of a 2.5 ms call) and none after our own, and scipy's about
    3,100 per call in a loop of its own; in other processes neither faulted. Neither way
    of timing removes that dependence; the two show how far it moves the ratios."""
    case.ours()
    case.scipy()
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []

    def timed(fn: Callable[[], object]) -> tuple[float, float]:
        if steady:
            fn()
        return _time(fn)

    for round_no in range(repeats):
        if round_no % 2 == 0:
            ours.append(timed(case.ours))
            theirs.append(timed(case.scipy))
        else:
            theirs.append(timed(case.scipy))
            ours.append(timed(case.ours))
    return Timing(
        statistics.median(t[0] for t in ours),
        statistics.median(t[0] for t in theirs),
        statistics.median(t[1] for t in ours),
        statistics.median(t[1] for t in theirs),
    )


def measure(case: Case, repeats: int) -> tuple[float, float]:
    """Wall-clock medians (ours, scipy) in seconds, measured alternately."""
    timing = measure_timing(case, repeats)
    return timing.ours, timing.scipy


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--size", type=int, default=1001, help="grid side n of (2, n, n)")
    parser.add_argument(
        "--other-sizes", default="100,201", help="grid sides also timed at λ = 10 and 1000"
    )
    parser.add_argument("--vector-size", type=int, default=10**7)
    parser.add_argument("--quick", action="store_true", help="only λ = 10 in float64")
    parser.add_argument(
        "--steady",
        action="store_true",
        help="before each timed call, an untimed call of the same function (see measure_timing)",
    )
    args = parser.parse_args(argv)
    header = (
        f"{'case':52} {'ours ms':>9} {'scipy ms':>9} {'ratio':>6} {'target':>7} {'':6} "
        f"{'cpu ratio':>9}"
    )
    print(f"grid cases: shape (2, {args.size}, {args.size}), reduced over axis 0")
    print(header)
    print("-" * len(header))
    cases: list[tuple[Case, int]] = [(vector_case(args.vector_size), args.repeats)]
    for lam, dtype in SETTINGS[:1] if args.quick else SETTINGS:
        cases.extend((case, args.repeats) for case in grid_cases(args.size, lam, dtype))
    if not args.quick:
        sides = [int(side) for side in args.other_sizes.split(",") if side.strip()]
        for side in sides:
            rounds = rounds_for(side, args.size, args.repeats)
            cases.extend((case, rounds) for case in size_cases(side, lams=SMALL_GRID_LAMS))
            # the same pairs as (side·side, 2), softmax's default axis=-1: strided halves
            cases.extend(
                (case, rounds) for case in size_cases(side, pairs_last=True, lams=SMALL_GRID_LAMS)
            )
        cases.extend((case, args.repeats) for case in size_cases(args.size, pairs_last=True))
    for case, rounds in cases:
        timing = measure_timing(case, rounds, steady=args.steady)
        ratio = timing.ours / timing.scipy
        cpu_ratio = timing.ours_cpu / timing.scipy_cpu if timing.scipy_cpu else math.nan
        flag = "ok" if ratio <= case.target else "MISSED"
        print(
            f"{case.name:52} {timing.ours * 1e3:9.2f} {timing.scipy * 1e3:9.2f} {ratio:6.2f} "
            f"{'≤' + str(case.target):>7} {flag:6} {cpu_ratio:9.2f}",
            flush=True,
        )
    print(
        "ratio = median wall time ours / scipy (the target applies to it); cpu ratio = the "
        "same with process CPU time."
    )
    if not args.quick:
        ours_error, scipy_error = float32_errors(args.size)
        print(
            f"float32 softmax, random grid: largest relative error {ours_error:.2f} eps (ours) "
            f"vs {scipy_error:.2f} eps (scipy), both computed in float32"
        )
    print(
        f"numpy {np.__version__}, scipy {scipy.__version__}; medians of {args.repeats} rounds "
        "(more for the smaller grids: see rounds_for)"
        + ("; each timed call after an untimed one of its own (--steady)" if args.steady else "")
    )


if __name__ == "__main__":
    main()
