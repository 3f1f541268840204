"""The app's one rule for caching, shared by every page.

- **Numbers for the screen** (arrays, summaries, read-outs) are cached with
  :func:`cache_numbers`, Streamlit's ``st.cache_data``: the inputs are hashed and each hit
  returns a fresh copy, so a caller may modify what it gets.
- **Figures** are built from cached numbers. A figure worth caching is cached with
  :func:`cache_figure`, Streamlit's ``st.cache_resource``: each hit returns the *same* object,
  shared by every session, so a cached figure must never be mutated after it is returned.
  ``st.cache_data`` is never used for a ``go.Figure``: it would pickle and unpickle the figure
  on every hit, which costs about as much as building it again.
- Every cache is bounded (``max_entries``), and an entry that holds large arrays (a fine grid)
  gets a small bound, so the process's memory stays bounded however many sessions run.
- The cached functions take only what their result depends on, as plain hashable values
  (floats, ints, strings, tuples, bytes), so a change to one control does not miss the caches of
  figures it does not affect.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

F = TypeVar("F", bound=Callable[..., Any])


def cache_numbers(max_entries: int) -> Callable[[F], F]:
    """Decorator: cache a pure function's numbers across sessions (``st.cache_data``)."""
    return st.cache_data(max_entries=max_entries, show_spinner=False)  # type: ignore[return-value]


def cache_figure(max_entries: int) -> Callable[[F], F]:
    """Decorator: share a built figure across sessions (``st.cache_resource``); callers must not
    mutate what it returns."""
    return st.cache_resource(max_entries=max_entries, show_spinner=False)  # type: ignore[return-value]
