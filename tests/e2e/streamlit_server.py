"""The e2e tests' server and browser helpers: the ones the browser benchmarks use
(:mod:`benchmarks.streamlit_server`), so both start Streamlit and Chromium the same way."""

from benchmarks.streamlit_server import (
    CHROMIUM_ARGS,
    CHROMIUM_CANDIDATES,
    ROOT,
    StreamlitServer,
    find_chromium,
    free_port,
)

__all__ = [
    "CHROMIUM_ARGS",
    "CHROMIUM_CANDIDATES",
    "ROOT",
    "StreamlitServer",
    "find_chromium",
    "free_port",
]
