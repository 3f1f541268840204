"""Oversized links against the real server (issue 12 item 4): what each size gets.

- More parameters than Streamlit reads (it would drop them all and show the defaults without
  a word): the page reopens with a note saying the link was too long and how to share instead.
- A request line past the HTTP server's limit (about 128 KiB): uvicorn's bare 400, before the
  app runs — what the README says, measured here so a Streamlit upgrade that moves the limit
  shows up.
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
from app_page import AppPage
from playwright.sync_api import expect
from streamlit_server import StreamlitServer

from softlse_app.common.oversized_links import MAX_QUERY_FIELDS, OVERSIZED_PARAM

pytestmark = pytest.mark.e2e


def test_a_link_with_too_many_parameters_says_so_instead_of_silent_defaults(
    app: AppPage,
) -> None:
    extra = "&".join(f"p{index}=1" for index in range(MAX_QUERY_FIELDS))
    query = f"v=10,20,30&lam=100&{extra}"  # 1,002 parameters: one too many for Streamlit
    app.page.goto(f"{app.base_url}/vector_lab?{query}")
    note = app.page.locator('[data-testid="stAlertContentWarning"]').filter(
        has_text="too long for the app to read"
    )
    expect(note).to_be_visible(timeout=app.timeout_ms)
    text = note.inner_text()
    assert f"({MAX_QUERY_FIELDS + 2:,} parameters and {len(query):,} characters;" in text
    assert "copy the address bar" in text
    app.wait_settled(after=0, chart="bars")
    app.expect_query(OVERSIZED_PARAM, None)  # a link copied now does not carry the marker
    app.expect_input_value("v", "1, 2, 3")  # the default view, as Streamlit left it
    app.assert_healthy(charts=1)


def raw_get(server_url: str, target: str) -> bytes:
    """The status line and body start the server sends for ``GET target`` (HTTP/1.1)."""
    address = urlsplit(server_url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as sock:
        sock.sendall(
            f"GET {target} HTTP/1.1\r\nHost: {address.netloc}\r\nConnection: close\r\n\r\n".encode()
        )
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except ConnectionResetError:  # the server may close as soon as it has answered
            pass
    return received


def test_a_request_line_past_about_128_kib_gets_the_servers_bare_400(
    app_server: StreamlitServer,
) -> None:
    accepted = raw_get(app_server.url, "/vector_lab?v=" + "1," * 60_000)  # 120,014 bytes
    assert accepted.startswith(b"HTTP/1.1 200"), accepted[:80]
    refused = raw_get(app_server.url, "/vector_lab?v=" + "1," * 70_000)  # 140,014 bytes
    assert refused.startswith(b"HTTP/1.1 400"), refused[:80]
    assert refused.rstrip().endswith(b"Invalid HTTP request received."), refused[-80:]
