"""Probe a running softlse server's websocket with a foreign Host/Origin pair and with
localhost; exit 1 unless the foreign one is refused and localhost is served.

Used by ``scripts/docker_smoke.sh`` against the image's default settings:
``python scripts/docker/check_hosts.py PORT`` (from the repository root).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.load.client import BrowserTab


async def opens(port: int, host: str) -> bool:
    tab = BrowserTab(
        f"http://{host}:{port}",
        origin=f"http://{host}:{port}",
        connect_host="127.0.0.1",
        connect_port=port,
    )
    try:
        return await tab.probe_open()
    finally:
        await tab.close()


def main() -> int:
    port = int(sys.argv[1])
    foreign = asyncio.run(opens(port, "evil.example"))
    local = asyncio.run(opens(port, "localhost"))
    print(f"websocket with Host/Origin evil.example: {'open' if foreign else 'refused'}")
    print(f"websocket with Host/Origin localhost: {'open' if local else 'refused'}")
    return 0 if local and not foreign else 1


if __name__ == "__main__":
    sys.exit(main())
