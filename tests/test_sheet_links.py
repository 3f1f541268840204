"""The sheet's links into the other pages name whole views: every control that makes up the
view is in the link (softlse_app.sheet.answer_parts.VIEW_DEFAULTS), so a link opens what its
label says whatever the page showed last."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from softlse_app.sheet.answer_parts import VIEW_DEFAULTS, DeepLink
from softlse_app.sheet.answers import build_answer

PAGES = Path(__file__).resolve().parent.parent / "pages"

LINKS: list[DeepLink] = [link for letter in "abcd" for link in build_answer(letter).links]


def open_page(url_path: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(PAGES / f"{url_path}.py"), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("url_path", sorted(VIEW_DEFAULTS))
def test_the_view_defaults_are_the_pages_own_defaults(url_path: str) -> None:
    """Opened with every view default spelled out, a page shows no note and leaves them all
    out of its address, as it does a control at its default."""
    at = open_page(url_path, VIEW_DEFAULTS[url_path])
    assert not at.warning, [w.value for w in at.warning]
    assert {key: at.query_params.get(key) for key in VIEW_DEFAULTS[url_path]} == dict.fromkeys(
        VIEW_DEFAULTS[url_path]
    )


@pytest.mark.parametrize("link", LINKS, ids=lambda link: link.label)
def test_every_link_carries_its_whole_view(link: DeepLink) -> None:
    """(That each link opens without a note: test_page_sheet_input.)"""
    assert set(VIEW_DEFAULTS[link.url_path]) <= set(link.query)
    assert link.query.items() >= link.params.items()


def test_the_rescaling_link_opens_with_no_offset_and_lambda_1() -> None:
    """The link "s1 rescaled by a = 10" means softmax(10·s1) at λ = 1 with no offset, as the
    answer's text says (s3 = 10·s1 at λ = 1 is s1 at λ = 10)."""
    (link,) = (link for link in LINKS if "rescaled by a = 10" in link.label)
    at = open_page(link.url_path, link.query)
    assert at.session_state["a"] == 10.0
    assert at.session_state["c"] == 0.0
    assert at.session_state["lam"] == 1.0
    assert at.session_state["neg"] is False
    assert at.session_state["section"] == "Offset and scale"
