"""Run a coroutine to completion on an event loop of its own, in a worker thread.

Why a thread: the browser tests' session-wide Playwright (its sync API) keeps an asyncio loop
marked as running in pytest's main thread for the rest of the session, and ``asyncio.run``
refuses to start inside a running loop. The protocol-level clients (``benchmarks.load``) are
asyncio code, so the server tests that use them run them here, whatever ran before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` in a fresh thread; returns its result or raises its error."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="own-event-loop") as pool:
        return pool.submit(asyncio.run, coroutine).result()
