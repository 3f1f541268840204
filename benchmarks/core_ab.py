"""This checkout's pair softmax against another checkout's, both against scipy, in one process:
``python -m benchmarks.core_ab OTHER_CHECKOUT [--sizes 100,1001] [--dtypes float64,float32]``.

For a change to the pair kernel (``softlse_core/softmax_kernels.py``) the question is whether
it is faster than the commit before on every data layout, and by how much against scipy.
Timing the two commits in separate runs mixes in the machine's drift between the runs, so
this loads the other checkout's kernel module under another name beside this one's and
times, for each dtype, grid side n, layout of :func:`benchmarks.core.grid_data` and λ of 10
and ±1000: scipy's ``softmax(λ·x, axis=0)`` on λ·x formed beforehand (a harsher comparison
than ``benchmarks.core``, which times the product on scipy's side), then this kernel, then
the other's, each the best of 9 repeats, and prints this ÷ scipy and other ÷ scipy. The
other checkout's figures come from its own ``softmax_pairs(x, λ, axis, dtype)``, which every
commit since the pair kernel has.
"""

from __future__ import annotations

import argparse
import importlib.util
import timeit
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType

import numpy as np
import scipy.special

from benchmarks.core import DATA_KINDS, grid_data
from softlse_core import softmax_kernels

LAMS = (10.0, 1000.0, -1000.0)


def load_other_kernels(checkout: Path) -> ModuleType:
    """``softlse_core/softmax_kernels.py`` of ``checkout`` as a module of its own (its
    ``softlse_core`` imports resolve to this checkout's package, which is the same code
    unless the change touched them)."""
    path = checkout / "softlse_core" / "softmax_kernels.py"
    spec = importlib.util.spec_from_file_location("other_softmax_kernels", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no kernel module at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best_seconds(fn: Callable[[], object], number: int) -> float:
    """The best of 9 repeats of ``number`` calls, per call."""
    return min(timeit.repeat(fn, number=number, repeat=9)) / number


def compare(other: ModuleType, sizes: list[int], dtypes: list[str]) -> list[str]:
    """One line per case: dtype, n, layout, λ, scipy's time and both ratios."""
    lines = []
    for dtype_name in dtypes:
        dtype = np.dtype(dtype_name)
        for size in sizes:
            number = max(3, int(3e6 / (2 * size * size)))
            for kind in DATA_KINDS:
                x = grid_data(kind, size, dtype.type)
                for lam in LAMS:
                    theirs = partial(scipy.special.softmax, lam * x, axis=0)
                    ours = partial(softmax_kernels.softmax_pairs, x, lam, 0, dtype)
                    other_ones = partial(other.softmax_pairs, x, lam, 0, dtype)
                    scipy_time = best_seconds(theirs, number)
                    this_time = best_seconds(ours, number)
                    other_time = best_seconds(other_ones, number)
                    lines.append(
                        f"{dtype_name:8s} {size:5d} {kind:9s} {lam:7g}  scipy "
                        f"{scipy_time * 1e6:9.1f} µs  this {this_time / scipy_time:5.2f}  "
                        f"other {other_time / scipy_time:5.2f}"
                    )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="another checkout of this repository")
    parser.add_argument("--sizes", default="100,1001", help="grid sides n of (2, n, n)")
    parser.add_argument("--dtypes", default="float64,float32")
    args = parser.parse_args(argv)
    other = load_other_kernels(args.other.resolve())
    sizes = [int(size) for size in args.sizes.split(",")]
    print("ratios: time ÷ scipy's on the same data, best of 9, this and the other checkout")
    for line in compare(other, sizes, args.dtypes.split(",")):
        print(line, flush=True)


if __name__ == "__main__":
    main()
