"""The browser benchmark's parts that run without a browser: its command line, the selection
of interactions, the statistics and tables it prints, and the bare contour page's numbers.
(The benchmark itself prints timings; no test here times anything.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.special

from benchmarks.bare_contour_app import LAMBDAS, lse_grid
from benchmarks.browser import select
from benchmarks.browser_timing.app_interactions import INTERACTIONS
from benchmarks.browser_timing.probed_page import Received, StepTiming
from benchmarks.browser_timing.report import interaction_table, p90, summarise
from benchmarks.browser_timing.runner import InteractionResult, Options, RunResults, state_of

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("script", ["benchmarks/browser.py", "benchmarks/browser_profile.py"])
def test_scripts_answer_help(script):
    done = subprocess.run(
        [sys.executable, script, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_every_page_and_control_of_the_issue_is_benchmarked():
    names = {interaction.name for interaction in INTERACTIONS}
    assert {
        "lse_vs_max/lam",
        "lse_vs_max/lam-801",
        "lse_vs_max/lam-typed",
        "lse_vs_max/extent",
        "lse_vs_max/res",
        "lse_vs_max/view",
        "softmax_grid/lams",
        "softmax_grid/glam",
        "softmax_grid/glam-typed",
        "softmax_grid/point",
        "vector_lab/vector",
        "vector_lab/lam",
        "vector_lab/lam-typed",
        "vector_lab/c",
        "vector_lab/a",
        "vector_lab/tab",
    } <= names


def test_select_by_page_and_control():
    assert [i.name for i in select(INTERACTIONS, "vector_lab", "tab")] == ["vector_lab/tab"]
    assert {i.name for i in select(INTERACTIONS, None, "lam")} == {
        "lse_vs_max/lam",
        "vector_lab/lam",
    }
    assert [i.name for i in select(INTERACTIONS, None, "lse_vs_max/res")] == ["lse_vs_max/res"]
    assert len(select(INTERACTIONS, None, None)) == len(INTERACTIONS)
    with pytest.raises(SystemExit, match="unknown page"):
        select(INTERACTIONS, "nowhere", None)
    with pytest.raises(SystemExit, match="unknown control"):
        select(INTERACTIONS, None, "lambda")


def test_p90_is_the_nearest_rank():
    assert p90([float(v) for v in range(1, 10)]) == 9.0  # of 9 steps: the slowest
    assert p90([float(v) for v in range(1, 21)]) == 18.0
    assert p90([5.0]) == 5.0


def _step(ms: float, kb: float) -> StepTiming:
    return StepTiming(ms, ms, ms, 0.0, Received(ws=int(kb * 1000), runs=1))


def test_table_row_is_median_and_ratio_to_the_bare_steps_of_the_same_rounds():
    result = InteractionResult("lse_vs_max/lam", "LSE vs max: λ", "contour")
    result.app = [_step(ms, 800) for ms in (300, 100, 200)]
    result.bare = {
        "bare contour page": [_step(ms, 560) for ms in (100, 150, 50)],
        "bare contour page, no GC freeze": [_step(ms, 560) for ms in (200, 250, 150)],
    }
    summary = summarise(result)
    assert summary.ms == 200
    assert summary.bare_ms == 100
    assert summary.times_bare == 2.0
    table = interaction_table(RunResults(Options(), interactions=[result]))
    assert "| LSE vs max: λ | 200 | 300 | 2.00 | 1.00 | 800.0 | 1.43 |" in table
    assert "| bare contour page (all 3 steps) | 100 | 150 | | | 560.0 | |" in table


def test_state_of_ignores_parameter_order():
    assert state_of("http://h/lse_vs_max?lam=2&res=801") == state_of(
        "http://h/lse_vs_max?res=801&lam=2"
    )
    assert state_of("http://h/lse_vs_max?lam=2") != state_of("http://h/lse_vs_max?lam=3")


def test_bare_contour_page_draws_lse_on_the_grid():
    axis, z = lse_grid(1.0)
    assert z.shape == (201, 201)
    assert axis[0] == -1.0
    assert axis[-1] == 1.0
    assert z[100, 100] == pytest.approx(np.log(2.0), rel=1e-15)  # lse((0, 0), 1) = log 2
    x, y = np.meshgrid(axis, axis)
    for lam in (0.01, 1.0, 1000.0):
        _, z = lse_grid(lam)
        expected = scipy.special.logsumexp(lam * np.stack([x, y]), axis=0) / lam
        np.testing.assert_allclose(z, expected, rtol=1e-12, atol=1e-15)
    assert LAMBDAS[0] == 0.01
    assert LAMBDAS[-1] == 1000.0
    assert {1.0, 10.0, 100.0} <= set(LAMBDAS)


def test_every_vector_lab_tab_is_opened_and_stepped_with_vectors_no_other_walk_types():
    from benchmarks.browser_timing.app_interactions import LAB_TABS, TabSwitch, lane_vector
    from softlse_app.vector_lab.sections import SECTIONS

    assert [label for label, _, _ in LAB_TABS] == [section.label for section in SECTIONS]
    names = {interaction.name for interaction in INTERACTIONS}
    for index, (_, name, _) in enumerate(LAB_TABS):
        assert f"vector_lab/tab-{name}" in names
        assert (f"vector_lab/lam-{name}" in names) == (index > 0)  # the first is vector_lab/lam
    typed: list[str] = []
    for lane in range(len(LAB_TABS) + 1):  # lane 0: the tab pair's walk
        switch = TabSwitch(None if lane == 0 else LAB_TABS[lane - 1][0], lane)
        typed += [switch.vectors.texts(k) for k in range(40)]
        if lane:
            typed += [lane_vector(lane)(k) for k in range(40)]
    assert len(set(typed)) == len(typed)  # no two walks meet each other's cached states
