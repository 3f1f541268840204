"""After "Reveal (x)", the keyboard focus goes to the answer just shown.

The button that was pressed turns into the disabled "Revealed (x)" on the rerun, and a
disabled button cannot keep the focus: the browser hands it to the page body, so a keyboard
user would start again from the top of the page and a screen reader would say nothing about
the answer. On the run right after a reveal the page adds a small static script of ours
(:func:`focus_answer`) that makes the answer's container a labelled region and focuses it.
The script names the question's letter (one of the sheet's, never text a person typed) and
nothing else; it is hidden like the app's other scripts (``page_style``'s rule for an element
holding only a script). ``tests/e2e/test_e2e_sheet.py`` checks it.
"""

from __future__ import annotations

import streamlit as st

from softlse_app.sheet.questions import LETTERS

#: Session-state key: the letter revealed by the last button press, until the page shows it.
JUST_REVEALED = "_sheet_just_revealed"

_FOCUS_ANSWER_JS = """
<script>
(() => {
  const selector = '.st-key-answer_%(letter)s';
  const started = performance.now();
  const focus = () => {
    const answer = document.querySelector(selector);
    if (!answer) {
      if (performance.now() - started < 5000) requestAnimationFrame(focus);
      return;
    }
    answer.setAttribute('role', 'region');
    answer.setAttribute('aria-label', 'Answer (%(letter)s)');
    answer.setAttribute('tabindex', '-1');
    answer.focus();
  };
  requestAnimationFrame(focus);
})();
</script>
"""


def note_revealed(letter: str) -> None:
    """Remember that the button of ``letter`` was pressed (called from its callback)."""
    st.session_state[JUST_REVEALED] = letter


def take_just_revealed() -> str | None:
    """The letter revealed by the button press this run answers, once (None otherwise)."""
    letter = st.session_state.pop(JUST_REVEALED, None)
    return letter if letter in LETTERS else None


def focus_answer(letter: str) -> None:
    """Move the keyboard focus to the answer of ``letter``, shown above in this run."""
    if letter not in LETTERS:
        raise ValueError(f"no question {letter!r} on the sheet")
    st.html(_FOCUS_ANSWER_JS % {"letter": letter}, unsafe_allow_javascript=True, width="content")
