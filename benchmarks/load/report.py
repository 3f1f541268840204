"""Figures of a load run, and their printout."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.load.run_elements import RunResult

MB = 1024 * 1024


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` in (0, 1]); ``nan`` for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def latency_line(name: str, results: Sequence[RunResult]) -> str:
    ms = [r.seconds * 1000 for r in results if r.error is None]
    return (
        f"{name:<28} n={len(results):<5} p50={percentile(ms, 0.5):7.0f} ms  "
        f"p95={percentile(ms, 0.95):7.0f} ms  max={max(ms, default=math.nan):7.0f} ms"
    )


@dataclass
class Phase:
    """One stretch of the run: what happened and what the server spent."""

    results: list[RunResult]
    seconds: float
    cpu_seconds: float

    @property
    def script_runs(self) -> int:
        return sum(r.script_runs for r in self.results)

    @property
    def cpu_per_run(self) -> float:
        return self.cpu_seconds / self.script_runs if self.script_runs else math.nan


@dataclass
class LoadReport:
    """Everything :func:`benchmarks.load.run.run_class` measured."""

    title: str
    loads: Phase
    edits: Phase
    rss: dict[str, int] = field(default_factory=dict)  # moment -> bytes

    @property
    def results(self) -> list[RunResult]:
        return self.loads.results + self.edits.results

    def exceptions(self) -> list[str]:
        return [f"{r.page or 'home'}: {text}" for r in self.results for text in r.exceptions]

    def errors(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for result in self.results:
            if result.exceptions:
                counts["exception elements"] += len(result.exceptions)
            if result.error:
                counts[result.error.split(":", 1)[0]] += 1
        return counts

    def error_count(self) -> int:
        return sum(self.errors().values())

    def lines(self) -> list[str]:
        edits = self.edits
        out = [
            self.title,
            latency_line("first load", self.loads.results),
            latency_line("edit (send → finished)", edits.results),
        ]
        for page in sorted({r.page for r in edits.results}):
            page_results = [r for r in edits.results if r.page == page]
            out.append(latency_line(f"  edits on {page or 'home'}", page_results))
        errors = self.errors()
        out.append(
            "errors: "
            + (", ".join(f"{name} {count}" for name, count in sorted(errors.items())) or "0")
        )
        out.extend(f"  {text}" for text in self.exceptions()[:5])
        rate = edits.script_runs / edits.seconds if edits.seconds else math.nan
        out.append(
            f"script runs: {self.loads.script_runs} loading, {edits.script_runs} editing "
            f"({rate:.1f} runs/s over {edits.seconds:.1f} s)"
        )
        out.append(
            f"server CPU per script run: {self.loads.cpu_per_run:.3f} s loading, "
            f"{edits.cpu_per_run:.3f} s editing ({self.loads.cpu_seconds:.1f} + "
            f"{edits.cpu_seconds:.1f} CPU s)"
        )
        out.append(
            "server RSS: "
            + ", ".join(f"{moment} {size / MB:.0f} MB" for moment, size in self.rss.items())
        )
        return out


def soak_lines(
    curve: list[tuple[int, str, int]], baseline_after: int, limit_mb: float
) -> list[str]:
    """The RSS curve of a soak run, every 25th action, and the verdict against ``limit_mb``
    above the RSS after ``baseline_after`` actions."""
    out = ["action  what                        RSS"]
    for index, what, rss in curve:
        if index % 25 == 0 or index == len(curve):
            out.append(f"{index:6d}  {what:<26}  {rss / MB:6.0f} MB")
    if len(curve) > baseline_after:
        base = curve[baseline_after - 1][2]
        growth = (curve[-1][2] - base) / MB
        verdict = "within" if growth <= limit_mb else "ABOVE"
        out.append(
            f"RSS after {baseline_after} actions {base / MB:.0f} MB, at the end "
            f"{curve[-1][2] / MB:.0f} MB: {growth:+.0f} MB, {verdict} the {limit_mb:.0f} MB bound"
        )
    return out
