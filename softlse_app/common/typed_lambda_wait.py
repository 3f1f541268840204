"""A λ typed into the exact-λ box, kept against a message the browser sent before it had it.

The box's callback (:mod:`softlse_app.common.lambda_control`) sets the slider and the sign
switch in code. A message that leaves the browser before that run's result arrives (type 7,
then at once move another control: the box's blur and the move are two messages) still
carries the old slider and switch, and Streamlit takes them as the person's: λ would fall back
to the value before the typed one, silently, and the typed text would be gone.

Such a message is told apart by what set it off. For the size and the sign of λ each:

- the browser reports the typed value: the wait is over;
- the person moved it in this message (it differs from the browser's previous message): theirs;
- it still holds the value from before while something else moved (another widget, the box
  edited again, or the other half of λ): stale, the typed value is set again;
- nothing at all moved since the previous message: the browser had the typed λ and the person
  put it back: theirs.

Once the browser has the typed λ it sends nothing by itself, so a message holding the old λ and
nothing else new is the person's. The wait also ends after :data:`STALE_WINDOW_S`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

__all__ = ["STALE_WINDOW_S", "keep_waiting", "note_box_text", "start_waiting"]

#: The longest a typed λ waits for the browser to report it: a bound on the bookkeeping, far
#: longer than a run and its way back to the browser on a busy server. Which message is stale
#: does not depend on it.
STALE_WINDOW_S = 30.0

#: The clock of that bound (a name of its own, so tests can move it).
_clock = time.monotonic

#: (size, negative): the two halves of a signed λ as the slider and the switch hold them.
Halves = tuple[float, bool]


@dataclass
class TypedLambda:
    """A λ taken from the box, waiting for the browser to report it.

    ``taken`` and ``before``: the typed λ and the λ the browser had when it sent the text;
    ``sent`` the λ and ``others`` the page's other widgets in the latest message from the
    browser; ``own`` the λ control's widget keys (slider, switch, box); ``box_texts`` the texts
    the box can hold without the person editing it again (the typed text and what the runs
    wrote into it); ``at`` when it was taken (:data:`_clock`); ``taking_run`` whether the run
    that took it is this one."""

    taken: Halves
    before: Halves
    sent: Halves
    others: dict[str, object]
    own: tuple[str, ...]
    box_texts: set[str]
    at: float
    taking_run: bool = True


def other_widgets(own: Sequence[str]) -> dict[str, object]:
    """The values of the page's widgets other than ``own``, as the latest message from the
    browser has them: the session state's keys that do not start with "_" (the app keeps its
    own bookkeeping under such keys)."""
    return {
        name: list(value) if isinstance(value, list) else value
        for name, value in st.session_state.items()
        if not name.startswith("_") and name not in own
    }


def start_waiting(
    pending_key: str, taken: Halves, before: Halves, text: str, own: Sequence[str]
) -> None:
    """From the box's callback: ``taken`` was typed as ``text`` while the browser had
    ``before``; wait for the browser to report it (under ``pending_key``)."""
    st.session_state[pending_key] = TypedLambda(
        taken=taken,
        before=before,
        sent=before,
        others=other_widgets(own),
        own=tuple(own),
        box_texts={text},
        at=_clock(),
    )


def note_box_text(pending_key: str, text: str) -> None:
    """The run wrote ``text`` into the box: the browser may hold it without the person
    having edited the box."""
    pending: TypedLambda | None = st.session_state.get(pending_key)
    if pending is not None:
        pending.box_texts.add(text)


def keep_waiting(pending_key: str, key: str, sign_key: str, box_key: str) -> Halves | None:
    """Before the λ control's widgets: the λ to set again when this run's message is stale
    (see the module's docstring), else ``None``; ends the wait when it is over."""
    pending: TypedLambda | None = st.session_state.get(pending_key)
    if pending is None:
        return None
    if _clock() - pending.at > STALE_WINDOW_S:
        del st.session_state[pending_key]
        return None
    if pending.taking_run:  # the callback has just set the typed λ: nothing to compare yet
        pending.taking_run = False
        return None
    now = (float(st.session_state[key]), bool(st.session_state[sign_key]))
    others = other_widgets(pending.own)
    text = st.session_state.get(box_key, "")
    elsewhere = others != pending.others or text not in pending.box_texts
    moved = (now[0] != pending.sent[0], now[1] != pending.sent[1])
    kept = list(now)
    for half in (0, 1):
        if pending.taken[half] in (pending.before[half], now[half]):
            continue  # typing did not change this half, or the browser has it
        if not moved[half] and now[half] == pending.before[half] and (elsewhere or moved[1 - half]):
            kept[half] = pending.taken[half]  # stale: the browser did not have it
    pending.sent, pending.others = now, others
    pending.box_texts.add(text)
    if (kept[0], kept[1]) == now:  # reported by the browser, or replaced by the person
        del st.session_state[pending_key]
        return None
    return (float(kept[0]), bool(kept[1]))
