"""The benchmark's tables (Markdown, ready for the README) and its JSON record."""

from __future__ import annotations

import dataclasses
import json
import math
import statistics
from typing import Any

from benchmarks.browser_timing.bare_pages import partners
from benchmarks.browser_timing.runner import InteractionResult, RunResults


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def p90(values: list[float]) -> float:
    """The 90th percentile by nearest rank: the value 90 % of the steps stay at or below
    (of 9 steps, the slowest)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(math.ceil(0.9 * len(ordered)) - 1, 0)]


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b and not math.isnan(a) and not math.isnan(b) else "–"


@dataclasses.dataclass(frozen=True)
class Summary:
    """Medians of one interaction and of its bare pages measured in the same rounds."""

    ms: float
    ms_p90: float
    kb: float
    bare_ms: float
    bare_kb: float
    unfrozen_ms: float
    server_ms: float
    browser_ms: float
    runs: float
    steps: int

    @property
    def times_bare(self) -> float:
        return self.ms / self.bare_ms if self.bare_ms else math.nan


def summarise(result: InteractionResult) -> Summary:
    frozen, plain = partners(result.partner_kind)
    bare = result.bare.get(frozen.name, [])
    unfrozen = result.bare.get(plain.name, [])
    return Summary(
        ms=median([t.total_ms for t in result.app]),
        ms_p90=p90([t.total_ms for t in result.app]),
        kb=median([t.received.total / 1000 for t in result.app]),
        bare_ms=median([t.total_ms for t in bare]),
        bare_kb=median([t.received.total / 1000 for t in bare]),
        unfrozen_ms=median([t.total_ms for t in unfrozen]),
        server_ms=median([t.server_ms for t in result.app]),
        browser_ms=median([t.browser_ms for t in result.app]),
        runs=median([t.received.runs for t in result.app]),
        steps=len(result.app),
    )


def interaction_table(results: RunResults) -> str:
    """One row per bare page (all its steps in the run) and per interaction."""
    lines = [
        "| page: control | ms per step, median | p90 | × bare | × bare without GC freeze "
        "| kB per step | × bare |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    pooled: dict[str, list[Any]] = {}
    for result in results.interactions:
        for name, steps in result.bare.items():
            pooled.setdefault(name, []).extend(steps)
    for name, steps in pooled.items():
        times = [t.total_ms for t in steps]
        kb = median([t.received.total / 1000 for t in steps])
        lines.append(
            f"| {name} (all {len(steps)} steps) | {median(times):.0f} | {p90(times):.0f} "
            f"| | | {kb:.1f} | |"
        )
    for result in results.interactions:
        if not result.app:
            lines.append(f"| {result.label} | {result.status} | | | | | |")
            continue
        s = summarise(result)
        note = "" if result.status == "ok" else f" ({result.status})"
        if result.repeated_states:
            note += f" ({result.repeated_states} steps to a state shown before)"
        lines.append(
            f"| {result.label}{note} | {s.ms:.0f} | {s.ms_p90:.0f} | {_ratio(s.ms, s.bare_ms)} "
            f"| {_ratio(s.ms, s.unfrozen_ms)} | {s.kb:.1f} | {_ratio(s.kb, s.bare_kb)} |"
        )
    return "\n".join(lines)


def split_table(results: RunResults) -> str:
    """Where each interaction's time goes (medians): input → last message received (server
    and transport; a message is stamped when the page's main thread gets to it), last message
    → drawn and idle (browser), and script runs per step."""
    lines = [
        "| page: control | steps | input → last message, ms | → drawn, ms | bare ms "
        "| runs per step |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for result in results.interactions:
        if not result.app:
            continue
        s = summarise(result)
        lines.append(
            f"| {result.label} | {s.steps} | {s.server_ms:.0f} | {s.browser_ms:.0f} "
            f"| {s.bare_ms:.0f} | {s.runs:g} |"
        )
    return "\n".join(lines)


def load_table(results: RunResults) -> str:
    if not results.loads:
        return ""
    reference = median([t.ms for t in results.loads.get("bare contour page", [])])
    lines = [
        "| page | first load until charts drawn, ms (median) | × bare contour page "
        "| WebSocket kB | HTTP kB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, timings in results.loads.items():
        ms = median([t.ms for t in timings])
        lines.append(
            f"| {name} | {ms:.0f} | {_ratio(ms, reference)} "
            f"| {median([t.ws_bytes / 1000 for t in timings]):.1f} "
            f"| {median([t.http_bytes / 1000 for t in timings]):.0f} |"
        )
    return "\n".join(lines)


def cdp_check_line(results: RunResults) -> str:
    """How the probe's byte counts compare with DevTools' (empty unless the check ran)."""
    steps = [
        step
        for result in results.interactions
        for step in (*result.app, *(t for ts in result.bare.values() for t in ts))
        if step.cdp_bytes is not None
    ]
    if not steps:
        return ""
    worst = max(abs(step.cdp_bytes - step.received.total) for step in steps)
    return (
        f"Bytes checked against DevTools network events on {len(steps)} steps: largest "
        f"difference {worst} bytes."
    )


def report(results: RunResults) -> str:
    options = results.options
    parts = [
        f"Interactions: each step moves one control to a value not shown before, timed from the "
        f"input until the chart shows the new data and the script is idle; {options.steps} "
        f"steps after {options.warmup} warm-up, app and bare pages alternately. × bare: against "
        "the bare page (with the app's GC freeze) measured in the same rounds; kB: WebSocket "
        "and HTTP received per step.",
        "",
        interaction_table(results),
        "",
        split_table(results),
    ]
    loads = load_table(results)
    if loads:
        parts += [
            "",
            f"First loads (a new browser context each, {options.loads} rounds):",
            "",
            loads,
        ]
    check = cdp_check_line(results)
    if check:
        parts += ["", check]
    parts += ["", f"Run took {results.seconds:.0f} s."]
    return "\n".join(parts)


def as_json(results: RunResults) -> str:
    """Every step of the run, the summaries, and the options, as JSON."""
    record = {
        "options": {
            "steps": results.options.steps,
            "warmup": results.options.warmup,
            "loads": results.options.loads,
            "budget_s": results.options.budget_s,
            "interactions": [i.name for i in results.options.interactions],
        },
        "seconds": results.seconds,
        "interactions": [
            {
                **dataclasses.asdict(result),
                "summary": dataclasses.asdict(summarise(result)) if result.app else None,
            }
            for result in results.interactions
        ],
        "loads": {name: [dataclasses.asdict(t) for t in ts] for name, ts in results.loads.items()},
    }
    return json.dumps(record, indent=1, allow_nan=True)
