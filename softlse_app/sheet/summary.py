"""The printable summary: one HTML file with every question, the student's predictions and the
answers of the *revealed* questions only, with their numbers and how close each prediction was.

Plain HTML without scripts or external resources, so it opens and prints anywhere. Every piece
of text — the predictions above all, which are whatever someone typed — goes through
:func:`html.escape`, so nothing in it can become markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from html import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from softlse_app.sheet.answers import Answer, judge
from softlse_app.sheet.questions import QUESTIONS, ChoicePrediction

#: The file name's start; :func:`summary_file_name` adds the student's name and the time.
FILE_PREFIX = "softlse-sheet-7-summary"

#: The longest name printed on a summary.
MAX_NAME = 80

_NOT_IN_A_FILE_NAME = re.compile(r"[^\w-]+")


def local_now(timezone: str | None) -> datetime:
    """Now in the browser's time zone (``st.context.timezone``, such as "Europe/Berlin"), or
    in UTC when it is unknown or not a zone name, for the time printed on a summary.

    >>> local_now("not a zone").tzname(), local_now(None).tzname()
    ('UTC', 'UTC')
    """
    try:
        zone: tzinfo = ZoneInfo(timezone) if timezone else UTC
    except (ValueError, ZoneInfoNotFoundError):
        zone = UTC
    return datetime.now(zone)


def summary_file_name(name: str, made: datetime) -> str:
    """``softlse-sheet-7-summary-<name>-<date>-<time>.html``: a teacher collecting a class's
    files can tell them apart. The name keeps its letters and digits (any script), other
    characters become one hyphen; without a name only the time is added.

    >>> summary_file_name("Ada Lovelace", datetime(2026, 12, 2, 14, 5, tzinfo=UTC))
    'softlse-sheet-7-summary-ada-lovelace-2026-12-02-1405.html'
    >>> summary_file_name(" ../x ", datetime(2026, 12, 2, 14, 5, tzinfo=UTC))
    'softlse-sheet-7-summary-x-2026-12-02-1405.html'
    """
    # at most 40 characters of the name: 3 bytes each in some scripts, and file names stop
    # at 255 bytes
    slug = _NOT_IN_A_FILE_NAME.sub("-", name[:MAX_NAME].strip().lower()).strip("-_")[:40]
    parts = [FILE_PREFIX, *([slug] if slug else []), made.strftime("%Y-%m-%d-%H%M")]
    return "-".join(parts) + ".html"


STYLE = """
body { font-family: Helvetica, Arial, sans-serif; max-width: 44em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #1b1f24; }
h2 { border-top: 1px solid #ccd; padding-top: 0.8em; }
pre, code { font-family: Menlo, Consolas, monospace; background: #f2f5f9; }
pre { padding: 0.6em; white-space: pre-wrap; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
.hidden { color: #555; font-style: italic; }
@media print { h2 { break-before: auto; } section { break-inside: avoid; } }
"""


_CODE_SPAN = re.compile(r"`([^`]*)`")


def _sentence(text: str) -> str:
    """One of our sentences as HTML: escaped, its `code spans` as <code>."""
    return _CODE_SPAN.sub(r"<code>\1</code>", escape(text))


def _prediction_item(label: str, text: str | None) -> str:
    shown = (
        f"<code>{escape(text)}</code>"
        if text is not None and text.strip()
        else '<span class="hidden">no prediction</span>'
    )
    return f"<li>{escape(label)}: {shown}</li>"


def summary_html(
    predictions: Mapping[str, str | None],
    answers: Mapping[str, Answer],
    name: str = "",
    made: datetime | None = None,
) -> str:
    """The summary for the predictions (by key: typed text or option picked, ``None``/empty:
    none) and the answers of the revealed questions (by letter; a question without an entry
    is listed as not revealed and nothing of its answer is written), with the student's
    ``name`` (if given) and the time it was ``made`` (in its own zone) at the top."""
    by = f"{escape(name[:MAX_NAME].strip())}, " if name.strip() else ""
    when = f"{made:%Y-%m-%d %H:%M} {made.tzname() or 'UTC'}. " if made is not None else ""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>softlse: exercise sheet 7, predictions and answers</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Exercise sheet 7: log-sum-exp and softmax</h1>",
        f"<p>{by}{when}Questions revealed: {len(answers)} of {len(QUESTIONS)}. "
        "Made with softlse, the soft-maximum explorer.</p>",
    ]
    for question in QUESTIONS:
        parts.append(f"<section><h2>({question.letter}) {escape(question.title)}</h2>")
        parts.append(f"<p>{escape(question.plain)}</p>")
        parts.append("<h3>Predictions</h3><ul>")
        for prediction in question.predictions:
            parts.append(_prediction_item(prediction.label, predictions.get(prediction.key)))
        parts.append("</ul>")
        answer = answers.get(question.letter)
        if answer is None:
            parts.append('<p class="hidden">Not revealed yet.</p></section>')
            continue
        parts.append(f"<h3>Answer</h3><p>{_sentence(answer.summary)}</p>")
        parts.append(f"<pre>{escape(chr(10).join(answer.printout))}</pre><ul>")
        parts.extend(f"<li>{_sentence(line)}</li>" for line in answer.results)
        parts.append("</ul><h3>How close</h3><ul>")
        for prediction in question.predictions:
            judgement = judge(answer.truths[prediction.key], predictions.get(prediction.key))
            kind = "choice" if isinstance(prediction, ChoicePrediction) else "number"
            detail = " ".join(judgement.reasons)
            parts.append(
                f"<li>{escape(prediction.label)} ({kind}): {escape(judgement.verdict)} "
                f"{escape(detail)}</li>"
            )
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts)
