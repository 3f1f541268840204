"""AppTest of the shell (``app.py``): home page, navigation registry, page switching, and each
page file rendering on its own."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from plotly_arrays import array
from streamlit.testing.v1 import AppTest

from softlse_app.common.navigation import HOME, PAGES, PAGES_DIR, unknown_page_name

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


def run_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


def test_default_page_is_home() -> None:
    at = run_app()
    assert at.title[0].value == "softlse — the soft-maximum explorer"
    formulas = " ".join(latex.value for latex in at.latex)
    assert r"\operatorname{lse}(\sigma,\lambda)" in formulas
    assert r"\operatorname{softmax}(\sigma,\lambda)_k" in formulas
    assert r"\lim_{\lambda\to\infty}" in formulas
    # the home page links to every registered page, with its blurb
    links = [(link.proto.page, link.proto.label) for link in at.get("page_link")]
    assert links == [(entry.url_path, entry.title) for entry in PAGES]
    captions = [caption.value for caption in at.caption]
    for entry in PAGES:
        assert entry.blurb in captions


def test_navigation_registers_home_and_each_page() -> None:
    at = run_app()
    # AppTest keeps what st.navigation registered (no public accessor in Streamlit 1.67)
    registered = {
        Path(info["script_path"]).name: (info["page_name"], info["url_pathname"], info["icon"])
        for info in at._registered_pages.values()
    }
    expected = {HOME.file: (HOME.title, "", HOME.icon)}
    expected |= {entry.file: (entry.title, entry.url_path, entry.icon) for entry in PAGES}
    assert registered == expected
    # every page file in pages/ is registered, and every registered file exists
    assert {path.name for path in PAGES_DIR.glob("*.py")} == set(expected)


@pytest.mark.parametrize("entry", PAGES, ids=[entry.url_path for entry in PAGES])
def test_switch_to_each_page(entry) -> None:
    at = run_app()
    at.switch_page(f"pages/{entry.file}").run(timeout=30)
    assert not at.exception, at.exception
    ran = at._registered_pages[at._finished_page_script_hash]  # the page AppTest ran
    assert Path(ran["script_path"]) == entry.path
    assert ran["url_pathname"] == entry.url_path
    assert at.title  # the page drew its own title, not the home page's
    assert at.title[0].value != "softlse — the soft-maximum explorer"


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(HOME.path, id=HOME.file),
        *(pytest.param(entry.path, id=entry.file) for entry in PAGES),
    ],
)
def test_each_page_file_renders_on_its_own(path: Path) -> None:
    at = AppTest.from_file(str(path), default_timeout=30)
    at.run(timeout=30)
    assert not at.exception, at.exception
    assert at.title


def test_deep_link_through_the_app_keeps_query_parameters() -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lam"] = "10"
    at.switch_page("pages/lse_vs_max.py").run(timeout=30)
    assert not at.exception, at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    z_lse = array(spec["data"][0]["z"])
    assert z_lse.max() == pytest.approx(1 + math.log(2) / 10, rel=1e-6)


def test_streamlit_still_has_the_legacy_pages_flag_the_guard_reads() -> None:
    """The deep-link guard (softlse_app.common.shell) reads Streamlit's private
    ``PagesManager.uses_pages_directory``. If this fails after a Streamlit upgrade, the app
    still serves every page from ``/``, but a first deep link into a fresh server shows the page
    without the app's navigation: find the new way to leave the legacy ``pages/`` mode."""
    from streamlit.runtime.pages_manager import PagesManager

    from softlse_app.common.shell import LEGACY_PAGES_FLAG

    assert hasattr(PagesManager, LEGACY_PAGES_FLAG), (
        f"Streamlit no longer has PagesManager.{LEGACY_PAGES_FLAG}: the deep-link guard in "
        "softlse_app/common/shell.py is now a no-op"
    )


def test_app_serves_every_page_when_the_private_flag_is_gone(monkeypatch) -> None:
    """Fail-safe: when the guard cannot find the private attribute (as after a Streamlit upgrade
    that renamed it), it does nothing and every page still renders through app.py's navigation.
    """
    from softlse_app.common import shell

    monkeypatch.setattr(shell, "LEGACY_PAGES_FLAG", "renamed_by_an_upgrade")
    assert shell.legacy_pages_mode_is_on() is False
    at = AppTest.from_file(APP, default_timeout=30)
    at.run(timeout=30)
    assert not at.exception, at.exception
    for entry in PAGES:
        at.switch_page(f"pages/{entry.file}").run(timeout=30)
        assert not at.exception, (entry.file, at.exception)
        assert at.title
        assert at.title[0].value != "softlse — the soft-maximum explorer"


@pytest.mark.parametrize(
    ("url", "base", "asked"),
    [
        ("http://127.0.0.1:8501", "", None),  # the home page itself
        ("http://127.0.0.1:8501/", "", None),
        ("http://127.0.0.1:8501/vector_lab", "", None),  # a page that exists
        ("http://127.0.0.1:8501/nonexistent", "", "nonexistent"),
        ("http://127.0.0.1:8501/Vector_Lab", "", "Vector_Lab"),  # paths are case-sensitive
        ("https://class.example/softlse/lse_vs_max", "/softlse/", None),  # behind a prefix
        ("https://class.example/softlse/x%20y", "softlse", "x y"),  # percent-decoded
        ("https://class.example/softlse", "/softlse", None),
        (None, "", None),  # no browser (AppTest)
    ],
)
def test_unknown_page_name_is_the_path_no_page_has(
    url: str | None, base: str, asked: str | None
) -> None:
    assert unknown_page_name(url, base) == asked
