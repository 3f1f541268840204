"""Text typed into a box and left by a click on a page link: the box's text first, then the
page change, in the order the person did them.

A text box commits its text when it loses focus, on the pointer press, but Streamlit's frontend
(1.67) sends that commit a moment later (``WidgetStateManager.scheduleFlush``, a
``setTimeout(…, 0)``), while a navigation link sends its page change at once, on the click.
When the press and the release come close together (a quick click, a tap, a busy browser:
the browser runs input events before timers), the page change leaves first and the commit
second — and the commit names the page it was typed on. For a box in a fragment the server
drops it (the fragment is gone with the page); for a box of the page itself (the sheet's
predictions) it is a full run of the old page, which the server runs after the new one: the
new page shows for a moment, then the old page comes back.

A small static script of ours holds such a click until the commit's run has ended: a plain
click on a navigation link whose pointer press took the focus from a text field is stopped; one
turn of the browser's event loop later the commit's timer, set earlier, has sent its rerun, and
the click is given again as soon as a run that started after that rerun was sent has ended (at
most 10 s later; at once when no run is going: the text had not changed and nothing else runs,
or its run has already ended, as after a slow press). A run still going is waited for even when
the press committed nothing: after Enter it is the run that takes the box's text. Not the run's
first message: a loaded server announces the run, then waits for a core before it takes the
committed values and starts the page, and a page change that arrives in that wait stops the run
there, and the typed text was lost. A run that ends early because another was asked for does
not count: the next one takes the values. The server then gets the commit, then the page
change, as after Enter and a click: the person lands on the page they clicked, and the typed
text is kept with the page it was typed on (Streamlit keeps a bound widget's last value when
its page is left and writes it back into the address when the page is visited again). To know
what was sent and answered, the script marks the page's websocket sends whose first byte is
that of a rerun request, and reads the top-level field tags of each server message while a
rerun is unanswered (:data:`RUN_MARK_JS`): a run's start, and a run's end with its status. It
reads nothing else of them, and no user text. A held click is dropped when the person does
something else before it is given (a key other than a bare modifier, a press outside the page
links); another click on a page link (a double click, or a click on another page's link) is
held in its place, so the page changes once, to the link clicked last. Streamlit's page links
change the page in the same tab whatever the modifier keys, so a Ctrl- or Cmd-click is held
like any other (given back with its keys); the keyboard needs nothing (the focus left the box
earlier), and a link to another site (a new tab) is left alone.
``tests/e2e/test_e2e_sheet_typed_then_nav.py`` checks it.
"""

from __future__ import annotations

import streamlit as st

#: ``(data) => 'started' | number | null``: what one server message says of runs: ``'started'``
#: (a new run's first message, ForwardMsg field 4 ``new_session``), the status a run ended with
#: (field 6 ``script_finished``: 0 finished, 1 compile error, 2 stopped early for another run,
#: 3 fragment run finished), or null. Only the message's top-level field tags are read; every
#: field's content is skipped. A separate constant so that the browser tests can run it on
#: Streamlit's own messages.
RUN_MARK_JS = """
(data) => {
  if (!(data instanceof ArrayBuffer)) return null;
  const bytes = new Uint8Array(data);
  let i = 0;
  const varint = () => {
    let value = 0, shift = 0, byte = 0;
    do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; }
    while (byte & 0x80 && i < bytes.length);
    return value;
  };
  while (i < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8), wire = tag % 8;
    if (wire === 0) {
      const value = varint();
      if (field === 6) return value;
    } else if (wire === 2) {
      if (field === 4) return 'started';
      const length = varint();  // read before i moves on: `i += varint()` would add to the old i
      i += length;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else return null;
  }
  return null;
}
"""

_COMMIT_BEFORE_NAVIGATION_JS = (
    """
<script>
(() => {
  if (window.__softlseCommitFirst) return;
  window.__softlseCommitFirst = true;
  const NAV_LINKS = '[data-testid="stSidebarNavLink"], [data-testid="stPageLink-NavLink"]';
  const FIELDS = 'input, textarea, [contenteditable="true"]';
  const RERUN_TAG = 0x5a;  // BackMsg field 11 (rerun_script), length-delimited: its first byte
  const STOPPED_FOR_RERUN = 2;  // a run that ended early because another was asked for
  // the longest a click is held; a test may set a longer one, so that only the run's end
  // can give the click
  const MAX_WAIT_MS = window.__softlseMaxHoldMs || 10000;
  // keys that change a click rather than act on their own: pressing one drops nothing
  const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);
  const runMark = """
    + RUN_MARK_JS.strip()
    + """;
  const navLink = (target) => (target && target.closest ? target.closest(NAV_LINKS) : null);
  const firstByte = (data) => {
    if (data instanceof ArrayBuffer) return data.byteLength ? new Uint8Array(data)[0] : null;
    if (ArrayBuffer.isView(data) && data.byteLength) {
      return new Uint8Array(data.buffer, data.byteOffset, 1)[0];
    }
    return null;
  };
  // The click held back, {link, href, event}, and whether it waits for a run's end (from the
  // moment the box's commit has left); `holds` numbers the holds, so a late timer of an
  // earlier one does nothing.
  let held = null;
  let waiting = false;
  let holds = 0;
  const give = () => {
    const click = held;
    held = null;
    waiting = false;
    if (!click) return;
    // the run may have drawn the link anew: the same address's link then takes the click
    const link = click.link.isConnected ? click.link : Array.from(
      document.querySelectorAll(NAV_LINKS),
    ).find((candidate) => candidate.getAttribute('href') === click.href);
    if (!link) return;
    const e = click.event;
    link.dispatchEvent(new MouseEvent('click', {
      bubbles: true, cancelable: true, composed: true, view: window, detail: 1,
      clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY,
      ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey,
    }));
  };
  const drop = () => {
    held = null;
    waiting = false;
  };
  // Whether the page's last rerun request is still unanswered: sent, and no run started after
  // it has ended yet (a run stopped early for a rerun does not count: the next one takes the
  // values).
  let rerunUnanswered = false;
  let startedSinceRerun = false;
  let lastRerunAt = 0;
  const listened = new WeakSet();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (String(this.url).endsWith('/_stcore/stream')) {
      if (!listened.has(this)) {
        listened.add(this);
        this.addEventListener('message', (event) => {
          if (!rerunUnanswered) return;
          const mark = runMark(event.data);
          if (mark === 'started') startedSinceRerun = true;
          else if (typeof mark === 'number' && mark !== STOPPED_FOR_RERUN && startedSinceRerun) {
            rerunUnanswered = false;
            if (waiting) give();
          }
        });
      }
      if (firstByte(data) === RERUN_TAG) {
        lastRerunAt = performance.now();
        rerunUnanswered = true;
        startedSinceRerun = false;
      }
    }
    return send.call(this, data);
  };
  // A held click is dropped when the person does something else before it is given: a key
  // (not a bare modifier) or a press outside the page links. Another click on a page link
  // (a double click, or another page) is held in its place: the page change goes once, to
  // the link clicked last, after the typed text's run.
  window.addEventListener('keydown', (event) => {
    if (event.isTrusted && held && !MODIFIER_KEYS.has(event.key)) drop();
  }, true);
  let leavingField = null;  // the link pressed while a text field had the focus
  window.addEventListener('pointerdown', (event) => {
    const link = navLink(event.target);
    if (event.isTrusted && held && !link) drop();
    const active = document.activeElement;
    leavingField = link && active && active.matches && active.matches(FIELDS) ? link : null;
  }, true);
  window.addEventListener('click', (event) => {
    const link = navLink(event.target);
    const fromField = link !== null && link === leavingField;
    leavingField = null;
    // a link that opens another site in a new tab is left alone: a click given later would
    // be taken for a pop-up
    if (!event.isTrusted || !link || event.button !== 0 || link.target === '_blank') return;
    const href = link.getAttribute('href');
    if (held) {
      event.preventDefault();
      event.stopImmediatePropagation();
      held = {link, href, event};
      return;
    }
    if (!fromField) return;
    // Streamlit's page links change the page in this tab whatever the modifier keys: a
    // Ctrl- or Cmd-click is held as well
    event.preventDefault();
    event.stopImmediatePropagation();
    held = {link, href, event};
    const hold = ++holds;
    // the box's commit is queued as a zero-delay timer, set before this one: it leaves first
    setTimeout(() => {
      if (!held || hold !== holds) return;  // dropped meanwhile
      // no run to wait for: nothing committed and nothing running (a rerun the server has
      // not answered for the longest hold never will be), or the commit's run has ended
      // already (a slow press). A run still going is waited for even when the press
      // committed nothing: after Enter it is the one that takes the box's text.
      if (!rerunUnanswered || performance.now() - lastRerunAt > MAX_WAIT_MS) return give();
      waiting = true;
      setTimeout(() => {
        if (held && hold === holds) give();
      }, MAX_WAIT_MS);
    }, 0);
  }, true);
})();
</script>
"""
)


def send_typed_text_before_navigation() -> None:
    """Add the script that lets a text box's commit reach the server before a page change."""
    st.html(_COMMIT_BEFORE_NAVIGATION_JS, unsafe_allow_javascript=True, width="content")
