"""The pair softmax against scipy in a fresh process: ``python -m benchmarks.core_fresh``.

Inside ``python -m benchmarks.core`` scipy's ``softmax`` often pays a page fault per 4 KiB of
its grid-sized temporaries (the process's allocator has handed their memory back by then),
which flatters our ratio. This script times only the (2, n, n) float32 and float64 grids of
every data layout at λ = 10 and ±1000 (where float32 blocks fall back to the shifted
formula), ours and scipy's alternately with :func:`benchmarks.core.measure_timing`, and
prints the minor page faults of each case, so a case where scipy faulted shows as one.

Options: ``--size n`` (default 1001), ``--repeats N`` (default 15).
"""

from __future__ import annotations

import argparse
import resource

import numpy as np

from benchmarks.core import DATA_KINDS, grid_data, measure_timing, softmax_case

LAMBDAS = (10.0, 1000.0, -1000.0)
DTYPES: tuple[type[np.floating], ...] = (np.float32, np.float64)


def minor_faults() -> int:
    """This process's minor page faults so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1001)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)
    print(f"{'case':<36} {'ours ms':>8} {'scipy ms':>9} {'ratio':>6}  target  page faults")
    for dtype in DTYPES:
        for lam in LAMBDAS:
            for kind in DATA_KINDS:
                x = grid_data(kind, args.size, dtype)
                label = f"{np.dtype(dtype).name} λ={lam:g} {kind}"
                case = softmax_case(x, label, lam, 0)
                before = minor_faults()
                timing = measure_timing(case, args.repeats)
                faults = minor_faults() - before
                ratio = timing.ours / timing.scipy
                verdict = "ok" if ratio <= case.target else "MISSED"
                print(
                    f"{label:<36} {timing.ours * 1e3:8.2f} {timing.scipy * 1e3:9.2f} "
                    f"{ratio:6.2f}  ≤{case.target:g} {verdict:<6} {faults:>8}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
