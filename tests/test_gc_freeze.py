"""The garbage-collector freeze (softlse_app.common.gc_freeze): garbage is collected first, live
objects leave the collector's generations, and a call with no newly loaded module does nothing.

No timing here (that is benchmarks/browser.py's job): the tests check the mechanism that makes
Streamlit's after-run ``gc.collect(2)`` cheap — how many objects a collection still visits.
"""

from __future__ import annotations

import gc
import sys
import types
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import softlse_app.common.gc_freeze as gc_freeze

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def unfrozen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A process state as if nothing had been frozen yet; unfrozen again afterwards."""
    gc.unfreeze()
    monkeypatch.setattr(gc_freeze, "_modules_at_last_freeze", 0)
    yield
    gc.unfreeze()


class Node:
    """A reference cycle: only the cycle collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_garbage_is_collected_and_the_rest_frozen(unfrozen: None) -> None:
    garbage = Node()
    dead = weakref.ref(garbage)
    del garbage
    kept = Node()
    alive = weakref.ref(kept)
    tracked_before = len(gc.get_objects())
    assert gc.get_freeze_count() == 0

    assert gc_freeze.freeze_loaded_modules() is True

    assert dead() is None  # the cycle was freed before the freeze, not frozen with the rest
    assert alive() is kept
    frozen = gc.get_freeze_count()
    assert frozen > 0.9 * tracked_before - 1000
    # what a full collection still walks: only objects created since the freeze
    assert len(gc.get_objects()) < 0.05 * frozen


def test_only_newly_loaded_modules_trigger_another_freeze(
    unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert gc_freeze.freeze_loaded_modules() is True
    frozen = gc.get_freeze_count()
    garbage = Node()
    dead = weakref.ref(garbage)
    del garbage
    gc.disable()  # no automatic collection may free the cycle behind the test's back
    try:
        assert gc_freeze.freeze_loaded_modules() is False  # nothing new: no collection
        assert dead() is not None
        assert gc.get_freeze_count() == frozen
        monkeypatch.setitem(sys.modules, "softlse_test_new_module", types.ModuleType("new"))
        assert gc_freeze.freeze_loaded_modules() is True
        assert dead() is None
        assert gc.get_freeze_count() > frozen
    finally:
        gc.enable()


def test_the_app_freezes_on_its_run(unfrozen: None) -> None:
    at = AppTest.from_file(APP, default_timeout=30).run(timeout=30)
    assert not at.exception
    assert gc.get_freeze_count() > 10_000  # streamlit and its libraries at least
