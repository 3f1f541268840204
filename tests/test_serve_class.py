"""``scripts/serve_class.sh``: N Streamlit workers behind HAProxy with cookie affinity, health
checks and restarts, on loopback ports (issue 11). Needs Debian's ``haproxy``; skipped with
the reason where it is missing, except in CI (``CI`` set), where that fails the run."""

from __future__ import annotations

import asyncio
import contextlib
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from own_event_loop import run_coroutine

from benchmarks.load.client import BrowserTab
from benchmarks.load.server import ROOT, ProcessTree, free_port, listening_pid, server_root

pytestmark = pytest.mark.server

SCRIPT = ROOT / "scripts" / "serve_class.sh"
COOKIE = "SOFTLSE_WORKER"


def _require_haproxy() -> None:
    if shutil.which("haproxy") is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but haproxy is missing (apt-get install haproxy)")
        pytest.skip("haproxy is not installed (Debian: apt-get install haproxy)")


@pytest.mark.parametrize("workers", ["0", "-1", "abc", "2.5", "65", "100000", "1" * 25, ""])
def test_a_bad_worker_count_is_a_clear_error_at_start(workers: str) -> None:
    done = subprocess.run(
        ["bash", str(SCRIPT), "--workers", workers, "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert "number of workers (--workers) must be" in done.stderr
    assert f"not '{workers}'" in done.stderr or f"not {workers}" in done.stderr
    assert "worker w1" not in done.stdout  # nothing was started


def test_a_bad_softlse_workers_is_named_in_the_error() -> None:
    done = subprocess.run(
        ["bash", str(SCRIPT), "--port", str(free_port())],
        env={**os.environ, "SOFTLSE_WORKERS": "four"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert "(SOFTLSE_WORKERS) must be a whole number from 1 to 64, not 'four'" in done.stderr


@dataclass
class ClassServer:
    """A running serve_class.sh and the lines it has printed so far."""

    process: subprocess.Popen[str]
    port: int
    lines: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_for(self, condition: Callable[[], object], what: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"serve_class.sh exited:\n{self.output()}"
            assert time.monotonic() < deadline, f"no {what} within {timeout} s:\n{self.output()}"
            time.sleep(0.2)

    def output(self) -> str:
        return "\n".join(self.lines[-60:])

    def worker_pids(self) -> dict[str, int]:
        """The latest pid printed for each worker name."""
        pids = {}
        for line in list(self.lines):
            if found := re.match(r"serve_class: worker (w\d+) pid (\d+) on", line):
                pids[found[1]] = int(found[2])
        return pids


@pytest.fixture
def two_workers() -> Iterator[ClassServer]:
    _require_haproxy()
    port = free_port()
    process = subprocess.Popen(
        ["bash", str(SCRIPT), "--workers", "2", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    server = ClassServer(process, port)

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            server.lines.append(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    try:
        server.wait_for(lambda: "serve_class: ready" in "\n".join(server.lines), "ready line")
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def _get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=10) as response:
        headers = {k.lower(): v for k, v in response.headers.items()}
        return response.status, headers, response.read()


async def _sessions(url: str, count: int, cookie: str | None) -> list[tuple[str, set[str]]]:
    """``count`` websocket sessions at once, each loading the vector lab: the worker that
    answered each handshake, and the widget keys its page showed."""
    tabs = [BrowserTab(url, cookies=cookie, run_timeout=90) for _ in range(count)]
    await asyncio.gather(*(tab.connect() for tab in tabs))
    results = await asyncio.gather(*(tab.load("vector_lab", "v=1,2,3") for tab in tabs))
    assert all(r.error is None and not r.exceptions for r in results), results
    seen = [
        (tab.response_headers["x-softlse-worker"], {w.key for w in tab.widgets.values()})
        for tab in tabs
    ]
    await asyncio.gather(*(tab.close() for tab in tabs))
    return seen


def test_the_balancer_keeps_a_browser_on_the_worker_of_its_cookie(two_workers: ClassServer) -> None:
    # Every worker ran the app once (its warm-up) before the balancer took students.
    output = two_workers.output()
    assert output.index("every worker has run the app once") < output.index("serve_class: ready")
    # The URL to share is the balancer's; the workers' own URL lines are said to bypass it.
    assert f"serve_class: ready: http://127.0.0.1:{two_workers.port}" in output
    assert "lines above bypass the balancer: do not share them" in output
    status, headers, body = _get(f"{two_workers.url}/vector_lab")
    assert status == 200
    assert b"<html" in body.lower()
    worker = re.search(rf"{COOKIE}=(w\d)", headers["set-cookie"])
    assert worker, headers
    cookie = f"{COOKIE}={worker[1]}"
    # The page's websockets (and reconnects) carry the cookie: all reach the same worker,
    # which runs the page for them.
    sessions = run_coroutine(_sessions(two_workers.url, 6, cookie))
    assert {name for name, _ in sessions} == {worker[1]}
    assert all({"v", "lam"} <= keys for _, keys in sessions)
    # New browsers (no cookie) are spread over both workers.
    spread = run_coroutine(_sessions(two_workers.url, 6, None))
    assert {name for name, _ in spread} == {"w1", "w2"}


def test_a_killed_worker_is_replaced_and_its_students_are_served_meanwhile(
    two_workers: ClassServer,
) -> None:
    old = two_workers.worker_pids()
    os.kill(old["w1"], signal.SIGKILL)
    # Right away, a browser of w1 is served by w2 (HAProxy redispatches it) ...
    status, headers, body = _get(f"{two_workers.url}/_stcore/health", f"{COOKIE}=w1")
    assert (status, body) == (200, b"ok")
    assert headers["x-softlse-worker"] == "w2"
    # ... the script starts w1 again, and once healthy it takes its cookie's browsers back.
    two_workers.wait_for(lambda: two_workers.worker_pids()["w1"] != old["w1"], "restarted w1")
    assert any(f"worker w1 (pid {old['w1']}) exited" in line for line in two_workers.lines)

    def back_on_w1() -> bool:
        _, headers, _ = _get(f"{two_workers.url}/_stcore/health", f"{COOKIE}=w1")
        return headers.get("x-softlse-worker") == "w1"

    two_workers.wait_for(back_on_w1, "w1 back in the balancer")
    assert two_workers.worker_pids()["w2"] == old["w2"]


def test_sigterm_stops_the_balancer_and_every_worker(two_workers: ClassServer) -> None:
    pids = two_workers.worker_pids()
    two_workers.process.send_signal(signal.SIGTERM)
    assert two_workers.process.wait(timeout=30) == 0
    for pid in pids.values():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with pytest.raises(urllib.error.URLError, match="refused"):
        _get(f"{two_workers.url}/_stcore/health")


@pytest.mark.parametrize(("sent", "status"), [(signal.SIGTERM, 0), (signal.SIGINT, 130)])
def test_a_signal_to_the_whole_process_group_stops_every_worker_without_a_kill(
    two_workers: ClassServer, sent: signal.Signals, status: int
) -> None:
    # Ctrl-C in a terminal, `docker stop` of a shell that runs the script, or a supervisor's
    # `kill -TERM -PGID` signal every process of the group at once. The line prefixers died
    # with it, and the workers, writing "Stopping..." into their closed pipes, ran on until
    # the script's SIGKILL 10 s later (found by a teacher's deployment walkthrough).
    pids = two_workers.worker_pids()
    os.killpg(two_workers.process.pid, sent)
    assert two_workers.process.wait(timeout=30) == status
    output = two_workers.output()
    assert "did not stop within 10 s" not in output, output
    assert output.count("Stopping...") >= len(pids), output  # each worker's own shutdown
    for pid in pids.values():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_the_load_benchmark_measures_the_workers_behind_the_balancer(
    two_workers: ClassServer,
) -> None:
    # `python -m benchmarks.load --url` finds the server by the process listening on the
    # port: behind serve_class.sh that is HAProxy, whose own CPU and memory said "0 CPU s per
    # script run, 18 MB"; the workers are its siblings under the script
    balancer = listening_pid(two_workers.port)
    assert balancer is not None
    with open(f"/proc/{balancer}/comm") as comm:
        assert comm.read().strip() == "haproxy"
    root = server_root(balancer)
    assert root == two_workers.process.pid
    assert set(two_workers.worker_pids().values()) <= set(ProcessTree(root).pids())
    worker = two_workers.worker_pids()["w1"]
    assert server_root(worker) == worker  # a Streamlit process is its own root


def test_an_outside_address_without_allowed_hosts_gets_a_warning() -> None:
    # Students' pages carry the server's outside name, which the loopback-only allowed hosts
    # refuse: the page loads and its websocket never connects. The warning comes before the
    # arguments are checked, so a bad worker count stops the script here with nothing bound.
    env = {k: v for k, v in os.environ.items() if k != "STREAMLIT_SERVER_ALLOWED_HOSTS"}
    outside_address = "192.0.2.10"  # TEST-NET-1: never bound, the worker count stops it first

    def start(host: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["bash", str(SCRIPT), "--workers", "none", "--port", "8501", "--host", host],
            env={**env, **extra_env},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 2
        return done

    outside = start(outside_address)
    warning = f"warning: serving on {outside_address}, but the app's websocket accepts only"
    assert warning in outside.stderr
    assert "set STREAMLIT_SERVER_ALLOWED_HOSTS" in outside.stderr
    assert "a grey page that never loads (websocket refused, 403)" in outside.stderr
    # Loopback names only (the Docker image's default) refuse students just the same.
    everywhere = "0.0.0.0"  # noqa: S104 (never bound either)
    loopback_only = start(everywhere, STREAMLIT_SERVER_ALLOWED_HOSTS="localhost 127.0.0.1 ::1")
    assert "warning: serving on 0.0.0.0, but the app's websocket accepts only" in (
        loopback_only.stderr
    )
    assert '(STREAMLIT_SERVER_ALLOWED_HOSTS is "localhost 127.0.0.1 ::1")' in loopback_only.stderr
    assert 'e.g. STREAMLIT_SERVER_ALLOWED_HOSTS="class.example.edu localhost"' in (
        loopback_only.stderr
    )
    named = start(outside_address, STREAMLIT_SERVER_ALLOWED_HOSTS="class.example.edu localhost")
    for quiet in (named, start("127.0.0.1")):
        assert "warning" not in quiet.stderr, quiet.stderr


async def _moved_off_a_hung_worker(url: str, pid: int, worker: str) -> tuple[str, set[str]]:
    """A student on ``worker`` (pid ``pid``) with the vector lab open; the worker is stopped
    (SIGSTOP, as a hang): the script must kill it (no answer, stopped), which closes the
    student's websocket, and the page's reconnect, with the same cookie, must reach a healthy
    worker."""
    cookie = f"{COOKIE}={worker}"
    tab = BrowserTab(url, cookies=cookie, run_timeout=90)
    await tab.connect()
    assert tab.response_headers["x-softlse-worker"] == worker
    first = await tab.load("vector_lab", "v=1,2,3")
    assert first.error is None, first
    assert not first.exceptions, first
    os.kill(pid, signal.SIGSTOP)
    # Closed when the script kills the worker (HAProxy no longer cuts a DOWN worker's
    # websockets: a merely slow worker keeps its students); bounded: 30 s without an answer,
    # seen by a watcher that looks every 5 s.
    await asyncio.wait_for(tab._ws.wait_closed(), timeout=120)
    await tab.close()
    again = BrowserTab(url, cookies=cookie, run_timeout=90)
    await again.connect()
    served_by = again.response_headers["x-softlse-worker"]
    result = await again.load("vector_lab", "v=1,2,3")
    assert result.error is None, result
    assert not result.exceptions, result
    keys = {w.key for w in again.widgets.values()}
    await again.close()
    return served_by, keys


def test_a_hung_worker_is_killed_its_students_move_to_a_healthy_one_and_it_restarts(
    two_workers: ClassServer,
) -> None:
    old = two_workers.worker_pids()
    try:
        served_by, keys = run_coroutine(_moved_off_a_hung_worker(two_workers.url, old["w1"], "w1"))
        assert served_by == "w2"
        assert {"v", "lam"} <= keys
        killed = f"worker w1 (pid {old['w1']}) has not answered its health check for"
        assert any(
            killed in line and "is stopped (state T): killing it" in line
            for line in two_workers.lines
        ), two_workers.output()
        # HAProxy saw it DOWN (the line reaches the reader thread through sed and a pipe).
        two_workers.wait_for(
            lambda: any(
                re.search(r"\[haproxy\] .*Server workers/w1 is DOWN", line)
                for line in list(two_workers.lines)
            ),
            "HAProxy's 'w1 is DOWN' line",
        )
        # The script starts the killed worker again.
        two_workers.wait_for(
            lambda: two_workers.worker_pids()["w1"] != old["w1"], "restarted w1", timeout=120
        )
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(old["w1"], signal.SIGCONT)

    def back_on_w1() -> bool:
        _, headers, _ = _get(f"{two_workers.url}/_stcore/health", f"{COOKIE}=w1")
        return headers.get("x-softlse-worker") == "w1"

    two_workers.wait_for(back_on_w1, "w1 back in the balancer")
    assert two_workers.worker_pids()["w2"] == old["w2"]


def _bash(
    code: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``code`` run by bash after sourcing the script's helpers, as serve_class.sh does."""
    helpers = " ".join(f"source {ROOT / 'scripts' / name};" for name in HELPERS)
    return subprocess.run(
        [
            "bash",
            "-c",
            f"say() {{ printf 'serve_class: %s\\n' \"$*\"; }}; {helpers} {code}",
            "_",
            *args,
        ],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


HELPERS = ("serve_class_watch.sh", "serve_class_haproxy.sh", "serve_class_hosts.sh")


@pytest.mark.parametrize(
    ("failures", "before", "now", "state", "killed"),
    [
        (6, "500", "500", "S", True),  # no answer for 30 s, no CPU used: hung (e.g. deadlock)
        (6, "500", "500", "T", True),  # stopped
        (6, "500", "900", "T", True),  # stopped now, whatever it did before
        (6, "500", "501", "S", False),  # no answer, but it runs: busy, not hung
        (6, "500", "900", "R", False),  # a full class keeps it running flat out
        (9, "500", "731", "R", False),  # however long it stays busy
        (6, "", "500", "S", False),  # its CPU time was not seen before: not known to be idle
        (5, "500", "500", "S", False),  # 25 s without an answer is not yet hung
        (5, "500", "500", "T", False),  # not even when stopped
        (-30, "500", "500", "S", False),  # starting (start-up grace)
        (0, "500", "500", "S", False),  # answered in the last round
    ],
)
def test_the_watcher_kills_only_a_worker_that_neither_answers_nor_runs(
    failures: int, before: str, now: str, state: str, killed: bool
) -> None:
    # The decision alone, as serve_class.sh's watcher makes it every 5 s with HUNG_S = 30 s
    # (a limit of 6 rounds): the rounds in a row without a health answer, the worker's CPU
    # ticks at the previous and this round, and its state letter from /proc/PID/stat.
    done = _bash('worker_is_hung "$@"', str(failures), "6", before, now, state)
    assert done.returncode == (0 if killed else 1), done.stderr


def test_the_watcher_reads_a_busy_process_as_running_and_a_stopped_one_as_stopped() -> None:
    # proc_cpu_state on real processes: a Python loop burning CPU (a busy worker: its ticks
    # advance, and the decision leaves it running after 6 unanswered rounds), then the same
    # process stopped (state T: killed).
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:

        def cpu_state() -> tuple[str, int]:
            done = _bash('proc_cpu_state "$1"', str(busy.pid))
            assert done.returncode == 0, done.stderr
            state, ticks = done.stdout.split()
            return state, int(ticks)

        _, first = cpu_state()
        deadline = time.monotonic() + 60
        while (now := cpu_state())[1] == first:
            assert time.monotonic() < deadline, "a busy loop used no CPU in 60 s"
            time.sleep(0.1)
        verdict = _bash('worker_is_hung 6 6 "$1" "$2" "$3"', str(first), str(now[1]), now[0])
        assert verdict.returncode == 1  # busy: left running
        os.kill(busy.pid, signal.SIGSTOP)
        deadline = time.monotonic() + 60
        while (stopped := cpu_state())[0] != "T":
            assert time.monotonic() < deadline, f"no state T after SIGSTOP: {stopped}"
            time.sleep(0.1)
        verdict = _bash('worker_is_hung 6 6 "$1" "$2" T', str(now[1]), str(stopped[1]))
        assert verdict.returncode == 0  # stopped: killed
    finally:
        busy.kill()
        busy.wait(timeout=30)
    gone = _bash('proc_cpu_state "$1"', str(busy.pid))
    assert gone.returncode != 0


def test_haproxy_keeps_a_down_worker_s_students_and_serves_from_backups_when_all_are_down(
    tmp_path: pathlib.Path,
) -> None:
    _require_haproxy()
    done = _bash('haproxy_config 127.0.0.1 8501 "$@"', "41001", "41002")
    assert done.returncode == 0, done.stderr
    config = done.stdout
    # A DOWN worker (e.g. slow under a full class) keeps its students' websockets.
    assert "shutdown-sessions" not in config
    servers = re.findall(r"^\s+server (\S+) 127\.0\.0\.1:(\d+) (.*)$", config, re.M)
    assert servers == [
        ("w1", "41001", "check cookie w1"),
        ("w2", "41002", "check cookie w2"),
        ("w1-unchecked", "41001", "backup"),
        ("w2-unchecked", "41002", "backup"),
    ]
    assert "option allbackups" in config
    (tmp_path / "haproxy.cfg").write_text(config)
    checked = subprocess.run(
        ["haproxy", "-c", "-f", str(tmp_path / "haproxy.cfg")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("host", "allowed", "line"),
    [
        ("127.0.0.1", None, "serve_class: ready: http://127.0.0.1:8501"),
        (
            "0.0.0.0",  # noqa: S104 (a string, nothing is bound)
            "localhost class.example.edu",
            "serve_class: ready: students open http://class.example.edu:8501 (listening on"
            " 0.0.0.0:8501;",
        ),
        (
            "0.0.0.0",  # noqa: S104
            "localhost 127.0.0.1 ::1",
            "serve_class: ready: listening on 0.0.0.0:8501, but no host name students can use is"
            " allowed yet: set STREAMLIT_SERVER_ALLOWED_HOSTS (see the warning above)",
        ),
        (
            "192.0.2.10",
            None,
            "serve_class: ready: listening on 192.0.2.10:8501, but no host name students can use",
        ),
    ],
)
def test_the_ready_line_names_no_host_that_students_could_not_use(
    host: str, allowed: str | None, line: str
) -> None:
    # With loopback-only allowed hosts (the Docker image's default) it named $HOSTNAME: in
    # Docker the container's ID, which students cannot open and the websocket would refuse.
    env = {"HOSTNAME": "3f2a1b9c0d1e", "STREAMLIT_SERVER_ALLOWED_HOSTS": allowed or ""}
    done = _bash('ready_line "$1" 8501', host, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(line), done.stdout
    assert "3f2a1b9c0d1e" not in done.stdout


@pytest.mark.parametrize(
    ("allowed", "normalised", "noted"),
    [
        ("class.example.edu", "class.example.edu localhost 127.0.0.1", False),
        ("class.example.edu,localhost", "class.example.edu localhost 127.0.0.1", True),
        ("a.example, b.example", "a.example b.example localhost 127.0.0.1", True),
        ("127.0.0.1 localhost class.example.edu", "127.0.0.1 localhost class.example.edu", False),
    ],
)
def test_allowed_hosts_are_split_on_spaces_and_keep_the_loopback_names(
    allowed: str, normalised: str, noted: bool
) -> None:
    # Streamlit splits on spaces only: "a,b" matched no host, a grey page everywhere. And a
    # list without 127.0.0.1 refused the address the script prints as ready on loopback.
    code = 'normalise_allowed_hosts; printf "[%s]\\n" "$STREAMLIT_SERVER_ALLOWED_HOSTS"'
    done = _bash(code, env={"STREAMLIT_SERVER_ALLOWED_HOSTS": allowed})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"[{normalised}]"
    assert ("not commas" in done.stdout) == noted, done.stdout


def test_unset_allowed_hosts_stay_unset() -> None:
    code = 'normalise_allowed_hosts; printf "[%s]\\n" "${STREAMLIT_SERVER_ALLOWED_HOSTS-unset}"'
    env = {
        key: value for key, value in os.environ.items() if key != "STREAMLIT_SERVER_ALLOWED_HOSTS"
    }
    done = subprocess.run(
        [
            "bash",
            "-c",
            f"say() {{ :; }}; source {ROOT / 'scripts' / 'serve_class_hosts.sh'}; {code}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.stdout.strip() == "[unset]", done.stdout
