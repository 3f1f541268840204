"""Prose a student reads names things in plain words: no function name of the numerics library
or of the app (``lse_gap``, ``lse_gap_bounds``, ``softmax_kernels``) in any text a page sends
— Markdown, captions, alerts, metrics, labels, help texts, chart titles, alt texts — except in
code blocks (``st.code``: the sheet's own code, marked as code).

Every page is run with AppTest in each of its views and tabs; the text checked is every
element's protobuf except code blocks, so a name added later in any of those places fails."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import text_format
from streamlit.proto.Markdown_pb2 import Markdown
from streamlit.testing.v1 import AppTest

import softlse_app
import softlse_core

LATEX = Markdown.Type.LATEX

PAGES = Path(__file__).resolve().parent.parent / "pages"


def _code_names() -> set[str]:
    """snake_case names of the library's public API and of every function and class defined in
    the app's modules (a student should never need them to read a page)."""
    names = {name for name in softlse_core.__all__ if "_" in name}
    root = Path(softlse_app.__file__).parent
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        names.update(re.findall(r"^(?:def|class) ([a-z][a-z0-9]*_[a-z0-9_]+)", source, re.M))
    return names


CODE_NAMES = _code_names()
#: A code name standing alone (not inside a longer name, a path or an icon such as
#: ``:material/show_chart:``).
NAME_PATTERN = re.compile(
    r"(?<![\w.$/-])(" + "|".join(sorted(map(re.escape, CODE_NAMES), key=len, reverse=True)) + r")"
    r"(?![\w])"
)

#: (page, query parameters, tabs to open in turn)
VIEWS: list[tuple[str, dict[str, str], tuple[str, ...]]] = [
    ("home", {}, ()),
    ("lse_vs_max", {"lam": "100"}, ()),
    ("lse_vs_max", {"view": "sheet"}, ()),
    ("softmax_grid", {}, ()),
    (
        "vector_lab",
        {"v": "1, 2, 3", "lam": "100"},
        ("lse vs max", "Temperature sweep", "Simplex", "Stable vs textbook"),
    ),
    ("sheet", {"reveal": "all"}, ()),
]


def _protos(node: Any) -> Iterator[Any]:
    proto = getattr(node, "proto", None)
    if proto is not None:
        yield proto
    for child in getattr(node, "children", {}).values():
        yield from _protos(child)


def shown_prose(at: AppTest) -> str:
    """Every element the page sent except code blocks, as text (Unicode kept); widget ids
    (which hold keys such as ``lse_vs_max_gap``) left out."""
    parts = []
    for proto in _protos(at._tree):
        if proto.DESCRIPTOR.name == "Code":
            continue
        text = text_format.MessageToString(proto, as_utf8=True)
        parts.append(re.sub(r'^\s*(id|form_id|key|query_param_key): ".*"$', "", text, flags=re.M))
    return "\n".join(parts)


def page_with_link(page: str, params: dict[str, str]) -> AppTest:
    """An AppTest of ``pages/<page>.py`` opened with the link parameters ``params`` (not run)."""
    at = AppTest.from_file(str(PAGES / f"{page}.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def test_the_names_looked_for_include_the_library_names() -> None:
    assert {"lse_gap", "lse_gap_bounds"} <= CODE_NAMES
    assert NAME_PATTERN.search("as `lse_gap` does")
    assert not NAME_PATTERN.search("lse − max, the gap")
    assert inspect.isfunction(softlse_core.lse_gap)


@pytest.mark.parametrize(("page", "params", "tabs"), VIEWS, ids=lambda v: str(v)[:40])
def test_no_code_name_in_what_a_page_shows(
    page: str, params: dict[str, str], tabs: tuple[str, ...]
) -> None:
    at = page_with_link(page, params)
    at.run(timeout=60)
    assert not at.exception, at.exception
    found = set(NAME_PATTERN.findall(shown_prose(at)))
    for label in tabs:
        at.query_params["section"] = label
        at.run(timeout=60)
        assert not at.exception, at.exception
        found |= set(NAME_PATTERN.findall(shown_prose(at)))
    assert found == set(), f"code names in the prose of {page}: {sorted(found)}"


#: A number or variable after "= ", "(" or ", " written with an ASCII hyphen as its minus.
ASCII_MINUS = re.compile(r"(?:= |\(|, )-(?=[\dxyλσ])")


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("vector_lab", {"v": "1, 2, 3", "lam": "-10", "c": "-5", "a": "-2"}),
        ("softmax_grid", {"glam": "-10", "px": "-0.5", "py": "-0.25"}),
        ("lse_vs_max", {"lam": "-10", "y": "-0.5"}),
        ("lse_vs_max", {"view": "sheet"}),
        ("sheet", {"reveal": "all"}),
    ],
    ids=lambda v: str(v)[:40],
)
def test_prose_writes_negative_numbers_with_a_true_minus(page: str, params: dict[str, str]) -> None:
    at = page_with_link(page, params)
    at.run(timeout=60)
    assert not at.exception, at.exception
    prose = "\n".join(
        text_format.MessageToString(proto, as_utf8=True)
        for proto in _protos(at._tree)
        if proto.DESCRIPTOR.name not in {"Code", "PlotlyChart"}
        and not (proto.DESCRIPTOR.name == "Markdown" and proto.element_type == LATEX)
    )
    # examples of what to type (help texts, placeholders) show the key a person presses
    prose = re.sub(r"^\s*(help|placeholder): .*$", "", prose, flags=re.M)
    bad = sorted(
        {prose[max(m.start() - 30, 0) : m.end() + 10] for m in ASCII_MINUS.finditer(prose)}
    )
    assert bad == [], bad


#: A subscript written as code: ``softmax(σ, λ)_1``, ``σ_j``, ``p_k`` (an escaped ``\_`` in a
#: Markdown table included).
CODE_SUBSCRIPT = re.compile(r"[\w)\]]\\?_[\w{]")


@pytest.mark.parametrize(
    ("page", "params", "tabs"),
    [
        (
            "vector_lab",
            {"v": "1, 2, 3", "lam": "100"},
            ("lse vs max", "Temperature sweep", "Simplex", "Stable vs textbook"),
        ),
        ("vector_lab", {"v": "10, 20, 30", "lam": "100"}, ("Stable vs textbook",)),
        ("vector_lab", {"v": "-10, -20, -30", "lam": "100"}, ("Stable vs textbook",)),
        ("softmax_grid", {}, ()),
    ],
    ids=lambda v: str(v)[:40],
)
def test_prose_and_tables_write_no_code_subscripts(
    page: str, params: dict[str, str], tabs: tuple[str, ...]
) -> None:
    at = page_with_link(page, params)
    found: set[str] = set()
    for label in (None, *tabs):
        if label is not None:
            at.query_params["section"] = label
        at.run(timeout=60)
        assert not at.exception, at.exception
        shown = [*at.markdown, *at.caption, *at.info, *at.success, *at.warning]
        for element in shown:
            text = str(element.value)
            found |= {
                text[max(m.start() - 20, 0) : m.end() + 5] for m in CODE_SUBSCRIPT.finditer(text)
            }
    assert found == set(), sorted(found)
