"""One simulated browser tab: Streamlit's websocket protocol without a browser.

A browser talks to a Streamlit server over one websocket, ``/_stcore/stream``: it sends
protobuf ``BackMsg``s (``rerun_script`` with a ``ClientState``: the page, the query string and
the widgets' values) and receives ``ForwardMsg``s (``new_session``, ``delta``s with the page's
elements, ``page_info_changed`` with the query string the app wrote, ``script_finished``).
:class:`BrowserTab` does the same, so one process can drive dozens of sessions:

- a run is one ``rerun_script`` until a ``script_finished`` that is not "finished early for a
  rerun" (an ``st.rerun()`` in the script is part of the same user action);
- the widgets of the last run are kept by id with their proto (bounds, options, default), so a
  scenario can pick one and send a new value, and every later run sends the values set so far,
  as the browser's widget manager does;
- the query string follows the page: a bound widget's new value is written into it the way
  Streamlit's frontend does (``bind="query-params"``: the parameter is the widget's key and is
  left out at the widget's default), and a ``page_info_changed`` replaces it;
- large elements the server marked cacheable are remembered by hash and announced in
  ``cached_message_hashes``, so the server sends references instead, as to a browser;
- exception elements, a closed socket and a run that does not finish within the timeout are
  errors, recorded with the page and the message.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.load.run_elements import WIDGET_TYPES, RunElements, RunResult, Widget

#: Largest message accepted: a chart of a 801 × 801 grid is ~13 MB of JSON.
MAX_MESSAGE_BYTES = 256 * 1024 * 1024

#: A browser keeps at most this many cached messages; so does this client.
MAX_CACHED_HASHES = 2_000


class ProtocolError(RuntimeError):
    """The server closed or refused the websocket."""


class HostRefusedError(ProtocolError):
    """The server answered the websocket handshake with 403: the host name of the URL is not
    in its allowed hosts (``server.allowedHosts``, ``STREAMLIT_SERVER_ALLOWED_HOSTS``)."""


class BrowserTab:
    """One websocket session on a Streamlit server (see the module docstring).

    ``url`` is the app's base URL (``http://127.0.0.1:8501``); ``connect_host`` and
    ``host_header`` let a test send another ``Host``/``Origin`` than the address it connects to.
    """

    def __init__(
        self,
        url: str,
        *,
        run_timeout: float = 120.0,
        origin: str | None = None,
        connect_host: str | None = None,
        connect_port: int | None = None,
        cookies: str | None = None,
    ) -> None:
        self.ws_url = url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
        self.run_timeout = run_timeout
        self.origin = origin
        self.connect_host = connect_host
        self.connect_port = connect_port
        self.cookies = cookies
        self.query_string = ""
        self.page_name = ""  # URL path of the page (``""``: the default page)
        self.page_script_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash, from the navigation
        self.widgets: dict[str, Widget] = {}
        self.values: dict[str, WidgetState] = {}  # widget id -> value this tab has set
        self._triggers: list[WidgetState] = []  # button clicks for the next run
        self.cached_hashes: dict[str, None] = {}  # insertion-ordered set
        self._cached_deltas: dict[str, ForwardMsg] = {}
        self._ws: Any = None
        self.response_headers: dict[str, str] = {}  # of the websocket handshake
        self._shown = RunElements()

    async def connect(self) -> None:
        """Open the websocket (raises :class:`ProtocolError` when refused)."""
        kwargs: dict[str, Any] = {}
        if self.connect_host is not None:
            kwargs["host"] = self.connect_host
            kwargs["port"] = self.connect_port
        headers = {"Cookie": self.cookies} if self.cookies else None
        try:
            self._ws = await websockets.connect(
                self.ws_url,
                subprotocols=[websockets.Subprotocol("streamlit")],
                origin=websockets.Origin(self.origin) if self.origin else None,
                additional_headers=headers,
                max_size=MAX_MESSAGE_BYTES,
                proxy=None,
                open_timeout=self.run_timeout,
                ping_interval=None,
                **kwargs,
            )
        except websockets.exceptions.InvalidStatus as exc:
            if exc.response.status_code == 403:
                parts = urlsplit(self.ws_url)
                port = f":{parts.port}" if parts.port else ""
                other = "" if parts.hostname == "localhost" else f"--url http://localhost{port} or "
                raise HostRefusedError(
                    f"the server refused the websocket with 403 Forbidden: {parts.hostname!r} is"
                    " not in its allowed hosts (STREAMLIT_SERVER_ALLOWED_HOSTS, space-separated,"
                    f" or server.allowedHosts); use {other}a URL with a host name it allows, or"
                    f" add {parts.hostname} to that list"
                ) from exc
            raise ProtocolError(f"connect failed: {exc!r}") from exc
        except (OSError, websockets.exceptions.WebSocketException) as exc:
            raise ProtocolError(f"connect failed: {exc!r}") from exc
        self.response_headers = {k.lower(): v for k, v in self._ws.response.headers.raw_items()}

    async def probe_open(self) -> bool:
        """Connect and report whether the server keeps the socket open for a first message
        (``False`` when it closes it at once, as for a refused ``Host``)."""
        try:
            await self.connect()
            await asyncio.wait_for(self._ws.recv(), timeout=0.5)
        except ProtocolError:
            return False
        except TimeoutError:
            return True  # open and silent: nobody asked for a run yet
        except websockets.exceptions.ConnectionClosed:
            return False
        return True

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def load(self, page: str, query_string: str = "") -> RunResult:
        """Open ``page`` (its URL path, ``""`` for the default page) with a query string."""
        self.page_name = page
        self.page_script_hash = self.pages.get(page, "")
        self.query_string = query_string
        self.values.clear()
        return await self._run("load")

    async def navigate(self, page: str) -> RunResult:
        """Switch to another page of the app, as a click in the navigation does."""
        self.page_name = page
        self.page_script_hash = self.pages.get(page, "")
        self.query_string = ""
        self.values.clear()
        return await self._run("navigate")

    async def set_widget(self, widget: Widget, state: WidgetState, url_value: Any) -> RunResult:
        """Send ``state`` as the new value of ``widget`` and wait for the run to finish.

        ``url_value`` is what the frontend writes into the query string for a bound widget
        (``None``: the widget's default, the parameter is dropped)."""
        state.id = widget.id
        if state.WhichOneof("value") == "trigger_value":
            self._triggers.append(state)  # a click: sent with this run only
        else:
            self.values[widget.id] = state
        if widget.query_param_key:
            self._write_query_param(widget.query_param_key, url_value)
        return await self._run("edit")

    def _write_query_param(self, key: str, value: Any) -> None:
        pairs = [
            (k, v) for k, v in parse_qsl(self.query_string, keep_blank_values=True) if k != key
        ]
        if isinstance(value, (list, tuple)):
            pairs.extend((key, str(item)) for item in value)
        elif value is not None:
            pairs.append((key, str(value)))
        self.query_string = urlencode(pairs)

    async def _run(self, kind: str) -> RunResult:
        if self._ws is None:
            return RunResult(self.page_name, kind, 0.0, 0, error="disconnected: not connected")
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.page_name = self.page_name
        state.widget_states.widgets.extend(
            value for wid, value in self.values.items() if wid in self.widgets
        )
        state.widget_states.widgets.extend(self._triggers)
        self._triggers.clear()
        state.cached_message_hashes.extend(self.cached_hashes)
        started = time.perf_counter()
        result = RunResult(self.page_name, kind, 0.0, 0)
        self._shown = RunElements()
        try:
            await self._ws.send(msg.SerializeToString())
            await asyncio.wait_for(self._receive_until_finished(result), self.run_timeout)
        except TimeoutError:
            result.error = "timeout"
        except websockets.exceptions.ConnectionClosed as exc:
            result.error = f"disconnected: {exc!r}"
            self._ws = None
        result.seconds = time.perf_counter() - started
        if result.error is None:
            self.widgets = self._shown.widgets
        return result

    async def _receive_until_finished(self, result: RunResult) -> None:
        while True:
            raw = await self._ws.recv()
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "ref_hash":
                # A message this tab announced as cached: replay the one kept, if any.
                cached = self._cached_deltas.get(fwd.ref_hash)
                if cached is None:
                    continue
                cached.metadata.CopyFrom(fwd.metadata)
                fwd, kind = cached, "delta"
            elif fwd.metadata.cacheable and fwd.hash:
                self._remember(fwd)
            if kind == "new_session":
                self._on_new_session(fwd)
            elif kind == "navigation":
                self._on_pages(fwd.navigation.app_pages, fwd.navigation.page_script_hash)
            elif kind == "delta":
                self._shown.add(fwd, result)
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "page_not_found":
                result.error = f"page not found: {fwd.page_not_found.page_name}"
            elif kind == "script_finished":
                result.script_runs += 1
                if fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        result.exceptions.append("compile error")
                    return
                self._shown = RunElements()

    def _remember(self, fwd: ForwardMsg) -> None:
        """Announce ``fwd`` as cached from now on; keep its content only if it is a widget or
        an exception (charts are never looked at again)."""
        self.cached_hashes[fwd.hash] = None
        element_type = fwd.delta.new_element.WhichOneof("type")
        if element_type in WIDGET_TYPES or element_type == "exception":
            kept = ForwardMsg()
            kept.CopyFrom(fwd)
            self._cached_deltas[fwd.hash] = kept
        while len(self.cached_hashes) > MAX_CACHED_HASHES:
            oldest = next(iter(self.cached_hashes))
            del self.cached_hashes[oldest]
            self._cached_deltas.pop(oldest, None)

    def _on_new_session(self, fwd: ForwardMsg) -> None:
        session = fwd.new_session
        self._on_pages(session.app_pages, session.page_script_hash)

    def _on_pages(self, app_pages: Any, current_hash: str) -> None:
        for app_page in app_pages:
            self.pages[app_page.url_pathname] = app_page.page_script_hash
        if current_hash:
            self.page_script_hash = current_hash
