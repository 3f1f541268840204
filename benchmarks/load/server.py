"""The server under load: where it may be, how to start one, and what it costs.

- :func:`check_target`: only loopback addresses are targets, or one named host of the
  project's own test network (``--test-host``) that resolves to a private address; never
  anything on the internet.
- :class:`ServerProcess`: ``streamlit run app.py`` (or ``scripts/serve_class.sh`` with N
  workers) on a free loopback port, with a chosen ``server.disconnectedSessionTTL``; stopped
  with its whole process group.
- :class:`ProcessTree`: CPU seconds and resident memory of a process and all its descendants,
  read from ``/proc`` (Linux), so N workers behind a balancer count as one server.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


class TargetRefusedError(ValueError):
    """The URL points somewhere a load test must not go."""


def check_target(url: str, test_host: str | None = None) -> tuple[str, int]:
    """``(host, port)`` of ``url`` if it is a loopback address, or exactly ``test_host`` and
    that resolves only to private or loopback addresses; else :class:`TargetRefusedError`."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise TargetRefusedError(f"{url!r}: give an http:// URL with a host")
    host, port = parts.hostname, parts.port or 80
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port)}
    except socket.gaierror as exc:
        raise TargetRefusedError(f"{host!r} does not resolve: {exc}") from exc
    ips = [ipaddress.ip_address(address.split("%")[0]) for address in addresses]
    if all(ip.is_loopback for ip in ips):
        return host, port
    if test_host is not None and host == test_host and all(ip.is_private for ip in ips):
        return host, port
    raise TargetRefusedError(
        f"{host} ({', '.join(sorted(addresses))}) is not a loopback address; load tests only "
        "target this machine, or a host of your own test network named with --test-host"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def is_healthy(url: str, timeout: float = 2.0) -> bool:
    """Whether ``url``'s ``/_stcore/health`` answers ``ok`` (no proxy: loopback only)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_stcore/health", timeout=timeout) as response:
            return bool(response.read().strip() == b"ok")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


class ServerProcess:
    """A server this benchmark starts itself: ``streamlit run app.py`` when ``workers`` is 0,
    else ``bash scripts/serve_class.sh --workers N``; ``ttl`` is its
    ``server.disconnectedSessionTTL`` in seconds."""

    def __init__(
        self,
        *,
        workers: int = 0,
        ttl: int = 5,
        app_dir: Path = ROOT,
        log_path: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.app_dir = app_dir
        self.env = env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.ttl = ttl
        self.log_path = log_path or ROOT / "test-artifacts" / f"load-server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        if self.workers:
            return ["bash", str(self.app_dir / "scripts" / "serve_class.sh"), "--workers",
                    str(self.workers), "--port", str(self.port)]  # fmt: skip
        return [
            sys.executable, "-m", "streamlit", "run", str(self.app_dir / "app.py"),
            "--server.address", "127.0.0.1", "--server.port", str(self.port),
            "--server.headless", "true", "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip

    def start(self, timeout: float = 120.0) -> ServerProcess:
        """Start and wait for ``/_stcore/health``; :class:`RuntimeError` with the log if the
        server exits or stays unhealthy."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(self.ttl),
            **self.env,
        }
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self.command(),
                cwd=self.app_dir,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stop() ends all of it
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            if is_healthy(self.url):
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server not healthy after {timeout} s:\n{self.log()}")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        """SIGTERM to the server's process group, SIGKILL after 15 s."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def listening_pid(port: int) -> int | None:
    """The process listening on TCP ``port`` of this machine (``/proc/net/tcp*`` inode, then
    the process holding that socket); ``None`` if none is visible to this user."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as lines:
            next(lines)
            for line in lines:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{fields[9]}]")
    for pid in _pids():
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") in inodes:
                    return pid
    return None


def server_root(pid: int) -> int:
    """The root of the process tree that serves on the port ``pid`` listens on: ``pid`` itself
    when it runs Python (a Streamlit server); when it does not — HAProxy in front of
    ``scripts/serve_class.sh``'s workers — its parent, if the parent's tree runs Python
    processes (the workers are HAProxy's siblings, not its children); else ``pid``. Measuring
    the balancer alone reported 0 CPU s per script run and 18 MB."""
    if _runs_python(pid):
        return pid
    with contextlib.suppress(OSError, IndexError, ValueError):
        parent = int(_stat_fields(pid)[1])
        if parent > 1 and any(_runs_python(p) for p in ProcessTree(parent).pids()):
            return parent
    return pid


def _runs_python(pid: int) -> bool:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/comm") as comm:
        return comm.read().startswith("python")
    return False


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def _stat_fields(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as stat:
        text = stat.read()
    return text[text.rindex(")") + 2 :].split()  # fields from 3 (state) on


class ProcessTree:
    """A process and its descendants, looked up afresh at each reading (workers come and go).

    CPU seconds are user + system time of every live member plus what its reaped children
    used (``cutime``/``cstime``); resident memory is the sum of the members' RSS (pages shared
    between workers count once per worker)."""

    def __init__(self, root_pid: int) -> None:
        self.root_pid = root_pid

    def pids(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for pid in _pids():
            with contextlib.suppress(OSError, IndexError, ValueError):
                children.setdefault(int(_stat_fields(pid)[1]), []).append(pid)
        members, todo = [], [self.root_pid]
        while todo:
            pid = todo.pop()
            members.append(pid)
            todo.extend(children.get(pid, []))
        return members

    def cpu_seconds(self) -> float:
        ticks = 0
        for pid in self.pids():
            with contextlib.suppress(OSError, IndexError):
                fields = _stat_fields(pid)
                ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        return ticks / CLOCK_TICKS

    def rss_bytes(self) -> int:
        total = 0
        for pid in self.pids():
            with contextlib.suppress(OSError, IndexError), open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE_BYTES
        return total
