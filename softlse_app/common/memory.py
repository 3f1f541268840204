"""Give the C allocator's freed memory back to the system after a class leaves.

Python releases a closed session's objects (after ``server.disconnectedSessionTTL``), but the
memory they used goes back to glibc's malloc, which keeps it for reuse: a server that had
twenty sessions stays at their peak resident size after all of them expired. Two measures,
both no-ops (returning ``False``) where the C library is not glibc:

- :func:`limit_arenas`: at most two malloc arenas (heaps) for the whole process. glibc would
  otherwise give busy script threads their own arenas (up to 8 per core), each keeping its own
  freed memory; two keep the server's peak lower at no measurable CPU cost per rerun (a lower
  mmap threshold would return even more, but costs CPU on every large array, so it is not set).
- :func:`start_trimmer`: a daemon thread that looks every ``interval`` seconds at how much
  freed memory malloc holds (``mallinfo2``, a fraction of a millisecond) and, when it is at
  least ``min_free_bytes``, asks glibc to return it (``malloc_trim(0)``). The trim releases
  the interpreter lock and takes a fraction of a second, so under a steady class it runs
  seldom (freed memory is reused at once) and after a class it brings the size down.

``python -m benchmarks.load`` prints the server's RSS at start, at its peak, when all sessions
have closed and after the TTL; the README has the figures.
"""

from __future__ import annotations

import ctypes
import threading
import time

#: glibc ``mallopt`` parameter (``malloc.h``) and the value set.
M_ARENA_MAX, ARENA_MAX = -8, 2

TRIM_INTERVAL_S = 15.0
TRIM_MIN_FREE_BYTES = 64 * 1024 * 1024

_trimmer: threading.Thread | None = None
_trimmer_lock = threading.Lock()


class MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2`` (glibc ≥ 2.33): sizes in bytes over all arenas."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


def _glibc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):
        return None
    return libc


def limit_arenas() -> bool:
    """At most ``ARENA_MAX`` malloc arenas from now on; whether glibc took the setting."""
    libc = _glibc()
    return libc is not None and bool(libc.mallopt(M_ARENA_MAX, ARENA_MAX))


def free_heap_bytes() -> int | None:
    """Bytes malloc holds freed and unused (``mallinfo2().fordblks``); ``None`` off glibc."""
    libc = _glibc()
    return None if libc is None else int(libc.mallinfo2().fordblks)


def trim_if_worthwhile(min_free_bytes: int = TRIM_MIN_FREE_BYTES) -> bool:
    """``malloc_trim(0)`` when malloc holds at least ``min_free_bytes`` freed; whether it
    trimmed."""
    libc = _glibc()
    if libc is None or libc.mallinfo2().fordblks < min_free_bytes:
        return False
    libc.malloc_trim(0)
    return True


def start_trimmer(
    interval: float = TRIM_INTERVAL_S, min_free_bytes: int = TRIM_MIN_FREE_BYTES
) -> bool:
    """Start the trimming daemon thread once per process; whether this call started it."""
    global _trimmer
    with _trimmer_lock:
        if _trimmer is not None or _glibc() is None:
            return False

        def trim_forever() -> None:
            while True:
                time.sleep(interval)
                trim_if_worthwhile(min_free_bytes)

        _trimmer = threading.Thread(target=trim_forever, name="softlse-malloc-trim", daemon=True)
        _trimmer.start()
        return True
