"""Fragments that stay in step when one browser message carries edits for two of them.

A text box commits its text when it loses focus. When a person leaves a box by clicking a
control of another fragment (type a vector, then click a tab), the browser sends both new
values in one message that reruns only one of the two fragments (observed with Streamlit
1.67): the other fragment's new value is in the session state, but its code does not run,
so the page shows numbers of the old value and the link loses the new one.

So a fragment records the values its controls had when it last ran
(:func:`record_fragment_inputs`), and a fragment that can run without it checks them first
(:func:`rerun_page_if_fragment_missed`): when, in a run of fragments only, they differ from
the session state, the whole page reruns once, and every fragment draws the same values.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

__all__ = ["record_fragment_inputs", "rerun_page_if_fragment_missed"]


def _record_key(fragment: str) -> str:
    return f"_fragment_inputs_{fragment}"


def _current_inputs(keys: Sequence[str]) -> tuple[Any, ...]:
    return tuple(copy.deepcopy(st.session_state.get(key)) for key in keys)


def record_fragment_inputs(fragment: str, keys: Sequence[str]) -> None:
    """Remember the session-state values of ``keys`` (the controls of ``fragment``, read in
    this run) as the ones ``fragment`` has drawn with. Call after its controls."""
    st.session_state[_record_key(fragment)] = (tuple(keys), _current_inputs(keys))


def rerun_page_if_fragment_missed(fragment: str) -> None:
    """Rerun the whole page if ``fragment``'s controls changed without it running.

    Only in a run of fragments alone (a whole-page run runs ``fragment`` too, so a
    difference there is about to be drawn) and only after ``fragment`` has recorded its
    inputs once. The rerun draws every fragment from the current values and records them
    again, so it happens once per such message."""
    ctx = get_script_run_ctx()
    if ctx is None or not ctx.fragment_ids_this_run:
        return
    recorded = st.session_state.get(_record_key(fragment))
    if recorded is None:
        return
    keys, values = recorded
    if _current_inputs(keys) != values:
        st.rerun()
