"""AppTest tests of the "Exercise sheet" page with bad input: typed predictions that are no
number keep their text and get a note; hostile ``reveal`` and prediction links are read with a
note and never crash; the code critique and the deep links of the answers; the home page lists
the sheet."""

from __future__ import annotations

import re

import pytest
from sheet_page import (
    LETTERS,
    PAGES,
    code_blocks,
    downloads,
    page_text,
    rerun,
    reveal,
    run_page,
    shown,
)
from streamlit.testing.v1 import AppTest

__all__ = ["downloads"]  # the fixture, used by name


BAD_PREDICTIONS = [
    ("abc", "is not a number"),
    ("1e999", "reads as infinity"),
    ("-exp(1000)", "reads as minus infinity"),
    ("nan", "nan (not a number)"),
    ("1/0", "divides by zero"),
    ("0.5 0.6", "is not a number"),
    ("9" * 150, "150 characters long"),
    ("<script>alert(1)</script>", "is not a number"),
]


@pytest.mark.parametrize(
    ("text", "note"), BAD_PREDICTIONS, ids=[t[:12] for t, _ in BAD_PREDICTIONS]
)
def test_a_bad_prediction_gets_a_note_keeps_its_text_and_is_not_judged(
    text: str, note: str, downloads: list[bytes]
) -> None:
    at = run_page()
    at.text_input(key="pc2").input(text)
    at = rerun(at)
    assert at.text_input(key="pc2").value == text
    (warning,) = at.warning
    assert note in warning.value
    at = reveal(at, "c")
    assert at.text_input(key="pc2").value == text
    assert any("was not judged" in i.value and note in i.value for i in at.info)
    assert not any("<script>" in m.value for m in at.markdown)  # never rendered as Markdown
    assert "&lt;script&gt;" in downloads[-1].decode() or "<script>" not in text


def test_missing_brackets_get_a_note_and_once_revealed_the_suggested_reading_is_judged() -> None:
    """The box asks for log(2)/2 while it can still be edited; the reveal locks it, so the
    verdict judges the suggested reading and says so, instead of asking for an edit."""
    at = run_page()
    at.text_input(key="pc2").input("ln2/2")
    at = rerun(at)
    (warning,) = at.warning
    assert "needs its argument in brackets: did you mean ln(2)/2?" in warning.value
    at = reveal(at, "c")
    assert at.text_input(key="pc2").value == "ln2/2"
    infos = [i.value for i in at.info]
    assert not any("was not judged" in info for info in infos)
    assert any("Read as ln(2)/2: a function takes its argument in brackets." in i for i in infos)


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_prediction_is_no_prediction(text: str) -> None:
    at = run_page()
    at.text_input(key="pc2").input(text)
    at = reveal(rerun(at), "c")
    assert not at.warning
    assert any("No prediction made" in i.value for i in at.info)


def test_typed_numbers_in_other_forms_are_read() -> None:
    at = run_page(reveal="a", pa2="99,99%")
    assert any("you said 0.9999," in s.value for s in at.success)
    at = run_page(reveal="c", pc2="3/4")
    assert any("you said 0.75," in s.value and "Close" in s.value for s in at.success)


HOSTILE_REVEALS = [
    # the note names what it ignores: `a` is still revealed
    ("a,zz,a", {"a"}, "names no question `zz` (only a, b, c, d): `zz` is ignored."),
    ("z,a,q", {"a"}, "names no question `z` or `q` (only a, b, c, d): these are ignored."),
    ("z,z", set(), "names no question `z` (only a, b, c, d): `z` is ignored."),
    ("p,a,q,r,s", {"a"}, "names no question `p`, `q`, `r` or 1 more (only a, b, c, d):"),
    ("B; D", {"b", "d"}, None),
    ("all", set(LETTERS), None),
    ("<script>", set(), "names no question `<script>`"),
    ("a" * 5000, set(), "5,000 characters long"),
    ("", set(), None),
]


@pytest.mark.parametrize(("raw", "revealed", "note"), HOSTILE_REVEALS, ids=lambda v: str(v)[:12])
def test_reveal_links_are_read_robustly(raw: str, revealed: set[str], note: str | None) -> None:
    at = run_page(reveal=raw)
    text = page_text(at)
    assert {letter for letter in LETTERS if shown(text, letter)} == revealed
    warnings = [w.value for w in at.warning]
    if note is None:
        assert warnings == []
    else:
        (warning,) = warnings
        assert note in warning


def test_bad_prediction_links_get_a_note_and_never_crash() -> None:
    at = run_page(pa1="nonsense", pb1="x" * 5000, pd1="MAX")
    warnings = " ".join(w.value for w in at.warning)
    assert "`pa1`" in warnings
    assert "is not one of the same, sharper, flatter" in warnings
    assert "`pb1`" in warnings
    assert "5,000 characters long" in warnings
    assert at.radio(key="pa1").value is None
    assert at.text_input(key="pb1").value == "x" * 200
    assert at.radio(key="pd1").value == "max"  # case forgiven


def test_the_class_link_carries_the_reveals_and_none_of_the_predictions() -> None:
    """A teacher's address bar also holds their own guesses; the class link does not."""
    at = reveal(reveal(run_page(pa1="the same", pb1="0.07"), "b"), "a")
    blocks = code_blocks(at)
    assert "/sheet?reveal=a,b" in blocks
    assert not any("pa1" in block or "pb1" in block for block in blocks)


def test_code_critique_for_b_and_c_is_shown_on_request_with_the_right_numpy() -> None:
    at = reveal(reveal(run_page(), "b"), "c")
    labels = [e.label for e in at.expander]
    critiques = ["What went wrong in the sheet's code, and the numpy that is right"] * 2
    assert labels == [*critiques, "Share these reveals with a class"]
    blocks = code_blocks(at)
    assert any("def lse_on_grid(x, y, lam):" in block for block in blocks)
    assert any("def softmax_on_grid(x, y, lam):" in block for block in blocks)
    assert any('origin="lower"' in block for block in blocks)
    critique = " ".join(m.value for m in at.markdown)
    assert "unshifted" in critique
    assert "lse((1, 1)) = inf" in critique
    assert "[nan nan]" in critique
    assert "upside down" in critique
    assert "[1. 0.]" in critique


def test_deep_links_of_every_answer_point_at_existing_views(downloads: list[bytes]) -> None:
    at = run_page(reveal="all")
    links = [m.value for m in at.markdown if m.value.startswith("[") and "](/" in m.value]
    targets = [re.search(r"\]\((/[^)]*)\)", link).group(1) for link in links]
    assert any(t.startswith("/lse_vs_max?view=sheet&") for t in targets)
    assert any(t.startswith("/vector_lab?") and "section=lse+vs+max" in t for t in targets)
    for target in targets:
        path, _, query = target[1:].partition("?")
        page = AppTest.from_file(str(PAGES / f"{path}.py"), default_timeout=30)
        for pair in filter(None, query.split("&")):
            key, _, value = pair.partition("=")
            page.query_params[key] = value.replace("+", " ").replace("%2C", ",")
        page.run(timeout=60)
        assert not page.exception, target
        assert not page.warning, (target, [w.value for w in page.warning])


def test_the_home_page_lists_the_sheet_after_home() -> None:
    from softlse_app.common.navigation import PAGES as REGISTERED

    assert REGISTERED[0].url_path == "sheet"
    home = AppTest.from_file(str(PAGES / "home.py"), default_timeout=30)
    home.run(timeout=30)
    links = [m.value for m in home.markdown if m.value.startswith("[")]
    assert links[0] == "[Exercise sheet](/sheet)"
