"""Every page, every query parameter and every text box, fed hostile text in AppTest: the
messages that echo it back (URL notes, the vector's parse error, the λ list's note, the
sheet's judgements of typed predictions) are inert
Markdown — the input only inside a literal code span or fully escaped — and still show what
came in. (That Streamlit's Markdown renders such messages as plain text is checked in
Chromium: tests/e2e/test_e2e_inert_text.py.)"""

from __future__ import annotations

import pytest
from hostile_text import DENSE_PAYLOADS, markdown_leaks, payload_leaks
from page_params import query_params_read_by, text_box_max_chars, vector_problem
from streamlit.testing.v1 import AppTest

from softlse_app.common.inert_text import inert_code, inert_markdown
from softlse_app.common.navigation import PAGES, PageEntry


def messages(at: AppTest) -> list[str]:
    """The Markdown of every alert box on the page (errors, warnings, infos, successes)."""
    return [m.value for kind in ("error", "warning", "info", "success") for m in getattr(at, kind)]


def run(entry: PageEntry, params: dict[str, str | list[str]]) -> AppTest:
    at = AppTest.from_file(str(entry.path), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=60)
    assert not at.exception, at.exception
    return at


def hostile_query(keys: tuple[str, ...], payload: str) -> dict[str, str | list[str]]:
    """Every parameter set to ``payload``; on the sheet, every answer revealed as well
    (``reveal=all`` after the payload), so that its typed predictions are judged and quoted."""
    query: dict[str, str | list[str]] = dict.fromkeys(keys, payload)
    if "reveal" in keys:
        query["reveal"] = [payload, "all"]
    return query


def box_value(at: AppTest, key: str) -> str | None:
    """The text of text box ``key`` (``None``: no such box)."""
    boxes = [box for box in at.text_input if box.key == key]
    return str(boxes[0].value) if boxes else None


PAGES_WITH_PARAMS = [entry for entry in PAGES if query_params_read_by(entry.path)]


@pytest.mark.parametrize("payload", list(DENSE_PAYLOADS.values()), ids=list(DENSE_PAYLOADS))
@pytest.mark.parametrize("entry", PAGES_WITH_PARAMS, ids=lambda entry: entry.url_path)
def test_every_query_parameter_is_echoed_inert(entry: PageEntry, payload: str) -> None:
    keys = query_params_read_by(entry.path)
    at = run(entry, hostile_query(keys, payload))
    shown = messages(at)
    for message in shown:
        assert payload_leaks(message, payload) == [], message
    for key in keys:
        # a note names the parameter and quotes what the link said, literally — or a text
        # box took the text as written (a vector, a prediction), to be judged there
        noted = any(f"`{key}`={inert_code(payload)}" in m for m in shown)
        boxed = box_value(at, key) is not None and payload.startswith(box_value(at, key) or "")
        assert noted or boxed, (key, shown)
    if "v" in keys:
        problem = inert_markdown(vector_problem(payload))
        assert any(m.endswith(problem) for m in shown), shown
    if "reveal" in keys:  # each typed prediction is quoted back, escaped, in its judgement
        for key in keys:
            typed = box_value(at, key)
            if typed and typed.strip():
                echo = f"You typed: {inert_markdown(typed)}"
                assert any(m.endswith(echo) for m in shown), (key, shown)


@pytest.mark.parametrize("payload", list(DENSE_PAYLOADS.values()), ids=list(DENSE_PAYLOADS))
def test_the_vector_box_echoes_typed_text_inert(payload: str) -> None:
    entry = next(entry for entry in PAGES if entry.url_path == "vector_lab")
    at = run(entry, {})
    at.text_input(key="v").input(payload).run(timeout=60)
    assert not at.exception
    (error,) = at.error
    assert markdown_leaks(error.value) == []
    assert error.value.endswith(inert_markdown(vector_problem(payload)))
    assert at.text_input(key="v").value == payload  # what was typed is kept


@pytest.mark.parametrize("payload", list(DENSE_PAYLOADS.values()), ids=list(DENSE_PAYLOADS))
def test_the_lambda_list_box_echoes_typed_text_inert(payload: str) -> None:
    entry = next(entry for entry in PAGES if entry.url_path == "softmax_grid")
    at = run(entry, {})
    limit = text_box_max_chars(entry.path, "lams")
    at.text_input(key="lams").input(payload[:limit] if limit else payload).run(timeout=60)
    assert not at.exception
    typed = at.text_input(key="lams").value
    notes = [m for m in messages(at) if m.startswith("The λ list")]
    assert len(notes) == 1, messages(at)
    assert markdown_leaks(notes[0]) == []
    assert notes[0].startswith(f"The λ list {inert_code(typed)}")


@pytest.mark.parametrize("payload", list(DENSE_PAYLOADS.values()), ids=list(DENSE_PAYLOADS))
@pytest.mark.parametrize("entry", PAGES, ids=lambda entry: entry.url_path)
def test_every_text_box_echoes_typed_text_inert(entry: PageEntry, payload: str) -> None:
    # every box of the page typed into at once (up to its limit); on the sheet, every answer
    # then revealed (which locks the boxes), so that the typed predictions are judged and
    # quoted back
    at = run(entry, {})
    boxes = {box.key: box for box in at.text_input if box.key}
    if not boxes:
        pytest.skip(f"/{entry.url_path} has no text box")
    for box in boxes.values():
        box.input(payload[: box.max_chars] if box.max_chars else payload)
    if "reveal" in query_params_read_by(entry.path):
        at.query_params["reveal"] = "all"
    at.run(timeout=60)
    assert not at.exception, at.exception
    shown = messages(at) + [caption.value for caption in at.caption]
    for message in shown:
        assert payload_leaks(message, payload) == [], message
    if "reveal" in query_params_read_by(entry.path):  # each judgement quotes what was typed
        # (the predictions are the boxes in the link; the summary's name box is echoed only
        # in the download, escaped: tests/test_sheet_parts.py)
        for key in set(boxes) & set(query_params_read_by(entry.path)):
            typed = box_value(at, key)
            if typed and typed.strip():
                echo = f"You typed: {inert_markdown(typed)}"
                assert any(m.endswith(echo) for m in shown), (key, shown)
