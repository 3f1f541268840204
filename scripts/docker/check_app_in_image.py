"""Run the app's scripts inside the built image with Streamlit's AppTest; exit 1 on any error.

Fed to the container's Python on standard input by ``scripts/docker_smoke.sh`` (``docker exec
-i CONTAINER python - < this file``), so it checks the image as shipped: its venv (after the
Dockerfile's pruning), the copied packages and pages, as the non-root user, in ``/app``. An HTTP
200 from the server proves only that the front end is served; this proves that ``app.py`` (the
default page) and every script in ``pages/`` run to the end without an exception.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP_DIR = Path("/app")
TIMEOUT_S = 120


def script_errors(script: Path) -> list[str]:
    """Run one script headlessly; return the messages of the exceptions it showed."""
    app_test = AppTest.from_file(str(script), default_timeout=TIMEOUT_S).run()
    return [element.message for element in app_test.exception]


def main() -> int:
    """Check app.py and each page script; print one line per script."""
    scripts = [APP_DIR / "app.py", *sorted((APP_DIR / "pages").glob("*.py"))]
    failed = 0
    for script in scripts:
        errors = script_errors(script)
        name = script.relative_to(APP_DIR)
        if errors:
            failed += 1
            print(f"  FAIL {name}: {' | '.join(errors)}")
        else:
            print(f"  ok   {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
