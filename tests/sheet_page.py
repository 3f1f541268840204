"""Shared by the AppTest tests of the "Exercise sheet" page: running it, pressing Reveal, and
reading everything the page sent — every element's protobuf (Markdown, LaTeX, code, captions,
help texts, labels, alerts, chart JSON, page links, Unicode kept), the bytes of the summary
download and the URL's query string (:func:`page_text`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf import text_format
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

PAGES = Path(__file__).resolve().parent.parent / "pages"
PAGE = str(PAGES / "sheet.py")

#: Strings that give each answer away: its numbers as the page prints them and the sentence
#: that states it. None of a question's strings may be on the page before its reveal.
ANSWER_MARKERS: dict[str, tuple[str, ...]] = {
    "a": (
        "0.09003057",
        "0.24472847",
        "0.66524096",
        "2.06106005e-09",
        "4.53978686e-05",
        "9.99954600e-01",
        "0.9999546",
        "softmax unchanged",
    ),
    "b": (
        "0.0693147",
        "0.693147",
        "0.00693147",
        "log 2/λ",
        "2.1\u202f×\u202f10⁻¹⁰",
        "nowhere else",
    ),
    "c": ("0.73105858", "0.26894142", "gradient of lse is softmax"),
    "d": ("3.40760596", "3.00000454", "lim lse = max", "tends to 0"),
}
LETTERS = tuple(ANSWER_MARKERS)
SHEET_S1 = "[0.09003057 0.24472847 0.66524096]"
SHEET_S3 = "[2.06106005e-09 4.53978686e-05 9.99954600e-01]"


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The bytes of every file the page offers for download, in order."""
    files: list[bytes] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self: MemoryMediaFileStorage, path_or_data: Any, *args: Any, **kwargs: Any) -> str:
        if isinstance(path_or_data, bytes | str):
            data = path_or_data.encode() if isinstance(path_or_data, str) else path_or_data
            files.append(data)
        return original(self, path_or_data, *args, **kwargs)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return files


def run_page(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


def rerun(at: AppTest) -> AppTest:
    at.run(timeout=30)
    assert not at.exception, at.exception
    return at


def reveal(at: AppTest, letter: str) -> AppTest:
    button = at.button(key=f"reveal_{letter}")
    assert button.label == f"Reveal ({letter})"
    button.click()
    return rerun(at)


def _protos(node: Any) -> Iterator[Any]:
    proto = getattr(node, "proto", None)
    if proto is not None:
        yield proto
    for child in getattr(node, "children", {}).values():
        yield from _protos(child)


def page_text(at: AppTest, downloads: list[bytes] | None = None) -> str:
    """Everything the page sent in its last run, as text: each element's protobuf (Unicode
    kept), the latest download's bytes and the query string."""
    parts = [text_format.MessageToString(p, as_utf8=True) for p in _protos(at._tree)]
    if downloads:
        parts.append(downloads[-1].decode())
    parts.append(json.dumps(dict(at.query_params), ensure_ascii=False))
    return "\n".join(parts)


def shown(text: str, letter: str) -> list[str]:
    return [marker for marker in ANSWER_MARKERS[letter] if marker in text]


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def code_blocks(at: AppTest) -> list[str]:
    return [block.value for block in at.code]


def printout_by_lambda(printout: str, values: dict[str, str]) -> dict[int, tuple[float, ...]]:
    """An answer's printout of one block per λ, ``λ = L`` and then ``  <name> = <value>``
    for each name of ``values`` in order (names padded to one width), each value matching
    that name's pattern; returns L → the values, with every line checked on the way."""
    width = max(len(name) for name in values)
    lines = printout.splitlines()
    size = 1 + len(values)
    assert len(lines) % size == 0, printout
    found: dict[int, tuple[float, ...]] = {}
    for start in range(0, len(lines), size):
        head, *rows = lines[start : start + size]
        lam = re.fullmatch(r"λ = (\d+)", head)
        assert lam is not None, head
        numbers = []
        for (name, pattern), row in zip(values.items(), rows, strict=True):
            match = re.fullmatch(rf"  {re.escape(name.ljust(width))} = ({pattern})", row)
            assert match is not None, row
            numbers.append(float(match.group(1)))
        found[int(lam.group(1))] = tuple(numbers)
    return found
