"""Which query parameters each page reads, found by running the page (not from a list kept by
hand), so a test that feeds every parameter hostile text also covers parameters added later.

A page reads its parameters through ``st.query_params`` (``get_all``, ``get``, ``[key]``,
``in``); :func:`query_params_read_by` runs the page once in AppTest and records every key
asked for.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from streamlit.runtime.state.query_params_proxy import QueryParamsProxy
from streamlit.testing.v1 import AppTest

from softlse_app.vector_lab.controls import parse_lab_vector

_READERS = ("get_all", "get", "__getitem__", "__contains__")


@cache
def query_params_read_by(page: Path) -> tuple[str, ...]:
    """The query-parameter keys the page script ``page`` reads on a first visit, in the order
    it first asks for them."""
    keys: list[str] = []

    def recording(name: str) -> Any:
        original = getattr(QueryParamsProxy, name)

        def read(self: QueryParamsProxy, key: str, *args: Any, **kwargs: Any) -> Any:
            if isinstance(key, str) and key not in keys:
                keys.append(key)
            return original(self, key, *args, **kwargs)

        return read

    with pytest.MonkeyPatch.context() as patch:
        for name in _READERS:
            patch.setattr(QueryParamsProxy, name, recording(name))
        at = AppTest.from_file(str(page), default_timeout=60)
        at.run(timeout=60)
    assert not at.exception, at.exception
    return tuple(keys)


def vector_problem(text: str) -> str:
    """The message the vector lab gives for ``text`` it cannot use: that of
    :func:`softlse_core.parse_vector`, or the lab's own for infinite entries."""
    _sigma, problem = parse_lab_vector(text)
    if problem is None:
        raise AssertionError(f"{text!r} is a readable vector")
    return problem


@cache
def text_box_max_chars(page: Path, key: str) -> int | None:
    """The ``max_chars`` of text box ``key`` on ``page`` (``None``: no limit). Streamlit's box
    ignores a longer paste as a whole, so a test types at most this much."""
    at = AppTest.from_file(str(page), default_timeout=60)
    at.run(timeout=60)
    return at.text_input(key=key).max_chars or None
