"""An independent count of the bytes a page receives, from Chrome DevTools Protocol network
events, to check the probe's in-page count (``--check-bytes-with-cdp``).

Off by default: every WebSocket frame's payload then travels to Python as base64 (for an
801 × 801 contour, ~17 MB per step), work that on a 2-core machine competes with the page
being timed. The probe counts the same bytes inside the page for free; on the development
machine both counts agreed to the byte.
"""

from __future__ import annotations

import base64
from typing import Any


class CdpByteCounter:
    """Running totals of WebSocket payload bytes (``Network.webSocketFrameReceived``) and
    HTTP bytes (``Network.loadingFinished``'s ``encodedDataLength``) received by one page."""

    def __init__(self, context: Any, page: Any) -> None:
        self.ws = 0
        self.http = 0
        self.session = context.new_cdp_session(page)
        self.session.on("Network.webSocketFrameReceived", self._frame)
        self.session.on("Network.loadingFinished", self._loaded)
        self.session.send("Network.enable")

    def _frame(self, event: dict[str, Any]) -> None:
        response = event["response"]
        payload = response["payloadData"]
        binary = response.get("opcode") == 2
        self.ws += len(base64.b64decode(payload)) if binary else len(payload.encode())

    def _loaded(self, event: dict[str, Any]) -> None:
        self.http += int(event.get("encodedDataLength", 0))

    @property
    def total(self) -> int:
        return self.ws + self.http
