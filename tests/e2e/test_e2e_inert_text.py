"""Inert echo in a real browser (issue 12 item 1): text from a link or a text box is shown back
as exactly that text — no link, no KaTeX, no formatting, no HTML, no icon — and stays visible.

1. The message helper itself, on a test-only page: every named payload and 300 generated ones,
   as a whole message and as a quoted value, all in one page load.
2. Every page, every query parameter (as found by running the page): hostile text in the link.
3. The text boxes (the vector, the λ list): hostile text typed in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from app_page import AppPage
from hostile_text import DENSE_PAYLOADS, PAYLOADS, collapsed, fuzz_payloads
from page_params import query_params_read_by, text_box_max_chars, vector_problem
from streamlit_server import StreamlitServer

from softlse_app.common.inert_text import (
    MESSAGE_LIMIT,
    QUOTE_LIMIT,
    visible_text,
)
from softlse_app.common.navigation import PAGES, PageEntry

pytestmark = pytest.mark.e2e

HELPER_PAGE = Path(__file__).resolve().with_name("inert_text_page.py")
WORD_JOINER = "\u2060"

#: Every element inside each alert's Markdown, and its text (word joiners removed).
ALERTS_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stAlert"]')).map((alert) => {
  const body = alert.querySelector('[data-testid="stMarkdownContainer"]');
  return {
    text: body ? body.innerText.replaceAll('\\u2060', '') : '',
    tags: body ? Array.from(body.querySelectorAll('*')).map((e) => e.tagName.toLowerCase()) : [],
  };
})
"""

#: Anything on the whole page that hostile text could have made: links to elsewhere or to
#: scripts, KaTeX of the payloads' math, images and scripts of the payloads, event-handler
#: attributes, and formatting elements holding the payloads' marker words.
INJECTED_JS = """
() => {
  const found = [];
  const text = (e) => (e.textContent || '').trim();
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href') || '';
    if (/^(javascript|mailto|data):|evil|e\\.example|e\\.ex\\b/i.test(href + ' ' + text(a))) {
      found.push('link ' + a.outerHTML.slice(0, 120));
    }
  }
  for (const k of document.querySelectorAll('.katex')) {
    const tex = k.querySelector('annotation')?.textContent || '';
    if (/x\\^2|\\\\x\\b|matrix/.test(tex)) found.push('katex ' + tex);
  }
  for (const e of document.querySelectorAll('img, script, iframe, object, embed')) {
    const src = (e.getAttribute('src') || '') + text(e);
    if (/^x$|e\\.png|evil|alert\\(/.test(src)) found.push(e.tagName + ' ' + src.slice(0, 80));
  }
  for (const e of document.querySelectorAll('[onerror], [onclick], [onload]')) {
    found.push('handler ' + e.outerHTML.slice(0, 120));
  }
  const markers = /^(b|i|d|h|x|r|gone|one|bold|strong|em|big|heading|item|quote)$/;
  for (const e of document.querySelectorAll(
      'strong, em, del, s, h1, h2, h3, h4, h5, h6, li, blockquote, table')) {
    if (markers.test(text(e))) found.push(e.tagName + ' ' + text(e));
  }
  return found;
}
"""


# -- 1. the helper ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def helper_page(browser_context: Any) -> Iterator[AppPage]:
    with StreamlitServer(HELPER_PAGE) as server:
        app = AppPage(browser_context.new_page(), server.url, timeout_ms=120_000)
        yield app
        app.page.close()


def test_the_helper_shows_any_text_as_that_text(helper_page: AppPage) -> None:
    shown = {
        **{f"named_{index}": text for index, text in enumerate(PAYLOADS.values())},
        **{f"fuzz_{index}": text for index, text in enumerate(fuzz_payloads(300))},
    }
    helper_page.open("/")
    helper_page.page.wait_for_function(
        "(count) => document.querySelectorAll('[data-testid=\"stAlert\"]').length >= count",
        arg=2 * len(shown),
    )
    read = helper_page.page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('[class*="st-key-"]'))
          .map((box) => {
            const key = Array.from(box.classList).find((c) => c.startsWith('st-key-'));
            const body = box.querySelector('[data-testid="stMarkdownContainer"]');
            return [key.slice(7), {
              text: body.innerText.replaceAll('\\u2060', ''),
              tags: Array.from(body.querySelectorAll('*')).map((e) => e.tagName.toLowerCase()),
            }];
          }))"""
    )
    wrong = []
    for key, text in shown.items():
        prose, quote = read[f"prose_{key}"], read[f"quote_{key}"]
        expected = "Echo: " + visible_text(text, MESSAGE_LIMIT).lstrip(" ")
        if collapsed(prose["text"]) != collapsed(expected) or set(prose["tags"]) != {"p"}:
            wrong.append((key, text, prose))
        quoted = visible_text(text.replace("`", " "), QUOTE_LIMIT)
        # the page's own code span (`p`) and the quote: two <code>, nothing else; blank text
        # has no code span of its own (it would show as two backticks) but the words (empty)
        tags = ["code", "code", "p"]
        if not text.strip():
            quoted, tags = "(empty)", ["code", "p"]
        expected = f"URL parameter p={quoted} is not used."
        if collapsed(quote["text"]) != collapsed(expected) or sorted(quote["tags"]) != tags:
            wrong.append((key, text, quote))
    assert wrong == []
    assert helper_page.page.evaluate(INJECTED_JS) == []
    assert helper_page.errors == []


# -- 2. every page, every query parameter -------------------------------------------------

PAGES_WITH_PARAMS = [entry for entry in PAGES if query_params_read_by(entry.path)]


def assert_inert_and_visible(app: AppPage, dialogs: list[str]) -> list[str]:
    """No element made from hostile text anywhere; alerts hold only paragraphs, code and the
    app's own bold labels and line breaks (the sheet's judgements); no dialog, no script error.
    Returns the alerts' texts."""
    assert app.page.evaluate(INJECTED_JS) == []
    alerts = app.page.evaluate(ALERTS_JS)
    for alert in alerts:
        assert set(alert["tags"]) <= {"p", "code", "strong", "br"}, alert
    assert dialogs == []
    assert app.errors == []
    assert app.exceptions() == []
    return [collapsed(alert["text"]) for alert in alerts]


def box_text(app: AppPage, key: str) -> str | None:
    """The text in text box ``key`` (``None``: the page has no such box)."""
    box = app.page.locator(f'.st-key-{key} [data-testid="stTextInputRootElement"] input')
    return box.input_value() if box.count() == 1 else None


@pytest.mark.parametrize("entry", PAGES_WITH_PARAMS, ids=lambda entry: entry.url_path)
def test_every_query_parameter_echoes_hostile_links_inert(app: AppPage, entry: PageEntry) -> None:
    keys = query_params_read_by(entry.path)
    dialogs: list[str] = []
    app.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for name, payload in DENSE_PAYLOADS.items():
        query = "&".join(f"{key}={quote(payload, safe='')}" for key in keys)
        if "reveal" in keys:  # the sheet: reveal every answer, so predictions are quoted back
            query += "&reveal=all"
        app.open(f"/{entry.url_path}?{query}")
        texts = assert_inert_and_visible(app, dialogs)
        one_line = payload.replace("\r", "").replace("\n", "")  # what an <input> can hold
        for key in keys:
            # a note quotes the link's text literally, or a text box took it as written
            quoted = collapsed(visible_text(payload.replace("`", " "), QUOTE_LIMIT))
            noted = any(f"URL parameter {key}={quoted}" in text for text in texts)
            typed = box_text(app, key)
            boxed = typed is not None and one_line.startswith(typed)
            assert noted or boxed, (name, key, texts)
            if boxed and typed and "reveal" in keys:  # the judgement quotes the prediction
                # as the server holds it: line breaks kept (an <input> shows none)
                held = payload[: text_box_max_chars(entry.path, key)]
                echo = collapsed(f"You typed: {visible_text(held, MESSAGE_LIMIT)}")
                assert any(text.endswith(echo) for text in texts), (name, key, texts)
        if "v" in keys:
            problem = collapsed(visible_text(vector_problem(payload), MESSAGE_LIMIT))
            assert any(text.endswith(problem) for text in texts), (name, texts)


# -- 3. the text boxes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "key"), [("vector_lab", "v"), ("softmax_grid", "lams"), ("sheet", "pa2")]
)
def test_text_boxes_echo_typed_hostile_text_inert(app: AppPage, page: str, key: str) -> None:
    entry = next((entry for entry in PAGES if entry.url_path == page), None)
    if entry is None:
        pytest.skip(f"page /{page} is not registered")
    dialogs: list[str] = []
    app.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    limit = text_box_max_chars(entry.path, key)
    app.open(f"/{page}")
    for name, payload in DENSE_PAYLOADS.items():
        if page == "sheet" and name != next(iter(DENSE_PAYLOADS)):
            app.open(f"/{page}")  # a revealed question's box is locked: a fresh page per text
        app.type_into(key, payload[:limit] if limit else payload)
        if page == "sheet":  # typed first, then revealed: the judgement quotes the prediction
            reveal = app.page.get_by_role("button", name=f"Reveal ({key[1]})", exact=True)
            app.rerun(reveal.click)
        texts = assert_inert_and_visible(app, dialogs)
        typed = app.input_value(key)  # the box keeps what was typed (up to its limit)
        if key == "v":
            problem = collapsed(visible_text(vector_problem(typed), MESSAGE_LIMIT))
            assert any(text.endswith(problem) for text in texts), (name, texts)
        elif key == "lams":
            quoted = collapsed(visible_text(typed.replace("`", " "), QUOTE_LIMIT))
            # typed text is named as the box, never as a link's parameter
            assert any(text.startswith(f"The λ list {quoted}") for text in texts), (name, texts)
            assert not any("URL parameter" in text for text in texts), (name, texts)
        else:  # a prediction: its judgement quotes it
            echo = collapsed(f"You typed: {visible_text(typed, MESSAGE_LIMIT)}")
            assert any(text.endswith(echo) for text in texts), (name, texts)


# -- 4. copying an echo --------------------------------------------------------------------

#: Select the text of the first error box, copy it as a person does (a ``copy`` event on the
#: selection) and return what the clipboard would receive (the page's handler may replace
#: it) next to what the selection itself holds.
COPY_ERROR_JS = """
() => {
  const box = document.querySelector(
    '[data-testid="stAlertContentError"] [data-testid="stMarkdownContainer"]');
  const range = document.createRange();
  range.selectNodeContents(box);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const data = new DataTransfer();
  const event = new ClipboardEvent('copy', {clipboardData: data, bubbles: true, cancelable: true});
  box.dispatchEvent(event);
  return {
    selected: String(selection),
    copied: event.defaultPrevented ? data.getData('text/plain') : String(selection),
  };
}
"""


def test_copying_an_echoed_message_gives_the_text_without_invisible_characters(
    app: AppPage,
) -> None:
    """An echo of typed text carries word joiners (U+2060) after its punctuation, so that
    Markdown leaves it alone; a person copying the message must not get them."""
    app.open("/vector_lab")
    app.type_into("v", "1, foo:bar!, 3")
    result = app.page.evaluate(COPY_ERROR_JS)
    assert "\u2060" in result["selected"]  # the page holds them, invisibly
    assert "\u2060" not in result["copied"]
    assert result["copied"] == result["selected"].replace("\u2060", "")
    assert "'foo:bar!'" in result["copied"]
