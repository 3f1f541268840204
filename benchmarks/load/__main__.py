"""Command line of the load benchmark: prints figures, asserts nothing.

Examples::

    # a class of 60 on a fresh server this command starts (session TTL 5 s)
    python -m benchmarks.load --sessions 60 --edits 10 --think 2 --start-server
    # the same through scripts/serve_class.sh with two workers
    python -m benchmarks.load --sessions 60 --edits 10 --think 2 --start-server --workers 2
    # a server already running on this machine (CPU and memory of the process on that port)
    python -m benchmarks.load --sessions 30 --edits 5 --think 2 --url http://127.0.0.1:8501
    # server CPU per script run of one page
    python -m benchmarks.load --sessions 1 --edits 40 --think 0 --start-server --pages vector_lab
    # memory soak: one session, 500 vector-lab edits and 300 λ moves, RSS curve
    python -m benchmarks.load --soak --start-server
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.load.client import BrowserTab, ProtocolError
from benchmarks.load.report import soak_lines
from benchmarks.load.run import run_class, run_soak
from benchmarks.load.server import (
    ROOT,
    ProcessTree,
    ServerProcess,
    TargetRefusedError,
    check_target,
    listening_pid,
    server_root,
)

SOAK_LIMIT_MB = 100
SOAK_BASELINE_AFTER = 50


def bounded(kind: type, lo: float, hi: float) -> object:
    def parse(text: str) -> object:
        value = kind(text)
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{text} is outside [{lo:g}, {hi:g}]")
        return value

    return parse


def app_pages(app_dir: Path) -> list[str]:
    """URL paths of the app's pages: the stems of ``pages/*.py``, ``""`` for home."""
    stems = sorted(path.stem for path in (app_dir / "pages").glob("*.py"))
    return ["" if stem == "home" else stem for stem in stems if not stem.startswith("_")]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sessions", type=bounded(int, 1, 500), default=10)
    parser.add_argument(
        "--edits",
        type=bounded(int, 0, 5000),
        default=10,
        help="actions per session after its first load",
    )
    parser.add_argument(
        "--think",
        type=bounded(float, 0, 60),
        default=2.0,
        help="mean seconds between a session's actions",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="a running server on this machine, http://127.0.0.1:PORT")
    target.add_argument(
        "--start-server",
        action="store_true",
        help="start `streamlit run app.py` (or serve_class.sh) on a free port",
    )
    parser.add_argument(
        "--workers",
        type=bounded(int, 0, 64),
        default=0,
        help="with --start-server: N workers behind scripts/serve_class.sh",
    )
    parser.add_argument(
        "--app-dir",
        type=Path,
        default=ROOT,
        help="with --start-server: the app checkout to serve (default: this one)",
    )
    parser.add_argument(
        "--ttl",
        type=bounded(int, 1, 600),
        default=None,
        help="server.disconnectedSessionTTL: set on a started server (default 5),"
        " waited for on --url",
    )
    parser.add_argument("--pages", help="comma-separated URL paths (home = ''), default: all")
    parser.add_argument(
        "--server-pid", type=int, help="with --url: root of the process tree to measure"
    )
    parser.add_argument("--test-host", help="allow this one host of your own test network")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--run-timeout", type=bounded(float, 1, 600), default=120.0)
    parser.add_argument(
        "--max-seconds",
        type=bounded(float, 1, 7200),
        default=1800.0,
        help="stop starting new actions after this long",
    )
    parser.add_argument(
        "--warm-up", action="store_true", help="open every page once, unmeasured, before the run"
    )
    parser.add_argument("--verbose", action="store_true", help="list every action")
    parser.add_argument(
        "--soak",
        action="store_true",
        help="memory soak: one session, vector-lab edits then λ moves",
    )
    parser.add_argument("--soak-edits", type=bounded(int, 50, 5000), default=500)
    parser.add_argument("--soak-lambda-moves", type=bounded(int, 0, 5000), default=300)
    return parser.parse_args(argv)


async def websocket_refused(url: str, run_timeout: float) -> str | None:
    """Why ``url``'s server does not open a websocket (``None`` if it does)."""
    tab = BrowserTab(url, run_timeout=run_timeout)
    try:
        await tab.connect()
    except ProtocolError as exc:
        return str(exc)
    finally:
        await tab.close()
    return None


async def main_async(args: argparse.Namespace) -> int:
    server = None
    if args.start_server:
        server = ServerProcess(workers=args.workers, ttl=args.ttl or 5, app_dir=args.app_dir)
        server.start()
        url, tree, ttl = server.url, ProcessTree(server.pid), float(server.ttl)
        where = f"started: {' '.join(server.command()[:6])} … (TTL {server.ttl} s)"
    else:
        try:
            _, port = check_target(args.url, args.test_host)
        except TargetRefusedError as exc:
            print(f"refused: {exc}", file=sys.stderr)
            return 2
        url = args.url.rstrip("/")
        listening = listening_pid(port)
        pid = args.server_pid or (server_root(listening) if listening else None)
        tree = ProcessTree(pid) if pid else None
        ttl = float(args.ttl) if args.ttl else None
        where = f"{url} (process tree of pid {pid})" if pid else f"{url} (no server process seen)"
        if pid and not args.server_pid and pid != listening:
            where = f"{url} (process tree of pid {pid}, the parent of the balancer on the port)"
        # One websocket first: a server that refuses them (e.g. its allowed hosts exclude the
        # URL's host name: 403) is said in one line, not as every student's "disconnected".
        if refused := await websocket_refused(url, args.run_timeout):
            print(f"refused: {url}: {refused}", file=sys.stderr)
            return 2
    try:
        if args.soak:
            assert tree is not None, "the soak needs the server's process (--server-pid)"
            curve, results = await run_soak(
                url,
                tree,
                lab_edits=args.soak_edits,
                lambda_moves=args.soak_lambda_moves,
                seed=args.seed,
                run_timeout=args.run_timeout,
                max_seconds=args.max_seconds,
            )
            print(f"memory soak on {where}")
            print("\n".join(soak_lines(curve, SOAK_BASELINE_AFTER, SOAK_LIMIT_MB)))
            failures = [r for r in results if r.error or r.exceptions]
            print(
                f"errors: {len(failures)}"
                + "".join(f"\n  {r.page}: {r.error or r.exceptions[0]}" for r in failures[:5])
            )
            return 0
        pages = tuple(args.pages.split(",") if args.pages is not None else app_pages(args.app_dir))
        title = (
            ("warmed up; " if args.warm_up else "")
            + f"{args.sessions} sessions × {args.edits} actions, think {args.think:g} s, pages "
            f"{', '.join(page or 'home' for page in pages)}; server {where}"
        )
        report = await run_class(
            url,
            pages,
            sessions=args.sessions,
            edits=args.edits,
            think=args.think,
            tree=tree,
            ttl=ttl,
            seed=args.seed,
            run_timeout=args.run_timeout,
            max_seconds=args.max_seconds,
            title=title,
            warm_up=args.warm_up,
        )
        if args.verbose:
            for result in report.results:
                print(
                    f"{result.seconds * 1000:7.0f} ms  {result.script_runs} runs  "
                    f"{result.what}  {result.error or ''} {result.exceptions or ''}"
                )
        print("\n".join(report.lines()))
        return 0
    finally:
        if server is not None:
            server.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.url and urlsplit(args.url).scheme != "http":
        print("refused: --url must be http://HOST:PORT", file=sys.stderr)
        return 2
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
