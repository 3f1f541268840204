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
