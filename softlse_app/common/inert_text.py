"""Text that came from a person or a link, shown back exactly as text: never as Markdown,
KaTeX, a link, an emoji or icon shortcode, or HTML.

Streamlit renders the body of ``st.error``/``st.warning``/``st.info``/``st.markdown``/
``st.caption`` as Markdown (CommonMark + GFM, ``$…$`` math, ``:red[…]`` directives,
``:material/…:`` icons, emoji shortcodes, and text rewrites such as ``->`` → ``→``). So
every message path of the app goes through this module:

- :func:`show_message` — an alert box: the app's own words, then any text shown literally.
  The one function pages use for messages that echo input (vector parse errors, λ-list
  notes, URL notes, predictions).
- :func:`inert_markdown` — any text as Markdown that renders as exactly that text in the
  running font (for a sentence such as a parse error, which quotes input anywhere in it).
- :func:`inert_code` — any text as a Markdown code span (a short quote of a raw value,
  e.g. ``URL parameter `lam`=`abc` …``).

Both first make the text *visible*: line breaks, tabs and other control characters become
spaces (a blank line would end a code span or a paragraph), invisible format characters —
bidirectional overrides such as U+202E (which reorder what follows), zero-width spaces and
joiners — are shown as ``⟨U+202E⟩``, and text past a limit is shortened with "…".

How the Markdown is made inert (checked against Streamlit 1.67's frontend in the browser
tests, tests/e2e/test_e2e_inert_text.py):

- every ASCII punctuation character is backslash-escaped, which CommonMark defines as the
  literal character: no emphasis, code, link, image, HTML, heading, list, table,
  strikethrough, math (``\\$``) or directive can start;
- after escapes are resolved, Streamlit and remark still rewrite *text* (bare URLs and
  e-mail addresses become links, ``:smile:`` an emoji, ``:streamlit:`` a logo, ``->`` an
  arrow): a WORD JOINER (U+2060, invisible, not a word or space character for those
  patterns) after each punctuation character and between ``www`` and ``.`` breaks every such
  pattern;
- Streamlit replaces ``:material/`` in the raw source, even inside code spans, before
  parsing: the joiner after ``:`` breaks that too.
"""

from __future__ import annotations

import re
import string
import unicodedata
from typing import Literal

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

#: Longest piece of raw text a note quotes back (:func:`inert_code`'s default).
QUOTE_LIMIT = 40
#: Longest message :func:`inert_markdown` shows by default.
MESSAGE_LIMIT = 600
#: Invisible, zero-width, and neither a word nor a space character to the Markdown
#: pipeline's patterns: placed inside a pattern, it stops the pattern from matching.
WORD_JOINER = "\u2060"

AlertKind = Literal["error", "warning", "info", "success"]

_ASCII_PUNCTUATION = frozenset(string.punctuation)
_WWW_DOT = re.compile(r"(www)(\\\.)", re.IGNORECASE)
_SPACE_CATEGORIES = ("Cc", "Zl", "Zp")  # control characters, line and paragraph separators


def visible_text(text: str, limit: int | None = None) -> str:
    """``text`` as it can be shown on one line, every character visible.

    - Control characters (line breaks, tabs, NUL, …) and the line and paragraph separators
      U+2028/U+2029 become a space.
    - Format characters (Unicode category Cf: the bidirectional overrides and isolates such
      as U+202E, zero-width spaces and joiners, U+FEFF, soft hyphens) become ``⟨U+XXXX⟩``:
      invisible in the text, they could reorder or hide what the person sees.
    - Text longer than ``limit`` characters (after the above) is cut to ``limit − 1``
      characters and "…".

    The result never contains a line break, so one Markdown paragraph or code span holds it.
    """
    shown: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category in _SPACE_CATEGORIES:
            shown.append(" ")
        elif category == "Cf":
            shown.append(f"⟨U+{ord(char):04X}⟩")
        else:
            shown.append(char)
    visible = "".join(shown)
    if limit is not None and len(visible) > limit:
        visible = visible[: max(limit - 1, 0)] + "…"
    return visible


def inert_markdown(text: str, limit: int | None = MESSAGE_LIMIT) -> str:
    """Markdown that Streamlit renders as exactly :func:`visible_text` of ``text``, in the
    surrounding font (no link, math, emphasis, code, HTML, icon, emoji or arrow).

    Each ASCII punctuation character ``c`` becomes ``\\c`` followed by a word joiner, ``www.``
    gets a joiner before its dot, and leading spaces are dropped (four of them would start a
    code block; HTML does not show them anyway). Any text is accepted; ``""`` gives ``""``.
    """
    escaped = "".join(
        f"\\{char}{WORD_JOINER}" if char in _ASCII_PUNCTUATION else char
        for char in visible_text(text, limit).lstrip(" ")
    )
    return _WWW_DOT.sub(rf"\1{WORD_JOINER}\2", escaped)


def inert_code(text: str, limit: int | None = QUOTE_LIMIT) -> str:
    """``text`` as a Markdown code span that shows it literally (monospace), shortened to
    ``limit`` characters: ``abc`` → ```abc```.

    A backtick inside would end the span, so it becomes a space (as does every line break:
    see :func:`visible_text`); spaces at either end are kept; a word joiner after each ``:``
    keeps Streamlit from turning ``:material/…:`` into an icon name before the Markdown is
    parsed. Text that is empty or only spaces and line breaks has no code span (```` `` ````
    would show as two backticks): it is written ``(empty)``."""
    if not text.strip():
        return "(empty)"
    cleaned = visible_text(text.replace("`", " "), limit).replace(":", ":" + WORD_JOINER)
    if cleaned.strip(" ") and (cleaned[:1] == " " or cleaned[-1:] == " "):
        # CommonMark drops one space at each end of a span that starts and ends with one:
        # pad both ends so exactly the padding is dropped
        cleaned = f" {cleaned} "
    return f"`{cleaned}`"


def shown_text(markdown: str) -> str:
    """The text a person reads in Markdown made with :func:`inert_markdown` (escapes resolved,
    word joiners dropped; code-span backticks are kept): for tests, and for plain-text
    copies."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown.replace(WORD_JOINER, ""))


def show_message(
    kind: AlertKind,
    words: str,
    text: str | None = None,
    *,
    icon: str | None = None,
    container: DeltaGenerator | None = None,
) -> None:
    """Show an alert box of ``kind``: ``words`` then ``text``.

    ``words`` are the app's own Markdown: fixed wording, in which any input is already quoted
    with :func:`inert_code` or :func:`inert_markdown` (the notes of
    :mod:`softlse_app.common.url_params` are made that way). ``text`` is anything at all — a
    parse error quoting what was typed, a prediction — and is shown literally
    (:func:`inert_markdown`, shortened past ``MESSAGE_LIMIT`` characters).
    """
    body = words if text is None else words + inert_markdown(text)
    where = container if container is not None else st
    alerts = {
        "error": where.error,
        "warning": where.warning,
        "info": where.info,
        "success": where.success,
    }
    alerts[kind](body, icon=icon)
