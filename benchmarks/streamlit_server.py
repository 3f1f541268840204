"""Start a real ``streamlit run`` server and find a Chromium to drive it (used by the browser
benchmarks here and by the e2e tests, which import it from here: benchmarks do not depend on
tests).

The browser is Debian's Chromium (``apt-get install chromium``): Playwright's own browser
download cannot run on the machines this project targets, so it is launched through
``executable_path``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parents[1]

#: Flags for Chromium in containers and CI: no sandbox (often running as root), no GPU, and
#: nothing that phones home or updates itself during a test run.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

#: Where Chromium is looked for, in order (``SOFTLSE_CHROMIUM`` overrides all).
CHROMIUM_CANDIDATES: tuple[str, ...] = ("/usr/bin/chromium", "chromium", "chromium-browser")


def find_chromium() -> str | None:
    """Path of a Chromium executable: ``$SOFTLSE_CHROMIUM``, else Debian's ``/usr/bin/chromium``,
    else ``chromium``/``chromium-browser`` on ``PATH``; ``None`` if there is none."""
    override = os.environ.get("SOFTLSE_CHROMIUM")
    candidates = (override,) if override else CHROMIUM_CANDIDATES
    for candidate in candidates:
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StreamlitServer:
    """``streamlit run <script>`` on a free loopback port, headless, without file watcher or
    usage statistics; usable as a context manager. ``url`` is the app's base URL (no slash).
    ``script_args`` reach the script as ``sys.argv[1:]`` (``streamlit run script -- args``).

    The working directory is the repository root, so ``.streamlit/config.toml`` (theme) applies
    to every script started here, the bare benchmark page included.
    """

    def __init__(
        self,
        script: str | Path,
        *,
        script_args: tuple[str, ...] = (),
        startup_timeout: float = 60.0,
    ) -> None:
        self.script = Path(script)
        self.script_args = script_args
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.startup_timeout = startup_timeout
        self.log_path = ROOT / "test-artifacts" / f"streamlit-{self.script.stem}-{self.port}.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> StreamlitServer:
        """Start the server and wait until ``/_stcore/health`` answers ``ok``.

        Raises ``RuntimeError`` with the server's log when it exits or stays unhealthy for
        ``startup_timeout`` seconds.
        """
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.script),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(self.port),
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        if self.script_args:
            command += ["--", *self.script_args]
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{self.log()}")
            if self._healthy():
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit not healthy after {self.startup_timeout} s:\n{self.log()}")

    def _healthy(self) -> bool:
        try:
            health = f"{self.url}/_stcore/health"  # http://127.0.0.1:<port>, never file:
            with urllib.request.urlopen(health, timeout=2) as response:  # noqa: S310
                return response.read().strip() == b"ok"
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def log(self) -> str:
        """The server's output so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL after 10 s)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash or the out-of-memory killer would: no
        session is closed. :meth:`start` then starts a new one on the same port."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
