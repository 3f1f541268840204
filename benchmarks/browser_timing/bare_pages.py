"""The bare pages every interaction is measured against, each with and without the app's
garbage-collector freeze (``softlse_app/common/gc_freeze.py``; the app freezes, so "× bare" in the
report is against the frozen page, and the unfrozen one shows what a default Streamlit page
pays).

- contour: ``benchmarks/bare_contour_app.py``, a log-scale λ ``select_slider`` and a plain
  201 × 201 ``go.Contour`` of lse; its step is one arrow-key stop of λ, walking back at the
  ends (the page caches nothing, so a repeated λ is computed and sent again).
- one_input: ``benchmarks/bare_app.py`` (``bare_app_frozen.py`` with the freeze), a text box
  and one bar chart; its step is a new vector typed and Enter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmarks.browser_timing.app_interactions import new_vector
from benchmarks.browser_timing.controls import ControlRef
from benchmarks.browser_timing.interaction import SliderWalk, Stepper, TypedValues
from benchmarks.browser_timing.probed_page import ChartRef

BENCHMARKS = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BarePage:
    """One bare page: its script (and arguments), how the report names it, how it steps."""

    name: str
    script: Path
    script_args: tuple[str, ...]
    kind: str  # "contour" or "one_input": the interactions it is the partner of
    frozen: bool

    def make_stepper(self) -> Stepper:
        if self.kind == "contour":
            return SliderWalk(
                ControlRef("bare λ slider", keys=("lam",), label="λ"),
                ChartRef(keys=("contour",), index=0),
                lane_change=None,
            )
        return TypedValues(
            ControlRef("bare vector box", keys=("v",), label="(?i)vector"),
            new_vector,
            ChartRef(keys=("bars",), index=0),
        )


BARE_PAGES: tuple[BarePage, ...] = (
    BarePage("bare contour page", BENCHMARKS / "bare_contour_app.py", (), "contour", True),
    BarePage(
        "bare contour page, no GC freeze",
        BENCHMARKS / "bare_contour_app.py",
        ("--no-gc-freeze",),
        "contour",
        False,
    ),
    BarePage("bare one-input page", BENCHMARKS / "bare_app_frozen.py", (), "one_input", True),
    BarePage(
        "bare one-input page, no GC freeze", BENCHMARKS / "bare_app.py", (), "one_input", False
    ),
)


def partners(kind: str) -> tuple[BarePage, BarePage]:
    """The (frozen, unfrozen) bare pages of ``kind``."""
    frozen = next(p for p in BARE_PAGES if p.kind == kind and p.frozen)
    plain = next(p for p in BARE_PAGES if p.kind == kind and not p.frozen)
    return frozen, plain
