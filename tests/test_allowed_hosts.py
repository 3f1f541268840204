"""Hosts are pinned (issue 12): the app's websocket refuses a page on a host name that is not
in ``server.allowedHosts`` — the shape of a DNS-rebinding attack, where a foreign name resolves
to the server and the page's ``Origin`` equals its ``Host`` — while a local ``streamlit run``
stays usable on localhost. The setting is one environment variable for deployments,
``STREAMLIT_SERVER_ALLOWED_HOSTS`` (space-separated), set by the Docker image and the
Kubernetes Deployment. These tests start real servers on loopback ports."""

from __future__ import annotations

import re

import pytest
from own_event_loop import run_coroutine

from benchmarks.load.client import BrowserTab
from benchmarks.load.server import ROOT, ServerProcess

pytestmark = pytest.mark.server


def _opens(port: int, host: str, *, with_origin: bool = True) -> bool:
    """Whether the server keeps a websocket open whose ``Host`` (and ``Origin``, as a page on
    that host sends it) names ``host``, connecting to 127.0.0.1 whatever the name."""
    origin = f"http://{host}:{port}" if with_origin else None
    tab = BrowserTab(
        f"http://{host}:{port}", origin=origin, connect_host="127.0.0.1", connect_port=port
    )

    async def probe() -> bool:
        try:
            return await tab.probe_open()
        finally:
            await tab.close()

    return run_coroutine(probe())


def test_a_local_run_takes_loopback_names_and_refuses_a_foreign_one() -> None:
    with ServerProcess() as server:
        assert _opens(server.port, "localhost")
        assert _opens(server.port, "127.0.0.1")
        assert not _opens(server.port, "evil.example")
        assert not _opens(server.port, "evil.example", with_origin=False)


def test_the_environment_variable_pins_the_deployment_s_names() -> None:
    names = {"STREAMLIT_SERVER_ALLOWED_HOSTS": "class.example.edu softlse.example.org"}
    with ServerProcess(env=names) as server:
        assert _opens(server.port, "class.example.edu")
        assert _opens(server.port, "softlse.example.org")
        assert not _opens(server.port, "evil.example")
        assert not _opens(server.port, "localhost")  # pinned to exactly those names


def test_the_docker_image_pins_hosts_by_default() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    # The ENV instruction's continuation line (the comments above it show other examples).
    found = re.search(r'^ +STREAMLIT_SERVER_ALLOWED_HOSTS="([^"]+)" \\$', dockerfile, re.M)
    assert found, "the Dockerfile sets no STREAMLIT_SERVER_ALLOWED_HOSTS"
    assert found[1].split() == ["localhost", "127.0.0.1", "::1"]
