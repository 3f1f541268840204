"""The app's pages, in navigation order: one record per file in ``pages/``.

``app.py`` builds ``st.navigation`` from this list and the home page links to each entry, so a
page is added in one place. Each page's URL path is its file stem (``/lse_vs_max``); the home
page is the default and is served at ``/``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
PAGES_DIR = ROOT / "pages"
#: The browser tab's icon, in the app itself so it shows with no internet.
FAVICON = Path(__file__).resolve().parent / "favicon.png"


@cache
def favicon_data_url() -> str:
    """:data:`FAVICON` as a ``data:`` URL, for ``st.set_page_config(page_icon=…)``.

    Given a file, Streamlit serves the icon from ``/media/`` with no caching headers, and
    the browser fetched it again at every change of the address (3.6 kB, and a request the
    server answers in the middle of the script run) — that is, at every change of a control,
    since the controls are bound to the link. A ``data:`` URL needs no request at all."""
    return "data:image/png;base64," + base64.b64encode(FAVICON.read_bytes()).decode("ascii")


@dataclass(frozen=True)
class PageEntry:
    """One page: its file in ``pages/``, title, Material icon and a one-line description."""

    file: str
    title: str
    icon: str
    blurb: str

    @property
    def path(self) -> Path:
        """Absolute path of the page script."""
        return PAGES_DIR / self.file

    @property
    def url_path(self) -> str:
        """The page's URL path: its file stem."""
        return Path(self.file).stem


HOME = PageEntry(
    "home.py",
    "Home",
    ":material/home:",
    "What log-sum-exp and softmax are, and what λ does.",
)

#: The pages after the home page, in navigation order.
PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        "sheet.py",
        "Exercise sheet",
        ":material/assignment:",
        "The sheet's questions (a)–(d) one by one: predict each answer first, then reveal it "
        "with live numbers, the derivation, a picture and a link to explore it further.",
    ),
    PageEntry(
        "lse_vs_max.py",
        "LSE vs max",
        ":material/stacked_line_chart:",
        "Contours of lse((x, y), λ) beside max(x, y) and the gap between them, as λ moves "
        "(exercise sheet, questions b and d).",
    ),
    PageEntry(
        "softmax_grid.py",
        "Softmax and one-hot",
        ":material/grid_view:",
        "σ₁ and σ₂ of softmax((x, y), λ) for several λ beside the one-hot argmax, and the "
        "gradient of lse, with a finite-difference check (exercise sheet, question c).",
    ),
    PageEntry(
        "vector_lab.py",
        "Vector lab",
        ":material/science:",
        "Type a vector: offset and rescaling verdicts, lse and entropy, the temperature sweep, "
        "the simplex path and why the textbook formula overflows (exercise sheet, question a).",
    ),
)


def unknown_page_name(url: str | None, base_path: str = "") -> str | None:
    """The page name a visitor asked for in ``url`` when no page has it, else ``None``.

    ``url`` is the address the browser opened (``st.context.url``: scheme, host and path, no
    query), ``base_path`` the app's ``server.baseUrlPath`` (``""`` when served at the root).
    Streamlit runs the home page for a path it does not know (``/nonexistent``) and says only
    that the page "does not seem to exist"; with this name the home page can say which one.

    ``None`` for the home page itself (an empty path), for a known page's path and when
    ``url`` is ``None`` (no browser: AppTest, bare mode). The name is percent-decoded and may
    be any text: quote it inertly.
    """
    if not url:
        return None
    path = unquote(urlsplit(url).path).strip("/")
    base = base_path.strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base) :].strip("/")
    if not path or path in {entry.url_path for entry in PAGES}:
        return None
    return path
