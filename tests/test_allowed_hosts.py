"""Hosts are pinned (issue 12): the app's websocket refuses a page on a host name that is not
in ``server.allowedHosts`` — the shape of a DNS-rebinding attack, where a foreign name resolves
to the server and the page's ``Origin`` equals its ``Host`` — while a local ``streamlit run``
stays usable on localhost. The setting is one environment variable for deployments,
``STREAMLIT_SERVER_ALLOWED_HOSTS`` (space-separated), set by the Docker image and the
Kubernetes Deployment. These tests start real servers on loopback ports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

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


def _entrypoint() -> list[str]:
    """The image's ENTRYPOINT, as Docker runs it (exec form: a JSON array)."""
    found = re.search(r"^ENTRYPOINT (\[.*\])$", (ROOT / "Dockerfile").read_text(), re.M)
    assert found, "the Dockerfile has no exec-form ENTRYPOINT"
    return json.loads(found[1])


@pytest.mark.parametrize(
    ("allowed", "warned"),
    [
        (None, True),
        ("localhost 127.0.0.1 ::1", True),  # the image's default
        ("class.example.edu localhost", False),
        ("class.example.edu", False),
    ],
)
def test_the_image_warns_at_start_when_students_names_would_be_refused(
    tmp_path: Path, allowed: str | None, warned: bool
) -> None:
    # The container listens on 0.0.0.0; with loopback names only, a student's page on the
    # server's name loaded as a grey skeleton forever (websocket 403, nothing said). The
    # entrypoint runs here as Docker runs it, with a `streamlit` on PATH that prints its
    # arguments instead of serving.
    (tmp_path / "streamlit").write_text('#!/bin/sh\necho "streamlit $*"\n')
    (tmp_path / "streamlit").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "STREAMLIT_SERVER_ALLOWED_HOSTS"}
    env |= {"PATH": f"{tmp_path}:{env['PATH']}", "STREAMLIT_SERVER_PORT": "8501"}
    if allowed is not None:
        env["STREAMLIT_SERVER_ALLOWED_HOSTS"] = allowed
    env.pop("SOFTLSE_WORKERS", None)
    done = subprocess.run(
        _entrypoint(), cwd=ROOT, env=env, capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "streamlit run app.py --server.port=8501 --server.address=0.0.0.0"
    )
    if warned:
        assert "warning: serving on 0.0.0.0, but STREAMLIT_SERVER_ALLOWED_HOSTS" in done.stderr
        assert "-e STREAMLIT_SERVER_ALLOWED_HOSTS='class.example.edu localhost'" in done.stderr
    else:
        assert done.stderr == ""


def test_the_image_reads_a_host_list_separated_by_commas_with_a_note(tmp_path: Path) -> None:
    # Streamlit splits the list on spaces only: "class.example.edu,localhost" was one name that
    # matched nothing, every page stayed grey and nothing said why (serve_class.sh, used with
    # SOFTLSE_WORKERS, already read commas as spaces; the single process did not).
    (tmp_path / "streamlit").write_text(
        '#!/bin/sh\necho "streamlit $*"\necho "hosts=$STREAMLIT_SERVER_ALLOWED_HOSTS"\n'
    )
    (tmp_path / "streamlit").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "SOFTLSE_WORKERS"}
    env |= {"PATH": f"{tmp_path}:{env['PATH']}", "STREAMLIT_SERVER_PORT": "8501"}
    env["STREAMLIT_SERVER_ALLOWED_HOSTS"] = "class.example.edu,localhost"
    done = subprocess.run(
        _entrypoint(), cwd=ROOT, env=env, capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "hosts=class.example.edu localhost"
    assert done.stderr == (
        "softlse: note: STREAMLIT_SERVER_ALLOWED_HOSTS is separated by spaces, not commas: "
        "reading 'class.example.edu,localhost' as 'class.example.edu localhost'\n"
    )  # a note, and no warning: class.example.edu is a name students can use


def test_the_image_with_workers_warns_through_serve_class() -> None:
    # SOFTLSE_WORKERS hands over to serve_class.sh on 0.0.0.0, which warns the same way with
    # the image's default names (a bad worker count then stops it before anything starts).
    env = {**os.environ, "SOFTLSE_WORKERS": "none", "STREAMLIT_SERVER_PORT": "8501"}
    env["STREAMLIT_SERVER_ALLOWED_HOSTS"] = "localhost 127.0.0.1 ::1"
    done = subprocess.run(
        _entrypoint(), cwd=ROOT, env=env, capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 2
    assert "warning: serving on 0.0.0.0, but the app's websocket accepts only" in done.stderr
    assert '(STREAMLIT_SERVER_ALLOWED_HOSTS is "localhost 127.0.0.1 ::1")' in done.stderr
    assert "(SOFTLSE_WORKERS) must be a whole number" in done.stderr


def test_the_load_benchmark_says_why_a_server_refuses_its_websocket() -> None:
    # Pointed at 127.0.0.1 while the server allows other names, it died with a ProtocolError
    # traceback (a 403 handshake); now one line says what to change, and nothing is measured.
    with ServerProcess(env={"STREAMLIT_SERVER_ALLOWED_HOSTS": "class.example.edu"}) as server:
        url = f"http://127.0.0.1:{server.port}"
        done = subprocess.run(
            [
                *(sys.executable, "-m", "benchmarks.load", "--sessions", "2", "--edits", "1"),
                *("--think", "0", "--ttl", "1", "--url", url),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "refused the websocket with 403 Forbidden: '127.0.0.1' is not in its allowed hosts" in (
        done.stderr
    )
    assert f"use --url http://localhost:{server.port} or" in done.stderr
    assert "STREAMLIT_SERVER_ALLOWED_HOSTS" in done.stderr
    assert done.stdout == ""  # no figures from a run that never connected
