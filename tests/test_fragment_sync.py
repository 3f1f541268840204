"""softlse_app.common.fragment_sync: a fragment running alone reruns the page exactly when
another fragment's recorded controls changed without it — never on a whole-page run, never
before a recording, never when nothing changed (which would rerun the page on every click)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
import streamlit as st

from softlse_app.common import fragment_sync
from softlse_app.common.fragment_sync import (
    record_fragment_inputs,
    rerun_page_if_fragment_missed,
)


class FakeSessionState(dict[str, Any]):
    pass


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """A session state, a script-run context whose fragment ids the test sets, and a count of
    page reruns requested."""
    state = FakeSessionState()
    reruns: list[None] = []
    ctx = SimpleNamespace(fragment_ids_this_run=None)
    monkeypatch.setattr(st, "session_state", state)
    monkeypatch.setattr(fragment_sync.st, "session_state", state)
    monkeypatch.setattr(fragment_sync, "get_script_run_ctx", lambda: ctx)
    monkeypatch.setattr(fragment_sync.st, "rerun", lambda: reruns.append(None))
    return SimpleNamespace(state=state, ctx=ctx, reruns=reruns)


KEYS = ("v", "lam", "neg", "c")


def _draw(page: SimpleNamespace, **values: Any) -> None:
    page.state.update(values)
    record_fragment_inputs("controls", KEYS)


def test_no_rerun_when_nothing_changed(page: SimpleNamespace) -> None:
    _draw(page, v="1, 2, 3", lam=1.0, neg=False, c=0.0)
    page.ctx.fragment_ids_this_run = ["tabs"]  # a tab click: the tabs run alone
    for _ in range(3):
        rerun_page_if_fragment_missed("controls")
    assert page.reruns == []


def test_one_rerun_when_a_control_changed_without_its_fragment(page: SimpleNamespace) -> None:
    _draw(page, v="1, 2, 3", lam=1.0, neg=False, c=0.0)
    page.ctx.fragment_ids_this_run = ["tabs"]
    page.state["v"] = "2, 4, 6"  # committed by the box, whose fragment did not run
    rerun_page_if_fragment_missed("controls")
    assert len(page.reruns) == 1
    _draw(page)  # the page's rerun draws the controls' fragment, which records again
    rerun_page_if_fragment_missed("controls")
    assert len(page.reruns) == 1


@pytest.mark.parametrize(("key", "value"), [("lam", 7.0), ("neg", True), ("c", -0.5)])
def test_every_recorded_key_counts(page: SimpleNamespace, key: str, value: Any) -> None:
    _draw(page, v="1, 2, 3", lam=1.0, neg=False, c=0.0)
    page.ctx.fragment_ids_this_run = ["tabs"]
    page.state[key] = value
    rerun_page_if_fragment_missed("controls")
    assert len(page.reruns) == 1


@pytest.mark.parametrize("fragment_ids", [None, []])
def test_never_on_a_whole_page_run(page: SimpleNamespace, fragment_ids: Any) -> None:
    _draw(page, v="1, 2, 3", lam=1.0, neg=False, c=0.0)
    page.ctx.fragment_ids_this_run = fragment_ids
    page.state["v"] = "2, 4, 6"  # the whole page runs: the controls' fragment draws it
    rerun_page_if_fragment_missed("controls")
    assert page.reruns == []


def test_never_without_a_script_run_or_before_a_recording(
    page: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.ctx.fragment_ids_this_run = ["tabs"]
    rerun_page_if_fragment_missed("controls")  # nothing recorded yet
    _draw(page, v="1, 2, 3", lam=1.0, neg=False, c=0.0)
    page.state["v"] = "2, 4, 6"
    monkeypatch.setattr(fragment_sync, "get_script_run_ctx", lambda: None)
    rerun_page_if_fragment_missed("controls")
    assert page.reruns == []


def test_a_recording_is_a_copy(page: SimpleNamespace) -> None:
    """A list value changed in place later still counts as a change."""
    page.state["lams"] = [1.0, 10.0]
    record_fragment_inputs("grid", ("lams",))
    page.ctx.fragment_ids_this_run = ["gradient"]
    page.state["lams"].append(100.0)
    rerun_page_if_fragment_missed("grid")
    assert len(page.reruns) == 1
