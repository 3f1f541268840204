"""Run the app's scripts inside the built image with Streamlit's AppTest; exit 1 on any error.

Fed to the container's Python on standard input by ``scripts/docker_smoke.sh`` (``docker exec
-i CONTAINER python - < this file``), so it checks the image as shipped: its venv (after the
Dockerfile's pruning), the copied packages and pages, as the non-root user, in ``/app``. An HTTP
200 from the server proves only that the front end is served; this proves that ``app.py`` (the
default page) runs to the end without an exception, and so does every script in ``pages/`` when
navigated to from it (pages are run through ``app.py``, as the server runs them: on their own
they lack the navigation that ``st.page_link`` needs).
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP_DIR = Path("/app")
TIMEOUT_S = 120


def page_errors(page: Path | None) -> list[str]:
    """Run app.py, then switch to ``page`` (None: stay on the default page).

    Returns the messages of the exceptions shown, empty when the page ran cleanly.
    """
    app_test = AppTest.from_file(str(APP_DIR / "app.py"), default_timeout=TIMEOUT_S).run()
    if page is not None and not app_test.exception:
        app_test.switch_page(str(page.relative_to(APP_DIR))).run()
    return [element.message for element in app_test.exception]


def main() -> int:
    """Check the default page and each page script; print one line per page."""
    pages: list[Path | None] = [None, *sorted((APP_DIR / "pages").glob("*.py"))]
    failed = 0
    for page in pages:
        errors = page_errors(page)
        name = "app.py (default page)" if page is None else page.relative_to(APP_DIR)
        if errors:
            failed += 1
            print(f"  FAIL {name}: {' | '.join(errors)}")
        else:
            print(f"  ok   {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
