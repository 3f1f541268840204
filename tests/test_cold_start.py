"""A class clicking the link at once: a fresh server takes a crowd of first visitors.

Issue 11: 30 simultaneous first visitors of a just-started ``streamlit run app.py`` got
``AttributeError: partially initialized module 'pandas' has no attribute 'Series'`` on their
pages, because every script thread imported the pages' libraries on first use at the same
time. Every script now first calls :func:`softlse_app.common.warm_up.warm_up_process`, which
imports and initialises all of it once, before any page runs. These tests start real servers
on loopback ports.
"""

from __future__ import annotations

import ast
import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from own_event_loop import run_coroutine

from benchmarks.load.client import BrowserTab
from benchmarks.load.run_elements import RunResult
from benchmarks.load.server import ROOT, ServerProcess

pytestmark = pytest.mark.server

#: What each page shows once it has run to the end: keys of widgets a person reads and sets.
PAGE_WIDGETS = {
    "": set(),
    "lse_vs_max": {"lam", "extent", "res"},
    "softmax_grid": {"lams", "res", "glam"},
    "vector_lab": {"v", "lam", "c", "a"},
}
LINKS = {
    "": "",
    "lse_vs_max": "lam=10",
    "softmax_grid": "lams=0.5,2,50",
    "vector_lab": "v=10,20,30&lam=100",
}
CROWD = 60


async def _first_visits(url: str, count: int) -> list[tuple[RunResult, set[str]]]:
    """``count`` tabs connect, then all ask for their page at the same moment."""
    pages = list(PAGE_WIDGETS)
    tabs = [BrowserTab(url, run_timeout=90) for _ in range(count)]
    await asyncio.gather(*(tab.connect() for tab in tabs))
    results = await asyncio.gather(
        *(
            tab.load(pages[i % len(pages)], LINKS[pages[i % len(pages)]])
            for i, tab in enumerate(tabs)
        )
    )
    widget_keys = [{widget.key for widget in tab.widgets.values()} for tab in tabs]
    await asyncio.gather(*(tab.close() for tab in tabs))
    return list(zip(results, widget_keys, strict=True))


def test_a_crowd_of_first_visitors_on_a_fresh_server_sees_whole_pages() -> None:
    with ServerProcess(ttl=5) as server:
        visits = run_coroutine(_first_visits(server.url, CROWD))
    problems = [
        f"/{result.page}: {result.error or ''} {result.exceptions}"
        for result, _ in visits
        if result.error or result.exceptions
    ]
    assert problems == [], f"{len(problems)} of {CROWD} first visits failed: {problems[:5]}"
    for result, keys in visits:
        missing = PAGE_WIDGETS[result.page] - keys
        assert not missing, f"/{result.page} stopped before its controls {sorted(missing)}"


WARM_THEN_VISIT = """
import sys
from streamlit.testing.v1 import AppTest

AppTest.from_string("import streamlit as st\\nst.write(1)").run()  # the harness's own imports
from softlse_app.common.warm_up import warm_up_process

warm_up_process()
before = set(sys.modules)
visits = [("app.py", {}), ("pages/home.py", {}), ("pages/lse_vs_max.py", {}),
          ("pages/lse_vs_max.py", {"view": "sheet"}), ("pages/softmax_grid.py", {}),
          ("pages/sheet.py", {"reveal": "all", "pc2": "abc"})]
visits += [("pages/vector_lab.py", {"section": label}) for label in (
    "Offset and scale", "lse vs max", "Temperature sweep", "Simplex", "Stable vs textbook")]
for path, query in visits:
    app = AppTest.from_file(path, default_timeout=120)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, (path, query, [e.message for e in app.exception])
print(" ".join(sorted(set(sys.modules) - before)))
"""


def test_after_the_warm_up_no_page_imports_anything() -> None:
    """Every page and section, run once after the warm-up, loads no new module:
    nothing is left for racing first visitors to import. (A new plotly trace type or
    Streamlit element must be added to the warm-up's sample figure or serialisers.)"""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(WARM_THEN_VISIT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    late_imports = [
        name
        for name in done.stdout.split()
        # AppTest scans for components on every run (the server does it once at start).
        if not name.startswith(("packaging", "streamlit.components.v2.manifest_scanner"))
    ]
    assert late_imports == []


def _opening_statements(path: Path) -> list[str]:
    """The first two statements of a script after its docstring and ``__future__`` import."""
    body = ast.parse(path.read_text()).body
    body = [
        node
        for node in body
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        and not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
    ]
    return [ast.unparse(node) for node in body[:2]]


@pytest.mark.parametrize(
    "script", ["app.py", *sorted(p.name for p in (ROOT / "pages").glob("*.py"))]
)
def test_every_script_warms_the_process_up_before_anything_else(script: str) -> None:
    """A deep link into a fresh server runs a page file directly: each one, not just app.py,
    must wait for the warm-up before its own imports."""
    path = ROOT / script if script == "app.py" else ROOT / "pages" / script
    assert _opening_statements(path) == [
        "from softlse_app.common.warm_up import warm_up_process",
        "warm_up_process()",
    ]
