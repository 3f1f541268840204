"""Hostile text for the inert-echo tests: what a link or a keystroke may bring to a page that
shows it back. Each payload tries to make Streamlit's Markdown render something other than
the text itself (issue 12 item 1).

Shared by the unit tests, the AppTest tests and the browser tests, so every path is fed the
same list.
"""

from __future__ import annotations

import random
import re

#: name -> text. The names are test ids.
PAYLOADS: dict[str, str] = {
    "bold": "**bold** __strong__",
    "italics": "*em* _em_",
    "strike": "~~gone~~ ~one~",
    "inline-math": "$x^2$",
    "display-math": "$$\\x$$",
    "math-env": "$$\\begin{matrix}a\\end{matrix}$$",
    "bare-url": "https://evil.example/login",
    "www-url": "www.evil.example",
    "angle-url": "<https://evil.example>",
    "email": "someone@evil.example",
    "mailto": "mailto:someone@evil.example",
    "md-link": "[x](javascript:alert(1))",
    "md-image": "![x](https://evil.example/i.png)",
    "ref-link": "[x][r] [r]: https://evil.example",
    "footnote": "a[^1] [^1]: https://evil.example",
    "html-script": "<script>alert(1)</script>",
    "html-img": '<img src=x onerror="alert(1)">',
    "html-b": "<b>b</b><i>i</i><a href='https://evil.example'>a</a>",
    "entity": "&lt;b&gt; &amp; &#x3C;",
    "code-span": "`code`",
    "code-breakout": "a` **x** `b",
    "double-backtick": "`` `x` ``",
    "fence-newline": "```\n**x**\n```",
    "newlines": "1\n\n# heading\n- item\n> quote",
    "heading": "# big",
    "list": "- a",
    "ordered": "1. a",
    "indent-code": "    code block",
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "directive-color": ":red[red] :blue-background[bg] :small[s]",
    "material-icon": ":material/home:",
    "emoji-shortcode": ":smile: :streamlit:",
    "arrows": "a -> b <- c <-> d -- e >= f <= g ~= h",
    "backslash": "\\*not em\\* \\\\",
    "hard-break": "line\\\nnext",
    "rtl-override": "abc\u202edcba.exe",
    "zero-width": "a\u200bb\u200dc\ufeffd",
    "control": "a\x00b\x07c\x1bd",
    "long": "9" * 5_000,
    "long-words": "lorem ipsum dolor " * 400,
}


def collapsed(text: str) -> str:
    """``text`` with each run of whitespace as one space and no space at either end: how a
    browser lays out text in a paragraph (and how ``innerText`` reads it back)."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")


#: Pieces of Markdown, math, link, directive, shortcode and HTML syntax that
#: :func:`fuzz_payloads` strings together.
FUZZ_PIECES = (
    *"*_`$\\[]()<>!:@#|~-+=.&;'\"{}^%/ \n",
    "**",
    "__",
    "~~",
    "$$",
    "``",
    "```",
    "](",
    "![",
    "[^",
    "-->",
    "<-",
    ">=",
    "--",
    "http://",
    "https://",
    "www.",
    "mailto:",
    "javascript:",
    "ftp://",
    "evil.example",
    ":material/",
    "home",
    ":smile:",
    ":streamlit:",
    ":red[",
    ":small[",
    "\\x",
    "\\frac",
    "<a href=",
    "<img src=x onerror=",
    "<script>",
    "</script>",
    "<b>",
    "&lt;",
    "&#x3C;",
    "\u202e",
    "\u200b",
    "\u2028",
    "\t",
    "\r\n",
    "1.",
    "- ",
    "# ",
    "> ",
    "    ",
    "a",
    "b",
    "x",
)


def fuzz_payloads(count: int, seed: int = 12) -> list[str]:
    """``count`` strings of 1–16 pieces of :data:`FUZZ_PIECES`, the same for a given seed."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not a secret)
    return [
        "".join(rng.choice(FUZZ_PIECES) for _ in range(rng.randint(1, 16))) for _ in range(count)
    ]


#: Short payloads (≤ 40 characters, so a note quotes each whole) that each try several
#: constructs at once: for sweeps over every parameter of every page, where each payload
#: costs a page run.
DENSE_PAYLOADS: dict[str, str] = {
    "emphasis-math": "**b** _i_ ~~d~~ $x^2$ $$\\x$$",
    "links": "https://evil.example <https://e.example>",
    "md-link-img": "[x](javascript:alert(1)) ![i](e.png)",
    "html": "<img src=x onerror=alert(1)><b>b</b>",
    "code-breakout": "a`\n\n# h\n- i\n`b **x**",
    "shortcodes": ":material/home: :smile: :red[r] www.e.ex",
    "email-bidi": "x@evil.example \u202eexe.txt",
    "long": "9" * 5_000,
}

#: What may not appear in a message's Markdown outside code spans once backslash escapes are
#: taken out: each starts a Markdown, math, HTML, link or shortcode construct, or is
#: rewritten by Streamlit (the app's own wording uses none of them).
_UNSAFE_CHARS = set("*_~$<>!|#&\\@`\n\r")
_UNSAFE_PATTERNS = (
    re.compile(r"\]\(|\]\[|\[\^"),  # link, reference, footnote
    re.compile(r"://|www\.", re.IGNORECASE),  # bare URLs
    re.compile(r":material/|:[a-z0-9_+-]+:|:[a-z][a-z0-9-]*\["),  # icons, emoji, directives
)
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]\u2060?")
_CODE_SPAN = re.compile(r"`([^`]*)`")


def markdown_leaks(markdown: str) -> list[str]:
    """What in a message's Markdown could render as something other than its text: each
    problem as a short description (empty: the message is inert).

    Code spans (the quotes of :func:`~softlse_app.common.inert_text.inert_code`) must hold no
    line break and no ``:material/`` (Streamlit rewrites it even in code); outside them, with
    backslash escapes removed, none of ``*_~$<>!|#&\\@``, backticks, line breaks, link
    brackets, bare URLs or shortcodes may remain."""
    problems = []
    for inside in _CODE_SPAN.findall(markdown):
        if "\n" in inside or ":material/" in inside:
            problems.append(f"code span {inside!r}")
    prose = _ESCAPE.sub("", _CODE_SPAN.sub("", markdown))
    unsafe = sorted(set(prose) & _UNSAFE_CHARS)
    if unsafe:
        problems.append(f"unescaped {unsafe} in {prose!r}")
    for pattern in _UNSAFE_PATTERNS:
        if pattern.search(prose):
            problems.append(f"{pattern.pattern} in {prose!r}")
    return problems


def payload_leaks(markdown: str, payload: str) -> list[str]:
    """Pieces of ``payload`` that stand in ``markdown`` outside code spans as written — so
    Markdown would read them — rather than escaped; and invisible format characters. For
    messages that mix the app's own Markdown (bold labels, line breaks) with echoed input,
    where :func:`markdown_leaks` would flag the app's own formatting."""
    prose = _CODE_SPAN.sub("", markdown)
    problems = [
        f"U+{ord(ch):04X}"
        for ch in markdown
        if ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200d\ufeff"
    ]
    for piece in re.split(r"\s+", payload):
        risky = set(piece) & (_UNSAFE_CHARS | set("[]:")) or any(
            pattern.search(piece) for pattern in _UNSAFE_PATTERNS
        )
        if len(piece) >= 2 and risky and piece in prose:
            problems.append(piece)
    return problems
